"""nbconvert exporters that read the report's document from any executed notebook and draw it as the page or the
PDF: `jupyter nbconvert --to evalreport-html|evalreport-pdf audit/end_report.ipynb` (entry points in
pyproject.toml).

The cover comes from `resources["evalreport"]` (a `Cover`); without it, from the job papermill ran, as its
parameters are recorded in the notebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from nbconvert.exporters import Exporter
from traitlets import default

from pipeline.errors import EvalreportError
from pipeline.periods import parse_period
from pipeline.present.document import Cover, Document
from pipeline.project import load_project
from pipeline.render import document_of
from pipeline.render.cover import cover
from pipeline.render.safe import made_safe


class DocumentExporter(Exporter):
    """The report's document, drawn by `draw`."""

    def from_notebook_node(  # type: ignore[override]  # an exporter of bytes: nbconvert's binary exporters do so too
        self, nb: nbformat.NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[bytes, dict[str, Any]]:
        nb, resources = super().from_notebook_node(nb, resources, **kw)
        document, _ = made_safe(document_of(nb, resources.get("evalreport") or cover_of_papermill_job(nb)))
        return self.draw(document), resources  # made safe as a run makes it (render/safe.py)

    def draw(self, document: Document) -> bytes:
        raise NotImplementedError


class HtmlExporter(DocumentExporter):
    """The report's self-contained page."""

    export_from_notebook = "evalreport HTML"
    output_mimetype = "text/html"

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".html"

    def draw(self, document: Document) -> bytes:
        from pipeline.render.html import to_html

        return to_html(document)


class PdfExporter(DocumentExporter):
    """The report's PDF/A-2a + PDF/UA-1 file, drawn by Typst."""

    export_from_notebook = "evalreport PDF"
    output_mimetype = "application/pdf"

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    def draw(self, document: Document) -> bytes:
        from pipeline.render.pdf import to_pdf

        return to_pdf(document)


@dataclass(frozen=True)
class PapermillJob:
    """The report, period, language and unit a notebook was run for."""

    report: str
    period: str
    language: str
    unit: str | None


def cover_of_papermill_job(notebook: nbformat.NotebookNode) -> Cover:
    """The cover of the job whose parameters papermill recorded in the executed notebook."""
    run = notebook.metadata.get("papermill") or {}
    parameters = run.get("parameters") or {}
    if "project" not in parameters or not run.get("input_path"):
        raise EvalreportError(
            "expected a notebook executed by evalreport (papermill parameters with the project), found none"
        )
    project = load_project(parameters["project"], Path(parameters["inputs"]) if parameters.get("inputs") else None)
    period = parse_period(parameters.get("period"), project.spec.period).label
    language = parameters.get("language") or project.spec.language
    return cover(PapermillJob(Path(run["input_path"]).stem, period, language, parameters.get("unit")), project)
