"""A statistics office's figure as a number or as missing, and its period as a year.

Statistics Norway, Statistics Denmark, Statistics Sweden and Eurostat write '.', '..', '...' or ':' for a figure
they do not have or may not publish: that is missing, never zero. A dash '-' is their sign for nil, a true zero.
"""

from __future__ import annotations

import re

from pipeline.errors import NotAFigure
from pipeline.tables import parse_number

DEFAULT_MISSING = (".", "..", "...", ":")
NIL = "-"

_YEAR = re.compile(r"\d{4}")
# A part of a year as the offices write it: 2022K1 (SSB kvartal), 2022Q1, 2026M01, 2022H1, 2022T2, 2022-03.
_PART_OF_YEAR = re.compile(r"(\d{4})\s*(?:[KQHTMW]\d{1,2}|-\d{1,2})", re.IGNORECASE)


def figure(text: str, missing: tuple[str, ...], decimal_comma: bool) -> tuple[float | None, str | None]:
    """The number a cell holds, or None for no figure; and the missing symbol it held, if any.

    A PX file quotes its symbols ('".."'); a nil dash is 0 unless the user lists '-' among the missing codes.
    Raises NotAFigure for anything else, such as a word or a negative number (an indicator is a count or a level).
    """
    cell = text.strip().strip('"').strip()
    if not cell:
        return None, None
    if cell in missing:
        return None, cell
    if cell == NIL:
        return 0.0, None
    negative = cell.startswith("-")
    try:
        value = parse_number(cell[1:] if negative else cell, decimal_comma)
    except ValueError:
        raise NotAFigure(cell) from None
    if negative and value:
        raise NotAFigure(cell)
    return value, None


def year_of(period: str) -> int | None:
    """2021 for '2021', and for a part of 2021 ('2021K4', '2021M12'); None for anything else."""
    text = period.strip()
    if _YEAR.fullmatch(text):
        return int(text)
    part = _PART_OF_YEAR.fullmatch(text)
    return int(part.group(1)) if part else None
