"""Every file of a job, named in one place: each format a reader opens, the results, the audit notebook, the run
record, and the version folders publishing switches between (see `publish`).

```
reports/<project>/<period>/
    <name>.html .pdf .docx .xlsx .figures.csv .results.json   what readers open: links to .<name>.current/<file>
    .<name>.current                                      the pointer: a link to .<name>.versions/<version>
    .<name>.versions/<version>/<name>.html ...           each published set, whole; the current one and the one before
    run.json                                             the record of every job of the period
    audit/<name>.ipynb, audit/<name>.failed.ipynb        the executed notebook, never published
```

`<name>` is `<report>[-<unit>][.<language>]` (`Job.name`). Confinement lives here too: a job's folder is refused
unless every id in its path is a safe name and the folder lies inside the reports folder, whatever checks came
before (a unit id `../../x` would write elsewhere).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.paths import confined, safe_name
from pipeline.render import OUTPUTS

if TYPE_CHECKING:
    from pipeline.run.jobs import Job

# Each output by its name in `--format` and the registry of renderers, and the suffix of its file.
SUFFIXES = {name: output.suffix for name, output in OUTPUTS.items()}
AUDIT = "audit"  # executed notebooks live here, apart from the published reports, and are never linked from them
RECORD = "run.json"
DECISION = ".survey-decision.json"  # per project: the survey's suppression decision (`pipeline.run.decision`)


def job_folder(job: Job, reports: Path) -> Path:
    """reports/<project>/<period>/, refused (UnsafePath) unless every id in the job's file names is safe and the
    folder lies inside `reports`."""
    ids = {"project": job.project, "period": job.period, "report": job.report, "unit": job.unit}
    for what, value in (ids | {"language": job.language}).items():
        if value is not None:
            safe_name(value, f"job {what}")
    return confined(reports, f"{job.project}/{job.period}", "the job's report folder", "the reports folder")


def decision_file(reports: Path, project: str) -> Path:
    """reports/<project>/.survey-decision.json, where the decision every report of the project obeys is kept;
    refused (UnsafePath) unless the project id is a safe name and the file lies inside `reports`."""
    safe_name(project, "project")
    return confined(reports, f"{project}/{DECISION}", "the project's survey decision", "the reports folder")


@dataclass(frozen=True)
class ReportFiles:
    """The files of one job (`of`), or of one report recorded in a folder's run.json (`recorded`)."""

    folder: Path
    name: str

    @classmethod
    def of(cls, job: Job, reports: Path) -> ReportFiles:
        return cls(job_folder(job, reports), job.name)

    @classmethod
    def recorded(cls, folder: Path, name: str) -> ReportFiles:
        """A report a run.json in `folder` names: its name is checked like a job's, since the file may be edited."""
        for part in name.split("."):
            safe_name(part, f"report name in {folder / RECORD}")
        return cls(folder, name)

    # --- what readers open ---------------------------------------------------------------------------------
    def published(self, output: str) -> Path:
        """The public path of an output (`html`, `pdf`, `docx`, `xlsx`, `figures.csv`, `results.json`): what links and
        bookmarks name."""
        return self.folder / self.file_name(output)

    def file_name(self, output: str) -> str:
        return f"{self.name}{SUFFIXES[output]}"

    def outputs(self, formats: Iterable[str]) -> list[Path]:
        return [self.published(output) for output in formats]

    @property
    def html(self) -> Path:
        return self.published("html")

    @property
    def pdf(self) -> Path:
        return self.published("pdf")

    @property
    def results(self) -> Path:
        return self.published("results.json")

    # --- the published versions ------------------------------------------------------------------------------
    @property
    def current(self) -> Path:
        """The pointer to the current version folder: the one link publishing replaces."""
        return self.folder / f".{self.name}.current"

    @property
    def versions(self) -> Path:
        return self.folder / f".{self.name}.versions"

    def current_version(self) -> Path | None:
        """The folder of the set readers see now, resolved once: a reader that needs several files of one set
        (the outbox's HTML and PDF) reads them from here, and gets one set even while a new one is published."""
        try:
            target = os.readlink(self.current)
        except OSError:
            return None
        return self.folder / target

    def in_set(self, output: str, version: Path | None = None) -> Path:
        """An output's file inside `version` (default: the current version; the public path before the first
        versioned publish, for a folder written by an earlier evalreport)."""
        version = version or self.current_version()
        return version / self.file_name(output) if version else self.published(output)

    # --- records -----------------------------------------------------------------------------------------------
    @property
    def record(self) -> Path:
        return self.folder / RECORD

    def previous_record(self) -> dict[str, Any] | None:
        """This job's entry in run.json, from its last run."""
        return json.loads(self.record.read_text(encoding="utf-8")).get(self.name) if self.record.exists() else None

    def audit(self, state: str = "") -> Path:
        """The executed notebook: `audit/<name>.ipynb`; `state` "running" or "failed" for the other two."""
        return self.folder / AUDIT / f"{self.name}{'.' + state if state else ''}.ipynb"
