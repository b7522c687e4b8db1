"""Success criteria: attainment of each criterion against its target, per unit and for the project, and its status."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import pandas as pd

from pipeline.spec import Thresholds

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # a name for the checker; typing has it from Python 3.13


class Status(StrEnum):
    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"
    NOT_APPLICABLE = "not_applicable"  # nothing to attain, e.g. a unit that was asked to settle nobody
    # Short of the target while the target's year runs, or a provisional figure not judged: no verdict yet.
    IN_PROGRESS = "in_progress"


# Verdicts that are final only once the target's year is over: before it, falling short is being under way.
SHORT_OF_TARGET = (Status.NOT_MET, Status.PARTLY_MET)


def attainment(
    actual: float | None, target: float | None, baseline: float | None = None, direction: str = "higher"
) -> float | None:
    """How far `actual` has come towards `target`: 1.0 means the target is reached exactly.

    With a baseline: (actual − baseline) / (target − baseline), which serves "lower is better" as well,
    since both differences are then negative. Without one: actual / target, or target / actual when lower
    is better. None when there is nothing to compute from, or when no ratio makes sense (a target of zero,
    a baseline equal to the target): such a criterion is judged met / not met by `reached`.
    """
    if _missing(actual) or _missing(target):
        return None
    if baseline is not None:
        return None if target == baseline else (actual - baseline) / (target - baseline)
    if target == 0:
        return None
    if direction == "lower":
        return None if actual == 0 else target / actual
    return actual / target


def reached(actual: float, target: float, direction: str = "higher") -> bool:
    return actual >= target if direction == "higher" else actual <= target


def status_of(value: float | None, thresholds: Thresholds) -> Status:
    if _missing(value):
        return Status.NO_DATA
    if value >= thresholds.met:
        return Status.MET
    if value >= thresholds.partly:
        return Status.PARTLY_MET
    return Status.NOT_MET


def judge(
    actual: float | None,
    target: float | None,
    thresholds: Thresholds,
    baseline: float | None = None,
    direction: str = "higher",
) -> tuple[float | None, Status]:
    """Attainment and status together; where no ratio makes sense the status is simply met or not met."""
    if _missing(actual) or _missing(target):
        return None, Status.NO_DATA
    value = attainment(actual, target, baseline, direction)
    if value is None:
        return None, Status.MET if reached(actual, target, direction) else Status.NOT_MET
    return value, status_of(value, thresholds)


def target_for(target: float | dict[int, float], years: list[int], how: str = "latest") -> float | None:
    """The target for a report covering `years`.

    A single number applies as it stands. Yearly targets are added up over the years for an indicator
    that is summed over the period (every year needs one), and otherwise the last of those years that
    has a target applies.
    """
    if not isinstance(target, dict):
        return float(target)
    if how == "sum":
        return float(sum(target[year] for year in years)) if all(year in target for year in years) else None
    covered = [year for year in years if year in target]
    return float(target[max(covered)]) if covered else None


def target_year(target: float | dict[int, float], years: list[int]) -> int:
    """The year a report's target belongs to: the last of `years` with a yearly target, else the last of `years`."""
    covered = [year for year in years if isinstance(target, dict) and year in target]
    return max(covered) if covered else max(years)


def in_progress(status: Status, year_ends: date, as_of: date) -> Status:
    """Not met or partly met before the target's year has ended (`year_ends`, its last day) is no verdict yet."""
    return Status.IN_PROGRESS if status in SHORT_OF_TARGET and as_of < year_ends else status


def prorated_target(target: float | dict[int, float], years: list[int], covered: dict[int, float]) -> float | None:
    """The target of a summed figure whose years are counted only in part: each year's target times the share of it
    the figures cover (`covered`: year → share, 1 where absent). A single target for the whole span is shared out
    over its years evenly. None where a year lacks its target."""
    if isinstance(target, dict):
        if not all(year in target for year in years):
            return None
        return float(sum(target[year] * covered.get(year, 1.0) for year in years))
    return float(target) * sum(covered.get(year, 1.0) for year in years) / len(years)


def share_of_year(first: date, through: date, last: date) -> float:
    """How much of a year from `first` to `last` a count up to and including `through` covers, by days (0 to 1)."""
    if through < first:
        return 0.0
    return min(1.0, ((through - first).days + 1) / ((last - first).days + 1))


def aggregate(values: pd.Series, years: list[int], how: str) -> tuple[float | None, int | None]:
    """One figure for a run of yearly values (indexed by year) over `years`, and the last year it draws on.

    `sum` needs a value for every year: a blank or missing year makes the whole figure "no data".
    `latest` takes the value of the last year that has one; `point` the value of the last year or nothing.
    """
    in_period = values[values.index.isin(years)]
    if how == "sum":
        if len(in_period) < len(years) or in_period.isna().any():
            return None, None
        return float(in_period.sum()), max(years)
    if how == "point":
        last = max(years)
        value = in_period.get(last)
        return (None, None) if value is None or pd.isna(value) else (float(value), last)
    known = in_period.dropna()
    if known.empty:
        return None, None
    last = int(known.index.max())
    return float(known[last]), last


def indicator_series(indicators: pd.DataFrame, indicator: str, unit: str) -> pd.Series:
    rows = indicators[(indicators["indicator"] == indicator) & (indicators["unit"] == unit)]
    return rows.set_index("period")["value"]


def ratio_by_unit(
    indicators: pd.DataFrame,
    numerator: str,
    denominator: str,
    units: list[str],
    years: list[int],
    how: tuple[str, str] = ("sum", "sum"),
) -> pd.DataFrame:
    """Numerator, denominator and their ratio for each unit over `years`; blank where a unit lacks data."""
    rows = []
    for unit in units:
        top, _ = aggregate(indicator_series(indicators, numerator, unit), years, how[0])
        bottom, _ = aggregate(indicator_series(indicators, denominator, unit), years, how[1])
        ratio = None if top is None or bottom is None or bottom == 0 else top / bottom
        rows.append({"unit": unit, "numerator": top, "denominator": bottom, "ratio": ratio})
    return pd.DataFrame(rows, columns=["unit", "numerator", "denominator", "ratio"])


def judge_units(ratios: pd.DataFrame, target: float | None, thresholds: Thresholds) -> pd.DataFrame:
    """Add attainment and status to each unit's ratio; a unit with nothing requested has nothing to attain."""
    judged = ratios.copy()
    results: list[tuple[float | None, Status]] = []
    for _, row in ratios.iterrows():
        if row["denominator"] == 0 and not _missing(row["numerator"]):
            results.append((None, Status.NOT_APPLICABLE))
        else:
            results.append(judge(row["ratio"], target, thresholds))
    judged["attainment"] = [a for a, _ in results]
    judged["status"] = [s for _, s in results]
    return judged


@dataclass(frozen=True)
class RatioTotal:
    """The project's total of a ratio criterion, and the units it leaves out or counts as zero."""

    numerator: float | None
    denominator: float | None
    ratio: float | None
    missing: str  # the criterion's rule: "exclude" or "zero"
    left_out: list[str] = field(default_factory=list)  # units the total leaves out: a figure it needs is blank
    counted_as_zero: list[str] = field(default_factory=list)  # units whose blank numerator counts as 0


def ratio_total(judged_units: pd.DataFrame, missing: str = "exclude") -> RatioTotal:
    """Sum of numerators over sum of denominators, with units lacking a figure treated as the evaluator declared.

    `exclude` leaves out every unit without both figures. `zero` counts a blank numerator as nothing achieved
    (a municipality that has not decided has decided to settle nobody), so that its denominator stays in the
    total, as official settlement statistics count; a unit without a denominator is still left out. Either way
    the unit itself keeps its "no data": only the total counts it.
    """
    blank_top, blank_bottom = judged_units["numerator"].isna(), judged_units["denominator"].isna()
    as_zero = blank_top & ~blank_bottom & (missing == "zero")
    left = (blank_top | blank_bottom) & ~as_zero
    counted = judged_units[~left]
    top, bottom = float(counted["numerator"].fillna(0).sum()), float(counted["denominator"].sum())
    left_out, zeros = list(judged_units.loc[left, "unit"]), list(judged_units.loc[as_zero, "unit"])
    if counted.empty or bottom == 0:
        return RatioTotal(None, None, None, missing, left_out, zeros)
    return RatioTotal(top, bottom, top / bottom, missing, left_out, zeros)


@dataclass(frozen=True)
class Measurement:
    """When a criterion's figure was measured: a day (the end of a count's year, or the last day a provisional count
    covers, or an assessment's date), or a survey wave. Two statuses drawing on the same measurement show no change."""

    day: date | None = None
    wave: str | None = None

    def record(self) -> dict[str, str | None]:
        return {"day": self.day.isoformat() if self.day else None, "wave": self.wave}


@dataclass
class CriterionResult:
    """What a report says about one criterion."""

    id: str
    title: str
    kind: str
    status: Status
    actual: float | None = None
    target: float | None = None
    attainment: float | None = None
    baseline: float | None = None
    direction: str = "higher"
    units: pd.DataFrame | None = None  # per-unit figures for ratio criteria
    detail: dict[str, Any] = field(default_factory=dict)
    measured: Measurement | None = None  # None: measured as of the report date (milestones), or not at all


def summary_counts(results: list[CriterionResult]) -> dict[Status, int]:
    return {status: sum(r.status == status for r in results) for status in Status}


def units_met(result: CriterionResult) -> tuple[int, int]:
    """How many units met a criterion judged per unit, of how many it was judged in (units with nothing to attain
    are left out of both)."""
    if result.units is None or result.units.empty:
        return 0, 0
    judged = result.units[result.units["status"] != Status.NOT_APPLICABLE]
    return int((judged["status"] == Status.MET).sum()), len(judged)


def mean_capped_attainment(attainments: list[float | None]) -> tuple[float | None, int]:
    """Mean attainment with each criterion capped at 100 %, so one over-achievement cannot hide a failure.

    Criteria without a computed attainment (assessments, no data) are left out; returns the mean and how
    many criteria it covers.
    """
    known = [min(a, 1.0) for a in attainments if not _missing(a)]
    return (sum(known) / len(known), len(known)) if known else (None, 0)


def exceeded(result: CriterionResult) -> bool:
    """An over-achievement, shown as such beside the status."""
    return result.status == Status.MET and not _missing(result.attainment) and result.attainment > 1.0


def rank_units(results: list[CriterionResult]) -> pd.DataFrame:
    """Units side by side over every criterion judged per unit, best first by mean capped attainment.

    One row per unit; a column of attainment and one of status per criterion, then `mean` and `met`
    (how many of those criteria the unit met).
    """
    per_unit = [(r.id, r.units) for r in results if r.units is not None and len(r.units)]
    if not per_unit:
        return pd.DataFrame()
    table = pd.DataFrame({"unit": per_unit[0][1]["unit"]}).set_index("unit")
    for id, units in per_unit:
        by_unit = units.set_index("unit")
        table[f"{id}_attainment"] = by_unit["attainment"]
        table[f"{id}_status"] = by_unit["status"]
    attainment_columns = [f"{id}_attainment" for id, _ in per_unit]
    table["mean"] = [mean_capped_attainment(list(row))[0] for row in table[attainment_columns].itertuples(index=False)]
    table["met"] = (table[[f"{id}_status" for id, _ in per_unit]] == Status.MET).sum(axis=1)
    return table.sort_values(["mean", "met"], ascending=False, na_position="last").reset_index()


def _missing(value: object) -> TypeIs[None]:
    """No figure: None, or NaN as pandas writes a blank. (To the type checker a value that is not missing is a
    figure; a NaN it takes for None, which is what it means here.)"""
    return value is None or (isinstance(value, float) and math.isnan(value))
