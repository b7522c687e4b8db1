"""`<report>.figures.csv`: every cell of every table of the report in one long table (section, table, row, column,
value, unit) for BI tools, R and pandas.

Every table of the report is there, every cell: a cell that carries its figure (`document.Datum`) gives the figure;
an interval gives two, its bounds, in two columns; a figure withheld gives a line with its value empty; words give
the words.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from pipeline.present.document import Cell, Datum, Document
from pipeline.render.tables import ExportedTable, clean, report_tables, text_of

FIELDS = ("section", "table", "row", "column", "value", "unit")


def to_csv(document: Document) -> bytes:
    return figures_csv(report_tables(document.sections, document.cover.language)).encode("utf-8")


def figures_csv(tables: Sequence[ExportedTable]) -> str:
    """The long table: one line per cell of every table, the row named by its first cell. A figure gives its value
    and unit (count, share, number, date); a figure withheld its unit and an empty value; words (a status, a title,
    '–' where there is no figure) give the words, with the unit `text`. Text that a spreadsheet would run as a
    formula is neutralised, as in the workbook."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for table in tables:
        for row in table.rows:
            label = text_of(row[0]) if row else ""
            for index, (heading, cell) in enumerate(zip(table.header, row)):
                if index == 0 and not isinstance(cell, Datum):
                    continue  # the row's name, which every line of the row carries
                where = [clean(text) for text in (table.section, table.caption, label, heading)]
                writer.writerow(where + value_and_unit(cell))
    return buffer.getvalue()


def value_and_unit(cell: Cell) -> list[object]:
    if isinstance(cell, Datum) and cell.suppressed:
        return ["", cell.unit]
    if isinstance(cell, Datum) and cell.value is not None:
        return [cell.value, cell.unit]
    return [clean(text_of(cell)), "text"]
