"""The period a report covers: one of the project's years or a span of them, and the date it is judged at.

A project's years are calendar years, or fiscal or school years that begin in another month (spec.Period). A year is
known by the calendar year it begins in and labelled "2018/19"; a calendar-year project's are labelled "2018" as
ever. The label is what a reader sees; the period's `name`, the label made safe as a folder name ("2018-19",
"2018-19-2019-20"), is what a folder, a job and the command line's `--period` carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from pipeline.errors import EvalreportError
from pipeline.paths import safe_name
from pipeline.spec import Period, split_year


@dataclass(frozen=True)
class ReportPeriod:
    start: int
    end: int
    start_month: int = 1  # the month the project's years begin: 1 for calendar years

    @cached_property
    def calendar(self) -> Period:
        """The project's way of counting years, for labels and dates."""
        return Period(start=self.start, end=self.end, start_month=self.start_month)

    @property
    def label(self) -> str:
        """'2016' or '2015-2016'; '2018/19' or '2018/19-2019/20' on fiscal or school years."""
        return self.calendar.span_label(self.start, self.end)

    @property
    def name(self) -> str:
        """The label as the name of the report's folder and the job's period: '/' cannot be part of a file name, so
        2018/19 is '2018-19' (safe_name, the one rule for every name a file takes from a user)."""
        return safe_name(self.label.replace("/", "-"), "period")

    def year_label(self, year: int) -> str:
        return self.calendar.year_label(year)

    def year_of(self, day: date) -> int:
        """The project year holding `day`."""
        return self.calendar.year_of(day)

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))

    def contains(self, year: int) -> bool:
        return self.start <= year <= self.end

    def holds(self, day: date) -> bool:
        """Whether `day` lies in one of the period's years."""
        return self.contains(self.year_of(day))

    @property
    def first_day(self) -> date:
        return self.calendar.first_day(self.start)

    @property
    def last_day(self) -> date:
        return self.calendar.last_day(self.end)

    def as_of(self, today: date | None = None) -> date:
        """The date open milestones are judged at: the period's last day, or today if the period is not over."""
        return min(today or date.today(), self.last_day)


def whole(project_period: Period) -> ReportPeriod:
    """The project's whole period, as a report's."""
    return ReportPeriod(project_period.start, project_period.end, project_period.start_month)


# One year: 2016 in calendar years; 2018/19 or 2018-19 in fiscal or school years. A span joins two with a dash.
CALENDAR_SPAN = re.compile(r"\s*(\d{4})\s*(?:[-–/]\s*(\d{4}))?\s*")
SPLIT_SPAN = re.compile(r"\s*(\d{4}\s*[/-]\s*\d{2})\s*(?:[-–]\s*(\d{4}\s*[/-]\s*\d{2}))?\s*")


def parse_period(text: str | None, project_period: Period) -> ReportPeriod:
    """'2016', '2015-2016' or None (the project's whole period), checked against the project's years; on fiscal or
    school years '2018/19', '2018-19' (a folder's name) or a span such as '2018/19-2019/20'."""
    if text is None or str(text).strip() == "":
        return whole(project_period)
    if project_period.split:
        example = (
            f"a year such as {project_period.year_label(project_period.end)} or a span such as {project_period.label}"
        )
        match = SPLIT_SPAN.fullmatch(str(text))
        try:
            start = split_year(match.group(1)) if match else None
            end = split_year(match.group(2)) if match and match.group(2) else start
        except ValueError:
            start = end = None
    else:
        example = "a year such as 2016 or a span such as 2015-2016"
        match = CALENDAR_SPAN.fullmatch(str(text))
        start = int(match.group(1)) if match else None
        end = int(match.group(2)) if match and match.group(2) else start
    if start is None or end is None:
        raise EvalreportError(f"period: expected {example}, found {text!r}")
    if end < start or start < project_period.start or end > project_period.end:
        raise EvalreportError(f"period: expected years within the project's {project_period.label}, found {text!r}")
    return ReportPeriod(start, end, project_period.start_month)
