"""Run jobs on a Dask cluster: the same jobs, the same `run_job`, on other machines.

Assumes what a cluster for reports needs anyway: evalreport installed on every worker (same version), and
the inputs, notebooks and reports folders at the same paths on every machine (shared storage), since a job
reads its inputs and publishes its reports where the command that planned it says they are.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import uuid4

from distributed import Client, as_completed

from pipeline.run.jobs import Job, JobResult


def run_on_cluster(
    address: str, jobs: dict[Job, str], run: Callable[..., JobResult], finished: Callable[[JobResult], None]
) -> None:
    """Submit each job (with why it runs) to the scheduler at `address`; hand each result on as it arrives."""
    with Client(address, set_as_default=False, timeout="30s") as client:  # type: ignore[no-untyped-call]
        futures = {
            client.submit(run, job, why=why, pure=False, key=f"evalreport {job.label} {uuid4().hex[:8]}"): (job, why)
            for job, why in jobs.items()
        }
        for future in as_completed(futures, loop=client.loop):  # type: ignore[no-untyped-call]
            job, why = futures[future]
            try:
                result = future.result()
            except Exception as error:  # a worker that died or could not run the task: this job fails, the rest go on
                result = JobResult(job, False, 0.0, reason=f"Dask: {type(error).__name__}: {error}", why=why)
            finished(result)
