"""Read one sheet of a workbook as text cells, as if it had been saved as CSV by hand: Excel's .xlsx with openpyxl,
which also reads the formulas behind the values; old Excel .xls and OpenDocument .ods (LibreOffice) with calamine."""

from __future__ import annotations

import csv
import functools
import re
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from python_calamine import CalamineWorkbook

from pipeline.errors import InputError, Problem
from pipeline.sources.cells import as_text
from pipeline.sources.frame import column_names, to_frame
from pipeline.sources.isolated import MEMORY_BUDGET, Crashed, run_isolated
from pipeline.sources.limits import MAX_FILE_BYTES, MAX_ROWS, Budget, check_size, check_unpacked


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


def _read(
    name: str, values, formulas, required: list[str], header_rows: int, missing: Iterable[str], number_repeats: bool
) -> pd.DataFrame:
    rows, unstored, budget = [], [], Budget(name)
    for number, (cells, written) in enumerate(zip(_rows(name, values), _rows(name, formulas)), start=1):
        for column, (cell, formula) in enumerate(zip(cells, written)):
            if cell is None and isinstance(formula, str) and formula.startswith("="):
                unstored.append((number, column, formula))
        rows.append([as_text(cell) for cell in cells])
        budget.add(number, rows[-1])
    if unstored:
        names = rows[min(header_rows, len(rows)) - 1] if rows else []
        raise InputError(
            [
                Problem(
                    name,
                    number,
                    (names[column] if column < len(names) and names[column] else _column_letter(column + 1)),
                    "the result of the formula (open the file in Excel and save it)",
                    f"the formula {formula} without a stored result",
                )
                for number, column, formula in unstored
            ]
        )
    return _frame(name, rows, required, header_rows, missing, values.title, number_repeats)


def _frame(
    name: str,
    rows: list[list[str]],
    required: list[str],
    header_rows: int,
    missing: Iterable[str],
    sheet: str,
    number_repeats: bool,
) -> pd.DataFrame:
    """The table in a sheet's rows of text, the first of them row 1: blank rows left out, each row keeping its
    number."""
    header = rows[:header_rows]
    if not header or not any(header[0]):
        raise InputError(
            [
                Problem(
                    name,
                    1,
                    None,
                    f"a header row with the columns {', '.join(required) or 'of the table'}",
                    "an empty first row",
                )
            ]
        )
    header = _trimmed(header)
    columns = column_names(name, header, required, number_repeats=number_repeats)
    body = [(number, cells) for number, cells in enumerate(rows[header_rows:], start=header_rows + 1) if any(cells)]
    return to_frame(
        name,
        columns,
        [cells for _, cells in body],
        [number for number, _ in body],
        missing,
        decimal_comma=False,
        sheet=sheet,
        header_rows=header,
    )


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
    check_unpacked(path)  # an .ods file is a zip archive, as an .xlsx is; calamine's memory is bounded by run_isolated
    kind = "an old Excel workbook (.xls)" if path.suffix.lower() == ".xls" else "an OpenDocument spreadsheet (.ods)"
    try:
        names, title, rows, error = run_isolated(_calamine_rows, str(path), sheet, memory=_memory_for(path))
    except Crashed:
        error = "reading it took far more memory than a workbook of its size can need"
    if error:
        raise InputError([Problem(name, None, None, kind, f"a file that is not one, or is damaged ({error})")])
    if title is None or rows is None:  # the child read no sheet only when there is no such sheet
        _no_such_sheet(names, sheet, name)
    budget = Budget(name)
    for number, cells in enumerate(rows, start=1):
        budget.add(number, cells)
    return _frame(name, rows, list(required), header_rows, missing, title, number_repeats)


def _memory_for(path: Path) -> int:
    """What calamine may take for a workbook of this size: a damaged length field asks for gigabytes, and being
    refused them at once is quicker than being given them (a tenth of a second, not six)."""
    return min(MEMORY_BUDGET, 256 * 1024**2 + 30 * path.stat().st_size)


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
    check_unpacked(path)
    stat = path.stat()
    _count_rows(path, stat.st_mtime_ns, stat.st_size)  # once for a file opened twice, with values and with formulas
    try:
        # read_only streams the rows; a survey export of a few thousand rows reads in well under a second.
        return load_workbook(path, read_only=True, data_only=data_only)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise InputError(
            [Problem(path.name, None, None, "an Excel workbook saved as .xlsx", f"a file that is not one ({error})")]
        ) from None
    except Exception as error:  # a damaged part: openpyxl passes on whatever zlib, its XML parser or its classes raise
        raise _damaged(path.name, error) from None


# Tags of the sheet's XML: a row, a row's number, a cell. Expressions that begin with a fixed text are searched fast;
# the prefixed tags (x:row, x:c) that some programs write are looked for only in a sheet that has them.
_ROW = re.compile(rb"<row[\s>/]")
_CELL = re.compile(rb"<c[\s>/]")
_PREFIXED_ROW = re.compile(rb"<[A-Za-z_][\w.-]{0,30}:row[\s>/]")
_PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.-]{0,30}:c[\s>/]")
_ROW_NUMBER = re.compile(rb"row\s[^>]{0,300}?\br\s*=\s*[\"'](\d{1,12})[\"']")
_CHUNK = 1024 * 1024


@functools.lru_cache(maxsize=8)
def _count_rows(path: Path, modified: int, size: int) -> None:
    """Count the rows and cells of every sheet in its unpacked XML, a megabyte at a time, before openpyxl parses
    anything (it reads a sheet that does not state its size whole just to open the workbook, and parses about
    10,000 rows a second): a sheet of more rows than a CSV file may have, or of more cells than its bytes, is
    refused by the thousandth part of the time parsing would take. The rows a sheet numbers but leaves out (a
    single cell in row 1,000,000,000) count, since a reader yields each of them as an empty row."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # openpyxl names it
    with archive:
        for part in archive.infolist():
            if "worksheets/" not in part.filename.lower() or not part.filename.lower().endswith(".xml"):
                continue
            try:
                with archive.open(part) as sheet:
                    _count_in(path.name, sheet)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error):
                return  # damage: openpyxl names it


def _count_in(name: str, sheet) -> None:
    rows = cells = numbered = 0
    carry = b""
    while chunk := sheet.read(_CHUNK):
        if b"<" not in chunk:  # a megabyte of one cell's text or one attribute: parsed, it would be held whole
            expected = f"cells of at most {csv.field_size_limit():,} characters, as in a CSV file"
            raise InputError([Problem(name, None, None, expected, "a cell or a value of more than a million bytes")])
        text = carry + chunk
        cut = text.rfind(b"<")  # a tag the chunk ends in is counted with the next chunk, whole
        cut = cut if cut > 0 and len(text) - cut < _CHUNK else len(text)
        text, carry = text[:cut], text[cut:]
        rows += len(_ROW.findall(text))
        cells += len(_CELL.findall(text))
        if b":row" in text:
            rows, cells = rows + len(_PREFIXED_ROW.findall(text)), cells + len(_PREFIXED_CELL.findall(text))
        numbered = max([numbered, *map(int, _ROW_NUMBER.findall(text))])
        if max(rows, numbered) > MAX_ROWS:
            found = f"row {max(rows, numbered):,}" + (" numbered in the sheet" if numbered > rows else "")
            expected = f"a sheet of at most {MAX_ROWS:,} rows, as a CSV file may have"
            raise InputError([Problem(name, None, None, expected, found)])
        if cells > MAX_FILE_BYTES:
            expected = f"a sheet of at most {MAX_FILE_BYTES:,} cells, as a CSV file may have"
            raise InputError([Problem(name, None, None, expected, "more cells")])


def _rows(name: str, sheet):
    """The sheet's rows as values. A read-only sheet parses its XML as the rows are taken, so damage shows here."""
    try:
        yield from sheet.iter_rows(values_only=True)
    except Exception as error:
        raise _damaged(name, error) from None


def _damaged(name: str, error: Exception) -> InputError:
    message = (str(error).splitlines() or [""])[0][:120]
    return InputError(
        [
            Problem(
                name,
                None,
                None,
                "an Excel workbook saved as .xlsx",
                f"a damaged workbook ({type(error).__name__}: {message})",
            )
        ]
    )


def _sheet(workbook, sheet: str | None, file: str):
    """The worksheet to read, its size taken from its cells: Microsoft Forms, among others, stores the size of every
    sheet as one cell (`<dimension ref="A1"/>`), and a read-only sheet trusts what is stored (openpyxl's advice)."""
    found = workbook[_sheet_name([w.title for w in workbook.worksheets], sheet, file)]
    found.reset_dimensions()
    return found


def _sheet_name(names: list[str], sheet: str | None, file: str) -> str:
    if sheet is None and names:
        return names[0]
    if sheet is not None and sheet in names:
        return sheet
    _no_such_sheet(names, sheet, file)


def _no_such_sheet(names: list[str], sheet: str | None, file: str) -> NoReturn:
    """The problem naming the sheets there are."""
    if sheet is None:
        raise InputError([Problem(file, None, "sheet", "a workbook with a worksheet", "a workbook without one")])
    raise InputError([Problem(file, None, "sheet", f"one of the sheets {names}", repr(sheet))])


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
    workbook, rows, budget = _open(path, data_only=True), [], Budget(path.name)
    try:
        for number, cells in enumerate(_rows(path.name, _sheet(workbook, sheet, path.name)), start=1):
            row = [as_text(cell) for cell in cells]
            budget.add(number, row)
            if any(row):
                rows.append(row)
    finally:
        workbook.close()
    return rows
