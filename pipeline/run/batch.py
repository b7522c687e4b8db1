"""Run jobs: each executes, renders and publishes on its own, so that one failure never stops the others."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import psutil

from pipeline import render
from pipeline.errors import EvalreportError, JobFailed
from pipeline.project import Project, load_project
from pipeline.render import html, pdf
from pipeline.render.cover import cover
from pipeline.run import cache, decision, execute, warm
from pipeline.run.deadline import Deadline
from pipeline.run.files import ReportFiles
from pipeline.run.jobs import Job, JobResult, Workspace
from pipeline.run.kernel import ensure_kernel
from pipeline.run.publish import publish_report, record_run

FORMATS = ("html", "pdf")


def why_each_runs(
    jobs: list[Job],
    workspace: Workspace,
    formats: Iterable[str],
    force: bool = False,
    projects: Mapping[str, Project] | None = None,
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


# The projects of the jobs `run_jobs` runs, by inputs folder and id, each loaded, validated, hashed and decided for
# once (`decision.prepared`) before any job starts: a job run here or in a worker of the pool takes its project from
# this table and hands it to its kernel. A Dask worker finds it empty and loads the project itself.
_planned: dict[tuple[Path, str], Project] = {}


def run_job(
    job: Job, workspace: Workspace, formats: Iterable[str] = FORMATS, timeout: float = 600, why: str = "run"
) -> JobResult:
    """Load, execute (in the kernel this worker keeps, see `warm`), render and publish one job, all within
    `timeout` seconds; never raises for a failure of the job itself."""
    started = time.perf_counter()
    deadline = Deadline(timeout)
    formats = list(formats)
    files = ReportFiles.of(job, workspace.reports)
    record: dict[str, object] = {
        "report": job.report,
        "parameters": job.parameters(workspace),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": cache.package_versions(),
    }
    if "pdf" in formats:
        pdf.ENGINE.started()  # the PDF's compiler starts in its own process while the notebook runs
    try:
        project = _planned.get((workspace.inputs, job.project)) or decision.prepared(
            load_project(job.project, workspace.inputs), workspace.reports
        )
        record["inputs"] = project.input_hashes()
        record["key"] = cache.fingerprint(job, workspace, project)
        deadline.check(job, "loading")
        # A kept kernel that ran a project's own sections serves no other project (see `warm`).
        own_code = bool(project.spec.sections)
        notebook = execute.execute(job, workspace, deadline, warm_kernel=True, own_code=own_code, project=project)
        document = render.document_of(notebook, cover(job, project))  # read once; every file is drawn from it
        # Each format on its own, the PDF within the time left: one that cannot be drawn leaves the others made.
        rendered = render.render_each(document, [*formats, *render.ALWAYS], time_left=deadline.remaining)
        record["warnings"] = rendered.warnings
        for warning in rendered.warnings:  # what the document needed changed to be drawn: said, not hidden
            print(f"evalreport: {job.label}: {warning}", file=sys.stderr)
        deadline.check(job, "rendering")  # too late: the last good report stays
        # Outputs by name; ReportFiles names their files, and publishing makes them current as one set.
        publish_report(files, rendered.files)
        published = [str(files.published(output)) for output in rendered.files]
        failed = "; ".join(f"{name} not made: {reason}" for name, reason in rendered.failed.items())
        reason = f"{failed} (the other files are published)" if failed and published else failed
        result = JobResult(job, not failed, time.perf_counter() - started, published, reason=reason, why=why)
    except JobFailed as error:
        result = JobResult(job, False, time.perf_counter() - started, reason=error.reason, why=why)
    except EvalreportError as error:
        result = JobResult(job, False, time.perf_counter() - started, reason=str(error).splitlines()[0], why=why)
    except Exception as error:  # rendering or disk trouble: reported per job, the batch goes on
        result = JobResult(
            job, False, time.perf_counter() - started, reason=f"{type(error).__name__}: {error}", why=why
        )
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
    """Load what every job of a worker process needs, exempt it from garbage collection for good, then start the
    worker's kernel: all while the command still decides for the projects (`prepare_projects`).

    A worker renders report after report; each collection would otherwise walk all of pandas and the renderers again.
    """
    for output in render.OUTPUTS.values():
        output.draw()  # every renderer imported
    html.stylesheet()
    pdf.font_book()  # the Word file's charts are drawn in this process
    pdf.ENGINE.started()  # the PDF's compiler, in the child it keeps, loading its fonts while the first job runs
    gc.collect()
    gc.freeze()
    try:
        warm.kernel_for_this_worker()  # started (seconds of imports) before the first job asks
    except Exception:  # noqa: BLE001 (the first job starts one again, and says why it cannot)
        warm.discard_kernel()


def run_planned(job: Job, project: Project | None, run: partial[JobResult], why: str) -> JobResult:
    """`run` (`run_job` with the run's settings) in a worker of the pool, with the job's project as the command
    prepared it (None: not prepared, the job loads it)."""
    if project is not None:
        _planned[(run.keywords["workspace"].inputs, job.project)] = project
    return run(job, why=why)


def worker_start() -> multiprocessing.context.BaseContext:
    """Workers forked from this process start at once, with everything imported. But once this process has made a
    PDF itself, they start from a fresh forkserver: a fork copies no threads, and Typst's thread pool would wait
    in the child for ever."""
    return multiprocessing.get_context("forkserver" if pdf.has_run() else "fork")


def run_jobs(
    jobs: list[Job],
    workspace: Workspace,
    formats: Iterable[str] = FORMATS,
    timeout: int = 600,
    workers: int = 1,
    on_done: Callable[[JobResult], None] = lambda result: None,
    reasons: dict[Job, str | None] | None = None,
    scheduler: str | None = None,
    projects: Mapping[str, Project] | None = None,
) -> list[JobResult]:
    """Run every job that `reasons` says must run (all, without it) and report each as it finishes.

    Jobs run `workers` at a time in separate processes, or on the Dask cluster at `scheduler`
    (tcp://host:port). Skipped jobs come back as results with an empty `why`. `projects`: those the jobs were
    planned from, by id, which the jobs then use instead of loading them again.
    """
    order = {job: i for i, job in enumerate(jobs)}
    reasons = reasons if reasons is not None else {job: "run" for job in jobs}
    results = [JobResult(job, True, 0.0) for job in jobs if not reasons[job]]
    to_run = {job: why for job in jobs if (why := reasons[job])}
    run = partial(run_job, workspace=workspace, formats=tuple(formats), timeout=timeout)

    def finished(result: JobResult) -> None:
        results.append(result)
        on_done(result)

    def prepare() -> None:
        _planned.update(prepare_projects({job.project for job in to_run}, workspace, projects or {}))

    try:
        if scheduler:
            from pipeline.run.cluster import run_on_cluster  # Dask loads only for a run that asks for it

            prepare()
            run_on_cluster(scheduler, to_run, run, finished)
        elif workers <= 1 or len(to_run) <= 1:
            prepare()
            for job, why in to_run.items():
                finished(run(job, why=why))
        else:
            ensure_kernel()  # once here, not raced by the workers
            # The workers start, and start their kernels, while this process decides for the projects (for a project
            # whose survey changed, the dearest step of a run); each job then takes its project along.
            workers = min(workers, len(to_run))  # a worker more would start a kernel for nothing
            pool = partial(
                ProcessPoolExecutor, max_workers=workers, initializer=prepare_worker, mp_context=worker_start()
            )

            def task(job: Job, why: str) -> tuple[Any, ...]:
                return run_planned, job, _planned.get((workspace.inputs, job.project)), run, why

            run_in_pool(pool, workers, task, to_run, finished, patience=timeout + WORKER_GRACE, while_starting=prepare)
    finally:
        _planned.clear()
    return sorted(results, key=lambda r: order[r.job])


# What a worker may take beyond a job's own time limit (which the job keeps itself) before it counts as stuck.
WORKER_GRACE = 120


def run_in_pool(
    pool: Callable[[], ProcessPoolExecutor],
    workers: int,
    task: Callable[[Job, str], tuple[Any, ...]],
    to_run: Mapping[Job, str],
    finished: Callable[[JobResult], None],
    patience: float,
    while_starting: Callable[[], None] = lambda: None,
) -> None:
    """Run each job as `task` says (a function and its arguments) in a pool of `workers` processes, reporting each as
    it finishes; `while_starting` runs while the workers start.

    Every job keeps its own time limit, so when none has finished for `patience` seconds a worker is stuck where no
    limit reaches (a notebook kernel that never answered its first message): the pool is stopped and the jobs not
    done are run once more in a fresh one; stuck again, they fail and say so."""
    left = dict(to_run)
    for attempt in range(2):
        executor = pool()
        for _ in range(workers):
            executor.submit(int)  # makes the pool start its workers now, not at the first job
        if attempt == 0:
            while_starting()
        futures = {executor.submit(*task(job, why)): job for job, why in left.items()}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=patience, return_when=FIRST_COMPLETED)
            for future in done:
                finished(future.result())
                del left[futures[future]]
            if not done:
                stop_workers(executor)
                break
        executor.shutdown(wait=True, cancel_futures=True)
        if not left:
            return
    for job, why in left.items():
        reason = f"the worker running it stopped answering for {patience:.0f} s, twice (no time limit could stop it)"
        finished(JobResult(job, False, patience, reason=reason, why=why))


def stop_workers(executor: ProcessPoolExecutor) -> None:
    """Kill a pool's worker processes and what they started (kernels, the PDF's compiler)."""
    workers = list(getattr(executor, "_processes", {}).values())  # the executor names no public way to them
    for worker in workers:
        with contextlib.suppress(psutil.NoSuchProcess):
            for child in psutil.Process(worker.pid).children(recursive=True):
                with contextlib.suppress(psutil.NoSuchProcess):
                    child.kill()
        worker.kill()


def prepare_projects(
    ids: Iterable[str], workspace: Workspace, planned: Mapping[str, Project]
) -> dict[tuple[Path, str], Project]:
    """Each project the jobs were planned from, as its reports see it, by inputs folder and id: with the figures
    published of it before and its survey's decision, taken once for all its jobs (`decision`) before any of them
    publishes. A project not planned here is loaded by its jobs, within their time limit; one whose decision fails
    here is left to its jobs too, which report the trouble each."""
    prepared = {}
    for project_id in sorted(set(ids) & set(planned)):
        try:
            prepared[(workspace.inputs, project_id)] = decision.prepared(planned[project_id], workspace.reports)
        except Exception:  # noqa: BLE001 (reported by each of the project's jobs, which meet the same trouble)
            continue
    return prepared
