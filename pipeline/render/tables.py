"""A report's tables as the exports take them (the workbook, figures.csv, the Word file's numbers): every table of
the document in the order it shows them, with an interval's cell split into its two bounds; and text made safe for a
spreadsheet, which would run a cell that starts with '=' as a formula."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from pipeline.present.document import Block, Box, Cell, Datum, Section, Table
from pipeline.present.i18n import Messages

# A cell starting with one of these is run as a formula by Excel or LibreOffice (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportedTable:
    """One table of the report: where it stands, its caption, and its columns and rows with intervals split in two."""

    section: str
    caption: str
    label: str  # 'Tabell 3'
    header: list[str]
    rows: list[list[Cell]]


def report_tables(sections: Sequence[Section], language: str) -> list[ExportedTable]:
    """Every table of the report (`document.sections`), in the order it shows them."""
    t = Messages(language)
    return [exported(section.title, table, t) for section in sections for table in tables_in(section.blocks)]


def tables_in(blocks: Sequence[Block]) -> Iterator[Table]:
    for block in blocks:
        if isinstance(block, Table):
            yield block
        elif isinstance(block, Box):
            yield from tables_in(block.blocks)


def exported(section: str, table: Table, t: Messages) -> ExportedTable:
    intervals = {
        i
        for row in table.rows
        for i, cell in enumerate(row)
        if isinstance(cell, Datum) and isinstance(cell.value, tuple)
    }
    header = []
    for i, heading in enumerate(table.header):
        header += (
            [t("export_interval_low", heading=heading), t("export_interval_high", heading=heading)]
            if i in intervals
            else [heading]
        )
    rows = [
        [part for i, cell in enumerate(row) for part in (bounds(cell) if i in intervals else [cell])]
        for row in table.rows
    ]
    return ExportedTable(section, str(table.caption), table.caption.label, header, rows)


def bounds(cell: Cell) -> list[Cell]:
    """An interval's cell as two: its lower and its upper bound."""
    if not isinstance(cell, Datum):
        return [cell, cell]
    low, high = cell.value if isinstance(cell.value, tuple) else (None, None)
    return [cell.model_copy(update={"value": low}), cell.model_copy(update={"value": high})]


def text_of(cell: Cell) -> str:
    return cell if isinstance(cell, str) else cell.text


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, made inert by a leading apostrophe (OWASP's advice)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def clean(text: str) -> str:
    """Text as a spreadsheet may hold it: without the control characters Excel cannot store, and never a formula."""
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", text))
