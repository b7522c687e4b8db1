"""Text meant as one line (a title, a name, a label), made the same for every output whatever was typed or pasted."""

from __future__ import annotations

import re

# Line breaks and tabs fold into one space; a no-break space is kept, since it was written on purpose.
BREAKS = re.compile(r"[ \t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]+")
# Characters nobody sees but that change what the text does: control characters (NUL, escape, ...), which
# some outputs cannot hold at all, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
# U+2066–U+2069), which can make a title read backwards or run on into the text after it.
INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """`text` without invisible control characters, its line breaks and runs of spaces folded into single spaces."""
    return BREAKS.sub(" ", INVISIBLE.sub("", text)).strip(" ")


def mid_sentence(label: str, names: frozenset[str] = frozenset()) -> str:
    """A label as it reads inside a sentence. A first word that has its capital only because it opens the label
    ("Efteråret 2025", "Borgermødet i Nakskov") loses it: "siden efteråret 2025", "borgermødet i Nakskov". Every other
    capital stays, and so does the first word when it is a name (one of `names`, casefolded: places, units), an
    acronym or a word with capitals inside, or the label's only word."""
    first, space, rest = label.partition(" ")
    if not space or not first[:1].isupper() or not first[1:].islower():
        return label
    if re.split(r"[-–]", first)[0].casefold() in names:
        return label
    return first[0].lower() + first[1:] + space + rest
