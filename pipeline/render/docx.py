"""The document as a Word file, for the case officer who edits it in the municipality's agenda system.

Built from named styles only, never from direct formatting (Title, Heading 1–3, List Number, List Bullet, Table Grid,
Caption, Quote, and a few of our own defined once: Note, Table Heading, Table Text, Table Number, TOC 1), so that a
case officer's own template restyles it and Word's navigation pane, outline and accessibility checker work. Tables
repeat their header row on every page and align numbers right; every chart is a PNG at print resolution with its
alternative text and caption; the document's language, title and author are set, and every page's footer says
'Side 3 af 12'. Text that XML cannot hold (control characters) is dropped on the way in.

Made quickly: the styles are defined once per accent colour and language, in a template kept as bytes, and each
style's id is looked up once (python-docx searches every style of the file for each name it is given); paragraphs,
runs and table cells are made as their XML elements, as python-docx makes them, but placed directly.
"""

from __future__ import annotations

import base64
import copy
import io
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import cast

from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as WordParagraph

from pipeline.present.document import (
    Badge,
    Block,
    Box,
    BulletList,
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
from pipeline.render.pdf import svg_to_png

# Word's language tags for the report's languages.
LANGUAGES = {"da": "da-DK", "nb": "nb-NO", "en": "en-GB"}
# A section's title is the Word document's first level; headings inside it the next ones (the cover's title is Title).
HEADING_STYLES = {2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}
TEXT_WIDTH = Cm(16)  # A4 less 2.5 cm margins
PRINT_PPI = 200
# Characters XML 1.0 cannot hold: Word refuses a file with them (python-docx raises before).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What python-docx writes as elements of their own in a run, not as text.
LINE_CONTROLS = re.compile("[\t\r\n]")


def to_docx(document: Document) -> bytes:
    word = new_word_document(io.BytesIO(styled_template(document.cover.accent, document.cover.language)))
    writer = Writer(word)
    set_properties(word, document.cover)
    page_setup(writer, document.cover)
    write_cover(writer, document.cover)
    if document.cover.contents:
        write_table_of_contents(writer, document.sections, document.cover.labels["contents"])
    for part in document.sections:
        writer.section(part)
    writer.paragraph("Note", document.cover.provenance)
    return saved(word)


def saved(word: WordDocument) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


@lru_cache(maxsize=8)
def styled_template(accent: str, language: str) -> bytes:
    """python-docx's blank document with the report's styles defined: made once per accent colour and language."""
    word = new_word_document()
    define_styles(word, accent, language)
    return saved(word)


def xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


# --- Styles, properties, pages -----------------------------------------------------------------------------------


def define_styles(word: WordDocument, accent_colour: str, language_code: str) -> None:
    """The report's look as named styles: the typeface, the accent colour in the headings, and our own few."""
    styles = word.styles
    normal = styles["Normal"]
    normal.font.name = "Source Sans Pro"
    normal.font.size = Pt(10.5)
    accent = RGBColor.from_string(accent_colour.lstrip("#").upper())
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.color.rgb = accent
    language = LANGUAGES.get(language_code, language_code)
    defaults = word.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)

    def paragraph_style(
        name: str, size: float | None = None, bold: bool = False, right: bool = False, grey: bool = False
    ) -> ParagraphStyle:
        style = cast(ParagraphStyle, styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))  # python-docx: untyped
        style.base_style = normal
        style.quick_style = True
        if size:
            style.font.size = Pt(size)
        style.font.bold = bold or None
        if grey:
            style.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        style.paragraph_format.space_after = Pt(2) if size else None
        if right:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return style

    paragraph_style("Note", 9, grey=True)
    paragraph_style("Table Heading", 9.5, bold=True)
    paragraph_style("Table Heading Number", 9.5, bold=True, right=True)
    paragraph_style("Table Text", 9.5)
    paragraph_style("Table Number", 9.5, right=True)
    paragraph_style("TOC 1")
    figure = paragraph_style("Figure")
    figure.paragraph_format.keep_with_next = True  # the chart with its caption
    styles["Caption"].paragraph_format.keep_with_next = True  # a table's caption with its table
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = accent
    link.font.underline = True


def set_properties(word: WordDocument, cover: Cover) -> None:
    """Title, author, subject and language as Word's file properties show them (each at most 255 characters)."""
    properties = word.core_properties
    properties.title = property_text(f"{cover.title} – {cover.report_title}")
    properties.author = property_text(cover.owner)
    properties.subject = property_text(cover.report_title + (f" · {cover.unit_name}" if cover.unit_name else ""))
    properties.language = LANGUAGES.get(cover.language, cover.language)
    properties.created = properties.modified = cover.made.replace(tzinfo=None)
    properties.last_modified_by = property_text(cover.owner)
    properties.comments = property_text(f"evalreport {cover.version} · input {cover.inputs[:12]}")


def property_text(text: str) -> str:
    text = xml_text(text)
    return text if len(text) <= 255 else text[:254] + "…"


def page_setup(writer: Writer, cover: Cover) -> None:
    """A4, the report's title in every page's header and 'Side 3 af 12' in its footer."""
    section = writer.word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.different_first_page_header_footer = True  # the cover has neither
    header = section.header.paragraphs[0]
    header._p.style = writer.style_id("Header")
    header.add_run(xml_text(cover.title))
    footer = section.footer.paragraphs[0]
    footer._p.style = writer.style_id("Footer")
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    before, rest = cover.labels["page_of"].split("{page}", 1)
    middle, after = rest.split("{pages}", 1) if "{pages}" in rest else (rest, "")
    footer.add_run(xml_text(before))
    field(footer, "PAGE", "1")
    footer.add_run(xml_text(middle))
    if "{pages}" in rest:
        field(footer, "NUMPAGES", "1")
    footer.add_run(xml_text(after))


def field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
    """A field Word and LibreOffice compute (the page number), showing `shown` until they do."""
    parts = (("begin", None), ("instr", f" {instruction} "), ("separate", None), ("text", shown), ("end", None))
    for kind, text in parts:
        run = paragraph.add_run()
        if kind == "instr":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = text
            run._r.append(code)
        elif kind == "text":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


# --- The cover and the table of contents -------------------------------------------------------------------------


def write_cover(writer: Writer, cover: Cover) -> None:
    """Logo, the report's kind (and unit), the title, then owner, period and date; a page of its own."""
    if cover.logo:
        writer.picture(writer.paragraph("Figure"), logo_png(cover.logo), cover.owner, height=Cm(2))
    kind = cover.report_title + (f" · {cover.unit_name}" if cover.unit_name else "")
    writer.paragraph("Subtitle", kind)
    writer.paragraph("Title", cover.title)
    for key, value in (("owner", cover.owner), ("period", cover.period), ("report_date", cover.date)):
        line = writer.paragraph("Normal", default_unnamed=True)
        writer.run(line, cover.labels[key] + ": ", "Strong")
        writer.run(line, value)
    if cover.contents:  # a short document goes on below its title
        writer.paragraph(None).add_run().add_break(WD_BREAK.PAGE)


def write_table_of_contents(writer: Writer, sections: Sequence[Section], title: str) -> None:
    """A Word table of contents over the headings (Word fills in the page numbers when asked to update it), showing
    until then each section's title, linked to it; none for a report of one section, as on the page."""
    if len(sections) < 2:
        return
    writer.paragraph("TOC Heading", title)
    paragraphs = [writer.paragraph("TOC 1") for _ in sections]
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    paragraphs[0].add_run()._r.append(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = ' TOC \\o "1-1" \\h \\z \\u '
    paragraphs[0].add_run()._r.append(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    paragraphs[0].add_run()._r.append(separate)
    for paragraph, part in zip(paragraphs, sections):
        internal_link(paragraph, part.title, bookmark_name(part.anchor))
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraphs[-1].add_run()._r.append(end)
    writer.paragraph(None).add_run().add_break(WD_BREAK.PAGE)


def bookmark_name(anchor: str) -> str:
    """A Word bookmark's name: a letter first, letters, digits and underscores, at most 40 characters."""
    return ("s_" + re.sub(r"\W", "_", anchor))[:40]


def internal_link(paragraph: WordParagraph, text: str, bookmark: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.append(styled_run(text, "Hyperlink"))
    paragraph._p.append(link)


def external_link(paragraph: WordParagraph, text: str, target: str) -> None:
    relation = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    link.append(styled_run(text, "Hyperlink"))
    paragraph._p.append(link)


def styled_run(text: str, style: str) -> BaseOxmlElement:
    """A bare run element in a character style (for inside a hyperlink, which python-docx cannot add to)."""
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style_element = OxmlElement("w:rStyle")
    style_element.set(qn("w:val"), style)
    properties.append(style_element)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = xml_text(text)
    run.append(text_element)
    return run


# --- The sections ------------------------------------------------------------------------------------------------


# Style ids by name: every template `styled_template` makes has the same styles.
STYLE_IDS: dict[str, str] = {}


class Writer:
    """Draws blocks one after another into the Word document; one method per block kind."""

    def __init__(self, word: WordDocument) -> None:
        self.word = word
        self.bookmarks = 0
        self.body = word._body  # the paragraphs' container, as python-docx's own paragraphs have it
        self.end = word.element.body.get_or_add_sectPr()  # the body's last element: paragraphs and tables go before

    def style_id(self, name: str) -> str:
        """A style's id, looked up once: python-docx searches every style each time it is given a style."""
        if name not in STYLE_IDS:
            STYLE_IDS[name] = self.word.styles[name].style_id
        return STYLE_IDS[name]

    def paragraph(self, style: str | None, text: str = "", default_unnamed: bool = False) -> WordParagraph:
        """A new paragraph at the end of the body, as `Document.add_paragraph(text)` makes it, in `style` (none for
        None; none either for the default style when `default_unnamed`, as python-docx leaves it out)."""
        p = cast(CT_P, OxmlElement("w:p"))
        if style is not None:  # python-docx names no default style, but leaves the paragraph's properties (empty)
            p.append(properties("p", None if default_unnamed and style == "Normal" else self.style_id(style)))
        if text:
            p.append(new_run(xml_text(text)))
        self.end.addprevious(p)
        return WordParagraph(p, self.body)

    def run(self, paragraph: WordParagraph, text: str, style: str | None = None) -> None:
        paragraph._p.append(new_run(xml_text(text), self.style_id(style) if style else None))

    def picture(self, paragraph: WordParagraph, png: bytes, alt: str, **size: Length) -> None:
        """A picture in a run of its own, with the alternative text a screen reader reads (and Word's
        accessibility checker looks for)."""
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(png), **size)
        described = run._r.find(".//" + qn("wp:docPr"))
        described.set("descr", xml_text(alt))
        described.set("title", "")

    def section(self, part: Section) -> None:
        heading = self.paragraph(HEADING_STYLES[2], part.title)
        self.bookmark(heading, bookmark_name(part.anchor))
        self.blocks(part.blocks)

    def bookmark(self, paragraph: WordParagraph, name: str) -> None:
        self.bookmarks += 1
        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start.set(qn("w:id"), str(self.bookmarks))
        start.set(qn("w:name"), name)
        end.set(qn("w:id"), str(self.bookmarks))
        paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
        paragraph._p.append(end)

    def blocks(self, parts: Sequence[Block], style: str = "Normal") -> None:
        for part in parts:
            self.block(part, style)

    def block(self, part: Block, style: str = "Normal") -> None:
        match part:
            case Paragraph():
                self.runs(self.paragraph(style), part.runs)
            case Note():
                self.runs(self.paragraph("Note"), part.runs)
            case Heading():
                self.paragraph(HEADING_STYLES[part.level], part.text)
            case BulletList():
                self.bullet_list(part)
            case Table():
                self.table(part)
            case Figure():
                self.figure(part)
            case Box() if part.role == "quote":
                self.blocks(part.blocks, "Quote")
            case Box():
                self.blocks(part.blocks, style)
            case _:
                raise TypeError(f"no Word for {type(part).__name__}")

    def runs(self, paragraph: WordParagraph, runs: Sequence[Inline]) -> None:
        for part in runs:
            match part:
                case str():
                    self.run(paragraph, part)
                case Strong():
                    self.run(paragraph, part.text, "Strong")
                case Emphasis():
                    self.run(paragraph, part.text, "Emphasis")
                case Link() if part.target.startswith("#"):
                    internal_link(paragraph, part.text, bookmark_name(part.target[1:]))
                case Link():
                    external_link(paragraph, part.text, part.target)
                case Badge():
                    self.run(paragraph, f"{part.symbol} {part.label}".strip(), "Strong")
                case _:
                    raise TypeError(f"no Word for {type(part).__name__}")

    def bullet_list(self, part: BulletList) -> None:
        """A numbered list numbers from 1, whatever came before it; a list of statuses puts its badge first."""
        style = "List Number" if part.ordered else "List Bullet"
        number = restarted_numbering(self.word, style) if part.ordered else None
        for item in part.items:
            paragraph = self.paragraph(style)
            if number is not None:
                numbered(paragraph, number)
            if part.role == "statuses" and item:
                self.runs(paragraph, [item[0], " ", *item[1:]])
            else:
                self.runs(paragraph, item)

    def table(self, part: Table) -> None:
        """The caption above, the header row repeated on every page, numbers to the right."""
        self.paragraph("Caption", str(part.caption))
        numeric = set(part.numeric)
        table = self.word.add_table(rows=1 + len(part.rows), cols=max(1, len(part.header)))
        table._tbl.tblStyle_val = self.style_id("Table Grid")
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        header, *rows = table._tbl.tr_lst
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header.get_or_add_trPr().append(repeat)
        for index, (cell, text) in enumerate(zip(header.tc_lst, part.header)):
            self.fill(cell, text, "Table Heading Number" if index in numeric else "Table Heading")
        for row, values in zip(rows, part.rows):
            keep_together = OxmlElement("w:cantSplit")
            row.get_or_add_trPr().append(keep_together)
            for index, (cell, value) in enumerate(zip(row.tc_lst, values)):
                text = value.text if isinstance(value, (Marked, Datum)) else value
                self.fill(cell, text, "Table Number" if index in numeric else "Table Text")
        self.paragraph("Note")  # a little room after the table, and never two tables joined

    def figure(self, part: Figure) -> None:
        """The chart as a PNG at print resolution, its alternative text on the picture, the caption below."""
        paragraph = self.paragraph("Figure")
        natural = svg_width_cm(part.svg)
        width = min(TEXT_WIDTH, Cm(natural)) if natural else TEXT_WIDTH
        self.picture(paragraph, chart_png(part.svg), part.alt, width=width)
        self.paragraph("Caption", str(part.caption))

    def fill(self, cell: CT_Tc, text: str, style: str) -> None:
        """A table cell's paragraph (the one a new table's cell holds) in `style`, with `text` as its run."""
        paragraph = cell.p_lst[0]
        paragraph.append(properties("p", self.style_id(style)))
        paragraph.append(new_run(xml_text(text)))


def new_run(text: str, style_id: str | None = None) -> CT_R:
    """A run as `Paragraph.add_run(text, style)` makes it: tabs and line breaks as Word's own elements."""
    run = cast(CT_R, OxmlElement("w:r"))
    if style_id:
        run.append(properties("r", style_id))
    if not LINE_CONTROLS.search(text):
        if text:
            run.add_t(text)  # what python-docx makes of text without tabs or line breaks, made at once
    else:
        run.text = text
    return run


def properties(kind: str, style_id: str | None) -> BaseOxmlElement:
    """A new paragraph's ("p") or run's ("r") properties naming its style, or empty for None."""
    return copy.deepcopy(_properties(kind, style_id))


@lru_cache(maxsize=64)
def _properties(kind: str, style_id: str | None) -> BaseOxmlElement:
    made = OxmlElement(f"w:{kind}Pr")
    if style_id is not None:
        made.append(OxmlElement(f"w:{kind}Style", {qn("w:val"): style_id}))
    return made


def restarted_numbering(word: WordDocument, style: str) -> int:
    """A new numbering for one list, on the list style's own numbering but starting again at 1."""
    numbering = word.part.numbering_part.numbering_definitions._numbering
    style_numbering = word.styles[style].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_numbering).abstractNumId.val
    number = numbering.add_num(abstract)
    override = number.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    return cast(int, number.numId)  # python-docx reads the attribute as a decimal number


def numbered(paragraph: WordParagraph, number: int) -> None:
    properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    properties.get_or_add_ilvl().val = 0
    properties.get_or_add_numId().val = number


def svg_width_cm(svg: str) -> float | None:
    """The chart's width as matplotlib set it ('460.8pt'), in centimetres."""
    found = re.search(r'<svg[^>]*\bwidth="([\d.]+)pt"', svg)
    return float(found.group(1)) * 2.54 / 72 if found else None


def chart_png(svg: str) -> bytes:
    """A chart (SVG, its text as text) as a PNG at print resolution, set in the report's fonts."""
    return svg_to_png(svg, PRINT_PPI)


@lru_cache(maxsize=4)  # one logo for every report of a project
def logo_png(data_uri: str) -> bytes:
    """The cover's logo as Word can show it: PNG and JPEG as they are, SVG drawn as a PNG."""
    header, data = data_uri.split(",", 1)
    image = base64.b64decode(data)
    return chart_png(image.decode("utf-8")) if header.startswith("data:image/svg+xml") else image
