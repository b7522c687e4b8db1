"""A long table, as statistics banks and IMDi let you download one: a row per unit, period and measure.

    "region";"år";"statistikkvariabel";"value"
    "K-3001 Halden";"2021";"Anmodet om bosetting";"25"

CSV (any encoding and delimiter the readers detect), .xlsx, .xls or .ods. The figure is in `--value-column`, or
in a column named value / verdi / værdi / INDHOLD / OBS_VALUE, or else in the last column.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import EvalreportError
from pipeline.indicators.source import CONTENT_NAMES, PERIOD_NAMES, UNIT_NAMES, Dimension, Source
from pipeline.sources.readers import read_any

VALUE_NAMES = ("value", "verdi", "værdi", "indhold", "obs_value", "värde", "arvo", "antall", "antal")


def read(path: Path, *, value_column: str | None = None, sheet: str | None = None) -> Source:
    frame = read_any(path, sheet=sheet, missing=())  # missing codes are the importer's to read, not blanks
    columns = list(frame.columns)
    value = _value_column(columns, value_column, path.name)
    dimensions = [Dimension(name) for name in columns if name != value]
    source = Source(
        file=path.name,
        format="long",
        dimensions=dimensions,
        cells=frame[[d.name for d in dimensions]].reset_index(drop=True),
        figures=list(frame[value]),
        rows=list(frame.attrs["line"]),
        decimal_comma=bool(frame.attrs.get("decimal_comma", False)),
    )
    return guessed(source)


def guessed(source: Source) -> Source:
    """The unit, period and content columns guessed from their names; the user's options override them."""
    source.units = source.guess(UNIT_NAMES, set())
    source.periods = source.guess(PERIOD_NAMES, {source.units})
    source.content = source.guess(CONTENT_NAMES, {source.units, source.periods})
    return source


def _value_column(columns: list[str], chosen: str | None, file: str) -> str:
    if chosen:
        found = [c for c in columns if c.casefold() == chosen.strip().casefold()]
        if not found:
            raise EvalreportError(
                f"--value-column: {file} has no column {chosen!r}; it has {', '.join(map(repr, columns))}"
            )
        return found[0]
    named = [c for c in columns if c.casefold() in VALUE_NAMES]
    return named[0] if named else columns[-1]
