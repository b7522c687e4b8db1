"""Every sentence of every example report, read as a committee reads it (issue 20): no sentence opens with a numeral,
one never stands before a plural, and one quote style per language."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from pipeline.present.style import ABBREVIATIONS

# Plurals the reports' words use, which "1" must never stand before ("1 aktiviteter").
PLURALS = (
    "aktiviteter",
    "anbefalinger",
    "milepæle",
    "milepæler",
    "kommuner",
    "succeskriterier",
    "suksesskriterier",
    "deltagere",
    "deltakere",
    "møder",
    "møter",
    "spørgsmål",
    "respondenter",
    "kommentarer",
    "grupper",
    "år ",
)
# The language's quotes, opening and closing: Danish »…«, Norwegian «…».
QUOTES = {"da": ("»", "«"), "nb": ("«", "»")}
INPUTS = Path(__file__).resolve().parent.parent / "inputs"


def sentences(page: str) -> list[str]:
    """The sentences of the page's paragraphs, list items and headings; tables, charts and the page's own style and
    script left out. A full stop after an abbreviation or a day's number ends no sentence."""
    body = re.sub(r"<(table|script|style|figure|svg|nav)\b.*?</\1>", " ", page, flags=re.S)
    found = []
    for block in re.findall(r"<(?:p|li|h[1-6])\b[^>]*>(.*?)</(?:p|li|h[1-6])>", body, flags=re.S):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", block)).split())
        start = 0
        for end in re.finditer(r"[.!?]\s+(?=[A-ZÆØÅ0-9«»\"“])", text):
            word = text[: end.start()].rsplit(" ", 1)[-1].lower().strip('(«»"')
            if word in ABBREVIATIONS or word.isdigit():  # "ca. 70", "4. november"
                continue
            found.append(text[start : end.start() + 1])
            start = end.end()
        found.append(text[start:])
    return [sentence for sentence in found if sentence.strip()]


def pages(reports: Path) -> list[tuple[Path, str, str]]:
    found = []
    for path in sorted(reports.glob("*/*/*.html")):
        page = path.read_text(encoding="utf-8")
        language = re.search(r'<html[^>]*lang="([a-z]+)', page[:500]).group(1)
        if language in ("da", "nb"):
            found.append((path, language, page))
    return found


def test_no_sentence_of_any_example_report_opens_with_a_numeral_or_puts_one_before_a_plural(rendered_examples):
    read = pages(rendered_examples)
    assert len(read) >= 5  # every example's end report in Danish or Norwegian, the yearly status and its case
    opening, one_before_plural = [], []
    for path, _, page in read:
        for sentence in sentences(page):
            if re.match(r"\d{1,3}(?![\d.,:/%])\s+\S", sentence):
                opening.append(f"{path.name}: {sentence[:80]}")
            if re.search(r"(?<![\d.,])\b1\s+(" + "|".join(PLURALS) + ")", sentence + " "):
                one_before_plural.append(f"{path.name}: {sentence[:80]}")
    assert not opening, "\n".join(opening[:20])
    assert not one_before_plural, "\n".join(one_before_plural[:20])


@pytest.mark.parametrize("language", ["da", "nb"])
def test_one_quote_style_per_language(rendered_examples, language):
    for path, found, page in pages(rendered_examples):
        if found != language:
            continue
        text = " ".join(sentences(page))  # a quote may hold two sentences
        assert not re.findall(r"[“”\"]", text), f"{path.name}: English quotes in {language} text"
        marks = re.findall("[«»]", text)  # each quote opened and closed the language's way, in turn
        opening, closing = QUOTES[language]
        assert marks == [opening, closing] * (len(marks) // 2), f"{path.name}: quotes {''.join(marks)}"


def written_labels(project: str) -> set[str]:
    """Every label the project's user wrote that a sentence may name: activities, criteria, milestones and waves."""
    from pipeline.project import load_project

    loaded = load_project(INPUTS / project)
    labels = {criterion.title for criterion in loaded.spec.criteria}
    labels |= set(loaded.activities["title"]) | set(loaded.milestones["title"])
    labels |= {wave.label for wave in loaded.spec.survey.waves} if loaded.spec.survey else set()
    return {label for label in labels if label}


def written_so(project: str) -> str:
    """Every word the user or the catalogue wrote as it is: the project's files and every message in every language.
    A label's words found there in small letters were written so ("i undersøkelsen høsten 2016" in a criterion's text,
    "planlagte aktiviteter er gjennomført" in a sentence of the catalogue)."""
    from pipeline.present.catalogue import MESSAGES

    files = [
        path.read_text(encoding="utf-8")
        for path in (INPUTS / project).rglob("*")
        if path.suffix in (".md", ".csv", ".yaml")
    ]
    return "\n".join(files + [text for message in MESSAGES.values() for text in message.values()])


def test_every_label_keeps_the_capitals_its_user_wrote_in_every_sentence(rendered_examples):
    # Issue 21: a report read "borgermødet i nakskov" for the activity "Borgermødet i Nakskov". Of a label the user
    # wrote, the report may lower only the capital that opened it (mid-sentence, `text.mid_sentence`: "borgermødet i
    # Nakskov"); every other capital stays (a sentence's first letter may be raised).
    read = pages(rendered_examples)
    changed, named = [], 0
    for project in sorted({path.parent.parent.name for path, _, _ in read}):
        labels, own = written_labels(project), written_so(project)
        for path, _, page in (p for p in read if p[0].parent.parent.name == project):
            text = " ".join(sentences(page))
            for label in labels:
                for found in re.findall(re.escape(label), text, flags=re.I):
                    named += 1
                    allowed = (label, label[0].upper() + label[1:], label[0].lower() + label[1:])
                    if found not in allowed and found not in own:
                        changed.append(f"{path.name}: {found!r} for {label!r}")
    assert named >= 20  # the examples' sentences name their waves, activities and milestones
    assert changed == []
