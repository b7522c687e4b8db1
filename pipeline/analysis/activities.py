"""Activities held and who took part: per year and kind, participants in all and by group, the themes covered.

Participants by group are counts of people, published like a survey's groups: one decision per project, over
every figure of participants a report shows — years × groups with their margins (each year's total, each group's,
everyone's), and each activity's participants, whose sum is its year's — so that a group below the limit is never
shown and can never be narrowed down from what is (pipeline.analysis.suppression, then the attacker's audit of
pipeline.analysis.disclosure). Participants not counted by group are a group of their own (NOT_BY_GROUP). Any other
sum a report shows (a period's participants, a unit's) is shown only when every activity in it is, or when it is one
of the decision's own cells and shown: then it tells nothing the shown figures do not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from pipeline.analysis.disclosure import PRIMARY, SECONDARY, Interval, LinkedTable, audit, protect
from pipeline.analysis.suppression import ALL, Cell, suppressed_cells
from pipeline.periods import ReportPeriod

NOT_BY_GROUP = ""  # the participants of an activity not counted in any group


def project_years(table: pd.DataFrame) -> pd.Series:
    """The project's year of each activity (2018 for one in 2018/19 on fiscal or school years), placed when the table
    was read; calendar years for a table made without them."""
    if "year" in table and table["year"].notna().all():
        return table["year"].astype(int)
    return table["date"].map(lambda day: day.year)


def held(table: pd.DataFrame, period: ReportPeriod, as_of: date, unit: str | None = None) -> pd.DataFrame:
    """Activities of the report's years held by the report date, oldest first; for a unit, its own and the whole
    project's."""
    if table.empty:
        return table
    rows = table[project_years(table).map(period.contains) & table["date"].map(lambda day: day <= as_of)]
    if unit:
        rows = rows[rows["unit"].isin(["", unit])]
    return rows.sort_values("date", kind="stable")


def kinds(table: pd.DataFrame) -> list[str]:
    """The kinds of activity in the order they first occur."""
    return list(dict.fromkeys(table["kind"])) if len(table) else []


def per_year_and_kind(table: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """Number of activities per year (rows, every year of the report) and kind (columns, first occurrence first)."""
    counts = pd.crosstab(project_years(table), table["kind"]) if len(table) else pd.DataFrame()
    return counts.reindex(index=years, columns=kinds(table), fill_value=0).astype(int)


def participants_per_year(table: pd.DataFrame, years: list[int]) -> pd.Series:
    """Participants per year, of the activities whose participants were counted; a year without a count is None."""
    counted = table.dropna(subset=["participants"]) if len(table) else table
    sums = counted.groupby(project_years(counted))["participants"].sum() if len(counted) else pd.Series(dtype=int)
    return pd.Series([int(sums[year]) if year in sums.index else None for year in years], index=years, dtype=object)


def group_sizes(table: pd.DataFrame) -> dict[tuple[int, str], int]:
    """Participants per (year, group), those not counted by group under NOT_BY_GROUP."""
    sizes: dict[tuple[int, str], int] = {}
    for row, year in zip(table.itertuples(), project_years(table) if len(table) else []):
        if pd.isna(row.participants):
            continue
        for group, count in {**row.groups, NOT_BY_GROUP: int(row.participants) - sum(row.groups.values())}.items():
            if count:
                sizes[(year, group)] = sizes.get((year, group), 0) + count
    return sizes


TOOK_PART = "took part"  # the one answer of a table of participants
BY_ACTIVITY = "by activity"  # the rule that never shows an activity's participants by group


@dataclass(frozen=True)
class ByGroup:
    """Participants as a report may show them: `count(year, group)` is None where withheld (year ALL: a group's
    total, group ALL: a year's total); `activity(id)` an activity's participants, None where withheld or not
    counted; `total_of(ids)` the participants of those activities together, None where that would tell more."""

    sizes: dict[Cell, int]
    hidden: frozenset[Cell]
    activities: dict[str, tuple[int, int]] = field(default_factory=dict)  # id: (year, participants), counted only
    rules: dict[Cell, str] = field(default_factory=dict)

    def count(self, year: int | None, group: str | None) -> int | None:
        if (year, group) in self.hidden:
            return None
        return sum(n for (y, g), n in self.sizes.items() if (year is ALL or y == year) and (group is ALL or g == group))

    def activity(self, id: str) -> int | None:
        if id not in self.activities or (id, ALL) in self.hidden:
            return None
        return self.activities[id][1]

    def total_of(self, ids: Iterable[str]) -> int | None:
        counted = [id for id in ids if id in self.activities]
        if not counted:
            return None
        whole = self._as_a_cell(set(counted))
        if any(self.activity(id) is None for id in counted) and (whole is None or whole in self.hidden):
            return None
        return sum(self.activities[id][1] for id in counted)

    def _as_a_cell(self, ids: set[str]) -> Cell | None:
        """The decision's cell that these activities make up exactly: a year's total, or everyone's."""
        if ids == set(self.activities):
            return (ALL, ALL)
        years = {self.activities[id][0] for id in ids}
        if len(years) == 1 and ids == {id for id, (y, _) in self.activities.items() if y in years}:
            return (years.pop(), ALL)
        return None

    def groups(self, order: list[str]) -> list[str]:
        """The groups with participants, in `order`, those not counted by group last."""
        present = {group for _, group in self.sizes}
        return [group for group in order if group in present] + ([NOT_BY_GROUP] if NOT_BY_GROUP in present else [])

    @property
    def withheld(self) -> bool:
        return any(cell[0] is ALL or cell[0] in {y for y, _ in self.sizes} for cell in self.hidden)


def participants_by_group(table: pd.DataFrame, min_size: int, width: int | None = None) -> ByGroup:
    """The project's one decision on participants, over every activity it has (whatever the report's period, so
    that every report of the project shows the same cells): the rules on years × groups, then the audit over those
    and every activity's participants, which hides more (an activity's count, a year's total) where it must."""
    counted = table.dropna(subset=["participants"]) if len(table) else table
    activities = {
        row.id: (year, int(row.participants))
        for row, year in zip(counted.itertuples(), project_years(counted) if len(counted) else [])
    }
    sizes = group_sizes(table)
    if not any(row.groups for row in counted.itertuples()):  # nobody counted by group: no group to protect
        return ByGroup(sizes, frozenset(), activities)
    first = suppressed_cells(sizes, min_size, unpublished_units=())
    rules = {cell: PRIMARY if 0 < _size(sizes, cell) < min_size else SECONDARY for cell in first}
    linked = participation_table(table)
    # An activity's participants by group are never shown: hidden from the start, and small ones protected.
    rules |= {cell: BY_ACTIVITY for cell in linked.counts}
    hidden, rules = protect(linked, set(first) | set(linked.counts), width or min_size, rules)
    return ByGroup(sizes, frozenset(hidden), activities, rules)


def audit_participants(table: pd.DataFrame, decision: ByGroup, width: int) -> list[Interval]:
    """The attacker's interval of every withheld count of participants in `decision`."""
    if not decision.hidden:
        return []
    return audit(participation_table(table), decision.hidden, width, decision.rules, everything=True)


def participation_table(table: pd.DataFrame) -> LinkedTable:
    """Participants per activity × group (one answer: took part), each activity's row inside its year's."""
    counted = table.dropna(subset=["participants"]) if len(table) else table
    inner = {}
    for row in counted.itertuples():
        for group, n in {**row.groups, NOT_BY_GROUP: int(row.participants) - sum(row.groups.values())}.items():
            if n:
                inner[(row.id, group)] = {TOOK_PART: int(n)}
    parents = dict(zip(counted["id"], project_years(counted))) if len(counted) else {}
    return LinkedTable(inner, (TOOK_PART,), parents=parents)


def _size(sizes: dict[Cell, int], cell: Cell) -> int:
    return sum(n for (y, g), n in sizes.items() if cell[0] in (ALL, y) and cell[1] in (ALL, g))


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
