"""The notebooks as committed: no outputs, a `parameters` cell, and each runs as-is on its defaults."""

import json
from pathlib import Path

import pytest

from pipeline.paths import notebooks_dir
from pipeline.present.document import DOCUMENT_MIMETYPE, Section

NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))


def test_the_four_reports_exist():
    assert {p.stem for p in NOTEBOOKS} >= {"end_report", "survey_feedback", "success_criteria", "milestones"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs_and_with_a_parameters_cell(path: Path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    tagged = [c for c in code if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1
    source = "".join(tagged[0]["source"])
    for name in ("project", "unit", "period", "language", "inputs"):
        assert f"\n{name} = " in "\n" + source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_as_is_with_its_defaults(path: Path, tmp_path: Path, run_notebook):
    executed = run_notebook(path, tmp_path / path.name)  # in one kept kernel, reset before each notebook
    shown = [
        output["data"][DOCUMENT_MIMETYPE]
        for cell in executed.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if DOCUMENT_MIMETYPE in output.get("data", {})
    ]
    assert shown and all(Section.model_validate(part).title for part in shown)  # report sections, as the document
