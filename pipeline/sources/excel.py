"""Read one sheet of an Excel workbook (.xlsx) as text cells, as if it had been saved as CSV by hand."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from pipeline.errors import InputError, Problem
from pipeline.sources.cells import as_text
from pipeline.sources.frame import column_names, to_frame
from pipeline.sources.limits import check_size


def sheet_names(path: Path) -> list[str]:
    workbook = _open(path, data_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def read_excel(
    path: Path,
    required: Iterable[str] = (),
    *,
    sheet: str | None = None,
    header_rows: int = 1,
    missing: Iterable[str] = (),
) -> pd.DataFrame:
    """Read the first sheet, or the one named `sheet`, into a DataFrame of stripped strings.

    Dates come out as YYYY-MM-DD (not Excel's day numbers), a formula as the result Excel stored when the file
    was last saved. A formula with no stored result (a file written by a program, never opened in Excel) is a
    Problem: reading it as empty would lose a value without a word. `attrs["line"]` holds Excel's row numbers.
    """
    name = path.name
    with_values = _open(path, data_only=True)
    try:
        with_formulas = _open(path, data_only=False)
        try:
            return _read(name, _sheet(with_values, sheet, name), _sheet(with_formulas, sheet, name), list(required), header_rows, missing)
        finally:
            with_formulas.close()
    finally:
        with_values.close()  # a read-only workbook keeps its file open until closed


def _read(name: str, values, formulas, required: list[str], header_rows: int, missing: Iterable[str]) -> pd.DataFrame:
    header: list[list[str]] = []
    rows, lines, unstored = [], [], []
    for number, (cells, written) in enumerate(zip(_rows(name, values), _rows(name, formulas)), start=1):
        texts = [as_text(cell) for cell in cells]
        for column, (cell, formula) in enumerate(zip(cells, written)):
            if cell is None and isinstance(formula, str) and formula.startswith("="):
                unstored.append((number, column, formula))
        if len(header) < header_rows:
            header.append(texts)
            continue
        if not any(texts):
            continue
        rows.append(texts)
        lines.append(number)
    if unstored:
        names = header[-1] if header else []
        raise InputError(
            [
                Problem(name, number, (names[column] if column < len(names) and names[column] else _column_letter(column + 1)),
                        "the result of the formula (open the file in Excel and save it)", f"the formula {formula} without a stored result")
                for number, column, formula in unstored
            ]
        )
    if not header or not any(header[0]):
        raise InputError([Problem(name, 1, None, f"a header row with the columns {', '.join(required) or 'of the table'}", "an empty first row")])
    header = _trimmed(header)
    columns = column_names(name, header, required)
    return to_frame(name, columns, rows, lines, missing, decimal_comma=False, sheet=values.title, header_rows=header)


def _open(path: Path, data_only: bool):
    check_size(path)
    try:
        # read_only streams the rows; a survey export of a few thousand rows reads in well under a second.
        return load_workbook(path, read_only=True, data_only=data_only)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise InputError([Problem(path.name, None, None, "an Excel workbook saved as .xlsx", f"a file that is not one ({error})")]) from None
    except Exception as error:  # a damaged part: openpyxl passes on whatever zlib, its XML parser or its classes raise
        raise _damaged(path.name, error) from None


def _rows(name: str, sheet):
    """The sheet's rows as values. A read-only sheet parses its XML as the rows are taken, so damage shows here."""
    try:
        yield from sheet.iter_rows(values_only=True)
    except Exception as error:
        raise _damaged(name, error) from None


def _damaged(name: str, error: Exception) -> InputError:
    message = (str(error).splitlines() or [""])[0][:120]
    return InputError([Problem(name, None, None, "an Excel workbook saved as .xlsx", f"a damaged workbook ({type(error).__name__}: {message})")])


def _sheet(workbook, sheet: str | None, file: str):
    if sheet is None:
        if not workbook.worksheets:
            raise InputError([Problem(file, None, "sheet", "a workbook with a worksheet", "a workbook without one")])
        return workbook.worksheets[0]
    if sheet not in workbook.sheetnames:
        raise InputError([Problem(file, None, "sheet", f"one of the sheets {workbook.sheetnames}", repr(sheet))])
    return workbook[sheet]


def _trimmed(header: list[list[str]]) -> list[list[str]]:
    """Drop the empty columns a worksheet reports to the right of its last heading."""
    width = max((i + 1 for row in header for i, cell in enumerate(row) if cell), default=0)
    return [row[:width] for row in header]


def _column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_sheet_records(path: Path, sheet: str | None = None) -> list[list[str]]:
    """Every row of a sheet without a header row as text cells, blank rows left out."""
    workbook = _open(path, data_only=True)
    try:
        rows = [[as_text(cell) for cell in row] for row in _rows(path.name, _sheet(workbook, sheet, path.name))]
    finally:
        workbook.close()
    return [row for row in rows if any(row)]
