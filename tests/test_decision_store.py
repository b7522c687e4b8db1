"""The survey's suppression decision is stored beside the reports under the key of what it was decided from: a second
process reads it instead of deciding, and a changed survey, a changed publication or a file of another key decides
again (pipeline.run.decision)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline import project as project_module
from pipeline.analysis.suppression import Suppression
from pipeline.errors import UnsafePath
from pipeline.paths import default_inputs
from pipeline.project import load_project
from pipeline.run import decision
from pipeline.run.files import decision_file

VESTFOLD = "bosetting-vestfold"

# Run in a second process: the decision for the project, with deciding itself made impossible there.
SECOND_PROCESS = """
import json, sys
from pathlib import Path
import pipeline.project
def never(*args, **kwargs):
    raise AssertionError("decided again")
pipeline.project.survey_suppression = never
from pipeline.project import load_project
from pipeline.run.decision import prepared
project = prepared(load_project(sys.argv[1], Path(sys.argv[2])), Path(sys.argv[3]))
print(json.dumps(sorted(str(sorted(cells, key=str)) for cells in project.survey_suppression.hidden.values())))
"""


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    shutil.copytree(default_inputs() / VESTFOLD, tmp_path / "inputs" / VESTFOLD)
    return tmp_path / "inputs"


def decisions_taken(monkeypatch) -> list:
    """Each time the project decides, from now on."""
    taken = []
    decide = project_module.survey_suppression

    def counted(*args, **kwargs):
        taken.append(1)
        return decide(*args, **kwargs)

    monkeypatch.setattr(project_module, "survey_suppression", counted)
    return taken


def hidden_cells(suppression: Suppression) -> list[str]:
    return sorted(str(sorted(cells, key=str)) for cells in suppression.hidden.values())


def test_a_second_process_reads_the_stored_decision_instead_of_deciding(inputs, tmp_path, monkeypatch):
    reports = tmp_path / "reports"
    taken = decisions_taken(monkeypatch)
    first = decision.prepared(load_project(VESTFOLD, inputs), reports).survey_suppression
    assert taken == [1] and decision_file(reports, VESTFOLD).is_file()
    assert any(first.hidden.values()), "the example withholds some cells, so the test compares something"

    command = [sys.executable, "-c", SECOND_PROCESS, VESTFOLD, inputs, reports]
    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr[-2000:]
    assert json.loads(second.stdout) == hidden_cells(first)


def test_the_stored_decision_is_the_decision_itself(inputs, tmp_path):
    reports = tmp_path / "reports"
    decided = load_project(VESTFOLD, inputs).survey_suppression
    decision.prepared(load_project(VESTFOLD, inputs), reports)
    stored = json.loads(decision_file(reports, VESTFOLD).read_text(encoding="utf-8"))
    assert decision.from_record(stored["decision"]) == decided


def test_a_changed_survey_decides_again(inputs, tmp_path, monkeypatch):
    reports = tmp_path / "reports"
    decision.prepared(load_project(VESTFOLD, inputs), reports)
    before = json.loads(decision_file(reports, VESTFOLD).read_text(encoding="utf-8"))["key"]

    survey = inputs / VESTFOLD / "survey.csv"
    table = pd.read_csv(survey, dtype=str, keep_default_na=False)
    table.drop(index=table.index[0]).to_csv(survey, index=False)  # one respondent fewer
    taken = decisions_taken(monkeypatch)
    changed = load_project(VESTFOLD, inputs)
    assert hidden_cells(decision.prepared(changed, reports).survey_suppression) == hidden_cells(
        load_project(VESTFOLD, inputs).survey_suppression
    )
    assert len(taken) == 2  # once by `prepared`, once for the comparison: the stored one was not used
    assert json.loads(decision_file(reports, VESTFOLD).read_text(encoding="utf-8"))["key"] != before


def test_a_new_publication_decides_again(inputs, tmp_path, monkeypatch):
    reports = tmp_path / "reports"
    decision.prepared(load_project(VESTFOLD, inputs), reports)
    published = reports / VESTFOLD / "2015-2016" / "end_report.results.json"
    published.parent.mkdir(parents=True)
    published.write_text(json.dumps({"project": VESTFOLD, "survey": {"waves": []}}), encoding="utf-8")
    taken = decisions_taken(monkeypatch)
    decision.prepared(load_project(VESTFOLD, inputs), reports)
    assert taken == [1]


@pytest.mark.parametrize("damage", ["other key", "not JSON", "no decision"])
def test_a_stored_decision_whose_key_is_not_this_projects_is_never_trusted(inputs, tmp_path, monkeypatch, damage):
    reports = tmp_path / "reports"
    honest = decision.prepared(load_project(VESTFOLD, inputs), reports).survey_suppression
    path = decision_file(reports, VESTFOLD)
    stored = json.loads(path.read_text(encoding="utf-8"))
    shows_everything = {"min_size": 1, "width": 0, "tables": []}  # what a tampered file would like reports to show
    path.write_text(
        {
            "other key": json.dumps({"key": "0" * 64, "decision": shows_everything}),
            "not JSON": "{",
            "no decision": json.dumps({"key": stored["key"]}),
        }[damage],
        encoding="utf-8",
    )
    taken = decisions_taken(monkeypatch)
    again = decision.prepared(load_project(VESTFOLD, inputs), reports).survey_suppression
    assert taken == [1] and again == honest
    assert json.loads(path.read_text(encoding="utf-8")) == stored  # replaced by the honest one


def test_the_file_is_named_inside_the_reports_folder(tmp_path):
    assert decision_file(tmp_path, VESTFOLD) == (tmp_path / VESTFOLD / ".survey-decision.json").resolve()
    with pytest.raises(UnsafePath):
        decision_file(tmp_path, "../elsewhere")
