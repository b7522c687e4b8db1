"""When a committee's status is made: the yearly days of its schedule, the years each one covers, and which of the
committee's statuses a day's is. `due` plans by it, and a status counts itself by it ("Årlig status nr. 3")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.periods import ReportPeriod
from pipeline.spec import Period, Schedule

# The years a status covers, counted from the project year that holds its day.
COVERED_YEARS = {"previous-year": (-1, -1), "current-year": (0, 0), "previous-and-current-year": (-1, 0)}


@dataclass(frozen=True)
class Occurrence:
    """One scheduled status: the day it is made, which is also the day it is judged at, and the years it covers."""

    day: date
    period: ReportPeriod

    @property
    def as_of(self) -> str:
        return self.day.isoformat()


def scheduled_day(schedule: Schedule, year: int) -> date:
    return date(year, schedule.month, schedule.day)


def last_scheduled_day(schedule: Schedule, on: date) -> date:
    """The latest day of the schedule on or before `on`: this year's, or last year's if this year's is still to come."""
    this_year = scheduled_day(schedule, on.year)
    return this_year if this_year <= on else scheduled_day(schedule, on.year - 1)


def covered_years(schedule: Schedule, day: date, project_period: Period | None = None) -> tuple[int, int]:
    """The years a status made on `day` covers, before clipping to the project's period: the project's years (the
    fiscal or school year holding `day` is its current year), calendar years when no period is given."""
    year = project_period.year_of(day) if project_period else day.year
    before, after = COVERED_YEARS[schedule.covers]
    return year + before, year + after


def occurrence(schedule: Schedule, project_period: Period, day: date) -> Occurrence | None:
    """The status scheduled on `day`, its years clipped to the project's; None when the project has not begun by
    then, or the years covered lie wholly outside the project's period."""
    if day < project_period.first_day(project_period.start):
        return None
    first, last = covered_years(schedule, day, project_period)
    start, end = max(first, project_period.start), min(last, project_period.end)
    return Occurrence(day, ReportPeriod(start, end, project_period.start_month)) if start <= end else None


def latest_occurrence(schedule: Schedule, project_period: Period, on: date) -> tuple[date, Occurrence | None]:
    """The last scheduled day on or before `on`, and the status it calls for (None: none, see `occurrence`)."""
    day = last_scheduled_day(schedule, on)
    return day, occurrence(schedule, project_period, day)


def next_occurrence(schedule: Schedule, project_period: Period, after: date) -> Occurrence | None:
    """The first status scheduled after `after`, or None when the project's statuses are over."""
    # The last year a status can cover the project's end is the year after it (covers: previous-year).
    for year in range(after.year, project_period.last_day(project_period.end).year + 2):
        day = scheduled_day(schedule, year)
        found = occurrence(schedule, project_period, day) if day > after else None
        if found:
            return found
    return None


def scheduled_statuses(schedule: Schedule, project_period: Period, up_to: date) -> list[Occurrence]:
    """Every yearly status a schedule calls for on or before `up_to`, oldest first. The position of a status in this
    list is its number: the committee's third status is the third scheduled day that covered a year of the project."""
    first_year = project_period.first_day(project_period.start).year
    days = (scheduled_day(schedule, year) for year in range(first_year, up_to.year + 1))
    found = (occurrence(schedule, project_period, day) for day in days if day <= up_to)
    return [status for status in found if status]


def status_number(schedule: Schedule, project_period: Period, as_of: date) -> int | None:
    """Which of the committee's statuses one judged as of `as_of` is (1 for the first); None when `as_of` is not one of
    its scheduled days (a status made by hand on another day is no scheduled one)."""
    statuses = scheduled_statuses(schedule, project_period, as_of)
    return len(statuses) if statuses and statuses[-1].day == as_of else None
