"""The milestones section: how many are done and done on time, the overdue ones first, a timeline, then phase by
phase."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pandas as pd
from babel.dates import format_date, format_skeleton

from pipeline.analysis import milestones as ms
from pipeline.present import cells
from pipeline.present import document as doc
from pipeline.present.timeline import Milestone, timeline_chart

if TYPE_CHECKING:
    from pipeline.present.i18n import Messages
    from pipeline.present.report import Report


def milestones_sentences(report: Report, summary: dict) -> list[str]:
    """The short account the summary at the top of a report repeats: done share, on-time share, overdue."""
    t = report.t
    if summary["total"] == 0:
        return [t("milestones_none")]
    sentences = [t("as_of", date=t.date(report.scope.as_of))]
    if summary["due"]:
        sentences.append(
            t(
                "milestones_done",
                done=summary["done"],
                due=summary["due"],
                share=t.percent(summary["done_share"]),
                on_time=summary["counts"][ms.Outcome.ON_TIME],
                on_time_share=t.percent(summary["on_time_share"]),
            )
        )
    overdue = summary["counts"][ms.Outcome.OVERDUE]
    if overdue:
        sentences.append(t("milestones_overdue_one") if overdue == 1 else t("milestones_overdue", count=overdue))
    return sentences


def slippage_sentences(report: Report, summary: dict) -> list[str]:
    """Slippage that has happened, then slippage the forecasts expect: two different things, said apart."""
    t = report.t
    sentences = []
    late = summary["counts"][ms.Outcome.LATE]
    if late:
        days = t.number(summary["mean_slippage_late"], 1)
        sentences.append(
            t("milestones_late_one", days=days) if late == 1 else t("milestones_late_mean", count=late, days=days)
        )
    expected = summary["forecast_late"]
    if expected:
        days = t.number(summary["mean_expected_slippage_late"], 1)
        sentences.append(
            t("milestones_forecast_late_one", days=days)
            if expected == 1
            else t("milestones_forecast_late", count=expected, days=days)
        )
    return sentences


def milestones_section(report: Report) -> doc.Section:
    t = report.t
    table = report.milestones
    summary = ms.summarise(table)
    parts: list[doc.Block | list[doc.Table]] = [
        doc.paragraph(" ".join(milestones_sentences(report, summary) + slippage_sentences(report, summary)))
    ]
    if summary["total"] == 0:
        return doc.section("milestones", t("milestones"), *parts)
    overdue = ms.overdue(table)
    if len(overdue):  # first, as it is what a committee asks about
        parts += [doc.heading(t("milestones_overdue_heading"), 3), overdue_table(report, overdue)]
    parts += [
        timeline_figure(report, table),
        doc.heading(t("milestones_by_phase"), 3),
        phases_table(report, table),
        phase_tables(report, table),
    ]
    return doc.section("milestones", t("milestones"), *parts)


def overdue_table(report: Report, overdue: pd.DataFrame) -> doc.Table:
    """Milestones past their planned date and not done: how many days over, and when they are now expected."""
    t = report.t
    with_forecast = overdue["slippage"].eq(ms.Slippage.EXPECTED).any()
    headers = [t("milestone"), t("phase"), t("planned"), t("days_overdue")]
    if with_forecast:
        headers += [t("forecast"), t("expected_slippage")]
    rows = []
    for row in overdue.itertuples():
        row_cells = [
            title_of(report, row),
            phase_name(t, row.phase),
            date_cell(t, row.planned),
            cells.number(t, row.days_overdue),
        ]
        if with_forecast:
            row_cells += expected_cells(t, row)
        rows.append(row_cells)
    caption = report.table_caption(t("caption_overdue", date=t.date(report.scope.as_of)))
    return doc.table(headers, rows, caption, numeric=(3, 5))


def timeline_figure(report: Report, table: pd.DataFrame) -> doc.Figure:
    t = report.t
    phases = [
        (phase_name(t, phase), [timeline_row(report, row) for row in table[table["phase"] == phase].itertuples()])
        for phase in ms.phases(table)
    ]
    legend = {"planned": t("planned"), "forecast": t("forecast"), **{o.value: t(o.value) for o in ms.Outcome}}
    svg = timeline_chart(
        phases,
        report.scope.as_of,
        lambda day: t("timeline_as_of", date=t.date(day)),
        lambda day: month_label(t, day),
        legend,
    )
    return doc.figure(svg, report.figure_caption(t("caption_timeline")), timeline_alt(report, table))


def timeline_row(report: Report, row) -> Milestone:
    done = row.outcome in ms.DONE
    expected = row.slippage == ms.Slippage.EXPECTED
    return Milestone(
        title_of(report, row),
        row.outcome.value,
        row.planned,
        row.actual if done else None,
        row.forecast if expected else None,
    )


def timeline_alt(report: Report, table: pd.DataFrame) -> str:
    """What the chart shows, in words, from the same data: span, counts per outcome, the worst delay."""
    t = report.t
    counts = ms.summarise(table)["counts"]
    text = t(
        "alt_timeline",
        total=len(table),
        phases=len(ms.phases(table)),
        start=t.date(table["planned"].min()),
        end=t.date(table["planned"].max()),
        counts="; ".join(f"{t(o.value)}: {counts[o]}" for o in ms.Outcome if counts[o]),
    )
    worst = ms.most_delayed(table)
    if worst is not None:
        text += " " + t("alt_timeline_most_late", title=worst["title"], days=t.number(worst["days_late"]))
    return text


def phases_table(report: Report, table: pd.DataFrame) -> doc.Table:
    """One row per phase: done of those due, the share, how many on time, with the whole project as the last row."""
    t = report.t
    phases = pd.concat(
        [ms.by_phase(table), ms.by_phase(table.assign(phase="")).assign(phase=t("milestones_all_phases"))]
    )
    rows = [
        [
            phase_name(t, row.phase),
            cells.count(t, row.total),
            t("done_of_due", done=t.number(row.done), due=t.number(row.due)),
            cells.share(t, row.done_share),
            cells.count(t, row.on_time),
            cells.count(t, row.cancelled),
        ]
        for row in phases.itertuples()
    ]
    headers = [
        t("phase"),
        t("milestones_total"),
        t("milestones_done_of_due"),
        t("milestones_done_share"),
        t("milestones_on_time_count"),
        t("cancelled"),
    ]
    return doc.table(
        headers,
        rows,
        report.table_caption(t("caption_phases", date=t.date(report.scope.as_of))),
        numeric=(1, 2, 3, 4, 5),
    )


def phase_tables(report: Report, table: pd.DataFrame) -> list[doc.Table]:
    """A table per phase, milestones in planned order. A forecast column only when some milestone has a forecast:
    it holds the expected date and slippage, apart from the slippage that has happened."""
    t = report.t
    with_forecast = table["slippage"].eq(ms.Slippage.EXPECTED).any()
    headers = [
        t("milestone"),
        t("planned"),
        t("actual"),
        t("slippage"),
        *([t("forecast")] if with_forecast else []),
        t("outcome"),
    ]
    tables = []
    for phase in ms.phases(table):
        rows = []
        for row in table[table["phase"] == phase].itertuples():
            done = date_cell(t, row.actual) if row.outcome in ms.DONE else cells.day("", None)
            row_cells = [title_of(report, row), date_cell(t, row.planned), done, realised_slippage(t, row)]
            if with_forecast:
                row_cells.append(forecast_cell(t, row))
            rows.append([*row_cells, doc.marked(t(row.outcome.value), row.outcome.value)])
        tables.append(
            doc.table(
                headers, rows, report.table_caption(t("caption_phase_table", phase=phase_name(t, phase))), numeric=(3,)
            )
        )
    return tables


def realised_slippage(t: Messages, row) -> doc.Datum:
    """Days late (or early) when done; days overdue so far when not done; nothing otherwise."""
    if row.outcome == ms.Outcome.OVERDUE:
        return cells.number(t, row.days_overdue)
    return (
        cells.number(t, row.slippage_days) if row.slippage == ms.Slippage.REALISED else cells.number(t, None, text="")
    )


def forecast_text(t: Messages, row) -> str:
    """'12. januar 2027 (35 dage efter planen)': the forecast and the slippage it implies; empty without one."""
    if row.slippage != ms.Slippage.EXPECTED:
        return ""
    days = row.slippage_days
    if days == 0:
        return t("forecast_as_planned", date=table_date(t, row.forecast))
    key = "forecast_after_plan" if days > 0 else "forecast_before_plan"
    return t(key, date=table_date(t, row.forecast), days=t.number(abs(days)))


def forecast_cell(t: Messages, row) -> doc.Datum:
    """`forecast_text` with the forecast date itself, for the exports."""
    return cells.day(forecast_text(t, row), row.forecast if row.slippage == ms.Slippage.EXPECTED else None)


def expected_cells(t: Messages, row) -> list[doc.Datum]:
    """The forecast date and the slippage it implies, or two empty cells."""
    if row.slippage != ms.Slippage.EXPECTED:
        return [cells.day("", None), cells.number(t, None, text="")]
    return [date_cell(t, row.forecast), cells.number(t, row.slippage_days)]


def title_of(report: Report, row) -> str:
    """A milestone's title, with the unit's name when it belongs to one unit."""
    return row.title + (f" ({report.spec.unit_name(row.unit)})" if row.unit else "")


def phase_name(t: Messages, phase: str) -> str:
    return phase or t("no_phase")


def table_date(t: Messages, day: date) -> str:
    """'13. sep. 2016' (da, nb), '13 Sept 2016' (en): a date short enough for a table column at A4 width."""
    return format_date(day, format="medium", locale=t.locale)


def date_cell(t: Messages, day: date, text: str | None = None) -> doc.Datum:
    """`table_date` with the date itself, for the exports."""
    return cells.day(table_date(t, day) if text is None else text, day)


def month_label(t: Messages, day: date) -> str:
    """A month on a time axis: 'jan. 2016' (da, nb), 'Jan 2016' (en)."""
    return format_skeleton("yMMM", day, locale=t.locale)
