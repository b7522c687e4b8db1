"""The evaluator's Markdown (the year's comment to the committee) as an e-mail reads it: plain text with no `#`, `*` or
`[…](…)` left, and the same as a small HTML part, every text escaped; links that are not web or e-mail addresses
keep their text only."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pipeline.analysis.privacy import redact

SAFE_LINK = re.compile(r"(?i)^(https?://|mailto:)")


@dataclass(frozen=True)
class Part:
    kind: str  # heading, paragraph, quote, item (of a bulleted list), numbered (an item of a numbered list)
    text: str
    number: int = 0  # a numbered item's number
    list_id: int = 0  # which list an item belongs to: a list's items are kept together


@cache  # one parser serves every letter
def _commonmark() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def parts_of(source: str) -> list[Part]:
    """The text's headings, paragraphs and list items, in order, as plain text."""
    parts: list[Part] = []
    open_lists: list[list] = []  # [ordered, next number, id]
    lists_seen = quoted = 0
    heading = False
    for token in _commonmark().parse(source):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists_seen += 1
            open_lists.append([kind == "ordered_list_open", int(token.attrGet("start") or 1), lists_seen])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            open_lists.pop()
        elif kind in ("blockquote_open", "blockquote_close"):
            quoted += 1 if kind == "blockquote_open" else -1
        elif kind in ("heading_open", "heading_close"):
            heading = kind == "heading_open"
        elif kind in ("inline", "fence", "code_block"):
            text = redact(inline_text(token.children or []) if kind == "inline" else token.content).strip()
            if not text:
                continue
            if open_lists:
                ordered, number, list_id = open_lists[-1]
                open_lists[-1][1] += 1 if ordered else 0
                parts.append(Part("numbered" if ordered else "item", text, number, list_id))
            else:
                parts.append(Part("heading" if heading else "quote" if quoted else "paragraph", text))
    return parts


def inline_text(children: list[Token]) -> str:
    """The words of a paragraph: emphasis without its marks, a link as its text with a safe address after it."""
    words: list[str] = []
    target: str | None = None
    for child in children:
        if child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" " if child.type == "softbreak" else "\n")
        elif child.type == "link_open":
            href = str(child.attrGet("href") or "")
            target = href if SAFE_LINK.match(href) else None
        elif child.type == "link_close":
            if target and target.removeprefix("mailto:") not in "".join(words[-3:]):
                words.append(f" <{target.removeprefix('mailto:')}>")
            target = None
        elif child.type == "image":
            words.append(child.content)
    return "".join(words)


def as_text(source: str) -> str:
    """Plain text: paragraphs apart by a blank line, a list's items on lines of their own with a dash or a number."""
    blocks: list[str] = []
    previous: Part | None = None
    for part in parts_of(source):
        if part.kind == "item":
            line = f"– {part.text}"
        elif part.kind == "numbered":
            line = f"{part.number}. {part.text}"
        elif part.kind == "quote":
            line = "\n".join(f"> {each}" for each in part.text.splitlines())
        else:
            line = part.text
        if previous is not None and part.list_id and part.list_id == previous.list_id:
            blocks[-1] += "\n" + line
        else:
            blocks.append(line)
        previous = part
    return "\n\n".join(blocks)


def as_html(source: str) -> str:
    """The same as an HTML fragment: headings as strong paragraphs, lists as lists; every text escaped."""
    out: list[str] = []
    open_list, open_id = "", 0
    for part in parts_of(source):
        wanted = {"item": "ul", "numbered": "ol"}.get(part.kind, "")
        if open_list and (wanted != open_list or part.list_id != open_id):
            out.append(f"</{open_list}>")
            open_list = ""
        if wanted and not open_list:
            start = f' start="{part.number}"' if wanted == "ol" and part.number != 1 else ""
            out.append(f"<{wanted}{start}>")
            open_list, open_id = wanted, part.list_id
        text = html.escape(part.text).replace("\n", "<br>")
        if wanted:
            out.append(f"<li>{text}</li>")
        elif part.kind == "heading":
            out.append(f"<p><strong>{text}</strong></p>")
        elif part.kind == "quote":
            out.append(f"<blockquote>{text}</blockquote>")
        else:
            out.append(f"<p>{text}</p>")
    if open_list:
        out.append(f"</{open_list}>")
    return "\n".join(out)
