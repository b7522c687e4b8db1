"""Kernels forked from a process that has done a report's imports once, instead of each doing them again.

A kernel's start is about 3.5 s of CPU, 2.6 s of it importing pandas, matplotlib, statsmodels and evalreport. A
process that needs a second kernel (its kernel failed or ran out of time, served its share of jobs, or ran a
project's own code and may serve no other project) will likely need more; so from the second kernel on, a process
asks a template it keeps: a child that imported all that once and forks a kernel for each request, ready in a
fraction of a second. The first kernel of a process starts as Jupyter starts any kernel, so a worker that makes its
reports in one kernel keeps no template beside it.

A forked kernel is what `python -m ipykernel_launcher` would have made: its own session and process group (so that
an interrupt or a kill reaches it and what it started), the environment and folder the kernel manager asked for,
its output to this process's standard error. Linux only; elsewhere, and whenever the template cannot serve, kernels
start as before.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from typing import Any

# What every report imports: done once in the template, before any fork (and by warm.PRELUDE in every kernel).
IMPORTS = ("matplotlib.pyplot", "pandas", "statsmodels.stats.proportion", "pipeline.present.report")


class ForkedKernel:
    """A forked kernel, handled as jupyter_client's local provisioner handles a `subprocess.Popen`. It is the
    template's child, not ours (the system reaps it for the template), so whether it still runs is read from /proc."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._signal = 0

    def poll(self) -> int | None:
        if self.returncode is None and ended(self.pid):
            # Its exit status went to the template, which leaves it to the system: known only for a signal sent
            # from here.
            self.returncode = -self._signal if self._signal else 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            time.sleep(0.02)
        return code

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            self._signal = signum
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def ended(pid: int) -> bool:
    """Whether the process has ended: gone, or a zombie that nobody reaped yet (an orphan in a container whose first
    process does not reap)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            state = stat.read().rsplit(b")", 1)[1].split()[0]  # after the name, which may hold anything
    except (OSError, IndexError):
        return True
    return state in (b"Z", b"X")


class Template:
    """The template process this process keeps (a fork of this process keeps none of it)."""

    def __init__(self) -> None:
        self.child: subprocess.Popen[bytes] | None = None
        self.owner = 0
        self.lock = threading.Lock()

    def fork_kernel(self, argv: list[str], environment: Mapping[str, str], cwd: str) -> ForkedKernel:
        """A kernel started with `argv` (ipykernel's arguments, after `-m ipykernel_launcher`); OSError when the
        template cannot make one (the caller then starts the kernel as Jupyter does)."""
        request = json.dumps({"argv": argv, "environment": dict(environment), "cwd": cwd}) + "\n"
        with self.lock:
            child = self._started(environment)
            assert child.stdin is not None and child.stdout is not None
            try:
                child.stdin.write(request.encode("utf-8"))
                child.stdin.flush()
                answer = child.stdout.readline()
            except OSError:
                self._stop()
                raise
            if not answer.strip().isdigit():
                self._stop()
                raise OSError(f"the kernel template answered {answer[:80]!r}")
        return ForkedKernel(int(answer))

    def _started(self, environment: Mapping[str, str]) -> subprocess.Popen[bytes]:
        if self.child is None or self.owner != os.getpid() or self.child.poll() is not None:
            self.child = subprocess.Popen(
                [sys.executable, "-m", __name__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=dict(environment),  # the kernels' allow-listed environment: the template holds no secret either
                close_fds=True,
            )
            self.owner = os.getpid()
        return self.child

    def _stop(self) -> None:
        child, self.child = self.child, None
        if child is not None and self.owner == os.getpid():
            child.kill()
            child.wait()


TEMPLATE = Template()
_started_here: dict[int, int] = {}  # process id → kernels it started


def supported() -> bool:
    return sys.platform.startswith("linux")


def count_start() -> int:
    """Count a kernel start of this process; the number it is (1 for the first)."""
    started = _started_here.get(os.getpid(), 0) + 1
    _started_here[os.getpid()] = started
    return started


# --- the template process ---------------------------------------------------------------------------------------


def serve() -> None:
    """Import once, then fork a kernel for each request line, answering its process id, until the owner is gone."""
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed may enter the answers
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the system reaps each kernel as it ends
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C at the terminal is for the command: this ends with it
    import gc
    from importlib import import_module

    import ipykernel.kernelapp  # noqa: F401 (imported before the fork: the kernel's own start is then quick)

    for module in IMPORTS:
        import_module(module)
    gc.collect()
    gc.freeze()  # left alone by every collection of every kernel: they share these pages with the template
    for line in requests:
        pid = os.fork()
        if pid == 0:
            _become_kernel(json.loads(line))
        answers.write(f"{pid}\n".encode())
        answers.flush()


def _become_kernel(request: dict[str, Any]) -> None:
    """In the fork: become what `python -m ipykernel_launcher <argv>` would be, then end with the kernel. Its
    standard input and output (the template's requests and answers) become /dev/null and standard error."""
    code = 1
    try:
        os.setsid()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel waits for what it starts
        signal.signal(signal.SIGINT, signal.default_int_handler)  # an interrupt stops the cell, as in any kernel
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.dup2(2, 1)
        os.environ.clear()
        os.environ.update(request["environment"])
        os.chdir(request["cwd"])
        sys.path[0] = request["cwd"]  # `python -m` puts the folder it starts in first
        # ipykernel read the parent's process id from the environment when the template imported it: given here,
        # the kernel ends when the process that manages it does, as a kernel started by Jupyter does.
        argv = [*request["argv"], f"--IPKernelApp.parent_handle={os.environ.get('JPY_PARENT_PID') or 0}"]
        sys.argv = ["ipykernel_launcher", *argv]
        from ipykernel.kernelapp import IPKernelApp

        IPKernelApp.launch_instance(argv=argv)
        code = 0
    except SystemExit as ended:
        code = ended.code if isinstance(ended.code, int) else 1
    except BaseException:  # noqa: BLE001 (said on standard error; the manager sees the kernel gone)
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code)


if __name__ == "__main__":
    serve()
