"""The sections as HTML in JupyterLab, while the evaluator works: `%load_ext pipeline.render.preview` in a notebook
(or in IPython's `extensions` setting). The report's kernel emits only the document; this draws each section a cell
shows with the report's own HTML renderer, as a preview. The report itself is drawn once, after execution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.render import html

if TYPE_CHECKING:
    from IPython.core.interactiveshell import InteractiveShell


def load_ipython_extension(ipython: InteractiveShell) -> None:
    assert ipython.display_formatter is not None  # a shell that loads extensions has set up its display
    formatter = ipython.display_formatter.formatters["text/html"]
    formatter.for_type_by_name("pipeline.present.report", "Shown", lambda shown: html.section(shown.section))
