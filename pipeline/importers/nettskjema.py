"""Nettskjema (University of Oslo): the CSV report, ';'-separated, every cell quoted, UTF-8.

Columns whose heading starts with '$' are the tool's own: `$submission_id` (the respondent), `$created` (when the
answer was sent) and others such as `$answer_time_ms`. Questions are headed by their code; a checkbox question
is one 0/1 column per option, headed `code.option`, and becomes one cell naming the options chosen.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.importers.export import (
    Export,
    Question,
    from_table,
    joined,
    require_column,
)
from pipeline.sources.readers import read_any

_TICKS = {"0", "1", ""}


def read_export(path: Path) -> Export:
    frame = read_any(path)
    respondent = require_column(frame, "submission id", "$submission_id")
    created = require_column(frame, "submission time", "$created")
    asked = [c for c in frame.columns if not c.startswith("$")]
    boxes = _checkbox_questions(frame, asked)
    entries, done = [], set()
    for column in asked:
        code = column.rsplit(".", 1)[0]
        if code in boxes:
            if code not in done:
                done.add(code)
                options = boxes[code]
                labels = [option.rsplit(".", 1)[1] for option in options]
                entries.append(
                    (
                        Question("", code, code, kind="multi", labels=labels),
                        joined(frame, options, labels, lambda cell, _: cell == "1"),
                    )
                )
        else:
            entries.append((Question("", column, column), frame[column].tolist()))
    export = from_table(
        "nettskjema",
        frame,
        id_column=respondent,
        date_column=created,
        is_system=lambda c: c.startswith("$"),
        entries=entries,
    )
    export.status = ["complete"] * len(export.respondent_ids)  # Nettskjema keeps only answers that were sent
    return export


def _checkbox_questions(frame: pd.DataFrame, columns: list[str]) -> dict[str, list[str]]:
    """Codes of checkbox questions: two or more `code.option` columns holding only 0 and 1."""
    by_code: dict[str, list[str]] = {}
    for column in columns:
        if "." in column:
            by_code.setdefault(column.rsplit(".", 1)[0], []).append(column)
    return {
        code: cols for code, cols in by_code.items() if len(cols) > 1 and all(set(frame[c]) <= _TICKS for c in cols)
    }
