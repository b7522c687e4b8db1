"""Warm kernels: a worker keeps one kernel with the heavy imports done and runs notebook after notebook in it.

Starting a kernel and importing pandas, matplotlib and statsmodels costs seconds; the analysis of one report
costs well under one. So each worker (a process of the pool, a thread of a Dask worker, or the command
itself) keeps a kernel, and before each notebook resets what a notebook can leave behind: its variables,
open figures, the working folder and the cell counter. A notebook that fails or runs out of time takes its
kernel with it; the next job starts a fresh one
(forked from a template that did the imports once, see `kernel_forks`).

A kernel serves one project. Resetting variables does not undo what code did to imported modules, and a project's
own sections are the evaluator's code: a section that patched the suppression rule would otherwise reach the next
project's report. So a kernel that has run a project's own code (`sections:` in project.yaml) is that project's
alone, and a job of another project gets a fresh one; a kernel that ran only evalreport's notebooks serves any.
Within the project, before each notebook, a kernel that ran the project's own code checks that evalreport's own code
is still the code it imported (`pipeline.run.library`), and is replaced when it is not; one that ran only evalreport's
notebooks has run nothing that could have changed it, and skips the check.
"""

from __future__ import annotations

import os
import threading
from multiprocessing.util import Finalize
from typing import Any, TextIO

import nbformat
from jupyter_client.client import KernelClient
from nbclient import NotebookClient
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

from pipeline.run import kernel_forks
from pipeline.run.kernel import KernelManagerWithoutSecrets, ensure_kernel

ENGINE = "evalreport-warm"
# A long-lived kernel slowly gathers what no reset clears (caches of imported libraries); a fresh one
# now and then keeps a worker's memory flat over thousands of reports.
JOBS_PER_KERNEL = 200

# What every report imports: done once per kernel, before the first notebook. The garbage collector then
# leaves those modules' objects alone for good (gc.freeze): otherwise every collection, and the one each reset
# makes, walks through all of pandas and matplotlib again. (A kernel forked from a template has them already.)
PRELUDE = (
    "".join(f"import {module}\n" for module in kernel_forks.IMPORTS)
    + """\
import pipeline.run.library
pipeline.run.library.remember()
import gc
gc.collect()
gc.freeze()
del gc
"""
)

# A kept kernel keeps its history in memory, not in IPython's history file: nobody reads a batch's history, and
# the file's writes (two commits of SQLite at each reset) cost more than the reset itself.
KERNEL_OPTIONS = ["--HistoryManager.enabled=False"]

# Between notebooks: forget the last one's variables, outputs and history (a new history session, so cell
# numbers may start at 1 again), close its figures and stand in the next one's folder: the executed notebook is
# then the one a fresh kernel makes.
RESET = """\
get_ipython().reset(new_session=True)
import matplotlib.pyplot as _plt
_plt.close("all")
import os as _os
_os.chdir({cwd!r})
del _plt, _os
get_ipython().execution_count = 1
"""
# After a project's own code: whether evalreport's code is still what the kernel imported.
LIBRARY_CHECK = """\
import pipeline.run.library as _library
print("library changed:", *_library.changed()[:5])
del _library
"""


class WarmKernel:
    """One kernel kept for successive notebooks of one worker thread."""

    def __init__(self, startup_timeout: int = 60):
        self.pid = os.getpid()
        self.settings = evalreport_settings()  # the kernel's environment keeps them as they were at its start
        self.project: str | None = None  # the project it serves alone, once it ran that project's own code
        self.manager: KernelManagerWithoutSecrets | None = KernelManagerWithoutSecrets(kernel_name=ensure_kernel())
        # the channels to the kernel; opened by nbclient with the first cells run
        self.client: KernelClient | None = None
        self.jobs = 0
        self.startup_timeout = startup_timeout
        # A pool's worker process exits without running atexit; multiprocessing's finalizers do run.
        self._at_exit = Finalize(self, WarmKernel.shutdown, args=(self,), exitpriority=10)
        try:
            self._run_cells(PRELUDE)
        except BaseException:  # a kernel that started but cannot import: not left running
            self.shutdown()
            raise

    @property
    def usable(self) -> bool:
        """In this process, running, not past its share of jobs, and started under the evalreport settings this
        process has now: a notebook left to its defaults (`inputs`, `reports`) reads them from the kernel's own."""
        return (
            self.pid == os.getpid()
            and self.manager is not None
            and self.jobs < JOBS_PER_KERNEL
            and self.settings == evalreport_settings()
        )

    def serves(self, project: str) -> bool:
        return self.usable and self.project in (None, project)

    def reset(self, cwd: str) -> bool:
        """Clear what the last notebook left and stand in `cwd`; False when evalreport's code in the kernel is no
        longer what it imported (the kernel is then of no further use). Only a kernel that ran a project's own code
        (it then serves that project alone) checks: evalreport's notebooks leave its code as they found it."""
        if self.project is None:
            self._run_cells(RESET.format(cwd=cwd))
            return True
        outputs = self._run_cells(RESET.format(cwd=cwd) + LIBRARY_CHECK)
        printed = "".join(output.get("text", "") for output in outputs)
        return "library changed:\n" in printed and "library changed: " not in printed

    def _run_cells(self, source: str) -> list[nbformat.NotebookNode]:
        # nbformat's v4 constructors are unannotated
        cell = nbformat.v4.new_code_cell(source)  # type: ignore[no-untyped-call]
        notebook = nbformat.v4.new_notebook(cells=[cell])  # type: ignore[no-untyped-call]
        client = NotebookClient(
            notebook,
            km=self.manager,
            timeout=self.startup_timeout,
            startup_timeout=self.startup_timeout,
            extra_arguments=KERNEL_OPTIONS,  # for the start only: the first cells start the kernel
        )
        client.kc = self.client
        client.execute()
        self.client = client.kc
        outputs: list[nbformat.NotebookNode] = notebook.cells[0].outputs
        return outputs

    def shutdown(self) -> None:
        """Stop the kernel (only from the process that started it: a forked child must leave its parent's alone)."""
        if self.manager is None or self.pid != os.getpid():
            return
        self._at_exit.cancel()
        empty = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]  # nbformat's constructors are unannotated
        stopper = NotebookClient(empty, km=self.manager, shutdown_kernel="immediate")
        stopper.kc, self.manager, self.client = self.client, None, None
        try:  # noqa: SIM105 (the comment below says why nothing is done)
            stopper._cleanup_kernel()  # kills the kernel, closes the channels, removes the connection file
        except Exception:  # a kernel that already died: nothing left to stop
            pass


class WarmEngine(NBClientEngine):
    """papermill's nbclient engine, run in a kept kernel instead of a new one per notebook."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: NotebookExecutionManager,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: TextIO | None = None,
        stderr_file: TextIO | None = None,
        start_timeout: int = 60,
        execution_timeout: float | None = None,
        *,
        warm_kernel: WarmKernel,  # given by `execute` with this engine's name, always
        **kwargs: Any,
    ) -> nbformat.NotebookNode:
        kwargs.pop("input_path", None)
        client = PapermillNotebookClient(
            nb_man,
            km=warm_kernel.manager,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
            **kwargs,
        )
        client.kc = warm_kernel.client
        try:
            executed: nbformat.NotebookNode = client.execute()
            return executed
        finally:
            warm_kernel.client = client.kc
            warm_kernel.jobs += 1


papermill_engines.register(ENGINE, WarmEngine)


def evalreport_settings() -> int:
    """A hash of this process's EVALREPORT_ environment variables, which a kernel inherits when it starts."""
    return hash(tuple(sorted((name, value) for name, value in os.environ.items() if name.startswith("EVALREPORT_"))))


_per_thread = threading.local()


def kernel_for_this_worker(project: str | None = None) -> WarmKernel:
    """The kept kernel of the calling thread, started (with the heavy imports) on first use, and again for a
    `project` other than the one it serves."""
    kernel = getattr(_per_thread, "kernel", None)
    if kernel is None or not kernel.serves(project or kernel.project or ""):
        discard_kernel()
        kernel = _per_thread.kernel = WarmKernel()
    return kernel


def kernel_for(project: str, cwd: str, own_code: bool = True) -> WarmKernel:
    """The calling thread's kernel, reset for the next notebook of `project` in `cwd`: the kept one when it serves
    that project and its library is unchanged, else a fresh one. `own_code`: the notebook runs the project's own
    sections, and the kernel is the project's from then on."""
    kernel = kernel_for_this_worker(project)
    if not kernel.reset(cwd):
        discard_kernel()
        kernel = kernel_for_this_worker(project)
        if not kernel.reset(cwd):
            raise RuntimeError("a fresh kernel finds evalreport's code changed since its own imports")
    if own_code:
        kernel.project = project
    return kernel


def discard_kernel() -> None:
    """After a failure or a time-out: stop the calling thread's kernel, so the next job gets a fresh one."""
    kernel = getattr(_per_thread, "kernel", None)
    _per_thread.kernel = None
    if kernel is not None:
        kernel.shutdown()
