"""How full each page of a report's PDF is, read from the PDF itself: the text's positions (poppler's
`pdftotext -bbox-layout`) and the chapters' bookmarks (pypdf).

A page's fill is how far down its text area the lowest line of the body reaches (a chart's caption stands below
it, so a chart counts); the running header and footer in the margins do not count. A page may be short where a
chapter ends: the page before one whose top is a chapter's heading, and the last page.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

# The template's A4 page: 2.3 cm margins above and below (report.typ `#set page`), in points.
MARGIN = 2.3 / 2.54 * 72
XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    fill: float  # 0..1 of the text area's height
    chapter_ends: bool  # the next page opens a chapter, or this is the last page
    first_line: str


def pages(pdf: Path) -> list[Page]:
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    root = ElementTree.fromstring(layout)
    chapter_pages = chapter_openings(pdf)
    found: list[tuple[float, str]] = []
    for page in root.iter(f"{XHTML}page"):
        height = float(page.get("height", 842))
        lines = [line for line in page.iter(f"{XHTML}line") if in_text_area(line, height)]
        bottom = max((float(line.get("yMax", 0)) for line in lines), default=MARGIN)
        first = " ".join(word.text or "" for word in lines[0].iter(f"{XHTML}word")) if lines else ""
        found.append(((bottom - MARGIN) / (height - 2 * MARGIN), first))
    return [
        Page(number, fill, number == len(found) or number + 1 in chapter_pages, first)
        for number, (fill, first) in enumerate(found, start=1)
    ]


def in_text_area(line: ElementTree.Element, height: float) -> bool:
    """Whether a line stands in the page's text area, not in the running header or footer."""
    return float(line.get("yMin", 0)) >= MARGIN - 4 and float(line.get("yMax", 0)) <= height - MARGIN + 4


def chapter_openings(pdf: Path) -> set[int]:
    """The pages (from 1) whose text area opens with a chapter's heading: a top-level bookmark near the page's top."""
    reader = PdfReader(pdf)
    opened = set()
    for entry in reader.outline:
        if isinstance(entry, list):
            continue  # a chapter's sub-headings
        number = reader.get_destination_page_number(entry) + 1
        height = float(reader.pages[number - 1].mediabox.height)
        top = entry.get("/Top")
        # A heading's destination is its top edge (PDF points from the page's foot), within a line of the text area.
        if top is None or float(top) >= height - MARGIN - 40:
            opened.add(number)
    return opened


def lowest_fill(pdf: Path) -> tuple[float, int]:
    """The least-filled page that ends no chapter: its fill and its number (1.0, 0 when every page ends one)."""
    short = [(page.fill, page.number) for page in pages(pdf) if not page.chapter_ends]
    return min(short, default=(1.0, 0))


if __name__ == "__main__":  # python tests/page_fill.py REPORT.pdf ...: each page's fill
    for name in sys.argv[1:]:
        print(name)
        for page in pages(Path(name)):
            ends = "chapter ends" if page.chapter_ends else ""
            print(f"  {page.number:3} {page.fill:6.0%} {ends:12} {page.first_line[:60]}")
