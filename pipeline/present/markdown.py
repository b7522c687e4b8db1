"""The evaluator's Markdown turned into the report's own blocks: paragraphs with emphasis and links, headings, lists,
tables and block quotes, each drawn by the HTML and Typst renderers like every other block.

The blocks are redacted as the reader will read them, not as written (pipeline.present.redaction). Nothing of the
text reaches a report as markup: raw HTML is text (escaped by the renderer), a link is kept only when it leads to
the web, an e-mail address or a place in the report, an image is shown by its description. The text's headings
are placed below the heading they stand under (`base`), and never more than one level deeper than the heading
before them, so that a text's `####` cannot break the report's heading order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown_it.token import Token

from pipeline.analysis.privacy import redact
from pipeline.narrative import parser
from pipeline.present import document as doc
from pipeline.present import redaction

DEEPEST = 4  # the model's deepest heading: a section is level 2, its parts 3 and 4
# A paragraph naming the table just before or after it: `Tabel: Deltagere pr. år` (Pandoc's convention).
CAPTION = re.compile(r"^(?:Tabel|Tabell|Table)?:\s+(\S.*)$", re.DOTALL)

Fill = Callable[[str], str]  # puts the figures into a piece of text (pipeline.present.text_figures.fill)
Caption = Callable[[str], doc.Caption]  # numbers a table's caption through the report


def blocks(source: str, base: doc.HeadingLevel, fill: Fill, caption: Caption) -> list[doc.Block]:
    """The text's blocks, its headings starting at level `base` (3 or 4), redacted as the reader will read them."""
    tokens = parser().parse(source)
    converter = _Converter(fill, caption, base)
    return redaction.blocks(converter.blocks(iter(tokens), closing=None))


def title_and_blocks(
    source: str, base: doc.HeadingLevel, fill: Fill, caption: Caption
) -> tuple[str | None, list[doc.Block]]:
    """A text whose first line is a `#` heading gives it as its section's title, and the rest as blocks."""
    tokens = parser().parse(source)
    title = None
    if len(tokens) >= 3 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        title, tokens = redact(fill(plain(tokens[1].children or []))).strip() or None, tokens[3:]
    return title, redaction.blocks(_Converter(fill, caption, base).blocks(iter(tokens), closing=None))


@dataclass
class _Table:
    header: list[str]
    rows: list[list[doc.Cell]]
    numeric: list[int]


@dataclass
class _Named:
    """A `Tabel: …` paragraph: a table's caption if it stands beside one, else a paragraph."""

    text: str
    runs: list


class _Converter:
    def __init__(self, fill: Fill, caption: Caption, base: doc.HeadingLevel):
        self.fill, self.caption, self.base = fill, caption, base
        self.previous_level: int | None = None  # the level of the text's last heading, as placed
        self.top: int | None = None  # the text's shallowest heading level, once met

    def blocks(self, tokens: Iterator[Token], closing: str | None) -> list[doc.Block]:
        result: list = []  # blocks, and captions (str) waiting for the table they name
        for token in tokens:
            if token.type == closing:
                break
            if token.type == "heading_open":
                inline = next(tokens)
                next(tokens)  # heading_close
                result.append(doc.heading(self.fill(plain(inline.children or [])), self.level(int(token.tag[1]))))
            elif token.type == "paragraph_open":
                inline = next(tokens)
                next(tokens)  # paragraph_close
                named = CAPTION.match(plain(inline.children or []).strip())
                result.append(
                    _Named(self.fill(named.group(1)), self.runs(inline.children or []))
                    if named
                    else doc.Paragraph(runs=self.runs(inline.children or []))
                )
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                result += self.bullet_list(
                    tokens, token.type.replace("_open", "_close"), ordered=token.type.startswith("ordered")
                )
            elif token.type == "blockquote_open":
                result.append(doc.box("quote", self.blocks(tokens, "blockquote_close")))
            elif token.type == "table_open":
                result.append(self.table(tokens))
            elif token.type in ("fence", "code_block"):
                result.append(doc.paragraph(self.fill(token.content.rstrip("\n"))))
        return self.captioned(result)

    def captioned(self, parts: list) -> list[doc.Block]:
        """Each table with its caption: the `Tabel: …` paragraph right after it or, failing that, right before it
        (otherwise the paragraph stays a paragraph); numbered in order through the report."""
        blocks: list[doc.Block] = []
        for index, part in enumerate(parts):
            if isinstance(part, _Named):
                after_table = index > 0 and isinstance(parts[index - 1], _Table)
                before_table = (
                    index + 1 < len(parts)
                    and isinstance(parts[index + 1], _Table)
                    and not (index + 2 < len(parts) and isinstance(parts[index + 2], _Named))
                )
                if not (after_table or before_table):
                    blocks.append(doc.Paragraph(runs=part.runs))
            elif isinstance(part, _Table):
                before = parts[index - 1] if index > 0 and isinstance(parts[index - 1], _Named) else None
                after = parts[index + 1] if index + 1 < len(parts) and isinstance(parts[index + 1], _Named) else None
                named = after or before
                caption = self.caption(named.text if named else ", ".join(part.header))
                blocks.append(doc.Table(caption=caption, header=part.header, rows=part.rows, numeric=part.numeric))
            else:
                blocks.append(part)
        return blocks

    def level(self, written: int) -> doc.HeadingLevel:
        """The text's `#` (or its shallowest heading) at `base`, deeper ones below it, never skipping a level."""
        if self.top is None:
            self.top = written
        self.top = min(self.top, written)
        wanted = self.base + (written - self.top)
        ceiling = self.base if self.previous_level is None else self.previous_level + 1
        self.previous_level = max(self.base, min(wanted, ceiling, DEEPEST))
        return 3 if self.previous_level == 3 else 4  # from base (3 or 4) to DEEPEST (4)

    def bullet_list(self, tokens: Iterator[Token], closing: str, ordered: bool) -> list[doc.Block]:
        """A list's items as runs (an item's paragraphs joined); a list inside an item follows the list as a list of
        its own, since the model's lists have one level."""
        items: list[list[doc.Inline]] = []
        after: list[doc.Block] = []
        for token in tokens:
            if token.type == closing:
                break
            if token.type == "list_item_open":
                items.append([])
            elif token.type == "inline":
                items[-1] += ([" "] if items[-1] else []) + self.runs(token.children or [])
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                after += self.bullet_list(
                    tokens, token.type.replace("_open", "_close"), ordered=token.type.startswith("ordered")
                )
        items = [item for item in items if item]
        return [doc.BulletList(items=items, role="text", ordered=ordered), *after] if items else after

    def table(self, tokens: Iterator[Token]) -> _Table:
        table = _Table([], [], [])
        in_head = False
        for token in tokens:
            if token.type == "table_close":
                break
            if token.type in ("thead_open", "thead_close"):
                in_head = token.type == "thead_open"
            elif token.type == "tr_open" and not in_head:
                table.rows.append([])
            elif token.type in ("th_open", "td_open"):
                cell = self.fill(plain(next(tokens).children or []))
                if in_head:
                    if "text-align:right" in str(token.attrGet("style") or ""):  # `--:` in the line under the header
                        table.numeric.append(len(table.header))
                    table.header.append(cell)
                else:
                    table.rows[-1].append(cell)
        return table

    def runs(self, children: list[Token]) -> list[doc.Inline]:
        """Inline tokens as runs: plain text, strong, emphasis (nested emphasis counts as the outer one) and links."""
        result: list[doc.Inline] = []
        strong = emphasis = 0
        link: str | None = None
        link_text: list[str] = []

        def add(text: str) -> None:
            text = self.fill(text)
            if not text:
                return
            if link is not None:
                link_text.append(text)
            elif strong:
                result.append(doc.Strong(text=text))
            elif emphasis:
                result.append(doc.Emphasis(text=text))
            elif result and isinstance(result[-1], str):
                result[-1] += text
            else:
                result.append(text)

        for child in children:
            kind = child.type
            if kind in ("text", "code_inline", "html_inline"):
                add(child.content)
            elif kind == "softbreak" or kind == "hardbreak":
                add(" ")
            elif kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                emphasis += 1
            elif kind == "em_close":
                emphasis -= 1
            elif kind == "link_open":
                link, link_text = str(child.attrGet("href") or ""), []
            elif kind == "link_close":
                target, link = link or "", None  # a link_open came first
                result.append(doc.Link(text="".join(link_text) or target, target=target))  # redacted with the rest
            elif kind == "image":  # shown by its description; validate has said so
                add(plain(child.children or []))
            elif kind in ("s_open", "s_close"):
                continue
        return result


def plain(children: list[Token]) -> str:
    """The text of inline tokens without their markup."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(plain(child.children or []))
    return "".join(parts)
