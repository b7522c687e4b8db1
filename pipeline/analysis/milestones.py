"""Milestones: done on time, done late, open, overdue or cancelled, with slippage in days; by phase and overdue."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

import pandas as pd


class Outcome(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"  # open, and its planned date has passed
    OPEN = "open"  # open, not yet due
    CANCELLED = "cancelled"


class Slippage(StrEnum):
    """What a milestone's slippage is measured from."""

    REALISED = "realised"  # done: actual − planned
    EXPECTED = "expected"  # not done, with a forecast: forecast − planned
    SO_FAR = "so_far"  # overdue, no forecast: report date − planned, and still growing


DONE = (Outcome.ON_TIME, Outcome.LATE)
NOT_DONE = (Outcome.OVERDUE, Outcome.OPEN)


def classify(milestones: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Add `outcome`, `slippage_days`, `slippage` (a Slippage: what the days are measured from) and
    `days_overdue`, as seen on `as_of`.

    A milestone done after `as_of` was still open on that day. Slippage is actual − planned for a done
    milestone (negative when early); forecast − planned for one not done that has a forecast (expected
    slippage); as_of − planned for an overdue one without; empty otherwise. A forecast that lies before
    `as_of` has passed without the milestone being done, so it is out of date and left out.
    The `forecast` column is optional.
    """
    forecasts = (
        milestones["forecast"] if "forecast" in milestones else pd.Series(None, index=milestones.index, dtype=object)
    )
    outcomes, slippage, measured_from, overdue = [], [], [], []
    for planned, actual, status, forecast in zip(
        milestones["planned"], milestones["actual"], milestones["status"], forecasts
    ):
        forecast = forecast if _is_date(forecast) and forecast >= as_of else None
        if status == "cancelled":
            outcome, days, basis = Outcome.CANCELLED, None, None
        elif status == "done" and _is_date(actual) and actual <= as_of:
            days = (actual - planned).days
            outcome, basis = (Outcome.ON_TIME if days <= 0 else Outcome.LATE), Slippage.REALISED
        else:
            outcome = Outcome.OVERDUE if planned < as_of else Outcome.OPEN
            days, basis = expected_slippage(planned, forecast, as_of, outcome)
        outcomes.append(outcome)
        slippage.append(days)
        measured_from.append(basis)
        overdue.append((as_of - planned).days if outcome == Outcome.OVERDUE else None)
    classified = milestones.copy()
    classified["outcome"] = pd.Series(outcomes, index=milestones.index, dtype=object)
    classified["slippage_days"] = pd.array(slippage, dtype="Int64")
    classified["slippage"] = pd.Series(measured_from, index=milestones.index, dtype=object)
    classified["days_overdue"] = pd.array(overdue, dtype="Int64")
    return classified


def expected_slippage(
    planned: date, forecast: date | None, as_of: date, outcome: Outcome
) -> tuple[int | None, Slippage | None]:
    """Slippage of a milestone not done by `as_of`: from its forecast if it has one, else the days it is overdue."""
    if forecast is not None:
        return (forecast - planned).days, Slippage.EXPECTED
    if outcome == Outcome.OVERDUE:
        return (as_of - planned).days, Slippage.SO_FAR
    return None, None


def summarise(classified: pd.DataFrame) -> dict[str, Any]:
    """Counts per outcome and the shares a report states.

    `due` counts milestones whose planned date has passed or that are done, cancelled ones left out:
    a cancelled activity is a decision, not a delay. `done_share` = done / due, `on_time_share` = on time / due.
    Realised slippage (of those done late) and expected slippage (of those forecast to be late) are kept apart.
    """
    counts = {outcome: int((classified["outcome"] == outcome).sum()) for outcome in Outcome}
    done = counts[Outcome.ON_TIME] + counts[Outcome.LATE]
    due = done + counts[Outcome.OVERDUE]
    late = classified.loc[classified["outcome"] == Outcome.LATE, "slippage_days"]
    expected = classified.loc[classified["slippage"] == Slippage.EXPECTED, "slippage_days"]
    forecast_late = expected[expected > 0]
    return {
        "counts": counts,
        "total": len(classified),
        "due": due,
        "done": done,
        "done_share": done / due if due else None,
        "on_time_share": counts[Outcome.ON_TIME] / due if due else None,
        "mean_slippage_late": float(late.mean()) if len(late) else None,
        "forecasts": len(expected),
        "forecast_late": len(forecast_late),
        "mean_expected_slippage_late": float(forecast_late.mean()) if len(forecast_late) else None,
    }


def overdue(classified: pd.DataFrame) -> pd.DataFrame:
    """Milestones not done although their planned date has passed, longest overdue first."""
    rows = classified[classified["outcome"] == Outcome.OVERDUE]
    return rows.sort_values("days_overdue", ascending=False, kind="stable")


def most_delayed(classified: pd.DataFrame) -> pd.Series | None:
    """The milestone with the most slippage that has happened, with those days as `days_late`: done late, or
    overdue so far. None if none is late. Expected slippage is left out: a forecast is not yet a delay.
    """
    realised = classified["slippage_days"].where(classified["slippage"] == Slippage.REALISED)
    late = classified["days_overdue"].fillna(realised)
    late = late[late > 0]
    if late.empty:
        return None
    worst = late.idxmax()  # the earliest planned of equals, since the table is in planned order
    return pd.concat([classified.loc[worst], pd.Series({"days_late": int(late[worst])})])


def phases(classified: pd.DataFrame) -> list[str]:
    """Phase names in the order the project meets them: by each phase's first planned date."""
    if classified.empty:
        return []
    first = classified.groupby("phase", sort=False)["planned"].min()
    return list(first.sort_values(kind="stable").index)


def by_phase(classified: pd.DataFrame) -> pd.DataFrame:
    """One row per phase, in the order the project meets them: how many milestones, how many are due, done
    and done on time, overdue, not yet due and cancelled, and the done share (done / due)."""
    columns = ["phase", "total", "due", "done", "on_time", "overdue", "open", "cancelled", "done_share"]
    rows = []
    for phase in phases(classified):
        summary = summarise(classified[classified["phase"] == phase])
        counts = summary["counts"]
        rows.append(
            {
                "phase": phase,
                "total": summary["total"],
                "due": summary["due"],
                "done": summary["done"],
                "on_time": counts[Outcome.ON_TIME],
                "overdue": counts[Outcome.OVERDUE],
                "open": counts[Outcome.OPEN],
                "cancelled": counts[Outcome.CANCELLED],
                "done_share": summary["done_share"],
            }
        )
    return pd.DataFrame(rows, columns=columns)


def _is_date(value: object) -> bool:
    return isinstance(value, date)
