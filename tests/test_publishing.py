"""A failed or timed-out job leaves the last good report in place and says what failed."""

import json
import shutil
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell

from pipeline.paths import default_inputs, notebooks_dir
from pipeline.run.batch import run_job
from pipeline.run.jobs import Job, Workspace
from pipeline.run.publish import write_atomically

JOB = Job(project="bosetting-vestfold", report="end_report", period="2015-2016", language="nb")


def workspace(tmp_path: Path) -> Workspace:
    notebooks = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir(), notebooks)
    return Workspace(inputs=default_inputs(), reports=tmp_path / "reports", notebooks=notebooks)


def break_notebook(path: Path, source: str) -> None:
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.insert(4, new_code_cell(source))
    nbformat.write(notebook, path)


def test_a_failing_cell_keeps_the_last_good_report_and_names_the_error(tmp_path):
    space = workspace(tmp_path)
    good = run_job(JOB, space, formats=("html",))
    assert good.ok, good.reason
    report = space.reports / "bosetting-vestfold" / "2015-2016" / "end_report.html"
    before = report.read_bytes()

    break_notebook(space.notebooks / "end_report.ipynb", "raise RuntimeError('indicators.csv was half copied')")
    failed = run_job(JOB, space, formats=("html",))

    assert not failed.ok
    assert "RuntimeError: indicators.csv was half copied" in failed.reason
    assert failed.reason.startswith("cell ")
    assert report.read_bytes() == before
    folder = report.parent
    assert (folder / "audit" / "end_report.failed.ipynb").exists()
    assert (folder / "audit" / "end_report.ipynb").exists()  # the audit copy of the good report stays too
    record = json.loads((folder / "run.json").read_text())["end_report"]
    assert record["status"] == "failed" and "half copied" in record["reason"]
    assert not list(folder.glob(".*.tmp"))


def test_a_hanging_cell_is_stopped_by_the_time_limit(tmp_path):
    space = workspace(tmp_path)
    break_notebook(space.notebooks / "end_report.ipynb", "import time\ntime.sleep(600)")
    result = run_job(JOB, space, formats=("html",), timeout=3)
    assert not result.ok
    assert "Timeout" in result.reason or "timed out" in result.reason
    assert result.seconds < 300  # a hang guard, not a speed test: without the limit the cell sleeps 600 s


def test_write_atomically_replaces_whole_files_and_leaves_no_temporaries(tmp_path):
    target = tmp_path / "a" / "report.html"
    write_atomically(target, "first")
    write_atomically(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]
    assert target.stat().st_mode & 0o044 == 0o044  # readable by others, like a file written plainly
