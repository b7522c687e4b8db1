"""Read a CSV table as text cells, whatever its encoding and delimiter, so that validation sees what the user wrote."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from pipeline.errors import InputError, Problem

# Tried in order: UTF-8 (with or without a byte-order mark) first, then the Windows code page
# that Danish and Norwegian Excel installations write by default.
ENCODINGS = ("utf-8-sig", "cp1252")
DELIMITERS = (",", ";", "\t")


def decode(raw: bytes) -> tuple[str, str]:
    """Return the text and the name of the encoding that read it."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"  # latin-1 decodes any byte string


def sniff_delimiter(header: str) -> str:
    """The delimiter used most often in the header line; a comma when there is none."""
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_table(path: Path, required: list[str]) -> pd.DataFrame:
    """Read `path` into a DataFrame of stripped strings ('' for empty cells).

    `attrs["line"]` maps each row to its line in the file, `attrs["decimal_comma"]` says whether numbers
    may be written with a decimal comma (the file is separated by ';' or tabs).
    Raises InputError naming the file when it is empty or lacks a required column.
    """
    name = path.name
    text, _encoding = decode(path.read_bytes())
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        found = "an empty first line" if text.strip() else "an empty file"
        raise InputError([Problem(name, 1, None, f"a header line with the columns {', '.join(required)}", found)])
    delimiter = sniff_delimiter(lines[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader)]
    missing = [column for column in required if column not in header]
    if missing:
        raise InputError(
            [Problem(name, 1, column, "this column in the header line", "columns " + ", ".join(header)) for column in missing]
        )
    repeated = sorted({column for column in header if header.count(column) > 1})
    if repeated:
        raise InputError([Problem(name, 1, column, "each column once in the header line", "it twice or more") for column in repeated])
    rows, line_numbers = [], []
    last = reader.line_num  # the line a row ends on; a quoted cell may hold line breaks
    try:
        for row in reader:
            first, last = last + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            line_numbers.append(first)
            rows.append([cell.strip() for cell in row] + [""] * (len(header) - len(row)))
    except csv.Error as error:
        expected = 'well-formed CSV (a quote " that opens a cell must close it)'
        raise InputError([Problem(name, last + 1, None, expected, str(error))]) from None
    problems = [
        Problem(name, line, None, f"{len(header)} cells as in the header", f"{len(row)}")
        for line, row in zip(line_numbers, rows)
        if len(row) > len(header) and any(row[len(header):])
    ]
    if problems:
        raise InputError(problems)
    frame = pd.DataFrame([row[: len(header)] for row in rows], columns=header, dtype=str)
    frame.attrs["file"] = name
    frame.attrs["line"] = line_numbers
    frame.attrs["decimal_comma"] = delimiter != ","
    return frame
