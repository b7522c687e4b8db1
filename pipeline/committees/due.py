"""What is due on a day, and making it: each committee's latest scheduled status that the ledger does not record as
made, run through the same job machinery as `evalreport run`, recorded in the ledger, then delivered.

A machine that was off on the scheduled day catches up on the next call; a second call the same day finds the
status made and does nothing, apart from retrying deliveries that failed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from pipeline.analysis.schedule import Occurrence, latest_occurrence, next_occurrence
from pipeline.committees.deliver import Target, deliver, targets
from pipeline.committees.ledger import Delivery, Ledger, Run
from pipeline.errors import InputError, in_one_line
from pipeline.project import PROJECT_FILE, Project, list_projects, load_project, load_spec, project_folder
from pipeline.run.batch import FORMATS, run_jobs, why_each_runs
from pipeline.run.files import ReportFiles
from pipeline.run.jobs import CASE_REPORT, Job, JobResult, Workspace, notebook_parameters, with_previous_status
from pipeline.spec import Committee


@dataclass(frozen=True, eq=False)  # by identity: a dict key even when two committees plan equal statuses
class CommitteeStatus:
    """One committee's status as seen on a day: the one scheduled last, whether to make it now and why (not)."""

    project: Project
    committee: Committee
    occurrence: Occurrence | None  # None: the last scheduled day covers no year of the project
    why: str | None  # why it is made now; None: it is not due
    note: str  # for a person reading the plan: why (not), and when the next one comes
    job: Job | None = None  # the job that makes it, when due
    made: Run | None = None  # the run that made it already, when not due
    undelivered: list[Target] = field(default_factory=list)  # targets the made status has not reached yet
    problem: str | None = None  # due, but cannot be made

    @property
    def due(self) -> bool:
        return self.why is not None

    @property
    def due_job(self) -> Job:
        """The job that makes a due status."""
        assert self.job is not None, "plan_committee gives every due status its job"
        return self.job


@dataclass(frozen=True)
class Outcome:
    """What became of one committee's status in a `due` call: the job's result (when it ran) and the deliveries."""

    status: CommitteeStatus
    result: JobResult | None = None
    run: Run | None = None
    deliveries: list[Delivery] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        made_badly = self.result is not None and not self.result.ok
        return bool(self.status.problem) or made_badly or any(not d.delivered for d in self.deliveries)


def projects_with_committees(workspace: Workspace, names: list[str] | None = None) -> tuple[list[Project], list[str]]:
    """The projects that have committees, and why each project that may have some could not be loaded."""
    projects, problems = [], []
    for name in names or list_projects(workspace.inputs):
        try:
            project = load_project(name, workspace.inputs)
        except InputError as error:
            if names or _may_have_committees(name, workspace):
                problems.append(
                    f"{name}: {len(error.problems)} problem(s) in the inputs; no status made (evalreport "
                    f"validate {name})"
                )
            continue
        except Exception as error:  # whatever one project does, the others' statuses are made
            problems.append(f"{name}: could not be read ({in_one_line(error)}); no status made")
            continue
        if project.spec.committees:
            projects.append(project)
    return projects, problems


def _may_have_committees(name: str, workspace: Workspace) -> bool:
    try:
        return bool(load_spec(project_folder(name, workspace.inputs) / PROJECT_FILE).committees)
    except Exception:
        return True  # project.yaml itself is broken: it may declare committees, so say so


def plan(
    projects: list[Project], workspace: Workspace, ledger: Ledger, on: date, force: bool = False
) -> list[CommitteeStatus]:
    # A committee without a schedule is one that recommendations are sent to: it gets no status.
    scheduled = [
        (project, committee) for project in projects for committee in project.spec.committees if committee.schedule
    ]
    return [plan_committee(project, committee, workspace, ledger, on, force) for project, committee in scheduled]


def plan_committee(
    project: Project, committee: Committee, workspace: Workspace, ledger: Ledger, on: date, force: bool = False
) -> CommitteeStatus:
    period, schedule = project.spec.period, committee.schedule
    assert schedule is not None  # plan_due plans the committees that have a schedule
    day, occurrence = latest_occurrence(schedule, period, on)
    coming = next_occurrence(schedule, period, on)
    then = (
        f"next on {coming.day} ({coming.period.label})"
        if coming
        else f"no more statuses: the project's period is {period.label}"
    )
    if occurrence is None:
        note = f"not due: the status scheduled on {day} covers no year of the project's {period.label}; {then}"
        return CommitteeStatus(project, committee, None, None, note)

    made = ledger.last_good_run(project.id, committee.name, occurrence.as_of)
    if made and not force:
        undelivered = [t for t in targets(committee, workspace.reports) if t not in _delivered(ledger, made)]
        note = (
            f"not due: the status of {occurrence.day} ({occurrence.period.label}) was made {made.finished_on}; {then}"
        )
        return CommitteeStatus(project, committee, occurrence, None, note, made=made, undelivered=undelivered)

    last = ledger.last_run(project.id, committee.name, occurrence.as_of)
    if made:
        why = f"forced (made {made.finished_on})"
    elif last and last.status == "failed":
        why = f"last attempt failed: {last.error}"
    elif last:
        why = "last attempt did not finish"
    else:
        why = f"scheduled {occurrence.day}" + (f", caught up {on}" if on != occurrence.day else "")
    language = committee.language or project.spec.language
    job = Job(
        project.id,
        committee.report,
        occurrence.period.name,
        language,
        committee.unit,
        as_of=occurrence.as_of,
        project_language=project.spec.language,
    )
    if committee.report not in workspace.available_reports():
        problem = f"no notebook {committee.report}.ipynb in {workspace.notebooks}"
        return CommitteeStatus(project, committee, occurrence, why, f"due: {why}", job, problem=problem)
    return CommitteeStatus(project, committee, occurrence, why, f"due: {why}", with_previous_status(job, workspace))


def _delivered(ledger: Ledger, run: Run) -> list[Target]:
    return [Target(d.channel, d.target) for d in ledger.deliveries(run.id) if d.delivered]


def make_due(
    statuses: list[CommitteeStatus],
    workspace: Workspace,
    ledger: Ledger,
    timeout: int = 600,
    workers: int = 1,
    on_done: Callable[[JobResult], None] = lambda result: None,
    force: bool = False,
    environment: Mapping[str, str] | None = None,
) -> list[Outcome]:
    """Make every due status (HTML and PDF), record each in the ledger, then deliver every made status that has
    targets it has not reached. A status that fails is recorded as failed and is due again next time."""
    due = [s for s in statuses if s.due and not s.problem]
    cases = {status: case for status in due if (case := case_job(status, workspace)) is not None}
    jobs = jobs_to_make(statuses, workspace)
    projects = {s.project.id: s.project for s in due}  # loaded when planned; the jobs use them, not a second load
    reasons = why_each_runs(jobs, workspace, FORMATS, force, projects)
    run_ids = {status: start_run(ledger, status, already_made=not reasons[status.due_job]) for status in due}
    made = run_jobs(jobs, workspace, FORMATS, timeout, workers, on_done, reasons, projects=projects)
    results = {result.job: result for result in made}
    results |= {status.due_job: with_case(results[status.due_job], results[case]) for status, case in cases.items()}

    outcomes = []
    for status in statuses:
        run, result = status.made, None
        if status in run_ids:
            result = results[status.due_job]
            run = finish_run(ledger, run_ids[status], result, workspace)
        if run is None or not run.ok:
            outcomes.append(Outcome(status, result, run))  # nothing made: nothing to deliver
        else:
            outcomes.append(
                Outcome(
                    status,
                    result,
                    run,
                    deliver(run, status.committee, status.project, workspace.reports, ledger, environment),
                )
            )
    return outcomes


def jobs_to_make(statuses: list[CommitteeStatus], workspace: Workspace) -> list[Job]:
    """The reports the due statuses need: each status and its committee case, once each (two committees may get the
    very same report)."""
    due = [s for s in statuses if s.due and not s.problem]
    cases = [case for status in due if (case := case_job(status, workspace)) is not None]
    return list(dict.fromkeys([*(s.due_job for s in due), *cases]))


def case_job(status: CommitteeStatus, workspace: Workspace) -> Job | None:
    """The committee case made with a yearly status: the document the committee acts on, with the status attached
    (docs/committees.md); none where the notebooks have no case, or the committee's report is not a yearly status
    (a notebook comparing with the previous one) or is itself the case."""
    job = status.job
    if job is None or job.report == CASE_REPORT or CASE_REPORT not in workspace.available_reports():
        return None
    if "previous" not in notebook_parameters(workspace, job.report):
        return None
    return replace(job, report=CASE_REPORT, committee=status.committee.name)


def with_case(status: JobResult, case: JobResult) -> JobResult:
    """The status's result, failed when its case failed: the two are delivered together, and made again together."""
    if case.ok:
        return replace(status, outputs=[*status.outputs, *case.outputs])
    return replace(status, ok=False, reason=f"the committee case: {case.reason}")


def start_run(ledger: Ledger, status: CommitteeStatus, already_made: bool) -> int:
    job, occurrence, why = status.due_job, status.occurrence, status.why
    # plan_committee gives a due status its occurrence, and its job that occurrence's day
    assert occurrence is not None and job.as_of is not None and why is not None
    why = f"{why}; the same report was made already, unchanged" if already_made else why
    return ledger.start_run(
        status.committee.name,
        job.project,
        job.report,
        job.unit,
        occurrence.as_of,
        job.period,
        job.as_of,
        job.previous,
        why,
    )


def finish_run(ledger: Ledger, run_id: int, result: JobResult, workspace: Workspace) -> Run:
    job = result.job
    # A job skipped as unchanged published nothing now: its outputs are the files its last good run made.
    files = ReportFiles.of(job, workspace.reports)
    outputs = [str(path) for path in files.outputs(FORMATS)] if result.skipped else result.outputs
    ledger.finish_run(run_id, result.ok, result.reason, outputs)
    return ledger.run(run_id)
