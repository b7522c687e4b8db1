"""Delivery to an outbox folder: the status's PDF and HTML copied in whole, under names that say what they are."""

from __future__ import annotations

from pathlib import Path

from pipeline.run.publish import write_atomically


def outbox_folder(outbox: str, reports: Path) -> Path:
    """An outbox as written in project.yaml: an absolute path, or one relative to the reports folder."""
    path = Path(outbox).expanduser()
    return path if path.is_absolute() else reports / path


def outbox_name(project: str, report: str, period: str, unit: str | None, suffix: str) -> str:
    """`integrationsforum-viborg_status_report_2025-2026.pdf`: an outbox holds many projects' files side by side."""
    return "_".join(part for part in (project, report, period, unit) if part) + suffix


def copy_to_outbox(files: dict[str, Path], folder: Path) -> list[Path]:
    """Copy each file to `folder` under its new name; a reader of the folder never sees half a file."""
    copies = []
    for name, source in files.items():
        write_atomically(folder / name, source.read_bytes())
        copies.append(folder / name)
    return copies
