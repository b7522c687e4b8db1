"""Activities held and who took part: per year and kind, participants in all and by group, the themes covered.

Participants by group are counts of people, published like a survey's groups: one decision per project, over the
table of years × groups with its margins (pipeline.analysis.suppression), so that a group below the limit is never
shown and never follows by subtraction from what is. Participants not counted by group are a group of their own in
that table (NOT_BY_GROUP): they are part of each year's total. A year's total and each activity's number of
participants stay shown, as a survey's numbers of respondents do: they say how many took part.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

import pandas as pd

from pipeline.analysis.suppression import ALL, suppressed_cells
from pipeline.periods import ReportPeriod

NOT_BY_GROUP = ""  # the participants of an activity not counted in any group


def held(table: pd.DataFrame, period: ReportPeriod, as_of: date, unit: str | None = None) -> pd.DataFrame:
    """Activities of the report's years held by the report date, oldest first; for a unit, its own and the whole
    project's."""
    if table.empty:
        return table
    rows = table[table["date"].map(lambda day: period.contains(day.year) and day <= as_of)]
    if unit:
        rows = rows[rows["unit"].isin(["", unit])]
    return rows.sort_values("date", kind="stable")


def kinds(table: pd.DataFrame) -> list[str]:
    """The kinds of activity in the order they first occur."""
    return list(dict.fromkeys(table["kind"])) if len(table) else []


def per_year_and_kind(table: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """Number of activities per year (rows, every year of the report) and kind (columns, first occurrence first)."""
    counts = pd.crosstab(table["date"].map(lambda day: day.year), table["kind"]) if len(table) else pd.DataFrame()
    return counts.reindex(index=years, columns=kinds(table), fill_value=0).astype(int)


def participants_per_year(table: pd.DataFrame, years: list[int]) -> pd.Series:
    """Participants per year, of the activities whose participants were counted; a year without a count is None."""
    counted = table.dropna(subset=["participants"]) if len(table) else table
    sums = counted.groupby(counted["date"].map(lambda day: day.year))["participants"].sum() if len(counted) else pd.Series(dtype=int)
    return pd.Series([int(sums[year]) if year in sums.index else None for year in years], index=years, dtype=object)


def group_sizes(table: pd.DataFrame) -> dict[tuple[int, str], int]:
    """Participants per (year, group), those not counted by group under NOT_BY_GROUP."""
    sizes: dict[tuple[int, str], int] = {}
    for row in table.itertuples():
        if pd.isna(row.participants):
            continue
        year = row.date.year
        for group, count in {**row.groups, NOT_BY_GROUP: int(row.participants) - sum(row.groups.values())}.items():
            if count:
                sizes[(year, group)] = sizes.get((year, group), 0) + count
    return sizes


@dataclass(frozen=True)
class ByGroup:
    """Participants by year and group as a report may show them: `count(year, group)` is None where withheld;
    year ALL is the whole project's total of a group, group ALL a year's total."""

    sizes: dict[tuple[Any, Any], int]  # (year or ALL, group or ALL): participants
    hidden: frozenset[tuple[Any, Any]]

    def count(self, year: object, group: object) -> int | None:
        if year is not ALL and group is ALL:  # a year's total is always shown
            return sum(n for (y, _), n in self.sizes.items() if y == year)
        if (year, group) in self.hidden:
            return None
        return sum(n for (y, g), n in self.sizes.items() if (year is ALL or y == year) and (group is ALL or g == group))

    def groups(self, order: list[str]) -> list[str]:
        """The groups with participants, in `order`, those not counted by group last."""
        present = {group for _, group in self.sizes}
        return [group for group in order if group in present] + ([NOT_BY_GROUP] if NOT_BY_GROUP in present else [])

    @property
    def withheld(self) -> bool:
        return bool(self.hidden)


def participants_by_group(table: pd.DataFrame, min_size: int) -> ByGroup:
    """The project's one decision on participants by group, over every activity it has (whatever the report's
    period, so that every report of the project shows the same cells)."""
    sizes = group_sizes(table)
    hidden = suppressed_cells(cast(dict[tuple[str, str], int], sizes), min_size, unpublished_units=())  # years as units
    # The decision's margins: a year's total is shown whatever its size (see the module's note).
    return ByGroup(sizes, frozenset(cell for cell in hidden if not (cell[0] is not ALL and cell[1] is ALL)))


def themes(table: pd.DataFrame) -> dict[str, list[str]]:
    """Each theme worked on, in the order first met, with the ids of the activities that took it up."""
    covered: dict[str, list[str]] = {}
    for row in table.itertuples():
        for theme in row.themes:
            covered.setdefault(theme, []).append(row.id)
    return covered


def total_participants(table: pd.DataFrame) -> int | None:
    """Everyone counted at the activities (a person at two meetings counts twice); None when nobody was counted."""
    counted = table["participants"].dropna() if len(table) else []
    return int(sum(counted)) if len(counted) else None
