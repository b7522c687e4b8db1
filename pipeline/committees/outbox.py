"""Delivery to an outbox folder: the status's PDF and HTML copied in whole, under names that say what they are."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pipeline.paths import confined
from pipeline.run.publish import write_atomically

# An administrator may let outboxes live elsewhere (a share the committees' secretaries read): only they can say
# where, in the service's environment; project.yaml names folders under it.
OUTBOX_ROOT = "EVALREPORT_OUTBOX_ROOT"


def outbox_root(reports: Path, environment: Mapping[str, str] | None = None) -> Path:
    """The folder every outbox lies in: $EVALREPORT_OUTBOX_ROOT when set, else the reports folder."""
    root = (os.environ if environment is None else environment).get(OUTBOX_ROOT)
    return Path(root) if root else reports


def outbox_folder(outbox: str, reports: Path, environment: Mapping[str, str] | None = None) -> Path:
    """An outbox as written in project.yaml, a folder under the outbox root; UnsafePath when it leads out of it."""
    root = outbox_root(reports, environment)
    return confined(root, outbox, "delivery.outbox", f"${OUTBOX_ROOT}" if root != reports else "the reports folder")


def outbox_name(
    project: str, report: str, period: str, unit: str | None, suffix: str, language: str | None = None
) -> str:
    """`integrationsforum-viborg_status_report_2025-2026.pdf`: an outbox holds many projects' files side by side;
    a status in another language than the project's ends in it (`…_2025-2026_en.pdf`)."""
    return "_".join(part for part in (project, report, period, unit, language) if part) + suffix


def copy_to_outbox(files: dict[str, Path], folder: Path) -> list[Path]:
    """Copy each file to `folder` under its new name; a reader of the folder never sees half a file."""
    copies = []
    for name, source in files.items():
        write_atomically(folder / name, source.read_bytes())
        copies.append(folder / name)
    return copies
