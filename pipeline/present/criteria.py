"""The success-criteria section: one table of every criterion, then per-unit detail for ratio criteria."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from pipeline.analysis.criteria import (
    CriterionResult,
    RatioTotal,
    Status,
    exceeded,
    mean_capped_attainment,
    rank_units,
    status_of,
)
from pipeline.present import cells, charts, texts
from pipeline.present import document as doc
from pipeline.present.cells import figure_cell
from pipeline.spec import RatioMeasure

if TYPE_CHECKING:
    from pipeline.present.report import Report


def criteria_section(report: Report) -> doc.Section:
    t = report.t
    results = report.criteria
    rows = [
        [
            f"{r.id} {r.title}",
            measured_by(report, r),
            figure_cell(report, r, r.actual),
            figure_cell(report, r, r.target),
            cells.share(t, r.attainment),
            doc.marked(status_text(report, r), r.status.value),
        ]
        for r in results
    ]
    headers = [t("criterion"), t("measured_by"), t("result"), t("target"), t("attainment"), t("status")]
    parts: list[doc.Block | list[doc.Block] | None] = [
        doc.table(headers, rows, report.table_caption(t("caption_criteria")), numeric=(2, 3, 4), role="criteria")
    ]
    parts += [assessment_note(report, r) for r in results if r.kind == "assessment" and r.detail]
    parts += judged_notes(report, results)
    detailed = [r for r in results if r.units is not None and len(r.units)] if report.scope.unit is None else []
    # The evaluator's assessment of each criterion (text/criteria/<id>.md); an assessed criterion has it beside the
    # verdict above, one with figures per unit in its own part below.
    elsewhere = {r.id for r in detailed} | {r.id for r in results if r.kind == "assessment" and r.detail}
    parts += [texts.criterion_comment(report, r) for r in results if r.id not in elsewhere]
    if report.scope.unit is None:
        parts.append(units_overview(report, results))
        parts += [units_detail(report, r) for r in detailed]
    return doc.section("criteria", t("criteria"), *parts)


def judged_notes(report: Report, results: list[CriterionResult]) -> list[doc.Block]:
    """A note for each criterion judged on a provisional figure, or not yet because its target's year runs."""
    notes: list[doc.Block] = []
    for result in results:
        sentences = provisional_sentences(report, result) + in_progress_sentences(report, result)
        if sentences:
            notes.append(doc.note(f"{result.id}: " + " ".join(sentences)))
    return notes


def provisional_sentences(report: Report, result: CriterionResult) -> list[str]:
    """'Tallet er foreløbigt, opgjort pr. 31. oktober 2026.', and how the criterion was judged on it."""
    t, provisional = report.t, result.detail.get("provisional")
    if not provisional:
        return []
    coverage = provisional["coverage"]
    sentences = [t("provisional_figure", date=t.date(coverage)) if coverage else t("provisional_undated")]
    if provisional.get("prorated"):
        sentences.append(t("provisional_prorated", target=cells.figure_text(report, result, result.target)))
    elif result.status == Status.IN_PROGRESS and result.attainment is None:
        sentences.append(t("provisional_not_judged"))
    return sentences


def in_progress_sentences(report: Report, result: CriterionResult) -> list[str]:
    """Why a criterion short of its target is not 'not met': its target's year has not ended by the report date."""
    ends = result.detail.get("target_year_ends")
    if ends is None:
        return []
    year = report.scope.period.year_label(report.scope.period.year_of(ends))  # '2026', or '2025/26' on fiscal years
    return [report.t("in_progress_note", year=year, date=report.t.date(report.scope.as_of))]


def status_text(report: Report, result: CriterionResult) -> str:
    """'Nådd', or 'Nådd – overoppfylt' when the target is exceeded."""
    text = report.t(result.status.value)
    return f"{text} – {report.t('exceeded')}" if exceeded(result) else text


def units_overview(report: Report, results: list[CriterionResult]) -> list[doc.Block]:
    """Every unit over every criterion judged per unit, ranked by mean attainment capped at 100 %."""
    t, noun = report.t, report.spec.unit_noun
    ranking = rank_units(results)
    if ranking.empty or len(ranking) < 2:
        return []
    criteria = [r for r in results if r.units is not None and len(r.units)]
    symbol = {Status.MET: "●", Status.PARTLY_MET: "◐", Status.NOT_MET: "○"}
    rows = []
    for name, row in zip(report.unit_names(ranking["unit"]), ranking.to_dict("records")):
        figures: list[doc.Cell] = [name]
        for result in criteria:
            status = row[f"{result.id}_status"]
            value = row[f"{result.id}_attainment"]
            if status in symbol:
                figures.append(cells.share(t, value, text=f"{symbol[status]} {t.percent(value, 0)}", tone=status.value))
            else:
                figures.append(doc.marked(t(status.value), status.value))
        figures += [cells.share(t, row["mean"]), cells.count(t, row["met"])]
        rows.append(figures)
    headers = [noun.singular.capitalize(), *(r.id for r in criteria), t("mean"), t("criteria_met_short")]
    caption = report.table_caption(t("caption_units_overview", unit=noun.singular))
    numeric = tuple(range(1, len(criteria) + 3))
    charted = ranking.dropna(subset=["mean"])
    figure = units_overview_chart(report, charted) if len(charted) else None
    return doc.flatten(
        [
            doc.heading(t("units_overview", unit=noun.singular), 3),
            figure,
            doc.table(headers, rows, caption, numeric=numeric),
        ]
    )


def measured_by(report: Report, result: CriterionResult) -> str:
    measure = next(c.measure for c in report.spec.criteria if c.id == result.id)
    labels = report.spec.indicators
    if measure.kind == "ratio":
        return report.t(
            "kind_ratio", numerator=labels[measure.numerator].label, denominator=labels[measure.denominator].label
        )
    if measure.kind == "indicator":
        text = report.t("kind_indicator", indicator=labels[measure.indicator].label)
        notes = (
            [f"{report.t('baseline').lower()} {report.t.number(measure.baseline, 1)}"]
            if measure.baseline is not None
            else []
        )
        notes += [report.t("lower_is_better")] if measure.direction == "lower" else []
        return f"{text} ({', '.join(notes)})" if notes else text
    if measure.kind == "survey":
        return report.t("kind_survey", item=report.codebook.items[measure.item].text)
    if measure.kind == "milestones" and measure.share == "on_time":
        return report.t("kind_milestones_on_time")
    return report.t(f"kind_{measure.kind}")


def assessment_note(report: Report, result: CriterionResult) -> doc.Box:
    t, detail = report.t, result.detail
    byline = ""
    if detail.get("assessor"):
        byline = " " + t("assessed_by", assessor=detail["assessor"], date=t.date(detail.get("date")))
    return doc.box(
        "assessment",
        doc.paragraph(
            doc.Strong(text=f"{result.id} {result.title}:"),
            " ",
            doc.status_badge(result.status.value, t(result.status.value)),
        ),
        doc.paragraph(t("justification") + ": " + detail["justification"] + byline),
        texts.text_blocks(report, f"criteria/{result.id}", 4),  # the evaluator's own assessment beside the verdict
    )


def units_overview_chart(report: Report, charted) -> doc.Figure:
    """Units by mean capped attainment, best on top, coloured by the status that mean would have."""
    t, noun = report.t, report.spec.unit_noun
    thresholds = report.spec.thresholds
    statuses = [status_of(mean, thresholds).value for mean in charted["mean"]]
    names, words = report.unit_names(charted["unit"]), {s: t(s) for s in statuses}
    svg = charts.attainment_chart(names, list(charted["mean"]), statuses, lambda x: t.percent(x, 0), words=words)
    best, worst = report.unit_names(charted["unit"].iloc[[0, -1]])
    alt = t(
        "alt_units_overview",
        best=best,
        best_mean=t.percent(charted["mean"].iloc[0], 0),
        worst=worst,
        worst_mean=t.percent(charted["mean"].iloc[-1], 0),
    )
    return doc.figure(svg, report.figure_caption(t("caption_units_overview_chart", unit=noun.singular)), alt)


def per_unit(report: Report, result: CriterionResult) -> tuple[RatioMeasure, pd.DataFrame]:
    """A criterion judged per unit: its measure, a ratio (the only kind judged per unit), and its units' figures."""
    measure = next(c.measure for c in report.spec.criteria if c.id == result.id)
    assert isinstance(measure, RatioMeasure) and result.units is not None, f"{result.id}: not judged per unit"
    return measure, result.units


def units_sentences(report: Report, result: CriterionResult) -> list[str]:
    """'Målet er nådd i 4 av 10 kommuner: A, B, C og D.' and who had no data or nothing to attain."""
    t, noun = report.t, report.spec.unit_noun
    _, units = per_unit(report, result)
    judged = units[~units["status"].isin([Status.NOT_APPLICABLE])]
    met = judged[judged["status"] == Status.MET]
    sentence = t("units_met", met=len(met), total=len(judged), units=noun.plural if len(judged) != 1 else noun.singular)
    sentence += t("units_met_names", names=t.join(report.unit_names(met["unit"]))) if len(met) else "."
    sentences = [sentence, *total_sentences(report, result)]
    rows = units[units["status"] == Status.NOT_APPLICABLE]
    if len(rows):
        names = t.join(report.unit_names(rows["unit"]))
        sentences.append(
            t(
                "units_not_applicable",
                count=len(rows),
                units=noun.plural if len(rows) != 1 else noun.singular,
                names=names,
            )
        )
    return sentences


def total_sentences(report: Report, result: CriterionResult) -> list[str]:
    """Each unit the total leaves out, and each it counts as zero, named with the figures it has."""
    t, noun = report.t, report.spec.unit_noun
    total: RatioTotal = result.detail["ratio_total"]
    measure, units = per_unit(report, result)
    labels = report.spec.indicators
    numerator, denominator = labels[measure.numerator].label, labels[measure.denominator].label
    figures = units.set_index("unit")

    def named(units: list[str]) -> str:
        return t.join(
            [
                t(
                    "unit_figures",
                    name=name,
                    denominator=denominator,
                    bottom=figure(t, figures.at[unit, "denominator"]),
                    numerator=numerator,
                    top=figure(t, figures.at[unit, "numerator"]),
                )
                for unit, name in zip(units, report.unit_names(units))
            ]
        )

    sentences = []
    for units, key in ((total.left_out, "units_left_out"), (total.counted_as_zero, "units_counted_as_zero")):
        if units:
            plural = noun.plural if len(units) != 1 else noun.singular
            sentences.append(t(key, count=len(units), units=plural, numerator=numerator, names=named(units)))
    return sentences


def figure(t, value) -> str:
    """A unit's figure in a sentence: the number, or words saying there is none (never a bare dash, never 0)."""
    return t("no_figure") if pd.isna(value) else t.number(value)


def units_detail(report: Report, result: CriterionResult) -> doc.Box:
    t, noun = report.t, report.spec.unit_noun
    measure, units = per_unit(report, result)
    labels = report.spec.indicators
    title = f"{result.id} {result.title}"
    parts: list[doc.Block] = [
        doc.heading(title, 3),
        *texts.text_blocks(report, f"criteria/{result.id}", 4),
        *(doc.paragraph(s) for s in units_sentences(report, result)),
    ]
    total = result.detail["ratio_total"]
    if total.denominator:
        parts.append(
            doc.paragraph(
                t(
                    "ratio_total",
                    numerator=t.number(total.numerator),
                    denominator=t.number(total.denominator),
                    ratio=t.percent(total.ratio),
                )
            )
        )
    charted = units.dropna(subset=["attainment"])
    if len(charted):
        names = report.unit_names(charted["unit"])
        met = int((charted["status"] == Status.MET).sum())
        statuses = [s.value for s in charted["status"]]
        words, percent = {s: t(s) for s in statuses}, lambda x: t.percent(x, 0)
        svg = charts.attainment_chart(names, list(charted["attainment"]), statuses, percent, words=words)
        alt = t("alt_units", met=met, total=len(units[units["status"] != Status.NOT_APPLICABLE]), units=noun.plural)
        parts.append(
            doc.figure(svg, report.figure_caption(t("caption_units_chart", criterion=title, unit=noun.singular)), alt)
        )
    rows = [
        [
            name,
            cells.number(t, row.numerator),
            cells.number(t, row.denominator),
            cells.share(t, row.ratio),
            doc.marked(t(row.status.value), row.status.value),
        ]
        for name, row in zip(report.unit_names(units["unit"]), units.itertuples())
    ]
    headers = [
        noun.singular.capitalize(),
        labels[measure.numerator].label,
        labels[measure.denominator].label,
        t("ratio"),
        t("status"),
    ]
    caption = report.table_caption(t("caption_units_table", criterion=title, unit=noun.singular))
    parts.append(doc.table(headers, rows, caption, numeric=(1, 2, 3)))
    return doc.box("detail", parts)


# --- The end report: each criterion told, and its figures in the appendix ----------------------------------------


def criteria_figures(report: Report) -> doc.Section:
    """The appendix's part on the criteria: the mean attainment, the table of every criterion, and the figures per
    unit (the story has each criterion's assessment and chart)."""
    t, results = report.t, report.criteria
    parts: list = []
    mean, count = mean_capped_attainment([r.attainment for r in results])
    if count:
        parts.append(doc.paragraph(t("mean_attainment", mean=t.percent(mean), count=count)))
    rows = [
        [
            f"{r.id} {r.title}",
            measured_by(report, r),
            figure_cell(report, r, r.actual),
            figure_cell(report, r, r.target),
            cells.share(t, r.attainment),
            doc.marked(status_text(report, r), r.status.value),
        ]
        for r in results
    ]
    headers = [t("criterion"), t("measured_by"), t("result"), t("target"), t("attainment"), t("status")]
    parts.append(
        doc.table(headers, rows, report.table_caption(t("caption_criteria")), numeric=(2, 3, 4), role="criteria")
    )
    if report.scope.unit is None:
        parts.append(units_overview(report, results))
        for result in [r for r in results if r.units is not None and len(r.units)]:
            parts += units_figures(report, result)
    return doc.section("criteria-figures", t("appendix_criteria"), *parts)


def units_figures(report: Report, result: CriterionResult) -> list[doc.Block]:
    """A criterion judged per unit: the total over every unit, and each unit's figures in a table."""
    t, noun = report.t, report.spec.unit_noun
    measure, units = per_unit(report, result)
    labels = report.spec.indicators
    title = f"{result.id} {result.title}"
    parts: list = [doc.heading(title, 3)]
    total = result.detail["ratio_total"]
    if total.denominator:
        parts.append(
            doc.paragraph(
                t(
                    "ratio_total",
                    numerator=t.number(total.numerator),
                    denominator=t.number(total.denominator),
                    ratio=t.percent(total.ratio),
                )
            )
        )
    rows = [
        [
            name,
            cells.number(t, row.numerator),
            cells.number(t, row.denominator),
            cells.share(t, row.ratio),
            doc.marked(t(row.status.value), row.status.value),
        ]
        for name, row in zip(report.unit_names(units["unit"]), units.itertuples())
    ]
    headers = [
        noun.singular.capitalize(),
        labels[measure.numerator].label,
        labels[measure.denominator].label,
        t("ratio"),
        t("status"),
    ]
    parts.append(
        doc.table(
            headers,
            rows,
            report.table_caption(t("caption_units_table", criterion=title, unit=noun.singular)),
            numeric=(1, 2, 3),
        )
    )
    return parts
