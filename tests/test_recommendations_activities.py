"""recommendations.csv and activities.csv: every column validated with file, row and field; the analyses counted
against hand counts of the Danish example (inputs/integrationsforum-viborg) and of small tables made here."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pipeline.analysis import activities as act
from pipeline.analysis import recommendations as rec
from pipeline.analysis.suppression import ALL
from pipeline.errors import InputError
from pipeline.paths import default_inputs
from pipeline.periods import ReportPeriod
from pipeline.project import load_project

VIBORG = "integrationsforum-viborg"
REC_HEADER = "id,title,source,given,to,decision,decided,status,follow_up,updated"
ACT_HEADER = "id,date,title,kind,unit,participants,participants_borger,participants_politiker,themes"
GOOD_REC = (
    "A1,Lektiecaféer,Tænketanken,2024-11-19,Beskæftigelses- og "
    "Integrationsudvalget,Godkendt,2025-03-04,adopted,Åbnet,2025-08-01"
)
GOOD_ACT = "T1,2025-06-12,Temamøde,Temamøde,,70,40,6,Børn og unge; Job og uddannelse"


@pytest.fixture
def viborg(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs" / VIBORG
    shutil.copytree(default_inputs() / VIBORG, folder)
    return folder


def problems_with(folder: Path, file: str, *lines: str) -> list:
    (folder / file).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_project(folder)
    return [(p.file, p.row, p.field) for p in caught.value.problems], caught.value.problems


def test_the_good_rows_are_valid(viborg):
    (viborg / "recommendations.csv").write_text(f"{REC_HEADER}\n{GOOD_REC}\n", encoding="utf-8")
    (viborg / "activities.csv").write_text(f"{ACT_HEADER}\n{GOOD_ACT}\n", encoding="utf-8")
    project = load_project(viborg)
    assert project.recommendations.iloc[0]["to"] == ("Beskæftigelses- og Integrationsudvalget",)
    assert project.activities.iloc[0]["groups"] == {"borger": 40, "politiker": 6}
    assert project.activities.iloc[0]["themes"] == ("Børn og unge", "Job og uddannelse")


@pytest.mark.parametrize(
    "row, field, expected, found",
    [
        (
            GOOD_REC.replace(",adopted,", ",vedtaget,"),
            "status",
            "one of proposed, adopted, in_progress, implemented, rejected, dropped",
            "'vedtaget'",
        ),
        (
            GOOD_REC.replace("2024-11-19", "19.11.2024"),
            "given",
            "the date it was given, written YYYY-MM-DD",
            "'19.11.2024'",
        ),
        (
            GOOD_REC.replace("2025-03-04", "2025-02-30"),
            "decided",
            "a date written YYYY-MM-DD, or empty",
            "'2025-02-30'",
        ),
        (
            GOOD_REC.replace("2025-03-04", "2024-01-01"),
            "decided",
            "a date on or after 2024-11-19, when the recommendation was given",
            "'2024-01-01'",
        ),
        (GOOD_REC.replace("2025-08-01", "1. august"), "updated", "a date written YYYY-MM-DD, or empty", "'1. august'"),
        (
            GOOD_REC.replace("Beskæftigelses- og Integrationsudvalget", "Økonomiudvalget"),
            "to",
            "committees from project.yaml",
            "('Økonomiudvalget' is not one of them)",
        ),
        (
            GOOD_REC.replace(",2025-03-04,adopted,", ",,adopted,"),
            "decided",
            "the date of the decision, since the status is 'adopted'",
            "an empty cell",
        ),
        (GOOD_REC.replace(",adopted,", ",proposed,"), "status", "a status after the decision", "'proposed'"),
        (GOOD_REC.replace("A1,", ",", 1), "id", "an id for the recommendation", "an empty cell"),
        (GOOD_REC.replace("Lektiecaféer", ""), "title", "the recommendation's title", "an empty cell"),
        (GOOD_REC.replace("Tænketanken", ""), "source", "who gave it", "an empty cell"),
    ],
)
def test_recommendation_columns(viborg, row, field, expected, found):
    where, problems = problems_with(viborg, "recommendations.csv", REC_HEADER, GOOD_REC.replace("A1", "A0", 1), row)
    assert where == [("recommendations.csv", 3, field)], problems
    assert expected in problems[0].expected and found in problems[0].found


def test_a_recommendation_id_twice(viborg):
    where, problems = problems_with(viborg, "recommendations.csv", REC_HEADER, GOOD_REC, GOOD_REC)
    assert where == [("recommendations.csv", 3, "id")] and "row 2" in problems[0].found


def test_committees_are_checked_one_by_one(viborg):
    row = GOOD_REC.replace("Beskæftigelses- og Integrationsudvalget", "Børne- og Ungdomsudvalget; Kulturudvalget")
    where, problems = problems_with(viborg, "recommendations.csv", REC_HEADER, row)
    assert where == [("recommendations.csv", 2, "to")]
    assert (
        "'Kulturudvalget' is not one of them" in problems[0].found
        and "Børne- og Ungdomsudvalget" in problems[0].expected
    )


def test_an_unknown_recommendation_column(viborg):
    where, _ = problems_with(viborg, "recommendations.csv", REC_HEADER + ",ansvarlig", GOOD_REC + ",Jens")
    assert where == [("recommendations.csv", 1, "ansvarlig")]


@pytest.mark.parametrize(
    "row, field, expected, found",
    [
        (
            GOOD_ACT.replace(",70,", ",-3,"),
            "participants",
            "a whole number of people ≥ 0, or empty if not counted",
            "'-3'",
        ),
        (GOOD_ACT.replace(",70,", ",70.5,"), "participants", "a whole number of people ≥ 0", "'70.5'"),
        (GOOD_ACT.replace(",40,", ",-1,"), "participants_borger", "a whole number of people ≥ 0", "'-1'"),
        (GOOD_ACT.replace(",70,", ",30,"), "participants", "at least the participants counted by group (46)", "'30'"),
        (
            GOOD_ACT.replace("2025-06-12", "12-06-2025"),
            "date",
            "the date it was held, written YYYY-MM-DD",
            "'12-06-2025'",
        ),
        (GOOD_ACT.replace(",,70,", ",0799,70,"), "unit", "an empty cell (the project declares no units)", "'0799'"),
        (GOOD_ACT.replace("Temamøde,Temamøde", "Temamøde,"), "kind", "what kind of activity it was", "an empty cell"),
        (
            GOOD_ACT.replace("T1,2025-06-12,Temamøde", "T1,2025-06-12,"),
            "title",
            "the activity's title",
            "an empty cell",
        ),
    ],
)
def test_activity_columns(viborg, row, field, expected, found):
    where, problems = problems_with(viborg, "activities.csv", ACT_HEADER, row)
    assert where == [("activities.csv", 2, field)], problems
    assert expected in problems[0].expected and found in problems[0].found


def test_a_participants_column_of_an_undeclared_group(viborg):
    header = ACT_HEADER.replace("participants_politiker", "participants_politikere")
    where, problems = problems_with(viborg, "activities.csv", header, GOOD_ACT)
    assert where == [("activities.csv", 1, "participants_politikere")]
    assert "'politiker'" in problems[0].expected and "'borger'" in problems[0].expected


def test_a_wave_tied_to_an_activity_that_does_not_exist(viborg):
    text = (viborg / "project.yaml").read_text(encoding="utf-8")
    (viborg / "project.yaml").write_text(
        text.replace("label: Efteråret 2025, year: 2025}", "label: Efteråret 2025, year: 2025, activity: T9}"),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_project(viborg)
    [problem] = caught.value.problems
    assert (problem.file, problem.field, problem.found) == ("project.yaml", "survey.waves.1.activity", "'T9'")
    assert "T01" in problem.expected


def test_a_committee_without_a_schedule_gets_no_status(viborg):
    from pipeline.committees.due import plan
    from pipeline.committees.ledger import Ledger
    from pipeline.run.jobs import Workspace

    project = load_project(viborg)
    assert [c.name for c in project.spec.committees] == [
        "Beskæftigelses- og Integrationsudvalget",
        "Børne- og Ungdomsudvalget",
    ]
    workspace = Workspace.default(viborg.parent, viborg.parent.parent / "reports")
    with Ledger.at(workspace.reports) as ledger:
        planned = plan([project], workspace, ledger, date(2026, 10, 1))
    assert [status.committee.name for status in planned] == ["Beskæftigelses- og Integrationsudvalget"]


# --- The analyses, against hand counts ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example():
    return load_project(VIBORG)


def test_recommendations_by_status_in_the_example(example):
    # A1 implemented, A2 in progress, A3 adopted, A4 proposed (recommendations.csv, counted by hand).
    counts = rec.counts_by_status(example.recommendations)
    assert counts == {"proposed": 1, "adopted": 1, "in_progress": 1, "implemented": 1, "rejected": 0, "dropped": 0}


def test_recommendations_as_known_on_an_earlier_day(example):
    then = rec.as_known_on(example.recommendations, date(2025, 10, 1))
    # A1 decided in February 2025 but implemented (updated) in June 2026; A2 decided March 2025, updated 2026;
    # A3 decided in April 2026; A4 never.
    assert dict(zip(then["id"], then["status"])) == {
        "A1": "adopted",
        "A2": "adopted",
        "A3": "proposed",
        "A4": "proposed",
    }
    assert then.set_index("id").at["A3", "decision"] == "" and then.set_index("id").at["A1", "follow_up"] == ""
    assert rec.as_known_on(example.recommendations, date(2024, 11, 18)).empty  # given on 19 November 2024


def test_what_changed_since_the_last_status(example):
    now = rec.records(rec.as_known_on(example.recommendations, date(2026, 10, 1)))
    then = rec.records(rec.as_known_on(example.recommendations, date(2025, 10, 1)))
    changes = rec.changes_since(now, then)
    assert (changes.new, changes.adopted, changes.implemented, changes.rejected, changes.dropped) == (
        [],
        ["A3"],
        ["A1"],
        [],
        [],
    )
    first = rec.changes_since(then, [])
    assert first.new == ["A1", "A2", "A3", "A4"]


def test_proposed_to_implemented_in_one_step_is_adopted_and_implemented():
    changes = rec.changes_since(
        [{"id": "X", "status": "implemented"}, {"id": "Y", "status": "rejected"}],
        [{"id": "X", "status": "proposed"}, {"id": "Y", "status": "proposed"}],
    )
    assert (changes.adopted, changes.implemented, changes.rejected) == (["X"], ["X"], ["Y"])


def test_still_open_after_whole_years(example):
    table = rec.as_known_on(example.recommendations, date(2026, 10, 1))
    # A2 in progress, A3 adopted, A4 proposed: all open, given 19 November 2024, so one whole year on 1 October 2026.
    assert list(rec.open_for(table, date(2026, 10, 1), 1)["id"]) == ["A2", "A3", "A4"]
    assert rec.open_for(table, date(2026, 10, 1), 2).empty
    assert list(rec.open_for(table, date(2026, 11, 19), 2)["id"]) == ["A2", "A3", "A4"]
    assert rec.years_between(date(2024, 2, 29), date(2025, 2, 28)) == 1


def test_activities_per_year_and_kind(example):
    held = act.held(example.activities, ReportPeriod(2024, 2026), date(2026, 10, 1))
    table = act.per_year_and_kind(held, [2024, 2025, 2026])
    assert list(table.columns) == ["Forummøde", "Workshop", "Temamøde"]
    assert (
        table.loc[2024].tolist() == [4, 2, 0]
        and table.loc[2025].tolist() == [3, 2, 1]
        and table.loc[2026].tolist() == [3, 0, 0]
    )


def test_participants_per_year_match_the_indicator(example):
    """The forum's own yearly count of participants (indicators.csv, deltagere_forum) is the activities' sum."""
    held = act.held(example.activities, ReportPeriod(2024, 2026), date(2026, 10, 31))
    per_year = act.participants_per_year(held, [2024, 2025, 2026])
    indicator = example.indicators[example.indicators["indicator"] == "deltagere_forum"].set_index("period")["value"]
    assert (
        [per_year[year] for year in (2024, 2025, 2026)]
        == [int(indicator[year]) for year in (2024, 2025, 2026)]
        == [132, 181, 68]
    )
    assert act.total_participants(held) == 381


def test_an_activity_after_the_report_date_is_not_held_yet(example):
    held = act.held(example.activities, ReportPeriod(2025, 2026), date(2026, 5, 1))
    assert held["id"].iloc[-1] == "F09" and "F10" not in set(held["id"]) and "F04" not in set(held["id"])


def test_participants_by_group_withhold_small_groups_and_what_would_reveal_them(example):
    decision = act.participants_by_group(example.activities, 5)
    # Politicians: 2 in 2024 (W02), 4 + 1 = 5 in 2025; staff 4 + 3 = 7 in 2024 and 4 + 12 + 5 = 21 in 2025.
    assert decision.count(2024, "politiker") is None  # fewer than 5
    assert decision.count(2024, "medarbejder") is None  # else 2024's total minus the groups shown gives the 2
    assert decision.count(2025, "politiker") is None  # else the politicians' total (7) minus 5 gives 2024's 2
    assert decision.count(2024, "borger") == 17 and decision.count(2025, "borger") == 55
    assert decision.count(2024, ALL) == 132 and decision.count(2025, ALL) == 181  # a year's total is always shown
    assert decision.count(ALL, "politiker") == 7
    assert decision.groups(["borger", "forening", "politiker", "medarbejder"]) == [
        "borger",
        "forening",
        "politiker",
        "medarbejder",
        act.NOT_BY_GROUP,
    ]


def test_no_withheld_group_follows_from_what_is_shown(example):
    """Every published sum is a row or column of the decided table; each hidden cell must be undetermined by them."""
    import numpy as np

    decision = act.participants_by_group(example.activities, 5)
    cells = sorted(decision.sizes, key=str)
    hidden = [c for c in cells if c in decision.hidden]
    shown_rows = []
    for year in {y for y, _ in cells}:
        shown_rows.append([1.0 if c[0] == year else 0.0 for c in cells])  # the year's total
    for group in {g for _, g in cells}:
        if decision.count(ALL, group) is not None:
            shown_rows.append([1.0 if c[1] == group else 0.0 for c in cells])
    for cell in cells:
        if cell not in decision.hidden:
            shown_rows.append([1.0 if c == cell else 0.0 for c in cells])
    published = np.array(shown_rows)
    for cell in hidden:
        unit = np.array([[1.0 if c == cell else 0.0 for c in cells]])
        assert np.linalg.matrix_rank(np.vstack([published, unit])) > np.linalg.matrix_rank(published), f"{cell} follows"


def test_themes_covered(example):
    covered = act.themes(example.activities)
    assert list(covered) == ["Modtagelse og bosætning", "Børn og unge", "Job og uddannelse", "Fritid og netværk"]
    assert covered["Børn og unge"] == ["W02", "T01"]


def test_participants_not_counted_are_no_data_never_zero():
    table = pd.DataFrame(
        {
            "id": ["a", "b"],
            "date": [date(2025, 1, 1), date(2025, 2, 1)],
            "kind": ["x", "x"],
            "unit": ["", ""],
            "participants": pd.array([None, None], dtype="Int64"),
            "themes": [(), ()],
            "groups": [{}, {}],
            "title": ["a", "b"],
        }
    )
    assert act.total_participants(table) is None
    assert act.participants_per_year(table, [2025])[2025] is None
