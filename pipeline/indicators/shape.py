"""From a statistics table as read to indicators.csv: the figures chosen, each as unit, indicator, year and value."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from pipeline.errors import EvalreportError, InputError, Problem
from pipeline.indicators.draft import indicator_ids
from pipeline.indicators.figures import DEFAULT_MISSING, NIL, NotAFigure, figure, project_year
from pipeline.indicators.source import Dimension, Source
from pipeline.indicators.units import match_units, split_unit
from pipeline.sources.cells import as_text
from pipeline.spec import Period

MAX_PROBLEMS = 20


@dataclass
class Choices:
    """What the user said on the command line about which dimension is what, and which figures to keep."""

    unit_column: str | None = None
    period_column: str | None = None
    indicator_column: str | None = None
    where: list[str] = field(default_factory=list)  # COL=VALUE; one column repeated means any of its values
    missing: list[str] | None = None  # codes for "no figure"; None: the statistics offices' codes
    project_units: list[str] | None = None  # --units-from-project: the project's unit ids
    # Figures of the whole project (an empty unit in indicators.csv): `--unit-column none`, or a file with no unit
    # column for a project that declares no units (there is nothing else they could be).
    whole_project: bool = False
    # The project's years (project.yaml's period): on fiscal or school years a figure's period is read as one of them
    # and written by its label ('2018/19'). None: calendar years, written '2018'.
    calendar: Period | None = None


@dataclass
class Canonical:
    """The indicators table to write, and what the import did on the way, for its summary."""

    table: pd.DataFrame  # unit, indicator, period, value, note: as indicators.csv holds them
    indicators: dict[str, str]  # id → label
    units: dict[str, str]  # id → name, as the file names it
    roles: dict[str, str]  # units / periods / indicator → the dimension(s) used
    kept: int  # figures left after --where
    missing: Counter = field(default_factory=Counter)  # symbol → figures written blank
    nil: int = 0  # figures written as 0 from the nil sign '-'
    outside_project: list[str] = field(default_factory=list)  # units in the file that are not the project's
    without_figures: list[str] = field(default_factory=list)  # project units the file has no figure for


WHOLE_PROJECT = "none"  # --unit-column none: the figures are the whole project's


def to_canonical(source: Source, choices: Choices) -> Canonical:
    whole_project = (choices.unit_column or "").strip().casefold() == WHOLE_PROJECT or (
        choices.whole_project and not choices.unit_column and not source.units
    )
    units = _WHOLE if whole_project else _role(source, choices.unit_column, source.units, "--unit-column", UNITS_WHAT)
    periods = _role(source, choices.period_column, source.periods, "--period-column", "the years")
    if units.name == periods.name:
        raise EvalreportError(
            f"--unit-column and --period-column: both name {units.name!r}; the units and the years are two columns"
        )
    keep = _where(source, choices.where)
    cells = source.cells[keep].reset_index(drop=True)
    figures = [f for f, k in zip(source.figures, keep) if k]
    rows = [r for r, k in zip(source.rows, keep) if k]
    measures = _indicator_dimensions(source, cells, choices.indicator_column, {units.name, periods.name})

    split = (
        [("", "") for _ in range(len(cells))]
        if whole_project
        else [split_unit(code, units.label(code)) for code in cells[units.name]]
    )
    unit_ids = [ident for ident, _ in split]
    labels = [
        ", ".join(d.label(code) for d, code in zip(measures, codes))
        for codes in cells[[d.name for d in measures]].itertuples(index=False)
    ]
    table = pd.DataFrame({"unit": unit_ids, "label": labels}, dtype=str)
    names = dict(split)
    outside, without = [], []
    if choices.project_units is not None and not whole_project:
        matched = match_units(list(dict.fromkeys(unit_ids)), choices.project_units)
        outside = [u for u in dict.fromkeys(unit_ids) if u not in matched]
        without = [u for u in choices.project_units if u not in set(matched.values())]
        inside = table["unit"].isin(list(matched)).to_numpy()
        table, cells = table[inside].reset_index(drop=True), cells[inside].reset_index(drop=True)
        figures, rows = [f for f, k in zip(figures, inside) if k], [r for r, k in zip(rows, inside) if k]
        names = {matched[u]: names[u] for u in matched}
        table["unit"] = table["unit"].map(matched)

    missing_codes = tuple(choices.missing if choices.missing is not None else DEFAULT_MISSING) + source.declared_missing
    problems: list[Problem] = []
    values, notes, years = [], [], []
    shown_missing, nil = Counter[str | None](), 0
    calendar = choices.calendar or CALENDAR_YEARS
    unread: set[str] = set()  # periods already named as a problem: one line each, not one per figure
    for i, (code, text, row) in enumerate(zip(cells[periods.name], figures, rows)):
        try:
            year: int | str | None = project_year(code, calendar)
        except ValueError as error:
            year = None
            if code not in unread:
                unread.add(code)
                problems.append(Problem(source.file, row, periods.name, str(error), repr(code)))
        if year is not None and calendar.split:
            year = calendar.year_label(int(year))
        try:
            value, symbol = figure(text, missing_codes, source.decimal_comma)
        except NotAFigure:
            codes = ", ".join(f"'{c}'" for c in dict.fromkeys(missing_codes))
            where = _place(cells.iloc[i], source) if row is None else "value"
            problems.append(
                Problem(
                    source.file,
                    row,
                    where,
                    f"a number ≥ 0, '-' (nil) or a code for no figure ({codes})",
                    repr(text.strip()),
                )
            )
            value, symbol = None, None
        shown_missing[symbol] += symbol is not None
        nil += text.strip().strip('"') == NIL and value == 0
        values.append("" if value is None else as_text(value))
        notes.append(f"'{symbol}' in the source" if symbol else "")
        years.append(year)
    if problems:
        raise InputError(_first(problems))

    ids = indicator_ids(list(dict.fromkeys(table["label"])))
    table = table.assign(indicator=table["label"].map(ids), period=years, value=values, note=notes)
    _one_figure_each(table, cells, rows, source, [units, periods, *measures])
    table = table.sort_values(["unit", "indicator", "period"], kind="stable")[
        ["unit", "indicator", "period", "value", "note"]
    ]
    roles = {
        "units": "none: the whole project" if whole_project else units.name,
        "periods": periods.name,
        "indicator": " + ".join(d.name for d in measures),
    }
    return Canonical(
        table=table.reset_index(drop=True),
        indicators={ident: label for label, ident in ids.items()},
        units=names,
        roles=roles,
        kept=int(keep.sum()),
        missing=+shown_missing,
        nil=nil,
        outside_project=outside,
        without_figures=without,
    )


CALENDAR_YEARS = Period(start=1900, end=2200)  # a project's years when no project says otherwise
UNITS_WHAT = "the units (municipalities), or say --unit-column none for figures of the whole project"
_WHOLE = Dimension("")  # no column: every figure is the project's own


def _role(source: Source, chosen: str | None, guessed: str | None, option: str, what: str) -> Dimension:
    if chosen:
        return source.dimension(chosen, option)
    if guessed:
        return source.dimension(guessed, option)
    names = ", ".join(repr(d.name) for d in source.dimensions)
    raise EvalreportError(f"{option}: which column of {source.file} holds {what}? It has {names}")


def _where(source: Source, conditions: list[str]) -> pd.Series:
    """Rows matching every --where column; one column given several times matches any of its values."""
    wanted: dict[str, tuple[Dimension, list[str]]] = {}
    for condition in conditions:
        column, equals, value = condition.partition("=")
        if not equals or not column.strip():
            raise EvalreportError(f"--where: expected COLUMN=VALUE, such as enhet=personer, found {condition!r}")
        dimension = source.dimension(column, "--where")
        wanted.setdefault(dimension.name, (dimension, []))[1].append(value.strip())
    keep = pd.Series(True, index=source.cells.index)
    for name, (dimension, values) in wanted.items():
        codes = source.cells[name]
        labels = codes.map(dimension.label)
        for value in values:
            if not ((codes.str.casefold() == value.casefold()) | (labels.str.casefold() == value.casefold())).any():
                held = ", ".join(repr(v) for v in list(dict.fromkeys(labels))[:12])
                raise EvalreportError(
                    f"--where {name}={value}: no figure in {source.file} has it; {name!r} holds {held}"
                )
        folded = {v.casefold() for v in values}
        keep &= codes.str.casefold().isin(folded) | labels.str.casefold().isin(folded)
    return keep


def _indicator_dimensions(source: Source, cells: pd.DataFrame, chosen: str | None, taken: set[str]) -> list[Dimension]:
    """The dimension(s) whose values are the indicators: the user's, else every other one that still varies, else the
    table's content (statistikkvariabel, ContentsCode)."""
    if chosen:
        return [source.dimension(name, "--indicator-column") for name in chosen.split(",") if name.strip()]
    rest = [d for d in source.dimensions if d.name not in taken]
    varying = [d for d in rest if cells[d.name].nunique() > 1]
    if varying:
        return varying
    content = [d for d in rest if d.name == source.content] or rest[-1:]
    if not content:
        raise EvalreportError(
            f"--indicator-column: {source.file} has no column besides the units and the years to name the indicator by"
        )
    return content


def _one_figure_each(
    table: pd.DataFrame, cells: pd.DataFrame, rows: list, source: Source, used: list[Dimension]
) -> None:
    """Two figures for one unit, indicator and year: say which column tells them apart, and how to keep one."""
    repeated = table.duplicated(["unit", "indicator", "period"], keep=False)
    if not repeated.any():
        return
    problems = []
    groups = table[repeated].groupby(["unit", "indicator", "period"], sort=False)
    for _, group in groups:
        differing = [d for d in source.dimensions if cells.loc[group.index, d.name].nunique() > 1]
        first = differing[0] if differing else None
        lines = [rows[i] for i in group.index if rows[i] is not None]
        where = f" (rows {', '.join(map(str, lines[:4]))})" if lines else ""
        unit, label, year = group.iloc[0]["unit"], table.loc[group.index[0], "label"], group.iloc[0]["period"]
        found = f"{len(group)} figures for {unit}, {label!r}, {year}{where}"
        if first is not None:
            held = list(dict.fromkeys(cells.loc[group.index, first.name].map(first.label)))
            if first is used[1]:  # quarters or months of one year
                hint = f"keep one period a year, such as --where {first.name}={held[-1]}"
            else:
                hint = (
                    "name it in --indicator-column, or " if first not in used else ""
                ) + f"keep one with --where {first.name}={held[0]}"
            found += f" that differ in {first.name!r} ({', '.join(map(repr, held[:4]))}): {hint}"
        problems.append(
            Problem(source.file, lines[0] if lines else None, None, "one figure per unit, indicator and year", found)
        )
        if len(problems) == 5:
            break
    if groups.ngroups > len(problems):
        problems.append(
            Problem(
                source.file,
                None,
                None,
                "the same for the other figures",
                f"{groups.ngroups - len(problems):,} more units, indicators and years like these",
            )
        )
    raise InputError(problems)


def _place(cells: pd.Series, source: Source) -> str:
    """Where a figure sits in a file without rows (PX, JSON-stat): each dimension's label, e.g. 'region=Halden,
    år=2021'."""
    return ", ".join(f"{d.name}={d.label(cells[d.name])}" for d in source.dimensions)


def _first(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return problems[:MAX_PROBLEMS] + [
        Problem(problems[0].file, None, None, "the same for the other figures", f"{rest:,} more like these")
    ]
