"""Google Forms: the responses as downloaded (CSV), or their Google Sheet saved as TSV or .xlsx.

A Timestamp column comes first, then one column per question headed by its full text; a checkbox question's
answers are joined by ', ' in one cell (kept as written: an option may itself hold a comma). Item ids are q1, q2 ...
unless a key file (--item-ids) names them.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.importers.export import (
    Export,
    from_table,
    heading,
    require_column,
)
from pipeline.sources.readers import read_any

# Quiz forms add a score column: the tool's own, not a question.
SYSTEM = {"score", "point", "points", "poengsum", "pointsum"}


def read_export(path: Path) -> Export:
    frame = read_any(path)
    stamp = require_column(frame, "timestamp", "Timestamp", "Tidsstempel", "Tidsmerke")
    return from_table("googleforms", frame, date_column=stamp, is_system=lambda column: heading(column) in SYSTEM)
