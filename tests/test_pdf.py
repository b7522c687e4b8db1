"""The two PDFs of a report: the published one tagged for accessibility (PDF/UA-1), the archive copy PDF/A-2b.

Checked on a small page rendered here and on one example rendered end to end by the command line.
"""

import shutil
import struct
import subprocess
from html import unescape
from pathlib import Path

import pikepdf
import pytest
from weasyprint import HTML

from pipeline.cli import main
from pipeline.run.render import ARCHIVE_VARIANT, PUBLISHED_VARIANT, to_pdf

SMALL = """<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Integrationsforum – Slutrapport</title>
<style>@page { size: A4; margin: 2cm }</style></head><body>
<h1>Integrationsforum</h1><p>Målet er nået i 4 af 18 kommuner.</p>
<table><caption>Succeskriterier</caption><thead><tr><th scope="col">Kriterium</th><th scope="col">Status</th></tr></thead>
<tbody><tr><td>Flere i job</td><td>Opfyldt</td></tr></tbody></table>
<section style="break-before: page"><h2>Milepæle</h2><p>Forummøde februar 2024 blev holdt som planlagt.</p></section>
</body></html>"""

EXAMPLE, PERIOD, LANGUAGE = "bosetting-vestfold", "2015-2016", "nb"
A4 = 297 / 210


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("small")
    pdfs = to_pdf(SMALL, folder)
    (folder / "report.pdf").write_bytes(pdfs.published)
    (folder / "report.archive.pdf").write_bytes(pdfs.archive)
    return {"published": folder / "report.pdf", "archive": folder / "report.archive.pdf"}


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> dict[str, Path]:
    reports = tmp_path_factory.mktemp("reports")
    assert main(["--reports", str(reports), "run", EXAMPLE, "--report", "end_report"]) == 0
    folder = reports / EXAMPLE / PERIOD
    return {"published": folder / "end_report.pdf", "archive": folder / "end_report.archive.pdf"}


@pytest.fixture(params=["small", "example"])
def pdfs(request) -> dict[str, Path]:
    return request.getfixturevalue(request.param)


def expected_title(source: dict[str, Path]) -> str:
    if source["published"].name == "report.pdf":
        return "Integrationsforum – Slutrapport"
    html = (source["published"].parent / "end_report.html").read_text(encoding="utf-8")
    return unescape(html.split("<title>", 1)[1].split("</title>", 1)[0])


def structure_types(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
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


def fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"]


def test_the_archive_copy_claims_pdfa_2b_and_declares_its_colours(pdfs):
    assert ARCHIVE_VARIANT == "pdf/a-2b"
    with pikepdf.open(pdfs["archive"]) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
        assert "pdfuaid:part" not in meta
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and "/DestOutputProfile" in intent


def test_the_published_copy_claims_pdfua_1_and_is_tagged(pdfs):
    assert PUBLISHED_VARIANT == "pdf/ua-1"
    with pikepdf.open(pdfs["published"]) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert "pdfaid:part" not in meta
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True  # viewers show the title, not the file name
        types = {str(element.S) for element in structure_types(pdf)}
        assert {"/Document", "/H1", "/P", "/Table", "/TH", "/TD"} <= types


def test_every_chart_in_the_tagged_report_has_alternative_text(example):
    with pikepdf.open(example["published"]) as pdf:
        figures = [element for element in structure_types(pdf) if element.S == "/Figure"]
        assert figures, "the end report has charts"
        assert all(len(str(figure.get("/Alt", ""))) > 20 for figure in figures)


@pytest.mark.parametrize("copy", ["published", "archive"])
def test_every_font_is_embedded(pdfs, copy):
    with pikepdf.open(pdfs[copy]) as pdf:
        found = fonts(pdf)
        assert found
        for font in found:
            if font.Subtype == "/Type3":  # glyphs drawn by the PDF itself: nothing to embed
                continue
            descriptor = font.DescendantFonts[0].FontDescriptor if font.Subtype == "/Type0" else font.FontDescriptor
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), f"{font.get('/BaseFont')} is not embedded"


@pytest.mark.parametrize("copy", ["published", "archive"])
def test_language_and_title_are_set(pdfs, copy):
    language = "da" if pdfs["published"].name == "report.pdf" else LANGUAGE
    title = expected_title(pdfs)
    with pikepdf.open(pdfs[copy]) as pdf:
        assert str(pdf.Root.Lang) == language
        assert str(pdf.docinfo.Title) == title
        assert pdf.open_metadata()["dc:title"] == title


def test_one_layout_writes_the_same_files_as_two():
    """Both PDFs come from one layout; they must not differ from laying the page out for each."""
    pdfs = to_pdf(SMALL, Path("."))
    assert pdfs.published == HTML(string=SMALL, base_url=".").write_pdf(pdf_variant=PUBLISHED_VARIANT)
    assert pdfs.archive == HTML(string=SMALL, base_url=".").write_pdf(pdf_variant=ARCHIVE_VARIANT)


def test_a_page_without_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        to_pdf(SMALL.replace(' lang="da"', ""), Path("."))


# Pages as a reader sees them, drawn by poppler.
needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (Debian: poppler-utils) is not installed")


def page_images(pdf: Path, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / pdf.stem.replace(".", "-")
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(prefix)], check=True, capture_output=True)
    return sorted(folder.glob(f"{prefix.name}-*.png"))


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])  # width and height from the IHDR chunk


@needs_pdftoppm
@pytest.mark.parametrize("copy", ["published", "archive"])
def test_one_a4_image_per_page(pdfs, copy, tmp_path):
    images = page_images(pdfs[copy], tmp_path)
    with pikepdf.open(pdfs[copy]) as pdf:
        assert len(images) == len(pdf.pages) > 1
    for image in images:
        width, height = png_size(image)
        assert height / width == pytest.approx(A4, abs=0.02)


@needs_pdftoppm
def test_tagging_and_archiving_do_not_change_how_pages_look(small, example, tmp_path):
    untagged = tmp_path / "untagged.pdf"
    untagged.write_bytes(HTML(string=SMALL, base_url=".").write_pdf())
    for pages in ([untagged, small["published"], small["archive"]], [example["published"], example["archive"]]):
        drawn = [[image.read_bytes() for image in page_images(pdf, tmp_path / f"{pdf.parent.name}-{pdf.stem}")] for pdf in pages]
        assert all(images == drawn[0] for images in drawn[1:])
