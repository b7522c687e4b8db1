"""The milestones section: how many are done, on time or late, a chart by outcome and the full list."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from pipeline.analysis import milestones as ms
from pipeline.present import charts, html

if TYPE_CHECKING:
    from pipeline.present.report import Report


def milestones_sentences(report: Report, summary: dict) -> list[str]:
    t = report.t
    if summary["total"] == 0:
        return [t("milestones_none")]
    sentences = [t("as_of", date=t.date(report.scope.as_of))]
    if summary["due"]:
        sentences.append(
            t("milestones_done", done=summary["done"], due=summary["due"], share=t.percent(summary["done_share"]), on_time=summary["counts"][ms.Outcome.ON_TIME])
        )
    overdue = summary["counts"][ms.Outcome.OVERDUE]
    if overdue:
        sentences.append(t("milestones_overdue", count=overdue))
    return sentences


def milestones_section(report: Report) -> str:
    t = report.t
    table = report.milestones
    summary = ms.summarise(table)
    parts = [html.paragraph(" ".join(milestones_sentences(report, summary)))]
    if summary["total"] == 0:
        return html.section("milestones", t("milestones"), *parts)

    outcomes = [o for o in ms.Outcome if summary["counts"][o]]
    svg = charts.outcome_chart([t(o.value) for o in outcomes], [summary["counts"][o] for o in outcomes], [o.value for o in outcomes])
    alt = t("alt_milestones", done=summary["done"], total=summary["total"])
    parts.append(html.figure(svg, report.figure_caption(t("caption_milestones_chart")), alt))

    rows = [
        [
            row.title + (f" ({report.spec.unit_name(row.unit)})" if row.unit else ""),
            row.phase,
            t.date(row.planned),
            t.date(row.actual) if row.outcome in (ms.Outcome.ON_TIME, ms.Outcome.LATE) else "",
            "" if pd.isna(row.slippage_days) else t.number(row.slippage_days),
            (t(row.outcome.value), f"outcome-{row.outcome.value}"),
        ]
        for row in table.itertuples()
    ]
    headers = [t("milestone"), t("phase"), t("planned"), t("actual"), t("slippage"), t("outcome")]
    parts.append(html.table(headers, rows, report.table_caption(t("caption_milestones_table")), numeric=(4,)))
    return html.section("milestones", t("milestones"), *parts)
