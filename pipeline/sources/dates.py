"""Read a column of dates, or say exactly which rows cannot be read: never guess between day and month.

ISO dates (2016-05-25, with or without a time) are read anywhere. Any other way of writing dates is read only
when the whole column writes them one way, and that way is unambiguous: dots (24.10.2016) are day first, as in
Danish and Norwegian; slashes or dashes need a day above 12 somewhere in the column to show which number is the
day, and none above 12 in the other place. A time written after the date is part of the way of writing it
('5/02/2016 5:00:00 PM' and '24/10/2016' are two ways), so a column that mixes them is reported, not read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from pipeline.errors import InputError, Problem

# Listed one Problem each; past this, one more Problem counts the rest.
MAX_LISTED = 20

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_NUMERIC = re.compile(r"(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?:[ T]+(\d{1,2}):(\d{2})(:\d{2})?(?:\s*([AaPp][Mm]))?)?")

_ISO_WAY = "YYYY-MM-DD"


def parse_date_column(
    values: Sequence[str], file: str, column: str, first_line: int | Sequence[int]
) -> list[date | None]:
    """The dates in `values` (None for an empty cell), or InputError with one Problem per row that cannot be read.

    `first_line` is the line of the first value (the next values on the lines after it), or the line of each
    value, such as a table's `attrs["line"]`.
    """
    values = [("" if value is None else str(value)).strip() for value in values]
    lines = list(first_line) if not isinstance(first_line, int) else list(range(first_line, first_line + len(values)))
    ways = [_way(value) for value in values]
    others = Counter(way for way in ways if way not in (None, _ISO_WAY, "unreadable"))
    column_way = others.most_common(1)[0][0] if others else None
    expected = _expected(values, ways, column_way, others[column_way] if column_way else 0)
    order = _day_first(values, ways, column_way) if column_way else None
    problems: list[Problem] = []
    dates: list[date | None] = []
    for line, value, way in zip(lines, values, ways):
        if way is None:
            dates.append(None)
            continue
        try:
            if way == _ISO_WAY:
                dates.append(_iso(value))
            elif way == column_way and order is not None:
                dates.append(_numeric(value, order))
            else:
                raise ValueError(value)
        except ValueError:
            dates.append(None)
            problems.append(Problem(file, line, column, _expected_for(way, column_way, order, expected), repr(value)))
    if problems:
        raise InputError(_capped(problems, file, column))
    return dates


def _way(value: str) -> str | None:
    """How a cell writes its date, with the digits' lengths left out: 'D/M/YYYY h:mm:ss AM/PM'."""
    if not value:
        return None
    if _ISO.fullmatch(value):
        return _ISO_WAY
    match = _NUMERIC.fullmatch(value)
    if not match:
        return "unreadable"
    first, separator, _middle, last, hour, _minute, seconds, meridiem = match.groups()
    if len(first) == 4 or len(last) != 4:
        return "unreadable"  # a year first with slashes, or a two-digit year: the century or order is a guess
    way = f"D{separator}M{separator}YYYY"
    if hour is not None:
        way += " h:mm" + (":ss" if seconds else "") + (" AM/PM" if meridiem else "")
    return way


def _day_first(values: list[str], ways: list[str | None], column_way: str) -> bool | None:
    """True when the column's dates are day first, False when month first, None when it cannot be told."""
    firsts, seconds = [], []
    for value, way in zip(values, ways):
        if way == column_way:
            match = _matched(_NUMERIC, value)
            firsts.append(int(match.group(1)))
            seconds.append(int(match.group(3)))
    day_first = any(n > 12 for n in firsts)
    month_first = any(n > 12 for n in seconds)
    if day_first and month_first:
        return None
    if day_first or (column_way.startswith("D.") and not month_first):
        return True  # dots are day first by convention in every language that writes them
    if month_first:
        return False
    return None


def _matched(pattern: re.Pattern[str], value: str) -> re.Match[str]:
    """`value` read by `pattern`, which `_way` has already found it to match."""
    match = pattern.fullmatch(value)
    if match is None:
        raise ValueError(value)
    return match


def _iso(value: str) -> date:
    match = _matched(_ISO, value)
    return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _numeric(value: str, day_first: bool) -> date:
    match = _matched(_NUMERIC, value)
    first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    day, month = (first, second) if day_first else (second, first)
    return date(year, month, day)


def _expected(values: list[str], ways: list[str | None], column_way: str | None, count: int) -> str:
    if not column_way:
        return "a date written YYYY-MM-DD"
    example = next(value for value, way in zip(values, ways) if way == column_way)
    return f"a date written YYYY-MM-DD or like the column's {count} dates written {column_way} (e.g. '{example}')"


def _expected_for(way: str, column_way: str | None, order: bool | None, expected: str) -> str:
    if way == column_way and order is None:
        return (
            "day and month in one order the column shows (a day above 12 in the same place somewhere, and never "
            "a month above 12), or YYYY-MM-DD"
        )
    if way == column_way:
        return "a real calendar date"
    if way == "unreadable":
        return expected + ", with a four-digit year"
    return expected


def _capped(problems: list[Problem], file: str, column: str) -> list[Problem]:
    if len(problems) <= MAX_LISTED + 1:
        return problems
    rest = problems[MAX_LISTED:]
    summary = Problem(
        file, None, column, rest[0].expected, f"{len(rest)} more rows like these (rows {rest[0].row}–{rest[-1].row})"
    )
    return problems[:MAX_LISTED] + [summary]
