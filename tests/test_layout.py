"""The layout a committee member sees: pages filled (measured from the PDF's text positions), figures kept with their
units on one line, short headings whole, charts readable without colour, and the status palette in one home."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from page_fill import lowest_fill, pages
from PIL import Image
from pypdf import PdfReader

from pipeline.present import charts
from pipeline.present import document as doc
from pipeline.present.style import styled_document, styled_text
from pipeline.render.html import page, with_its_faces
from pipeline.render.pdf import svg_to_png, to_pdf
from pipeline.vocabulary import PALETTE, palette_css

ROOT = Path(__file__).resolve().parent.parent
LEAST_FILL = 0.40
NBSP = "\u00a0"
SENTENCE = (
    "Forummet mødes fire gange om året og holder desuden workshops og et årligt temamøde med borgere og foreninger. "
)


def cover(contents: bool = False) -> doc.Cover:
    return doc.Cover(
        language="da",
        title="Integrationsforum",
        owner="Viborg Kommune",
        report_title="Slutrapport",
        period="2024–2026",
        date="1. oktober 2026",
        accent="#1b4f72",
        provenance="evalreport",
        version="0",
        made=datetime(2026, 10, 1, tzinfo=UTC),
        labels={
            "owner": "Ansvarlig",
            "period": "Periode",
            "report_date": "Udarbejdet",
            "contents": "Indhold",
            "page_of": "Side {page} af {pages}",
        },
        contents=contents,
    )


def text(sentences: int) -> doc.Paragraph:
    return doc.paragraph(SENTENCE * sentences)


def tall_chart(height_inches: float) -> str:
    """An SVG the width of the page's text and `height_inches` tall, with a word in it."""
    width = 6.3 * 72
    height = height_inches * 72
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="{height}pt" viewBox="0 0 {width} {height}">'
        f'<rect width="{width}" height="{height}" fill="#92c5de"/></svg>'
    )


def pdf_of(tmp_path: Path, *blocks) -> Path:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(to_pdf(doc.Document(cover=cover(), sections=[doc.section("a", "Aktiviteter", *blocks)])))
    return pdf


# --- Every page of every example filled, unless a chapter ends there ----------------------------------------------


def test_every_page_of_every_example_is_40_percent_filled_unless_a_chapter_ends_there(
    rendered_examples,
):
    reports = sorted(rendered_examples.glob("*/*/*.pdf"))
    assert len(reports) >= 5, reports  # three end reports, the English one, the yearly status, the committee case
    short = {}
    for pdf in reports:
        fill, number = lowest_fill(pdf)
        if fill < LEAST_FILL:
            short[f"{pdf.relative_to(rendered_examples)} page {number}"] = f"{fill:.0%}"
    assert short == {}


def test_no_figure_of_an_example_is_parted_from_its_unit_at_a_line_break(rendered_examples):
    """ "95 / %-konfidensinterval" broke across lines: a figure ends no line whose next begins with its unit."""
    parted = []
    for pdf in sorted(rendered_examples.glob("*/*/*.pdf")):
        lines = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout.splitlines()
        parted += [
            f"{pdf.name}: {a[-20:]} / {b[:20]}"
            for a, b in zip(lines, lines[1:])
            if re.search(r"\d$", a) and re.match(r"%|kr\b", b)
        ]
    assert parted == []


# --- The template: a chart or a table leaves no gap ---------------------------------------------------------------


@pytest.mark.slow
def test_a_chart_too_tall_for_the_rest_of_its_page_floats_and_the_text_fills_the_page(tmp_path):
    pdf = pdf_of(
        tmp_path,
        text(14),
        doc.figure(tall_chart(7.5), doc.Caption(label="Figur 1", text="Deltagere"), "Deltagere"),
        text(30),
    )
    found = pages(pdf)
    assert len(found) >= 2
    assert found[0].fill > 0.9, f"page 1 is {found[0].fill:.0%} full: the chart left a gap"
    layout = PdfReader(pdf).pages[1].extract_text()
    assert layout.index("Figur 1") < layout.index("Forummet"), "the chart stands at the top of the next page"


FACE_RULE = re.compile(r'font-family: "([^"]+)"; font-weight: (\d+); font-style: (\w+); src: url\(data:')


def _chart_with_words(**style) -> str:
    with plt.rc_context(charts.STYLE):
        figure, axes = plt.subplots(figsize=(3, 1.5))
        axes.set_title("Fremdrift", **style)
        return charts.to_svg(figure)


def test_a_chart_in_the_page_carries_the_faces_its_words_are_set_in_and_no_others():
    carried = {}
    for name, style in (("plain", {}), ("bold", {"fontweight": "bold"})):
        svg = with_its_faces(_chart_with_words(**style))
        ElementTree.fromstring(svg.encode("utf-8"))  # still well-formed
        carried[name] = FACE_RULE.findall(svg)
    assert carried["plain"] == [("Source Sans Pro", "400", "normal")]
    assert carried["bold"] == [("Source Sans Pro", "400", "normal"), ("Source Sans Pro", "700", "normal")]


def test_a_chart_stands_clear_of_the_line_above_it_descenders_and_all(tmp_path):
    pdf = pdf_of(
        tmp_path,
        doc.paragraph("Gjpqy: ending on descenders gjpqy."),
        doc.figure(tall_chart(1.0), doc.Caption(label="Figur 1", text="x"), "x"),
    )
    png = subprocess.run(["pdftoppm", "-r", "72", "-gray", "-f", "1", "-l", "1", str(pdf)], capture_output=True).stdout
    page = np.asarray(Image.open(io.BytesIO(png)))
    chart_rows = np.flatnonzero((np.abs(page.astype(int) - 181) < 12).sum(axis=1) > 200)  # the chart's fill, in grey
    ink_rows = np.flatnonzero((page[: chart_rows[0]] < 128).any(axis=1))
    gap = chart_rows[0] - ink_rows[-1] - 1
    assert gap >= 6, f"{gap} points between the line above and the chart: it covers the line's descenders"


@pytest.mark.parametrize("in_a_criterions_detail", [False, True])
def test_a_chart_too_tall_for_the_page_takes_its_heading_along_to_the_next(tmp_path, in_a_criterions_detail):
    chart = doc.figure(tall_chart(5.5), doc.Caption(label="Figur 1", text="Deltagere"), "Deltagere")
    headed = [doc.heading("Oversigt pr. kommune"), chart]
    pdf = pdf_of(tmp_path, text(16), *([doc.box("detail", *headed)] if in_a_criterions_detail else headed), text(10))
    first, second = (page.extract_text() for page in PdfReader(pdf).pages[:2])
    assert "Oversigt pr. kommune" not in first, "the heading stood over the text after its chart, which floated on"
    assert second.index("Oversigt pr. kommune") < second.index("Figur 1")


@pytest.mark.slow
def test_a_table_after_a_heading_breaks_with_its_header_rather_than_leave_the_page_empty(tmp_path):
    rows = [[f"Forummøde {i}", f"{i}. maj 2025", doc.marked("Gennemført til tiden", "on_time")] for i in range(1, 12)]
    table = doc.table(["Milepæl", "Gennemført", "Status"], rows, doc.Caption(label="Tabel 1", text="Milepæle"))
    pdf = pdf_of(tmp_path, text(30), doc.heading("Milepæle i fasen Forum"), table)
    found = pages(pdf)
    assert found[0].fill > 0.9, f"page 1 is {found[0].fill:.0%} full: the heading and the table moved whole"
    first_page, second_page = (p.extract_text() for p in PdfReader(pdf).pages[:2])
    assert "Milepæle i fasen Forum" in first_page and "Forummøde 1 1. maj" in first_page, (
        "the heading keeps its first rows"
    )
    assert "Milepæl Gennemført Status" in second_page, "the header row repeats on the next page"


@pytest.mark.slow
def test_short_column_headings_and_headings_are_never_hyphenated(tmp_path):
    header = ["Kriterium", "Resultat", "Mål", "Opfyldt", "Status", "Sammenlignet", "Ændring", "Vurdering", "Kommentar"]
    rows = [["Forummet giver mig ny viden om integrationsindsatsen i kommunen"] * 9] * 3
    table = doc.table(header, rows, doc.Caption(label="Tabel 1", text="Resultater"))
    pdf = pdf_of(tmp_path, doc.heading("Integrationsforummets resultater sammenlignet med målsætningerne"), table)
    layout = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert not re.search(r"(Resul|Kriteri|Vurde|Kommen|Sammen|Integrations|resul)-\s", layout), layout[:800]
    for word in header:
        assert word in layout


# --- No-break spaces -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "styled"),
    [
        ("Med 95 %-konfidensinterval", f"Med 95{NBSP}%-konfidensinterval"),
        ("Gruppen (n = 24) svarede.", f"Gruppen (n{NBSP}={NBSP}24) svarede."),
        ("Beløbet er kr. 1.000 i alt.", f"Beløbet er kr.{NBSP}1.000 i alt."),
        ("Beløpet er kr 1 000 000 i år.", f"Beløpet er kr{NBSP}1{NBSP}000{NBSP}000 i år."),
        ("Det kostede 2.500 kr. i alt.", f"Det kostede 2.500{NBSP}kr. i alt."),
        ("12 000 deltakere kom.", f"12{NBSP}000 deltakere kom."),  # one number, not twelve to write in words
        ("I 2024 kom 123 deltagere.", "I 2024 kom 123 deltagere."),  # a year and a count are two numbers
    ],
)
def test_a_figure_and_its_unit_are_joined_by_a_no_break_space(written, styled):
    assert styled_text(written, "da") == styled


def test_table_cells_headers_and_captions_get_no_break_spaces_too():
    table = doc.table(
        ["Andel (n = 24)", "Beløb"],
        [["95 %", doc.Datum(text="kr. 1.000", value=1000, unit="number")]],
        doc.Caption(label="Tabel 1", text="Andel med 95 %"),
    )
    styled = styled_document(doc.Document(cover=cover(), sections=[doc.section("a", "A", table)]))
    [drawn] = styled.sections[0].blocks
    assert isinstance(drawn, doc.Table)
    assert drawn.header[0] == f"Andel (n{NBSP}={NBSP}24)"
    assert drawn.rows[0][0] == f"95{NBSP}%"
    assert (
        isinstance(drawn.rows[0][1], doc.Datum)
        and drawn.rows[0][1].text == f"kr.{NBSP}1.000"
        and drawn.rows[0][1].value == 1000
    )
    assert drawn.caption.text == f"Andel med 95{NBSP}%"


# --- Charts: values, status by symbol and pattern, a date axis --------------------------------------------------------


def test_the_attainment_chart_shows_each_status_by_pattern_and_symbol_its_values_and_a_legend():
    words = {"met": "Opfyldt", "partly_met": "Delvist opfyldt", "not_met": "Ikke opfyldt"}
    svg = charts.attainment_chart(
        ["Viborg", "Skive", "Silkeborg"],
        [1.05, 0.85, 0.4],
        ["met", "partly_met", "not_met"],
        lambda x: f"{x * 100:.0f} %",
        words=words,
    )
    shown = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    assert {"105 %", "85 %", "40 %"} <= set(shown), "each bar carries its value"
    assert {"Opfyldt", "Delvist opfyldt", "Ikke opfyldt"} <= set(shown), "a legend names the statuses"
    assert svg.count('id="h') >= 2, "partly met and not met are hatched, each its own pattern"
    for tone in words:
        assert PALETTE[tone]["fill"] in svg


def test_the_activities_chart_has_a_labelled_date_axis_even_for_one_activity():
    svg = charts.activities_chart(
        [pd.Timestamp("2025-03-04")], [24], ["Forummøde"], ["Forummøde"], lambda y: f"{y:.0f}"
    )
    shown = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    assert "2025" in shown and "2026" in shown, shown


def _chart_spilling_over_its_figure(draw):
    """A chart whose labels reach past its figure on the left and its legend past the bottom, as long names do."""
    with plt.rc_context(charts.STYLE):
        figure, axes = plt.subplots(figsize=(3, 1.5))
        axes.barh(["Et meget langt navn på en kommune, der når ud over kanten", "Skive"], [0.9, 0.4], label="Andel")
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.5))
        return draw(figure)


def _tight_by_savefig(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    return buffer.getvalue()


def test_a_chart_drawn_once_is_cropped_as_savefig_crops_it_and_white_to_every_edge():
    once, twice = _chart_spilling_over_its_figure(charts.to_svg), _chart_spilling_over_its_figure(_tight_by_savefig)
    sizes = [re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups() for svg in (once, twice)]
    assert float(sizes[0][0]) > 3 * 72 and float(sizes[0][1]) > 1.5 * 72, "the crop reaches past the figure"
    assert [float(v) for v in sizes[0]] == pytest.approx([float(v) for v in sizes[1]], abs=0.01)
    view = re.search(r'viewBox="([^"]+)"', once).group(1).split()
    background = re.search(
        r'<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)" style="fill: #ffffff"/>', once
    )
    assert background and list(background.groups()) == view, "a white background as large as the crop, no larger"
    assert "<path" not in once.split('<g id="axes_1">')[0], "and no background of the figure's own size"
    drawn = [np.asarray(Image.open(io.BytesIO(svg_to_png(svg, 96))).convert("RGB")) for svg in (once, twice)]
    assert drawn[0].shape == drawn[1].shape
    differ = np.abs(drawn[0].astype(int) - drawn[1].astype(int)).max(axis=2) > 64
    assert differ.mean() < 0.01, f"{differ.mean():.1%} of the pixels differ from savefig's"


# --- One home for the status palette ---------------------------------------------------------------------------------


def test_no_status_colour_is_written_anywhere_but_its_home():
    colours = {colour.lower() for roles in PALETTE.values() for colour in roles.values() if colour}
    home = ROOT / "pipeline" / "vocabulary.py"
    found = []
    for path in [*(ROOT / "pipeline").rglob("*"), *(ROOT / "notebooks").rglob("*.ipynb")]:
        if path.suffix not in {".py", ".css", ".typ", ".j2", ".html", ".ipynb"} or path == home:
            continue
        written = path.read_text(encoding="utf-8").lower()
        found += [f"{path.relative_to(ROOT)}: {colour}" for colour in colours if colour in written]
    assert found == []


def test_the_page_and_the_pdf_read_the_palette():
    html = page(doc.Document(cover=cover(), sections=[doc.section("a", "A", doc.paragraph("x"))]))
    assert palette_css() in html and "--ink-met: " + str(PALETTE["met"]["ink"]) in html
    css = (ROOT / "pipeline" / "templates" / "evalreport" / "report.css").read_text(encoding="utf-8")
    assert "var(--ink-met)" in css and "var(--ink-not_met)" in css
    typst = (ROOT / "pipeline" / "templates" / "evalreport" / "report.typ").read_text(encoding="utf-8")
    assert "doc.palette" in typst
