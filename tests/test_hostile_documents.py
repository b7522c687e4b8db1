"""Every text field of the document model × a hostile set of texts, through every renderer: each must produce its
file. The fast lane puts one hostile text in every field at once, and lets Hypothesis mix them field by field; the
slow lane tries each field alone with the texts whose harm depends on the field."""

from __future__ import annotations

import base64
import random
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import render
from pipeline.present import document as doc

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#1b4f72"/></svg>'
)
HOSTILE = {
    "empty": "",
    "whitespace": " \n\t\u00a0 ",
    "zero-width": "\u200b\u200d",
    "a run of 40,000": "x" * 40_000,
    "40,000 in words": "ord " * 10_000,
    "quotes": "> > > > > > > > > > > > svar",
    "anchor": "#konklusjon",
    "bare anchor": "#",
    "control": "nul\0 esc\x1b del\x7f bell\x07 \x0b\x0c",
    "half a pair": "før \ud800 efter",
    "rtl": "\u202eمرحبا بالعالم\u202c \u2067עברית\u2069",
    "emoji": "👩‍👩‍👧‍👦 🏳️‍🌈 \U0001f9d1\U0001f3fd‍\U0001f91d‍\U0001f9d1\U0001f3fb",
    "typst": '#set page(width: 1pt) $x^2$ [a] <lbl> @ref #"\\" // kommentar /* ',
    "html": "<script>alert(1)</script>&amp; </style><img src=x onerror=alert(1)> \"'",
    "markdown": "## overskrift\n\n> citat\n\n[her](#) ![billede](logo.png) {{ 7*7 }} {{K1.stauts}}",
    "braces": "{page} {pages} {} {{ }} %s %(x)s",
    "formula": '=HYPERLINK("http://x")',
}
# The fields that are no free text: a block's kind and role, a status's tone, a figure's unit, the report's
# language (a code the renderers' words are looked up by), and when it was made.
CODES = {
    "kind",
    "role",
    "tone",
    "unit",
    "language",
    "made",
    "level",
    "lead",
    "ordered",
    "suppressed",
    "numeric",
    "contents",
}


def base() -> doc.Document:
    """A document with every block and run kind in it, every text field filled."""
    cover = doc.Cover(
        language="da",
        title="Forum",
        owner="Viborg Kommune",
        report_title="Slutrapport",
        unit_name="Viborg",
        period="2024–2026",
        date="1. oktober 2026",
        accent="#1b4f72",
        provenance="evalreport",
        version="0",
        made=datetime(2026, 10, 1, tzinfo=UTC),
        inputs="abc",
        logo="data:image/svg+xml;base64," + base64.b64encode(SVG.encode()).decode(),
        labels={
            "owner": "Ansvarlig",
            "period": "Periode",
            "report_date": "Udarbejdet",
            "contents": "Indhold",
            "page_of": "Side {page} af {pages}",
        },
    )
    runs = [
        "tekst ",
        doc.Strong(text="fed"),
        doc.Emphasis(text="kursiv"),
        doc.Link(text="link", target="#about"),
        doc.Link(text="web", target="https://example.dk"),
        doc.status_badge("met", "Opfyldt"),
    ]
    table = doc.table(
        ["Kommune", "Andel", "Status"],
        [
            ["Viborg", doc.Datum(text="45,2 %", value=0.452, unit="share", note="n"), doc.marked("Opfyldt", "met")],
            ["Skive", doc.Datum(text="1. maj 2025", value="2025-05-01", unit="date"), "tekst"],
        ],
        doc.Caption(label="Tabel 1", text="Andele"),
        numeric=[1],
    )
    summary = doc.section(
        "summary",
        "Sammenfatning",
        doc.box("summary", doc.paragraph(*runs, lead=True)),
        doc.heading("Overskrift"),
        doc.heading("Underoverskrift", 4),
        doc.BulletList(items=[[doc.status_badge("met", "Opfyldt"), "K1"]], role="statuses"),
        doc.BulletList(items=[["et punkt", doc.Strong(text="fed")]], role="text", ordered=True),
        doc.box("quote", doc.box("quote", doc.paragraph("citat"))),
        doc.box("assessment", doc.paragraph("vurdering")),
        doc.box("detail", table),
    )
    about = doc.section(
        "about",
        "Om rapporten",
        doc.note(*runs),
        doc.figure(SVG, doc.Caption(label="Figur 1", text="Graf"), "Alt"),
        table,
    )
    return doc.Document(cover=cover, sections=[summary, about], results={"schema_version": 1, "titel": "Forum"})


def text_fields(value, path=()) -> list[tuple]:
    """The path of every free-text field of a dumped document."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() if key not in CODES for p in text_fields(item, (*path, key))]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in text_fields(item, (*path, i))]
    return []


BASE = base().model_dump()
FIELDS = text_fields(BASE)


def with_texts(texts: dict[tuple, str]) -> doc.Document:
    """The base document with each field at a path given its text."""
    dumped = base().model_dump()
    for path, text in texts.items():
        holder = dumped
        for key in path[:-1]:
            holder = holder[key]
        holder[path[-1]] = text
    return doc.Document.model_validate(dumped)


def assert_every_format(document: doc.Document) -> None:
    rendered = render.render_each(document, list(render.OUTPUTS))
    assert not rendered.failed, rendered.failed
    assert set(rendered.files) == set(render.OUTPUTS)
    assert rendered.files["pdf"].startswith(b"%PDF") and rendered.files["html"].startswith(b"<!DOCTYPE html>")


def test_the_fields_are_many():
    assert len(FIELDS) > 40, "every text of the model: cover, headings, runs, cells, captions, alt text, svg, labels"


@pytest.mark.parametrize("name", list(HOSTILE))
def test_one_hostile_text_in_every_field_at_once(name):
    assert_every_format(with_texts(dict.fromkeys(FIELDS, HOSTILE[name])))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FIELDS), st.sampled_from(list(HOSTILE.values())), min_size=1, max_size=12))
def test_hostile_texts_mixed_field_by_field(texts):
    assert_every_format(with_texts(texts))


# Texts whose harm depends on the one field they are in (a field left empty while its neighbours are not); the
# others are tried in every field at once above.
ALONE = ["empty", "whitespace", "zero-width", "a run of 40,000", "40,000 in words", "bare anchor"]


# Every field alone with every such text is 500 documents (five minutes): each text goes alone into a fixed sample
# of the fields, a different sample per text, so that a run of the suite stays short and any failure reproduces.
SAMPLE = 12


@pytest.mark.slow
@pytest.mark.parametrize("name", ALONE)
def test_each_field_with_each_hostile_text_alone(name):
    for path in random.Random(name).sample(FIELDS, SAMPLE):
        assert_every_format(with_texts({path: HOSTILE[name]}))


def test_deep_quotes_in_the_model():
    block: doc.Block = doc.paragraph("dybt")
    for _ in range(40):
        block = doc.box("quote", block, doc.paragraph("svar"))
    assert_every_format(base().model_copy(update={"sections": [doc.section("s", "Citater", block)]}))
