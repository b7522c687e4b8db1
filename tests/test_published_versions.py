"""A report is decided with every version of its project's figures published before (issue 18, item 3): one late
answer typed into a wave that a published status showed cannot be told from the old status and the new together."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.analysis.disclosure import audit
from pipeline.analysis.suppression import earlier_versions, survey_tables
from pipeline.cli import main
from pipeline.paths import default_inputs
from pipeline.project import load_project, published_records, with_published

VIBORG = "integrationsforum-viborg"
pytestmark = pytest.mark.slow  # two reports made by the command line


def run_status(inputs: Path, reports: Path) -> dict:
    command = [
        "--inputs",
        str(inputs),
        "--reports",
        str(reports),
        "run",
        VIBORG,
        "--report",
        "status_report",
        "--period",
        "2025-2026",
    ]
    assert main(command) == 0
    return json.loads((reports / VIBORG / "2025-2026" / "status_report.results.json").read_text(encoding="utf-8"))


def test_a_late_answer_in_a_published_wave_follows_from_neither_status_nor_both(tmp_path, capsys):
    inputs, reports = tmp_path / "inputs", tmp_path / "reports"
    shutil.copytree(default_inputs() / VIBORG, inputs / VIBORG)
    first = run_status(inputs, reports)

    # One partner's answers arrive late and are typed into the wave the status showed.
    survey = pd.read_csv(inputs / VIBORG / "survey.csv", dtype=str, keep_default_na=False)
    late = {column: "" for column in survey.columns} | {"respondent_id": "r999", "wave": "2025", "group": "partner"}
    late |= {item: "Meget uenig" for item in ("viden", "netvaerk", "hoert", "tilrettelagt", "forskel")}
    pd.concat([survey, pd.DataFrame([late])]).to_csv(inputs / VIBORG / "survey.csv", index=False)
    second = run_status(inputs, reports)
    assert second != first

    # Both statuses are published: the first kept as the version before, the second current.
    records = published_records(reports, VIBORG)
    assert len(records) == 2
    project = with_published(load_project(VIBORG, inputs), records)
    decision = project.survey_suppression
    earlier = earlier_versions([first], project.spec.survey)
    for (wave, item), table in survey_tables(project.survey, project.spec.survey, earlier).items():
        if wave != "2025":
            continue
        intervals = audit(
            table, decision.hidden.get((wave, item), ()), decision.width, decision.rules.get((wave, item), {})
        )
        late_answers = [i for i in intervals if i.revision is not None]
        assert all(i.protected for i in late_answers), (item, [i for i in late_answers if not i.protected])

    # Without the first status, today's decision alone would let the late answer follow for some question.
    alone = load_project(VIBORG, inputs).survey_suppression
    exposed = []
    for (wave, item), table in survey_tables(project.survey, project.spec.survey, earlier).items():
        if wave == "2025":
            intervals = audit(table, alone.hidden.get((wave, item), ()), alone.width)
            exposed += [i for i in intervals if i.revision is not None and not i.protected]
    assert exposed, "the case tests nothing: the late answer was hidden without the earlier version"

    # And `validate --audit` reads both versions and finds every interval wide enough.
    assert main(["--inputs", str(inputs), "--reports", str(reports), "validate", "--audit", VIBORG]) == 0
    out = capsys.readouterr().out
    assert "2 results file(s) published before" in out and " 0 failing" in out
