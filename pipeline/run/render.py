"""Turn an executed notebook into a self-contained HTML report (no code), and its sections into an A4 PDF that is
both tagged for screen readers (PDF/UA-1) and fit for the records archive (PDF/A-2a)."""

from __future__ import annotations

import base64
import re
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.exporters import Exporter
from traitlets import default

from pipeline import __version__
from pipeline.errors import EvalreportError
from pipeline.paths import confined
from pipeline.periods import parse_period
from pipeline.present import fonts, render_html, render_typst
from pipeline.present.document import DOCUMENT_MIMETYPE, Cover, Document, Section
from pipeline.present.i18n import Messages
from pipeline.present.results import RESULTS_MIMETYPE
from pipeline.project import Project, load_project
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
    """The report's typeface, embedded, then the stylesheet."""
    return fonts.font_faces_css() + (TEMPLATES / "evalreport" / "report.css").read_text(encoding="utf-8")


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
    report_title = t(job.report) if job.report in ("end_report", "survey_feedback", "success_criteria", "milestones", "status_report", "committee_case") else job.report
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
        "labels": {key: t(key) for key in ("owner", "period", "report_date", "contents")} | {"page_of": t("page_of", page="{page}", pages="{pages}")},
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


def document_of(notebook: nbformat.NotebookNode, cover_fields: dict) -> Document:
    """The report as the document model: the cover, and the sections the notebook's outputs carry."""
    return Document(cover=Cover.model_validate({name: cover_fields[name] for name in Cover.model_fields}), sections=sections_of(notebook))


class PdfExporter(Exporter):
    """The report's PDF from an executed notebook, drawn by Typst (`render_typst`) from the sections its outputs
    carry: `jupyter nbconvert --to evalreport-pdf audit/end_report.ipynb`, and what a run calls.

    The cover comes from `resources["evalreport"]` (see `cover`); without it, from the job papermill ran, as its
    parameters are recorded in the notebook.
    """

    export_from_notebook = "evalreport PDF"
    output_mimetype = "application/pdf"

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    def from_notebook_node(self, nb: nbformat.NotebookNode, resources: dict | None = None, **kw) -> tuple[bytes, dict]:
        nb, resources = super().from_notebook_node(nb, resources, **kw)
        cover_fields = resources.get("evalreport") or cover_of_papermill_job(nb)
        return render_typst.to_pdf(document_of(nb, cover_fields)), resources


def cover_of_papermill_job(notebook: nbformat.NotebookNode) -> dict:
    """The cover of the job whose parameters papermill recorded in the executed notebook."""
    run = notebook.metadata.get("papermill") or {}
    parameters = run.get("parameters") or {}
    if "project" not in parameters or not run.get("input_path"):
        raise EvalreportError("expected a notebook executed by evalreport (papermill parameters with the project), found none")
    project = load_project(parameters["project"], Path(parameters["inputs"]) if parameters.get("inputs") else None)
    period = parse_period(parameters.get("period"), project.spec.period).label
    language = parameters.get("language") or project.spec.language
    return cover(Job(project.id, Path(run["input_path"]).stem, period, language, parameters.get("unit")), project)


def to_pdf(notebook: nbformat.NotebookNode, cover_fields: dict) -> bytes:
    """The report as one PDF/A-2a + PDF/UA-1 file."""
    pdf, _ = pdf_exporter().from_notebook_node(notebook, resources={"evalreport": cover_fields})
    return pdf


@cache
def pdf_exporter() -> PdfExporter:
    return PdfExporter()
