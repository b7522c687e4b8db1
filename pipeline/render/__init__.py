"""Render once, after execution: the runner reads the report's document from the executed notebook once
(`document_of`), and each output is one function `Document → bytes` in the registry below.

A renderer loads when it is first asked for (Typst, openpyxl and python-docx are heavy): `OUTPUTS` names each by
its module and function, and `render` imports it. A new output format is one module with one function, and one line
here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, cast

from pipeline.errors import RenderFailed, RenderTimedOut
from pipeline.present.document import DOCUMENT_MIMETYPE, RESULTS_MIMETYPE, Cover, Document, Section
from pipeline.present.style import styled_document
from pipeline.render.safe import made_safe

if TYPE_CHECKING:
    import nbformat


@dataclass(frozen=True)
class Output:
    """One file of a report: its name after the report's (`end_report` + `.figures.csv`) and its renderer."""

    suffix: str
    renderer: str  # "module:function", relative to this package
    timed: bool = False  # the renderer takes `seconds`, the time left it may use, and stops when they run out

    def draw(self) -> Callable[..., bytes | None]:
        module, function = self.renderer.split(":")
        return cast("Callable[..., bytes | None]", getattr(import_module(f"{__name__}.{module}"), function))


OUTPUTS = {
    "html": Output(".html", "html:to_html"),
    "pdf": Output(".pdf", "pdf:to_pdf", timed=True),
    "docx": Output(".docx", "docx:to_docx"),
    "xlsx": Output(".xlsx", "workbook:to_xlsx"),
    "figures.csv": Output(".figures.csv", "figures_csv:to_csv"),
    "results.json": Output(".results.json", "results_json:to_json"),
}
# Made for every report, whatever formats a run asks for: the exports others work on with.
ALWAYS = ("docx", "xlsx", "figures.csv", "results.json")


@dataclass
class Rendered:
    """A report's files by format, the formats that could not be drawn (with the part of the report and the rule),
    and what the document needed changed to be drawn at all (`safe.made_safe`)."""

    files: dict[str, bytes] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def render(document: Document, formats: Iterable[str]) -> dict[str, bytes]:
    """Each format's file, by the format's name; a format with nothing to say (no results published) has no file.
    RenderFailed for the first format that cannot be drawn."""
    rendered = render_each(document, formats)
    for name, reason in rendered.failed.items():
        raise RenderFailed(name, reason)
    return rendered.files


def render_each(document: Document, formats: Iterable[str], time_left: Callable[[], float] | None = None) -> Rendered:
    """Every format that can be drawn, each on its own: one that fails leaves the others made. The document is made
    safe first, once, for all of them. `time_left`: the seconds the job has left, which bound the PDF's compile.

    The bounded formats (the PDF, compiled in a process of its own, `engine`) are drawn in a thread while the others
    are drawn here: the compile and the Word file then take one core each."""
    document, warnings = made_safe(document)
    rendered = Rendered(warnings=warnings)
    names = sorted(dict.fromkeys(formats), key=lambda name: OUTPUTS[name].timed)  # the bounded ones last
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="render") as background:
        bounded = {
            name: background.submit(drawn, document, OUTPUTS[name], time_left) for name in names if OUTPUTS[name].timed
        }
        for name in names:
            data, reason = bounded[name].result() if name in bounded else drawn(document, OUTPUTS[name], time_left)
            if reason is not None:
                rendered.failed[name] = reason
            elif data is not None:
                rendered.files[name] = data
    return rendered


def drawn(
    document: Document, output: Output, time_left: Callable[[], float] | None = None
) -> tuple[bytes | None, str | None]:
    """The file `output` draws of the document (None: nothing to say), or why it cannot be drawn."""
    try:
        return output.draw()(document, **limit(output, time_left)), None
    except RenderTimedOut as error:
        return None, error.reason
    except Exception as error:
        return None, failure(document, output, error, time_left)


def failure(document: Document, output: Output, error: Exception, time_left: Callable[[], float] | None = None) -> str:
    """Why `output` could not be drawn, naming the part of the report that stops it: the cover, or the first
    section that fails when drawn alone with the cover (its source file, where the section says)."""
    rule = error.reason if isinstance(error, RenderFailed) else f"{type(error).__name__}: {first_line(error)}"
    draw = output.draw()
    parts = [("the cover", document.model_copy(update={"sections": []}))] + [
        (where(part, number), document.model_copy(update={"sections": [part]}))
        for number, part in enumerate(document.sections, start=1)
    ]
    for name, alone in parts:
        try:
            draw(alone, **limit(output, time_left))
        except RenderTimedOut:
            break  # no time left to look further
        except Exception:
            return f"{name}: {rule}"
    return rule


def limit(output: Output, time_left: Callable[[], float] | None) -> dict[str, float]:
    """The time a bounded renderer may take: what the job has left."""
    return {"seconds": max(time_left(), 0.0)} if output.timed and time_left is not None else {}


def where(part: Section, number: int) -> str:
    """The section, and its source where it says: section 3 'Analyse' (analysis/udvikling.ipynb)."""
    source = f" ({part.source})" if part.source else ""
    return f"section {number} {part.title[:60]!r}{source}"


def first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else ""


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
