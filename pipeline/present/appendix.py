"""The end report's appendix (Danish bilag, Norwegian vedlegg): the detailed tables after the story — the criteria in
figures, the survey, the milestones, the activities, the recommendations — and how the figures were made, with the
technical terms that the story leaves out. Each part is numbered in order, in its title ("Bilag 2: Milepæle"), so
every format (page, PDF, Word, their tables of contents) shows the number, and the story can point to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.analysis import milestones as ms
from pipeline.analysis.evaluation import survey_waves
from pipeline.present import activities, criteria, recommendations, summary, survey
from pipeline.present import document as doc
from pipeline.present.milestones import milestones_section

if TYPE_CHECKING:
    from pipeline.present.report import Report

# The parts, in order: each with whether the report has it, and what it shows.
Part = tuple[str, Callable[["Report"], bool], Callable[["Report"], "doc.Section | None"]]
PARTS: list[Part] = [
    ("criteria", lambda report: bool(report.criteria), criteria.criteria_figures),
    ("survey", lambda report: report.spec.survey is not None and bool(survey_waves(report.scope)), lambda report: survey.survey_section(report, told=True)),
    ("milestones", lambda report: ms.summarise(report.milestones)["total"] > 0, milestones_section),
    ("activities", lambda report: bool(report.spec.files.activities) and not report.activities.empty, activities.activities_tables),
    ("recommendations", lambda report: bool(report.spec.files.recommendations) and not report.recommendations.empty, recommendations.recommendations_appendix),
    ("methods", lambda report: True, summary.methods_section),
]


def number(report: Report, place: str) -> int | None:
    """The appendix's number for `place` ('survey', 'methods', …), or None when the report has no such part: what the
    story says when it points to the figures behind it."""
    present = [name for name, has, _ in PARTS if has(report)]
    return present.index(place) + 1 if place in present else None


def see_appendix(report: Report, place: str) -> doc.Paragraph | None:
    """'Tallene bag står i bilag 2.', or nothing when there is no such appendix."""
    n = number(report, place)
    return doc.paragraph(report.t("see_appendix", n=n)) if n else None


def appendix_sections(report: Report) -> list[doc.Section]:
    """Every part the report has, numbered, after the story (call it once the story's sections are made, so tables
    and figures are numbered in reading order)."""
    sections = []
    for name, has, make in PARTS:
        if not has(report):
            continue
        made = make(report)
        if made is not None:
            n = len(sections) + 1
            sections.append(made.model_copy(update={"title": report.t("appendix_title", n=n, title=made.title), "anchor": f"appendix-{made.anchor}"}))
    return sections
