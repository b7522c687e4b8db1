"""Redaction of personal identifiers, and suppression of small groups."""

import pandas as pd
import pytest

from pipeline.analysis.privacy import REDACTED, redact, suppress_small_groups


@pytest.mark.parametrize(
    "text, expected",
    [
        ("CPR 010190-1234 står her", f"CPR {REDACTED} står her"),
        ("cpr 0101901234.", f"cpr {REDACTED}."),
        ("fødselsnummer 03107845123", f"fødselsnummer {REDACTED}"),
        ("skriv til kari.nordmann@horten.kommune.no!", f"skriv til {REDACTED}!"),
        ("ring 33 08 50 00 i dag", f"ring {REDACTED} i dag"),
        ("ring +45 86 12 34 56", f"ring {REDACTED}"),
        ("mobil 41234567", f"mobil {REDACTED}"),
    ],
)
def test_identifiers_are_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["Vi bosatte 25 i 2016 og 40 i 2017.", "Møte 12.03.2016 kl. 10", "Side 3 av 12"])
def test_ordinary_numbers_and_dates_survive(text):
    assert redact(text) == text


def test_a_lone_small_group_takes_the_next_smallest_with_it():
    hidden = suppress_small_groups(pd.Series({"a": 12, "b": 3, "c": 8}), 5)
    assert hidden.to_dict() == {"a": False, "b": True, "c": True}


def test_two_small_groups_protect_each_other():
    hidden = suppress_small_groups(pd.Series({"a": 12, "b": 3, "c": 4}), 5)
    assert hidden.to_dict() == {"a": False, "b": True, "c": True}


def test_without_a_total_only_small_groups_are_hidden():
    hidden = suppress_small_groups(pd.Series({"a": 12, "b": 3, "c": 8}), 5, total_shown=False)
    assert hidden.to_dict() == {"a": False, "b": True, "c": False}
