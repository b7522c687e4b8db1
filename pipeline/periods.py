"""The period a report covers: one calendar year or a span of years, and the date it is judged at."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.errors import EvalreportError
from pipeline.spec import Period


@dataclass(frozen=True)
class ReportPeriod:
    start: int
    end: int

    @property
    def label(self) -> str:
        """'2016' or '2015-2016': also the name of the report's folder."""
        return str(self.start) if self.start == self.end else f"{self.start}-{self.end}"

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))

    def contains(self, year: int) -> bool:
        return self.start <= year <= self.end

    def as_of(self, today: date | None = None) -> date:
        """The date open milestones are judged at: the period's last day, or today if the period is not over."""
        return min(today or date.today(), date(self.end, 12, 31))


def parse_period(text: str | None, project_period: Period) -> ReportPeriod:
    """'2016', '2015-2016' or None (the project's whole period), checked against the project's years."""
    if text is None or str(text).strip() == "":
        return ReportPeriod(project_period.start, project_period.end)
    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-–/]\s*(\d{4}))?\s*", str(text))
    if not match:
        raise EvalreportError(f"period: expected a year such as 2016 or a span such as 2015-2016, found {text!r}")
    start = int(match.group(1))
    end = int(match.group(2) or start)
    if end < start or start < project_period.start or end > project_period.end:
        raise EvalreportError(
            f"period: expected years within the project's {project_period.start}-{project_period.end}, found {text!r}"
        )
    return ReportPeriod(start, end)
