"""Turn an executed notebook into a self-contained HTML report (no code), and that HTML into an A4 PDF that is
both tagged for screen readers (PDF/UA-1) and fit for the records archive (PDF/A-2a)."""

from __future__ import annotations

import base64
import re
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import nbformat
from nbconvert import HTMLExporter

from pipeline import __version__
from pipeline.paths import confined
from pipeline.present import render_html
from pipeline.present.document import DOCUMENT_MIMETYPE, Section
from pipeline.present.i18n import Messages
from pipeline.present.results import RESULTS_MIMETYPE
from pipeline.project import Project
from pipeline.run.jobs import Job

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@cache
def exporter() -> HTMLExporter:
    """One exporter per process: building it loads the templates."""
    html = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="evalreport")
    html.exclude_input = True
    html.exclude_input_prompt = True
    html.exclude_output_prompt = True
    return html


@cache
def stylesheet() -> str:
    return (TEMPLATES / "evalreport" / "report.css").read_text(encoding="utf-8")


def css_string(text: str) -> str:
    """`text` as a CSS string, to be read back as written: quotes, backslashes and line breaks are escaped (a
    newline would end the string and let the rest be read as rules), and so are `<` and `>`, since `</style>`
    ends the style element wherever it stands."""
    return '"' + re.sub(r'["\\<>\x00-\x1f\x7f]', lambda found: f"\\{ord(found.group()):x} ", text) + '"'


def page_counter(messages: Messages) -> str:
    """The CSS `content` value for 'Side 3 av 12' in the report's language."""
    before, rest = messages("page_of", page="\0", pages="\1").split("\0", 1)
    middle, after = rest.split("\1", 1)
    pieces = [css_string(before) if before else "", "counter(page)", css_string(middle), "counter(pages)", css_string(after) if after else ""]
    return " ".join(p for p in pieces if p)


def cover(job: Job, project: Project, generated: datetime | None = None) -> dict:
    """What the template shows around the notebook's outputs: cover block, page footer, provenance."""
    t = Messages(job.language)
    spec = project.spec
    generated = generated or datetime.now(timezone.utc)
    report_title = t(job.report) if job.report in ("end_report", "survey_feedback", "success_criteria", "milestones", "status_report") else job.report
    return {
        "language": job.language,
        "title": spec.title,
        "owner": spec.owner,
        "report_title": report_title,
        "unit_name": spec.unit_name(job.unit),
        "period": job.period.replace("-", "–"),
        "date": t.date(generated.date()),
        "accent": spec.report.accent_colour,
        "css": stylesheet(),
        "page_counter": page_counter(t),
        "running_header": css_string(spec.title),  # the CSS `content` value of every page's header
        "labels": {key: t(key) for key in ("owner", "period", "report_date", "contents")},
        "provenance": f"evalreport {__version__} · {t('report_date').lower()} {generated:%Y-%m-%d %H:%M} UTC · input {project.input_digest()[:12]}",
        "version": __version__,
        "logo": logo_data_uri(project),
    }


def logo_data_uri(project: Project) -> str | None:
    """The project's logo embedded in the page, so that opening the report fetches nothing."""
    name = project.spec.report.logo
    if not name:
        return None
    kind = {"svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}[name.rsplit(".", 1)[1].lower()]
    image = confined(project.folder, name, "report.logo", "the project folder")  # never /etc/shadow, base64 in a report
    return f"data:{kind};base64,{base64.b64encode(image.read_bytes()).decode('ascii')}"


def sections_of(notebook: nbformat.NotebookNode) -> list[Section]:
    """The report's sections, in order, as the notebook's outputs carry them (`report.summary()` and the like)."""
    return [
        Section.model_validate(output["data"][DOCUMENT_MIMETYPE])
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if DOCUMENT_MIMETYPE in output.get("data", {})
    ]


def to_html(notebook: nbformat.NotebookNode, cover_fields: dict) -> str:
    """The notebook's outputs inside the report page, with a linked table of contents after the cover."""
    body, _ = exporter().from_notebook_node(without_results(notebook), resources={"evalreport": cover_fields})
    contents = render_html.table_of_contents(sections_of(notebook), cover_fields["labels"]["contents"])
    return body.replace("</header>", "</header>" + contents, 1)


def without_results(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy without the machine-readable results output: it belongs in results.json, not in the report."""
    copy = nbformat.from_dict(notebook)
    for cell in copy.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if RESULTS_MIMETYPE not in o.get("data", {})]
    return copy


# One file for readers and for the archive: PDF/A-2a (level "a": tagged and Unicode, so accessible) that also
# claims PDF/UA-1. WeasyPrint writes every part PDF/UA needs for a tagged PDF (structure tree, language,
# title shown) but claims one standard per file; the PDF/UA claim is added to the same XMP description.
# Part 2 of PDF/A allows the transparency part 1 forbids; part 3 adds only embedded files, which a report
# does not need and an archive cannot vouch for.
PDF_VARIANT = "pdf/a-2a"
PDFUA_PART = "1"


def to_pdf(html: str, base_url: Path) -> bytes:
    """The report as one PDF/A-2a + PDF/UA-1 file."""
    from weasyprint import HTML  # imported here: loading Pango costs time the HTML-only runs need not pay

    layout = HTML(string=html, base_url=str(base_url)).render(pdf_variant=PDF_VARIANT)  # PDF/A's sRGB intent is set at layout
    if not (layout.metadata.lang and layout.metadata.title):
        raise ValueError("the report's HTML needs <html lang> and <title>: the tagged PDF takes its language and title from them")
    layout.metadata = also_claiming_pdfua(layout.metadata)
    return layout.write_pdf(pdf_variant=PDF_VARIANT)


def also_claiming_pdfua(metadata):
    """The document's metadata, writing `pdfuaid:part` beside the `pdfaid` claim of its XMP description."""
    from weasyprint.pdf.metadata import NS, DocumentMetadata

    class PdfaAndPdfua(DocumentMetadata):
        def generate_rdf_metadata(self, variant, version, conformance):
            rdf = ElementTree.fromstring(super().generate_rdf_metadata(variant, version, conformance))
            description = rdf.find(f"{{{NS['rdf']}}}Description")
            description.set(f"{{{NS['pdfuaid']}}}part", PDFUA_PART)
            return ElementTree.tostring(rdf)

    return PdfaAndPdfua(**vars(metadata))
