"""The sections as HTML in JupyterLab, while the evaluator works: `%load_ext pipeline.render.preview` in a notebook
(or in IPython's `extensions` setting). The report's kernel emits only the document; this draws each section a cell
shows with the report's own HTML renderer, as a preview. The report itself is drawn once, after execution."""

from __future__ import annotations

from pipeline.render import html


def load_ipython_extension(ipython) -> None:
    formatter = ipython.display_formatter.formatters["text/html"]
    formatter.for_type_by_name("pipeline.present.report", "Shown", lambda shown: html.section(shown.section))
