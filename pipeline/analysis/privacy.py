"""Keep people unidentifiable in free text: redact personal identifiers (suppression of small groups is in `suppression`)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from stdnum.dk import cpr
from stdnum.exceptions import ValidationError

REDACTED = "[…]"

# Everything below runs in time linear in the text: a comment may be 131,072 characters long, and a pattern that
# can try a long stretch again from each of its characters would take minutes on one. E-mail addresses are found by
# patterns whose repeated parts cannot overlap and which start only where a word starts; numbers by one simple
# pattern for runs of digit groups, each run then judged in Python.


class _ForMatching(dict):
    """A `str.translate` table, filled in as characters are met: spaces as ' ', dashes as '-', digits as 0-9.

    Word, Outlook and web pages group numbers with no-break or thin spaces and join them with en dashes, non-breaking
    hyphens or minus signs. Each character becomes exactly one, so a span found in the translated copy is the same
    span in the original, which is shown with its own characters.
    """

    def __missing__(self, code: int) -> int | str:
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Zs" or char in "\u200b\u2060\ufeff":  # and the invisible spaces a web page puts between groups
            found: int | str = " "
        elif category == "Pd" or char in "\u2212\u00ad":  # dashes, the minus sign, the soft hyphen
            found = "-"
        elif category == "Nd":
            found = str(unicodedata.decimal(char))
        else:
            found = code
        self[code] = found
        return found


_FOR_MATCHING = _ForMatching()

# --- E-mail addresses, also written out as people do to fool spam robots ------------------------------------------

_LOCAL_PART = r"(?<![\w.+-])[\w.+-]+"  # starts where a word starts, so a long word is read once, not from each letter
_LABEL = r"[\w-]+"


def _bracketed(words: str) -> str:
    return rf" ?[(\[{{<] ?(?:{words}) ?[)\]}}>] ?"  # (at), [at], {dot}, < punktum >


_AT_WORDS = r"snabel-?a|krøllalfa|alfakrøll"  # Danish and Norwegian names of @
_DOT_WORDS = r"dot|punktum|prik"
_AT = rf"(?: ?@ ?|{_bracketed('at|' + _AT_WORDS)}| (?:{_AT_WORDS}) )"
_WRITTEN_DOT = rf"(?:{_bracketed(_DOT_WORDS)}| (?:{_DOT_WORDS}) )"
_DOT = rf"(?:\.|{_WRITTEN_DOT})"
# A plain 'at' is English for many things ("meet at noon", "look at the dot plot"): it makes an address only before
# a domain whose last dot is written 'dot' and which ends in a top-level domain seen in these reports.
_TOP_LEVEL = r"(?:dk|no|se|fi|is|de|eu|nu|uk|com|org|net|info|io|gov|edu)"

_EMAILS = [
    re.compile(rf"{_LOCAL_PART}{_AT}{_LABEL}(?:{_DOT}{_LABEL})+", re.IGNORECASE),
    re.compile(rf"{_LOCAL_PART} at {_LABEL}(?:{_DOT}{_LABEL})*(?: dot |{_bracketed('dot')}){_TOP_LEVEL}\b", re.IGNORECASE),
]

# --- CPR numbers, national identity numbers and phone numbers -----------------------------------------------------

# Digit groups separated by one space, dash or dot, with a country code's + or (+45) in front: each run is judged
# whole, and redacted whole when any stretch of it is an identifier, so that no part of a number sticks out.
_NUMBER_RUN = re.compile(r"(?:\(\+?[0-9]{2,4}\) ?|\+)?[0-9]+(?:[ .-][0-9]+)*")
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
    matchable = text.translate(_FOR_MATCHING)
    spans = [match.span() for pattern in _EMAILS for match in pattern.finditer(matchable)]
    spans += [run.span() for run in _NUMBER_RUN.finditer(matchable) if _holds_identifier(run.group())]
    return _replaced(text, spans)


def _replaced(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span, overlapping spans merged, replaced by one marker."""
    parts, shown_from = [], 0
    for start, end in sorted(spans):
        if end <= shown_from:
            continue
        if start >= shown_from:
            parts += [text[shown_from:start], REDACTED]
        shown_from = end
    return "".join(parts) + text[shown_from:]


def _holds_identifier(run: str) -> bool:
    """Whether some consecutive digit groups of a run are an identifier as people write one."""
    groups = _DIGITS.findall(run)
    between = _DIGITS.split(run)  # between[0]: what leads the run ('+', '(+'); between[i]: what comes before groups[i]
    for first in range(len(groups)):
        digits = 0
        for last in range(first, len(groups)):
            digits += len(groups[last])
            if digits > max(_IDENTIFIER_LENGTHS) or len(groups[last]) < 2:  # nobody groups an identifier's digits one by one
                break
            if digits in _IDENTIFIER_LENGTHS and _is_identifier(groups[first : last + 1], between[first + 1 : last + 1], between[first]):
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
    412 34 567, 12.34.56.78. Without a country code, groups of 2-4 digits with one kind of separator, and not an
    amount (12 500 000), a span of years (2016-2017) or a date (12.06.2024, 2024-06-12)."""
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
    if shape == (4, 4):
        return all(1900 <= year <= 2099 for year in numbers)
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
