"""How a typed value from a workbook or an SPSS file is written as cell text, the way a CSV file would hold it."""

from __future__ import annotations

import math
from datetime import date, datetime, time


def as_text(value) -> str:
    """'' for nothing; whole numbers without '.0'; dates as YYYY-MM-DD (with the time only when it has one)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
        return f"{value:.15g}"  # what Excel shows: 15 significant digits, no binary noise
    return str(value).strip()
