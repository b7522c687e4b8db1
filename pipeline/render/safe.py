"""The document made safe to draw, once, before any renderer sees it: what a format would refuse is changed here into
what every format can show, and said as a warning.

The PDF is PDF/A-2a and PDF/UA-1, and Typst stops rather than break those rules; a project that validates must still
get its report. So: a link to a place the report does not have becomes its text; quotes nested past a few levels
are flattened; a run of characters too long for a line is given places to break, and a text the PDF keeps as one
string (a title, a heading, an alternative text) is cut to a length it can hold; a table with nothing in it says so
in the report's language; a heading with no text is left out, and a title with none gets a word; a logo no renderer
can draw is left off the cover. Nothing is added that the inputs did not say, but for those words.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from pipeline.images import chart_problem, image_problem
from pipeline.present.document import (
    Badge,
    Block,
    Box,
    BulletList,
    Caption,
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

# A "word" longer than this gets a place to break after every this many characters (a zero-width space): no line
# holds it, and Typst writes a line as one PDF string, which PDF/A bounds at 32,767 bytes.
MAX_RUN = 100
BREAK = "\u200b"
# A title, heading, caption or alternative text is one PDF string (bookmarks, tags, the document's title): cut here.
MAX_LABEL = 1_000
# A link's address is kept whole only to this length (Typst refuses one of 8,000; browsers stop near 2,000 more).
MAX_ADDRESS = 2_000
# Quotes in quotes: an e-mail thread pasted with `> > >` shows this many levels, the deeper ones in the deepest.
MAX_DEPTH = 3
ADDRESS = re.compile(r"(?i)(https?://|mailto:)")
LONG_RUN = re.compile(rf"[^\s{BREAK}]{{{MAX_RUN + 1},}}")
ANCHOR = re.compile(r"[A-Za-z][\w-]{0,79}", re.ASCII)
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
HOUSE_ACCENT = "#1b4f72"
SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # a tab, a line break and a carriage return stay
LOGO_KINDS = {"image/svg+xml": "svg", "image/png": "png", "image/jpeg": "jpg"}


def made_safe(document: Document) -> tuple[Document, list[str]]:
    """The document as every renderer can draw it, and a warning for each thing changed that the reader would miss."""
    return _Pass(encodable(document)).run()


def encodable(document: Document) -> Document:
    """Every text as each format can hold it: without control characters (NUL, escape: no font draws them, and a
    workbook cannot store them), and half a UTF-16 pair (a JSON output may carry one) as U+FFFD."""
    changed = False

    def clean(value: object) -> object:
        nonlocal changed
        if isinstance(value, str):
            cleaned = SURROGATE.sub("\ufffd", CONTROL.sub("", value))
            changed = changed or cleaned != value
            return cleaned
        if isinstance(value, dict):
            return {key: clean(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(clean(item) for item in value)
        return value

    cleaned = clean(document.model_dump())
    return Document.model_validate(cleaned) if changed else document


def is_day(value: object) -> bool:
    """Whether a date's figure is a day the exports can write ('2025-05-01')."""
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def is_blank(text: str) -> bool:
    """No letter, digit, punctuation or symbol: spaces, control and format characters (a zero-width space) only."""
    return not any(unicodedata.category(c)[0] in "LNPS" for c in text)


def broken(text: str) -> str:
    """`text` with a place to break in every run of more than MAX_RUN characters without a space."""
    if len(text) <= MAX_RUN:
        return text
    return LONG_RUN.sub(lambda run: BREAK.join(run[0][i : i + MAX_RUN] for i in range(0, len(run[0]), MAX_RUN)), text)


def label(text: str) -> str:
    """A text the PDF keeps as one string: broken, and cut to MAX_LABEL characters."""
    text = broken(text)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


class _Pass:
    """One walk over the document; `warnings` says what it changed, where."""

    def __init__(self, document: Document):
        self.document = document
        self.t = Messages(document.cover.language)
        self.warnings: list[str] = []
        self.drawn = self.drawn_anchors(document.sections)
        # A link names a section's anchor as written; the first section of that name is where it leads.
        self.anchors = dict(reversed([(part.anchor, drawn) for part, drawn in zip(document.sections, self.drawn)]))
        self.where = ""  # the part being walked, for the warnings
        self.level = 2  # the level of the last heading in the section being walked (its title is 2)

    def run(self) -> tuple[Document, list[str]]:
        sections = [self.section(part, anchor) for part, anchor in zip(self.document.sections, self.drawn)]
        document = self.document.model_copy(update={"cover": self.cover(self.document.cover), "sections": sections})
        return document, self.warnings

    def warn(self, what: str) -> None:
        self.warnings.append(f"{self.where}: {what}" if self.where else what)

    # --- The cover ----------------------------------------------------------------------------------------------

    def cover(self, c: Cover) -> Cover:
        self.where = "the cover"
        report_title = self.titled(c.report_title, "report title", self.t("untitled"))
        update = {
            "title": self.titled(c.title, "project title", report_title),
            "report_title": report_title,
            "owner": self.titled(c.owner, "owner", "–"),
            "unit_name": label(c.unit_name) if c.unit_name and not is_blank(c.unit_name) else None,
            "period": label(c.period),
            "date": label(c.date),
            "provenance": broken(c.provenance),
            "accent": c.accent if HEX_COLOUR.fullmatch(c.accent) else HOUSE_ACCENT,
            "logo": self.logo(c.logo),
            "labels": self.labels(c.labels),
        }
        self.where = ""
        return c.model_copy(update=update)

    def titled(self, text: str, what: str, instead: str) -> str:
        if is_blank(text):
            self.warn(f"the {what} is empty; the report shows {instead!r}")
            return instead
        return label(text)

    def labels(self, labels: dict[str, str]) -> dict[str, str]:
        """The cover's words, the catalogue's wherever one is blank; 'Side {page} af {pages}' keeps both fields."""
        own = {key: self.t(key) for key in ("owner", "period", "report_date", "contents")}
        own["page_of"] = self.t("page_of", page="{page}", pages="{pages}")
        safe = {key: label(text) for key, text in labels.items()} | {
            key: word for key, word in own.items() if is_blank(labels.get(key, "")) or len(labels[key]) > MAX_LABEL
        }
        if any(field not in safe["page_of"] for field in ("{page}", "{pages}")):
            safe["page_of"] = own["page_of"]
        return safe

    def logo(self, data_uri: str | None) -> str | None:
        if not data_uri:
            return None
        header, _, data = data_uri.partition(",")
        kind = LOGO_KINDS.get(header.removeprefix("data:").removesuffix(";base64"))
        try:
            problem = image_problem(base64.b64decode(data, validate=True), kind) if kind else "no SVG, PNG or JPEG"
        except (binascii.Error, ValueError):
            problem = "no picture: its data is damaged"
        if problem:
            self.warn(f"the logo is left out: expected a picture the report can draw, found {problem}")
            return None
        return data_uri

    # --- Sections and blocks ------------------------------------------------------------------------------------

    @staticmethod
    def drawn_anchors(sections: Sequence[Section]) -> list[str]:
        """Each section's anchor as drawn: a short plain name, unique, since a link leads to one place and the PDF
        keeps the name as one string."""
        drawn: list[str] = []
        for number, part in enumerate(sections, start=1):
            anchor = part.anchor if ANCHOR.fullmatch(part.anchor) else f"section-{number}"
            while anchor in drawn:
                anchor += f"-{number}"
            drawn.append(anchor)
        return drawn

    def section(self, part: Section, anchor: str) -> Section:
        self.where = f"section {part.title.strip()[:60]!r}" if not is_blank(part.title) else f"section {anchor!r}"
        title = self.titled(part.title, "section's title", self.t("untitled"))
        self.level = 2  # the section's title
        blocks = self.blocks(part.blocks, depth=0)
        self.where = ""
        return part.model_copy(update={"anchor": anchor, "title": title, "blocks": blocks})

    def blocks(self, parts: Sequence[Block], depth: int) -> list[Block]:
        return [safe for part in parts for safe in self.block(part, depth)]

    def block(self, part: Block, depth: int) -> list[Block]:
        match part:
            case Paragraph() | Note():
                return [part.model_copy(update={"runs": self.runs(part.runs)})]
            case Heading():
                if is_blank(part.text):
                    self.warn("a heading with no text is left out")
                    return []
                # No level skipped (PDF/UA): a level-4 heading with no level-3 one above it in its section is one.
                self.level = min(part.level, self.level + 1)
                return [part.model_copy(update={"text": label(part.text), "level": self.level})]
            case BulletList():
                items = [self.runs(item) for item in part.items]
                if part.role == "statuses":  # a badge, then the words it judges: an item without its badge says nothing
                    items = [item for item in items if item and isinstance(item[0], Badge)]
                items = [item for item in items if item]
                return [part.model_copy(update={"items": items})] if items else []
            case Table():
                return self.table(part)
            case Figure():
                return self.figure(part)
            case Box():
                inner = self.blocks(part.blocks, depth + 1)
                if depth >= MAX_DEPTH:  # flattened: its blocks stand in the box around it
                    if depth == MAX_DEPTH:
                        self.warn(
                            f"quotes (or boxes) nested deeper than {MAX_DEPTH} levels are shown at level {MAX_DEPTH}"
                        )
                    return inner
                return [part.model_copy(update={"blocks": inner})]
        raise TypeError(f"no safe form for {type(part).__name__}")

    def runs(self, runs: Sequence[Inline]) -> list[Inline]:
        return [safe for run in runs if (safe := self.run_of(run)) != ""]

    def run_of(self, run: Inline) -> Inline:
        match run:
            case str():
                return broken(run)
            case Strong() | Emphasis():
                return run.model_copy(update={"text": broken(run.text)})
            case Badge():
                return run.model_copy(update={"symbol": label(run.symbol), "label": label(run.label)})
            case Link():
                return self.link(run)
        raise TypeError(f"no safe form for {type(run).__name__}")

    def link(self, run: Link) -> Inline:
        """A link to a place the report has or to an address within bounds; anything else is its text."""
        target = run.target.strip()
        text = run.text if not is_blank(run.text) else target
        if target.startswith("#"):
            if target[1:] in self.anchors:
                return Link(text=label(text), target="#" + self.anchors[target[1:]])
            self.warn(f"a link to {target[:60]!r}, a place the report does not have, is shown as text")
            return broken(text)
        if not ADDRESS.match(target) or len(target) > MAX_ADDRESS:
            self.warn(f"a link to {target[:60]!r}{'…' if len(target) > 60 else ''} is shown as text")
            return broken(text)
        return Link(text=label(text), target=target)

    def table(self, part: Table) -> list[Block]:
        caption = self.caption(part.caption)
        if not part.header:
            self.warn(f"{caption.label}: a table with no columns is shown as a note")
            return [Note(runs=[f"{caption}. {self.t('table_empty')}"])]
        width = len(part.header)
        rows = [[self.cell(cell) for cell in row[:width]] + [""] * (width - len(row)) for row in part.rows]
        numeric = [i for i in part.numeric if 0 <= i < width]
        table = part.model_copy(
            update={"caption": caption, "header": [label(h) for h in part.header], "rows": rows, "numeric": numeric}
        )
        return [table] if rows else [table, Note(runs=[self.t("table_without_rows")])]

    def cell(self, cell: Cell) -> str | Marked | Datum:
        if isinstance(cell, str):
            return broken(cell)
        if isinstance(cell, Datum) and cell.unit == "date" and not is_day(cell.value):
            return cell.model_copy(
                update={"text": broken(cell.text), "value": None}
            )  # the exports' date is a day or none
        return cell.model_copy(update={"text": broken(cell.text)})

    def caption(self, caption: Caption) -> Caption:
        return Caption(label=label(caption.label), text=label(caption.text))

    def figure(self, part: Figure) -> list[Block]:
        caption = self.caption(part.caption)
        alt = next((text for text in (part.alt, caption.text, caption.label) if not is_blank(text)), self.t("untitled"))
        problem = chart_problem(part.svg)
        if problem:
            self.warn(f"{caption.label}: a chart that cannot be drawn ({problem}) is shown by its text")
            return [Note(runs=[f"{caption}. {self.t('figure_not_drawn', alt=label(alt))}"])]
        return [part.model_copy(update={"alt": label(alt), "caption": caption})]
