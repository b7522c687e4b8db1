"""A job loads and validates its project once: the worker hands the loaded project to the notebook's kernel (the
`loaded` parameter), and `Report.open` reads it instead of the inputs; run by hand, the notebook loads the inputs."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest

from pipeline.errors import EvalreportError
from pipeline.paths import default_inputs, notebooks_dir
from pipeline.present.report import Report
from pipeline.project import hand_over, load_project
from pipeline.run import execute
from pipeline.run.files import ReportFiles
from pipeline.run.jobs import Job, Workspace

VESTFOLD = "bosetting-vestfold"


def test_report_open_reads_the_handed_over_project_and_not_the_inputs(tmp_path):
    project = load_project(VESTFOLD)
    handed = tmp_path / "project.pickle"
    hand_over(project, handed)
    report = Report.open(VESTFOLD, inputs=tmp_path / "no inputs here", loaded=handed)
    assert report.project.survey.equals(project.survey) and report.spec == project.spec


def test_without_the_file_report_open_loads_the_inputs(tmp_path):
    """An audit notebook run again, or a notebook run by hand in JupyterLab: the file named is gone or never was."""
    report = Report.open(VESTFOLD, loaded=tmp_path / "gone.pickle")
    assert report.spec == load_project(VESTFOLD).spec


def test_a_handed_over_project_of_another_id_is_refused(tmp_path):
    handed = tmp_path / "project.pickle"
    hand_over(load_project(VESTFOLD), handed)
    with pytest.raises(EvalreportError, match="helhedsplan-norrevang"):
        Report.open("helhedsplan-norrevang", loaded=handed)


@pytest.mark.slow
def test_the_kernel_draws_the_report_from_the_project_its_worker_loaded(tmp_path):
    """The worker's project, with a criterion's title the inputs do not have, is the one the report shows; the
    inputs are not read by the kernel at all (they are gone by the time it runs)."""
    inputs = tmp_path / "inputs"
    shutil.copytree(default_inputs() / VESTFOLD, inputs / VESTFOLD)
    project = load_project(VESTFOLD, inputs)
    first, *others = project.spec.criteria
    criteria = [first.model_copy(update={"title": "Et kriterium bare arbeideren kjenner"}), *others]
    project = replace(project, spec=project.spec.model_copy(update={"criteria": criteria}))
    shutil.rmtree(inputs / VESTFOLD)
    job = Job(VESTFOLD, "end_report", "2015-2016", "nb")
    workspace = Workspace(inputs, tmp_path / "reports", notebooks_dir())

    notebook = execute.execute(job, workspace, warm_kernel=True, own_code=False, project=project)
    emitted = json.dumps([output for cell in notebook.cells for output in cell.get("outputs", [])], ensure_ascii=False)
    assert "Et kriterium bare arbeideren kjenner" in emitted  # in the sections the kernel drew, not only on the cover
    audit = nbformat.read(ReportFiles.of(job, workspace.reports).audit(), as_version=4)
    injected = next(cell.source for cell in audit.cells if "injected-parameters" in cell.metadata.get("tags", []))
    assert "loaded = " in injected
    handed = Path(injected.split("loaded = ", 1)[1].split("\n", 1)[0].strip("\"'"))
    assert not handed.exists() and not handed.parent.exists(), "the job's temporary folder is removed after it"
