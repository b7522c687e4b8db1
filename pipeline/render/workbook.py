"""<report>.xlsx beside each report: a sheet "About" (project, period, when made, from which inputs, by which
version), then a sheet per table of the report with the same cells, numbers as numbers and dates as dates, for
evaluators who work on in Excel. No text ever becomes a formula; every word is in the report's language.

The sheets come from the tables the document's sections hold (`tables.report_tables`), so every table the report
shows has its sheet, whichever section made it. A figure the project's suppression decision withholds is an empty
cell with a note saying why.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.present.document import Cell, Cover, Datum, Document
from pipeline.present.i18n import Messages
from pipeline.render.tables import FORMULA_STARTS, ExportedTable, clean, neutralise, report_tables, text_of

__all__ = ["FORMULA_STARTS", "About", "clean", "neutralise", "to_xlsx", "workbook"]

DATE_FORMATS = {"da": "dd.mm.yyyy", "nb": "dd.mm.yyyy", "en": "dd/mm/yyyy"}
PERCENT = "0.0%"
NUMBER_FORMATS = {"share": PERCENT, "count": "#,##0"}
SHEET_NAME = re.compile(r"[\[\]:*?/\\]")  # characters a sheet's name cannot hold
WIDTHS = (8, 60)  # a column's width in characters, at least and at most


@dataclass(frozen=True)
class Column:
    heading: str
    width: float  # in characters, as Excel counts them
    number_format: str | None = None


@dataclass(frozen=True)
class About:
    """What the sheet "About" says: the report's cover, when it was made, from which inputs, by which version."""

    language: str
    project: str
    owner: str
    report: str
    unit: str | None
    period: str
    made: datetime  # UTC
    inputs: str  # the SHA-256 over every input file (`Project.input_digest`)
    version: str

    @classmethod
    def of(cls, cover: Cover) -> About:
        return cls(
            language=cover.language,
            project=cover.title,
            owner=cover.owner,
            report=cover.report_title,
            unit=cover.unit_name,
            period=cover.period,
            made=cover.made,
            inputs=cover.inputs,
            version=cover.version,
        )


def to_xlsx(document: Document) -> bytes:
    tables = report_tables(document.sections, document.cover.language)
    return workbook(tables, About.of(document.cover), document.results)


def workbook(tables: list[ExportedTable], about: About, results: dict[str, Any] | None = None) -> bytes:
    """The .xlsx file: "About", then a sheet per table of the report, in its order; words in the report's language."""
    t = Messages(about.language)
    book = Workbook()
    first = book.active
    reserved = {t(key) for key in ("export_about", "export_recommendations", "export_activities")}
    titles = sheet_titles(tables, reserved)
    for table, title in zip(tables, titles):
        write_table(book.create_sheet(title), table, t)
    first.title = t("export_about")
    write_about(first, about, tables, titles, t)
    results = results or {}
    if "recommendations" in results:
        write_sheet(book.create_sheet(t("export_recommendations")), *recommendations_table(results, t))
    if "activities" in results:
        write_sheet(book.create_sheet(t("export_activities")), *activities_table(results, t))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_titles(tables: list[ExportedTable], reserved: set[str]) -> list[str]:
    """'Tabell 3 K1 Alle kommuner vedta…': the caption as far as Excel's 31 characters go, or the label alone
    where that would not be unique."""
    taken = {title.casefold() for title in reserved}
    titles: list[str] = []
    for table in tables:
        title = shortened(
            " ".join(SHEET_NAME.sub(" ", ILLEGAL_CHARACTERS_RE.sub("", table.caption)).split()).strip("'")
        )
        if not title or title.casefold() in taken:
            title = shortened(SHEET_NAME.sub(" ", table.label).strip("'")) or f"{len(titles) + 1}"
        while title.casefold() in taken:
            title = shortened(title[:28] + f" {len(titles) + 1}")
        taken.add(title.casefold())
        titles.append(title)
    return titles


def shortened(title: str, limit: int = 31) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def write_about(sheet: Worksheet, about: About, tables: list[ExportedTable], titles: list[str], t: Messages) -> None:
    """The report's particulars, then each table's sheet (a link to it), caption and section."""
    rows = [
        (t("export_project"), about.project),
        (t("owner"), about.owner),
        (t("export_report"), about.report),
        *([(t("export_unit"), about.unit)] if about.unit else []),
        (t("period"), about.period),
        (t("export_made"), about.made.replace(tzinfo=None, microsecond=0)),
        (t("export_inputs"), about.inputs),
        (t("export_version"), f"evalreport {about.version}"),
    ]
    for label, value in rows:
        sheet.append([label, clean(value) if isinstance(value, str) else value])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        if isinstance(value, datetime):
            sheet.cell(sheet.max_row, 2).number_format = "yyyy-mm-dd hh:mm"
    sheet.append([])
    sheet.append([t("export_sheets")])
    sheet.append([])
    sheet.append([t("export_sheet"), t("export_table"), t("export_section")])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for table, title in zip(tables, titles):
        sheet.append([clean(title), clean(table.caption), clean(table.section)])
        link = sheet.cell(sheet.max_row, 1)
        link.hyperlink = "#'" + title.replace("'", "''") + "'!A1"
        link.style = "Hyperlink"
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 30


def write_table(sheet: Worksheet, table: ExportedTable, t: Messages) -> None:
    """The table's header in a bold, frozen first row with a filter, then its rows, cell by cell."""
    sheet.append([clean(heading) for heading in table.header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(table.rows, start=2):
        for c, value in enumerate(row, start=1):
            excel_cell(sheet.cell(r, c), value, t)
    for c, heading in enumerate(table.header, start=1):
        longest = max(
            [len(heading) // 2, *(len(text_of(row[c - 1])) for row in table.rows if c <= len(row))], default=0
        )
        sheet.column_dimensions[get_column_letter(c)].width = min(max(longest + 2, WIDTHS[0]), WIDTHS[1])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def excel_cell(target: SheetCell, cell: Cell, t: Messages) -> None:
    """Text as text; a figure as a number or a date with its format; no figure, or one withheld, as an empty cell
    (with a note saying why, where the report says why)."""
    if not isinstance(cell, Datum):
        text = text_of(cell)
        target.value = clean(text) if text else None
        return
    if cell.value is None or cell.suppressed:
        if cell.note:
            target.comment = Comment(cell.note, "evalreport")
        return
    if cell.unit == "date":
        target.value, target.number_format = date.fromisoformat(str(cell.value)), DATE_FORMATS[t.language]
        return
    target.value = cell.value
    target.number_format = NUMBER_FORMATS.get(cell.unit) or ("#,##0" if isinstance(cell.value, int) else "#,##0.0")


def recommendations_table(results: dict[str, Any], t: Messages) -> tuple[list[Column], list[list[object]]]:
    day = DATE_FORMATS[t.language]
    columns = [
        Column("ID", 8),
        Column(t("recommendation"), 60),
        Column(t("rec_given"), 12, day),
        Column(t("rec_sent_to"), 40),
        Column(t("status"), 16),
        Column(t("rec_decided"), 12, day),
        Column(t("rec_updated"), 12, day),
    ]
    rows = [
        [
            r["id"],
            r["title"],
            _date(r["given"]),
            "; ".join(r["to"]),
            t(f"rec_{r['status']}"),
            _date(r["decided"]),
            _date(r["updated"]),
        ]
        for r in results["recommendations"]["items"]
    ]
    return columns, rows


def activities_table(results: dict[str, Any], t: Messages) -> tuple[list[Column], list[list[object]]]:
    """The activities held and their participants; by group only in the report, where small groups are withheld."""
    columns = [
        Column("ID", 8),
        Column(t("activity_date"), 12, DATE_FORMATS[t.language]),
        Column(t("activity"), 50),
        Column(t("activity_kind"), 16),
        Column(t("participants"), 12, "0"),
        Column(t("themes"), 50),
    ]
    rows = [
        [a["id"], _date(a["date"]), a["title"], a["kind"], a["participants"], "; ".join(a["themes"])]
        for a in results["activities"]["items"]
    ]
    return columns, rows


def write_sheet(sheet: Worksheet, columns: list[Column], rows: list[list[object]]) -> None:
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


def _cell_value(value: object) -> object:
    return clean(value) if isinstance(value, str) else value


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
