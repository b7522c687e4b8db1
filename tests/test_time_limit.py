"""`--timeout` bounds a whole job: loading its project, executing its notebook and rendering it. A job over its
time fails saying where it was; the last good report stays, and the batch goes on."""

import json
import shutil
import time

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from pipeline.errors import JobFailed
from pipeline.paths import default_inputs, notebooks_dir
from pipeline.project import load_project
from pipeline.render import html
from pipeline.run import batch, decision, execute, warm
from pipeline.run.jobs import Job, Workspace

JOB = Job("bosetting-vestfold", "end_report", "2015-2016", "nb")
# Long enough for a job that loads and renders at its usual pace on a busy machine; the slow step takes longer.
LIMIT = 3
OTHER = Job("bosetting-vestfold", "end_report", "2015-2016", "nb", "0701")


@pytest.fixture
def space(tmp_path) -> Workspace:
    html.stylesheet()  # loaded once per process before any job, as a worker does
    notebooks = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir(), notebooks)
    return Workspace(default_inputs(), tmp_path / "reports", notebooks)


def last_good_report(job: Job, space: Workspace):
    report = job.folder(space) / f"{job.name}.html"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("the last good report")
    return report


def slow_on_first_call(function, seconds: float):
    calls = []

    def slow(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            time.sleep(seconds)
        return function(*args, **kwargs)

    return slow


def executed_instantly(job, workspace, timeout, warm_kernel=False, **options):
    return new_notebook(cells=[new_markdown_cell("A report.")])


def test_a_slow_load_fails_its_job_and_the_batch_goes_on(space, monkeypatch):
    monkeypatch.setattr(batch, "load_project", slow_on_first_call(load_project, LIMIT + 0.5))
    monkeypatch.setattr(execute, "execute", executed_instantly)
    report = last_good_report(JOB, space)

    slow, other = batch.run_jobs([JOB, OTHER], space, formats=("html",), timeout=LIMIT)

    assert (slow.ok, slow.reason) == (False, f"timed out after {LIMIT} s (while loading)")
    assert report.read_text() == "the last good report"
    assert json.loads((report.parent / "run.json").read_text())["end_report"]["status"] == "failed"
    assert other.ok, other.reason


def test_slow_rendering_fails_the_job_and_publishes_nothing(space, monkeypatch):
    monkeypatch.setattr(execute, "execute", executed_instantly)
    monkeypatch.setattr(html, "to_html", slow_on_first_call(html.to_html, LIMIT + 0.5))
    report = last_good_report(JOB, space)
    decision.prepared(load_project(JOB.project), space.reports)  # kept from an earlier run: loaded at the usual pace

    result = batch.run_job(JOB, space, formats=("html",), timeout=LIMIT)

    assert (result.ok, result.reason) == (False, f"timed out after {LIMIT} s (while rendering)")
    assert report.read_text() == "the last good report"


def test_the_time_limit_is_for_the_whole_notebook_not_each_cell(space):
    kernel = {"kernelspec": {"name": "evalreport", "language": "python", "display_name": "evalreport"}}
    cells = [new_code_cell("import time\ntime.sleep(1)") for _ in range(3)]
    nbformat.write(new_notebook(cells=cells, metadata=kernel), space.notebooks / "three_seconds.ipynb")
    warm.kernel_for_this_worker()  # started before the clock runs: the cells alone are over the limit
    with pytest.raises(JobFailed, match=r"timed out after 2 s \(while executing\)"):
        execute.execute(
            Job("bosetting-vestfold", "three_seconds", "2015-2016", "nb"), space, timeout=2, warm_kernel=True
        )
