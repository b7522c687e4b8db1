"""The document model: sections describe, renderers draw; a section travels through the notebook as JSON."""

import json

import pytest

from pipeline.present import Report
from pipeline.present import document as doc
from pipeline.present.document import DOCUMENT_MIMETYPE
from pipeline.project import load_project
from pipeline.render.html import section as html_section

HOSTILE = '<script>alert("x")</script> & #set text(red) $x$ *b* _i_ @ref <l> [c] \\ // `raw`'


def sample_section() -> doc.Section:
    caption = doc.Caption(label="Tabel 1", text=HOSTILE)
    return doc.section(
        "summary",
        "Sammendrag " + HOSTILE,
        doc.box(
            "summary",
            doc.paragraph("Lead " + HOSTILE, lead=True),
            doc.BulletList(items=[[doc.status_badge("met", "Opfyldt"), "K1 " + HOSTILE]], role="statuses"),
        ),
        doc.heading(HOSTILE, 3),
        doc.table(
            ["Kriterium", "Andel"],
            [[HOSTILE, "83,0 %"], [doc.marked("Ikke opfyldt", "not_met"), 12]],
            caption,
            numeric=(1,),
        ),
        doc.figure(
            "<svg xmlns='http://www.w3.org/2000/svg'/>", doc.Caption(label="Figur 1", text="Andel"), "Alt " + HOSTILE
        ),
        doc.note(
            doc.Strong(text="Note"), ": ", doc.Emphasis(text="kursiv"), " ", doc.Link(text="mere", target="#about")
        ),
        None,
    )


def test_a_section_survives_the_trip_through_json():
    section = sample_section()
    again = doc.Section.model_validate(json.loads(json.dumps(section.model_dump(mode="json"))))
    assert again == section
    assert [type(b).__name__ for b in again.blocks] == ["Box", "Heading", "Table", "Figure", "Note"]


def test_the_html_renderer_escapes_every_text():
    html = html_section(sample_section())
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<td class="num" data-label="Andel">12</td>' in html
    assert '<td class="status-not_met" data-label="Kriterium">Ikke opfyldt</td>' in html
    assert '<span class="status status-met">● Opfyldt</span> <span>K1 ' in html
    assert '<a href="#about">mere</a>' in html and "<em>kursiv</em>" in html


def test_a_notebook_shows_a_section_as_the_document_and_jupyterlab_previews_it_as_html():
    """The kernel draws nothing: a cell emits the section as JSON; the preview extension adds its HTML."""
    from IPython.core.interactiveshell import InteractiveShell

    from pipeline.render import preview

    report = Report(load_project("bosetting-vestfold"))
    shown = report.summary()
    bundle = shown._repr_mimebundle_()
    assert "text/html" not in bundle
    assert doc.Section.model_validate(bundle[DOCUMENT_MIMETYPE]).title == report.t("summary")
    shell = InteractiveShell.instance()
    assert "text/html" not in shell.display_formatter.format(shown)[0]
    preview.load_ipython_extension(shell)
    data, _ = shell.display_formatter.format(shown)
    assert data["text/html"] == html_section(shown.section) and data["text/html"].startswith(
        '<section id="summary"><h2>'
    )
    assert data[DOCUMENT_MIMETYPE] == bundle[DOCUMENT_MIMETYPE]


def test_tables_and_figures_are_numbered_through_the_report():
    report = Report(load_project("bosetting-vestfold"))
    criteria = report.criteria_section().section
    milestones = report.milestones_section().section

    def captions(section, kind):
        found = []
        for block in section.blocks:
            found += (
                captions(block, kind)
                if isinstance(block, doc.Box)
                else [block.caption]
                if isinstance(block, kind)
                else []
            )
        return found

    tables = captions(criteria, doc.Table) + captions(milestones, doc.Table)
    assert [c.label for c in tables] == [report.t("table", n=n) for n in range(1, len(tables) + 1)]
    figures = captions(criteria, doc.Figure) + captions(milestones, doc.Figure)
    assert [c.label for c in figures] == [report.t("figure", n=n) for n in range(1, len(figures) + 1)]


def test_an_unknown_block_kind_is_refused():
    with pytest.raises(ValueError):
        doc.Section.model_validate({"anchor": "a", "title": "T", "blocks": [{"kind": "script", "text": "x"}]})
