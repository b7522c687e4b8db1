"""A job is one report to make: which notebook, for which project, unit, period and language."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import papermill

from pipeline.analysis.schedule import scheduled_statuses
from pipeline.errors import EvalreportError
from pipeline.paths import default_inputs, default_reports, notebooks_dir
from pipeline.periods import parse_period
from pipeline.project import Project
from pipeline.run.files import ReportFiles, job_folder
from pipeline.vocabulary import LOCALES


@dataclass(frozen=True)
class Workspace:
    """Where a run reads notebooks and inputs and writes reports."""

    inputs: Path
    reports: Path
    notebooks: Path

    @classmethod
    def default(cls, inputs: Path | None = None, reports: Path | None = None) -> Workspace:
        return cls(
            (inputs or default_inputs()).resolve(), (reports or default_reports()).resolve(), notebooks_dir().resolve()
        )

    def available_reports(self) -> list[str]:
        return sorted(p.stem for p in self.notebooks.glob("*.ipynb"))


@dataclass(frozen=True)
class Job:
    project: str
    report: str
    period: str
    language: str
    unit: str | None = None
    as_of: str | None = None  # ISO date a status is judged at; None: the notebook's own rule
    previous: str | None = None  # the previous status's results.json, for a status that compares with it
    project_language: str | None = None  # None: the same as `language`
    committee: str | None = None  # the committee a committee case goes to; None: the notebook's own rule

    @property
    def name(self) -> str:
        """The file name of the job's outputs: `end_report`, `end_report-0701`, or `end_report-0701.en` in English."""
        return report_file_name(self.report, self.unit, self.language, self.project_language)

    @property
    def label(self) -> str:
        return f"{self.project}/{self.period}/{self.name}"

    def parameters(self, workspace: Workspace) -> dict[str, str | None]:
        """The values papermill injects into the notebook's `parameters` cell."""
        parameters: dict[str, str | None] = {
            "project": self.project,
            "unit": self.unit,
            "period": self.period,
            "language": self.language,
            "inputs": str(workspace.inputs),
            "reports": str(workspace.reports),
        }
        # Only a status has these: leaving them out otherwise keeps other reports' parameters, and keys, as they were.
        optional = {"as_of": self.as_of, "previous": self.previous, "committee": self.committee}
        return parameters | {name: value for name, value in optional.items() if value is not None}

    def folder(self, workspace: Workspace) -> Path:
        """reports/<project>/<period>/, where the job's files go (confined: see `ReportFiles`)."""
        return job_folder(self, workspace.reports)


def report_file_name(
    report: str, unit: str | None, language: str | None = None, project_language: str | None = None
) -> str:
    """`end_report`, or `end_report-0701` for a unit; a report in another language than the project's says which
    (`end_report-0701.en`), so that it does not replace the report in the project's own language."""
    name = f"{report}-{unit}" if unit else report
    return f"{name}.{language}" if language and project_language and language != project_language else name


def plan_jobs(
    project: Project,
    workspace: Workspace,
    reports: list[str] | None = None,
    unit: str | None = None,
    per_unit: bool = False,
    period: str | None = None,
    language: str | None = None,
    as_of: date | None = None,
) -> list[Job]:
    """The jobs for one project, every parameter checked before any kernel starts. `as_of`: the day every report is
    judged at (`--as-of`); None: a status its scheduled day, any other report the notebook's own rule."""
    spec = project.spec
    names = reports or spec.reports
    unknown = [name for name in names if name not in workspace.available_reports()]
    if unknown:
        raise EvalreportError(f"report: expected one of {workspace.available_reports()}, found {', '.join(unknown)}")
    unit_ids = [u.id for u in spec.units]
    if unit and unit not in unit_ids:
        raise EvalreportError(f"unit: expected one of {unit_ids} for project {project.id}, found {unit!r}")
    if per_unit and not unit_ids:
        raise EvalreportError(f"--per-unit: project {project.id} declares no units")
    if language and language not in LOCALES:
        raise EvalreportError(f"language: expected one of {sorted(LOCALES)}, found {language!r}")
    report_period = parse_period(period, spec.period)
    units: list[str | None] = list(unit_ids) if per_unit else [unit]
    jobs = [
        Job(project.id, name, report_period.name, language or spec.language, u, project_language=spec.language)
        for name in names
        for u in units
    ]
    for job in jobs:
        job.folder(
            workspace
        )  # refused here, before any kernel starts, if its files would land outside the reports folder
    if as_of is not None and as_of < report_period.first_day:
        raise EvalreportError(f"--as-of: expected a day in or after the period {report_period.label}, found {as_of}")
    # A status (a notebook with a `previous` parameter) made by hand is judged as of the day its committee's schedule
    # set for it, as `evalreport due` judges it; without one, as of today, or the period's last day once it is over.
    # It is compared with the latest status stored before that day.
    statuses = {name for name in names if "previous" in notebook_parameters(workspace, name)}
    planned = []
    for job in jobs:
        if job.report in statuses:
            day = as_of or scheduled_day(project, job) or report_period.as_of()
            planned.append(with_previous_status(replace(job, as_of=day.isoformat()), workspace))
        else:
            planned.append(replace(job, as_of=as_of.isoformat()) if as_of else job)
    return planned


def scheduled_day(project: Project, job: Job, today: date | None = None) -> date | None:
    """The latest day up to today a committee's schedule made the job's status (the same report, unit and period)."""
    days = [
        status.day
        for committee in project.spec.committees
        if committee.schedule is not None
        and committee.report == COMPARED_WITH.get(job.report, job.report)
        and committee.unit == job.unit
        for status in scheduled_statuses(committee.schedule, project.spec.period, today or date.today())
        if status.period.name == job.period
    ]
    return max(days, default=None)


@dataclass
class JobResult:
    job: Job
    ok: bool
    seconds: float
    outputs: list[str] = field(default_factory=list)
    reason: str = ""  # why it failed
    why: str = ""  # why it ran: new, input changed, forced ... ; empty when skipped as unchanged

    @property
    def skipped(self) -> bool:
        return self.ok and not self.why


def notebook_parameters(workspace: Workspace, report: str) -> set[str]:
    """The names in a notebook's `parameters` cell: read once per version of the file (planning and every job ask)."""
    path = workspace.notebooks / f"{report}.ipynb"
    try:
        version = path.stat()
    except OSError:
        return set(papermill.inspect_notebook(str(path)))  # which says what is wrong
    return set(_parameters_in(str(path), version.st_mtime_ns, version.st_size))


@lru_cache(maxsize=64)
def _parameters_in(path: str, modified: int, size: int) -> frozenset[str]:
    return frozenset(papermill.inspect_notebook(path))


def with_previous_status(job: Job, workspace: Workspace) -> Job:
    """The job given the latest status of the same project, report and unit stored before its `as_of` day."""
    found = previous_status(job, workspace)
    return replace(job, previous=str(found) if found else None)


# The previous status a new one is compared with: the latest stored results of the same report, judged earlier.
#
# The stored `<report>[-<unit>].results.json` files are the source, not the ledger: a file is what the notebook
# reads, its `as_of` says which day it judged, and a status made by hand with `evalreport run` counts as well as
# one made by `evalreport due`. The ledger keeps which file each scheduled run was given (`runs.previous`).


# The committee case made with each committee's yearly status (notebooks/committee_case.ipynb); it compares with the
# status before it, as the status it attaches does (it stores no results itself).
CASE_REPORT = "committee_case"
COMPARED_WITH = {CASE_REPORT: "status_report"}


def previous_status(job: Job, workspace: Workspace) -> Path | None:
    """The results file of the same project, report and unit under reports/<project>/*/ whose `as_of` is latest
    among those before the job's; None when there is none (the notebook then says it has nothing to compare with).

    The job's own folder is left out: the job is about to replace that file, so it cannot be the one it compares with.
    """
    if job.as_of is None:
        return None
    compared = replace(job, report=COMPARED_WITH.get(job.report, job.report))
    own = ReportFiles.of(compared, workspace.reports).results
    candidates = []
    for path in (workspace.reports / job.project).glob(f"*/{own.name}"):
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
