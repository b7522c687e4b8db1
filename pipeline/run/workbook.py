"""<report>.xlsx beside each report: its success criteria and milestones as two sheets, made from the results the
notebook published, for evaluators who work on in Excel. No text ever becomes a formula."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.present.i18n import Messages

# A cell starting with one of these is run as a formula by Excel or LibreOffice (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMATS = {"da": "dd.mm.yyyy", "nb": "dd.mm.yyyy", "en": "dd/mm/yyyy"}
PERCENT = "0.0%"
# The catalogue has no plain word for a unit, and project.yaml's unit noun is not in the results.
UNIT = {"da": "Enhed", "nb": "Enhet", "en": "Unit"}


@dataclass(frozen=True)
class Column:
    heading: str
    width: float  # in characters, as Excel counts them
    number_format: str | None = None


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, made inert by a leading apostrophe (OWASP's advice)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def workbook(results: dict) -> bytes:
    """The .xlsx file: sheets "Criteria" and "Milestones", words in the report's language."""
    t = Messages(results["language"])
    book = Workbook()
    criteria = book.active
    criteria.title = "Criteria"
    write_sheet(criteria, *criteria_table(results, t))
    write_sheet(book.create_sheet("Milestones"), *milestones_table(results, t))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def criteria_table(results: dict, t: Messages) -> tuple[list[Column], list[list]]:
    columns = [
        Column("ID", 8),
        Column(t("criterion"), 60),
        Column(t("measured_by"), 14),
        Column(t("result"), 12),
        Column(t("target"), 12),
        Column(t("attainment"), 14, PERCENT),
        Column(t("status"), 18),
    ]
    rows = [
        [c["id"], c["title"], c["kind"], c["actual"], c["target"], c["attainment"], t(c["status"])]
        for c in results["criteria"]
    ]
    return columns, rows


def milestones_table(results: dict, t: Messages) -> tuple[list[Column], list[list]]:
    day = DATE_FORMATS[t.language]
    columns = [
        Column("ID", 8),
        Column(t("milestone"), 60),
        Column(UNIT[t.language], 16),
        Column(t("phase"), 16),
        Column(t("planned"), 12, day),
        Column(t("forecast"), 12, day),
        Column(t("actual"), 12, day),
        Column(t("outcome"), 26),
        Column(t("slippage"), 12, "0"),
    ]
    rows = [
        [
            m["id"],
            m["title"],
            m["unit_name"] or m["unit"],
            m["phase"],
            _date(m["planned"]),
            _date(m["forecast"]),
            _date(m["actual"]),
            t(m["outcome"]),
            m["slippage_days"],
        ]
        for m in results.get("milestone_rows", [])
    ]
    return columns, rows


def write_sheet(sheet: Worksheet, columns: list[Column], rows: list[list]) -> None:
    """Bold headings in a frozen first row with a filter, set widths, and formats per column."""
    sheet.append([column.heading for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in rows:
        sheet.append([_cell_value(value) for value in values])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        if column.number_format:
            for cell in sheet[letter][1:]:
                cell.number_format = column.number_format
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _cell_value(value):
    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))  # control characters Excel cannot store
    return value


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
