"""What the evaluator's Markdown must hold wherever it is written (text/*.md, and the Markdown cells of a notebook
section): every heading has words, since an empty one is a heading a screen reader announces with nothing in it
(PDF/UA refuses the PDF), and every figure named `{{…}}` is one the project has."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from pipeline import text_figures
from pipeline.errors import Problem

if TYPE_CHECKING:
    from pipeline.spec import ProjectSpec


@cache  # one parser serves every text: making one costs a millisecond
def _commonmark() -> MarkdownIt:
    return MarkdownIt("commonmark")


def problems(file: str, source: str, spec: ProjectSpec) -> list[Problem]:
    """The problems of one text, each with its file and line."""
    return empty_headings(file, source) + text_figures.problems(file, source, spec)


def empty_headings(file: str, source: str) -> list[Problem]:
    """A heading line with no words (`##` left in a draft, `# ` before a text begins), by its line."""
    found = []
    tokens = _commonmark().parse(source)
    for opening, inline in zip(tokens, tokens[1:]):
        if opening.type == "heading_open" and not any(ch.isalnum() for ch in inline.content):
            line = opening.map[0] + 1 if opening.map else None
            written = source.split("\n")[line - 1].strip() if line else opening.markup
            found.append(
                Problem(
                    file, line, None, "a heading with words after its #, or no heading (delete the line)", repr(written)
                )
            )
    return found
