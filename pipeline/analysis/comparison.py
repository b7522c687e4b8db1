"""A yearly status against the one before: each criterion improved, unchanged or worse; the milestones reached in
the period and those due in the year ahead; which period and survey waves a status compares with."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

import pandas as pd

from pipeline.analysis import milestones as ms
from pipeline.analysis.criteria import Status
from pipeline.periods import ReportPeriod
from pipeline.spec import Period, Wave

# Attainment within one percentage point of last time is "unchanged": a rounding or a corrected count is no change.
ATTAINMENT_TOLERANCE = 0.01

# Only these statuses can be better or worse than each other; no data and not applicable cannot.
STATUS_RANK = {Status.NOT_MET: 0, Status.PARTLY_MET: 1, Status.MET: 2}
# These have a figure to compare: the ranked ones, and one in progress (by its attainment).
JUDGED = (*STATUS_RANK, Status.IN_PROGRESS)


class Change(StrEnum):
    IMPROVED = "improved"
    UNCHANGED = "unchanged"
    WORSE = "worse"
    NO_DATA_NOW = "no_data_now"  # no figure in this status: not a change
    NO_DATA_THEN = "no_data_then"  # no figure in the previous status
    NO_DATA_EITHER = "no_data_either"
    NEW = "new"  # the criterion was not part of the previous status
    NOT_MEASURED = "not_measured"  # no new figure since the previous status: its figure was measured before it
    NOT_JUDGED_NOW = "not_judged_now"  # a provisional figure, not judged: no attainment to compare


COMPARED = (Change.IMPROVED, Change.UNCHANGED, Change.WORSE)


@dataclass(frozen=True)
class CriterionChange:
    """One criterion now and in the previous status, and what became of it."""

    id: str
    title: str
    change: Change
    status_now: Status
    status_then: Status | None  # None: not part of the previous status
    attainment_now: float | None
    attainment_then: float | None

    @property
    def status_moved(self) -> bool:
        return self.change in (Change.IMPROVED, Change.WORSE) and self.status_now != self.status_then


# --- Criteria -------------------------------------------------------------------------------------------


def compare_criterion(
    now: dict[str, Any],
    then: dict[str, Any] | None,
    tolerance: float = ATTAINMENT_TOLERANCE,
    then_as_of: date | None = None,
) -> CriterionChange:
    """Compare one criterion's record (id, title, status, attainment, measured, as stored in results.json) with last
    time's, judged as of `then_as_of`.

    A figure measured before the last status (the same measurement it drew on, or one dated on or before its day) is
    no news, whatever its status did since: not measured again. Otherwise the status decides first: a move between
    not met, partly met and met is an improvement or a worsening whatever the attainment did. With the same status,
    or either in progress (its target's year not over), attainment decides, each side capped at 100 % (going from
    120 % to 150 % of a met target is no news), and a move within `tolerance` is no change. A criterion without a
    status to rank now or then (no data) is not compared at all.
    """
    status_now = Status(now["status"])
    attainment_now = _known(now.get("attainment"))
    if then is None:
        return CriterionChange(now["id"], now["title"], Change.NEW, status_now, None, attainment_now, None)
    status_then = Status(then["status"])
    attainment_then = _known(then.get("attainment"))
    change = _change(status_now, status_then, attainment_now, attainment_then, tolerance)
    if change not in (Change.NO_DATA_NOW, Change.NO_DATA_THEN, Change.NO_DATA_EITHER) and _measured_before(
        now, then, then_as_of
    ):
        change = Change.NOT_MEASURED
    return CriterionChange(now["id"], now["title"], change, status_now, status_then, attainment_now, attainment_then)


def _measured_before(now: dict[str, Any], then: dict[str, Any], then_as_of: date | None) -> bool:
    """Whether this status's figure is one the last status had: the same measurement, or one dated by its day."""
    measured_now, measured_then = now.get("measured"), then.get("measured")
    if not measured_now:
        return False  # measured as of the report date itself (milestones), or not said
    if measured_then and measured_now == measured_then:
        return True
    day = measured_now.get("day")
    return bool(day and then_as_of and date.fromisoformat(day) <= then_as_of)


def _change(
    status_now: Status,
    status_then: Status,
    attainment_now: float | None,
    attainment_then: float | None,
    tolerance: float,
) -> Change:
    ranked_now, ranked_then = status_now in JUDGED, status_then in JUDGED
    if not ranked_now and not ranked_then:
        return Change.NO_DATA_EITHER
    if not ranked_now:
        return Change.NO_DATA_NOW
    if not ranked_then:
        return Change.NO_DATA_THEN
    if Status.IN_PROGRESS in (status_now, status_then):
        return _change_in_progress(status_now, status_then, attainment_now, attainment_then, tolerance)
    if STATUS_RANK[status_now] != STATUS_RANK[status_then]:
        return Change.IMPROVED if STATUS_RANK[status_now] > STATUS_RANK[status_then] else Change.WORSE
    if attainment_now is None or attainment_then is None:  # an assessment, or a target that gives no ratio
        return Change.UNCHANGED
    moved = min(attainment_now, 1.0) - min(attainment_then, 1.0)
    if abs(moved) <= tolerance + 1e-9:  # the margin keeps 78 % → 79 % unchanged despite binary fractions
        return Change.UNCHANGED
    return Change.IMPROVED if moved > 0 else Change.WORSE


def _change_in_progress(
    status_now: Status,
    status_then: Status,
    attainment_now: float | None,
    attainment_then: float | None,
    tolerance: float,
) -> Change:
    """Either side in progress: how far it has come decides; a figure not judged cannot be compared."""
    if attainment_now is None and status_now == Status.IN_PROGRESS:
        return Change.NOT_JUDGED_NOW
    if attainment_now is not None and attainment_then is not None:
        moved = min(attainment_now, 1.0) - min(attainment_then, 1.0)
        if abs(moved) <= tolerance + 1e-9:
            return Change.UNCHANGED
        return Change.IMPROVED if moved > 0 else Change.WORSE
    if status_now == status_then:
        return Change.UNCHANGED
    return (
        Change.IMPROVED if status_now == Status.MET else Change.WORSE if status_then == Status.MET else Change.UNCHANGED
    )


def compare_criteria(
    now: list[dict[str, Any]],
    then: list[dict[str, Any]],
    tolerance: float = ATTAINMENT_TOLERANCE,
    then_as_of: date | None = None,
) -> list[CriterionChange]:
    """Every criterion of this status, in its order, against the record with the same id last time."""
    previous = {record["id"]: record for record in then}
    return [compare_criterion(record, previous.get(record["id"]), tolerance, then_as_of) for record in now]


def change_counts(changes: list[CriterionChange]) -> dict[Change, int]:
    return {change: sum(c.change == change for c in changes) for change in Change}


def differing_criteria(stored: list[dict[str, Any]], recomputed: list[dict[str, Any]]) -> list[str]:
    """Ids of the criteria whose stored status, result or attainment today's data no longer give.

    The stored figures are rounded to six decimals, so figures closer than that are the same.
    """
    again = {record["id"]: record for record in recomputed}
    differing = []
    for record in stored:
        other = again.get(record["id"])
        if other is None:
            continue
        same = record["status"] == other["status"] and all(
            _same(record.get(key), other.get(key)) for key in ("actual", "attainment")
        )
        if not same:
            differing.append(record["id"])
    return differing


def _same(a: Any, b: Any) -> bool:
    x, y = _known(a), _known(b)
    if x is None or y is None:
        return x is None and y is None
    return math.isclose(x, y, rel_tol=0, abs_tol=1e-6)


def _known(value: Any) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


# --- Periods and waves ----------------------------------------------------------------------------------


def one_year_before(day: date) -> date:
    """The same day a year earlier; 29 February becomes 28 February."""
    return _shift_years(day, -1)


def one_year_after(day: date) -> date:
    return _shift_years(day, 1)


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def previous_period(period: ReportPeriod, as_of: date, project_period: Period) -> tuple[ReportPeriod, date] | None:
    """The period and report date of last year's status: each year one back, the date a year earlier.

    The start is clipped to the project's first year (a status of 2024-2025 in a project that began in 2024 is
    compared with 2024); None when the project had no year before the period's last.
    """
    end = period.end - 1
    if end < project_period.start:
        return None
    previous = replace(period, start=max(period.start - 1, project_period.start), end=end)
    return previous, previous.as_of(one_year_before(as_of))


def waves_up_to(waves: list[Wave], as_of: date, count: int = 2, calendar: Period | None = None) -> list[Wave]:
    """The last `count` survey waves held by the report date (a wave's year at the latest; the project's year of it
    on fiscal or school years, `calendar`), oldest first."""
    held = [wave for wave in waves if wave.year <= (calendar.year_of(as_of) if calendar else as_of.year)]
    return sorted(held, key=lambda wave: wave.year)[-count:]


def comparable_waves(
    waves: list[Any], as_of: date, first_year: int, last_year: int, calendar: Period | None = None
) -> list[Any]:
    """The latest wave held by the report date, and the wave it is compared with: the latest before it that asked the
    same population; both within the project's years (a wave outside them is never a baseline). Oldest first; one
    wave, or none, when there is nothing to compare."""
    year = calendar.year_of(as_of) if calendar else as_of.year  # the project's year of the report date
    held = [wave for wave in waves if first_year <= wave.year <= min(last_year, year)]
    if not held:
        return []
    order = {wave.id: i for i, wave in enumerate(waves)}
    held.sort(key=lambda wave: (wave.year, order[wave.id]))
    latest = held[-1]
    earlier = [wave for wave in held[:-1] if getattr(wave, "population", None) == getattr(latest, "population", None)]
    return [earlier[-1], latest] if earlier else [latest]


# --- Milestones -----------------------------------------------------------------------------------------


def milestones_as_of(table: pd.DataFrame, as_of: date, unit: str | None = None) -> pd.DataFrame:
    """Every milestone of the project, whatever its year, classified as of `as_of`; for one unit, its own and
    the whole project's. A status looks beyond its period: what was reached late, and what comes next."""
    if unit:
        table = table[table["unit"].isin(["", unit])]
    return ms.classify(table.sort_values("planned", kind="stable"), as_of)


def reached_in(classified: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Milestones done (by the report date they were classified at) on a day from `start` to `end`, in the
    order they were done. Where a milestone was planned does not matter: done late in the period counts."""
    done = classified[classified["outcome"].isin(ms.DONE)]
    inside = pd.Series([start <= day <= end for day in done["actual"]], index=done.index, dtype=bool)
    return done[inside].sort_values("actual", kind="stable")


def expected_date(row: pd.Series) -> date:
    """When a milestone not done is expected: its forecast while that lies ahead, otherwise its planned date."""
    day: date = row["forecast"] if row["slippage"] == ms.Slippage.EXPECTED else row["planned"]
    return day


def due_within(classified: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Milestones not done and not cancelled whose planned date or current forecast falls from `start` up to (not
    including) `end`, in the order they are now expected (column `expected`).

    An overdue milestone whose forecast falls in the window is included; one without a forecast is not due
    ahead, it is overdue (see `milestones.overdue`).
    """
    open_ones = classified[classified["outcome"].isin(ms.NOT_DONE)]

    def in_window(row: pd.Series) -> bool:
        days = [row["planned"]] + ([row["forecast"]] if row["slippage"] == ms.Slippage.EXPECTED else [])
        return any(start <= day < end for day in days)

    due = open_ones[pd.Series([in_window(row) for _, row in open_ones.iterrows()], index=open_ones.index, dtype=bool)]
    due = due.assign(
        expected=pd.Series([expected_date(row) for _, row in due.iterrows()], index=due.index, dtype=object)
    )
    return due.sort_values("expected", kind="stable")


def expected_then_done_now(expected_ids: list[str], classified: pd.DataFrame) -> dict[str, list[str]]:
    """What became of the milestones a previous status expected in its coming year: done, cancelled or not done
    (yet) as of this status. Ids no longer in the plan are `unknown`."""
    outcome = dict(zip(classified["id"], classified["outcome"]))
    result: dict[str, list[str]] = {"done": [], "cancelled": [], "not_done": [], "unknown": []}
    for milestone in expected_ids:
        if milestone not in outcome:
            result["unknown"].append(milestone)
        elif outcome[milestone] in ms.DONE:
            result["done"].append(milestone)
        elif outcome[milestone] == ms.Outcome.CANCELLED:
            result["cancelled"].append(milestone)
        else:
            result["not_done"].append(milestone)
    return result
