"""Recommendations followed up over the years: how many stand where, and what changed since the last status."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from pipeline.vocabulary import RECOMMENDATION_STATUSES

# Neither carried out nor closed by a decision not to: what a committee still has to follow.
OPEN = ("proposed", "adopted", "in_progress")
ADOPTED = ("adopted", "in_progress", "implemented")  # the committee said yes


def as_known_on(table: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The recommendations as the report date knew them. The table holds each one's latest state; by its dates, one
    given later is left out, a decision dated later was not yet taken (proposed, no decision), and a follow-up
    updated later was not yet written (implemented, in progress or dropped falls back to adopted if decided by
    then, otherwise to proposed). A status judged on 1 October so says what the committee could know that day."""
    if table.empty:
        return table
    rows = [_as_known(row, as_of) for row in table.to_dict("records") if row["given"] <= as_of]
    return pd.DataFrame.from_records(rows, columns=table.columns)


def _as_known(row: dict[str, Any], as_of: date) -> dict[str, Any]:
    if dated(row["decided"]) and row["decided"] > as_of:
        row |= {"status": "proposed", "decision": "", "decided": None}
    if dated(row["updated"]) and row["updated"] > as_of:
        if row["status"] in ("implemented", "in_progress", "dropped"):
            row["status"] = "adopted" if dated(row["decided"]) else "proposed"
        row |= {"follow_up": "", "updated": None}
    return row


def dated(day: object) -> bool:
    """Whether an optional date is there (an empty cell is None, or NaN once in a table)."""
    return day is not None and not pd.isna(day)


def counts_by_status(table: pd.DataFrame) -> dict[str, int]:
    """How many recommendations have each status, every status listed (in the order of the list), zeros too."""
    counts = table["status"].value_counts() if len(table) else {}
    return {status: int(counts.get(status, 0)) for status in RECOMMENDATION_STATUSES}


def years_between(start: date, end: date) -> int:
    """Whole years from `start` to `end`: 1 on the first anniversary (29 February counts on 28 February)."""
    years = end.year - start.year
    anniversary = (end.month, end.day) >= (start.month, start.day if (start.month, start.day) != (2, 29) else 28)
    return years if anniversary else years - 1


def open_for(table: pd.DataFrame, as_of: date, years: int = 1) -> pd.DataFrame:
    """Open recommendations given at least `years` whole years before the report date, oldest first, with
    `years_open`."""
    rows = table[table["status"].isin(OPEN)].copy() if len(table) else table.copy()
    rows["years_open"] = [years_between(given, as_of) for given in rows["given"]] if len(rows) else []
    return rows[rows["years_open"] >= years].sort_values("given", kind="stable") if len(rows) else rows


@dataclass(frozen=True)
class Changes:
    """What happened to the recommendations between two statuses, each as a list of ids in the table's order."""

    new: list[str] = field(default_factory=list)  # given since the last status
    adopted: list[str] = field(default_factory=list)  # open without a yes then, adopted (or further) now
    implemented: list[str] = field(default_factory=list)  # not implemented then, implemented now
    rejected: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.new or self.adopted or self.implemented or self.rejected or self.dropped)


def changes_since(now: list[dict[str, Any]], then: list[dict[str, Any]]) -> Changes:
    """Each recommendation's status now beside its status in the stored previous status (both as in results.json:
    `id` and `status`). A recommendation may move several steps at once: proposed → implemented is adopted and
    implemented."""
    before = {record["id"]: record["status"] for record in then}
    changes = Changes()
    for record in now:
        status, earlier = record["status"], before.get(record["id"])
        if earlier is None:
            changes.new.append(record["id"])
            continue
        _moved(changes, record["id"], earlier, status)
    return changes


def _moved(changes: Changes, id: str, then: str, now: str) -> None:
    if now in ADOPTED and then not in ADOPTED:
        changes.adopted.append(id)
    if now == "implemented" and then != "implemented":
        changes.implemented.append(id)
    if now == "rejected" and then != "rejected":
        changes.rejected.append(id)
    if now == "dropped" and then != "dropped":
        changes.dropped.append(id)


def records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The recommendations as results.json stores them, for the next status to compare with."""

    def day(value: Any) -> str | None:
        return str(value.isoformat()) if dated(value) else None

    return [
        {
            "id": row.id,
            "title": row.title,
            "status": row.status,
            "given": day(row.given),
            "to": list(row.to),
            "decided": day(row.decided),
            "updated": day(row.updated),
        }
        for row in table.itertuples()
    ]
