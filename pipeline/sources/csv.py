"""Read a CSV table as text cells, whatever its encoding and delimiter, so that validation sees what the user wrote."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.errors import InputError, Problem
from pipeline.sources import limits
from pipeline.sources.frame import cleaned, column_names, columns_frame, to_frame
from pipeline.sources.limits import Budget, check_size

# Tried in order when a file has no byte-order mark: UTF-8 first, then the Windows code page that Danish and
# Norwegian Excel installations write by default; latin-1 last, since it decodes any byte string.
ENCODINGS = ("utf-8-sig", "cp1252")
DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "','", ";": "';'", "\t": "tab"}

# Enough rows to tell the delimiter by, few enough to cost nothing on a large file.
SNIFF_ROWS = 50

# The first line as str.splitlines() ends it.
FIRST_LINE = re.compile("[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*")
# A line with its end, as io.StringIO(text, newline="") gives it to the csv module.
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` for the csv module, taken as it reads them: a StringIO would copy the whole text first,
    a hundred megabytes for the first rows."""
    return (line.group() for line in LINE.finditer(text))


def decode(raw: bytes, encoding: str | None = None, file: str = "") -> tuple[str, str]:
    """Return the text and the name of the encoding that read it.

    A declared encoding is used as declared. Otherwise a byte-order mark decides (UTF-8 or UTF-16, as Excel's
    "Unicode text" and SurveyXact's exports write), then UTF-16 without a mark is recognised by its zero bytes,
    then UTF-8, cp1252 and latin-1 are tried in turn.
    """
    if encoding:
        return _decode_declared(raw, encoding, file), encoding
    if raw.startswith(codecs.BOM_UTF8):
        return _decode_declared(raw, "utf-8", file), "utf-8-sig"  # a mark, then bytes that are not UTF-8: a problem
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_declared(raw, "utf-16", file), "utf-16"
    utf16 = _bomless_utf16(raw)
    if utf16:
        return _decode_declared(raw, utf16, file), utf16
    for candidate in ENCODINGS:
        try:
            return raw.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def _decode_declared(raw: bytes, encoding: str, file: str) -> str:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            [Problem(file, None, None, "a known encoding such as utf-8, cp1252 or utf-16", repr(encoding))]
        ) from None
    if codec == "utf-8" and raw.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"  # the mark is not part of the first column's name
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            [
                Problem(
                    file,
                    line,
                    None,
                    f"text in the {encoding} encoding",
                    f"a byte that {encoding} cannot read ({error.reason})",
                )
            ]
        ) from None


def _bomless_utf16(raw: bytes) -> str | None:
    """UTF-16 written without a byte-order mark: ASCII letters leave a zero byte in every other place."""
    sample = raw[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def read_text(path: Path, encoding: str | None = None) -> tuple[str, str]:
    """The text of a table file and its encoding; a file too large, or holding NUL bytes (a binary file such as a
    workbook or an image saved under a text file's name), is a problem rather than columns of garbage."""
    name = path.name
    check_size(path)
    text, used_encoding = decode(path.read_bytes(), encoding, name)
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        found = "a NUL byte, as in a binary file (an Excel workbook, an image or a PDF under a text file's name)"
        raise InputError([Problem(name, line, None, "a text file (CSV), which holds no NUL bytes", found)])
    return text, used_encoding


def _malformed(name: str, line: int, error: csv.Error) -> InputError:
    """A csv module error as a problem: a cell over the field limit is nearly always a quote that never closes."""
    expected = 'well-formed CSV (a quote " that opens a cell must close it)'
    if "field limit" in str(error):
        expected = (
            f'cells of at most {csv.field_size_limit():,} characters; a longer one usually means a quote " that '
            "opens a cell and never closes"
        )
    return InputError([Problem(name, line, None, expected, str(error))])


def choose_delimiter(text: str, file: str) -> str:
    """The delimiter that splits the header and the first rows into the same number of cells.

    A header that splits into several columns by one delimiter alone is clear. When two delimiters both split it
    and the rows cannot tell which is meant, the file mixes them and the user must say: a Problem, not a guess.
    A tab wins such a tie, since nobody types one inside a cell.
    """
    scores: dict[str, float] = {}
    widths: dict[str, int] = {}
    for delimiter in DELIMITERS:
        rows = _first_rows(text, delimiter)
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        widths[delimiter] = width
        body = rows[1:]
        scores[delimiter] = sum(_fits(row, width) for row in body) / len(body) if body else 1.0
    if not scores:
        return ","
    best = max(scores.values())
    tied = [d for d in DELIMITERS if scores.get(d) == best]
    if len(tied) == 1:
        return tied[0]
    if "\t" in tied:
        return "\t"
    found = " and ".join(f"{widths[d]} columns by {DELIMITER_NAMES[d]}" for d in tied)
    raise InputError(
        [
            Problem(
                file,
                1,
                None,
                "one delimiter (',', ';' or tab) between all the columns of the header line",
                f"a header that splits into {found}",
            )
        ]
    )


def _first_rows(text: str, delimiter: str) -> list[list[str]]:
    rows: list[list[str]] = []
    reader = csv.reader(_lines(text), delimiter=delimiter)
    try:
        for row in reader:
            if rows and not any(cell.strip() for cell in row):
                continue
            rows.append(row)
            if len(rows) > SNIFF_ROWS:
                break
    except csv.Error:
        pass  # reading the whole file reports it with its line
    return rows


def _fits(row: list[str], width: int) -> bool:
    return len(row) == width or (len(row) > width and not any(cell.strip() for cell in row[width:]))


def read_table(
    path: Path,
    required: list[str],
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    missing: Iterable[str] = (),
    header_rows: int = 1,
    number_repeats: bool = False,
) -> pd.DataFrame:
    """Read `path` into a DataFrame of stripped strings ('' for empty cells).

    `attrs["line"]` maps each row to its number as a spreadsheet shows it (the header is row 1; blank lines are rows;
    a quoted cell holding line breaks does not add any), `attrs["decimal_comma"]` says whether numbers
    may be written with a decimal comma (the file is separated by ';' or tabs); `attrs["encoding"]`,
    `attrs["delimiter"]` and `attrs["header_rows"]` (the header cells as written) say how it was read.
    `encoding` and `delimiter` override detection; cells holding one of the `missing` codes become '';
    with `header_rows` > 1 the column names join the header rows, and `number_repeats` names a repeated heading
    'Heading (2)' instead of refusing it (see `frame.column_names`).
    Raises InputError naming the file when it is empty, mixes delimiters or lacks a required column.
    """
    name = path.name
    text, used_encoding = read_text(path, encoding)
    first_line = FIRST_LINE.match(text).group()  # type: ignore[union-attr]  # it matches any text, if only ''
    if not first_line.strip():
        found = "an empty first line" if text.strip() else "an empty file"
        raise InputError([Problem(name, 1, None, f"a header line with the columns {', '.join(required)}", found)])
    delimiter = delimiter or choose_delimiter(text, name)
    reader = csv.reader(_lines(text), delimiter=delimiter)
    header: list[list[str]] = []
    try:
        for row in reader:
            header.append(row)
            if len(header) == header_rows:
                break
    except csv.Error as error:
        raise _malformed(name, reader.line_num, error) from None
    if len(header) < header_rows:
        raise InputError([Problem(name, reader.line_num + 1, None, f"{header_rows} header lines", f"{len(header)}")])
    columns = column_names(name, header, required, number_repeats=number_repeats)
    attrs = {
        "decimal_comma": delimiter != ",",
        "encoding": used_encoding,
        "delimiter": delimiter,
        "header_rows": [list(row) for row in header],
    }
    quick = _read_quickly(text, delimiter, header, len(columns), missing)
    if quick is not None:
        cells, row_numbers = quick
        return columns_frame(name, columns, cells, row_numbers, **attrs)
    rows, row_numbers, budget = [], [], Budget(name, header_rows)
    last = reader.line_num  # the line a row ends on, for a malformed row: a quoted cell may hold line breaks
    try:
        for number, row in enumerate(reader, start=header_rows + 1):
            last = reader.line_num
            budget.add(number, row)
            if not any(cell.strip() for cell in row):
                continue
            row_numbers.append(number)
            rows.append(row)
    except csv.Error as error:
        raise _malformed(name, last + 1, error) from None
    return to_frame(name, columns, rows, row_numbers, missing, **attrs)


def _read_quickly(
    text: str, delimiter: str, header: list[list[str]], width: int, missing: Iterable[str]
) -> tuple[list[np.ndarray], list[int]] | None:
    """The rows below the header as `read_table` takes them, cleaned column by column, and their row numbers, read by
    pandas' C parser (ten times the csv module's pace on a survey of a million rows); None for a file it does not read
    exactly as the csv module does, or that comes near a limit: `read_table` then reads it row by row and names the
    row where something is wrong.

    The two parsers agree on quotes, blank lines and line ends; where they do not, the C parser refuses (a row
    longer than the header, a quote left open at the end), and the header rows are compared. Each cell with its
    delimiter takes at least as many characters in the text as `Budget` counts for it, so a text within the file
    size limit keeps within the budget, whose row count is compared here.
    """
    if len(text) >= limits.MAX_FILE_BYTES:
        return None
    try:
        parsed = pd.read_csv(
            io.BytesIO(text.encode("utf-8")),  # a StringIO holds four bytes a character: 400 MB for a 100 MB file
            encoding="utf-8",
            sep=delimiter,
            header=None,
            dtype=object,
            na_filter=False,
            skip_blank_lines=False,  # a blank line is a row, numbered as the csv module numbers it
            engine="c",
            quotechar='"',
            doublequote=True,
        )
    except ValueError:  # ParserError among them (and a lone surrogate UTF-8 cannot hold): the csv module tells the row
        return None
    if (
        len(parsed) > limits.MAX_ROWS
        or parsed.shape[1] != width
        or any([*row, *[""] * (width - len(row))] != parsed.iloc[i].tolist() for i, row in enumerate(header))
    ):
        return None
    body = parsed.iloc[len(header) :]
    cells, written = [], np.zeros(len(body), dtype=bool)
    for column in range(width):
        shown, held, longest = cleaned(body[column].to_numpy(dtype=object), missing)
        if longest > csv.field_size_limit():
            return None  # a cell the csv module refuses
        cells.append(shown)
        written |= held
    if written.all():  # no blank row to leave out
        return cells, list(range(len(header) + 1, len(header) + 1 + len(body)))
    kept = np.flatnonzero(written)
    return [column[kept] for column in cells], (kept + len(header) + 1).tolist()


def read_records(path: Path, *, encoding: str | None = None, delimiter: str | None = None) -> list[list[str]]:
    """Every row of a headerless CSV file as stripped cells, blank rows left out."""
    name = path.name
    text, _ = read_text(path, encoding)
    reader = csv.reader(_lines(text), delimiter=delimiter or choose_delimiter(text, name))
    rows, budget = [], Budget(name)
    try:
        for row in reader:
            budget.add(reader.line_num, row)
            if any(cell.strip() for cell in row):
                rows.append([cell.strip() for cell in row])
        return rows
    except csv.Error as error:
        raise _malformed(name, reader.line_num, error) from None
