"""Read one sheet of a workbook as text cells, as if it had been saved as CSV by hand: Excel's .xlsx with openpyxl,
which also reads the formulas behind the values; old Excel .xls and OpenDocument .ods (LibreOffice) with calamine."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from python_calamine import CalamineWorkbook

from pipeline.errors import InputError, Problem
from pipeline.sources.cells import as_text
from pipeline.sources.frame import column_names, to_frame
from pipeline.sources.isolated import Crashed, run_isolated
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
    number_repeats: bool = False,
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
            sheets = _sheet(with_values, sheet, name), _sheet(with_formulas, sheet, name)
            return _read(name, *sheets, list(required), header_rows, missing, number_repeats)
        finally:
            with_formulas.close()
    finally:
        with_values.close()  # a read-only workbook keeps its file open until closed


def _read(name: str, values, formulas, required: list[str], header_rows: int, missing: Iterable[str], number_repeats: bool) -> pd.DataFrame:
    rows, unstored = [], []
    for number, (cells, written) in enumerate(zip(_rows(name, values), _rows(name, formulas)), start=1):
        for column, (cell, formula) in enumerate(zip(cells, written)):
            if cell is None and isinstance(formula, str) and formula.startswith("="):
                unstored.append((number, column, formula))
        rows.append([as_text(cell) for cell in cells])
    if unstored:
        names = rows[min(header_rows, len(rows)) - 1] if rows else []
        raise InputError(
            [
                Problem(name, number, (names[column] if column < len(names) and names[column] else _column_letter(column + 1)),
                        "the result of the formula (open the file in Excel and save it)", f"the formula {formula} without a stored result")
                for number, column, formula in unstored
            ]
        )
    return _frame(name, rows, required, header_rows, missing, values.title, number_repeats)


def _frame(
    name: str, rows: list[list[str]], required: list[str], header_rows: int, missing: Iterable[str], sheet: str, number_repeats: bool
) -> pd.DataFrame:
    """The table in a sheet's rows of text, the first of them row 1: blank rows left out, each row keeping its number."""
    header = rows[:header_rows]
    if not header or not any(header[0]):
        raise InputError([Problem(name, 1, None, f"a header row with the columns {', '.join(required) or 'of the table'}", "an empty first row")])
    header = _trimmed(header)
    columns = column_names(name, header, required, number_repeats=number_repeats)
    body = [(number, cells) for number, cells in enumerate(rows[header_rows:], start=header_rows + 1) if any(cells)]
    return to_frame(name, columns, [cells for _, cells in body], [number for number, _ in body], missing, decimal_comma=False, sheet=sheet, header_rows=header)


def read_workbook(
    path: Path,
    required: Iterable[str] = (),
    *,
    sheet: str | None = None,
    header_rows: int = 1,
    missing: Iterable[str] = (),
    number_repeats: bool = False,
) -> pd.DataFrame:
    """Read the first sheet of an old Excel workbook (.xls) or an OpenDocument spreadsheet (.ods), or the one named
    `sheet`, as `read_excel` reads an .xlsx: dates as YYYY-MM-DD, whole numbers without '.0', formulas as their
    stored results, `attrs["line"]` the sheet's row numbers."""
    name = path.name
    check_size(path)
    kind = "an old Excel workbook (.xls)" if path.suffix.lower() == ".xls" else "an OpenDocument spreadsheet (.ods)"
    try:
        names, title, rows, error = run_isolated(_calamine_rows, str(path), sheet)
    except Crashed:
        error = "reading it took far more memory than a workbook of its size can need"
    if error:
        raise InputError([Problem(name, None, None, kind, f"a file that is not one, or is damaged ({error})")])
    if title is None:
        _sheet_name(names, sheet, name)  # the problem naming the sheets there are
    return _frame(name, rows, list(required), header_rows, missing, title, number_repeats)


def _calamine_rows(path: str, sheet: str | None) -> tuple[list[str], str | None, list[list[str]] | None, str | None]:
    """In a child process (calamine aborts on a damaged length field): the workbook's sheet names, the sheet read
    (None when there is no such sheet), its rows as text from A1, empty rows included so that each keeps the number
    the spreadsheet shows, and the error met, if any."""
    try:
        workbook = CalamineWorkbook.from_path(path)
        names = list(workbook.sheet_names)
        title = names[0] if sheet is None and names else sheet
        if title not in names:
            return names, None, None, None
        rows = workbook.get_sheet_by_name(title).to_python(skip_empty_area=False)
        return names, title, [[as_text(cell) for cell in cells] for cells in rows], None
    except BaseException as error:  # calamine reports damage as its own error, or as a Rust panic (a BaseException)
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        return [], None, None, (str(error).splitlines() or [""])[0][:120] or type(error).__name__


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
    """The worksheet to read, its size taken from its cells: Microsoft Forms, among others, stores the size of every
    sheet as one cell (`<dimension ref="A1"/>`), and a read-only sheet trusts what is stored (openpyxl's advice)."""
    found = workbook[_sheet_name([w.title for w in workbook.worksheets], sheet, file)]
    found.reset_dimensions()
    return found


def _sheet_name(names: list[str], sheet: str | None, file: str) -> str:
    if sheet is None:
        if not names:
            raise InputError([Problem(file, None, "sheet", "a workbook with a worksheet", "a workbook without one")])
        return names[0]
    if sheet not in names:
        raise InputError([Problem(file, None, "sheet", f"one of the sheets {names}", repr(sheet))])
    return sheet


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
