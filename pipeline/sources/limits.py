"""How large an input file may be: a wrong file (a database dump, a video, a zip bomb) is refused at once with a
clear problem, instead of being read into memory for minutes and then failing somewhere less clear.

One set of limits for every format: a workbook may hold what a CSV file may hold. A workbook is a zip archive, so
its size on disk says little (deflate packs a sheet of repeated rows 300:1): what it unpacks to is checked before
it is read, and its rows and the text of its cells are counted while the sheet is streamed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.errors import InputError, Problem

# Far above any table a project or a survey tool writes (100 000 respondents of 100 answers fit in a tenth of it),
# far below what would make reading slow or run out of memory.
MAX_FILE_BYTES = 100 * 1024 * 1024

# Rows of a table (or figures of a statistics table): twice the million respondents measured in docs/inputs.md.
MAX_ROWS = 2_000_000

# What a workbook's parts may unpack to: a sheet's XML spends about ten bytes of markup for each byte of a cell, so
# a workbook holding a CSV file's worth of cells unpacks to about ten times the CSV file.
MAX_UNPACKED_BYTES = 10 * MAX_FILE_BYTES


def check_size(path: Path, limit: int = MAX_FILE_BYTES) -> None:
    """Raise InputError naming the file when it is larger than `limit` bytes; only its size is looked at."""
    size = path.stat().st_size
    if size > limit:
        raise InputError(
            [
                Problem(
                    path.name,
                    None,
                    None,
                    f"a file of at most {_megabytes(limit)} (is it the right file?)",
                    f"a file of {_megabytes(size)}",
                )
            ]
        )


def check_unpacked(path: Path) -> None:
    """Raise InputError when a zip archive (an .xlsx or .ods workbook) unpacks to more than MAX_UNPACKED_BYTES.

    The sizes are those the archive declares, read without unpacking anything; Python's zipfile never unpacks a
    part beyond its declared size (it stops there and calls the part damaged), so a lie does not get past. A file
    that is not an archive is left to its reader to name.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    unpacked, packed = sum(part.file_size for part in parts), _megabytes(path.stat().st_size)
    # Every part but a sheet (shared strings, styles) is read whole before the first row: a CSV file's worth or so.
    whole = next((part for part in parts if part.file_size > 2 * MAX_FILE_BYTES and not _sheet(part.filename)), None)
    if whole is not None:
        found = f"{whole.filename} of {_megabytes(whole.file_size)} unpacked from a file of {packed}"
        expected = f"a workbook whose parts besides its sheets unpack to at most {_megabytes(2 * MAX_FILE_BYTES)}"
        raise InputError([Problem(path.name, None, None, expected, found)])
    if unpacked > MAX_UNPACKED_BYTES:
        largest = max(parts, key=lambda part: part.file_size)
        found = f"{_megabytes(unpacked)} unpacked ({largest.filename}: {_megabytes(largest.file_size)})"
        found += f" from a file of {packed}"
        expected = f"a workbook that unpacks to at most {_megabytes(MAX_UNPACKED_BYTES)}"
        raise InputError([Problem(path.name, None, None, expected, found)])


def _sheet(part: str) -> bool:
    return "worksheets/" in part.lower() or part == "content.xml"  # an .xlsx sheet; an .ods file's sheets


class Budget:
    """Rows and text counted while a table is read, refused at the first row past a limit: the same limits for a
    sheet as for a CSV file (MAX_ROWS rows, MAX_FILE_BYTES of cells, each counted with a delimiter after it, so
    that a sheet of 16,384 empty columns a row counts as what it is). `cells` are text."""

    def __init__(self, file: str, rows: int = 0):
        self.file, self.rows, self.text = file, rows, 0  # `rows` already read: a header

    def add(self, row: int, cells) -> None:
        self.rows += 1
        if self.rows > MAX_ROWS:
            raise InputError([Problem(self.file, row, None, f"a table of at most {MAX_ROWS:,} rows", "more rows")])
        self.text += sum(len(cell) + 1 for cell in cells)  # each cell and the delimiter after it, as in a CSV file
        if self.text > MAX_FILE_BYTES:
            expected = f"a table that saved as CSV is at most {_megabytes(MAX_FILE_BYTES)}, as a CSV file may be"
            raise InputError([Problem(self.file, row, None, expected, f"more than that by row {row:,}")])


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"
