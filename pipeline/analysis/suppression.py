"""Which survey figures no report may show: one decision per project, over every table that any of its reports
publishes, so that a figure withheld in one report never follows by subtraction from others.

The figures of one wave and one question form a table of units × groups with its margins: a unit's report shows
the unit's row (its total and its groups), the project's report the bottom row (the total and each group). Every
figure we publish (counts per answer, shares with their n, means, NPS) is a sum over respondents, so whatever one
cell hides, a total minus the cells beside it reveals. The decision is therefore taken on the whole table at once:

1. *Primary*: a cell answered by someone, but by fewer than the limit, is hidden.
2. *A total beside its parts*: when a row's or a column's total is shown, its hidden parts together must hold no
   one or at least the limit, or the total minus the shown parts is a small group's figure. The smallest shown
   part is hidden too (the total, when no part is left).
3. *Nothing follows exactly*: every row and column is a sum relation, so the hidden cells are the unknowns of a
   bipartite graph between rows and columns whose every vertex sum is known. A hidden cell follows exactly when
   it is a bridge of that graph (on no cycle). A small hidden cell that is a bridge gets a partner: the smallest
   shown cell that closes a cycle through it.

Repeated until nothing changes. Cells that no report publishes (respondents without a unit) are unknowns from the
start; they may follow when they are large, but never when they are small.

4. *The attacker's audit* (pipeline.analysis.disclosure): over each cell's count of every answer, the published
   numbers of respondents and every earlier published version, no small group's count of an answer may be narrowed
   below the protection width, nor its members pinned to one answer; more cells are hidden until none is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from pipeline.analysis.disclosure import (
    NO_UNIT_RULE,
    PRIMARY,
    SECONDARY,
    Earlier,
    Figure,
    Interval,
    LinkedTable,
    audit,
    protect,
)
from pipeline.spec import SurveySpec

ALL = None  # the margin: every unit, or every group
Cell = tuple[Any, Any]  # (unit or ALL, group or ALL)
NO_UNIT = ""  # the unit column of a respondent who belongs to none


def suppressed_cells(
    sizes: Mapping[Cell, int], min_size: int, unpublished_units: Iterable[str] = (NO_UNIT,)
) -> frozenset[Cell]:
    """The cells of a units × groups table (with margins) that must not be shown.

    `sizes`: how many answered, per (unit, group) with anyone in it. Margins are keyed with ALL in place of the
    unit or group: (unit, ALL) is a unit's total, (ALL, group) a group's, (ALL, ALL) the grand total.
    """
    table = _Table(sizes, set(unpublished_units))
    hidden = {cell for cell, n in table.size.items() if 0 < n < min_size} | {
        c for c in table.unpublished if table.size[c] > 0
    }
    while True:
        edges = [cell for cell in hidden if table.size[cell] > 0]
        determined = set(_bridges(edges))
        added = next((table.partner(cell, hidden, edges) for cell in determined if table.size[cell] < min_size), None)
        added = added or table.protect_totals(hidden - determined, hidden, edges, min_size)
        if added is None:
            return frozenset(hidden)
        hidden.add(added)


@dataclass(frozen=True)
class Suppression:
    """The decision for a project's survey: per wave and question, the cells no report may show, and the rule that
    hid each (`disclosure.PRIMARY`, `SECONDARY`, `AUDIT`, ...)."""

    min_size: int
    hidden: Mapping[tuple[str, str], frozenset[Cell]]
    rules: Mapping[tuple[str, str], Mapping[Cell, str]] = field(default_factory=dict)
    width: int = 0  # the protection width the audit holds every withheld small group to (min_size when 0)

    def shows(self, wave: str, item: str, unit: str | None = ALL, group: str | None = ALL) -> bool:
        return (unit or ALL, group or ALL) not in self.hidden.get((wave, item), frozenset())

    def too_small(self, wave: str, item: str, unit: str | None = ALL, group: str | None = ALL) -> bool:
        """Whether a withheld cell was withheld for its own size (below the limit), not to protect another."""
        return self.rules.get((wave, item), {}).get((unit or ALL, group or ALL)) in (PRIMARY, NO_UNIT_RULE)


def survey_suppression(
    survey: pd.DataFrame,
    codebook: SurveySpec | None,
    earlier: Mapping[tuple[str, str], tuple[Earlier, ...]] | None = None,
) -> Suppression:
    """Decide, for every wave and every question with figures (all but free text), which cells of units × groups
    no report may show: the rules above, then as many more cells as the attacker's audit needs
    (`disclosure.protect`), over this version of the table and every `earlier` one published.

    A cell's size is the number who answered the question there ("don't know" included: they are in the figures).
    """
    if codebook is None or survey.empty:
        return Suppression(codebook.min_group_size if codebook else 1, {})
    width = protection_width(codebook)
    hidden, rules = {}, {}
    for (wave, item), table in survey_tables(survey, codebook, earlier).items():
        sizes = {cell: sum(counts.values()) for cell, counts in table.counts.items()}
        first = suppressed_cells(sizes, codebook.min_group_size)
        named = {cell: _rule(cell, sizes, first, codebook.min_group_size) for cell in first}
        hidden[(wave, item)], rules[(wave, item)] = protect(table, first, width, named)
    return Suppression(codebook.min_group_size, hidden, rules, width)


def audit_survey(
    survey: pd.DataFrame,
    codebook: SurveySpec | None,
    decision: Suppression,
    earlier: Mapping[tuple[str, str], tuple[Earlier, ...]] | None = None,
) -> dict[tuple[str, str], list[Interval]]:
    """Per wave and question, the attacker's interval of every answer in every withheld cell of `decision`."""
    if codebook is None or survey.empty:
        return {}
    width = decision.width or codebook.min_group_size
    return {
        key: audit(table, decision.hidden.get(key, ()), width, decision.rules.get(key, {}), everything=True)
        for key, table in survey_tables(survey, codebook, earlier).items()
    }


def earlier_versions(
    records: Iterable[Mapping[str, Any]], codebook: SurveySpec
) -> dict[tuple[str, str], tuple[Earlier, ...]]:
    """What earlier reports published of each wave and question, from their results.json (one record per report
    file): per figure they show (n, don't know, positive answers, the mean with its n; the NPS bands), a sum of
    counts the attacker knows. The mean was stored to six decimals: its sum is known to within n · 5e-7."""
    found: dict[tuple[str, str], dict[int, list[Earlier]]] = defaultdict(lambda: defaultdict(list))
    for file, record in enumerate(records):
        unit = record.get("unit") or ALL
        for wave in (record.get("survey") or {}).get("waves", []):
            for entry in [*wave.get("items", []), *wave.get("nps", [])]:
                item = codebook.items.get(entry.get("item"))
                if item is None or entry.get("suppressed") or entry.get("n") is None:
                    continue
                cell = (unit, entry.get("group") or ALL)
                figures, size = _figures_of(entry, entry["item"], codebook, cell)
                found[(str(wave["wave"]), entry["item"])][file].append(Earlier(tuple(figures), {cell: size}))
    # One report file is one version: its cells together (their late answers are the same people).
    return {key: tuple(_joined(cells) for cells in files.values()) for key, files in found.items()}


def _figures_of(entry: Mapping[str, Any], item_id: str, codebook: SurveySpec, cell: Cell) -> tuple[list[Figure], int]:
    n = entry["n"]
    if codebook.items[item_id].kind == "nps":
        bands = {"detractors": "detractor", "passives": "passive", "promoters": "promoter"}
        figures = [Figure(cell, {b: 1 for b in bands.values()}, n, n)]
        figures += [Figure(cell, {bands[k]: 1}, entry[k], entry[k]) for k in bands if entry.get(k) is not None]
        return figures, n
    scale = codebook.scale_of(item_id)
    figures = [Figure(cell, {label: 1 for label in scale.labels}, n, n)]
    if entry.get("dont_know") is not None:
        figures.append(Figure(cell, {label: 1 for label in scale.dont_know}, entry["dont_know"], entry["dont_know"]))
    if entry.get("positive") is not None:
        figures.append(Figure(cell, {label: 1 for label in scale.positive}, entry["positive"], entry["positive"]))
    if entry.get("mean") is not None:
        total, slack = entry["mean"] * n, n * 5e-7 + 1e-9
        scores = {label: i + 1 for i, label in enumerate(scale.labels)}
        figures.append(Figure(cell, scores, total - slack, total + slack))
    return figures, n + (entry.get("dont_know") or 0)


def _joined(cells: list[Earlier]) -> Earlier:
    sizes = {k: n for cell in cells for k, n in cell.sizes.items()}
    return Earlier(tuple(f for cell in cells for f in cell.figures), sizes)


def protection_width(codebook: SurveySpec) -> int:
    """How many answers wide the attacker's interval of a withheld count must be: the limit, unless set."""
    return int(codebook.protection_width or codebook.min_group_size)


def survey_tables(
    survey: pd.DataFrame, codebook: SurveySpec, earlier: Mapping[tuple[str, str], tuple[Earlier, ...]] | None = None
) -> dict[tuple[str, str], LinkedTable]:
    """Every wave's every question with figures as the linked table the project's reports publish between them:
    the count of each answer per unit × group, and the published numbers of respondents that bound them."""
    earlier = earlier or {}
    units = survey["unit"].fillna(NO_UNIT).astype(str)
    # Each row's unit and group as a number, once: the counts are then taken with numpy, not by grouping text.
    unit_codes, unit_names = pd.factorize(units)
    group_codes, group_names = pd.factorize(survey["group"])  # a row without a group (-1) is in no cell
    items = [i for i, item in codebook.items.items() if item.kind != "text" and i in survey.columns]
    answers = {item_id: _answer_codes(survey[item_id], _answer_of(codebook, item_id)) for item_id in items}
    tables = {}
    for wave in survey["wave"].unique():
        in_wave = (survey["wave"] == wave).to_numpy(dtype=bool, na_value=False)
        respondents = _published_respondents(units[in_wave], survey["group"][in_wave], protection_width(codebook))
        for item_id in items:
            answer_codes, answer_names = answers[item_id]
            counted = in_wave & (answer_codes >= 0) & (group_codes >= 0)
            counts: dict[Cell, dict[Any, int]] = defaultdict(dict)
            for (unit, group, answer), n in _counts(
                (unit_codes[counted], group_codes[counted], answer_codes[counted]),
                (unit_names, group_names, answer_names),
            ):
                counts[(unit, group)][answer] = n
            given = pd.Series(answer_names[np.unique(answer_codes[in_wave & (answer_codes >= 0)])], dtype=object)
            categories = _categories(codebook, item_id, given)
            before = tuple(earlier.get((wave, item_id), ()))
            tables[(wave, item_id)] = LinkedTable(dict(counts), categories, respondents, before)
    return tables


def _answer_codes(values: pd.Series, answer_of: Callable[[Any], str | None]) -> tuple[np.ndarray, np.ndarray]:
    """Each row's answer as the figures count it, as a number (-1: none) and the answers the numbers stand for;
    `answer_of` is called once per distinct value, not once per respondent."""
    value_codes, distinct = pd.factorize(values)
    answer_of_value, answers = pd.factorize(
        pd.Series([answer_of(value) for value in distinct.tolist()], dtype=object)  # Python values
    )
    return np.append(answer_of_value, -1)[value_codes], np.asarray(answers, dtype=object)


def _counts(codes: tuple[np.ndarray, ...], names: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], int]]:
    """How many rows hold each combination of the coded columns, as (values, count), in the order the combinations
    first appear (as `DataFrame.value_counts(sort=False)` gives them)."""
    sizes = [len(column) for column in names]
    if not len(codes[0]):
        return []
    keys = np.ravel_multi_index(codes, sizes)
    distinct, first, counts = np.unique(keys, return_index=True, return_counts=True)
    order = np.argsort(first)
    combinations = zip(*np.unravel_index(distinct[order], sizes))
    return [
        (tuple(column[i] for column, i in zip(names, combination)), int(n))
        for combination, n in zip(combinations, counts[order])
    ]


def _published_respondents(units: pd.Series, groups: pd.Series, width: int) -> dict[Cell, int]:
    """The numbers of respondents reports show: each unit's (its report), each group's and everyone's (the
    project's report), and a unit's group where the group table shows it (never for a group below the width)."""
    published: dict[Cell, int] = {(ALL, ALL): len(units)}
    published |= {(unit, ALL): int(n) for unit, n in units.value_counts().items() if unit != NO_UNIT}
    published |= {(ALL, group): int(n) for group, n in groups.value_counts().items()}
    for (unit, group), n in pd.DataFrame({"unit": units, "group": groups}).value_counts(sort=False).items():
        if unit != NO_UNIT and n >= width:
            published[(unit, group)] = int(n)
    return published


def _answer_of(codebook: SurveySpec, item_id: str) -> Callable[[Any], str | None]:
    """An answer as the figures count it: a scale label, an NPS band, or the answer itself."""
    if codebook.items[item_id].kind == "nps":
        return lambda score: None if pd.isna(score) else ("detractor", "passive", "promoter")[(score > 6) + (score > 8)]
    return lambda answer: None if pd.isna(answer) else str(answer)


def _categories(codebook: SurveySpec, item_id: str, given: pd.Series) -> tuple[Any, ...]:
    """Every answer the attacker knows the question allows: the scale's labels, the bands, the options given."""
    item = codebook.items[item_id]
    if item.kind == "likert":
        scale = codebook.scale_of(item_id)
        known = [*scale.labels, *scale.dont_know]
    elif item.kind == "nps":
        known = ["detractor", "passive", "promoter"]
    else:
        known = list(item.options)
    return tuple(dict.fromkeys([*known, *sorted(given.unique())]))


def _rule(cell: Cell, sizes: Mapping[Cell, int], hidden: frozenset[Cell], min_size: int) -> str:
    size = sum(n for (u, g), n in sizes.items() if cell[0] in (ALL, u) and cell[1] in (ALL, g))
    if cell[0] == NO_UNIT:
        return NO_UNIT_RULE
    return PRIMARY if 0 < size < min_size else SECONDARY


# --- The table and its graph ----------------------------------------------------------------------------


class _Table:
    """A units × groups table with its margins: each cell's size, and its rows and columns as sum relations."""

    def __init__(self, sizes: Mapping[Cell, int], unpublished_units: set[str]):
        units = sorted({u for u, _ in sizes}) + [ALL]
        groups = sorted({g for _, g in sizes}) + [ALL]
        size: dict[Cell, int] = defaultdict(int)
        for (unit, group), n in sizes.items():
            for cell in ((unit, group), (unit, ALL), (ALL, group), (ALL, ALL)):
                size[cell] += n
        self.size = {(u, g): size[(u, g)] for u in units for g in groups}
        self.unpublished = {cell for cell in self.size if cell[0] in unpublished_units}
        # Each line: its total cell, then its parts.
        self.lines = [((u, ALL), [(u, g) for g in groups if g is not ALL]) for u in units]
        self.lines += [((ALL, g), [(u, g) for u in units if u is not ALL]) for g in groups]

    def shown(self, cell: Cell, hidden: set[Cell]) -> bool:
        return cell not in hidden and self.size[cell] > 0

    def smallest(self, cells: Iterable[Cell]) -> Cell | None:
        """The cell whose hiding costs least: fewest respondents, an inner cell before a total."""
        return min(cells, key=lambda c: (self.size[c], c[0] is ALL, c[1] is ALL, str(c)), default=None)

    def protect_totals(self, unknown: set[Cell], hidden: set[Cell], edges: list[Cell], min_size: int) -> Cell | None:
        """A cell to hide so that no known total leaves unknown parts holding 1 to min_size − 1 respondents."""
        for total, parts in self.lines:
            if total in unknown or self.size[total] == 0:
                continue
            small = sum(self.size[p] for p in parts if p in unknown)
            if 0 < small < min_size:
                candidate = self.smallest(p for p in parts if self.shown(p, hidden))
                if candidate is None:
                    candidate = total if total not in hidden else self.partner(total, hidden, edges)
                if candidate is not None:
                    return candidate
        return None

    def partner(self, bridge: Cell, hidden: set[Cell], edges: list[Cell]) -> Cell | None:
        """A shown cell to hide so that `bridge`, a hidden cell that follows exactly, no longer does.

        A shown cell with one end on each side of the bridge closes a cycle through it; when there is none, a
        shown cell beside it grows its side of the graph until one does.
        """
        rest = [e for e in edges if e != bridge]
        rows_side, columns_side = (_reachable(end, rest) for end in _nodes(bridge))
        candidates = [c for c in self.size if self.shown(c, hidden) and c not in self.unpublished]
        closing = [c for c in candidates if {*_nodes(c)} & rows_side and {*_nodes(c)} & columns_side]
        beside = [c for c in candidates if c[0] == bridge[0] or c[1] == bridge[1]]
        return self.smallest(closing) or self.smallest(beside)


Node = tuple[str, Any]  # a row (unit) or a column (group) of the table


def _nodes(cell: Cell) -> tuple[Node, Node]:
    return ("row", cell[0]), ("col", cell[1])


def _reachable(start: Node, edges: list[Cell]) -> set[Node]:
    neighbours: dict[Node, list[Node]] = defaultdict(list)
    for edge in edges:
        a, b = _nodes(edge)
        neighbours[a].append(b)
        neighbours[b].append(a)
    seen, stack = {start}, [start]
    while stack:
        for nxt in neighbours[stack.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _bridges(edges: list[Cell]) -> list[Cell]:
    """The edges on no cycle of the bipartite graph rows — columns (Tarjan's low-link, without recursion)."""
    neighbours = defaultdict(list)
    for index, edge in enumerate(edges):
        a, b = _nodes(edge)
        neighbours[a].append((b, index))
        neighbours[b].append((a, index))
    order: dict[Node, int] = {}
    low: dict[Node, int] = {}
    found = []
    for root in list(neighbours):
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack = [(root, -1, iter(neighbours[root]))]
        while stack:
            node, via, pending = stack[-1]
            for nxt, index in pending:
                if index == via:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = len(order)
                    stack.append((nxt, index, iter(neighbours[nxt])))
                    break
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.append(edges[via])
    return found
