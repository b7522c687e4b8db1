"""Questions a survey really has besides scales: one of several options, tick all that apply, and numbers."""

import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline import tables
from pipeline.analysis import survey as sv
from pipeline.present.report import Report
from pipeline.project import Project
from pipeline.spec import Item, ProjectSpec, Scale, SurveySpec, Wave

PLACES = ["Sentrum", "Nord", "Sør"]
OFFERS = ["Kurs", "Nettverk", "Veiledning"]


def test_a_choice_is_a_distribution_in_the_questionnaires_order():
    table = sv.choice_distribution(pd.Series(["Sør", "Nord", "Sør", None, "Sør"]), PLACES)
    assert table["option"].tolist() == PLACES
    assert table["count"].tolist() == [0, 1, 3]
    assert table["share"].tolist() == pytest.approx([0, 1 / 4, 3 / 4])  # of those who answered; the blank is left out


def test_ticks_are_shares_of_those_who_answered_and_may_add_up_to_more_than_all():
    answers = pd.Series([("Kurs", "Nettverk"), ("Kurs",), None, ("Veiledning", "Kurs")], dtype=object)
    table = sv.multi_shares(answers, OFFERS)
    assert table["count"].tolist() == [3, 1, 1]
    assert table["share"].tolist() == pytest.approx([1, 1 / 3, 1 / 3])


def test_a_number_gives_n_mean_and_median_and_never_an_extreme():
    figures = sv.number_summary(pd.Series([2.0, 4.0, None, 30.0]))
    assert figures == {"n": 3, "mean": pytest.approx(12.0), "median": 4.0}
    assert sv.number_summary(pd.Series([None], dtype=object)) == {"n": 0, "mean": None, "median": None}


def project(rows: list[dict]) -> Project:
    codebook = SurveySpec(
        waves=[Wave(id="2025", label="Høsten 2025", year=2025)],
        groups={"kommune": "Kommuner", "partner": "Partnere"},
        scales={"enig": Scale(labels=["Uenig", "Nøytral", "Enig"], positive=["Enig"])},
        items={
            "q1": Item(text="Samarbeidet fungerer", scale="enig"),
            "sted": Item(text="Hvor bor du?", kind="choice", options=PLACES),
            "tilbud": Item(text="Hvilke tilbud har du brukt?", kind="multi", options=OFFERS),
            "timer": Item(text="Hvor mange timer brukte du?", kind="number"),
        },
    )
    spec = ProjectSpec(
        title="Test", owner="Statsforvalteren", language="nb", period={"start": 2025, "end": 2025}, survey=codebook
    )
    frame = pd.DataFrame(
        [{"respondent_id": f"r{i}", "wave": "2025", "unit": "", **r} for i, r in enumerate(rows)],
        columns=tables.SURVEY_COLUMNS + ["q1", "sted", "tilbud", "timer"],
    ).astype(object)
    frame = frame.where(frame.notna(), None)
    return Project(
        "test",
        Path("."),
        spec,
        tables.empty_indicators(spec),
        frame,
        tables.empty_milestones(spec),
        tables.empty_assessments(spec),
    )


def text_of(report: Report) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", report.survey_section().data)).replace("\xa0", " ")


def test_the_section_shows_each_kind_and_no_positive_share_for_a_choice():
    rows = [
        {
            "group": "kommune",
            "q1": "Enig",
            "sted": PLACES[i % 3],
            "tilbud": ("Kurs",) if i % 2 else ("Kurs", "Nettverk"),
            "timer": float(i),
        }
        for i in range(12)
    ]
    text = text_of(Report(project(rows)))
    assert "Andre spørsmål" in text
    assert "Svarene på «Hvor bor du?», høsten 2025 (n = 12)" in text
    assert "Sentrum 4 33,3 %" in text and "Nord 4 33,3 %" in text  # counted from the rows above: i % 3
    assert "Kurs 12 100,0 %" in text and "Nettverk 6 50,0 %" in text and "Veiledning 0 0,0 %" in text
    assert "Hvor mange timer brukte du? 12 5,5 5,5" in text  # mean and median of 0..11
    other = text.split("Andre spørsmål")[1].split("Andel positive svar regnes")[0]
    assert "Andel positive" not in other and "%-konfidensintervall" not in other  # a choice has no positive share
    assert "Fordelingen på svaralternativer uten rekkefølge" in text  # and the methods say how they are counted


def test_a_kind_answered_by_too_few_is_withheld():
    rows = [
        {"group": "kommune", "q1": "Enig", "sted": "Nord" if i < 3 else None, "timer": 5.0 if i < 2 else None}
        for i in range(12)
    ]
    text = text_of(Report(project(rows)))
    assert "Svarene på «Hvor bor du?»" not in text and "For få svar til å vises (grensen er 5)" in text
    assert "Hvor mange timer brukte du? for få til å vises" in text
