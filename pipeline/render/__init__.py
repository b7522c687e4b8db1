"""Render once, after execution: the runner reads the report's document from the executed notebook once
(`document_of`), and each output is one function `Document → bytes` in the registry below.

A renderer loads when it is first asked for (Typst, openpyxl and python-docx are heavy): `OUTPUTS` names each by
its module and function, and `render` imports it. A new output format is one module with one function, and one line
here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from pipeline.present.document import DOCUMENT_MIMETYPE, RESULTS_MIMETYPE, Cover, Document, Section
from pipeline.present.style import styled_document

if TYPE_CHECKING:
    import nbformat


@dataclass(frozen=True)
class Output:
    """One file of a report: its name after the report's (`end_report` + `.figures.csv`) and its renderer."""

    suffix: str
    renderer: str  # "module:function", relative to this package

    def draw(self) -> Callable[[Document], bytes | None]:
        module, function = self.renderer.split(":")
        return getattr(import_module(f"{__name__}.{module}"), function)


OUTPUTS = {
    "html": Output(".html", "html:to_html"),
    "pdf": Output(".pdf", "pdf:to_pdf"),
    "docx": Output(".docx", "docx:to_docx"),
    "xlsx": Output(".xlsx", "workbook:to_xlsx"),
    "figures.csv": Output(".figures.csv", "figures_csv:to_csv"),
    "results.json": Output(".results.json", "results_json:to_json"),
}
# Made for every report, whatever formats a run asks for: the exports others work on with.
ALWAYS = ("docx", "xlsx", "figures.csv", "results.json")


def render(document: Document, formats: Iterable[str]) -> dict[str, bytes]:
    """Each format's file, by the format's name; a format with nothing to say (no results published) has no file."""
    files = {}
    for name in dict.fromkeys(formats):
        data = OUTPUTS[name].draw()(document)
        if data is not None:
            files[name] = data
    return files


def document_of(notebook: nbformat.NotebookNode, cover: Cover) -> Document:
    """The report as its notebook's outputs carry it, read once: its sections in order, and the results it published."""
    sections, results = [], None
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data = output.get("data", {})
            if DOCUMENT_MIMETYPE in data:
                sections.append(Section.model_validate(data[DOCUMENT_MIMETYPE]))
            elif RESULTS_MIMETYPE in data:
                results = dict(data[RESULTS_MIMETYPE])
    # The house style is a filter over the tree, so every format shows the same sentences (present/style.py).
    return styled_document(Document(cover=cover, sections=sections, results=results))
