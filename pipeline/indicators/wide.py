"""A wide table: a column per year, under one header row of years or three rows of measure / unit / year.

    region;2015;2016                      ;Anmodet om bosetting;;Vedtak om bosetting;
    K-3001 Halden;25;30                   ;personer;personer;personer;personer
                                          region;2015;2016;2015;2016
                                          K-3001 Halden;25;30;25;28

The columns before the first year hold the rows' own dimensions (the unit, perhaps the measure); the header rows
above the years are the dimensions `measure` (and `unit of measure` with three rows). An empty header cell
continues the one to its left, as a merged cell in a spreadsheet does.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError, Problem
from pipeline.indicators.figures import year_of
from pipeline.indicators.long import guessed
from pipeline.indicators.source import Dimension, Source
from pipeline.sources.readers import read_any, read_rows

HEADER_DIMENSIONS = {1: [], 2: ["measure"], 3: ["measure", "unit of measure"]}
PERIOD = "period"


def read(path: Path, *, sheet: str | None = None) -> Source:
    count = _header_rows(read_rows(path, sheet=sheet), path.name)
    frame = read_any(path, sheet=sheet, missing=(), header_rows=count)
    header = [list(row) + [""] * (len(frame.columns) - len(row)) for row in frame.attrs["header_rows"]]
    years = [i for i, cell in enumerate(header[-1][: len(frame.columns)]) if year_of(cell) is not None]
    row_dimensions = [frame.columns[i] for i in range(len(frame.columns)) if i not in years]
    upper = [_merged(row, years) for row in header[:-1]]
    by_column = {frame.columns[i]: [row[i] for row in upper] + [header[-1][i].strip()] for i in years}

    table = frame.assign(_row=list(frame.attrs["line"]))
    long = table.melt(id_vars=[*row_dimensions, "_row"], value_vars=list(by_column), var_name="_column", value_name="_figure")
    names = HEADER_DIMENSIONS[count] + [PERIOD]
    for position, name in enumerate(names):
        long[name] = long["_column"].map(lambda column: by_column[column][position])  # noqa: B023 (used at once)
    dimensions = [Dimension(name) for name in row_dimensions + names]
    source = Source(
        file=path.name,
        format="wide",
        dimensions=dimensions,
        cells=long[[d.name for d in dimensions]].reset_index(drop=True),
        figures=list(long["_figure"]),
        rows=list(long["_row"]),
        decimal_comma=bool(frame.attrs.get("decimal_comma", False)),
    )
    source = guessed(source)
    source.periods = PERIOD
    source.content = source.content or (HEADER_DIMENSIONS[count] or [None])[0]
    return source


def _header_rows(rows: list[list[str]], file: str) -> int:
    """How many header rows: up to and including the first row that names years (or quarters, months)."""
    for number, row in enumerate(rows[:3], start=1):
        periods = [i for i, cell in enumerate(row) if year_of(cell) is not None]
        if periods and all(year_of(cell) is not None for cell in row[periods[0] :] if cell.strip()):
            return number
    found = " | ".join(";".join(row) for row in rows[:3])[:200]
    raise InputError([Problem(file, None, None, "a header row of years (2015, 2016 …) in one of the first three rows, as in a wide table", repr(found))])


def _merged(row: list[str], columns: list[int]) -> list[str]:
    """An upper header row over the year columns, each empty cell taking the heading to its left."""
    filled, last = list(row), ""
    for i in columns:
        last = filled[i].strip() or last
        filled[i] = last
    return filled
