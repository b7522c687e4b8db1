"""What a report says, apart from how it looks: the typed blocks that sections return and renderers draw.

Nothing here knows a format. A notebook's cells emit the report's sections as JSON (`DOCUMENT_MIMETYPE`); after
execution the runner reads them once into a `Document`, with its cover, and each renderer in `pipeline.render`
draws that one document: the page, the PDF, the Word file, the workbook, the long CSV and results.json. A new block
kind is added here and to each renderer's one function for blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.vocabulary import STATUS_SYMBOLS

DOCUMENT_MIMETYPE = "application/vnd.evalreport.document+json"
# The results a notebook publishes (`Report.publish_results`): read with the sections, stored as results.json.
RESULTS_MIMETYPE = "application/vnd.evalreport.results+json"

# How a status or a milestone's outcome looks: by symbol and word, and by colour where a renderer has colour.
STATUSES = ("met", "partly_met", "not_met", "in_progress", "no_data", "not_applicable")
OUTCOMES = ("on_time", "late", "overdue", "open", "cancelled")
Tone = Literal[
    "met",
    "partly_met",
    "not_met",
    "in_progress",
    "no_data",
    "not_applicable",
    "on_time",
    "late",
    "overdue",
    "open",
    "cancelled",
]


# Where a box, a table and a heading stand in the report, as the renderers know them.
BoxRole = Literal["summary", "assessment", "detail", "quote"]
TableRole = Literal["", "criteria"]
HeadingLevel = Literal[3, 4]
# What a table's figure is, for the exports to take it as.
Unit = Literal["count", "share", "number", "date"]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- Inline runs: the pieces of a paragraph or list item; a bare str is plain text -----------------------


class Strong(Model):
    kind: Literal["strong"] = "strong"
    text: str


class Emphasis(Model):
    kind: Literal["emphasis"] = "emphasis"
    text: str


class Link(Model):
    kind: Literal["link"] = "link"
    text: str
    target: str  # "#anchor" inside the report, or an address


class Badge(Model):
    """A status shown by symbol and word (and colour): '● Opfyldt', '↑ Forbedret'. No tone: a neutral word."""

    kind: Literal["badge"] = "badge"
    symbol: str
    label: str
    tone: Tone | None = None


Inline = str | Annotated[Strong | Emphasis | Link | Badge, Field(discriminator="kind")]


def status_badge(status: str, label: str) -> Badge:
    """Status shown by word and symbol as well as colour, so it survives grey print and colour blindness."""
    # A status's value is a str to the type checker; pydantic checks that it is a Tone.
    return Badge.model_validate({"symbol": STATUS_SYMBOLS.get(status, ""), "label": label, "tone": status})


# --- Blocks ---------------------------------------------------------------------------------------------


class Paragraph(Model):
    kind: Literal["paragraph"] = "paragraph"
    runs: list[Inline]
    lead: bool = False  # the summary's first, larger sentence


class Note(Model):
    """Small print: how a figure was made, what was withheld."""

    kind: Literal["note"] = "note"
    runs: list[Inline]


class Heading(Model):
    """A heading inside a section (the section's own title is level 2)."""

    kind: Literal["heading"] = "heading"
    text: str
    level: HeadingLevel = 3


class BulletList(Model):
    """`statuses`: a badge before each item; `changes`: a verdict per question or criterion; `comments`: quotes;
    `text`: a list in the evaluator's own text, numbered when `ordered`."""

    kind: Literal["list"] = "list"
    items: list[list[Inline]]
    role: Literal["statuses", "changes", "comments", "text"]
    ordered: bool = False


class Caption(Model):
    """'Tabel 3' and its text: numbered by the report, in order through all its sections."""

    label: str
    text: str

    def __str__(self) -> str:
        return f"{self.label}: {self.text}"


class Marked(Model):
    """A table cell with a status or outcome."""

    kind: Literal["marked"] = "marked"
    text: str
    tone: Tone


class Datum(Model):
    """A table cell that shows a figure: its text as the report writes it ('45,2 %', '13. sep. 2016') and the figure
    itself, which the exports take (0.452 for a share, '2016-09-13' for a date, a pair for an interval). No value:
    the report shows no figure there. `suppressed`: the project's suppression decision withholds it; `note` says why."""

    kind: Literal["datum"] = "datum"
    text: str
    value: int | float | str | tuple[float, float] | None = None
    unit: Unit
    suppressed: bool = False
    note: str = ""
    tone: Tone | None = None  # a figure shown in the colour of its status


Cell = str | Annotated[Marked | Datum, Field(discriminator="kind")]


class Table(Model):
    """A header row (repeated on every page the table spans) and rows; `numeric` columns align right."""

    kind: Literal["table"] = "table"
    caption: Caption
    header: list[str]
    rows: list[list[Cell]]
    numeric: list[int] = []
    role: TableRole = ""  # criteria: the columns of the success-criteria table have set widths


class Figure(Model):
    kind: Literal["figure"] = "figure"
    svg: str
    alt: str
    caption: Caption


class Box(Model):
    """Blocks kept together: `summary` the report's opening box, `assessment` a judged criterion, `detail` a
    criterion's figures per unit, `quote` a block quote in the evaluator's text."""

    kind: Literal["box"] = "box"
    role: BoxRole
    blocks: list[Block]


Block = Annotated[Paragraph | Note | Heading | BulletList | Table | Figure | Box, Field(discriminator="kind")]
Box.model_rebuild()


class Section(Model):
    """One part of the report, with its title in the table of contents."""

    kind: Literal["section"] = "section"
    anchor: str
    title: str
    blocks: list[Block]
    source: str = ""  # where its words come from, for a message that must name it: sections/analyse.ipynb


class Cover(Model):
    """What the first page says, and what every page's header and footer repeat; when the report was made and from
    which inputs (the workbook's first sheet says so)."""

    language: str
    title: str
    owner: str
    report_title: str
    unit_name: str | None = None
    period: str
    date: str
    accent: str
    logo: str | None = None  # a data: URI
    provenance: str
    labels: dict[str, str]  # owner, period, report_date, contents, and page_of: 'Side {page} af {pages}'
    version: str
    made: datetime  # UTC
    inputs: str = ""  # the SHA-256 over every input file (`Project.input_digest`)
    # A table of contents after the cover, and the sections on a page of their own; False for a short document read
    # in one go (a committee case, whose proposal belongs on its first page).
    contents: bool = True


class Document(Model):
    """The report: its cover, its sections (the table of contents is drawn from them, by each renderer), and the
    computed results the notebook published (`Report.publish_results`), stored as results.json."""

    cover: Cover
    sections: list[Section]
    results: dict | None = None


def section(anchor: str, title: str, *parts) -> Section:
    """`section("summary", "Sammendrag", block, [blocks], None, ...)`: None is a part the report leaves out."""
    return Section(anchor=anchor, title=title, blocks=flatten(parts))


def box(role: BoxRole, *parts) -> Box:
    return Box(role=role, blocks=flatten(parts))


def flatten(parts) -> list[Block]:
    """Blocks from a mix of blocks, lists of blocks and None (a part that shows nothing)."""
    blocks: list[Block] = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, list):
            blocks += flatten(part)
        else:
            blocks.append(part)
    return blocks


# --- Short builders, for sections to read like the report's outline ----------------------------------------


def paragraph(*runs: Inline, lead: bool = False) -> Paragraph:
    return Paragraph(runs=list(runs), lead=lead)


def note(*runs: Inline) -> Note:
    return Note(runs=list(runs))


def heading(text: str, level: HeadingLevel = 3) -> Heading:
    return Heading(text=text, level=level)


def table(
    header: Sequence[str], rows: Sequence[Sequence], caption: Caption, numeric: Sequence[int] = (), role: TableRole = ""
) -> Table:
    """Cells are text (a number is written as given), `marked(text, tone)` or a `Datum` (see
    `pipeline.present.cells`)."""
    cells = [[value if isinstance(value, (Marked, Datum)) else str(value) for value in row] for row in rows]
    return Table(caption=caption, header=list(header), rows=cells, numeric=list(numeric), role=role)


def marked(text: str, tone: str) -> Marked:
    return Marked.model_validate({"text": text, "tone": tone})  # pydantic checks that a status's value is a Tone


def figure(svg: str, caption: Caption, alt: str) -> Figure:
    return Figure(svg=svg, alt=alt, caption=caption)
