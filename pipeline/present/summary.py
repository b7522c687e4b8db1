"""The summary that opens a report — the criteria, the survey, the activities, the milestones, the recommendations —
and how its figures were made: a closing note, or in an end report its last appendix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.analysis import milestones as ms
from pipeline.analysis import recommendations as rec
from pipeline.analysis.criteria import Status, summary_counts
from pipeline.analysis.evaluation import survey_waves
from pipeline.present import document as doc
from pipeline.present.activities import lead_sentence
from pipeline.present.criteria import units_sentences
from pipeline.present.milestones import milestones_sentences
from pipeline.present.recommendations import counts_sentence

if TYPE_CHECKING:
    from pipeline.present.report import Report


def summary_section(report: Report) -> doc.Section:
    t = report.t
    results = report.criteria
    # The day the report is judged at, said first: the period's last day once it has ended, today while it runs.
    sentences = [t("as_of", date=t.date(report.scope.as_of))]
    if results:
        counts = summary_counts(results)
        sentences.append(t("criteria_met", met=counts[Status.MET], total=len(results)))
        rest = [
            t(f"count_{s.value}", count=counts[s])
            for s in (Status.PARTLY_MET, Status.IN_PROGRESS, Status.NOT_MET, Status.NO_DATA)
            if counts[s]
        ]
        if rest:
            sentences.append(t("criteria_rest", counts=t.join(rest)))
    lines = [doc.paragraph(" ".join(sentences), lead=True)]
    if report.scope.unit is None:
        for result in results:
            if result.units is not None and len(result.units):
                lines.append(doc.paragraph(f"{result.id}: " + " ".join(units_sentences(report, result))))
    waves = survey_waves(report.scope)
    if waves:
        lines.append(
            doc.paragraph(t("survey_responses", n=len(report.responses()), wave=report.in_sentence(waves[-1].label)))
        )
    held = report.activities
    if report.spec.files.activities and not held.empty:
        lines.append(doc.paragraph(lead_sentence(report)))
    summary = ms.summarise(report.milestones)
    told = milestones_sentences(report, summary)
    lines.append(doc.paragraph(" ".join(told[1:] if summary["total"] else told)))  # the day is said above
    table = report.recommendations
    if report.spec.files.recommendations and len(table):
        lines.append(doc.paragraph(counts_sentence(t, rec.counts_by_status(table), len(table))))

    overview: list[list[doc.Inline]] = [
        [doc.status_badge(r.status.value, t(r.status.value)), f"{r.id} {r.title}"] for r in results
    ]
    statuses = doc.BulletList(items=overview, role="statuses") if results else None
    return doc.section("summary", t("summary"), doc.box("summary", lines, statuses))


def methods_section(report: Report) -> doc.Section:
    """The end report's last appendix: how the figures were made in plain words, then the technical terms and
    formulas (the only place in the end report that names them)."""
    t = report.t
    thresholds = report.spec.thresholds
    plain = t(
        "methods_plain",
        min=report.spec.min_group_size,
        met=t.percent(thresholds.met, 0),
        partly=t.percent(thresholds.partly, 0),
    )
    terms = t(
        "methods_note",
        min=report.spec.min_group_size,
        met=t.percent(thresholds.met, 0),
        partly=t.percent(thresholds.partly, 0),
    )
    return doc.section(
        "about",
        t("appendix_methods"),
        doc.paragraph(plain),
        doc.heading(t("methods_terms"), 3),
        doc.paragraph(terms),
        doc.note(t("generated_by", version=__version__)),
    )


def about_section(report: Report) -> doc.Section:
    t = report.t
    thresholds = report.spec.thresholds
    note = t(
        "methods_note",
        min=report.spec.min_group_size,
        met=t.percent(thresholds.met, 0),
        partly=t.percent(thresholds.partly, 0),
    )
    return doc.section("about", t("about"), doc.paragraph(note), doc.note(t("generated_by", version=__version__)))
