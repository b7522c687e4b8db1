"""Job keys change with what a report is made from, and say which part changed."""

import shutil

import pytest

from pipeline.paths import notebooks_dir
from pipeline.project import load_project
from pipeline.run.cache import fingerprint, why_run
from pipeline.run.jobs import Job, Workspace


@pytest.fixture
def space(tmp_path, example_copy):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir(), notebooks)
    return Workspace(inputs=example_copy.parent, reports=tmp_path / "reports", notebooks=notebooks)


def key(space, example_copy, **job):
    project = load_project(example_copy)
    return fingerprint(Job(project.id, **{"report": "end_report", "period": "2015-2016", "language": "nb", **job}), space, project)


def test_the_same_job_has_the_same_key(space, example_copy):
    assert key(space, example_copy) == key(space, example_copy)


def test_each_part_changes_with_what_it_covers(space, example_copy):
    before = key(space, example_copy)
    (example_copy / "indicators.csv").write_text((example_copy / "indicators.csv").read_text() + "\n", encoding="utf-8")
    after_input = key(space, example_copy)
    assert [p for p in before if before[p] != after_input[p]] == ["inputs"]
    assert [p for p in after_input if after_input[p] != key(space, example_copy, unit="0701")[p]] == ["parameters"]
    notebook = space.notebooks / "end_report.ipynb"
    notebook.write_text(notebook.read_text().replace("Summary", "Sammendrag"))
    assert key(space, example_copy)["notebook"] != after_input["notebook"]


def test_why_a_job_runs():
    key = {"notebook": "n", "inputs": "i", "parameters": "p", "code": "c"}
    ok = {"status": "ok", "key": dict(key)}
    assert why_run(key, ok, outputs_exist=True) is None
    assert why_run(key, ok, outputs_exist=True, force=True) == "forced"
    assert why_run(key, None, outputs_exist=False) == "new"
    assert why_run(key, {"status": "failed", "key": key}, outputs_exist=True) == "last run failed"
    assert why_run(key, ok, outputs_exist=False) == "output missing"
    assert why_run({**key, "inputs": "j"}, ok, outputs_exist=True) == "input changed"
    assert why_run({**key, "code": "d"}, ok, outputs_exist=True) == "evalreport changed"
