"""A report's PDF, drawn by Typst from the document model: tagged for accessibility (PDF/UA-1) and fit for the
archive (PDF/A-2a) in one file, saying what the HTML says, numbered and linked as a reader expects.

Checked on every example report (Norwegian, Danish, English and a Danish yearly status), rendered by the command
line, and on small documents drawn here.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import struct
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from functools import cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from pipeline.cli import main
from pipeline.present import document as doc
from pipeline.render.pdf import PDF_STANDARDS, to_pdf

A4 = 297 / 210
FONT_FAMILIES = ("SourceSansPro", "DejaVuSans")
LANGUAGES = {"bosetting-vestfold": "nb", "helhedsplan-norrevang": "da", "integrationsforum-viborg": "da"}


@pytest.fixture(scope="module")
def reports(rendered_examples) -> Path:
    """Every example's end report in its language, the Norwegian one in English too, and the Danish yearly status
    (rendered once per session, tests/conftest.py)."""
    return rendered_examples


EXAMPLES = [
    "bosetting-vestfold/2015-2016/end_report",
    "bosetting-vestfold/2015-2016/end_report.en",
    "helhedsplan-norrevang/2022-2025/end_report",
    "integrationsforum-viborg/2024-2026/end_report",
    "integrationsforum-viborg/2025-2026/status_report",
]


@pytest.fixture(params=EXAMPLES)
def example(request, reports) -> Path:
    """The PDF of one example; its HTML lies beside it."""
    return reports / f"{request.param}.pdf"


def language_of(pdf: Path) -> str:
    return "en" if pdf.stem.endswith(".en") else LANGUAGES[pdf.parent.parent.name]


# --- What the HTML says, to find in the PDF ---------------------------------------------------------------


class Shown(HTMLParser):
    """The texts of an HTML report a reader must find in the PDF: headings, table cells, captions, and the whole
    text of the report's body."""

    KINDS = {
        "h1": "headings",
        "h2": "headings",
        "h3": "headings",
        "h4": "headings",
        "th": "cells",
        "td": "cells",
        "caption": "captions",
        "figcaption": "captions",
    }

    def __init__(self):
        super().__init__()
        self.found = {kind: [] for kind in ("headings", "cells", "captions", "contents", "alts")}
        self.body: list[str] = []
        self.open: list[tuple[str, list[str]]] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.found["alts"].append(dict(attrs).get("alt", ""))
        if tag in ("style", "title", "nav"):
            self.skip += 1
        if tag in self.KINDS or tag == "a" and self.skip:
            self.open.append((tag, []))

    def handle_endtag(self, tag):
        if tag == "a" and self.open and self.open[-1][0] == "a":
            _, parts = self.open.pop()
            self.found["contents"].append(words("".join(parts)))
        if tag in ("style", "title", "nav"):
            self.skip -= 1
        if self.open and self.open[-1][0] == tag:
            _, parts = self.open.pop()
            text = words("".join(parts))
            if text:
                self.found[self.KINDS[tag]].append(text)

    def handle_data(self, data):
        if self.open and self.open[-1][0] == "a":
            self.open[-1][1].append(data)
        if self.skip:
            return
        self.body.append(data)
        for _, parts in self.open:
            parts.append(data)


def words(text: str) -> str:
    """Text with one space between words, and a word hyphenated at a line's end joined again (the same is done
    to the HTML's text: 'bolig- og' reads 'boligog' in both)."""
    text = re.sub(r"(?<=\d)\xad\s*(?=\d)", "-", text)  # a line broken after the hyphen of '2025-2026'
    text = re.sub(r"\xad\s*", "", text)  # a soft hyphen where Typst broke a word
    text = " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())
    return re.sub(r"(?<=[a-zæøå])- (?=[a-zæøå])", "", text)


def html_of(pdf: Path) -> Shown:
    shown = Shown()
    shown.feed(pdf.with_suffix(".html").read_text(encoding="utf-8"))
    return shown


def pdf_pages(pdf: Path) -> list[str]:
    stat = pdf.stat()
    return _pdf_pages(pdf, stat.st_mtime_ns, stat.st_size)


@cache  # an example's PDF is read by several tests: its text is extracted once (seconds for the longest)
def _pdf_pages(pdf: Path, modified: int, size: int) -> list[str]:
    return [words(page.extract_text()) for page in PdfReader(pdf).pages]


def squeezed(text: str) -> str:
    """Text without any spaces: a line of the PDF may break where the HTML has a space, or break a cell in two."""
    return re.sub(r"\s+", "", text)


def tokens(text: str) -> list[str]:
    """Words, and the parts of a word a line may break after a dash or slash."""
    return [token for token in re.split(r"\s+|(?<=[–\-/])", text) if token]


def in_order(needle: list[str], haystack: list[str]) -> bool:
    """Whether the words of `needle` occur in `haystack` in the same order (others may come between: the lines
    of a table's cells are read row by row, across the columns)."""
    remaining = iter(haystack)
    return all(any(word == seen for seen in remaining) for word in needle)


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def test_the_pdf_says_what_the_html_says(example):
    shown = html_of(example)
    pages = pdf_pages(example)
    text = " ".join(pages)
    flat, words_of_pdf = squeezed(text), tokens(text)
    for heading in shown.found["headings"]:
        assert squeezed(heading) in flat, heading
    for caption in shown.found["captions"]:
        assert squeezed(caption) in flat, caption
    assert shown.found["cells"]
    for cell in shown.found["cells"]:
        assert in_order(tokens(cell), words_of_pdf), cell
    missing = Counter(NUMBER.findall(words(" ".join(shown.body)))) - Counter(NUMBER.findall(text))
    assert not missing, f"numbers in the HTML but not in the PDF: {dict(missing)}"


def test_pages_are_numbered_in_the_reports_language(example):
    pages = pdf_pages(example)
    pattern = {"da": "Side {} af {}", "nb": "Side {} av {}", "en": "Page {} of {}"}[language_of(example)]
    for number, text in enumerate(pages, start=1):
        assert pattern.format(number, len(pages)) in text


def test_the_table_of_contents_points_at_the_pages_of_its_headings(example):
    pages = pdf_pages(example)
    sections = html_of(example).found["contents"]  # the HTML's table of contents
    assert len(sections) >= 2
    listed, at = [], 0
    for title in sections:  # 'Sammendrag . . . . 1', in order on the first page
        found = re.compile(re.escape(title) + r"[ .]*?(\d+)(?!\d)").search(pages[0], at)
        assert found, f"{title} is not in the table of contents"
        listed.append((title, int(found.group(1))))
        at = found.end()
    after_contents = [pages[0][at:], *pages[1:]]
    for title, page in listed:
        assert squeezed(title) in squeezed(after_contents[page - 1]), f"{title} is not on page {page}"
    with pikepdf.open(example) as pdf:
        assert [item.title for item in pdf.open_outline().root] == sections, "bookmarks follow the sections"


def test_every_example_is_set_in_the_reports_typeface_with_every_font_embedded(example):
    with pikepdf.open(example) as pdf:
        found = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"]
        assert found
        for font in found:
            name = str(font.get("/BaseFont")).split("+", 1)[-1]
            assert name.startswith(FONT_FAMILIES), name
            descriptor = font.DescendantFonts[0].FontDescriptor if font.Subtype == "/Type0" else font.FontDescriptor
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), f"{name} is not embedded"


# --- Accessibility and archiving, on every example --------------------------------------------------------


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every element of the structure tree, walked from /StructTreeRoot."""
    found, stack, seen = [], [pdf.Root.StructTreeRoot], set()
    while stack:
        node = stack.pop()
        if not isinstance(node, pikepdf.Dictionary) or node.objgen in seen and node.objgen != (0, 0):
            continue
        seen.add(node.objgen)
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        if isinstance(kids, pikepdf.Array):
            stack.extend(kids)
        elif kids is not None:
            stack.append(kids)
    return found


def test_every_example_claims_pdfa_2a_and_pdfua_1_and_is_tagged(example):
    with pikepdf.open(example) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"], meta["pdfuaid:part"]) == ("2", "A", "1")
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and "/DestOutputProfile" in intent
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True  # viewers show the title, not the file name
        types = Counter(str(element.S) for element in structure(pdf))
    assert {"/Document", "/H1", "/H2", "/P", "/Table", "/TH", "/TD", "/Caption", "/TOC", "/TOCI"} <= set(types)
    assert types["/H1"] == 1, "one title"
    shown = html_of(example)
    assert types["/Table"] == len([c for c in shown.found["captions"] if re.match(r"(Tabell?|Table) \d+:", c)])


def test_every_chart_has_its_alternative_text(example):
    alts = html_of(example).found["alts"]
    with pikepdf.open(example) as pdf:
        figures = [str(element.get("/Alt", "")) for element in structure(pdf) if element.S == "/Figure"]
    assert sorted(figures) == sorted(alts)
    assert all(len(alt) > 20 for alt in alts)


def test_language_and_title_are_the_reports(example):
    html = example.with_suffix(".html").read_text(encoding="utf-8")
    title = unescape(html.split("<title>", 1)[1].split("</title>", 1)[0])
    with pikepdf.open(example) as pdf:
        assert str(pdf.Root.Lang) == language_of(example)
        assert str(pdf.docinfo.Title) == title
        assert pdf.open_metadata()["dc:title"] == title


def test_nothing_points_outside_the_file(example):
    """Nothing fetched, launched or embedded: an archived report stands alone. Its links go to its own pages, or
    are the web links the evaluator's text gives the reader, as in the HTML."""
    web_links = set(re.findall(r'<a href="(https?://[^"]+)"', example.with_suffix(".html").read_text(encoding="utf-8")))
    with pikepdf.open(example) as pdf:
        assert "/Names" not in pdf.Root or "/EmbeddedFiles" not in pdf.Root.Names
        internal = 0
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                action = annotation.get("/A")
                if action is None or action.S == "/GoTo":
                    internal += 1
                else:
                    assert action.S == "/URI" and str(action.URI) in web_links, f"an action {action.S} leaves the file"
        assert internal, "the table of contents links to the sections"
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary):
                assert obj.get("/S") not in ("/Launch", "/GoToR", "/ImportData", "/SubmitForm", "/JavaScript")
                assert obj.get("/Subtype") != "/Image" or "/F" not in obj, "an image from outside the file"


# Pages as a reader sees them, drawn by poppler.
needs_pdftoppm = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (Debian: poppler-utils) is not installed"
)


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])  # width and height from the IHDR chunk


@needs_pdftoppm
def test_one_a4_image_per_page(reports, tmp_path):
    pdf = reports / f"{EXAMPLES[0]}.pdf"
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(tmp_path / "page")], check=True, capture_output=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == len(PdfReader(pdf).pages) > 1
    for image in images:
        width, height = png_size(image)
        assert height / width == pytest.approx(A4, abs=0.02)


# --- Text that looks like Typst prints as written ---------------------------------------------------------

TYPST = [
    "#set page(fill: red)",
    "$x^2$",
    "*fed*",
    "_kursiv_",
    "@ref",
    "<label>",
    "[indhold]",
    "\\",
    "// ikke en kommentar",
    "`rå`",
    '#"streng"',
    "#{1 + 1}",
]


def small_document(title: str, cell: str) -> doc.Document:
    cover = doc.Cover(
        language="da",
        title=title,
        owner="Viborg Kommune",
        report_title="Slutrapport",
        period="2024–2026",
        date="1. oktober 2026",
        accent="#1b4f72",
        provenance="evalreport · " + cell,
        version="0",
        made=datetime(2026, 10, 1, tzinfo=UTC),
        labels={
            "owner": "Ansvarlig",
            "period": "Periode",
            "report_date": "Udarbejdet",
            "contents": "Indhold",
            "page_of": "Side {page} af {pages}",
        },
    )
    section = doc.section(
        "summary",
        "Sammenfatning " + cell,
        doc.paragraph(cell, doc.Strong(text=cell), doc.Emphasis(text=cell)),
        doc.table(
            ["Kriterium " + cell, "Andel"],
            [[cell, "83,0 %"], [doc.marked(cell, "met"), "1"]] * 40,
            doc.Caption(label="Tabel 1", text=cell),
            numeric=(1,),
        ),
        doc.BulletList(items=[[doc.status_badge("met", cell), cell]], role="statuses"),
    )
    return doc.Document(cover=cover, sections=[section, doc.section("about", "Om rapporten", doc.note(cell))])


@pytest.mark.parametrize("text", TYPST)
def test_typst_syntax_in_a_title_or_a_cell_prints_as_written(tmp_path, text):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(to_pdf(small_document(f"Titel {text} slut", f"Celle {text} slut")))
    pages = pdf_pages(pdf)
    assert squeezed(f"Titel {text} slut") in squeezed(pages[0])
    assert len(pages) > 1 and squeezed(f"Titel {text} slut") in squeezed(pages[1]), "the running header"
    assert squeezed(f"Kriterium Celle {text} slut") in squeezed(pages[1]), "the table's header row, repeated"
    assert (
        " ".join(pages).count(f"Celle {text} slut") >= 6
    )  # paragraph, strong, emphasis, cell, marked cell, list, note, footer
    with pikepdf.open(pdf) as opened:
        assert str(opened.docinfo.Title) == f"Titel {text} slut – Slutrapport"
        assert "/Names" not in opened.Root or "/EmbeddedFiles" not in opened.Root.Names


def test_the_pdf_standards_are_pdfa_2a_and_pdfua_1():
    assert PDF_STANDARDS == ["a-2a", "ua-1"]


def test_a_logo_is_drawn_on_the_cover(tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    document = small_document("Titel", "Celle")
    document = document.model_copy(
        update={
            "cover": document.cover.model_copy(
                update={"logo": "data:image/svg+xml;base64," + base64.b64encode(svg).decode()}
            )
        }
    )
    with pikepdf.open(io.BytesIO(to_pdf(document))) as pdf:
        alts = [str(e.get("/Alt", "")) for e in structure(pdf) if e.S == "/Figure"]
    assert alts == ["Viborg Kommune"], "the logo is a figure named by its owner"


def test_nbconvert_makes_the_pdf_of_an_executed_notebook(reports, tmp_path):
    """`jupyter nbconvert --to evalreport-pdf`: the exporter is registered with nbconvert, and takes its cover from
    the job papermill recorded in the notebook."""
    notebook = reports / "helhedsplan-norrevang" / "2022-2025" / "audit" / "end_report.ipynb"
    nbconvert = Path(sys.executable).parent / "jupyter-nbconvert"
    done = subprocess.run(
        [str(nbconvert), "--to", "evalreport-pdf", str(notebook), "--output-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    made = tmp_path / "end_report.pdf"
    published = reports / "helhedsplan-norrevang" / "2022-2025" / "end_report.pdf"
    assert len(PdfReader(made).pages) == len(PdfReader(published).pages)
    assert (
        pdf_pages(made)[:-1] == pdf_pages(published)[:-1]
    )  # the same report, but for the minute it was made, on the last page


def test_nbconvert_makes_the_page_of_an_executed_notebook_as_the_run_does(reports, tmp_path):
    """`jupyter nbconvert --to evalreport-html`: the same page the run published, drawn from the same document."""
    notebook = reports / "integrationsforum-viborg" / "2025-2026" / "audit" / "status_report.ipynb"
    nbconvert = Path(sys.executable).parent / "jupyter-nbconvert"
    done = subprocess.run(
        [str(nbconvert), "--to", "evalreport-html", str(notebook), "--output-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    made = (tmp_path / "status_report.html").read_text(encoding="utf-8")
    published = (reports / "integrationsforum-viborg" / "2025-2026" / "status_report.html").read_text(encoding="utf-8")
    minute = re.compile(r"\d+\. \w+ \d{4}( kl\. \d\d\.\d\d)?")  # the day and minute each was made
    assert minute.sub("", made) == minute.sub("", published)


def test_workers_start_clean_after_a_pdf_was_made_in_this_process(tmp_path):
    """Typst keeps a thread pool; a worker forked from a process that made a PDF would wait for it for ever.
    Workers start from a forkserver instead. Guarded by an alarm far above the run's normal 20 s."""
    import signal

    to_pdf(small_document("Titel", "Celle"))

    def stuck(signum, frame):
        raise TimeoutError("a worker hangs")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(600)
    try:
        assert (
            main(
                [
                    "--reports",
                    str(tmp_path),
                    "run",
                    "--all",
                    "--report",
                    "success_criteria",
                    "--format",
                    "pdf",
                    "--jobs",
                    "2",
                ]
            )
            == 0
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert len(list(tmp_path.glob("*/*/success_criteria.pdf"))) == 3
