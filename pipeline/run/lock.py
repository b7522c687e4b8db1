"""One run per project at a time: a second run on the same project stops with a clear message, or waits."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from pipeline.errors import ProjectBusy
from pipeline.run.publish import recover


@contextmanager
def project_lock(reports: Path, project: str, wait: bool = False, poll_seconds: float = 1.0) -> Iterator[None]:
    """Hold `reports/<project>/.lock` while reports of the project are written.

    The lock is the operating system's (flock): it is released when the process ends, however it ends,
    so a crashed run never leaves a stale lock behind; what a run killed while publishing left is finished first.
    """
    folder = reports / project
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                if not wait:
                    raise ProjectBusy(
                        f"{project}: another run is writing its reports ({holder}); try again when it ends, "
                        "or pass --wait"
                    ) from None
                time.sleep(poll_seconds)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        try:
            recover(folder)  # what a run killed while publishing left half done: nobody else writes here now
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def projects_locked(reports: Path, projects: list[str], wait: bool = False) -> Iterator[None]:
    """Lock several projects, always in the same order so that two batches cannot wait for each other."""
    with ExitStack() as stack:
        for project in sorted(set(projects)):
            stack.enter_context(project_lock(reports, project, wait))
        yield
