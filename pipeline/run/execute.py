"""Execute a job's notebook with papermill within the job's time limit; keep the executed notebook for audit."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
import papermill
from nbclient.exceptions import CellTimeoutError
from papermill.exceptions import PapermillExecutionError

from pipeline.errors import JobFailed
from pipeline.project import HANDED_OVER, Project, hand_over
from pipeline.run import warm
from pipeline.run.deadline import Deadline
from pipeline.run.files import ReportFiles
from pipeline.run.jobs import Job, Workspace, notebook_parameters
from pipeline.run.kernel import KERNEL_NAME, KernelManagerWithoutSecrets, ensure_kernel


def execute(
    job: Job,
    workspace: Workspace,
    timeout: float | Deadline = 600,
    warm_kernel: bool = False,
    own_code: bool = True,
    project: Project | None = None,
) -> nbformat.NotebookNode:
    """Run the notebook, in this worker's kept kernel if `warm_kernel`, else in a kernel of its own, within
    `timeout`: seconds from now, or the deadline of the whole job. `own_code`: the project has code of its own
    (`sections:`), and a kept kernel serves no other project after it. `project`: the job's project as this worker
    loaded it, handed to the kernel in the job's own temporary folder (the notebook's `loaded` parameter), so that
    the kernel neither reads nor validates the inputs again.

    On success the executed copy is `audit/<name>.ipynb`, on failure `audit/<name>.failed.ipynb`.
    """
    deadline = timeout if isinstance(timeout, Deadline) else Deadline(timeout)
    files = ReportFiles.of(job, workspace.reports)
    running = files.audit("running")
    running.parent.mkdir(parents=True, exist_ok=True)
    engine: dict[str, object] = {"kernel_manager_class": KernelManagerWithoutSecrets}
    parameters = job.parameters(workspace)
    handed = tempfile.TemporaryDirectory(prefix="evalreport-job-")  # readable by this user alone; removed after the job
    try:
        if project is not None and "loaded" in notebook_parameters(workspace, job.report):  # not in an older notebook
            loaded = Path(handed.name) / HANDED_OVER
            parameters["loaded"] = str(loaded)
            hand_over(project, loaded)
        kernel_name = KERNEL_NAME  # a kept kernel's spec was checked when it started
        if warm_kernel:
            kernel = warm.kernel_for(job.project, str(workspace.notebooks), own_code)
            engine = {"engine_name": warm.ENGINE, "warm_kernel": kernel}
        else:
            kernel_name = ensure_kernel()
        notebook: nbformat.NotebookNode = papermill.execute_notebook(
            workspace.notebooks / f"{job.report}.ipynb",
            running,
            parameters=parameters,
            kernel_name=kernel_name,
            cwd=str(workspace.notebooks),
            # each cell may take what is left of the job's time, not a time of its own
            timeout_func=deadline.cell_timeout,
            progress_bar=False,
            log_output=False,
            # written once at the end: saving after every cell costs more than the cells
            request_save_on_cell_execute=False,
            **engine,
        )
    except PapermillExecutionError as error:
        failed(job, workspace, warm_kernel)
        raise JobFailed(job.label, first_error_line(error)) from None
    except CellTimeoutError:
        failed(job, workspace, warm_kernel)
        raise deadline.exceeded(job, "executing") from None
    except Exception as error:  # a kernel that died or never started
        failed(job, workspace, warm_kernel)
        message = str(error).strip().splitlines()
        raise JobFailed(job.label, f"{type(error).__name__}: {message[0] if message else ''}") from None
    finally:
        handed.cleanup()
    os.replace(running, files.audit())
    return notebook


def failed(job: Job, workspace: Workspace, warm_kernel: bool) -> None:
    """Keep the failed notebook for the evaluator; never reuse the kernel it ran in."""
    files = ReportFiles.of(job, workspace.reports)
    if files.audit("running").exists():
        os.replace(files.audit("running"), files.audit("failed"))
    if warm_kernel:
        warm.discard_kernel()


def first_error_line(error: PapermillExecutionError) -> str:
    value = str(error.evalue).strip().splitlines()
    return f"cell {error.exec_count}: {error.ename}: {value[0] if value else ''}"
