"""Small builders of report HTML; every piece of text passes through `escape` on its way in."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape


def paragraph(text: str, css_class: str | None = None) -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{escape(text)}</p>"


def heading(text: str, level: int = 2, anchor: str | None = None) -> str:
    attribute = f' id="{escape(anchor)}"' if anchor else ""
    return f"<h{level}{attribute}>{escape(text)}</h{level}>"


def figure(svg: str, caption: str, alt: str) -> str:
    """A chart as an embedded SVG image (no file, no network) with a caption and alt text."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}">'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def table(headers: Sequence[str], rows: Sequence[Sequence], caption: str, numeric: Sequence[int] = (), css_class: str = "") -> str:
    """A table with a caption and column headers; cells are escaped, columns in `numeric` align right.

    A cell may be a (text, css_class) pair, to mark a status cell for instance.
    """
    def cell(value, index: int, tag: str = "td") -> str:
        text, extra = value if isinstance(value, tuple) else (value, "")
        classes = " ".join(c for c in ("num" if index in numeric else "", extra) if c)
        attribute = f' class="{classes}"' if classes else ""
        return f"<{tag}{attribute}>{escape(str(text))}</{tag}>"

    num = ' class="num"'
    head = "".join(f'<th scope="col"{num if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell(v, i) for i, v in enumerate(row)) + "</tr>" for row in rows)
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<table{attribute}><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def status_badge(status: str, label: str) -> str:
    """Status shown by word and symbol as well as colour, so it survives grey print and colour blindness."""
    symbol = {"met": "●", "partly_met": "◐", "not_met": "○", "no_data": "–", "not_applicable": "–"}.get(status, "")
    return f'<span class="status status-{escape(status)}">{symbol} {escape(label)}</span>'


def section(anchor: str, title: str, *parts: str) -> str:
    return f'<section id="{escape(anchor)}">{heading(title, 2)}{"".join(parts)}</section>'
