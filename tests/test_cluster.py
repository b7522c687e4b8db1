"""`--scheduler`: the same jobs on a Dask cluster, here a LocalCluster of one worker process on this machine: the jobs
travel to it and back as to any cluster's, and the failed one runs on the worker that then runs the next."""

import json

import pytest
from distributed import LocalCluster

from pipeline.cli import main
from pipeline.paths import default_inputs, notebooks_dir
from pipeline.run.batch import run_jobs
from pipeline.run.jobs import Job, Workspace

PERIOD = "2015-2016"


def unit_job(unit: str) -> Job:
    return Job("bosetting-vestfold", "end_report", PERIOD, "nb", unit)


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_jobs_run_on_the_cluster_and_one_failure_stops_no_other(cluster, tmp_path):
    workspace = Workspace(default_inputs(), tmp_path / "reports", notebooks_dir())
    jobs = [unit_job("0701"), unit_job("9999"), unit_job("0709")]  # 9999 is no municipality of the project
    finished = []

    results = run_jobs(jobs, workspace, ["html"], scheduler=cluster.scheduler_address, on_done=finished.append)

    assert [r.job for r in results] == jobs and len(finished) == 3
    assert [r.ok for r in results] == [True, False, True]
    assert "unit: expected one of" in results[1].reason
    folder = workspace.reports / "bosetting-vestfold" / PERIOD
    assert "Horten" in (folder / "end_report-0701.html").read_text(encoding="utf-8")
    assert "Larvik" in (folder / "end_report-0709.html").read_text(encoding="utf-8")
    runs = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    assert (runs["end_report-0701"]["status"], runs["end_report-9999"]["status"]) == ("ok", "failed")


def test_the_command_line_sends_its_jobs_to_the_scheduler(cluster, tmp_path, capsys):
    reports = tmp_path / "reports"
    assert (
        main(
            [
                "--reports",
                str(reports),
                "run",
                "bosetting-vestfold",
                "--unit",
                "0716",
                "--format",
                "html",
                "--scheduler",
                cluster.scheduler_address,
            ]
        )
        == 0
    )
    assert f"on the Dask cluster at {cluster.scheduler_address}" in capsys.readouterr().out
    assert "Re" in (reports / "bosetting-vestfold" / PERIOD / "end_report-0716.html").read_text(encoding="utf-8")
