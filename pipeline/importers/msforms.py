"""Microsoft Forms: the workbook from "Open in Excel" (.xlsx).

Columns ID, Start time, Completion time, Email, Name (and, in newer exports, Last modified time) come first, then
one column per question headed by its text. A multi-select answer lists the chosen options, each followed by ';'
('Kurser;Netværk;'); it becomes 'Kurser; Netværk'. Email and Name are personal data and are dropped.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.importers.export import (
    MULTI_JOINER,
    Export,
    Question,
    from_table,
    heading,
    require_column,
)
from pipeline.sources.readers import read_any

# English, Danish and Norwegian headings of the columns Forms adds itself.
SYSTEM = {
    "start time",
    "last modified time",
    "starttidspunkt",
    "starttid",
    "senest ændret",
    "sist endret",
    "total points",
    "quiz feedback",
    "samlet antal point",
    "totalt antall poeng",
}
COMPLETED = ("Completion time", "Fuldførelsestidspunkt", "Fullføringstidspunkt", "Fullføringstid")


def read_export(path: Path) -> Export:
    frame = read_any(path)
    respondent = require_column(frame, "ID", "ID", "Id")
    completed = require_column(frame, "completion time", *COMPLETED)
    entries = []
    for column in frame.columns:
        if column in (respondent, completed):
            continue
        cells = frame[column].tolist()
        filled = [cell for cell in cells if cell]
        if filled and all(cell.endswith(";") for cell in filled):
            cells = [MULTI_JOINER.join(part.strip() for part in cell.split(";") if part.strip()) for cell in cells]
            entries.append((Question("", column, column, kind="multi"), cells))
        else:
            entries.append((Question("", column, column), cells))
    return from_table(
        "msforms", frame, id_column=respondent, date_column=completed, is_system=_is_system, entries=entries
    )


def _is_system(column: str) -> bool:
    text = heading(column)
    return text in SYSTEM or text.startswith(("points ", "feedback ", "point ", "tilbagemelding ", "tilbakemelding "))
