"""The evaluator's own texts (inputs/<project>/text/) placed where they belong in a report, with their figures filled
in: the introduction after the summary, each criterion's assessment under it, each unit's text in its report and in
the project's, each activity told and each recommendation's substance in the end report's story, the conclusion,
lessons and the way forward at the end. A yearly status takes its texts from text/status/<period>/.
A place without a text shows nothing, not even a heading.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from pipeline.narrative import Text
from pipeline.present import document as doc
from pipeline.present import markdown, text_figures

if TYPE_CHECKING:
    from pipeline.present.report import Report

ANCHORS = {"introduction": "introduction", "conclusion": "conclusion", "lessons": "lessons", "next": "next"}


def text_for(report: Report, place: str) -> Text | None:
    """The text for `place` ('introduction', 'criteria/K1', 'units/0701') in the report's language; a yearly status's
    own from text/status/<period>/, never the end report's."""
    if report.previous_status is not None:
        place = f"status/{report.scope.period.name}/{place}"
    return report.project.narrative.text(place, report.t.language)


def text_section(report: Report, place: str) -> doc.Section | None:
    """A section of its own (introduction, conclusion, lessons, next): titled by the text's `#` heading, or by the
    report's word for it."""
    text = text_for(report, place)
    if text is None:
        return None
    title, blocks = markdown.title_and_blocks(text.source, 3, _fill(report, text), report.table_caption)
    if not blocks and title is None:
        return None
    made = doc.section(ANCHORS[place], title or report.t(f"text_{place}"), blocks)
    return made.model_copy(update={"source": text.file})  # a message about the section names its file


def text_blocks(report: Report, place: str, base: doc.HeadingLevel) -> list[doc.Block]:
    """A text shown inside a section (under a criterion or a unit), its headings from level `base`."""
    text = text_for(report, place)
    return markdown.blocks(text.source, base, _fill(report, text), report.table_caption) if text else []


def criterion_comment(report: Report, result) -> doc.Box | None:
    """The evaluator's assessment of a criterion, under the criterion's id and title."""
    blocks = text_blocks(report, f"criteria/{result.id}", 4)
    return doc.box("assessment", doc.heading(f"{result.id} {result.title}", 3), blocks) if blocks else None


def units_section(report: Report) -> doc.Section | None:
    """A unit's report: its own text, titled by the unit's name. The project's report: every unit's text, each under
    the unit's name."""
    unit = report.scope.unit
    if unit is not None:
        text = text_for(report, f"units/{unit}")
        if text is None:
            return None
        title, blocks = markdown.title_and_blocks(text.source, 3, _fill(report, text), report.table_caption)
        return doc.section("unit-text", title or report.unit_name or unit, blocks) if blocks else None
    parts = []
    for each in report.spec.units:
        blocks = text_blocks(report, f"units/{each.id}", 4)
        if blocks:
            parts += [doc.heading(each.name, 3), *blocks]
    return doc.section("unit-texts", report.spec.unit_noun.plural.capitalize(), parts) if parts else None


def comment(report: Report) -> str | None:
    """The introduction as the e-mail with a status quotes it: the Markdown as written, its figures filled in (a
    plain-text e-mail shows Markdown as it reads; nothing in it is markup there)."""
    text = text_for(report, "introduction")
    return text_figures.fill(text.source, report, text.file).strip() if text else None


def _fill(report: Report, text: Text):
    return partial(text_figures.fill, report=report, file=text.file)
