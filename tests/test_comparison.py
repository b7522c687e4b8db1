"""A status against the previous one, milestones reached and due, periods and waves: hand-checked examples."""

from datetime import date

import pandas as pd
import pytest

from pipeline.analysis.comparison import (
    ATTAINMENT_TOLERANCE,
    Change,
    change_counts,
    compare_criteria,
    compare_criterion,
    differing_criteria,
    due_within,
    expected_then_done_now,
    milestones_as_of,
    one_year_after,
    one_year_before,
    previous_period,
    reached_in,
    waves_up_to,
)
from pipeline.analysis.milestones import Outcome
from pipeline.periods import ReportPeriod
from pipeline.spec import Period, Wave


def record(status: str, attainment: float | None = None, id: str = "K1", actual: float | None = None) -> dict:
    return {"id": id, "title": f"Criterion {id}", "status": status, "attainment": attainment, "actual": actual}


# --- Improved, unchanged, worse -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "now, then, expected",
    [
        (record("met", 0.91), record("partly_met", 0.85), Change.IMPROVED),  # status moved up
        (record("partly_met", 0.83), record("met", 1.204), Change.WORSE),  # status moved down
        # The status decides first, even against the attainment (thresholds of the criterion changed between the two).
        (record("met", 0.95), record("partly_met", 0.97), Change.IMPROVED),
        (record("partly_met", 0.91), record("partly_met", 0.78), Change.IMPROVED),  # +13 points, same status
        (record("partly_met", 0.78), record("partly_met", 0.91), Change.WORSE),
        (record("partly_met", 0.79), record("partly_met", 0.78), Change.UNCHANGED),  # 1 point: within the tolerance
        (record("partly_met", 0.77), record("partly_met", 0.78), Change.UNCHANGED),
        (record("partly_met", 0.7911), record("partly_met", 0.78), Change.IMPROVED),  # 1.11 points: beyond it
        (record("not_met", 0.55), record("not_met", 0.55), Change.UNCHANGED),
        # Capped at 100 %: more over-achievement is no news, and less of it while still met is no worsening.
        (record("met", 1.5), record("met", 1.2), Change.UNCHANGED),
        (record("met", 1.0), record("met", 1.5), Change.UNCHANGED),
        (record("met", 1.2), record("met", 0.95), Change.IMPROVED),  # a met band from 90 %: 95 % → 100 % is +5 points
        (record("met"), record("met"), Change.UNCHANGED),  # an assessment: no attainment, same status
        (record("met"), record("partly_met"), Change.IMPROVED),
    ],
)
def test_status_first_then_attainment_capped_with_a_tolerance(now, then, expected):
    assert compare_criterion(now, then).change == expected


@pytest.mark.parametrize(
    "now, then, expected",
    [
        (record("no_data"), record("met", 1.1), Change.NO_DATA_NOW),
        (record("met", 1.1), record("no_data"), Change.NO_DATA_THEN),
        (record("no_data"), record("no_data"), Change.NO_DATA_EITHER),
        (record("not_applicable"), record("met", 1.0), Change.NO_DATA_NOW),  # nothing to attain is no figure either
        (record("met", 1.1), None, Change.NEW),
    ],
)
def test_a_criterion_without_data_now_or_then_is_never_a_change(now, then, expected):
    change = compare_criterion(now, then)
    assert change.change == expected
    assert not change.status_moved


def test_the_tolerance_is_one_percentage_point_and_can_be_set():
    assert pytest.approx(0.01) == ATTAINMENT_TOLERANCE
    assert (
        compare_criterion(record("partly_met", 0.83), record("partly_met", 0.80), tolerance=0.05).change
        == Change.UNCHANGED
    )
    assert compare_criterion(record("partly_met", 0.83), record("partly_met", 0.80)).change == Change.IMPROVED


def test_a_change_keeps_both_sides_figures_and_says_whether_the_status_moved():
    moved = compare_criterion(record("partly_met", 0.83), record("met", 1.204))
    assert (moved.status_now.value, moved.status_then.value) == ("partly_met", "met")
    assert (moved.attainment_now, moved.attainment_then) == (0.83, 1.204)
    assert moved.status_moved
    assert not compare_criterion(record("partly_met", 0.91), record("partly_met", 0.78)).status_moved


def test_criteria_are_matched_by_id_in_the_order_of_this_status():
    now = [record("met", 1.0, "K2"), record("not_met", 0.5, "K1"), record("met", 1.2, "K9")]
    then = [record("not_met", 0.4, "K1"), record("partly_met", 0.9, "K2"), record("met", 1.0, "K7")]
    changes = compare_criteria(now, then)
    assert [(c.id, c.change) for c in changes] == [("K2", Change.IMPROVED), ("K1", Change.IMPROVED), ("K9", Change.NEW)]
    counts = change_counts(changes)
    assert (counts[Change.IMPROVED], counts[Change.NEW], counts[Change.WORSE]) == (2, 1, 0)


def test_stored_figures_that_todays_data_no_longer_give_are_named():
    stored = [
        record("met", 1.203846, "K1", actual=313.0),  # stored rounded to six decimals: the same
        record("not_met", 0.3, "K2", actual=26.0),  # the count was corrected since
        record("partly_met", None, "K5"),  # the assessment changed
        record("no_data", None, "K6"),  # data came in late
        record("met", 1.0, "K8"),  # no longer a criterion: nothing to say
    ]
    recomputed = [
        record("met", 313 / 260, "K1", actual=313.0),
        record("not_met", 0.55, "K2", actual=31.0),
        record("met", None, "K5"),
        record("met", 1.1, "K6", actual=110.0),
    ]
    assert differing_criteria(stored, recomputed) == ["K2", "K5", "K6"]


# --- Periods and waves ----------------------------------------------------------------------------------

PROJECT = Period(start=2024, end=2026)


@pytest.mark.parametrize(
    "period, as_of, expected",
    [
        (ReportPeriod(2025, 2026), date(2026, 10, 1), (ReportPeriod(2024, 2025), date(2025, 10, 1))),
        (ReportPeriod(2026, 2026), date(2026, 10, 1), (ReportPeriod(2025, 2025), date(2025, 10, 1))),
        (ReportPeriod(2024, 2025), date(2025, 10, 1), (ReportPeriod(2024, 2024), date(2024, 10, 1))),  # clipped to 2024
        (ReportPeriod(2024, 2026), date(2026, 12, 31), (ReportPeriod(2024, 2025), date(2025, 12, 31))),
        (ReportPeriod(2024, 2024), date(2024, 10, 1), None),  # the project had no year before
    ],
)
def test_the_previous_period_is_a_year_back_clipped_to_the_project(period, as_of, expected):
    assert previous_period(period, as_of, PROJECT) == expected


def test_a_year_before_or_after_a_leap_day_is_the_28th():
    assert one_year_before(date(2024, 2, 29)) == date(2023, 2, 28)
    assert one_year_after(date(2024, 2, 29)) == date(2025, 2, 28)
    assert previous_period(ReportPeriod(2024, 2024), date(2024, 2, 29), Period(start=2020, end=2024)) == (
        ReportPeriod(2023, 2023),
        date(2023, 2, 28),
    )


def test_the_last_two_waves_held_by_the_report_date():
    waves = [
        Wave(id="w25", label="2025", year=2025),
        Wave(id="w23", label="2023", year=2023),
        Wave(id="w24", label="2024", year=2024),
        Wave(id="w27", label="2027", year=2027),
    ]
    assert [w.id for w in waves_up_to(waves, date(2026, 10, 1))] == ["w24", "w25"]
    assert [w.id for w in waves_up_to(waves, date(2023, 5, 1))] == ["w23"]
    assert waves_up_to(waves, date(2022, 5, 1)) == []
    assert [w.id for w in waves_up_to(waves, date(2030, 1, 1), count=4)] == ["w23", "w24", "w25", "w27"]


# --- Milestones reached and due -------------------------------------------------------------------------

AS_OF = date(2026, 10, 1)


def milestones():
    rows = [
        # id, unit, planned, actual, status, forecast
        ("A", "", date(2024, 11, 1), date(2025, 2, 3), "done", None),  # planned before the period, done late inside it
        ("B", "", date(2025, 1, 1), date(2025, 1, 1), "done", None),  # on the period's first day
        ("C", "", date(2024, 12, 1), date(2024, 12, 31), "done", None),  # done the day before the period
        ("D", "", date(2026, 9, 1), date(2026, 10, 1), "done", None),  # on the report date: reached
        ("E", "", date(2026, 9, 15), date(2026, 10, 2), "done", None),  # done the day after: open as of the report date
        ("F", "", date(2026, 6, 1), None, "cancelled", None),
        ("G", "", date(2026, 5, 1), None, "open", None),  # overdue, no forecast: overdue, not due ahead
        ("H", "", date(2026, 5, 1), None, "open", date(2027, 3, 1)),  # overdue, forecast inside the window
        ("I", "", date(2027, 9, 30), None, "open", None),  # the window's last day
        ("J", "", date(2027, 10, 1), None, "open", None),  # a year on: the next status's day, outside
        ("K", "", date(2027, 6, 1), None, "open", date(2027, 12, 1)),  # planned inside, forecast after: still due
        ("L", "", date(2027, 12, 1), None, "open", date(2027, 2, 1)),  # planned after, forecast inside: due
        ("M", "", date(2026, 10, 1), None, "open", None),  # planned on the report date itself
        ("U1", "u1", date(2026, 11, 1), None, "open", None),  # one unit's
        ("U2", "u2", date(2026, 2, 1), date(2026, 2, 1), "done", None),  # another unit's
    ]
    return pd.DataFrame(rows, columns=["id", "unit", "planned", "actual", "status", "forecast"])


def test_reached_in_the_period_by_the_day_done_up_to_the_report_date():
    timeline = milestones_as_of(milestones(), AS_OF)
    reached = reached_in(timeline, date(2025, 1, 1), AS_OF)
    assert list(reached["id"]) == ["B", "A", "U2", "D"]  # in the order done
    assert list(reached["outcome"]) == [Outcome.ON_TIME, Outcome.LATE, Outcome.ON_TIME, Outcome.LATE]


def test_due_in_the_next_twelve_months_by_planned_date_or_forecast():
    timeline = milestones_as_of(milestones(), AS_OF)
    due = due_within(timeline, AS_OF, one_year_after(AS_OF))
    assert list(due["id"]) == ["M", "U1", "L", "H", "I", "K"]  # by the date now expected
    expected = due.set_index("id")["expected"]
    assert (expected["L"], expected["H"], expected["K"]) == (date(2027, 2, 1), date(2027, 3, 1), date(2027, 12, 1))
    # Overdue without a forecast (E, done only after the report date, and G) is not due ahead; nor is the cancelled
    # F, or J on the next status's day.
    assert not {"E", "G", "F", "J"} & set(due["id"])


def test_one_units_milestones_are_its_own_and_the_whole_projects():
    timeline = milestones_as_of(milestones(), AS_OF, unit="u1")
    assert "U1" in set(timeline["id"]) and "U2" not in set(timeline["id"])
    assert "U2" not in set(reached_in(timeline, date(2025, 1, 1), AS_OF)["id"])


def test_what_became_of_the_milestones_expected_last_time():
    timeline = milestones_as_of(milestones(), AS_OF)
    outcome = expected_then_done_now(["A", "D", "F", "G", "E", "gone"], timeline)
    assert outcome == {"done": ["A", "D"], "cancelled": ["F"], "not_done": ["G", "E"], "unknown": ["gone"]}


def test_no_milestones_at_all():
    empty = milestones().iloc[0:0]
    timeline = milestones_as_of(empty, AS_OF)
    assert reached_in(timeline, date(2025, 1, 1), AS_OF).empty
    assert due_within(timeline, AS_OF, one_year_after(AS_OF)).empty
