"""Job keys: a content hash of everything a report is made from, so that an unchanged job is skipped.

A key has parts — the notebook, the input files, the logo, the day the report is judged at, the parameters, the
fonts, evalreport's own code and templates, the libraries it draws with — so that a run can say why a job ran again
("input changed"), not only that it did.
"""

from __future__ import annotations

import hashlib
import json
import platform
from datetime import date
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.periods import parse_period
from pipeline.present import fonts
from pipeline.project import Project
from pipeline.render.cover import logo_data_uri
from pipeline.run.jobs import Job, Workspace

PACKAGE = Path(__file__).resolve().parent.parent

# Why a job runs, in the order they are checked; a job with none of these is skipped.
REASONS = {
    "forced": "forced",
    "new": "new",
    "failed": "last run failed",
    "outputs": "output missing",
    "notebook": "notebook changed",
    "logo": "logo changed",  # before "inputs": the logo is one of the project's input files too
    "inputs": "input changed",
    "previous": "previous status changed",
    "as_of": "as-of day changed",  # before "parameters": a status's as_of is one of them too
    "parameters": "parameters changed",
    "fonts": "fonts changed",
    "code": "evalreport changed",
    "libraries": "Python or a library changed",
}
# The parts of a key, in the order `why_run` compares them: the reasons from "notebook" on.
PARTS = tuple(REASONS)[tuple(REASONS).index("notebook") :]


def _digest(*chunks: bytes) -> str:
    sha = hashlib.sha256()
    for chunk in chunks:
        sha.update(len(chunk).to_bytes(8, "big"))
        sha.update(chunk)
    return sha.hexdigest()


@cache
def code_digest() -> str:
    """evalreport's version and every file of its package (code, templates, stylesheet, and whatever is added
    beside them): a change to any of them changes every report."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return _digest(__version__.encode(), *(str(p.relative_to(PACKAGE)).encode() + p.read_bytes() for p in files))


def package_versions() -> dict[str, str]:
    """Python's version and those of the libraries that compute, draw and lay out a report."""
    return dict(_package_versions())


@cache
def _package_versions() -> dict[str, str]:
    # Read once per process: each look-up parses a library's metadata (≈ 6 ms), and every job's key and record ask.
    names = (
        "papermill",
        "nbconvert",
        "pandas",
        "matplotlib",
        "typst",
        "python-docx",
        "babel",
        "pydantic",
        "statsmodels",
    )
    return {"python": platform.python_version(), "evalreport": __version__, **{n: version(n) for n in names}}


def font_digest() -> str:
    """The font files a report is set in, and only those: the PDF and the HTML use no font of the machine's."""
    return fonts.digest()


def as_of_day(job: Job, project: Project, today: date | None = None) -> str:
    """The day the report is judged at: the job's own (a status), else today while its period runs, else the
    period's last day: the rule `Report.open` follows in the notebook."""
    return job.as_of or parse_period(job.period, project.spec.period).as_of(today).isoformat()


def fingerprint(job: Job, workspace: Workspace, project: Project, today: date | None = None) -> dict[str, str]:
    """The parts of a job's key; equal parts mean an equal report (apart from the date it was made)."""
    notebook = workspace.notebooks / f"{job.report}.ipynb"
    parameters = json.dumps({**job.parameters(workspace), "report": job.report}, sort_keys=True)
    key = {
        "notebook": _digest(notebook.read_bytes()),
        "logo": _digest((logo_data_uri(project) or "").encode()),  # as the report embeds it
        "inputs": _digest(*(f"{name}:{digest}".encode() for name, digest in sorted(project.input_hashes().items()))),
        "as_of": as_of_day(job, project, today),
        "parameters": _digest(parameters.encode()),
        "fonts": font_digest(),
        "code": code_digest(),
        "libraries": _digest(json.dumps(package_versions(), sort_keys=True).encode()),
    }
    if job.previous:
        # A status compares with the previous one: the same path with other results is another report.
        previous = Path(job.previous)
        key["previous"] = _digest(previous.read_bytes()) if previous.is_file() else "missing"
    return key


def why_run(
    current: dict[str, str], previous: dict[str, Any] | None, outputs_exist: bool, force: bool = False
) -> str | None:
    """The reason to run a job, or None when its last good run made the same report from the same things."""
    if force:
        return REASONS["forced"]
    if not previous or "key" not in previous:
        return REASONS["new"]
    if previous.get("status") != "ok":
        return REASONS["failed"]
    if not outputs_exist:
        return REASONS["outputs"]
    if set(current) - {"previous"} != set(previous["key"]) - {"previous"}:
        return REASONS["code"]  # a key of other parts: made by another version of evalreport
    for part in PARTS:
        if previous["key"].get(part) != current.get(part):  # "previous" only where a status compares with one
            return REASONS[part]
    return None
