"""Job keys: a content hash of everything a report is made from, so that an unchanged job is skipped.

A key has parts — the notebook, the input files, the parameters, evalreport's own code and template — so
that a run can say why a job ran again ("input changed"), not only that it did.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from pipeline import __version__
from pipeline.project import Project
from pipeline.run.jobs import Job, Workspace

PACKAGE = Path(__file__).resolve().parent.parent

# Why a job runs, in the order they are checked; a job with none of these is skipped.
REASONS = {
    "forced": "forced",
    "new": "new",
    "failed": "last run failed",
    "outputs": "output missing",
    "notebook": "notebook changed",
    "inputs": "input changed",
    "previous": "previous status changed",
    "parameters": "parameters changed",
    "code": "evalreport changed",
}


def _digest(*chunks: bytes) -> str:
    sha = hashlib.sha256()
    for chunk in chunks:
        sha.update(len(chunk).to_bytes(8, "big"))
        sha.update(chunk)
    return sha.hexdigest()


@cache
def code_digest() -> str:
    """evalreport's version, code and report template: a change to any of them changes every report."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in {".py", ".j2", ".css", ".json"})
    return _digest(__version__.encode(), *(str(p.relative_to(PACKAGE)).encode() + p.read_bytes() for p in files))


def fingerprint(job: Job, workspace: Workspace, project: Project) -> dict[str, str]:
    """The parts of a job's key; equal parts mean an equal report (apart from the date it was made)."""
    notebook = workspace.notebooks / f"{job.report}.ipynb"
    parameters = json.dumps({**job.parameters(workspace), "report": job.report}, sort_keys=True)
    key = {
        "notebook": _digest(notebook.read_bytes()),
        "inputs": _digest(*(f"{name}:{digest}".encode() for name, digest in sorted(project.input_hashes().items()))),
        "parameters": _digest(parameters.encode()),
        "code": code_digest(),
    }
    if job.previous:
        # A status compares with the previous one: the same path with other results is another report.
        previous = Path(job.previous)
        key["previous"] = _digest(previous.read_bytes()) if previous.is_file() else "missing"
    return key


def why_run(current: dict[str, str], previous: dict | None, outputs_exist: bool, force: bool = False) -> str | None:
    """The reason to run a job, or None when its last good run made the same report from the same things."""
    if force:
        return REASONS["forced"]
    if not previous or "key" not in previous:
        return REASONS["new"]
    if previous.get("status") != "ok":
        return REASONS["failed"]
    if not outputs_exist:
        return REASONS["outputs"]
    for part in ("notebook", "inputs", "previous", "parameters", "code"):
        if previous["key"].get(part) != current.get(part):  # "previous" only where a status compares with one
            return REASONS[part]
    return None
