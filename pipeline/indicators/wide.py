"""A wide table: a column per year, under one header row of years or three rows of measure / unit / year.

    region;2015;2016                      ;Anmodet om bosetting;;Vedtak om bosetting;
    K-3001 Halden;25;30                   ;personer;personer;personer;personer
                                          region;2015;2016;2015;2016
                                          K-3001 Halden;25;30;25;28

The columns before the first year hold the rows' own dimensions (the unit, perhaps the measure); the header rows
above the years are the dimensions `measure` (and `unit of measure` with three rows). An empty header cell
continues the one to its left, as a merged cell in a spreadsheet does.

A statistics portal's download names its dimensions in the header cells themselves, "Dimension: value", one
header row per dimension, as IMDi's figures per municipality (Kommunetall) are downloaded:

    Region;Navn;Bosetting: Anmodning om bosetting;Bosetting: Vedtak om bosetting
    ;;Enhet: Personer;Enhet: Personer
    ;;År: 2020;År: 2020
    K3001;Halden;25;.

Each header row is then the dimension it names (`--where Bosetting=Vedtak om bosetting` keeps one measure), the
one holding years is the period, and a column of the units' names (Navn) names the units rather than being a
dimension of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import InputError, Problem
from pipeline.indicators.figures import is_period
from pipeline.indicators.long import guessed
from pipeline.indicators.source import Dimension, Source
from pipeline.sources.readers import read_any, read_rows

HEADER_DIMENSIONS = {1: [], 2: ["measure"], 3: ["measure", "unit of measure"]}
PERIOD = "period"
# A header cell that names its dimension: 'Bosetting: Vedtak om bosetting', 'År: 2020', 'Enhet: Personer'.
_LABELLED = re.compile(r"\s*([^:;]{1,60}?)\s*:\s*(\S.*?)\s*")
# Headings of a column that holds the units' names beside their codes.
NAME_COLUMNS = ("navn", "name", "kommunenavn", "regionnavn", "områdenavn", "omradenavn", "fylkesnavn", "kommune navn")


def read(path: Path, *, sheet: str | None = None) -> Source:
    rows = read_rows(path, sheet=sheet)
    labelled = _labelled_rows(rows)
    if labelled:
        return _read_labelled(path, sheet, labelled)
    count = _header_rows(rows, path.name)
    frame = read_any(path, sheet=sheet, missing=(), header_rows=count)
    header = [list(row) + [""] * (len(frame.columns) - len(row)) for row in frame.attrs["header_rows"]]
    years = [i for i, cell in enumerate(header[-1][: len(frame.columns)]) if is_period(cell)]
    row_dimensions = [frame.columns[i] for i in range(len(frame.columns)) if i not in years]
    upper = [_merged(row, years) for row in header[:-1]]
    by_column = {frame.columns[i]: [row[i] for row in upper] + [header[-1][i].strip()] for i in years}

    names = HEADER_DIMENSIONS[count] + [PERIOD]
    source = guessed(_long(path, frame, row_dimensions, by_column, names))
    source.periods = PERIOD
    source.content = source.content or next(iter(HEADER_DIMENSIONS[count]), None)
    return source


def _long(path: Path, frame, row_dimensions: list[str], by_column: dict[str, list[str]], names: list[str]) -> Source:
    """The table long: a row per figure, with the rows' own dimensions and, from `by_column` (each year column's
    header values, one per name in `names`), the header's."""
    table = frame.assign(_row=list(frame.attrs["line"]))
    melted = table.melt(
        id_vars=[*row_dimensions, "_row"], value_vars=list(by_column), var_name="_column", value_name="_figure"
    )
    for position, name in enumerate(names):
        melted[name] = melted["_column"].map({column: cells[position] for column, cells in by_column.items()})
    dimensions = [Dimension(name) for name in row_dimensions + names]
    return Source(
        file=path.name,
        format="wide",
        dimensions=dimensions,
        cells=melted[[d.name for d in dimensions]].reset_index(drop=True),
        figures=list(melted["_figure"]),
        rows=list(melted["_row"]),
        decimal_comma=bool(frame.attrs.get("decimal_comma", False)),
    )


def _header_rows(rows: list[list[str]], file: str) -> int:
    """How many header rows: up to and including the first row that names years (or quarters, months)."""
    for number, row in enumerate(rows[:3], start=1):
        periods = [i for i, cell in enumerate(row) if is_period(cell)]
        if periods and all(is_period(cell) for cell in row[periods[0] :] if cell.strip()):
            return number
    found = " | ".join(";".join(row) for row in rows[:3])[:200]
    raise InputError(
        [
            Problem(
                file,
                None,
                None,
                "a header row of years (2015, 2016 …) in one of the first three rows, as in a wide table",
                repr(found),
            )
        ]
    )


def _merged(row: list[str], columns: list[int]) -> list[str]:
    """An upper header row over the year columns, each empty cell taking the heading to its left."""
    filled, last = list(row), ""
    for i in columns:
        last = filled[i].strip() or last
        filled[i] = last
    return filled


def _labelled(cell: str) -> tuple[str, str] | None:
    """('Bosetting', 'Vedtak om bosetting') for 'Bosetting: Vedtak om bosetting'; None for a plain cell or a URL."""
    match = _LABELLED.fullmatch(cell)
    if not match or match.group(2).startswith("//"):
        return None
    return match.group(1), match.group(2)


def _labelled_rows(rows: list[list[str]]) -> int:
    """How many header rows name their dimension in each cell ('Enhet: Personer'), perhaps under a last row of
    plain years; 0 when the first row's cells are not such labels."""
    if not rows:
        return 0
    first = next((i for i, cell in enumerate(rows[0]) if _labelled(cell)), None)
    if first is None or not all(_labelled(cell) for cell in rows[0][first:] if cell.strip()):
        return 0
    count = 1
    for row in rows[1:4]:
        cells = [cell for cell in row[first:] if cell.strip()]
        if cells and all(_labelled(cell) for cell in cells):
            count += 1
        elif cells and all(is_period(cell) for cell in cells) and not any(cell.strip() for cell in row[:first]):
            return count + 1  # a row of plain years, empty under the rows' own headings (a row of figures is not)
        else:
            break
    return count


def _read_labelled(path: Path, sheet: str | None, count: int) -> Source:
    frame = read_any(path, sheet=sheet, missing=(), header_rows=count)
    width = len(frame.columns)
    header = [list(row) + [""] * (width - len(row)) for row in frame.attrs["header_rows"]]
    values = [
        i
        for i in range(width)
        if any(_labelled(row[i]) or (n == count - 1 and is_period(row[i])) for n, row in enumerate(header))
    ]
    row_dimensions = [frame.columns[i] for i in range(width) if i not in values]
    merged = [_merged(row, values) for row in header]
    names: list[str] = []
    by_column: dict[str, list[str]] = {}
    for i in values:
        cells = []
        for n, row in enumerate(merged):
            label = _labelled(row[i])
            plain = PERIOD if is_period(row[i]) else f"header {n + 1}"
            name, value = label if label else (plain, row[i].strip())
            if len(names) <= n:
                names.append(name)
            elif names[n] != name:
                expected = f"every cell of header row {n + 1} naming {names[n]!r}"
                raise InputError([Problem(path.name, n + 1, f"column {_letters(i)}", expected, repr(row[i]))])
            cells.append(value)
        by_column[frame.columns[i]] = cells

    source = guessed(_long(path, frame, row_dimensions, by_column, names))
    years = [name for n, name in enumerate(names) if all(is_period(cells[n]) for cells in by_column.values())]
    source.periods = years[-1] if years else source.periods
    source.content = source.content or next((name for name in names if name not in years), None)
    return _unit_names(source)


def _letters(index: int) -> str:
    """A column's letters as a spreadsheet shows them: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _unit_names(source: Source) -> Source:
    """A column of the units' names beside their codes (Navn beside Region) becomes the names of the units."""
    if source.units is None:
        return source
    named = [d for d in source.dimensions if d.name.strip().casefold() in NAME_COLUMNS and d.name != source.units]
    if not named:
        return source
    names = named[0]
    units = source.dimension(source.units, "--unit-column")
    units.labels = dict(zip(source.cells[units.name], source.cells[names.name]))
    source.dimensions = [d for d in source.dimensions if d is not names]
    source.cells = source.cells.drop(columns=[names.name])
    return source
