"""Any table with one row per respondent (`--from csv`), whatever tool made it: a CSV or TSV file, an Excel .xlsx or
.xls workbook, an OpenDocument .ods spreadsheet or an SPSS .sav file.

Every column is a question, except what the file shows is not one: the respondents' ids (used when the user names
the column with --id-column, else dropped: ids are made), columns holding only dates or times (when each
respondent answered; the wave's year comes from the last of them), and personal data, dropped as by every importer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline.errors import EvalreportError
from pipeline.importers.export import Export, Question, from_table, heading, is_personal, require_column
from pipeline.sources.readers import EXCEL_SUFFIXES, OTHER_WORKBOOK_SUFFIXES, read_any

TOOL = "csv"

_DATE = re.compile(
    r"\d{1,4}([./-])\d{1,2}\1\d{1,4}(?:[ "
    r"T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?"
)

# Headings of a column of respondent ids, compared after `heading`.
ID_HEADINGS = {
    "id",
    "respondent id",
    "respondentid",
    "response id",
    "responseid",
    "løpenr",
    "løpenummer",
    "lopenr",
    "lnr",
    "record id",
}


def read_export(path: Path, *, id_column: str | None = None, sheet: str | None = None) -> Export:
    path = Path(path)
    if sheet and path.suffix.lower() not in EXCEL_SUFFIXES + OTHER_WORKBOOK_SUFFIXES:
        raise EvalreportError(f"--sheet: {path.name} is not a workbook (.xlsx, .xls or .ods), so it has no sheets")
    # Codes meaning "no answer" are blanked, and counted, later; two questions may be asked in the same words.
    frame = read_any(path, sheet=sheet, missing=(), number_repeats=True)
    respondent = require_column(frame, "respondent id (--id-column)", id_column) if id_column else None
    ids = [] if respondent else [c for c in frame.columns if heading(c) in ID_HEADINGS]
    dates = [
        c for c in frame.columns if c not in ids and c != respondent and not is_personal(c) and _holds_dates(frame, c)
    ]
    own = [c for c in frame.columns if c in ids or c in dates]
    submitted = dates[-1] if dates else None
    texts, answers = frame.attrs.get("labels", {}), frame.attrs.get("value_labels", {})  # an SPSS file's, else none
    entries = [
        (Question("", texts.get(c) or c, c, labels=answers.get(c)), frame[c].tolist())
        for c in frame.columns
        if c not in (respondent, submitted)
    ]
    export = from_table(
        TOOL, frame, id_column=respondent, date_column=submitted, is_system=lambda c: c in own, entries=entries
    )
    export.system = own  # the date column used is not a question either: named with the rest
    return export


def _holds_dates(frame: pd.DataFrame, column: str) -> bool:
    """A column in which every filled cell is a date, or a date and a time, written in numbers any way
    (2025-10-06, 06.10.2025 09:07, 9/8/18 3:42 PM): when each respondent answered, not a question."""
    filled = [cell for cell in frame[column] if cell]
    return bool(filled) and all(_DATE.fullmatch(cell) for cell in filled)
