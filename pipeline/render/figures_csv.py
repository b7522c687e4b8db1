"""`<report>.figures.csv`: every figure of every table of the report in one long table (section, table, row, column,
value, unit) for BI tools, R and pandas.

A cell that carries its figure (`document.Datum`) gives the figure; an interval gives two, its bounds, in two
columns; a figure withheld gives a line with its value empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from pipeline.present.document import Datum, Document
from pipeline.render.tables import ExportedTable, clean, report_tables, text_of

FIELDS = ("section", "table", "row", "column", "value", "unit")


def to_csv(document: Document) -> bytes:
    return figures_csv(report_tables(document.sections, document.cover.language)).encode("utf-8")


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
