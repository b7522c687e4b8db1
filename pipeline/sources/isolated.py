"""Run a reader built on a C or Rust library in a child process. On a damaged file such a library may crash the
interpreter (ReadStat under pyreadstat: a segmentation fault) or ask for more memory than the machine has
(calamine: an abort), and either must be a problem with the file, not the end of the command."""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from pipeline.errors import Crashed

if sys.platform != "win32":  # Windows has no resource module: no limits to set
    import resource

# A forked child starts at once with everything imported; where fork is unsafe or missing (macOS, Windows), spawn.
_CONTEXT = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")

# What the child may take beyond what it starts with: far more than any table under the size limit needs, far less
# than a damaged length field asks for.
MEMORY_BUDGET = 3 * 1024**3

T = TypeVar("T")


def run_isolated(read: Callable[..., T], *args, memory: int = MEMORY_BUDGET) -> T:
    """`read(*args)` in a child process that may take `memory` bytes more than it starts with; its result, what it
    raises, or Crashed when the child dies."""
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=_CONTEXT, initializer=_bounded, initargs=(memory,)) as pool:
            return pool.submit(read, *args).result()
    except BrokenProcessPool:
        raise Crashed() from None


def _bounded(memory: int = MEMORY_BUDGET) -> None:
    """In the child: a limit on its memory, and its error output silenced (a crash is reported as a problem)."""
    size = _virtual_size()
    if sys.platform != "win32" and size is not None:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    faulthandler.disable()  # it may write to a copy of the error output, such as pytest's
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)


def _virtual_size() -> int | None:
    """The process's address space in bytes (Linux); None where /proc does not say."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return None
