"""A job's time limit: one wall-clock budget for loading its project, executing its notebook and rendering it."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from pipeline.errors import JobFailed
from pipeline.run.jobs import Job

if TYPE_CHECKING:
    from nbformat import NotebookNode

# nbclient reads a cell time limit of 0 as none at all: a cell started past the deadline still gets this long.
LAST_MOMENT = 0.001


class Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.ends - time.monotonic()

    def cell_timeout(self, cell: NotebookNode | None = None) -> float:
        """What the next cell may take: the rest of the budget (nbclient's `timeout_func`)."""
        return max(self.remaining(), LAST_MOMENT)

    def check(self, job: Job, stage: str) -> None:
        """Fail the job if its time is up by the end of `stage` (loading, executing, rendering)."""
        if self.remaining() <= 0:
            raise self.exceeded(job, stage)

    def exceeded(self, job: Job, stage: str) -> JobFailed:
        return JobFailed(job.label, f"timed out after {self.seconds:g} s (while {stage})")
