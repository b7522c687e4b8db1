"""Redaction of personal identifiers in free text: the forms people write them in, the numbers that must stay, time
linear in the text, and every text from outside redacted as its table is read."""

import csv
import multiprocessing
import re

import pytest
from stdnum.no import fodselsnummer

from pipeline.analysis.privacy import REDACTED, redact
from pipeline.project import load_project


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


FNR = national_id(3, 10, 1978)
D_NUMBER = national_id(3 + 40, 10, 1978)  # D-number: 40 added to the day (foreign workers, for instance)
H_NUMBER = national_id(3, 10 + 40, 1978)  # H-number: 40 added to the month (an auxiliary number in health care)
MISTYPED = FNR[:-1] + str((int(FNR[-1]) + 1) % 10)  # a typo still points at a person

CPR_DA = "Mit CPR-nummer er {}, hvis I skal bruge det."
FNR_NB = "Fødselsnummeret mitt er {}, om dere trenger det."
PHONE_DA = "Ring til mig på {} efter kl. 16."
PHONE_NB = "Ring meg på {} etter klokka 16."
MAIL_DA = "Skriv til {} hvis der er spørgsmål."
MAIL_NB = "Send en e-post til {} om dere lurer på noe."

# (sentence, identifier): the identifier, written as people write it, must give way to the marker, and only it.
IDENTIFIERS = [
    # Danish CPR numbers: DDMMYY-SSSS, and a date written with dots followed by the four digits
    (CPR_DA, "010190-1234"),
    (CPR_DA, "0101901234"),
    (CPR_DA, "010190 1234"),
    (CPR_DA, "010190\u00a01234"),  # no-break space
    (CPR_DA, "010190\u202f1234"),  # narrow no-break space
    (CPR_DA, "010190\u20111234"),  # non-breaking hyphen
    (CPR_DA, "010190–1234"),  # en dash
    (CPR_DA, "010190\u22121234"),  # minus sign
    (CPR_DA, "01.01.90-1234"),
    (CPR_DA, "01.01.90 1234"),
    (CPR_DA, "01.01.90\u00a01234"),
    (CPR_DA, "01.01.90–1234"),
    (CPR_DA, "01-01-90-1234"),
    (CPR_DA, "290200-4321"),  # 29 February 2000: the seventh digit says the century
    (CPR_DA, "311299.4321"),
    # Norwegian fødselsnummer, D- and H-numbers: 11 digits, 6+5, 6+3+2, or after a date written with dots
    (FNR_NB, FNR),
    (FNR_NB, fodselsnummer.format(FNR)),
    (FNR_NB, f"{FNR[:6]}-{FNR[6:]}"),
    (FNR_NB, f"{FNR[:6]}\u00a0{FNR[6:]}"),
    (FNR_NB, f"{FNR[:6]} {FNR[6:9]} {FNR[9:]}"),
    (FNR_NB, f"{FNR[:6]}\u202f{FNR[6:9]}\u202f{FNR[9:]}"),
    (FNR_NB, f"{FNR[:2]}.{FNR[2:4]}.{FNR[4:6]} {FNR[6:]}"),
    (FNR_NB, f"{FNR[:2]}.{FNR[2:4]}.{FNR[4:6]}-{FNR[6:]}"),
    (FNR_NB, f"{FNR[:2]}.{FNR[2:4]}.{FNR[4:6]} {FNR[6:9]} {FNR[9:]}"),
    (FNR_NB, D_NUMBER),
    (FNR_NB, H_NUMBER),
    (FNR_NB, MISTYPED),
    # Danish phone numbers
    (PHONE_DA, "86 12 34 56"),
    (PHONE_DA, "86\u00a012\u00a034\u00a056"),
    (PHONE_DA, "86\u202f12\u202f34\u202f56"),
    (PHONE_DA, "86\u200912\u200934\u200956"),  # thin space
    (PHONE_DA, "8612 3456"),
    (PHONE_DA, "86123456"),
    (PHONE_DA, "86-12-34-56"),
    (PHONE_DA, "86–12–34–56"),
    (PHONE_DA, "86\u201112\u201134\u201156"),
    (PHONE_DA, "86.12.34.56"),
    (PHONE_DA, "12.34.56.78"),
    (PHONE_DA, "+45 86 12 34 56"),
    (PHONE_DA, "+45\u00a086\u00a012\u00a034\u00a056"),
    (PHONE_DA, "+4586123456"),
    (PHONE_DA, "0045 86 12 34 56"),
    (PHONE_DA, "(+45) 8612 3456"),
    (PHONE_DA, "+45 8612 3456"),
    (PHONE_DA, "45 86 12 34 56"),
    (PHONE_DA, "4586123456"),
    (PHONE_DA, "2034 5678"),
    (PHONE_DA, "+45 2016 2017"),  # after a country code, even two years are a phone number
    # Norwegian phone numbers
    (PHONE_NB, "22 33 44 55"),
    (PHONE_NB, "412 34 567"),
    (PHONE_NB, "412\u00a034\u00a0567"),
    (PHONE_NB, "+47 412 34 567"),
    (PHONE_NB, "+47 41 23 45 67"),
    (PHONE_NB, "0047 41234567"),
    (PHONE_NB, "0047-412-34-567"),
    (PHONE_NB, "004741234567"),
    (PHONE_NB, "+47\u2009412\u200934\u2009567"),
    (PHONE_NB, "41234567"),
    (PHONE_NB, "412.34.567"),
    (PHONE_NB, "(+47) 412 34 567"),
    (PHONE_NB, "41 23 45 67"),
    (PHONE_NB, "+47 22.33.44.55"),
    # E-mail addresses, also written out
    (MAIL_DA, "hanne.jensen@viborg.dk"),
    (MAIL_DA, "hanne(at)viborg.dk"),
    (MAIL_DA, "hanne (at) viborg.dk"),
    (MAIL_DA, "hanne [at] viborg dot dk"),
    (MAIL_DA, "hanne [at] viborg [dot] dk"),
    (MAIL_DA, "hanne{at}viborg.dk"),
    (MAIL_DA, "HANNE(AT)VIBORG.DK"),
    (MAIL_DA, "hanne snabel-a viborg punktum dk"),
    (MAIL_DA, "hanne snabel-a viborg.dk"),
    (MAIL_DA, "hanne at viborg dot dk"),
    (MAIL_DA, "ole\u2011hansen@aarhus.dk"),
    (MAIL_NB, "kari.nordmann@horten.kommune.no"),
    (MAIL_NB, "kari.nordmann @ horten.kommune.no"),
    (MAIL_NB, "kari(at)nav.no"),
    (MAIL_NB, "kari [at] nav [dot] no"),
    (MAIL_NB, "kari at nav dot no"),
    (MAIL_NB, "kari at horten dot kommune dot no"),
    (MAIL_NB, "kari krøllalfa horten punktum kommune punktum no"),
]

# Numbers, dates and words that look a little like an identifier and must stay as written.
ORDINARY_TEXT = [
    "Vi bosatte 25 i 2016 og 40 i 2017.",
    "Møte 12.03.2016 kl. 10",
    "Side 3 av 12",
    "Budgettet er på 1.250.000 kr.",
    "Tilskuddet var på 12 500 kr.",
    "Tilskuddet var på 12\u00a0500 kr.",
    "Projektet fik 12 500 000 kr. i alt.",
    "Projektet fik 12.500.000 kr. i alt.",
    "Prosjektet fikk 2 500 000 000 kroner.",
    "Befolkningen var 1\u202f234\u202f567 i 2020.",
    "Prisen var 1.234,50 kr.",
    "Mødet blev holdt 12.06.2024.",
    "Brevet er dateret 12.06.24.",
    "Fristen er 2024-06-12.",
    "Fristen er 2024\u201106\u201112.",
    "Møtet var 12.06.2024 10.30.",
    "Kurset varte 12.06.2024–13.06.2024.",
    "Vi mødtes kl. 9.30 den 3.6.2024.",
    "I perioden 2016–2017 ble 120 bosatt.",
    "I perioden 2016 - 2017 ble 120 bosatt.",
    "Tidsrommet 2016\u22122020 var krevende.",
    "Årene 2016 2017 og 2018 var gode.",
    "Skoleåret 2024-25 gik godt.",
    "Uke 23-24 var travel.",
    "Åpent kl. 10.00–12.00 hver dag.",
    "Telefontiden er 9-15.",
    "Postnummer 8800 Viborg.",
    "Se § 12, stk. 3.",
    "30-40 % af borgerne svarede.",
    "Anmodning for 2016: 120 personer.",
    "Vi har 250 deltagere og 12 grupper.",
    "Version 2.1.3 af skemaet.",
    "Følg med på www.viborg.dk.",
    "Vi håber at kommunen vil hjælpe.",
    "Vi besluttede at sætte punktum for sagen.",
    "Hun sa at det var fint, punktum.",
    "Look at the dot plot in figure 2.",
    "@kommunen svarte på Twitter.",
    "Vi mødtes @ biblioteket.",
]


@pytest.mark.parametrize("sentence, identifier", IDENTIFIERS)
def test_identifiers_are_redacted_as_people_write_them(sentence, identifier):
    assert redact(sentence.format(identifier)) == sentence.format(REDACTED)


@pytest.mark.parametrize("text", ORDINARY_TEXT)
def test_ordinary_numbers_dates_and_words_stay(text):
    assert redact(text) == text


def test_the_table_covers_enough_forms_in_both_languages():
    assert len(IDENTIFIERS) >= 60 and len(ORDINARY_TEXT) >= 30
    assert {sentence for sentence, _ in IDENTIFIERS} == {CPR_DA, FNR_NB, PHONE_DA, PHONE_NB, MAIL_DA, MAIL_NB}


def test_the_national_identity_numbers_are_real_looking():
    for number in (FNR, D_NUMBER, H_NUMBER):
        assert fodselsnummer.is_valid(number), "the table must use numbers that pass the official checks"
    assert int(D_NUMBER[0]) >= 4 and int(H_NUMBER[2:4]) > 40
    assert not fodselsnummer.is_valid(MISTYPED)


def test_the_text_around_an_identifier_keeps_its_own_spaces_and_dashes():
    text = "Tlf.\u00a086\u00a012\u00a034\u00a056 – ring efter kl.\u00a016"
    assert redact(text) == "Tlf.\u00a0[…] – ring efter kl.\u00a016"


def test_a_number_holding_an_identifier_is_redacted_whole():
    # No part of a number sticks out: the hour before a phone number goes with it.
    assert redact("Ring kl 10 86 12 34 56 i morgen") == "Ring kl […] i morgen"


def test_a_comment_holding_a_cpr_a_fodselsnummer_an_email_and_a_phone_number():
    comment = (
        f"Min CPR er 010190-1234 og min kones fødselsnummer er {fodselsnummer.format(FNR)}. "
        "Skriv til hanne.jensen@viborg.dk eller ring +45 86 12 34 56."
    )
    assert redact(comment) == (
        f"Min CPR er {REDACTED} og min kones fødselsnummer er {REDACTED}. Skriv til {REDACTED} eller ring {REDACTED}."
    )
    assert not re.search(r"\d", redact(comment)), "no digit of any identifier survives"


# --- Linear time: a cell may hold 131,072 characters ----------------------------------------------------------

LONGEST_CELL = 131_072
HANG_GUARD_SECONDS = 10  # each text takes well under half a second; the old patterns took minutes on the first


def redacted_within(text: str, seconds: float) -> str:
    """redact(text) in a child process, stopped if it takes longer than `seconds`: a regular expression that
    backtracks holds the interpreter and cannot be interrupted from inside."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply_async(redact, (text,)).get(timeout=seconds)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1" * LONGEST_CELL, "1" * LONGEST_CELL),  # no identifier is that long
        ("1 " * (LONGEST_CELL // 2), "1 " * (LONGEST_CELL // 2)),
        ("12 " * (LONGEST_CELL // 3), REDACTED + " "),  # a phone number in it: the whole run goes
        ("2016 " * (LONGEST_CELL // 5), "2016 " * (LONGEST_CELL // 5)),
        ("01.01.90 " * (LONGEST_CELL // 9), "01.01.90 " * (LONGEST_CELL // 9)),
        ("12.12-" * (LONGEST_CELL // 6), "12.12-" * (LONGEST_CELL // 6)),
        ("@" * LONGEST_CELL, "@" * LONGEST_CELL),
        ("a@" * (LONGEST_CELL // 2), "a@" * (LONGEST_CELL // 2)),
        ("a(at)" * (LONGEST_CELL // 5), "a(at)" * (LONGEST_CELL // 5)),
        ("a" * LONGEST_CELL, "a" * LONGEST_CELL),
        ("a." * (LONGEST_CELL // 2), "a." * (LONGEST_CELL // 2)),
        ("a at a dot " * (LONGEST_CELL // 11), "a at a dot " * (LONGEST_CELL // 11)),
        ("x(at)" + "a(dot)" * (LONGEST_CELL // 6) + "!", REDACTED + "(dot)!"),  # the last (dot) leads to no name
    ],
    ids=["digits", "digit-space", "pairs", "years", "dates", "dot-dash", "at-signs", "a@", "a(at)", "letters", "a.", "at-dot", "(dot)"],
)
def test_a_cell_of_the_longest_length_is_redacted_in_linear_time(text, expected):
    assert redacted_within(text, HANG_GUARD_SECONDS) == expected


# --- Every text from outside is redacted as it is read --------------------------------------------------------


def rewrite_cell(path, row_id: str, column: str, value: str) -> None:
    """Set one cell of a CSV table, the row found by its first column."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        if row[next(iter(row))] == row_id:
            row[column] = value
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_milestones_assessments_and_notes_never_reach_the_project_unredacted(example_copy):
    rewrite_cell(example_copy / "milestones.csv", "M01", "title", "Anmodning sendt; spørsmål til Kari på 412\u00a034\u00a0567")
    rewrite_cell(example_copy / "assessments.csv", "K6", "justification", "Seks av ti kommuner. Kontakt kari(at)vestfold.no eller 33 08 50 00.")
    rewrite_cell(example_copy / "assessments.csv", "K6", "assessor", "Kari Nordmann, tlf. +47 412 34 567")
    rewrite_cell(example_copy / "indicators.csv", "0701", "note", f"Oppgitt av saksbehandler, fnr {fodselsnummer.format(FNR)}")

    project = load_project(example_copy)

    milestone = project.milestones.set_index("id").loc["M01"]
    assert milestone["title"] == f"Anmodning sendt; spørsmål til Kari på {REDACTED}"
    assessment = project.assessments.set_index("criterion").loc["K6"]
    assert assessment["justification"] == f"Seks av ti kommuner. Kontakt {REDACTED} eller {REDACTED}."
    assert assessment["assessor"] == f"Kari Nordmann, tlf. {REDACTED}"
    assert f"Oppgitt av saksbehandler, fnr {REDACTED}" in set(project.indicators["note"])
    everything = "".join(frame.to_csv() for frame in (project.milestones, project.assessments, project.indicators))
    for identifier in ("412\u00a034\u00a0567", "kari(at)", "33 08 50 00", "412 34 567", FNR[6:]):
        assert identifier not in everything


def test_a_survey_comment_of_the_longest_length_is_read_in_linear_time(example_copy):
    rewrite_cell(example_copy / "survey.csv", "r001", "kommentar", "4" * LONGEST_CELL)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        survey = pool.apply_async(_survey_of, (example_copy,)).get(timeout=60)  # a second normally; minutes before
    assert "4" * LONGEST_CELL in set(survey["kommentar"])


def _survey_of(folder):
    return load_project(folder).survey
