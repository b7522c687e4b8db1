r"""Every text of a section from outside (the evaluator's Markdown, their own notebook) redacted as the reader will see
it: after the Markdown is read, so that `ole&#64;kommune.dk` or `kari\@kommune.no` is matched as the address it
shows, and whatever made the text (a paragraph, a heading, a table's cells and caption, a chart's description).

A paragraph's runs are redacted together, so that `86 12 **34 56**` is one phone number; a link whose address holds
an identifier (`mailto:per%40kommune.dk`) loses the address and is shown as its redacted words.
"""

from __future__ import annotations

from urllib.parse import unquote

from pipeline.analysis.privacy import REDACTED, redact, redact_runs
from pipeline.present import document as doc


def section(part: doc.Section) -> doc.Section:
    return part.model_copy(update={"title": redact(part.title), "blocks": blocks(part.blocks)})


def blocks(parts: list[doc.Block]) -> list[doc.Block]:
    return [block(part) for part in parts]


def block(part: doc.Block) -> doc.Block:
    if isinstance(part, (doc.Paragraph, doc.Note)):
        return part.model_copy(update={"runs": runs(part.runs)})
    if isinstance(part, doc.Heading):
        return part.model_copy(update={"text": redact(part.text)})
    if isinstance(part, doc.BulletList):
        return part.model_copy(update={"items": [runs(item) for item in part.items]})
    if isinstance(part, doc.Table):
        rows = [[cell(value) for value in row] for row in part.rows]
        header = [redact(name) for name in part.header]
        return part.model_copy(update={"caption": caption(part.caption), "header": header, "rows": rows})
    if isinstance(part, doc.Figure):  # the chart's own words are redacted as it is drawn (pipeline.present.notebook)
        return part.model_copy(update={"alt": redact(part.alt), "caption": caption(part.caption)})
    if isinstance(part, doc.Box):
        return part.model_copy(update={"blocks": blocks(part.blocks)})
    raise TypeError(f"a block of kind {part.kind!r} that redaction does not know")  # a new kind must be added here


def caption(part: doc.Caption) -> doc.Caption:
    return part.model_copy(update={"text": redact(part.text)})


def cell(value: doc.Cell) -> doc.Cell:
    return redact(value) if isinstance(value, str) else value.model_copy(update={"text": redact(value.text)})


def runs(parts: list[doc.Inline]) -> list[doc.Inline]:
    """A paragraph's or list item's runs, read together as the reader reads them."""
    texts = redact_runs([_text(part) for part in parts])
    redacted: list[doc.Inline] = []
    for part, text in zip(parts, texts):
        if isinstance(part, doc.Link) and identifies(part.target):
            part = text  # its words, without the address
        elif isinstance(part, doc.Badge):
            part = part.model_copy(update={"label": text})
        elif not isinstance(part, str):
            part = part.model_copy(update={"text": text})
        else:
            part = text
        if _text(part) == "":
            continue  # a run wholly inside an identifier that starts in the run before it
        if isinstance(part, str) and redacted and isinstance(redacted[-1], str):
            redacted[-1] += part
        else:
            redacted.append(part)
    return redacted


def identifies(target: str) -> bool:
    """Whether a link's address, as the browser would read it (%40 as @), holds an identifier."""
    address = unquote(target)
    return REDACTED in address or redact(address) != address


def _text(part: doc.Inline) -> str:
    if isinstance(part, str):
        return part
    return part.label if isinstance(part, doc.Badge) else part.text
