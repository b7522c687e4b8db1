"""Nothing vanishes in silence: what the inputs hold that no report shows, and what a report cannot compute, is said
by `validate` (file, row, field); a wave's tables show the questions that wave asked, and a wave is compared only
with an earlier wave of the same population inside the project's period."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.analysis import comparison as cmp
from pipeline.analysis import survey as sv
from pipeline.cli import main
from pipeline.present import survey as survey_present
from pipeline.present.report import Report
from pipeline.project import load_project
from pipeline.spec import Wave

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "integrationsforum-viborg"


@pytest.fixture
def viborg(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs" / PROJECT
    shutil.copytree(ROOT / "inputs" / PROJECT, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def notices(folder: Path) -> list[str]:
    return [str(notice) for notice in load_project(PROJECT, folder.parent).notices]


def test_the_examples_validate_without_notices():
    for project in ("bosetting-vestfold", "helhedsplan-norrevang"):
        assert load_project(project).notices == ()
    # But the one the example means to show: Viborg's 2026 count of participants runs to 31 October (provisional).
    assert [(n.file, n.row, n.field) for n in load_project("integrationsforum-viborg").notices] == [
        ("indicators.csv", 4, "coverage")
    ]


def test_a_ratio_criterion_without_figures_is_named(viborg):
    edit(
        viborg / "project.yaml",
        "indicators:\n  deltagere_forum:",
        "indicators:\n  medfinansiering: {label: Medfinansiering}\n  budget_i_alt: {label: Budget}\n  deltagere_forum:",
    )
    edit(
        viborg / "project.yaml",
        "criteria:\n",
        (
            "criteria:\n  - id: K9\n    title: En fjerdedel er medfinansieret\n    measure: {kind: ratio, "
            "numerator: medfinansiering, denominator: budget_i_alt, target: 0.25}\n"
        ),
    )
    [notice] = [n for n in notices(viborg) if "K9" in n]
    assert notice.startswith("project.yaml, field 'criteria[0] (K9).measure': expected figures to compute it from")
    assert "'medfinansiering' and 'budget_i_alt' in 2024–2026" in notice and "'no data'" in notice


def test_rows_and_waves_outside_the_period_are_named_and_said_to_be_unshown(viborg):
    with open(viborg / "indicators.csv", "a", encoding="utf-8") as table:
        table.write(",deltagere_forum,2022,40,Før forummet\n")
    with open(viborg / "activities.csv", "a", encoding="utf-8") as table:
        table.write("X01,2023-05-02,Borgermøde i Viborg,Borgermøde,,40,,,,,\n")
    edit(
        viborg / "project.yaml",
        '    - {id: "2024", label: Efteråret 2024, year: 2024}',
        (
            '    - {id: "2022", label: Borgermødet 2022, year: 2022}\n    - {id: "2024", label: Efteråret 2024, '
            "year: 2024}"
        ),
    )
    found = notices(viborg)
    assert (
        "indicators.csv, row 7, field 'period': expected a date in the project's period 2024–2026, found "
        "'2022', outside it: the row is shown in no report"
    ) in found
    assert any(n.startswith("activities.csv, row ") and "field 'date'" in n and "'2023-05-02'" in n for n in found)
    assert any(
        n.startswith("project.yaml, field 'survey.waves.0.year'") and "wave '2022' is shown in no report" in n
        for n in found
    )


def test_validate_prints_the_notices(viborg, capsys):
    with open(viborg / "indicators.csv", "a", encoding="utf-8") as table:
        table.write(",deltagere_forum,2021,40,\n")
    assert main(["--inputs", str(viborg.parent), "validate", PROJECT]) == 0
    assert "  ! indicators.csv, row 7, field 'period'" in capsys.readouterr().out


def two_waves_with_other_questions(viborg: Path) -> None:
    """Wave 2024 did not ask `forskel`; wave 2025 did not ask `tilrettelagt`."""
    survey = pd.read_csv(viborg / "survey.csv", dtype=str, keep_default_na=False)
    survey.loc[survey["wave"] == "2024", "forskel"] = ""
    survey.loc[survey["wave"] == "2025", "tilrettelagt"] = ""
    survey.to_csv(viborg / "survey.csv", index=False)


def test_an_item_asked_in_some_waves_only_is_named(viborg):
    two_waves_with_other_questions(viborg)
    found = notices(viborg)
    assert (
        "survey.csv, field 'forskel': expected an item asked in every wave, found answers in wave 2025 only: "
        "the tables of wave 2024 leave it out"
    ) in found
    assert any("field 'tilrettelagt'" in n and "wave 2024 only" in n for n in found)


def test_a_waves_tables_show_the_questions_it_asked_and_compare_only_those_in_both(viborg):
    two_waves_with_other_questions(viborg)
    report = Report.open(PROJECT, period="2025", inputs=viborg.parent, as_of="2025-12-31")
    section = survey_present.survey_section(report)
    texts = section.model_dump_json()
    assert "Møderne er godt tilrettelagt" not in texts  # not asked in 2025
    assert "Forummet gør en forskel" in texts
    project = load_project(PROJECT, viborg.parent)
    asked = sv.asked_items(project.survey, project.spec.survey, "2024") & sv.asked_items(
        project.survey, project.spec.survey, "2025"
    )
    assert asked == {"viden", "netvaerk", "hoert", "anbefale", "kommentar"}


def wave(id: str, year: int, population: str | None = None) -> Wave:
    return Wave(id=id, label=id, year=year, population=population)


def test_a_wave_is_compared_with_the_last_of_its_population_inside_the_period():
    from datetime import date

    waves = [
        wave("meeting", 2022, "deltagere"),
        wave("r24", 2024, "beboere"),
        wave("s24", 2024, "ansatte"),
        wave("r25", 2025, "beboere"),
    ]
    assert [w.id for w in cmp.comparable_waves(waves, date(2025, 12, 31), 2024, 2026)] == ["r24", "r25"]
    assert [w.id for w in cmp.comparable_waves(waves[:3], date(2024, 12, 31), 2024, 2026)] == [
        "s24"
    ]  # no earlier staff wave
    assert [
        w.id for w in cmp.comparable_waves([wave("meeting", 2022), wave("r25", 2025)], date(2025, 12, 31), 2024, 2026)
    ] == ["r25"]


def test_an_indicator_says_its_unit_and_the_report_writes_it_in_its_language(viborg):
    from pipeline.present.i18n import Messages

    assert [Messages(language).quantity(61.5, "percent") for language in ("da", "nb", "en")] == [
        "61,5\u00a0%",
        "61,5\u00a0%",
        "61.5%",
    ]
    assert (
        Messages("da").quantity(6_645_000, "kr", 0) == "6.645.000\u00a0kr."
        and Messages("nb").quantity(120, "persons") == "120\u00a0personer"
    )
    edit(
        viborg / "project.yaml",
        "    label: Aktive frivillige i forummets netværk\n    unit: persons",
        "    label: Aktive frivillige i forummets netværk (%)",
    )
    [notice] = [n for n in notices(viborg) if "frivillige_aktive" in n]
    assert (
        notice.startswith("project.yaml, field 'indicators.frivillige_aktive.label'")
        and "move '%' to `unit:`" in notice
    )
    edit(
        viborg / "project.yaml",
        "    label: Aktive frivillige i forummets netværk (%)",
        "    label: Aktive frivillige i forummets netværk",
    )
    [notice] = [n for n in notices(viborg) if "frivillige_aktive" in n]
    assert notice == (
        "project.yaml, field 'indicators.frivillige_aktive.unit': expected the unit its figures are in: "
        "percent, kr, persons, number or a word of your own, found none: the report shows the bare figure"
    )


def test_a_survey_criterion_may_count_some_groups_only(viborg):
    from pipeline.analysis import evaluation

    edit(
        viborg / "project.yaml",
        "measure: {kind: survey, item: hoert, target: 0.7}",
        "measure: {kind: survey, item: hoert, target: 0.7, groups: [borger, frivillig]}",
    )
    project = load_project(PROJECT, viborg.parent)
    report = Report(project, period="2025")
    [k3] = [result for result in evaluation.evaluate_criteria(report.scope) if result.id == "K3"]
    answers = project.survey[(project.survey["wave"] == "2025") & project.survey["group"].isin(["borger", "frivillig"])]
    scale = project.spec.survey.scales["enig5"]
    assert k3.actual == pytest.approx(sv.positive_share(answers["hoert"], scale)["positive_share"])
    edit(viborg / "project.yaml", "groups: [borger, frivillig]", "groups: [beboere]")
    with pytest.raises(Exception, match="groups declared under 'survey.groups'"):
        load_project(PROJECT, viborg.parent)
