"""A statistics office's figure as a number or as missing, and its period as a year of the project.

Statistics Norway, Statistics Denmark, Statistics Sweden and Eurostat write '.', '..', '...' or ':' for a figure
they do not have or may not publish: that is missing, never zero. A dash '-' is their sign for nil, a true zero.
A school or fiscal year is written '2018-2019' (SSB's statistics bank), '2018/19', '2018-19' or '2018/2019'.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.errors import NotAFigure
from pipeline.spec import Period
from pipeline.tables import parse_number

DEFAULT_MISSING = (".", "..", "...", ":")
NIL = "-"

_YEAR = re.compile(r"\d{4}")
# A part of a year as the offices write it: 2022K1 (SSB kvartal), 2022Q1, 2026M01, 2022H1, 2022T2, 2022-03.
_PART_OF_YEAR = re.compile(r"(\d{4})\s*(?:[KQHTMW]\d{1,2}|-\d{1,2})", re.IGNORECASE)
# A year spanning two calendar years: 2018-2019 (SSB's school years), 2018/2019, 2018/19, 2018-19.
_TWO_YEARS = re.compile(r"(\d{4})\s*[/-]\s*(\d{4}|\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_QUARTER = re.compile(r"(\d{4})\s*[KQ]([1-4])", re.IGNORECASE)
_MONTH = re.compile(r"(\d{4})\s*(?:M|-)(\d{1,2})", re.IGNORECASE)


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


def two_years(period: str) -> int | None:
    """2018 for a year written across two calendar years ('2018-2019', '2018/19', '2018-19', '2018/2019'); None for
    anything else, such as '2018-2020' or '2018-03' (a month)."""
    match = _TWO_YEARS.fullmatch(period.strip())
    if not match:
        return None
    first, second = int(match.group(1)), match.group(2)
    follows = int(second) == first + 1 if len(second) == 4 else int(second) == (first + 1) % 100
    return first if follows else None


def is_period(cell: str) -> bool:
    """Whether a header cell names a period: a year, a part of one, or a year across two calendar years."""
    return year_of(cell) is not None or two_years(cell) is not None


def project_year(period: str, calendar: Period) -> int:
    """The project year a statistics table's period falls in, by the calendar year it begins in.

    In calendar years: as `year_of`. In fiscal or school years: a year written across two ('2018-2019', '2018/19'),
    a month ('2019M02'), or a quarter when the project's years begin with a quarter ('2019K1' in years from April).
    A plain '2019' is refused: a statistics office's 2019 is half of 2018/19 and half of 2019/20. ValueError with
    what was expected otherwise."""
    if not calendar.split:
        year = year_of(period)
        if year is None:
            hint = (
                (
                    " (a school or fiscal year such as 2018-2019 needs the project's years to begin in its month, "
                    "such as period: {start: 2018-08})"
                )
                if two_years(period) is not None
                else ""
            )
            raise ValueError("a year such as 2021 (a quarter or month such as 2021K4 counts in its year)" + hint)
        return year
    first = calendar.year_label(calendar.start)
    expected = f"a year of the project such as {first} (also written {calendar.start}-{calendar.start + 1})"
    text = period.strip()
    year = two_years(text)
    if year is not None:
        return year
    if _DAY.fullmatch(text):
        try:
            return calendar.year_of(date.fromisoformat(text))
        except ValueError:
            raise ValueError(expected) from None
    month, quarter, plain = _MONTH.fullmatch(text), _QUARTER.fullmatch(text), year_of(text)
    if month and 1 <= int(month.group(2)) <= 12:
        return calendar.year_of(date(int(month.group(1)), int(month.group(2)), 1))
    if quarter and (calendar.start_month - 1) % 3 == 0:
        return calendar.year_of(date(int(quarter.group(1)), 3 * int(quarter.group(2)) - 2, 1))
    if plain is not None and _YEAR.fullmatch(text):
        expected += (
            f", not a calendar year: {plain} is half of {calendar.year_label(plain - 1)} and half of "
            f"{calendar.year_label(plain)}"
        )
    raise ValueError(expected)
