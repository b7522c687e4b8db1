"""Keep people unidentifiable: suppress small groups and redact personal identifiers from free text."""

from __future__ import annotations

import re

import pandas as pd

REDACTED = "[…]"

# Danish and Norwegian phone numbers: 8 digits, grouped as people write them (86 12 34 56, 8612 3456,
# 412 34 567, 86-12-34-56), after an optional +45/+47/0045/0047, also in brackets: (+45).
_PHONE = r"""
    (?<![\w+])
    (?: \(? (?:\+|00) (?:45|47) \)? [ -]? | (?:45|47) [ -]? )?
    (?! (?:19|20)\d\d-[01]\d-[0-3]\d (?!\d) )   # an ISO date (2024-06-12) is eight digits too, and harmless
    (?: \d[ -]? ){7} \d
    (?!\d)
"""

# Order matters: the longest identifiers first, so a phone pattern never eats half a national id.
_PATTERNS = [
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
    re.compile(r"(?<!\d)\d{6}[ -]?\d{5}(?!\d)"),  # Norwegian national identity number (11 digits, D- and H-numbers too)
    re.compile(r"(?<!\d)[0-3]\d[01]\d{3}[- ]?\d{4}(?!\d)"),  # Danish CPR number DDMMYY-SSSS
    re.compile(_PHONE, re.VERBOSE),
]


def redact(text: str) -> str:
    """Replace e-mail addresses, CPR and national identity numbers and phone numbers with a marker."""
    for pattern in _PATTERNS:
        text = pattern.sub(REDACTED, text)
    return text


def suppress_small_groups(counts: pd.Series, min_size: int, total_shown: bool = True) -> pd.Series:
    """True for each group that must not be shown.

    A group with fewer than `min_size` respondents is hidden. When a total is shown beside the groups and
    exactly one group is hidden, it could be worked out as total minus the rest, so the smallest other
    group is hidden too.
    """
    hidden = counts < min_size
    if total_shown and hidden.sum() == 1 and len(counts) > 1:
        hidden[counts[~hidden].idxmin()] = True
    return hidden
