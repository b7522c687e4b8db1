"""<report>.docx: the same document for the agenda system, in Word's named styles, opened by LibreOffice as written."""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document as open_word
from docx.oxml.ns import qn
from PIL import Image

from pipeline.present import document as doc
from pipeline.present.criteria import criteria_section
from pipeline.present.milestones import milestones_section
from pipeline.present.report import Report
from pipeline.present.summary import about_section, summary_section
from pipeline.present.survey import survey_section
from pipeline.project import load_project
from pipeline.render import render
from pipeline.render.cover import cover
from pipeline.render.docx import to_docx
from pipeline.run.jobs import Job

MADE = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)
CONTROL = "\x00\x01\x08\x0b\x0c\x1f\ufffe"  # no XML may hold these
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="144pt" height="72pt">'
    '<rect width="144" height="72" fill="#1b4f72"/></svg>'
)
LABELS = {
    "owner": "Ansvarlig",
    "period": "Periode",
    "report_date": "Udarbejdet",
    "contents": "Indhold",
    "page_of": "Side {page} af {pages}",
}


def small_document(logo: str | None = None) -> doc.Document:
    """Every block kind once, with text no XML may hold."""
    cover_page = doc.Cover(
        language="da",
        title="Integrationsforum" + CONTROL,
        owner="Viborg Kommune",
        report_title="Slutrapport",
        period="2024–2026",
        date="1. oktober 2026",
        accent="#1b4f72",
        provenance="evalreport 0",
        version="0",
        labels=LABELS,
        made=MADE,
        logo=logo,
    )
    summary = doc.section(
        "summary",
        "Sammenfatning",
        doc.box(
            "summary", doc.paragraph("Ført " + CONTROL, doc.Strong(text="fed"), doc.Emphasis(text="kursiv"), lead=True)
        ),
        doc.BulletList(items=[[doc.status_badge("met", "Opfyldt"), "K1 Flere deltagere"]], role="statuses"),
        doc.BulletList(
            items=[["at udvalget tager status til efterretning"], ["at anbefaling A4 sendes videre"]],
            role="text",
            ordered=True,
        ),
        doc.BulletList(items=[["første punkt i en ny liste"]], role="text", ordered=True),
        doc.heading("Tal", 3),
        doc.table(
            ["Kriterium", "Andel"],
            [["K1", doc.Datum(text="83,0 %", value=0.83, unit="share")], [doc.marked("Ikke opfyldt", "not_met"), "12"]],
            doc.Caption(label="Tabel 1", text="Succeskriterier"),
            numeric=(1,),
        ),
        doc.figure(SVG, doc.Caption(label="Figur 1", text="Deltagere"), "Søjlediagram over deltagere pr. år"),
        doc.note(
            "Se ",
            doc.Link(text="om rapporten", target="#about"),
            " og ",
            doc.Link(text="viborg.dk", target="https://viborg.dk"),
        ),
        doc.box("quote", doc.paragraph("Et citat")),
    )
    return doc.Document(
        cover=cover_page,
        sections=[summary, doc.section("about", "Om rapporten", doc.paragraph("Lavet med evalreport"))],
    )


def word_of(document: doc.Document):
    return open_word(io.BytesIO(to_docx(document)))


def styles_of(word) -> list[str]:
    return [paragraph.style.name for paragraph in word.paragraphs]


def test_every_block_is_written_in_words_named_styles():
    word = word_of(small_document())
    styles = styles_of(word)
    assert {
        "Title",
        "Subtitle",
        "TOC Heading",
        "TOC 1",
        "Heading 1",
        "Heading 2",
        "List Bullet",
        "List Number",
        "Caption",
        "Figure",
        "Note",
        "Quote",
    } <= set(styles)
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Sammenfatning", "Tal", "Om rapporten"]
    (table,) = word.tables
    assert table.style.name == "Table Grid"
    assert [[cell.paragraphs[0].style.name for cell in row.cells] for row in table.rows] == [
        ["Table Heading", "Table Heading Number"],
        ["Table Text", "Table Number"],
        ["Table Text", "Table Number"],
    ]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Kriterium", "Andel"],
        ["K1", "83,0 %"],
        ["Ikke opfyldt", "12"],
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page


def test_no_direct_formatting_in_the_body():
    """Runs carry a character style at most; paragraphs a style and, in a list, its numbering: nothing else."""
    body = word_of(small_document()).element.body
    run_settings = {child.tag for properties in body.iter(qn("w:rPr")) for child in properties}
    assert run_settings <= {qn("w:rStyle")}
    paragraph_settings = {child.tag for properties in body.iter(qn("w:pPr")) for child in properties}
    assert paragraph_settings <= {qn("w:pStyle"), qn("w:numPr")}


def test_each_numbered_list_counts_from_one():
    word = word_of(small_document())
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert len(numbered) == 3 and ids[0] == ids[1] != ids[2]
    numbering = word.part.numbering_part.element
    for number in set(ids):
        (definition,) = [n for n in numbering.findall(qn("w:num")) if n.numId == number]
        assert definition.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_charts_and_logo_are_pictures_with_alternative_text():
    emblem = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="5" cx="5" cy="5"/></svg>'
    logo = "data:image/svg+xml;base64," + base64.b64encode(emblem.encode()).decode()
    word = word_of(small_document(logo))
    pictures = word.element.body.findall(".//" + qn("wp:docPr"))
    assert [p.get("descr") for p in pictures] == ["Viborg Kommune", "Søjlediagram over deltagere pr. år"]
    images = [part for part in word.part.package.parts if part.content_type == "image/png"]
    assert len(images) == 2 and all(image.blob.startswith(b"\x89PNG") for image in images)
    chart = max((Image.open(io.BytesIO(image.blob)) for image in images), key=lambda image: image.width)
    assert chart.width >= 390  # 144 pt, two inches, at print resolution (200 pixels per inch)
    paragraphs = word.paragraphs
    (at,) = [
        i
        for i, p in enumerate(paragraphs)
        if p.style.name == "Figure" and p._p.find(".//" + qn("wp:docPr")) is not None and i > 5
    ]
    assert (paragraphs[at + 1].style.name, paragraphs[at + 1].text) == ("Caption", "Figur 1: Deltagere")


def test_language_title_author_and_page_numbers():
    word = word_of(small_document())
    properties = word.core_properties
    assert (properties.title, properties.author, properties.language) == (
        "Integrationsforum – Slutrapport",
        "Viborg Kommune",
        "da-DK",
    )
    assert word.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang")).get(qn("w:val")) == "da-DK"
    footer = word.sections[0].footer.paragraphs[0]
    codes = [code.text.strip() for code in footer._p.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"] and footer.text.startswith("Side ") and " af " in footer.text


def test_a_title_longer_than_words_properties_hold_is_shortened_there_and_whole_on_the_cover():
    long = small_document()
    long = long.model_copy(update={"cover": long.cover.model_copy(update={"title": "Lang titel " * 40})})
    word = word_of(long)
    assert len(word.core_properties.title) == 255 and word.core_properties.title.endswith("…")
    assert [p.text for p in word.paragraphs if p.style.name == "Title"] == ["Lang titel " * 40]


def test_control_characters_are_dropped_and_the_file_reopens():
    word = word_of(small_document())
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Integrationsforum" in text and "Ført fed" in text
    assert not any(character in text for character in CONTROL)


def test_the_table_of_contents_links_each_section_to_its_heading():
    word = word_of(small_document())
    links = [link.get(qn("w:anchor")) for link in word.element.body.iter(qn("w:hyperlink")) if link.get(qn("w:anchor"))]
    marks = {mark.get(qn("w:name")) for mark in word.element.body.iter(qn("w:bookmarkStart"))}
    assert links[:2] == ["s_summary", "s_about"] and set(links) <= marks
    assert [p.text for p in word.paragraphs if p.style.name == "TOC 1"] == ["Sammenfatning", "Om rapporten"]


@pytest.fixture(scope="module")
def example_docx(tmp_path_factory) -> Path:
    """A Danish end report's Word file, drawn from the same document as its page and PDF."""
    report = Report.open("helhedsplan-norrevang")
    sections = [
        part(report) for part in (summary_section, criteria_section, survey_section, milestones_section, about_section)
    ]
    project = load_project("helhedsplan-norrevang")
    document = doc.Document(
        cover=cover(Job(project.id, "end_report", "2022-2025", "da"), project, MADE), sections=sections
    )
    path = tmp_path_factory.mktemp("docx") / "end_report.docx"
    path.write_bytes(render(document, ["docx"])["docx"])
    return path


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: tools/browser-dependencies.sh"
)
def test_libreoffice_opens_the_report_and_reads_back_its_text(example_docx, tmp_path):
    """`soffice --headless --convert-to txt`: the file opens without repair, and says what the report says."""
    profile = tmp_path / "profile"  # its own LibreOffice profile: no clash with another run
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(tmp_path),
            str(example_docx),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    text = (tmp_path / "end_report.txt").read_text(encoding="utf-8-sig")
    word = open_word(example_docx)
    for paragraph in word.paragraphs:
        if paragraph.style.name in ("Title", "Heading 1", "Heading 2", "Caption"):
            assert paragraph.text in text, paragraph.text
    assert "Boligsocial helhedsplan Nørrevang" in text and "Succeskriterier og status" in text
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells if cell.text]
    assert cells and all(cell.split("\n")[0] in text for cell in cells)
    figures = [p.text for p in word.paragraphs if p.style.name == "Caption" and p.text.startswith("Figur ")]
    assert len(figures) >= 2 and len(word.element.body.findall(".//" + qn("wp:docPr"))) == len(figures)
