"""Rendering steps on their own: table of contents, logo, cover fields."""

import base64
import re

from pipeline.present import document as doc
from pipeline.present.i18n import Messages
from pipeline.project import load_project
from pipeline.render.cover import cover
from pipeline.render.html import page, page_counter, stylesheet, table_of_contents
from pipeline.run.jobs import Job

SECTIONS = [doc.section("summary", "Sammendrag"), doc.section("survey", "Spørreundersøkelse & <svar>")]


def test_table_of_contents_links_every_section():
    nav = table_of_contents(SECTIONS, "Innhold")
    assert '<h2 id="toc-title">Innhold</h2>' in nav
    assert (
        '<li><a href="#summary">Sammendrag</a></li><li><a href="#survey">Spørreundersøkelse &amp; &lt;svar&gt;</a></li>'
        in nav
    )


def test_a_single_section_needs_no_table_of_contents():
    assert table_of_contents(SECTIONS[:1], "Innhold") == ""


def test_the_logo_is_embedded_in_the_cover(example_copy):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    (example_copy / "logo.svg").write_bytes(svg)
    yaml_file = example_copy / "project.yaml"
    yaml_file.write_text(
        yaml_file.read_text(encoding="utf-8").replace("report:\n", "report:\n  logo: logo.svg\n", 1), encoding="utf-8"
    )
    project = load_project(example_copy)
    fields = cover(Job(project.id, "end_report", "2015-2016", "nb"), project)
    assert fields.logo == "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
    assert fields.labels["contents"] == "Innhold"
    assert page_counter(Messages("nb")) == '"Side " counter(page) " av " counter(pages)'
    html = page(doc.Document(cover=fields, sections=SECTIONS))
    assert f'<img class="logo" src="{fields.logo}" alt="{fields.owner}">' in html


def test_the_page_embeds_the_reports_typeface_and_asks_for_no_font_of_the_machines():
    """The HTML is set in the PDF's typeface, embedded: nothing fetched, no system font needed."""
    css = stylesheet()
    faces = re.findall(
        (
            r'@font-face \{ font-family: "([^"]+)"; font-weight: (\d+); font-style: (\w+); src: '
            r"url\(data:font/woff;base64,"
        ),
        css,
    )
    assert ("Source Sans Pro", "400", "normal") in faces and ("Source Sans Pro", "700", "normal") in faces
    assert ("DejaVu Sans", "400", "normal") in faces  # the status symbols ● ◐ ○
    assert re.search(r'html \{ font-family: "Source Sans Pro", "DejaVu Sans", sans-serif;', css)
    assert "url(http" not in css and "@import" not in css
