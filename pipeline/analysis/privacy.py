"""Keep people unidentifiable in free text: redact personal identifiers (suppression of small groups is in
`suppression`)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from stdnum.dk import cpr
from stdnum.exceptions import ValidationError

REDACTED = "[…]"

# Everything below runs in time linear in the text: a comment may be 131,072 characters long, and a pattern that
# can try a long stretch again from each of its characters would take minutes on one. E-mail addresses are found by
# patterns whose repeated parts cannot overlap and which start only where a word starts; numbers by one simple
# pattern for runs of digit groups, each run then judged in Python.


class _ForMatching(dict[int, str]):
    """A `str.translate` table, filled in as characters are met: each character as a reader takes it.

    Word, Outlook and web pages group numbers with no-break or thin spaces and join them with en dashes, non-breaking
    hyphens or minus signs; people write a full-width ＠ or digits, and hide zero-width joiners inside an address. So
    every space counts as ' ', every dash as '-', digits of any script as 0-9, invisible characters (zero-width
    spaces and joiners, the soft hyphen, direction marks) as nothing, and the rest as Unicode's compatibility form
    (NFKC: ＠ as @, ［ as [). `reshaping` holds the characters that do not become exactly one character.
    """

    def __init__(self) -> None:
        super().__init__()
        self.reshaping: set[str] = set()

    def __missing__(self, code: int) -> str:
        char = chr(code)
        found = unicodedata.normalize("NFKC", char) if _plain(char) == char else char
        found = "".join(_plain(part) for part in found)
        if len(found) != 1:
            self.reshaping.add(char)
        self[code] = found
        return found


def _plain(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Zs":
        return " "
    if category == "Cf":  # zero-width space and joiners, the soft hyphen, the byte-order and direction marks
        return ""
    if category == "Pd" or char == "\u2212":  # dashes and the minus sign
        return "-"
    if category == "Nd":
        return str(unicodedata.decimal(char))
    return char


_FOR_MATCHING = _ForMatching()
# A character reference a reader sees as the character: `&#64;` as @, `&nbsp;` as a space.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _has_reference(text: str) -> bool:
    return "&" in text and _CHARACTER_REFERENCE.search(text) is not None


def _for_matching(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """The text as matched, and where each of its characters starts and ends in `text` (None: the same place)."""
    matchable = text.translate(_FOR_MATCHING)
    if len(matchable) == len(text) and _FOR_MATCHING.reshaping.isdisjoint(text) and not _has_reference(text):
        return matchable, None, None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def add(start: int, end: int, written: str) -> None:
        shown = written.translate(_FOR_MATCHING)
        pieces.append(shown)
        starts.extend([start] * len(shown))
        ends.extend([end] * len(shown))

    position = 0
    for reference in _CHARACTER_REFERENCE.finditer(text):
        for index in range(position, reference.start()):
            add(index, index + 1, text[index])
        add(reference.start(), reference.end(), html.unescape(reference.group()))
        position = reference.end()
    for index in range(position, len(text)):
        add(index, index + 1, text[index])
    return "".join(pieces), starts, ends


# --- E-mail addresses, also written out as people do to fool spam robots ------------------------------------------

# The name before the @ starts where a word starts, so a long word is read once, not from each letter; a backslash
# may stand in it as Markdown escapes (ole\_hansen).
_LOCAL_PART = r"(?<![\w.+\\-])[\w.+\\-]+"
_LABEL = r"[\w-]+"


def _bracketed(words: str) -> str:
    return rf" ?[(\[{{<] ?(?:{words}) ?[)\]}}>] ?"  # (at), [@], {dot}, [.], < punktum >


_AT_WORDS = r"snabel-?a|krøllalfa|alfakrøll"  # Danish and Norwegian names of @
_DOT_WORDS = r"dot|punktum|prik"
_BRACKETED_AT = _bracketed("@|at|" + _AT_WORDS)  # (@), [at], {snabel-a}
_BRACKETED_DOT = _bracketed(r"\.|" + _DOT_WORDS)  # [.], (dot), <punktum>
_AT = rf"(?: ?\\?@ ?|{_BRACKETED_AT}| (?:{_AT_WORDS}) )"  # kari\@ as Markdown escapes it
_WRITTEN_DOT = rf"(?:{_BRACKETED_DOT}| (?:{_DOT_WORDS}) )"  # kommune[.]dk, kommune punktum dk
_DOT = rf"(?:\\?\.|{_WRITTEN_DOT})"
_LAST_DOT = rf"(?: dot |{_bracketed(r'dot|[.]')})"  # the dot before the top-level domain, written out or bracketed
# A plain 'at' is English for many things ("meet at noon", "look at the dot plot"): it makes an address only before
# a domain whose last dot is written 'dot' and which ends in a top-level domain seen in these reports.
_TOP_LEVEL = r"(?:dk|no|se|fi|is|de|eu|nu|uk|com|org|net|info|io|gov|edu)"

# Each pattern after a quick look for what it cannot match without: most comments hold no @, bracket or ' at '.
_EMAILS = [
    (
        re.compile(rf"[@(\[{{<]|{_AT_WORDS}", re.IGNORECASE),
        re.compile(rf"{_LOCAL_PART}{_AT}{_LABEL}(?:{_DOT}{_LABEL})+", re.IGNORECASE),
    ),
    (
        re.compile(" at ", re.IGNORECASE),
        re.compile(rf"{_LOCAL_PART} at {_LABEL}(?:{_DOT}{_LABEL})*{_LAST_DOT}{_TOP_LEVEL}\b", re.IGNORECASE),
    ),
]

# --- CPR numbers, national identity numbers and phone numbers -----------------------------------------------------

# Digit groups separated by a space (or two or three, or a tab), a dash, a dot or a slash, with a country code's +
# or (+45) in front: each run is judged whole, and redacted whole when any stretch of it is an identifier, so that
# no part of a number sticks out. Markdown's emphasis may stand beside a separator (86 12 **34 56**), as a text
# quoted in a plain-text e-mail shows it.
_NUMBER_RUN = re.compile(r"(?:\(\+?[0-9]{2,4}\) ?|\+)?[0-9]+(?:[*_]{0,3}(?:[ \t]{1,3}| ?[./-] ?)[*_]{0,3}[0-9]+)*")
_DIGITS = re.compile(r"[0-9]+")
_IDENTIFIER_LENGTHS = {8, 10, 11, 12}  # digits: a phone number, a CPR number, a fødselsnummer, 0045 and a phone number

# Norwegian fødselsnummer (D- and H-numbers too): 11 digits, whole, 6+5, 6+3+2, or after a date written 03.10.78.
# Every such number is redacted, valid or not: a mistyped number still points at a person.
_NATIONAL_ID_SHAPES = {(11,), (6, 5), (6, 3, 2), (2, 2, 2, 5), (2, 2, 2, 3, 2)}
# Danish CPR number: a date of birth and four digits, DDMMYY-SSSS or DD.MM.YY-SSSS. No modulus-11 check: numbers
# issued since 2007 need not pass it. The date must exist, which keeps most other ten-digit numbers.
_CPR_SHAPES = {(10,), (6, 4), (2, 2, 2, 4)}
_DIALLING_CODES = {"45", "47", "0045", "0047"}  # Denmark and Norway, whose phone numbers have eight digits


def redact(text: str) -> str:
    """Replace e-mail addresses, CPR and national identity numbers and phone numbers with a marker."""
    return _replaced(text, [(start, end, True) for start, end in _spans(text)])


def redact_runs(texts: Sequence[str]) -> list[str]:
    """Texts read one after another (a paragraph's plain, bold and linked runs), redacted as the reader reads them:
    an identifier split across runs (`86 12 **34 56**`) is found whole, and each run keeps what is not part of one.
    The marker stands in the run where the identifier starts."""
    spans = _spans("".join(texts))
    redacted, offset = [], 0
    for text in texts:
        end = offset + len(text)
        inside = [
            (max(a, offset) - offset, min(b, end) - offset, a >= offset) for a, b in spans if a < end and b > offset
        ]
        redacted.append(_replaced(text, inside))
        offset = end
    return redacted


def _spans(text: str) -> list[tuple[int, int]]:
    """Where the identifiers in `text` are, as (start, end) in `text`."""
    matchable, starts, ends = _for_matching(text)
    spans = [
        match.span() for needed, pattern in _EMAILS if needed.search(matchable) for match in pattern.finditer(matchable)
    ]
    if sum(map(matchable.count, "0123456789")) >= min(_IDENTIFIER_LENGTHS):  # else no run holds enough digits
        runs = _NUMBER_RUN.finditer(matchable)
        spans += [_with_emphasis(matchable, run) for run in runs if _holds_identifier(run.group())]
    if starts is None or ends is None:
        return spans
    return [(starts[start], ends[end - 1]) for start, end in spans if end > start]


def _with_emphasis(text: str, run: re.Match[str]) -> tuple[int, int]:
    """A run's span, with the emphasis marks just before and after it when some stand inside it: `86 12 **34 56**`
    goes whole, leaving no stray `**`."""
    start, end = run.span()
    if "*" in run.group() or "_" in run.group():
        while start > run.start() - 3 and start > 0 and text[start - 1] in "*_":
            start -= 1
        while end < run.end() + 3 and end < len(text) and text[end] in "*_":
            end += 1
    return start, end


def _replaced(text: str, spans: list[tuple[int, int, bool]]) -> str:
    """The text with each span, overlapping spans merged, left out: replaced by one marker where `marked`."""
    parts, shown_from = [], 0
    for start, end, marked in sorted(spans):
        if end <= shown_from:
            continue
        if start >= shown_from:
            parts += [text[shown_from:start], REDACTED if marked else ""]
        shown_from = end
    return "".join(parts) + text[shown_from:]


def _holds_identifier(run: str) -> bool:
    """Whether some consecutive digit groups of a run are an identifier as people write one."""
    groups = _DIGITS.findall(run)
    between = _DIGITS.split(run)  # between[0]: what leads the run ('+', '(+'); between[i]: what comes before groups[i]
    # 2016 - 2017 as 2016-2017; a tab or two spaces as one, since people type 86 12  34 56 as well as 86 12 34 56.
    between[1:] = [part.strip(" \t*_") or " " for part in between[1:]]
    for first in range(len(groups)):
        digits = 0
        for last in range(first, len(groups)):
            digits += len(groups[last])
            if (
                digits > max(_IDENTIFIER_LENGTHS) or len(groups[last]) < 2
            ):  # nobody groups an identifier's digits one by one
                break
            if digits in _IDENTIFIER_LENGTHS and _is_identifier(
                groups[first : last + 1], between[first + 1 : last + 1], between[first]
            ):
                return True
    return False


def _is_identifier(groups: list[str], separators: list[str], lead: str) -> bool:
    shape = tuple(len(group) for group in groups)
    date_first = shape[:3] == (2, 2, 2) and separators[0] == separators[1]  # 03.10.78 12345, not 03.10-78 12345
    if shape in _NATIONAL_ID_SHAPES and (shape[0] != 2 or date_first):
        return True
    if shape in _CPR_SHAPES and (shape[0] != 2 or date_first):
        try:
            cpr.get_birth_date("".join(groups))
            return True
        except ValidationError:
            pass
    return _is_phone_number(groups, separators, lead)


def _is_phone_number(groups: list[str], separators: list[str], lead: str) -> bool:
    """Eight digits after an optional +45/+47/0045/0047, grouped as people write them: 86 12 34 56, 8612 3456,
    412 34 567, 12.34.56.78, 86/12/34/56. Without a country code, groups of 2-4 digits with one kind of separator,
    and not an amount (12 500 000), a span of years (2016-2017), a date (12.06.2024, 2024-06-12) or a case number
    after its year (2024/1234)."""
    number = "".join(groups)
    if len(groups) == 1:
        return len(number) >= 8 and number[:-8] in _DIALLING_CODES | {""}  # 86123456, 4586123456, 004586123456
    code = groups[0]
    written_as_code = code in _DIALLING_CODES and (code.startswith("00") or lead.endswith(("+", "(")))
    if written_as_code and _grouped_as_phone(groups[1:]):
        return True
    return _grouped_as_phone(groups) and len(set(separators)) == 1 and not _amount_years_or_date(groups, separators[0])


def _grouped_as_phone(groups: list[str]) -> bool:
    sizes = [len(group) for group in groups]
    return sum(sizes) == 8 and (len(sizes) == 1 or all(2 <= size <= 4 for size in sizes))


def _amount_years_or_date(groups: list[str], separator: str) -> bool:
    shape = tuple(len(group) for group in groups)
    numbers = [int(group) for group in groups]
    if shape == (2, 3, 3):
        return separator in " ."  # thousands separators
    if shape == (4, 4):  # two years (2016-2017), or a year and a case's number (2024/1234)
        return all(1900 <= year <= 2099 for year in numbers) or (separator == "/" and 1900 <= numbers[0] <= 2099)
    if shape in {(2, 2, 4), (4, 2, 2)}:
        day, month, year = numbers if shape == (2, 2, 4) else reversed(numbers)
        return _is_date(year, month, day)
    return False


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
        return True
    except ValueError:
        return False
