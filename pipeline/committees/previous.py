"""The previous status a new one is compared with: the latest stored results of the same report, judged earlier.

The stored `<report>[-<unit>].results.json` files are the source, not the ledger: a file is what the notebook
reads, its `as_of` says which day it judged, and a status made by hand with `evalreport run` counts as well as
one made by `evalreport due`. The ledger keeps which file each scheduled run was given (`runs.previous`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.run.jobs import Job, Workspace


# A committee case compares with the status before it, as the status it attaches does (it stores no results itself).
COMPARED_WITH = {"committee_case": "status_report"}


def previous_status(job: Job, workspace: Workspace) -> Path | None:
    """The results file of the same project, report and unit under reports/<project>/*/ whose `as_of` is latest
    among those before the job's; None when there is none (the notebook then says it has nothing to compare with).

    The job's own folder is left out: the job is about to replace that file, so it cannot be the one it compares with.
    """
    if job.as_of is None:
        return None
    name = job.name.replace(job.report, COMPARED_WITH.get(job.report, job.report), 1)
    own = job.folder(workspace) / f"{name}.results.json"
    candidates = []
    for path in (workspace.reports / job.project).glob(f"*/{name}.results.json"):
        as_of = _as_of(path)
        if path != own and as_of is not None and as_of < job.as_of:
            candidates.append((as_of, path.stat().st_mtime_ns, path))
    return max(candidates)[2] if candidates else None


def _as_of(path: Path) -> str | None:
    """The ISO day a stored status was judged at; None for a file that cannot be read or does not say."""
    try:
        as_of = json.loads(path.read_text(encoding="utf-8")).get("as_of")
    except (OSError, ValueError, AttributeError):
        return None
    return as_of if isinstance(as_of, str) else None
