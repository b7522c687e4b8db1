"""A report's PDF: tagged for accessibility (PDF/UA-1) and fit for the archive (PDF/A-2a), in one file.

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
from pipeline.run.render import PDF_VARIANT, to_pdf

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
    (folder / "report.pdf").write_bytes(to_pdf(SMALL, folder))
    return {"published": folder / "report.pdf"}


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> dict[str, Path]:
    reports = tmp_path_factory.mktemp("reports")
    assert main(["--reports", str(reports), "run", EXAMPLE, "--report", "end_report"]) == 0
    folder = reports / EXAMPLE / PERIOD
    assert not (folder / "end_report.archive.pdf").exists(), "one PDF serves readers and the archive"
    return {"published": folder / "end_report.pdf"}


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


def test_the_pdf_claims_pdfa_2a_and_pdfua_1_declares_its_colours_and_is_tagged(pdfs):
    assert PDF_VARIANT == "pdf/a-2a"
    with pikepdf.open(pdfs["published"]) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"], meta["pdfuaid:part"]) == ("2", "A", "1")
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and "/DestOutputProfile" in intent
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True  # viewers show the title, not the file name
        types = {str(element.S) for element in structure_types(pdf)}
        assert {"/Document", "/H1", "/P", "/Table", "/TH", "/TD"} <= types


def test_both_claims_sit_in_the_identification_description(small):
    """The PDF/UA claim joins the rdf:Description that holds the PDF/A claim, in the packet's one rdf:RDF."""
    with pikepdf.open(small["published"]) as pdf:
        xmp = pdf.Root.Metadata.read_bytes().decode()
    assert xmp.count("<rdf:RDF") == 1
    (identification,) = [d for d in xmp.split("<rdf:Description")[1:] if "pdfaid:part" in d]
    assert 'pdfaid:part="2"' in identification and 'pdfuaid:part="1"' in identification


def test_every_chart_in_the_tagged_report_has_alternative_text(example):
    with pikepdf.open(example["published"]) as pdf:
        figures = [element for element in structure_types(pdf) if element.S == "/Figure"]
        assert figures, "the end report has charts"
        assert all(len(str(figure.get("/Alt", ""))) > 20 for figure in figures)


def test_every_font_is_embedded(pdfs):
    with pikepdf.open(pdfs["published"]) as pdf:
        found = fonts(pdf)
        assert found
        for font in found:
            if font.Subtype == "/Type3":  # glyphs drawn by the PDF itself: nothing to embed
                continue
            descriptor = font.DescendantFonts[0].FontDescriptor if font.Subtype == "/Type0" else font.FontDescriptor
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), f"{font.get('/BaseFont')} is not embedded"


def test_language_and_title_are_set(pdfs):
    language = "da" if pdfs["published"].name == "report.pdf" else LANGUAGE
    title = expected_title(pdfs)
    with pikepdf.open(pdfs["published"]) as pdf:
        assert str(pdf.Root.Lang) == language
        assert str(pdf.docinfo.Title) == title
        assert pdf.open_metadata()["dc:title"] == title


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
def test_one_a4_image_per_page(pdfs, tmp_path):
    images = page_images(pdfs["published"], tmp_path)
    with pikepdf.open(pdfs["published"]) as pdf:
        assert len(images) == len(pdf.pages) > 1
    for image in images:
        width, height = png_size(image)
        assert height / width == pytest.approx(A4, abs=0.02)


@needs_pdftoppm
def test_tagging_and_archiving_do_not_change_how_pages_look(small, tmp_path):
    untagged = tmp_path / "untagged.pdf"
    untagged.write_bytes(HTML(string=SMALL, base_url=".").write_pdf())
    drawn = [[image.read_bytes() for image in page_images(pdf, tmp_path / pdf.stem)] for pdf in (untagged, small["published"])]
    assert drawn[0] == drawn[1]
