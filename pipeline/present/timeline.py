"""The milestone timeline, a Gantt chart: one row per milestone under its phase, the plan against what happened.

A bar marks the planned date, a dot the date it was done (hollow: the date now forecast), and a line between
them the slippage. Colours are the outcome's. A dashed vertical line marks the report date. The chart knows no
words and no date formats: the caller passes them in, in the report's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import blended_transform_factory

from pipeline.present.charts import OUTCOME_COLOURS, STYLE, WIDTH_INCHES, label_lines, to_svg

DateText = Callable[[date], str]

INK = "#333333"
BAND = "#eef1f4"  # the table headers' grey-blue, for the phase headings
GRID = "#e4e4e4"
LABEL_CHARACTERS = 40  # a milestone title wraps after this many characters ...
LABEL_LINES = 2  # ... onto at most this many lines, so that a row stays one row high
HEADING_CHARACTERS = 80  # a phase's name fits on its band, one line across the chart
ROW_INCHES = 0.26  # room for a title on two lines
LEFT_EDGE, PLOT_LEFT, PLOT_RIGHT = 0.01, 0.39, 0.97  # in figure widths: titles left of PLOT_LEFT, dates right of it
MAX_TICKS = 7  # labelled months on the time axis: more would run into each other at A4 width


@dataclass(frozen=True)
class Milestone:
    """One row of the chart. `actual` only when done by the report date; `forecast` only when not."""

    label: str
    outcome: str  # an Outcome value: on_time, late, overdue, open, cancelled
    planned: date
    actual: date | None = None
    forecast: date | None = None


def timeline_chart(
    phases: Sequence[tuple[str, Sequence[Milestone]]],
    as_of: date,
    as_of_label: DateText,
    month_label: DateText,
    legend: Mapping[str, str],
) -> str:
    """The Gantt chart as SVG text.

    `phases` are (phase heading, its milestones), in the order to show them. `as_of_label` and `month_label` turn a
    date into the report-date label and a time-axis tick. `legend` names the markers: `planned`, `forecast` and
    one entry per outcome.
    """
    rows = _rows(phases)
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(WIDTH_INCHES, ROW_INCHES * len(rows) + 1.1))
        figure.subplots_adjust(
            left=PLOT_LEFT, right=PLOT_RIGHT, top=1 - 0.3 / figure.get_figheight(), bottom=0.8 / figure.get_figheight()
        )
        for y, row in enumerate(rows):
            if isinstance(row, str):
                _phase_heading(axes, y, row)
            else:
                _milestone(axes, y, row, as_of)
        axes.set_yticks([y for y, row in enumerate(rows) if not isinstance(row, str)])
        axes.set_yticklabels(
            [label_lines(row.label, LABEL_CHARACTERS, LABEL_LINES) for row in rows if not isinstance(row, str)],
            fontsize=7.5,
            linespacing=1.0,
        )
        axes.set_ylim(len(rows) - 0.2, -0.5)  # first row at the top; room under the last for a two-line title
        axes.tick_params(axis="y", length=0)
        axes.spines["left"].set_visible(False)
        _time_axis(axes, _span(rows, as_of), month_label)
        _report_date(axes, as_of, as_of_label(as_of))
        _legend(figure, rows, legend)
        return to_svg(figure)


def _rows(phases: Sequence[tuple[str, Sequence[Milestone]]]) -> list[str | Milestone]:
    """Top to bottom: a phase heading (a str), then its milestones."""
    rows: list[str | Milestone] = []
    for heading, milestones in phases:
        rows += [heading, *milestones]
    return rows


def _phase_heading(axes, y: int, heading: str) -> None:
    """A band across the whole chart, titles included, with the phase's name at its left end."""
    across = blended_transform_factory(axes.figure.transFigure, axes.transData)
    axes.add_patch(
        Rectangle(
            (LEFT_EDGE, y - 0.5),
            PLOT_RIGHT - LEFT_EDGE,
            1,
            transform=across,
            color=BAND,
            linewidth=0,
            zorder=0,
            clip_on=False,
        )
    )
    axes.text(
        LEFT_EDGE + 0.005,
        y,
        label_lines(heading, HEADING_CHARACTERS, 1),
        transform=across,
        ha="left",
        va="center",
        fontsize=8,
        fontweight="bold",
        color=INK,
    )


def _milestone(axes, y: int, milestone: Milestone, as_of: date) -> None:
    colour = OUTCOME_COLOURS[milestone.outcome]
    line = _visible(colour)
    if milestone.outcome == "cancelled":
        axes.plot([milestone.planned], [y], marker="x", color=colour, markersize=6, markeredgewidth=1.5, zorder=4)
        return
    if milestone.actual is not None:
        axes.plot(
            [milestone.planned, milestone.actual], [y, y], color=line, linewidth=2.2, solid_capstyle="butt", zorder=2
        )
        axes.plot(
            [milestone.actual],
            [y],
            marker="o",
            markersize=6,
            markerfacecolor=colour,
            markeredgecolor=INK,
            markeredgewidth=0.6,
            zorder=4,
        )
    elif milestone.outcome == "overdue":  # late so far: a solid line up to the report date
        axes.plot([milestone.planned, as_of], [y, y], color=line, linewidth=2.2, solid_capstyle="butt", zorder=2)
        if milestone.forecast is None:
            axes.plot([as_of], [y], marker=">", markersize=5, color=line, zorder=4)
    if milestone.forecast is not None:  # expected, not yet real: dashed, and a hollow dot
        start = as_of if milestone.outcome == "overdue" else milestone.planned
        axes.plot([start, milestone.forecast], [y, y], color=line, linewidth=1.6, linestyle=(0, (2, 1.5)), zorder=2)
        axes.plot(
            [milestone.forecast],
            [y],
            marker="o",
            markersize=6,
            markerfacecolor="white",
            markeredgecolor=line,
            markeredgewidth=1.5,
            zorder=4,
        )
    axes.plot([milestone.planned], [y], marker="|", markersize=9, markeredgewidth=1.6, color=INK, zorder=3)


def _visible(colour: str) -> str:
    """A line or outline in a light outcome colour (not yet due: light grey) darkened, so it shows on white."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    if 0.2126 * red + 0.7152 * green + 0.0722 * blue < 200:
        return colour
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.6) for c in (red, green, blue)))


def _span(rows: Sequence[str | Milestone], as_of: date) -> tuple[date, date]:
    days = [as_of]
    for row in rows:
        if not isinstance(row, str):
            days += [d for d in (row.planned, row.actual, row.forecast) if d is not None]
    return min(days), max(days)


def _time_axis(axes, span: tuple[date, date], month_label: DateText) -> None:
    """Month ticks spaced so that at most MAX_TICKS are labelled, with a faint grid to read the rows against."""
    first, last = span
    margin = max((last - first).days * 0.03, 10)
    axes.set_xlim(mdates.date2num(first) - margin, mdates.date2num(last) + margin)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in (1, 2, 3, 4, 6, 12) if months / s <= MAX_TICKS), 24)
    if step >= 12:
        axes.xaxis.set_major_locator(mdates.YearLocator(step // 12))
    else:
        axes.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, step)))
    axes.xaxis.set_minor_locator(mdates.MonthLocator())
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: month_label(mdates.num2date(x).date())))
    axes.tick_params(axis="x", labelsize=7.5)
    axes.grid(axis="x", color=GRID, linewidth=0.6, zorder=0)
    axes.set_axisbelow(True)


def _report_date(axes, as_of: date, label: str) -> None:
    axes.axvline(as_of, color=INK, linewidth=1, linestyle=(0, (4, 2)), zorder=1)
    left, right = axes.get_xlim()
    in_right_half = mdates.date2num(as_of) > (left + right) / 2
    top = blended_transform_factory(axes.transData, axes.transAxes)
    # The label leans away from the nearer edge, so that it never runs off the chart.
    axes.text(
        as_of,
        1.0,
        f" {label} " if in_right_half else f" {label}",
        transform=top,
        ha="right" if in_right_half else "left",
        va="bottom",
        fontsize=7.5,
        color=INK,
    )


def _legend(figure, rows: Sequence[str | Milestone], names: Mapping[str, str]) -> None:
    """One entry per mark that the chart uses, under the time axis."""
    milestones = [row for row in rows if not isinstance(row, str)]
    outcomes = {m.outcome for m in milestones}
    entries = [
        Line2D(
            [], [], linestyle="none", marker="|", markersize=9, markeredgewidth=1.6, color=INK, label=names["planned"]
        )
    ]
    for outcome in ("on_time", "late"):
        if outcome in outcomes:
            colour = OUTCOME_COLOURS[outcome]
            entries.append(
                Line2D(
                    [],
                    [],
                    color=_visible(colour),
                    linewidth=2.2,
                    marker="o",
                    markersize=6,
                    markerfacecolor=colour,
                    markeredgecolor=INK,
                    markeredgewidth=0.6,
                    label=names[outcome],
                )
            )
    if "overdue" in outcomes:
        entries.append(
            Line2D(
                [],
                [],
                color=OUTCOME_COLOURS["overdue"],
                linewidth=2.2,
                marker=">",
                markersize=5,
                label=names["overdue"],
            )
        )
    if any(m.forecast is not None for m in milestones):
        entries.append(
            Line2D(
                [],
                [],
                color=INK,
                linewidth=1.6,
                linestyle=(0, (2, 1.5)),
                marker="o",
                markersize=6,
                markerfacecolor="white",
                markeredgewidth=1.5,
                label=names["forecast"],
            )
        )
    if "cancelled" in outcomes:
        entries.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="x",
                markersize=6,
                markeredgewidth=1.5,
                color=OUTCOME_COLOURS["cancelled"],
                label=names["cancelled"],
            )
        )
    figure.legend(
        handles=entries,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=3,
        frameon=False,
        fontsize=7.5,
        handlelength=2.2,
    )
