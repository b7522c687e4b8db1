"""Milestones: done on time, done late, open, overdue or cancelled, with slippage in days."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import pandas as pd


class Outcome(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"  # open, and its planned date has passed
    OPEN = "open"  # open, not yet due
    CANCELLED = "cancelled"


def classify(milestones: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Add `outcome` and `slippage_days` as seen on `as_of`.

    A milestone done after `as_of` was still open on that day. Slippage is actual − planned for a done
    milestone (negative when early) and as_of − planned for an overdue one; empty otherwise.
    """
    outcomes, slippage = [], []
    for planned, actual, status in zip(milestones["planned"], milestones["actual"], milestones["status"]):
        if status == "cancelled":
            outcomes.append(Outcome.CANCELLED)
            slippage.append(None)
        elif status == "done" and actual is not None and actual <= as_of:
            days = (actual - planned).days
            outcomes.append(Outcome.ON_TIME if days <= 0 else Outcome.LATE)
            slippage.append(days)
        elif planned < as_of:
            outcomes.append(Outcome.OVERDUE)
            slippage.append((as_of - planned).days)
        else:
            outcomes.append(Outcome.OPEN)
            slippage.append(None)
    classified = milestones.copy()
    classified["outcome"] = pd.Series(outcomes, index=milestones.index, dtype=object)
    classified["slippage_days"] = pd.array(slippage, dtype="Int64")
    return classified


def summarise(classified: pd.DataFrame) -> dict:
    """Counts per outcome and the shares a report states.

    `due` counts milestones whose planned date has passed or that are done, cancelled ones left out:
    a cancelled activity is a decision, not a delay. `done_share` = done / due, `on_time_share` = on time / due.
    """
    counts = {outcome: int((classified["outcome"] == outcome).sum()) for outcome in Outcome}
    done = counts[Outcome.ON_TIME] + counts[Outcome.LATE]
    due = done + counts[Outcome.OVERDUE]
    late = classified.loc[classified["outcome"] == Outcome.LATE, "slippage_days"]
    return {
        "counts": counts,
        "total": int(len(classified)),
        "due": due,
        "done": done,
        "done_share": done / due if due else None,
        "on_time_share": counts[Outcome.ON_TIME] / due if due else None,
        "mean_slippage_late": float(late.mean()) if len(late) else None,
    }
