"""The house style a Danish or Norwegian reader expects, applied to every sentence a report shows, whoever wrote it
(a message of ours with its figures, or the evaluator's text with its placeholders filled in): a sentence never opens
with a numeral, quotes are the language's own (»…« in Danish, «…» in Norwegian, “…” in English), and a range of
years takes an en dash (2024–2026).

A filter over the document model, as Quarto's filters are: it changes the tree's text, never a format, so every
renderer draws the same words. Table cells are figures and are left as they are, but for the no-break spaces that keep
a figure with its unit on one line ("95 %", "n = 24", "kr. 1.000").
"""

from __future__ import annotations

import re

from pipeline.present import document as doc

# Two to twelve in words; a sentence opening with one of these is written with the word.
WORDS = {
    "da": ["nul", "én", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv"],
    "nb": ["null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"],
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
}
# "One" before a neuter noun: Danish ét, Norwegian ett (ét succeskriterium, ett spørsmål).
NEUTER_ONE = {"da": "ét", "nb": "ett"}
NEUTER_STEMS = (
    "succeskriteri",
    "suksesskriteri",
    "spørgsmål",
    "spørsmål",
    "år ",
    "møde",
    "møte",
    "svar",
    "forløp",
    "forløb",
    "mål ",
)
# What opens a sentence whose count is too large to write in words.
IN_ALL = {"da": "I alt", "nb": "I alt", "en": "In all,"}
QUOTES = {"da": ("»", "«"), "nb": ("«", "»"), "en": ("“", "”")}

# A sentence's start: the text's start, or after . ! ? and spaces. A count: one to three digits that are not a date
# ("4. november"), a decimal ("2,5"), a thousand ("1.234"), a share ("45 %") or part of a longer number.
OPENING_COUNT = re.compile(
    r"(^|[.!?]\s+)(\d{1,3})(?![\d.,:/\u00a0%]|\s*%)(\s+)((?:af|av|of)\s+(\d{1,3})(?![\d.,%])\s+)?"
)
# Words written with a full stop that does not end a sentence: "ca. 70 deltagere", "pr. 31. oktober", "kr. 1.000".
ABBREVIATIONS = frozenset(
    [
        "ca",
        "cirka",
        "pr",
        "kr",
        "nr",
        "jf",
        "fx",
        "f.eks",
        "evt",
        "inkl",
        "ekskl",
        "kl",
        "tlf",
        "mio",
        "mia",
        "mill",
        "bl.a",
        "dvs",
        "osv",
        "mv",
        "m.v",
        "ift",
        "vedr",
        "iht",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dec",
        "st",
        "sagsnr",
        "saksnr",
        "no",
        "vs",
        "etc",
        "approx",
        "e.g",
        "i.e",
        "ang.",
        "gl",
        "ca",
        "ekskl",
        "obs",
        "p.t",
    ]
)
# Where a line must never break: between a figure and its sign or unit ("95 %", "n = 24", "kr. 1.000", "1.000 kr.") and
# between the groups of a number written with spaces ("1 000 000", Norwegian thousands), so that "95 / %" or "n / = 24"
# never stands at a line's end. No-break spaces (U+00A0), which every format keeps.
NBSP = "\u00a0"
NO_BREAK = (
    (re.compile(r"(?<=\d) (?=[%‰])"), NBSP),
    (re.compile(r"\b(?<![\w.])([nN]) ?= ?(?=\d)"), f"\\1{NBSP}={NBSP}"),
    (re.compile(r"(\bkr\.?|\bNOK|\bDKK|\bEUR|\bmio\.|\bmill\.|\bmia\.|\bnr\.|\bpr\.|\bca\.|§) (?=\d)"), f"\\1{NBSP}"),
    (re.compile(r"(?<=\d) (?=(?:kr|mio|mill|mia|NOK|DKK|EUR)\b)"), NBSP),
)
THOUSANDS = re.compile(r"\b\d{1,3}(?: \d{3})+\b")
# A fiscal or school year keeps its slash: 2018/19-2020/21 is 2018/19–2020/21.
YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d(?:/\d\d)?)\s?-\s?((?:19|20)\d\d(?:/\d\d)?)\b")
STRAIGHT_QUOTED = re.compile(r"[\"“„]([^\"“”„\n]{1,400})[\"”“]")


def styled_text(text: str, language: str) -> str:
    """One run of text in the house style of `language`."""
    text = YEAR_RANGE.sub("\\1–\\2", text)
    opening, closing = QUOTES[language]
    text = STRAIGHT_QUOTED.sub(lambda found: f"{opening}{found.group(1)}{closing}", text)
    # No-break spaces first: "12 000 deltagere" is one number, not a count of twelve to write in words.
    return OPENING_COUNT.sub(lambda found: _opening_in_words(found, language), unbroken(text))


def unbroken(text: str) -> str:
    """The text with no-break spaces where a line must not break: in "95 %", "n = 24", "kr. 1.000", "1 000"."""
    for pattern, replacement in NO_BREAK:
        text = pattern.sub(replacement, text)
    return THOUSANDS.sub(lambda found: found.group().replace(" ", NBSP), text)


def _opening_in_words(found: re.Match, language: str) -> str:
    start, count, space, of_part, of_count = found.groups()
    if start and _after_abbreviation(found.string[: found.start() + 1]):
        return found.group(0)
    rest = found.string[found.end() :]
    n = int(count)
    if n <= 12:
        word = WORDS[language][n]
        if n == 1 and language in NEUTER_ONE and rest.lower().startswith(NEUTER_STEMS):
            word = NEUTER_ONE[language]
        if of_part:
            total = int(of_count)
            of_word = of_part.split()[0]
            total_text = WORDS[language][total] if total <= 12 else of_count
            if n == 1 and language in NEUTER_ONE and rest.lower().startswith(NEUTER_STEMS):
                word = NEUTER_ONE[language]
            return f"{start}{word[0].upper()}{word[1:]}{space}{of_word} {total_text} "
        return f"{start}{word[0].upper()}{word[1:]}{space}"
    return f"{start}{IN_ALL[language]} {count}{space}{of_part or ''}"


def _after_abbreviation(before: str) -> bool:
    """Whether the full stop that ends `before` closes an abbreviation rather than a sentence."""
    word = re.search(r"(\S+)\.$", before)
    return word is not None and word.group(1).lower().lstrip('(«»"') in ABBREVIATIONS


def styled_section(section: doc.Section, language: str) -> doc.Section:
    """The section with every sentence of its paragraphs, notes, lists and headings in the house style."""
    return section.model_copy(
        update={
            "title": styled_text(section.title, language),
            "blocks": [_block(block, language) for block in section.blocks],
        }
    )


def _block(block: doc.Block, language: str) -> doc.Block:
    if isinstance(block, (doc.Paragraph, doc.Note)):
        return block.model_copy(update={"runs": _runs(block.runs, language)})
    if isinstance(block, doc.BulletList):
        return block.model_copy(update={"items": [_runs(item, language) for item in block.items]})
    if isinstance(block, doc.Heading):
        return block.model_copy(update={"text": styled_text(block.text, language)})
    if isinstance(block, doc.Box):
        return block.model_copy(update={"blocks": [_block(inner, language) for inner in block.blocks]})
    if isinstance(block, doc.Table):
        caption = block.caption.model_copy(update={"text": styled_text(block.caption.text, language)})
        header = [unbroken(text) for text in block.header]
        rows = [[_cell(cell) for cell in row] for row in block.rows]
        return block.model_copy(update={"caption": caption, "header": header, "rows": rows})
    if isinstance(block, doc.Figure):
        caption = block.caption.model_copy(update={"text": styled_text(block.caption.text, language)})
        return block.model_copy(update={"caption": caption})
    return block


def _cell(cell: doc.Cell) -> doc.Cell:
    """A table cell with its figure and its unit kept on one line; its words are left as they are."""
    if isinstance(cell, str):
        return unbroken(cell)
    return cell.model_copy(update={"text": unbroken(cell.text)})


def _runs(runs: list[doc.Inline], language: str) -> list[doc.Inline]:
    """A paragraph's runs: the plain text ones styled as one text, so that a sentence that opens in one run and goes
    on in the next (a badge, emphasis) is seen whole; a run's own text is styled where it opens a sentence."""
    styled: list[doc.Inline] = []
    at_sentence_start = True
    for run in runs:
        if isinstance(run, str):
            text = (
                styled_text(run, language)
                if at_sentence_start or not run[:1].isdigit()
                else _styled_inside(run, language)
            )
            styled.append(text)
            at_sentence_start = bool(re.search(r"[.!?:]\s*$", run)) or (not run.strip() and at_sentence_start)
        elif isinstance(run, (doc.Strong, doc.Emphasis)):
            styled.append(
                run.model_copy(
                    update={
                        "text": styled_text(run.text, language)
                        if at_sentence_start
                        else _styled_inside(run.text, language)
                    }
                )
            )
            at_sentence_start = bool(re.search(r"[.!?]\s*$", run.text))
        else:
            styled.append(run)
            at_sentence_start = False
    return styled


def _styled_inside(text: str, language: str) -> str:
    """Text that goes on a sentence begun before it: quotes and ranges only, until its own next sentence."""
    head, separator, tail = (
        re.split(r"([.!?]\s+)", text, maxsplit=1) + ["", ""] if re.search(r"[.!?]\s+", text) else [text, "", ""]
    )
    opening, closing = QUOTES[language]
    head = STRAIGHT_QUOTED.sub(lambda found: f"{opening}{found.group(1)}{closing}", YEAR_RANGE.sub("\\1–\\2", head))
    return unbroken(head) + separator + (styled_text(tail, language) if tail else "")


def styled_document(document: doc.Document) -> doc.Document:
    """Every section of the document in the house style of its language."""
    language = document.cover.language
    return document.model_copy(
        update={"sections": [styled_section(section, language) for section in document.sections]}
    )
