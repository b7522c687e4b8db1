"""One door for reading a table from any file a user may have: CSV or TSV, Excel .xlsx or .xls, OpenDocument .ods,
SPSS .sav."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.errors import InputError, Problem
from pipeline.sources.csv import read_records, read_table
from pipeline.sources.excel import read_excel, read_sheet_records, read_workbook
from pipeline.sources.frame import STANDARD_MISSING
from pipeline.sources.spss import read_sav

TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".tab")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
OTHER_WORKBOOK_SUFFIXES = (".xls", ".ods")
SPSS_SUFFIXES = (".sav", ".zsav")


def read_any(
    path: Path,
    required: Iterable[str] = (),
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    missing: Iterable[str] = STANDARD_MISSING,
    header_rows: int = 1,
    number_repeats: bool = False,
) -> pd.DataFrame:
    """Read `path` as text cells, choosing the reader by the file's extension.

    Every reader returns the same shape (see `read_table`); the standard missing-value codes ('.', '..', ':',
    'NULL') are empty cells unless `missing` says otherwise, and codes a file declares (such as '-1') are added
    with `missing=STANDARD_MISSING + ("-1",)`. `sheet` applies to workbooks, `encoding` and `delimiter` to text
    files, `header_rows` and `number_repeats` (a repeated heading named 'Heading (2)', not refused) to both.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError([Problem(path.name, None, None, f"a file at {path}", "nothing there")])
    if suffix in TEXT_SUFFIXES:
        return read_table(
            path,
            list(required),
            encoding=encoding,
            delimiter=delimiter,
            missing=missing,
            header_rows=header_rows,
            number_repeats=number_repeats,
        )
    if suffix in EXCEL_SUFFIXES:
        return read_excel(
            path, required, sheet=sheet, header_rows=header_rows, missing=missing, number_repeats=number_repeats
        )
    if suffix in OTHER_WORKBOOK_SUFFIXES:
        return read_workbook(
            path, required, sheet=sheet, header_rows=header_rows, missing=missing, number_repeats=number_repeats
        )
    if suffix in SPSS_SUFFIXES:
        return read_sav(path, required, missing=missing)
    known = ", ".join(TEXT_SUFFIXES + EXCEL_SUFFIXES + OTHER_WORKBOOK_SUFFIXES + SPSS_SUFFIXES)
    raise InputError(
        [Problem(path.name, None, None, f"a file ending in one of {known}", repr(path.suffix or "no extension"))]
    )


def read_rows(
    path: Path, *, sheet: str | None = None, encoding: str | None = None, delimiter: str | None = None
) -> list[list[str]]:
    """Every non-blank row of a table that has no header row (a CSV file or a sheet), as text cells."""
    path = Path(path)
    if not path.is_file():
        raise InputError([Problem(path.name, None, None, f"a file at {path}", "nothing there")])
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return read_sheet_records(path, sheet)
    return read_records(path, encoding=encoding, delimiter=delimiter)
