"""What an attacker can work out about each withheld count from everything a project publishes, and the cells the
decision hides besides so that no small group can be narrowed down: the audit of the suppression decision.

One question of one wave is a table of units × groups with its margins, each cell holding a count per answer. The
attacker knows every shown cell's count of every answer (that is more than we show: shares with n, means with n,
NPS with its parts and don't-know counts are all sums of these counts, so nothing we show tells them more), the
published numbers of respondents (a cell cannot hold more answers than respondents), which cells are empty, and
every earlier version of the table that was published. What the hidden cells may hold is then the set of
whole-number solutions of these sums; the smallest and the largest value of a withheld count over that set is the
interval the attacker can derive. We compute it with HiGHS as an integer program, whose interval is never wider
than the one a linear-program relaxation gives: a count protected against the integer attacker is protected
against the linear one too.

A withheld small group (1 to k − 1 answers) is protected when, for each answer given in it, the interval is at
least the protection width wide — or, when the published numbers of respondents leave room for fewer than that
many, runs from none to all of them — and when its members are not all pinned to one answer. Answers added to a
published wave since it was published (a late answer, a correction) are a group of their own under the same rule.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import highspy
import numpy as np
from scipy import sparse

from pipeline.errors import Unexplained

ALL = None  # the margin: every unit, or every group
Cell = tuple[Any, Any]  # (unit or ALL, group or ALL); a year and a group for participants
EPSILON = 1e-6
UNBOUNDED = 10**7  # the attacker's bound when nothing published bounds a count: any larger count is as unknown

PRIMARY, NO_UNIT_RULE, SECONDARY, AUDIT, REVISION = "small group", "no unit", "total or partner", "audit", "revision"


@dataclass(frozen=True)
class Figure:
    """A published figure of one cell as a weighted sum of its counts: low ≤ Σ weight[answer] · count ≤ high.
    A positive count is the weights 1 on the positive answers; a mean with its n the scores, with the mean's
    rounding as the gap between low and high."""

    cell: Cell
    weights: Mapping[Any, float]
    low: float
    high: float


@dataclass(frozen=True)
class Earlier:
    """A version of the table published before: its figures, and how many had answered in each cell it showed."""

    figures: tuple[Figure, ...]
    sizes: Mapping[Cell, int]


@dataclass(frozen=True)
class LinkedTable:
    """One question of one wave as every report of the project publishes it between them.

    `counts`: per (unit, group) with anyone in it, the count of each answer. `respondents`: the published numbers of
    respondents of a cell (a unit's report, the group sizes), each an upper bound of the answers in it.
    """

    counts: Mapping[tuple[str, str], Mapping[Any, int]]
    answers: tuple[Any, ...]
    respondents: Mapping[Cell, int] = field(default_factory=dict)
    earlier: tuple[Earlier, ...] = ()
    # A unit's row inside a larger one, published too (an activity's participants inside its year's).
    parents: Mapping[Any, Any] = field(default_factory=dict)

    @cached_property
    def interior(self) -> list[Cell]:
        return sorted((c for c, n in self.counts.items() if sum(n.values()) > 0), key=str)

    @cached_property
    def cells(self) -> list[Cell]:
        units = sorted({u for u, _ in self.interior} | set(self.parents.values()), key=str) + [ALL]
        groups = sorted({g for _, g in self.interior}, key=str) + [ALL]
        return [(u, g) for u in units for g in groups if self.members(u, g)]

    @cached_property
    def _members(self) -> dict[Cell, list[Cell]]:
        found: dict[Cell, list[Cell]] = {}
        for c in self.interior:
            for unit in {c[0], self.parents.get(c[0], c[0]), ALL}:
                for group in (c[1], ALL):
                    found.setdefault((unit, group), []).append(c)
        return found

    def members(self, unit: Any, group: Any) -> list[Cell]:
        return self._members.get((unit, group), [])

    def count(self, cell: Cell, answer: Any) -> int:
        return sum(self.counts[c].get(answer, 0) for c in self.members(*cell))

    def size(self, cell: Cell) -> int:
        return sum(sum(self.counts[c].values()) for c in self.members(*cell))


@dataclass(frozen=True)
class Interval:
    """What the attacker can derive about one withheld count: `answer` None is the cell's number of answers;
    `revision` the index of the earlier version whose late answers this is, or None."""

    cell: Cell
    answer: Any
    low: float
    high: float
    required: float  # 0 when the cell is not one to protect (it was hidden to protect others)
    pinned: bool  # every member of the group follows to have given this one answer
    rule: str
    revision: int | None = None

    @property
    def width(self) -> float:
        return self.high - self.low

    @property
    def protected(self) -> bool:
        return self.width >= self.required - EPSILON and not self.pinned


def audit(
    table: LinkedTable,
    hidden: Iterable[Cell],
    k: int,
    rules: Mapping[Cell, str] | None = None,
    everything: bool = False,
    only: set[Cell] | None = None,
) -> list[Interval]:
    """The attacker's interval of every answer given in every withheld small group (and, with `everything`, in every
    other withheld cell too), and of the late answers of each earlier version; with `only`, of those cells alone."""
    hidden = {c for c in hidden if c in table.cells}
    rules = rules or {}
    model = _Model(table, hidden)
    found = []
    for cell in (c for c in table.cells if c in hidden and (only is None or c in only)):
        size = table.size(cell)
        small = 0 < size < k
        if small or everything:
            found += model.intervals(
                cell,
                [a for a in table.answers if table.count(cell, a) > 0],
                k if small else 0,
                rules.get(cell, PRIMARY if small else SECONDARY),
            )
    for index, version in enumerate(table.earlier):
        for cell, then in version.sizes.items():
            # A few answers added since, or taken away (a correction): either could be told from both versions.
            if cell in table.cells and 0 < abs(table.size(cell) - then) < k and (only is None or cell in only):
                found += model.late_intervals(index, cell, k)
    return found


def protect(
    table: LinkedTable, hidden: Iterable[Cell], k: int, rules: Mapping[Cell, str]
) -> tuple[frozenset[Cell], dict[Cell, str]]:
    """Hide more cells until the audit passes: each time the shown cell beside a failing one whose hiding costs least
    (fewest answers; an inner cell before a total)."""
    hidden, rules = set(hidden), dict(rules)
    if not any(0 < table.size(c) < k for c in hidden) and not table.earlier:
        return frozenset(hidden), rules
    recheck = None  # every cell at first; then those that failed or passed by the room left (hiding more widens
    # every interval, but may widen the room too)
    while True:
        intervals = audit(table, hidden, k, rules, only=recheck)
        failing = {i.cell: i for i in intervals if not i.protected}
        recheck = {i.cell for i in intervals if not i.protected or i.width < k - EPSILON}
        # One more cell beside each failing one per round, then the audit again: few rounds, each cell cheap.
        added: dict[Cell, str] = {}
        for interval in failing.values():
            cell = _cheapest_beside(table, interval.cell, hidden | set(added), interval.revision is not None)
            if cell is not None:
                added[cell] = REVISION if interval.revision is not None else AUDIT
        if not added:  # nothing fails, or everything is hidden (what is left, numbers of respondents, is not ours)
            return frozenset(hidden), rules
        hidden |= set(added)
        rules |= added


def _cheapest_beside(table: LinkedTable, cell: Cell, hidden: set[Cell], late: bool = False) -> Cell | None:
    shown = [c for c in table.cells if c not in hidden]
    if cell in shown:  # a late group shows in the cell itself
        return cell
    # Beside it: a shown cell that counts some of the same people, or one inside such a cell (hiding it leaves that
    # total with one more unknown beside this one); the one holding fewest answers goes. Late answers are told by the
    # difference between the versions of the cells that count them, so those go first: hiding a neighbour inside
    # such a total leaves the difference in it, and one neighbour after another went.
    its = set(table.members(*cell))
    direct = [c for c in shown if its.intersection(table.members(*c))]
    within = [c for c in shown if any(set(table.members(*c)) < set(table.members(*d)) for d in direct)]
    beside = (direct or within or shown) if late else (direct + within or shown)
    return min(beside, key=lambda c: (table.size(c), c[0] is ALL, c[1] is ALL, str(c)), default=None)


class _Model:
    """The attacker's integer program: unknowns are the hidden inner cells' counts per answer (and, per earlier
    version, the late answers of every inner cell it published); every published figure is a constraint on them."""

    def __init__(self, table: LinkedTable, hidden: set[Cell]):
        self.table, answers = table, table.answers
        self.unknown = [c for c in table.interior if c in hidden]
        self.x = {(c, a): i for i, (c, a) in enumerate((c, a) for c in self.unknown for a in answers)}
        # A version's late answers only where it published a figure: one elsewhere appears in no constraint but its
        # own bounds, which its being none meets, so leaving it out changes no interval (and keeps the program small:
        # a unit's report covers its own cells, not the county's).
        covered = [self._covered(version) for version in table.earlier]
        late = [
            (v, c, a) for v in range(len(table.earlier)) for c in table.interior if c in covered[v] for a in answers
        ]
        self.late = {key: len(self.x) + i for i, key in enumerate(late)}
        rows, low, high = [], [], []

        def add(terms: dict[int, float], lo: float, hi: float) -> None:
            if terms:
                rows.append(terms)
                low.append(lo)
                high.append(hi)

        for cell in table.cells:
            if cell in hidden or cell in table.counts:  # a shown inner cell is a constant
                continue
            inside = [c for c in table.members(*cell) if c in hidden]
            for a in answers:  # a shown total: its count of each answer
                known = float(sum(table.counts[c].get(a, 0) for c in inside))
                add({self.x[(c, a)]: 1.0 for c in inside}, known, known)
        for cell, respondents in table.respondents.items():
            inside = [c for c in table.members(*cell) if c in hidden]
            room = respondents - sum(table.size(c) for c in table.members(*cell) if c not in hidden)
            add({self.x[(c, a)]: 1.0 for c in inside for a in answers}, 0, room)
        # No count exceeds the wave's number of respondents (always published); else nothing bounds it.
        everyone = table.respondents.get((ALL, ALL), UNBOUNDED)
        upper = np.full(len(self.x) + len(self.late), float(everyone))
        for v, version in enumerate(table.earlier):
            for figure in (f for f in version.figures if f.cell in table.cells):
                terms: dict[int, float] = {}
                known = 0.0
                for c in table.members(*figure.cell):
                    for a, w in figure.weights.items():
                        if a not in answers or not w:
                            continue
                        if c in hidden:
                            terms[self.x[(c, a)]] = terms.get(self.x[(c, a)], 0) + w
                        else:
                            known += w * table.counts[c].get(a, 0)
                        terms[self.late[(v, c, a)]] = terms.get(self.late[(v, c, a)], 0) - w
                add(terms, figure.low - known, figure.high - known)
            for c in (c for c in table.interior if c in covered[v]):  # what stood then was no less than nothing
                for a in answers:
                    if c in hidden:
                        add({self.x[(c, a)]: 1.0, self.late[(v, c, a)]: -1.0}, 0, np.inf)
                    else:
                        upper[self.late[(v, c, a)]] = table.counts[c].get(a, 0)
        self.program = rows, low, high, upper
        self.highs = _program(*self.program, integer=False)

    def _covered(self, version: Earlier) -> set[Cell]:
        """The inner cells a version counted in a figure, or in a number of respondents it showed."""
        shown = {f.cell for f in version.figures} | set(version.sizes)
        return {c for cell in shown if cell in self.table.cells for c in self.table.members(*cell)}

    def _range(self, terms: dict[int, float], constant: float = 0.0) -> tuple[float, float]:
        if not terms:
            return constant, constant
        columns, weights = np.fromiter(terms, dtype=np.int32), np.fromiter(terms.values(), dtype=float)
        try:
            return constant + self._optimum(columns, weights), constant - self._optimum(columns, -weights)
        except Unexplained:
            # What was published cannot be explained by answers only added since (an answer was corrected away):
            # nothing is known to be safe, so the interval counts as none at all, and more is hidden.
            return constant, constant

    def _optimum(self, columns: np.ndarray, weights: np.ndarray) -> float:
        """The least value of Σ weights · counts over whole-number solutions. The linear relaxation first (fast);
        its optimum is the integer one when the solution it finds is whole, as it mostly is for tables of sums."""
        for solver in (self.highs, self.integer):
            solver.changeColsCost(len(columns), columns, weights)
            solver.run()
            if solver.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
                solver.changeColsCost(len(columns), columns, np.zeros(len(columns)))
                raise Unexplained
            optimal = solver.getModelStatus() == highspy.HighsModelStatus.kOptimal
            value = solver.getInfo().objective_function_value if optimal else -UNBOUNDED
            if optimal:
                solution = np.asarray(solver.getSolution().col_value)
                whole = not len(solution) or float(np.abs(solution - np.round(solution)).max()) < EPSILON
            else:
                whole = False
            solver.changeColsCost(len(columns), columns, np.zeros(len(columns)))
            if whole or solver is self.integer:
                return value
        raise AssertionError("unreachable")

    @cached_property
    def integer(self) -> highspy.Highs:
        return _program(*self.program, integer=True)

    def _terms(self, cell: Cell, answers: Iterable[Any]) -> tuple[dict[int, float], float]:
        terms: dict[int, float] = {}
        constant = 0.0
        for c in self.table.members(*cell):
            for a in answers:
                if (c, a) in self.x:
                    terms[self.x[(c, a)]] = 1.0
                else:
                    constant += self.table.counts[c].get(a, 0)
        return terms, constant

    def intervals(self, cell: Cell, given: list[Any], k: int, rule: str) -> list[Interval]:
        answers = self.table.answers
        ranges = {a: self._range(*self._terms(cell, [a])) for a in given}
        narrowest = min(high - low for low, high in ranges.values())
        # The room the published numbers leave matters only when some interval is narrower than k.
        required = min(k, self._range(*self._terms(cell, answers))[1]) if k and narrowest < k - EPSILON else k
        pinned = False
        if k and len(given) == 1:  # all answered alike: may the attacker rule out every other answer?
            others = [a for a in answers if a != given[0]]  # none: the question allows one answer only
            pinned = bool(others) and self._range(*self._terms(cell, others))[1] < 1 - EPSILON
        return [Interval(cell, a, *ranges[a], required, pinned, rule) for a in given]

    def late_intervals(self, version: int, cell: Cell, k: int) -> list[Interval]:
        def terms(answers: Iterable[Any]) -> dict[int, float]:
            return {self.late[(version, c, a)]: 1.0 for c in self.table.members(*cell) for a in answers}

        answers = self.table.answers
        required = min(k, self._range(terms(answers))[1])
        ranges = {a: self._range(terms([a])) for a in answers}
        possible = [a for a, (_, high) in ranges.items() if high >= 1 - EPSILON]
        pinned = len(possible) < 2
        return [Interval(cell, a, *ranges[a], required, pinned, REVISION, version) for a in possible or answers[:1]]


def _program(
    rows: list[dict[int, float]], low: list[float], high: list[float], upper: np.ndarray, integer: bool
) -> highspy.Highs:
    """The constraints as one HiGHS program, built once: each bound asked is a change of objective."""
    entries = [(r, j, w) for r, terms in enumerate(rows) for j, w in terms.items()]
    r, j, w = zip(*entries) if entries else ((), (), ())
    matrix = sparse.coo_matrix((w, (r, j)), shape=(len(rows), len(upper))).tocsc()
    model = highspy.HighsLp()
    model.num_col_, model.num_row_ = len(upper), len(rows)
    model.col_cost_, model.col_lower_, model.col_upper_ = np.zeros(len(upper)), np.zeros(len(upper)), upper
    model.row_lower_ = np.array(low, dtype=float)
    model.row_upper_ = np.array([highspy.kHighsInf if h == np.inf else h for h in high], dtype=float)
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.start_, model.a_matrix_.index_, model.a_matrix_.value_ = matrix.indptr, matrix.indices, matrix.data
    if integer:
        model.integrality_ = [highspy.HighsVarType.kInteger] * len(upper)
    solver = _silent_highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("threads", 1)  # tiny programs: threads cost more than they save
    solver.passModel(model)
    return solver


_greeted = False


def _silent_highs() -> highspy.Highs:
    """A HiGHS solver, without the banner the library prints on the first one a process makes (straight to the
    process's standard output, past Python): `validate --audit` and reports print only their own lines."""
    global _greeted
    if _greeted:
        return highspy.Highs()  # type: ignore[no-untyped-call]
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as nowhere:
            os.dup2(nowhere.fileno(), 1)
            solver = highspy.Highs()  # type: ignore[no-untyped-call]
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    _greeted = True
    return solver
