"""Run jobs: each executes, renders and publishes on its own, so that one failure never stops the others."""

from __future__ import annotations

import gc
import json
import multiprocessing
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial

from pipeline.errors import EvalreportError, JobFailed
from pipeline.present import render_typst
from pipeline.project import Project, load_project
from pipeline.run import cache, execute, render
from pipeline.run.deadline import Deadline
from pipeline.run.files import ReportFiles
from pipeline.run.jobs import Job, Workspace
from pipeline.run.kernel import ensure_kernel
from pipeline.run.publish import publish_report, record_run
from pipeline.run.figures import figures_csv, report_tables
from pipeline.run.workbook import About, workbook

FORMATS = ("html", "pdf")


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


def why_each_runs(
    jobs: list[Job], workspace: Workspace, formats: Iterable[str], force: bool = False, projects: Mapping[str, Project] | None = None
) -> dict[Job, str | None]:
    """For each job, why it must run, or None when its last good run already made this very report.

    `projects`: those the jobs were planned from, by id, so that planning reads each project once; any other is loaded.
    """
    projects = dict(projects or {})
    for project_id in {job.project for job in jobs} - set(projects):
        projects[project_id] = load_project(project_id, workspace.inputs)
    reasons = {}
    for job in jobs:
        files = ReportFiles.of(job, workspace.reports)
        outputs_exist = all(path.exists() for path in files.outputs(formats))
        key = cache.fingerprint(job, workspace, projects[job.project])
        reasons[job] = cache.why_run(key, files.previous_record(), outputs_exist, force)
    return reasons


def run_job(job: Job, workspace: Workspace, formats: Iterable[str] = FORMATS, timeout: float = 600, why: str = "run") -> JobResult:
    """Load, execute (in the kernel this worker keeps, see `warm`), render and publish one job, all within
    `timeout` seconds; never raises for a failure of the job itself."""
    started = time.perf_counter()
    deadline = Deadline(timeout)
    formats = list(formats)
    files = ReportFiles.of(job, workspace.reports)
    record = {
        "report": job.report,
        "parameters": job.parameters(workspace),
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "versions": cache.package_versions(),
    }
    try:
        project = load_project(job.project, workspace.inputs)
        record["inputs"] = project.input_hashes()
        record["key"] = cache.fingerprint(job, workspace, project)
        deadline.check(job, "loading")
        # A kept kernel that ran a project's own sections serves no other project (see `warm`).
        notebook = execute.execute(job, workspace, deadline, warm_kernel=True, own_code=bool(project.spec.sections))
        made = datetime.now(timezone.utc)
        cover = render.cover(job, project, made)
        outputs = {"html": render.to_html(notebook, cover)} if "html" in formats else {}
        if "pdf" in formats:
            outputs["pdf"] = render.to_pdf(notebook, cover)
        results = execute.computed_results(notebook)
        if results is not None:
            outputs["results"] = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
        tables = report_tables(render.sections_of(notebook), job.language)  # the figures of every table the report shows
        outputs["xlsx"] = workbook(tables, About.of(cover, made, project.input_digest()), results)
        outputs["figures"] = figures_csv(tables)
        deadline.check(job, "rendering")  # too late: the last good report stays
        # Outputs by name; ReportFiles names their files, and publishing makes them current as one set.
        publish_report(files, outputs)
        published = [str(files.published(output)) for output in outputs]
        result = JobResult(job, True, time.perf_counter() - started, published, why=why)
    except JobFailed as error:
        result = JobResult(job, False, time.perf_counter() - started, reason=error.reason, why=why)
    except EvalreportError as error:
        result = JobResult(job, False, time.perf_counter() - started, reason=str(error).splitlines()[0], why=why)
    except Exception as error:  # rendering or disk trouble: reported per job, the batch goes on
        result = JobResult(job, False, time.perf_counter() - started, reason=f"{type(error).__name__}: {error}", why=why)
    record.update(
        why=why,
        status="ok" if result.ok else "failed",
        reason=result.reason,
        seconds=round(result.seconds, 2),
        outputs=[p.rsplit("/", 1)[-1] for p in result.outputs],
    )
    record_run(files, record)
    return result


def prepare_worker() -> None:
    """Load what every job of a worker process needs, then exempt it from garbage collection for good.

    A worker renders report after report; each collection would otherwise walk all of nbconvert and pandas again.
    """
    render.exporter()
    render.pdf_exporter()
    render_typst.font_book()
    gc.collect()
    gc.freeze()


def worker_start() -> multiprocessing.context.BaseContext:
    """Workers forked from this process start at once, with everything imported. But once this process has made a
    PDF itself, they start from a fresh forkserver: a fork copies no threads, and Typst's thread pool would wait
    in the child for ever."""
    return multiprocessing.get_context("forkserver" if render_typst.has_run() else "fork")


def run_jobs(
    jobs: list[Job],
    workspace: Workspace,
    formats: Iterable[str] = FORMATS,
    timeout: int = 600,
    workers: int = 1,
    on_done: Callable[[JobResult], None] = lambda result: None,
    reasons: dict[Job, str | None] | None = None,
    scheduler: str | None = None,
) -> list[JobResult]:
    """Run every job that `reasons` says must run (all, without it) and report each as it finishes.

    Jobs run `workers` at a time in separate processes, or on the Dask cluster at `scheduler`
    (tcp://host:port). Skipped jobs come back as results with an empty `why`.
    """
    order = {job: i for i, job in enumerate(jobs)}
    reasons = reasons if reasons is not None else {job: "run" for job in jobs}
    results = [JobResult(job, True, 0.0) for job in jobs if not reasons[job]]
    to_run = {job: reasons[job] for job in jobs if reasons[job]}
    run = partial(run_job, workspace=workspace, formats=tuple(formats), timeout=timeout)

    def finished(result: JobResult) -> None:
        results.append(result)
        on_done(result)

    if scheduler:
        from pipeline.run.cluster import run_on_cluster  # Dask loads only for a run that asks for it

        run_on_cluster(scheduler, to_run, run, finished)
    elif workers <= 1 or len(to_run) <= 1:
        for job, why in to_run.items():
            finished(run(job, why=why))
    else:
        ensure_kernel()  # once here, not raced by the workers
        with ProcessPoolExecutor(max_workers=workers, initializer=prepare_worker, mp_context=worker_start()) as pool:
            for future in as_completed([pool.submit(run, job, why=why) for job, why in to_run.items()]):
                finished(future.result())
    return sorted(results, key=lambda r: order[r.job])
