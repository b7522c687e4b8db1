"""The document drawn as the report's page: one self-contained HTML file (the typeface and the stylesheet inlined,
images as data URIs, no code, no script), the cover, the table of contents, the sections and the provenance.
Every piece of text passes through `escape` on its way out."""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from functools import cache
from html import escape
from pathlib import Path

from pipeline.present import fonts
from pipeline.present.document import (
    OUTCOMES,
    Badge,
    Block,
    Box,
    BulletList,
    Cell,
    Cover,
    Datum,
    Document,
    Emphasis,
    Figure,
    Heading,
    Inline,
    Link,
    Marked,
    Note,
    Paragraph,
    Section,
    Strong,
    Table,
)
from pipeline.present.i18n import Messages
from pipeline.vocabulary import palette_css

STYLESHEET = Path(__file__).resolve().parent.parent / "templates" / "evalreport" / "report.css"

BOX_CLASSES = {"summary": "summary-box", "assessment": "assessment", "detail": "criterion-detail"}
LIST_CLASSES = {"statuses": "status-list", "changes": "changes", "comments": "comments", "text": "text"}


def to_html(document: Document) -> bytes:
    return page(document).encode("utf-8")


def page(document: Document) -> str:
    c = document.cover
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(c.language)}">\n{head(c)}\n<body>\n{cover(c)}'
        f"{table_of_contents(document.sections, c.labels['contents']) if c.contents else ''}\n<main>\n"
        + "\n".join(section(part) for part in document.sections)
        + f'\n</main>\n<footer class="provenance">{escape(c.provenance)}</footer>\n</body>\n</html>\n'
    )


def head(c: Cover) -> str:
    """The page's title, and its style: the typeface and the stylesheet, the accent colour, the printed page's
    header and 'Side 3 af 12' footer."""
    return (
        f'<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="evalreport {escape(c.version)}">\n'
        f"<title>{escape(c.title)} – {escape(c.report_title)}</title>\n<style>\n{stylesheet()}\n"
        f":root {{ --accent: {css_colour(c.accent)}; {palette_css()} }}\n"
        f"@page {{ @bottom-right {{ content: {page_counter(Messages(c.language))}; }}"
        f" @top-right {{ content: {css_string(c.title)}; }} }}\n"
        "</style>\n</head>"
    )


def cover(c: Cover) -> str:
    logo = f'<img class="logo" src="{escape(c.logo)}" alt="{escape(c.owner)}">' if c.logo else ""
    unit = f" · {escape(c.unit_name)}" if c.unit_name else ""
    particulars = "".join(
        f"\n    <dt>{escape(c.labels[key])}</dt><dd>{escape(value)}</dd>"
        for key, value in (("owner", c.owner), ("period", c.period), ("report_date", c.date))
    )
    return (
        f'<header class="cover">{logo}\n  <p class="kicker">{escape(c.report_title)}{unit}</p>\n'
        f"  <h1>{escape(c.title)}</h1>\n  <dl>{particulars}\n  </dl>\n</header>"
    )


@cache
def stylesheet() -> str:
    """The report's typeface, embedded, then the stylesheet."""
    return fonts.font_faces_css() + STYLESHEET.read_text(encoding="utf-8")


def css_string(text: str) -> str:
    """`text` as a CSS string, to be read back as written: quotes, backslashes and line breaks are escaped (a
    newline would end the string and let the rest be read as rules), and so are `<` and `>`, since `</style>`
    ends the style element wherever it stands."""
    return '"' + re.sub(r'["\\<>\x00-\x1f\x7f]', lambda found: f"\\{ord(found.group()):x} ", text) + '"'


def css_colour(colour: str) -> str:
    """The accent colour as the project gives it ('#1b4f72'); anything else is no colour CSS could misread."""
    return colour if re.fullmatch(r"#[0-9a-fA-F]{3,8}", colour) else "inherit"


def page_counter(messages: Messages) -> str:
    """The CSS `content` value for 'Side 3 av 12' in the report's language."""
    before, rest = messages("page_of", page="\0", pages="\1").split("\0", 1)
    middle, after = rest.split("\1", 1)
    pieces = [
        css_string(before) if before else "",
        "counter(page)",
        css_string(middle),
        "counter(pages)",
        css_string(after) if after else "",
    ]
    return " ".join(p for p in pieces if p)


def section(part: Section) -> str:
    return f'<section id="{escape(part.anchor)}"><h2>{escape(part.title)}</h2>{blocks(part.blocks)}</section>'


def blocks(parts: Sequence[Block]) -> str:
    return "".join(block(part) for part in parts)


def block(part: Block) -> str:
    match part:
        case Paragraph():
            attribute = ' class="lead"' if part.lead else ""
            return f"<p{attribute}>{inline(part.runs)}</p>"
        case Note():
            return f'<p class="small">{inline(part.runs)}</p>'
        case Heading():
            return f"<h{part.level}>{escape(part.text)}</h{part.level}>"
        case BulletList():
            tag = "ol" if part.ordered else "ul"
            items = "".join(list_item(part.role, item) for item in part.items)
            return f'<{tag} class="{LIST_CLASSES[part.role]}">{items}</{tag}>'
        case Table():
            return table(part)
        case Figure():
            return figure(part)
        case Box() if part.role == "quote":
            return f"<blockquote>{blocks(part.blocks)}</blockquote>"
        case Box():
            return f'<div class="{BOX_CLASSES[part.role]}">{blocks(part.blocks)}</div>'
    raise TypeError(f"no HTML for {type(part).__name__}")


def inline(runs: Sequence[Inline]) -> str:
    return "".join(run(part) for part in runs)


def run(part: Inline) -> str:
    match part:
        case str():
            return escape(part)
        case Strong():
            return f"<strong>{escape(part.text)}</strong>"
        case Emphasis():
            return f"<em>{escape(part.text)}</em>"
        case Link():
            return f'<a href="{escape(part.target)}">{escape(part.text)}</a>'
        case Badge():
            return f'<span class="status {tone_class(part.tone)}">{escape(part.symbol)} {escape(part.label)}</span>'
    raise TypeError(f"no HTML for {type(part).__name__}")


def list_item(role: str, item: Sequence[Inline]) -> str:
    if role == "statuses":  # the badge, then the words it judges
        return f"<li>{run(item[0])} <span>{inline(item[1:])}</span></li>"
    return f"<li>{inline(item)}</li>"


def tone_class(tone: str | None) -> str:
    """The stylesheet's class for a status (status-met) or a milestone's outcome (outcome-late)."""
    if tone is None:
        return ""
    return f"outcome-{tone}" if tone in OUTCOMES else f"status-{tone}"


# A table of more columns than this is drawn on a phone as a card per row, each cell under its column's name.
CARD_COLUMNS = 4


def table(part: Table) -> str:
    """Column headers with scope, the caption first; numeric columns align right. Each cell carries its column's name
    (`data-label`), which a wide table's cards show on a narrow screen (report.css)."""
    numeric = set(part.numeric)

    def cell(value: Cell, index: int) -> str:
        text, extra = (value.text, tone_class(value.tone)) if isinstance(value, (Marked, Datum)) else (value, "")
        classes = " ".join(c for c in ("num" if index in numeric else "", extra) if c)
        attribute = f' class="{classes}"' if classes else ""
        label = f' data-label="{escape(part.header[index])}"' if index < len(part.header) else ""
        return f"<td{attribute}{label}>{escape(text)}</td>"

    num = ' class="num"'
    head = "".join(f'<th scope="col"{num if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(part.header))
    body = "".join("<tr>" + "".join(cell(v, i) for i, v in enumerate(row)) + "</tr>" for row in part.rows)
    classes = " ".join(c for c in (part.role, "cards" if len(part.header) > CARD_COLUMNS else "") if c)
    attribute = f' class="{classes}"' if classes else ""
    caption = f"<caption>{escape(str(part.caption))}</caption>"
    return f"<table{attribute}>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def figure(part: Figure) -> str:
    """A chart as an embedded SVG image (no file, no network) with a caption and alt text."""
    data = base64.b64encode(with_its_faces(part.svg).encode("utf-8")).decode("ascii")
    return (
        f'<figure><img src="data:image/svg+xml;base64,{data}" '
        f'alt="{escape(part.alt)}"><figcaption>{escape(str(part.caption))}</figcaption></figure>'
    )


def with_its_faces(svg: str) -> str:
    """The chart with the faces its text is set in. An <img> cannot use the page's, and a reader's own sans-serif,
    wider than the one the chart was measured with, would push its labels past its edges."""
    weights = [400, 700] if "font-weight: 700" in svg else [400]
    styles = ["normal", "italic"] if "font-style: italic" in svg else ["normal"]
    faces = [(fonts.FAMILY, weight, style) for weight in weights for style in styles]
    if any(symbol in svg for symbol in fonts.SYMBOL_REPERTOIRE):
        faces.append((fonts.SYMBOLS, 400, "normal"))
    rules = "".join(fonts.face_rules()[face] for face in faces)
    return _SVG_START.sub(lambda tag: f"{tag[0]}<style>{rules}</style>", svg, count=1)


_SVG_START = re.compile(r"<svg\b[^>]*>")


def table_of_contents(sections: Sequence[Section], title: str) -> str:
    """A linked list of the report's sections, for after the cover; none for a report of one section."""
    if len(sections) < 2:
        return ""
    entries = "".join(f'<li><a href="#{escape(s.anchor)}">{escape(s.title)}</a></li>' for s in sections)
    return (
        f'<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">{escape(title)}</h2><ol>{entries}</ol></nav>'
    )
