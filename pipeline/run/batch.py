"""Run jobs: each executes, renders and publishes on its own, so that one failure never stops the others."""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import version

from pipeline import __version__
from pipeline.errors import EvalreportError, JobFailed
from pipeline.project import load_project
from pipeline.run import execute, render
from pipeline.run.jobs import Job, Workspace
from pipeline.run.publish import publish, record_run

FORMATS = ("html", "pdf")


@dataclass
class JobResult:
    job: Job
    ok: bool
    seconds: float
    outputs: list[str] = field(default_factory=list)
    reason: str = ""


def package_versions() -> dict[str, str]:
    names = ("papermill", "nbconvert", "pandas", "matplotlib", "weasyprint", "babel", "pydantic", "statsmodels")
    return {"python": platform.python_version(), "evalreport": __version__, **{n: version(n) for n in names}}


def run_job(job: Job, workspace: Workspace, formats: Iterable[str] = FORMATS, timeout: int = 600) -> JobResult:
    """Execute, render and publish one job; never raises for a failure of the job itself."""
    started = time.perf_counter()
    formats = list(formats)
    folder = job.folder(workspace)
    record = {
        "parameters": job.parameters(workspace),
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "versions": package_versions(),
    }
    try:
        project = load_project(job.project, workspace.inputs)
        record["inputs"] = project.input_hashes()
        notebook = execute.execute(job, workspace, timeout)
        html = render.to_html(notebook, render.cover(job, project))
        outputs = {folder / f"{job.name}.html": html} if "html" in formats else {}
        if "pdf" in formats:
            outputs[folder / f"{job.name}.pdf"] = render.to_pdf(html, folder)
        results = execute.computed_results(notebook)
        if results is not None:
            outputs[folder / f"{job.name}.results.json"] = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
        publish(outputs)
        result = JobResult(job, True, time.perf_counter() - started, [str(p) for p in outputs])
    except JobFailed as error:
        result = JobResult(job, False, time.perf_counter() - started, reason=error.reason)
    except EvalreportError as error:
        result = JobResult(job, False, time.perf_counter() - started, reason=str(error).splitlines()[0])
    except Exception as error:  # rendering or disk trouble: reported per job, the batch goes on
        result = JobResult(job, False, time.perf_counter() - started, reason=f"{type(error).__name__}: {error}")
    record.update(
        status="ok" if result.ok else "failed",
        reason=result.reason,
        seconds=round(result.seconds, 2),
        outputs=[p.rsplit("/", 1)[-1] for p in result.outputs],
    )
    record_run(folder, job.name, record)
    return result


def run_jobs(
    jobs: list[Job],
    workspace: Workspace,
    formats: Iterable[str] = FORMATS,
    timeout: int = 600,
    workers: int = 1,
    on_done: Callable[[JobResult], None] = lambda result: None,
) -> list[JobResult]:
    """Run every job, `workers` at a time in separate processes; report each as it finishes."""
    formats = tuple(formats)
    results = []
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            results.append(run_job(job, workspace, formats, timeout))
            on_done(results[-1])
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(run_job, job, workspace, formats, timeout) for job in jobs]
        for future in as_completed(futures):
            results.append(future.result())
            on_done(results[-1])
    order = {job: i for i, job in enumerate(jobs)}
    return sorted(results, key=lambda r: order[r.job])
