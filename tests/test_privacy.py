"""Redaction of personal identifiers, and suppression of small groups."""

import re

import pandas as pd
import pytest
from stdnum.no import fodselsnummer

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


# --- Norwegian national identity numbers, made and checked by python-stdnum -----------------------------


def national_id(day: int, month: int, year: int, individual: int = 123) -> str:
    """A fødselsnummer that python-stdnum accepts: DDMMYY, three individual digits, two check digits.

    Some individual numbers give a check digit of 10 and no valid number; the next one is taken.
    """
    for candidate in range(individual, 500):  # 000-499: born 1900-1999
        base = f"{day:02d}{month:02d}{year % 100:02d}{candidate:03d}"
        first = fodselsnummer.calc_check_digit1(base)
        second = fodselsnummer.calc_check_digit2(base + first)
        if len(first) == 1 and len(second) == 1:
            return base + first + second
    raise AssertionError("no valid individual number")


ORDINARY = national_id(3, 10, 1978)
D_NUMBER = national_id(3 + 40, 10, 1978)  # D-number: 40 added to the day (foreign workers, for instance)
H_NUMBER = national_id(3, 10 + 40, 1978)  # H-number: 40 added to the month (an auxiliary number in health care)


@pytest.mark.parametrize("number", [ORDINARY, D_NUMBER, H_NUMBER], ids=["fødselsnummer", "D-number", "H-number"])
def test_real_looking_national_identity_numbers_are_redacted(number):
    assert fodselsnummer.is_valid(number), "the test must use numbers that pass the official checks"
    assert str(fodselsnummer.get_birth_date(number)) == "1978-10-03"
    for written in (number, fodselsnummer.format(number), f"{number[:6]}-{number[6:]}"):  # 03107812345, 031078 12345, 031078-12345
        assert redact(f"Saken gjelder {written}, haster.") == f"Saken gjelder {REDACTED}, haster."


def test_a_mistyped_national_identity_number_is_redacted_too():
    mistyped = ORDINARY[:-1] + str((int(ORDINARY[-1]) + 1) % 10)
    assert not fodselsnummer.is_valid(mistyped)
    assert redact(f"fnr {mistyped}") == f"fnr {REDACTED}"  # a typo still points at a person


def test_d_and_h_numbers_carry_their_markers():
    assert int(D_NUMBER[0]) >= 4 and int(H_NUMBER[2:4]) > 40


# --- Phone numbers, as people write them ----------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "86 12 34 56",
        "8612 3456",
        "86-12-34-56",
        "+45 86 12 34 56",
        "+4586123456",
        "0045 86 12 34 56",
        "(+45) 8612 3456",
        "412 34 567",
        "+47 412 34 567",
        "+47 41 23 45 67",
        "0047 41234567",
        "0047-412-34-567",
    ],
)
def test_danish_and_norwegian_phone_numbers_are_redacted(phone):
    assert redact(f"Ring {phone} efter kl. 16.") == f"Ring {REDACTED} efter kl. 16."


def test_an_iso_date_is_not_taken_for_a_phone_number():
    assert redact("Mødet 2024-06-12 var godt.") == "Mødet 2024-06-12 var godt."


# --- A comment with every kind of identifier at once -----------------------------------------------------


def test_a_comment_holding_a_cpr_a_fodselsnummer_an_email_and_a_phone_number():
    comment = (
        f"Min CPR er 010190-1234 og min kones fødselsnummer er {fodselsnummer.format(ORDINARY)}. "
        "Skriv til hanne.jensen@viborg.dk eller ring +45 86 12 34 56."
    )
    assert redact(comment) == (
        f"Min CPR er {REDACTED} og min kones fødselsnummer er {REDACTED}. Skriv til {REDACTED} eller ring {REDACTED}."
    )
    assert not re.search(r"\d", redact(comment)), "no digit of any identifier survives"
