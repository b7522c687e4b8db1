"""The summary that opens a report, and the closing note on how its figures were made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.analysis import milestones as ms
from pipeline.analysis.criteria import Status, mean_capped_attainment, summary_counts
from pipeline.analysis.evaluation import survey_waves
from pipeline.present import html
from pipeline.present.criteria import units_sentences
from pipeline.present.milestones import milestones_sentences

if TYPE_CHECKING:
    from pipeline.present.report import Report


def summary_section(report: Report) -> str:
    t = report.t
    results = report.criteria
    sentences = []
    if results:
        counts = summary_counts(results)
        sentences.append(t("criteria_met", met=counts[Status.MET], total=len(results)))
        rest = [t(f"count_{s.value}", count=counts[s]) for s in (Status.PARTLY_MET, Status.NOT_MET, Status.NO_DATA) if counts[s]]
        if rest:
            sentences.append(t.join(rest)[0].upper() + t.join(rest)[1:] + ".")
        mean, count = mean_capped_attainment([r.attainment for r in results])
        if count:
            sentences.append(t("mean_attainment", mean=t.percent(mean), count=count))
    lines = [html.paragraph(" ".join(sentences), "lead")] if sentences else []
    if report.scope.unit is None:
        for result in results:
            if result.units is not None and len(result.units):
                lines.append(html.paragraph(f"{result.id}: " + " ".join(units_sentences(report, result))))
    waves = survey_waves(report.scope)
    if waves:
        lines.append(html.paragraph(t("survey_responses", n=len(report.responses()), wave=waves[-1].label.lower())))
    summary = ms.summarise(report.milestones)
    lines.append(html.paragraph(" ".join(milestones_sentences(report, summary))))

    overview = "".join(
        f"<li>{html.status_badge(r.status.value, t(r.status.value))} <span>{html.escape(r.id)} {html.escape(r.title)}</span></li>" for r in results
    )
    box = f'<ul class="status-list">{overview}</ul>' if results else ""
    return html.section("summary", t("summary"), f'<div class="summary-box">{"".join(lines)}{box}</div>')


def about_section(report: Report) -> str:
    t = report.t
    thresholds = report.spec.thresholds
    note = t("methods_note", min=report.spec.survey.min_group_size if report.spec.survey else 5, met=t.percent(thresholds.met, 0), partly=t.percent(thresholds.partly, 0))
    return html.section("about", t("about"), html.paragraph(note), html.paragraph(t("generated_by", version=__version__), "small"))
