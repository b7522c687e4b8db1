"""Table cells that carry their figure beside the text the report shows: the renderers draw the text, the exports
(the workbook, the long CSV) take the figure, so both come from the one table."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import TYPE_CHECKING

from pipeline.present.document import Cell, Datum, Unit
from pipeline.present.i18n import Messages

if TYPE_CHECKING:
    from pipeline.analysis.criteria import CriterionResult
    from pipeline.present.report import Report

SHARE_KINDS = ("ratio", "survey", "milestones")  # criteria whose result and target are shares


def count(t: Messages, value, text: str | None = None) -> Datum:
    """A number of people, answers or milestones: '1.234' and 1234."""
    known = _known(value)
    return Datum(
        text=t.number(value) if text is None else text, value=None if known is None else int(round(known)), unit="count"
    )


def number(t: Messages, value, digits: int = 0, text: str | None = None) -> Datum:
    """A figure that is not a count or a share (an indicator, a mean, days late), kept unrounded for the exports."""
    known = _known(value)
    whole = int(known) if known is not None and known.is_integer() else known
    return Datum(text=t.number(value, digits) if text is None else text, value=whole, unit="number")


def share(t: Messages, value, digits: int = 1, text: str | None = None, tone: str | None = None) -> Datum:
    """A share as a fraction (0.452), shown as '45,2 %', or as `text` (a share with its n, a change in points)."""
    shown = t.percent(value, digits) if text is None else text
    # A status's value is a str to the type checker; pydantic checks that it is a Tone.
    return Datum.model_validate({"text": shown, "value": _known(value), "unit": "share", "tone": tone})


def day(text: str, value: date | None) -> Datum:
    """A date as the table writes it ('13. sep. 2016'), kept as the date itself."""
    if isinstance(value, datetime):  # a pandas Timestamp too
        value = value.date()
    return Datum(text=text, value=value.isoformat() if value else None, unit="date")


def interval(text: str, low, high) -> Datum:
    """A confidence interval of a share (or of a change in shares): both bounds as fractions."""
    low, high = _known(low), _known(high)
    return Datum(text=text, value=(low, high) if low is not None and high is not None else None, unit="share")


def withheld(unit: Unit, why: str, text: str = "") -> Datum:
    """A figure the project's suppression decision withholds: the report's words for it, and why."""
    return Datum(text=text, unit=unit, suppressed=True, note=why)


def _known(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def figure_text(report: Report, result: CriterionResult, value: float | None, in_prose: bool = False) -> str:
    """A criterion's result or target as a reader expects it: a share as a percentage, a count as a number, with its
    indicator's unit; `in_prose`, the unit a sentence names itself ("381 deltagere") is left to the sentence, and a
    percentage keeps its sign."""
    if result.kind == "assessment":
        return ""
    if result.kind in SHARE_KINDS:
        return report.t.percent(value)
    unit = indicator_unit(report, result)
    digits = 0 if unit == "persons" else 1  # a pro-rated target of 393.3 people is 393 people
    return report.t.quantity(value, unit if unit == "percent" or not in_prose else None, digits)


def indicator_unit(report: Report, result: CriterionResult) -> str | None:
    """The unit of the indicator a criterion measures (project.yaml `indicators.<id>.unit`), if it says one."""
    measure = next((c.measure for c in report.spec.criteria if c.id == result.id), None)
    indicator = report.spec.indicators.get(getattr(measure, "indicator", None) or "")
    return indicator.unit if indicator else None


def figure_cell(report: Report, result: CriterionResult, value: float | None) -> Cell:
    """`figure_text` with the figure itself, for the exports."""
    if result.kind == "assessment":
        return ""
    if result.kind in SHARE_KINDS:
        return share(report.t, value)
    return number(report.t, value, 1, text=report.t.quantity(value, indicator_unit(report, result), 1))
