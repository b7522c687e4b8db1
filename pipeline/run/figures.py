"""A report's tables as the exports take them, and `<report>.figures.csv`: every figure of every table in one long
table (section, table, row, column, value, unit) for BI tools, R and pandas.

Both the workbook and the CSV read the tables the notebook's sections describe (`document.Table`), so every table
the report shows is exported with the same cells. A cell that carries its figure (`document.Datum`) gives the
figure; an interval gives two, its bounds, in two columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pipeline.present.document import Block, Box, Cell, Datum, Section, Table
from pipeline.present.i18n import Messages
from pipeline.run.workbook import clean, text_of

FIELDS = ("section", "table", "row", "column", "value", "unit")


@dataclass(frozen=True)
class ExportedTable:
    """One table of the report: where it stands, its caption, and its columns and rows with intervals split in two."""

    section: str
    caption: str
    label: str  # 'Tabell 3'
    header: list[str]
    rows: list[list[Cell]]


def report_tables(sections: Sequence[Section], language: str) -> list[ExportedTable]:
    """Every table of the report, in the order it shows them."""
    t = Messages(language)
    return [exported(section.title, table, t) for section in sections for table in tables_in(section.blocks)]


def tables_in(blocks: Sequence[Block]) -> Iterator[Table]:
    for block in blocks:
        if isinstance(block, Table):
            yield block
        elif isinstance(block, Box):
            yield from tables_in(block.blocks)


def exported(section: str, table: Table, t: Messages) -> ExportedTable:
    intervals = {i for row in table.rows for i, cell in enumerate(row) if isinstance(cell, Datum) and isinstance(cell.value, tuple)}
    header = []
    for i, heading in enumerate(table.header):
        header += [t("export_interval_low", heading=heading), t("export_interval_high", heading=heading)] if i in intervals else [heading]
    rows = [[part for i, cell in enumerate(row) for part in (bounds(cell) if i in intervals else [cell])] for row in table.rows]
    return ExportedTable(section, str(table.caption), table.caption.label, header, rows)


def bounds(cell: Cell) -> list[Cell]:
    """An interval's cell as two: its lower and its upper bound."""
    if not isinstance(cell, Datum):
        return [cell, cell]
    low, high = cell.value if isinstance(cell.value, tuple) else (None, None)
    return [cell.model_copy(update={"value": low}), cell.model_copy(update={"value": high})]


def figures_csv(tables: Sequence[ExportedTable]) -> str:
    """The long table: one line per figure, and per figure withheld (its value empty). A cell without a figure
    (text, or '–') has no line. Text that a spreadsheet would run as a formula is neutralised, as in the workbook."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for table in tables:
        for row in table.rows:
            label = text_of(row[0]) if row else ""
            for heading, cell in zip(table.header, row):
                if isinstance(cell, Datum) and (cell.value is not None or cell.suppressed):
                    value = "" if cell.suppressed else cell.value
                    writer.writerow([clean(text) for text in (table.section, table.caption, label, heading)] + [value, cell.unit])
    return buffer.getvalue()
