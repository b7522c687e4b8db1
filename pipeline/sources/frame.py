"""What every reader does once it has rows of text: name the columns, check them, and make the DataFrame.

CSV, Excel and SPSS files all end here, so that a table looks the same to validation whatever it came from:
stripped strings, '' for an empty cell, and `attrs` saying where each row was in the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

from pipeline.errors import InputError, Problem

# Written for "no value" by statistics offices (Statistics Denmark and Statistics Norway use '.', '..', ':'),
# by databases ('NULL') and by spreadsheets. A dash is not here: SSB writes '-' for a true zero.
STANDARD_MISSING = (".", "..", "...", ":", "NULL")

HEADER_JOINER = " / "


def column_names(
    file: str, header_rows: Sequence[Sequence[str]], required: Iterable[str], *, number_repeats: bool = False
) -> list[str]:
    """The column names from one or more header rows, checked for required and repeated columns.

    With several header rows, a column's name is its non-empty header cells joined by ' / ', top to bottom:
    'Hvor enig er du? / Samarbeidet'. An empty upper cell above a named lower cell takes the upper cell to its
    left, since that is how a spreadsheet shows a heading merged across columns. A heading met again is a problem,
    or with `number_repeats` (a survey may ask two questions in the same words) named 'Heading (2)', 'Heading (3)' ...
    """
    names = _joined(header_rows)
    if number_repeats:
        names = _numbered(names)
    required = list(required)
    missing = [column for column in required if column not in names]
    if missing:
        found = "columns " + _shown(", ".join(names))
        raise InputError([Problem(file, 1, column, "this column in the header line", found) for column in missing])
    repeated = sorted({column for column in names if names.count(column) > 1})
    if repeated:
        raise InputError(
            [Problem(file, 1, column, "each column once in the header line", "it twice or more") for column in repeated]
        )
    return names


def _numbered(names: list[str]) -> list[str]:
    """Each name once: an empty heading named by its column's letter ('column F'), a repeated one numbered."""
    names = [name or f"column {get_column_letter(n)}" for n, name in enumerate(names, start=1)]
    taken, result = set(names), []
    for name in names:
        candidate, n = name, 1
        while candidate in result or (candidate != name and candidate in taken):
            n += 1
            candidate = f"{name} ({n})"
        result.append(candidate)
    return result


def _shown(text: str, limit: int = 200) -> str:
    """A header as a message can show it: control characters escaped (a binary file's header is full of them), cut
    short."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"


def _joined(header_rows: Sequence[Sequence[str]]) -> list[str]:
    rows = [[cell.strip() for cell in row] for row in header_rows]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    if len(rows) == 1:
        return rows[0]
    filled = [list(row) for row in rows]
    for upper, lower in zip(filled, rows[1:]):
        for i in range(1, width):
            if not upper[i] and lower[i]:
                upper[i] = upper[i - 1]
    names = []
    for i in range(width):
        parts: list[str] = []
        for row in filled:
            if row[i] and (not parts or parts[-1] != row[i]):
                parts.append(row[i])
        names.append(HEADER_JOINER.join(parts))
    return names


class Shared(tuple):
    """A tuple pandas need not copy: a frame's attrs are deep-copied into every row and column taken from it,
    which for the line numbers of a large file costs more than reading it."""

    def __deepcopy__(self, memo):
        return self


class SharedDict(dict):
    """A dict of attrs that is only read, shared rather than deep-copied (see Shared)."""

    def __deepcopy__(self, memo):
        return self


def shared(value):
    if isinstance(value, dict):
        return SharedDict(value)
    if isinstance(value, (list, tuple)):
        return Shared(shared(v) if isinstance(v, (list, tuple, dict)) else v for v in value)
    return value


def to_frame(
    file: str,
    columns: list[str],
    rows: list[list[str]],
    lines: list[int],
    missing: Iterable[str] = (),
    **attrs,
) -> pd.DataFrame:
    """A DataFrame of stripped strings; cells holding a missing-value code become ''.

    A row longer than the header is a problem only when its extra cells hold something (spreadsheets often add
    trailing separators); a shorter row is padded with empty cells.
    """
    width = len(columns)
    problems = [
        Problem(file, line, None, f"{width} cells as in the header", f"{len(row)}")
        for line, row in zip(lines, rows)
        if len(row) > width and any(cell.strip() for cell in row[width:])
    ]
    if problems:
        raise InputError(problems)
    padded = [row[:width] if len(row) >= width else [*row, *[""] * (width - len(row))] for row in rows]
    cells = [cleaned(np.array(column, dtype=object), missing).shown for column in zip(*padded)] if padded else []
    return columns_frame(file, columns, cells, lines, **attrs)


def columns_frame(
    file: str, columns: list[str], cells: list[np.ndarray], lines: Sequence[int], **attrs
) -> pd.DataFrame:
    """`to_frame` for cells read column by column and `cleaned` already: an array a column, a row a line."""
    frame = (
        pd.DataFrame(dict(zip(columns, cells)), dtype=str)
        if len(lines)
        else pd.DataFrame({c: pd.Series(dtype=str) for c in columns})
    )
    frame.attrs["file"] = file
    frame.attrs["line"] = Shared(lines)
    frame.attrs.update({key: shared(value) for key, value in attrs.items()})
    return frame


class Cleaned(NamedTuple):
    shown: np.ndarray  # each cell stripped, '' for a missing-value code or none
    written: np.ndarray  # whether the cell held anything but blanks (a missing-value code too)
    longest: int  # the characters of the longest cell as written


def cleaned(cells: np.ndarray, missing: Iterable[str] = ()) -> Cleaned:
    """A column's cells (text, or NaN for none) as a table holds them. Each distinct text is cleaned once and then
    shared by every cell holding it: a survey of a million rows writes a handful of answers, which then take a
    pointer a cell instead of a string."""
    codes, distinct = pd.factorize(cells)  # none (NaN) is -1, the last place of each list below
    distinct = distinct.tolist()
    stripped = [text.strip() for text in distinct]
    missing = set(missing)
    shown = np.array([*(["" if text in missing else text for text in stripped] if missing else stripped), ""], object)
    held = np.array([*stripped, ""], dtype=object).astype(bool)
    return Cleaned(shown[codes], held[codes], max(map(len, distinct), default=0))
