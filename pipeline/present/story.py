"""The end report told as a story, in the institution's voice with the figures inside it: each success criterion
with its status, key figure and the evaluator's assessment; what was done (the activities, each one the evaluator
told in text/activities/<id>.md, and the milestones); what the participants say; and each recommendation with its
substance (text/recommendations/<id>.md). Every chapter points to the appendix that holds its tables
(pipeline.present.appendix); no chapter names a method's technical term.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from pipeline.analysis import activities as act
from pipeline.analysis import milestones as ms
from pipeline.analysis import recommendations as rec
from pipeline.analysis import survey as sv
from pipeline.analysis.criteria import CriterionResult, Status
from pipeline.analysis.evaluation import survey_waves
from pipeline.present import charts, texts
from pipeline.present import document as doc
from pipeline.present.activities import lead_sentence, participants_text, participation_chart
from pipeline.present.appendix import see_appendix
from pipeline.present.cells import figure_text
from pipeline.present.criteria import status_text, units_sentences
from pipeline.present.milestones import milestones_sentences, slippage_sentences
from pipeline.present.recommendations import TONES, counts_sentence
from pipeline.present.style import WORDS
from pipeline.present.survey import comment_blocks, likert_chart

if TYPE_CHECKING:
    from pipeline.present.report import Report


def criteria_told(report: Report) -> doc.Section | None:
    """Each criterion under its own heading: its status and key figure in a sentence, the evaluator's assessment
    (text/criteria/<id>.md, or the justification of an assessed one), and for one judged per unit who met it and
    the chart. The table of every criterion and the units' figures are in the appendix."""
    t, results = report.t, report.criteria
    if not results:
        return None
    parts: list = [doc.paragraph(t("criteria_told_lead", count=in_words(t, len(results))))]
    for result in results:
        figure = key_figure(report, result)
        told: list = [
            doc.heading(f"{result.id} {result.title}", 3),
            doc.paragraph(doc.status_badge(result.status.value, status_text(report, result))),
        ]
        if figure:
            told.append(doc.paragraph(figure))
        if result.kind == "assessment" and result.detail:
            told.append(doc.paragraph(result.detail["justification"]))
        told += texts.text_blocks(report, f"criteria/{result.id}", 4)
        if report.scope.unit is None and result.units is not None and len(result.units):
            told += [doc.paragraph(" ".join(units_sentences(report, result))), units_chart(report, result)]
        parts.append(doc.box("assessment", told))
    parts.append(see_appendix(report, "criteria"))
    return doc.section("criteria", t("criteria"), *parts)


def in_words(t, count: int) -> str:
    """'fem' for 5: a small count in a sentence, as a Danish or Norwegian editor writes it; 11 and more in digits."""
    return WORDS[t.language][count] if 1 < count <= 10 else t.number(count)


def key_figure(report: Report, result: CriterionResult) -> str:
    """'Resultatet er 381 personer mod et mål på 420 personer. Opnåelsesgraden er 90,7 %.'; for an assessed criterion
    nothing (its justification follows), and words for no figures."""
    t = report.t
    if result.kind == "assessment":
        return ""
    if (result.detail or {}).get("suppressed"):
        return t("criterion_key_withheld")
    if result.status == Status.NO_DATA or pd.isna(result.actual):
        return t("criterion_key_no_data")
    sentence = t(
        "criterion_key_figure",
        result=figure_text(report, result, result.actual),
        target=figure_text(report, result, result.target),
    )
    if result.attainment is not None and not pd.isna(result.attainment):
        sentence += " " + t("criterion_key_attainment", attainment=t.percent(result.attainment, 0))
    return sentence


def units_chart(report: Report, result: CriterionResult) -> doc.Figure | None:
    """The criterion's attainment per unit, best first."""
    t, noun = report.t, report.spec.unit_noun
    units = result.units
    if units is None:
        return None
    charted = units.dropna(subset=["attainment"])
    if not len(charted):
        return None
    title = f"{result.id} {result.title}"
    met = int((charted["status"] == Status.MET).sum())
    svg = charts.attainment_chart(
        report.unit_names(charted["unit"]),
        list(charted["attainment"]),
        [s.value for s in charted["status"]],
        lambda x: t.percent(x, 0),
    )
    alt = t("alt_units", met=met, total=len(units[units["status"] != Status.NOT_APPLICABLE]), units=noun.plural)
    return doc.figure(svg, report.figure_caption(t("caption_units_chart", criterion=title, unit=noun.singular)), alt)


def activities_told(report: Report) -> doc.Section | None:
    """The end report's "what was done": how many activities and participants, the themes, the chart over time,
    each activity the evaluator told (text/activities/<id>.md: what happened, what came of it, quotes) under its
    title and date, and how the milestones went. The tables are in the appendix. None with neither activities nor
    milestones."""
    t, held = report.t, report.activities
    summary = ms.summarise(report.milestones)
    parts: list = []
    if report.spec.files.activities and not held.empty:
        lead = lead_sentence(report)
        covered = act.themes(held)
        if covered:
            lead += " " + t("act_themes_told", count=in_words(t, len(covered)), themes=t.join(list(covered)))
        parts += [doc.paragraph(lead, lead=True), participation_chart(report), see_appendix(report, "activities")]
        for i, row in enumerate(held.itertuples()):
            blocks = texts.text_blocks(report, f"activities/{row.id}", 4)
            if blocks:
                count = participants_text(report, held.iloc[[i]])
                parts += [
                    doc.heading(f"{row.title}, {t.date(row.date)}", 3),
                    doc.paragraph(t("act_told_participants", count=count)),
                    *blocks,
                ]
    if summary["total"]:
        if parts:
            parts.append(doc.heading(t("milestones"), 3))
        parts += [
            doc.paragraph(" ".join(milestones_sentences(report, summary) + slippage_sentences(report, summary))),
            see_appendix(report, "milestones"),
        ]
    return doc.section("done", t("done"), *parts) if parts else None


def survey_told(report: Report) -> doc.Section | None:
    """Who answered, of how many asked, what they agreed with most and least, the chart of every question, and
    their own words; no interval, rate or score by its technical name (the appendix has them). None without a survey."""
    t, codebook = report.t, report.spec.survey
    waves = survey_waves(report.scope)
    if codebook is None or not waves:
        return None
    wave = waves[-1]
    responses = report.responses(wave.id)
    lead = t("survey_responses", n=len(responses), wave=report.in_sentence(wave.label))
    rates = (
        sv.response_rates(responses, codebook, wave.id)
        if report.scope.unit is None and codebook.invited.get(wave.id)
        else None
    )
    if rates is not None and not rates.empty:
        total = sv.total_response_rate(rates)
        answered = t.number(total["complete"] + total["partial"])
        lead = t(
            "survey_answered_of",
            wave=report.in_sentence(wave.label),
            invited=t.number(total["invited"]),
            answered=answered,
            share=t.percent(total["rr2"], 0),
        )
    parts: list = [doc.paragraph(lead, lead=True)]
    if len(responses) < codebook.min_group_size:
        parts.append(doc.paragraph(t("survey_too_few", n=len(responses), min=codebook.min_group_size)))
        return doc.section("participants", t("participants_say"), *parts)
    asked = sv.asked_items(report.project.survey, codebook, wave.id)
    summary = sv.summarise_items(responses, codebook, lambda item: report.shows(wave.id, item)).sort_values(
        "positive_share", ascending=False, na_position="last"
    )
    answered_items = summary[summary["item"].isin(asked)].dropna(subset=["positive_share"])
    if len(answered_items):
        best, least = answered_items.iloc[0], answered_items.iloc[-1]
        agreement = [t("survey_best", item=best["text"], share=t.percent(best["positive_share"], 0))]
        if len(answered_items) > 1:
            agreement.append(t("survey_least", item=least["text"], share=t.percent(least["positive_share"], 0)))
        parts += [
            doc.paragraph(" ".join(agreement)),
            *likert_chart(report, responses, answered_items, report.in_sentence(wave.label)),
        ]
    parts += comment_blocks(report, responses, asked)
    return doc.section("participants", t("participants_say"), *parts)


def recommendations_told(report: Report) -> doc.Section | None:
    """The end report's recommendations, each under its own heading: where it stands, who gave it and to whom, its
    substance as the evaluator wrote it (text/recommendations/<id>.md: the problem, the reasoning, what it costs),
    and the decision and follow-up in sentences. The table of all of them is in the appendix. None without
    recommendations.csv."""
    if not report.spec.files.recommendations:
        return None
    t, table = report.t, report.recommendations
    if table.empty:
        return doc.section("recommendations", t("recommendations"), doc.paragraph(t("rec_none")))
    parts: list = [doc.paragraph(counts_sentence(t, rec.counts_by_status(table), len(table)), lead=True)]
    for row in table.itertuples():
        given = t("rec_told_given", source=row.source, date=t.date(row.given), to=t.join(list(row.to)))
        badge = doc.Badge(symbol="", label=t(f"rec_{row.status}"), tone=TONES[row.status])
        told = [doc.heading(f"{row.id} {row.title}", 3), doc.paragraph(badge), doc.paragraph(given)]
        told += texts.text_blocks(report, f"recommendations/{row.id}", 4)
        course = []
        if rec.dated(row.decided):
            course.append(
                t("rec_decided_on", date=t.date(row.decided), decision=row.decision)
                if row.decision
                else t.date(row.decided)
            )
        if row.follow_up:
            course.append(
                t("rec_followed_up_on", date=t.date(row.updated), note=row.follow_up)
                if rec.dated(row.updated)
                else row.follow_up
            )
        told += [doc.paragraph(sentence) for sentence in course]
        parts += told
    parts.append(see_appendix(report, "recommendations"))
    return doc.section("recommendations", t("recommendations"), *parts)
