"""The end report's appendix (Danish bilag, Norwegian vedlegg): the detailed tables after the story — the criteria in
figures, the survey, the milestones, the activities, the recommendations — and how the figures were made, with the
technical terms that the story leaves out. Each part is numbered in order, in its title ("Bilag 3: Milepæle"), so
every format (page, PDF, Word, their tables of contents) shows the number, and the story can point to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.analysis import milestones as ms
from pipeline.analysis.evaluation import survey_waves
from pipeline.present import document as doc
from pipeline.present.activities import activities_tables
from pipeline.present.criteria import criteria_figures
from pipeline.present.milestones import milestones_section
from pipeline.present.recommendations import recommendations_appendix
from pipeline.present.summary import methods_section
from pipeline.present.survey import survey_section

if TYPE_CHECKING:
    from pipeline.present.report import Report


def has_survey(report: Report) -> bool:
    return report.spec.survey is not None and bool(survey_waves(report.scope))


def has_milestones(report: Report) -> bool:
    return ms.summarise(report.milestones)["total"] > 0


def has_activities(report: Report) -> bool:
    return bool(report.spec.files.activities) and not report.activities.empty


def has_recommendations(report: Report) -> bool:
    return bool(report.spec.files.recommendations) and not report.recommendations.empty


# The parts in order: a name the story points to, whether the report has the part, and the part itself (the survey
# without the chart and the comments, which the story has told).
PARTS: list[tuple[str, Callable[[Report], bool], Callable[[Report], doc.Section]]] = [
    ("criteria", lambda report: bool(report.criteria), criteria_figures),
    ("survey", has_survey, lambda report: survey_section(report, told=True)),
    ("milestones", has_milestones, milestones_section),
    ("activities", has_activities, activities_tables),
    ("recommendations", has_recommendations, recommendations_appendix),
    ("methods", lambda report: True, methods_section),
]


def numbers(report: Report) -> dict[str, int]:
    """Each part the report has, by name, with its number."""
    present = [name for name, has, _ in PARTS if has(report)]
    return {name: n for n, name in enumerate(present, start=1)}


def see_appendix(report: Report, *places: str) -> doc.Paragraph | None:
    """'Tallene bag står i bilag 3 og 4.', or nothing when the report has none of those parts."""
    found = numbers(report)
    shown = [str(found[place]) for place in places if place in found]
    return doc.paragraph(report.t("see_appendix", n=report.t.join(shown))) if shown else None


def appendix_sections(report: Report) -> list[doc.Section]:
    """Every part the report has, numbered, after the story (made once the story's sections are, so that tables and
    figures are numbered in reading order)."""
    found = numbers(report)
    sections = []
    for name, has, make in PARTS:
        if has(report):
            part = make(report)
            title = report.t("appendix_title", n=found[name], title=part.title)
            sections.append(part.model_copy(update={"title": title, "anchor": f"appendix-{part.anchor}"}))
    return sections
