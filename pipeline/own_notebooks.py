"""The evaluator's own notebooks (`sections:` in project.yaml), read and checked before any report is made: each must
be a notebook whose Markdown cells hold what text/*.md may (headings with words, figures the project has), and a
chart without alternative text is said (a cell tag `alt: …`, or a title the chart gives itself).

Running one and turning its Markdown and outputs into a section is pipeline.present.notebook's job.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat

from pipeline import prose
from pipeline.errors import Problem
from pipeline.sources.limits import check_size

if TYPE_CHECKING:
    from pipeline.spec import ProjectSpec

MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024  # a notebook with outputs saved in it may be large; more is the wrong file
# What makes a chart, and what gives it a title its alternative text can be made from.
DRAWS = re.compile(r"\b(plt\.|\.plot\(|\.bar\(|\.barh\(|\.scatter\(|\.hist\(|subplots\(|figure\()")
TITLED = re.compile(r"(set_title|suptitle|plt\.title|title\s*=)")


def read_notebook(
    path: Path, relative: str, spec: ProjectSpec | None = None
) -> tuple[nbformat.NotebookNode | None, list[Problem], list[Problem]]:
    """The notebook, the problems that stop a report (its Markdown checked against `spec`), and the notices that do
    not."""
    try:
        check_size(path, MAX_NOTEBOOK_BYTES)
        notebook = nbformat.read(path, as_version=4)
    except Exception as error:  # nbformat raises JSON, schema and encoding errors of its own kinds
        first = str(error).strip().splitlines()[0][:120] if str(error).strip() else type(error).__name__
        return None, [Problem(relative, None, None, "a Jupyter notebook (.ipynb) that Jupyter can open", first)], []
    problems = markdown_problems(notebook, relative, spec) if spec is not None else []
    return notebook, problems, alt_text_notices(notebook, relative)


def markdown_problems(notebook: nbformat.NotebookNode, relative: str, spec: ProjectSpec) -> list[Problem]:
    """Each Markdown cell the section shows, checked as a text of text/ is: `sections/analyse.ipynb, cell 3`, line."""
    problems = []
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "markdown" and "remove" not in cell.metadata.get("tags", []):
            problems += prose.problems(f"{relative}, cell {number}", cell.source, spec)
    return problems


def alt_text_notices(notebook: nbformat.NotebookNode, relative: str) -> list[Problem]:
    """A code cell that draws a chart without an `alt: …` tag or a title: the report falls back to the section's
    title."""
    notices = []
    for number, cell in enumerate(notebook.cells, start=1):
        tags = cell.metadata.get("tags", [])
        if cell.cell_type != "code" or "remove" in tags or any(tag.startswith("alt:") for tag in tags):
            continue
        if DRAWS.search(cell.source) and not TITLED.search(cell.source):
            found = f"cell {number}, which draws a chart with neither"
            notices.append(
                Problem(
                    relative,
                    None,
                    None,
                    "alternative text for each chart: a cell tag 'alt: …' or a title (ax.set_title)",
                    found,
                )
            )
    return notices


def cell_tag(cell, name: str) -> str | None:
    """The value of a tag `name: value` on the cell, such as `alt: Tryghedsindekset steg fra 2022 til 2025`."""
    for tag in cell.metadata.get("tags", []):
        key, _, value = tag.partition(":")
        if key.strip() == name and value.strip():
            return value.strip()
    return None
