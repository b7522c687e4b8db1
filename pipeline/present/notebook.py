"""The evaluator's own notebook (`sections:` in project.yaml) run inside the report's kernel and shown as a section.

Its cells run in order in a namespace of their own, with the report's project, unit, period, language and inputs put
after its `parameters` cell as papermill would. Its Markdown cells are the evaluator's text (figures by name as in
text/), and its outputs become the report's blocks: a DataFrame a cell shows (as its value or by `display`) a
numbered table (caption from a cell tag `caption: …`, else its columns), a matplotlib figure a cell leaves open a
numbered chart (alternative text from a cell tag `alt: …`, else its title, else the section's), `display(Markdown(…))`
text. Code is never shown; printed output and other outputs are left out, and so is a cell tagged `remove`. A cell
that fails fails the report, naming the notebook and the cell. Every text of the section — Markdown, a frame's cells
and columns, a chart's words, captions and alternative texts — is redacted like any text from outside.
"""

from __future__ import annotations

import ast
import json
import os
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
from IPython import get_ipython
from IPython.core.formatters import BaseFormatter
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import display
from IPython.utils.capture import capture_output
from matplotlib.text import Text
from matplotlib.ticker import Formatter
from traitlets import ObjectName, Unicode

from pipeline.analysis.privacy import redact
from pipeline.errors import EvalreportError
from pipeline.own_notebooks import cell_tag
from pipeline.paths import confined
from pipeline.present import cells, charts, markdown, redaction, text_figures
from pipeline.present import document as doc

if TYPE_CHECKING:
    from pipeline.present.report import Report
    from pipeline.spec import NotebookSection

FRAME_MIMETYPE = "application/vnd.evalreport.frame+json"  # a DataFrame shown by a cell, as data rather than HTML
MAX_ROWS = 200  # a table in a report is read, not scrolled: longer frames show their first rows and say so


class _FrameFormatter(BaseFormatter):
    """Shows a DataFrame under our own mimetype too, so that a `display(frame)` reaches us as data."""

    format_type = Unicode(FRAME_MIMETYPE)
    print_method = ObjectName("_evalreport_frame_")  # no object has it: only the types registered below are formatted


def notebook_section(report: Report, section: NotebookSection, index: int) -> doc.Section:
    path = confined(report.project.folder, section.notebook, "sections.notebook")
    notebook = nbformat.read(path, as_version=4)
    shell = get_ipython() or InteractiveShell.instance()  # the kernel's own shell when run by a report
    assert shell.display_formatter is not None  # an IPython shell sets up its display when it starts
    formatters = shell.display_formatter.formatters
    formatters[FRAME_MIMETYPE] = frames = _FrameFormatter(parent=shell.display_formatter)
    frames.for_type(pd.DataFrame, lambda frame: frame_json(frame))
    namespace: dict = {"__name__": "__main__", "display": display}
    blocks: list = []
    try:
        with plt.rc_context(charts.STYLE):  # its charts in the house style too, unless a cell sets its own
            for number, cell in enumerate(notebook.cells, start=1):
                shown = "remove" not in cell.metadata.get("tags", [])
                if cell.cell_type == "markdown" and shown:
                    blocks += markdown.blocks(
                        cell.source,
                        3,
                        lambda text: text_figures.fill(text, report, section.notebook),
                        report.table_caption,
                    )
                elif cell.cell_type == "code":
                    outputs, value = run_cell(shell, cell, namespace, section.notebook, number)
                    if "parameters" in cell.metadata.get("tags", []):
                        namespace.update(parameters(report))
                    blocks += shown_blocks(report, section, cell, outputs, value) if shown else []
                    plt.close("all")
    finally:
        formatters.pop(FRAME_MIMETYPE, None)
        plt.close("all")
    made = redaction.section(doc.section(f"section-{index + 1}", section.title, blocks))
    return made.model_copy(update={"source": section.notebook})  # a message about the section names its notebook


def parameters(report: Report) -> dict:
    """What papermill would inject after the notebook's `parameters` cell."""
    scope = report.scope
    return {
        "project": report.project.id,
        "unit": scope.unit,
        "period": scope.period.label,
        "language": report.t.language,
        "inputs": str(report.project.folder.parent),
        "as_of": scope.as_of.isoformat(),
    }


def run_cell(shell: InteractiveShell, cell, namespace: dict, notebook: str, number: int):
    """Run one cell's code (IPython syntax allowed) in the notebook's namespace: what it displayed, and the value of
    its last line if that is an expression."""
    source = shell.transform_cell(cell.source)
    try:
        tree = ast.parse(source, filename=f"{notebook}, cell {number}")
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        with capture_output(stdout=True, stderr=True, display=True) as captured, _no_exit():
            exec(compile(tree, f"{notebook}, cell {number}", "exec"), namespace)
            value = (
                eval(compile(ast.Expression(last.value), f"{notebook}, cell {number}", "eval"), namespace)
                if last
                else None
            )
    except SystemExit:  # sys.exit(), exit(), or os._exit() as `_no_exit` turns it: the report names the cell
        raise EvalreportError(
            f"{notebook}, cell {number}: the cell ends the program (sys.exit, exit or os._exit); "
            "a section's cells must run to their end"
        ) from None
    except Exception as error:
        raise EvalreportError(
            (
                f"{notebook}, cell {number}: {type(error).__name__}: "
                f"{str(error).strip().splitlines()[0] if str(error).strip() else ''}"
            ).rstrip(": ")
        ) from error
    return captured.outputs, value


@contextmanager
def _no_exit():
    """While a section's cell runs, os._exit raises SystemExit instead of ending the kernel without a word."""

    def refused(status: int = 0) -> NoReturn:
        raise SystemExit(status)

    kept, os._exit = os._exit, refused
    try:
        yield
    finally:
        os._exit = kept


def shown_blocks(report: Report, section: NotebookSection, cell, outputs, value) -> list[doc.Block]:
    """A cell's outputs in the order shown: displayed frames and Markdown, then its value, then its open figures."""
    blocks: list[doc.Block] = []
    fill = lambda text: text_figures.fill(text, report, section.notebook)  # noqa: E731
    for output in outputs:
        data = output.data
        if FRAME_MIMETYPE in data:
            blocks.append(frame_table(report, cell, json.loads(data[FRAME_MIMETYPE])))
        elif "text/markdown" in data:
            blocks += markdown.blocks(data["text/markdown"], 3, fill, report.table_caption)
    if isinstance(value, pd.DataFrame):
        blocks.append(frame_table(report, cell, json.loads(frame_json(value))))
    elif value is not None and hasattr(value, "_repr_markdown_") and not isinstance(value, str):
        blocks += markdown.blocks(value._repr_markdown_() or "", 3, fill, report.table_caption)
    for number in plt.get_fignums():
        blocks.append(chart(report, section, cell, plt.figure(number)))
    return blocks


def frame_json(frame: pd.DataFrame) -> str:
    """A frame's first MAX_ROWS rows as JSON (index, columns, data), with how many rows it has."""
    shown = (
        frame.head(MAX_ROWS).reset_index()
        if frame.index.name or not isinstance(frame.index, pd.RangeIndex)
        else frame.head(MAX_ROWS)
    )
    data = json.loads(shown.to_json(orient="split", index=False, date_format="iso", default_handler=str))
    return json.dumps(
        {
            "columns": [str(c) for c in data["columns"]],
            "data": data["data"],
            "rows": len(frame),
            "title": str(frame.attrs.get("title", "")),
        }
    )


def frame_table(report: Report, cell, frame: dict) -> doc.Table:
    """A frame as a numbered table: numbers in the report's language, numeric columns to the right."""
    t = report.t
    numeric = [
        i
        for i in range(len(frame["columns"]))
        if all(isinstance(row[i], (int, float)) or row[i] is None for row in frame["data"])
    ]

    def shown(value, column: int) -> doc.Cell:
        if value is None:
            return "–"
        if column in numeric and not isinstance(value, bool):  # the figure itself for the exports
            return cells.number(t, value, 0 if float(value).is_integer() else 1)
        return str(value)

    rows = [[shown(value, i) for i, value in enumerate(row)] for row in frame["data"]]
    caption = cell_tag(cell, "caption") or frame["title"] or ", ".join(frame["columns"])
    if frame["rows"] > len(rows):
        caption += f" ({t.number(len(rows))}/{t.number(frame['rows'])})"
    return doc.table(frame["columns"], rows, report.table_caption(caption), numeric=numeric)


def chart(report: Report, section: NotebookSection, cell, figure) -> doc.Figure:
    """A figure as a numbered chart; its alternative text from the cell's `alt:` tag, its title, or the section's."""
    title = (
        figure._suptitle.get_text()
        if figure._suptitle
        else next((axes.get_title() for axes in figure.axes if axes.get_title()), "")
    )
    alt = cell_tag(cell, "alt") or cell.metadata.get("alt") or title
    if not alt:
        print(
            (
                f"evalreport: {section.notebook}: a chart with neither an 'alt: …' tag nor a title; its text is "
                "the section's title"
            ),
            file=sys.stderr,
        )
        alt = section.title
    redact_words(figure)
    return doc.figure(charts.to_svg(figure), report.figure_caption(title or alt), alt)


def redact_words(figure) -> None:
    """Redact every word a chart draws: its titles, axis labels, legend and annotations now, and its tick labels as
    they are made (their formatter makes them anew at each drawing)."""
    for axes in figure.axes:
        for axis in filter(None, (axes.xaxis, axes.yaxis, getattr(axes, "zaxis", None))):
            axis.set_major_formatter(_Redacted(axis.get_major_formatter()))
            axis.set_minor_formatter(_Redacted(axis.get_minor_formatter()))
    for text in figure.findobj(Text):
        text.set_text(redact(text.get_text()))


class _Redacted(Formatter):
    """A chart's own tick labels, redacted."""

    def __init__(self, inner: Formatter):
        self.inner = inner

    def set_axis(self, axis) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def format_ticks(self, values) -> list[str]:
        return [redact(label) for label in self.inner.format_ticks(values)]

    def __call__(self, x, pos=None) -> str:
        return redact(self.inner(x, pos))

    def get_offset(self) -> str:
        return redact(self.inner.get_offset())
