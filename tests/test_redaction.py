"""Redaction of personal identifiers in free text: the forms people write them in, the numbers that must stay, time
linear in the text, and every text from outside redacted as its table is read."""

import csv
import html
import multiprocessing
import random
import re
import unicodedata

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
    # Forms a reader sees as the identifier however they are written (issue 18): character references, escapes,
    # bracketed and full-width signs, defanged dots, invisible characters, tabs, double spaces and slashes
    (MAIL_DA, "ole(@)kommune.dk"),
    (MAIL_DA, "ole[@]kommune.dk"),
    (MAIL_DA, "ole { @ } kommune.dk"),
    (MAIL_DA, "ole＠kommune.dk"),  # full-width commercial at
    (MAIL_DA, "ole﹫kommune.dk"),  # small commercial at
    (MAIL_DA, "ole＠kommune．dk"),  # and a full-width full stop
    (MAIL_DA, "ole@kommune[.]dk"),
    (MAIL_DA, "ole[@]kommune[.]dk"),
    (MAIL_DA, "ole(at)kommune(.)dk"),
    (MAIL_DA, "ole at kommune dot dk"),
    (MAIL_DA, "ole at kommune[.]dk"),
    (MAIL_DA, "ole&#64;kommune.dk"),
    (MAIL_DA, "ole&#x40;kommune.dk"),
    (MAIL_DA, "ole&commat;kommune&period;dk"),
    (MAIL_DA, "ole\\@kommune.dk"),  # as Markdown escapes it
    (MAIL_DA, "ole\u200d@kommune.dk"),  # zero-width joiner
    (MAIL_DA, "o\u200ble@kom\u200bmune.dk"),  # zero-width spaces inside the words
    (MAIL_DA, "ole@\u2060kommune.dk"),  # word joiner
    (MAIL_DA, "ole\u00ad.hansen@kommune.dk"),  # soft hyphen
    (MAIL_DA, "ole@\u202ekommune.dk"),  # a direction mark
    (MAIL_NB, "kari(@)nav.no"),
    (MAIL_NB, "kari[@]nav[.]no"),
    (MAIL_NB, "kari＠nav.no"),
    (MAIL_NB, "kari at horten[.]kommune[.]no"),
    (MAIL_NB, "kari&#64;nav.no"),
    (MAIL_NB, "kari\u200c@nav.no"),  # zero-width non-joiner
    (MAIL_NB, "kari (snabel-a) nav.no"),
    (PHONE_DA, "86\t12\t34\t56"),
    (PHONE_DA, "86  12  34  56"),
    (PHONE_DA, "86   12   34   56"),
    (PHONE_DA, "8612\t3456"),
    (PHONE_DA, "86/12/34/56"),
    (PHONE_DA, "8612/3456"),
    (PHONE_DA, "86 - 12 - 34 - 56"),
    (PHONE_DA, "86&nbsp;12&nbsp;34&nbsp;56"),
    (PHONE_DA, "86&#160;12&#160;34&#160;56"),
    (PHONE_DA, "86\u200d12\u200d34\u200d56"),
    (PHONE_DA, "86\u200b12\u200b34\u200b56"),
    (PHONE_DA, "8\u200d6123456"),
    (PHONE_DA, "８６ １２ ３４ ５６"),  # full-width digits
    (PHONE_DA, "８６１２３４５６"),
    (PHONE_DA, "86\u300012\u300034\u300056"),  # ideographic space
    (PHONE_DA, "+45\t86 12 34 56"),
    (PHONE_DA, "＋45 86 12 34 56"),  # full-width plus
    (PHONE_NB, "412\t34\t567"),
    (PHONE_NB, "412  34  567"),
    (PHONE_NB, "412/34/567"),
    (PHONE_NB, "41\u200d23\u200d45\u200d67"),
    (PHONE_NB, "+47  412  34  567"),
    (PHONE_NB, "４１２ ３４ ５６７"),
    (CPR_DA, "010180&#45;1234"),
    (CPR_DA, "010180&ndash;1234"),
    (CPR_DA, "010180\t1234"),
    (CPR_DA, "010180  1234"),
    (CPR_DA, "010180/1234"),
    (CPR_DA, "010180 / 1234"),
    (CPR_DA, "0101\u200d80-1234"),
    (CPR_DA, "010180\u00ad1234"),
    (CPR_DA, "０１０１８０-１２３４"),
    (CPR_DA, "01.01.80\t1234"),
    (FNR_NB, f"{FNR[:6]}\t{FNR[6:]}"),
    (FNR_NB, f"{FNR[:6]}  {FNR[6:]}"),
    (FNR_NB, f"{FNR[:6]}/{FNR[6:]}"),
    (FNR_NB, f"{FNR[:3]}\u200d{FNR[3:]}"),
    (FNR_NB, f"{FNR[:6]}&#45;{FNR[6:]}"),
    (FNR_NB, "".join(chr(ord(digit) + 0xFEE0) for digit in FNR)),  # full-width digits
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
    # Dates, amounts, years, percentages, case numbers and postal codes as reports write them (issue 18)
    "Mødet blev holdt 12.05.2024.",
    "Mødet blev holdt 2024-05-12.",
    "Mødet blev holdt 12/05/2024.",
    "Mødet blev holdt 12.05.2024 kl. 14.30.",
    "Datoerne 12.05.2024 og 13.05.2024 passer.",
    "Bevillingen er kr. 6.645.000.",
    "Bevillingen er kr. 6 645 000.",
    "Bevillingen er kr. 16.645.000.",
    "Bevillingen er 16 645 000 kr.",
    "Befolkningen er 1 234 567.",
    "Befolkningen er 1\u00a0234\u00a0567.",
    "Projektet løber 2024–2026.",
    "Projektet løper 2024 - 2026.",
    "Projektet løper 2024/2026.",
    "Perioden 2022–2023–2024 var lang.",
    "Andelen steg fra 45 % til 52 %.",
    "Andelen steg fra 45,2 % til 52,8 %.",
    "Mellem 12 % og 34 % svarede ja.",
    "Sagsid. 24/12345",
    "Sagsnr. 2024/1234 er lukket.",  # a year and a number after a slash: a case number, not 2024 and 1234 apart
    "Journalnr. 24/123456.",
    "Postnummer 0150 Oslo.",
    "Postboks 1234, 0107 Oslo.",
    "8000 Aarhus C og 9000 Aalborg.",
    "Adressen er Vestergade 12, 8800 Viborg.",
    "Tabel 3: 2022 2023 2024",
    "Antal\t2022\t2023\t2024",
    "Deltagere: 12\t34\t56",
    "Svar: 12  34  56",
    "Kurset varte 12.06.2024 - 13.06.2024.",
    "Åpent 08.00 - 16.00.",
    "Perioderne 1999-2001 og 2003-2005.",
    "Årene **2024** og 2025 var gode.",
    "Filen hedder rapport_2024_05_12.pdf.",
    "Regnestykket 12 * 34 * 56 * 78 er stort.",
    "Uge 12/13 var travl.",
    "Side 12/34 i bilaget.",
    "Skemaet er version 2.1.3.4.",
    "Vi mødtes kl. 9.30–11.00.",
    "Kaffe &amp; kage for 25 kr.",
    "Forsknings- &amp; udviklingsarbejde",
    "R&D i 2024",
    "Se kommune[.]dk for mere.",  # a defanged web address without a name before it
    "Vi [at] the end.",
    "Hold øje med (@) i teksten.",
    "Brug ＠ og ＃ i kampagnen.",
    "Zero\u200bwidth er ikke et tal.",
    "Befolkningen steg med 1.234 til 45.678.",
    "Mellem 2016 og 2017 kom 120.",
    "Org.nr. 974 760 673",
    "Budget 2025: 12,5 mio. kr.",
    "Stk. 3, nr. 12.",
]


@pytest.mark.parametrize("sentence, identifier", IDENTIFIERS)
def test_identifiers_are_redacted_as_people_write_them(sentence, identifier):
    assert redact(sentence.format(identifier)) == sentence.format(REDACTED)


@pytest.mark.parametrize("text", ORDINARY_TEXT)
def test_ordinary_numbers_dates_and_words_stay(text):
    assert redact(text) == text


# Numbers that may or may not be an identifier: we redact them, preferring a lost harmless number to a published
# identifier. Eight digits grouped as a phone number and ten digits that begin with a date are taken as one.
AMBIGUOUS_REDACTED = [
    "CVR 29 18 97 44",  # a company's number, grouped like a phone number
    "CVR 29189744",
    "Sagsnr. 2024-1234",  # a year and a number joined by a dash (with a slash, 2024/1234, it stays)
    "Deltagere: 12 34 56 78",  # four counts in a row of a table written as text
    "Deltagere: 12\t34\t56\t78",
    "Server 10.20.30.40",  # an IP address
    "Bilag 86/12/34/56",
    "Beløb 12 500  13 750",  # two amounts side by side: 500 13 750 is grouped as a Norwegian phone number
    "Beløb 12 500\t13 750",
    "Kode 0101801234",  # ten digits whose first six are a date: a CPR number without its dash
    "Løbenummer 12345678901",  # every 11-digit number: a fødselsnummer, valid or not
]


@pytest.mark.parametrize("text", AMBIGUOUS_REDACTED)
def test_ambiguous_numbers_we_chose_to_redact(text):
    assert REDACTED in redact(text) and not re.search(r"\d{2}", redact(text))


def test_the_table_covers_enough_forms_in_both_languages():
    assert len(IDENTIFIERS) >= 100 and len(ORDINARY_TEXT) >= 50
    assert {sentence for sentence, _ in IDENTIFIERS} == {CPR_DA, FNR_NB, PHONE_DA, PHONE_NB, MAIL_DA, MAIL_NB}


def test_the_national_identity_numbers_are_real_looking():
    for number in (FNR, D_NUMBER, H_NUMBER):
        assert fodselsnummer.is_valid(number), "the table must use numbers that pass the official checks"
    assert int(D_NUMBER[0]) >= 4 and int(H_NUMBER[2:4]) > 40
    assert not fodselsnummer.is_valid(MISTYPED)


def test_the_text_around_an_identifier_keeps_its_own_spaces_and_dashes():
    text = "Tlf.\u00a086\u00a012\u00a034\u00a056 – ring efter kl.\u00a016"
    assert redact(text) == "Tlf.\u00a0[…] – ring efter kl.\u00a016"


@pytest.mark.parametrize(
    "quoted, shown",
    [
        ("Ring 86 12 **34 56** nu.", "Ring […] nu."),
        ("CPR 010180-**1234**.", "CPR […]."),
        ("Ring __86 12__ 34 56.", "Ring […]."),
        ("Ring *86*\t12 34 56.", "Ring […]."),
        ("Ring **86 12 34 56**.", "Ring **[…]**."),
    ],  # the marks inside a number go with it; those around it stay
)
def test_a_number_split_by_markdown_emphasis_as_a_plain_text_email_quotes_it(quoted, shown):
    assert redact(quoted) == shown


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
        ("&#64;" * (LONGEST_CELL // 5), "&#64;" * (LONGEST_CELL // 5)),
        ("a&#64;" * (LONGEST_CELL // 6), "a&#64;" * (LONGEST_CELL // 6)),
        ("&" * LONGEST_CELL, "&" * LONGEST_CELL),
        ("\u200d" * LONGEST_CELL, "\u200d" * LONGEST_CELL),
        ("＠" * LONGEST_CELL, "＠" * LONGEST_CELL),
        ("1/" * (LONGEST_CELL // 2), "1/" * (LONGEST_CELL // 2)),
        ("12  " * (LONGEST_CELL // 4), REDACTED + "  "),
        ("12\t" * (LONGEST_CELL // 3), REDACTED + "\t"),
        ("a(@)" * (LONGEST_CELL // 4), "a(@)" * (LONGEST_CELL // 4)),
        ("x@" + "a[.]" * (LONGEST_CELL // 4), REDACTED + "[.]"),
    ],
    ids=[
        "digits",
        "digit-space",
        "pairs",
        "years",
        "dates",
        "dot-dash",
        "at-signs",
        "a@",
        "a(at)",
        "letters",
        "a.",
        "at-dot",
        "(dot)",
        "references",
        "a-reference",
        "ampersands",
        "joiners",
        "full-width-at",
        "slashes",
        "double-spaces",
        "tabs",
        "a(@)",
        "a[.]",
    ],
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
    rewrite_cell(
        example_copy / "milestones.csv", "M01", "title", "Anmodning sendt; spørsmål til Kari på 412\u00a034\u00a0567"
    )
    rewrite_cell(
        example_copy / "assessments.csv",
        "K6",
        "justification",
        "Seks av ti kommuner. Kontakt kari(at)vestfold.no eller 33 08 50 00.",
    )
    rewrite_cell(example_copy / "assessments.csv", "K6", "assessor", "Kari Nordmann, tlf. +47 412 34 567")
    rewrite_cell(
        example_copy / "indicators.csv", "0701", "note", f"Oppgitt av saksbehandler, fnr {fodselsnummer.format(FNR)}"
    )

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


# --- The evaluator's Markdown is redacted as the reader will read it, not as it is written ---------------------

AS_RENDERED = [
    ("Ring 86&nbsp;12&nbsp;34&nbsp;56.", ["Ring […]."]),
    ("Skriv til ole&#64;kommune.dk.", ["Skriv til […]."]),
    ("Skriv til kari\\@kommune.no.", ["Skriv til […]."]),
    ("CPR 010180&#45;1234.", ["CPR […]."]),
    ("Skriv til [Per](mailto:per%40kommune.dk).", ["Skriv til Per."]),  # the link goes, its words stay
    ("Se [siden](https://example.dk/?tlf=86123456).", ["Se siden."]),
    ("Skriv til <per@kommune.dk>.", ["Skriv til <[…]>."]),  # redacted as read too, before it could become a link
    ("Ring 86 12 **34 56** nu.", ["Ring […] nu."]),  # one number across plain and bold text
    ("Skriv til ole@*kommune.dk*.", ["Skriv til […]."]),
    ("Koden er `010180-1234`.", ["Koden er […]."]),
    ("Ring 86 12\n34 56.", ["Ring […]."]),  # a line break inside a paragraph is a space
]


@pytest.mark.parametrize("written, runs", AS_RENDERED, ids=[written for written, _ in AS_RENDERED])
def test_a_texts_identifiers_are_redacted_as_rendered(example_copy, written, runs):
    from pipeline.present import texts
    from pipeline.present.report import Report

    (example_copy / "text").mkdir(exist_ok=True)
    (example_copy / "text" / "conclusion.md").write_text(f"# Konklusion\n\n{written}\n", encoding="utf-8")
    section = texts.text_section(Report(load_project(example_copy)), "conclusion")
    assert section.blocks[0].runs == runs


def test_a_texts_headings_lists_tables_and_quotes_are_redacted_as_rendered():
    from pipeline.present import document as doc
    from pipeline.present import markdown

    written = (
        "## Kontakt ole&#64;kommune.dk\n\n- ring 86&nbsp;12&nbsp;34&nbsp;56\n\n> kari\\@kommune.no\n\n"
        "| Navn | Telefon |\n|---|---|\n| Ole | 86&#32;12&#32;34&#32;56 |\n\n"
        "Tabel: Ring 86&nbsp;12&nbsp;34&nbsp;56\n"
    )
    blocks = markdown.blocks(written, 3, lambda text: text, lambda text: doc.Caption(label="Tabel 1", text=text))
    heading, bullets, quote, table = blocks
    assert heading.text == "Kontakt […]" and bullets.items == [["ring […]"]] and quote.blocks[0].runs == ["[…]"]
    assert table.rows == [["Ole", "[…]"]] and table.caption.text == "Ring […]"


# --- Ids are codes: published as written, so never a person's identifier ----------------------------------------


@pytest.fixture
def viborg(tmp_path):
    """A private copy of the Danish example, which has milestones, recommendations and activities."""
    import shutil

    from pipeline.paths import default_inputs

    folder = tmp_path / "inputs" / "integrationsforum-viborg"
    shutil.copytree(default_inputs() / "integrationsforum-viborg", folder)
    return folder


@pytest.mark.parametrize(
    "table, row, identifier, found",
    [
        ("milestones.csv", "F01", "010180-1234", "'[…]' which holds a personal identifier"),
        ("milestones.csv", "F01", "Ole 86 12 34 56", "'Ole […]' which holds a personal identifier"),
        ("recommendations.csv", "A1", "86123456", "'[…]' which holds a personal identifier"),
        ("recommendations.csv", "A1", "ole@kommune.dk", "'[…]' which holds a personal identifier"),
        ("activities.csv", "F01", "Ole 86 12 34 56", "'Ole […]' which holds a personal identifier"),
        ("activities.csv", "F01", "Temamøde med Ole", "'Temamøde med Ole' which contains ' '"),
        ("activities.csv", "F01", "A<script>", "'A<script>' which contains '<', '>'"),
    ],
)
def test_an_id_that_is_no_short_code_is_refused_with_file_row_and_field(viborg, table, row, identifier, found):
    from pipeline.errors import InputError

    rewrite_cell(viborg / table, row, "id", identifier)
    with pytest.raises(InputError) as refused:
        load_project(viborg)
    [problem] = [p for p in refused.value.problems if p.field == "id"]
    assert (problem.file, problem.row, problem.field) == (table, 2, "id")
    assert "letters, digits" in problem.expected and "phone number" in problem.expected
    assert problem.found == found
    assert identifier not in str(refused.value) or REDACTED not in found  # the identifier is not repeated


def test_validate_refuses_an_id_holding_an_identifier_without_repeating_it(viborg, capsys):
    from pipeline.cli import main

    rewrite_cell(viborg / "milestones.csv", "F01", "id", "Ole-86123456")
    assert main(["--inputs", str(viborg.parent), "validate", viborg.name]) != 0
    out = capsys.readouterr().out
    said = " ".join(out.split())
    assert "milestones.csv, row 2, field 'id': expected an id that can be part of a file name" in said
    assert "found 'Ole-[…]' which holds a personal identifier" in said
    assert "86123456" not in out


# --- Variations: the forms above combined at random, as a reviewer would try them ----------------------------------

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"]
SPACES = [" ", "\u00a0", "\u2009", "\u202f", "\u3000", "\t", "  ", "&nbsp;", "&#32;", "&#x20;"]
ATS = ["@", "(@)", "[@]", " (at) ", "[at]", "＠", "﹫", "&#64;", "&#x40;", "&commat;", "\\@", " snabel-a "]
DOTS = [".", "[.]", "(.)", "(dot)", " punktum ", "．", "&#46;", "&period;", "\\."]


def varied(identifier: str, chance: random.Random) -> str:
    """The identifier written another way: its @, dots and spaces as people write them, some characters full-width
    or as character references, and invisible characters between others."""
    written = []
    for char in identifier:
        if char == "@":
            char = chance.choice(ATS)
        elif char == "." and "@" in identifier:
            char = chance.choice(DOTS)
        elif char == " ":
            char = chance.choice(SPACES)
        elif char.isascii() and char.isalnum() and chance.random() < 0.2:
            char = chr(ord(char) + 0xFEE0) if chance.random() < 0.5 else f"&#{ord(char)};"  # full-width, or a reference
        written.append(char)
        if chance.random() < 0.15:
            written.append(chance.choice(INVISIBLE))
    return "".join(written)


def as_read(text: str) -> str:
    """What a reader takes a text for: references decoded, full-width characters plain, invisible ones gone."""
    text = unicodedata.normalize("NFKC", html.unescape(text))
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


VARIED = [
    "86 12 34 56",
    "+45 86 12 34 56",
    "412 34 567",
    "010180-1234",
    "01.01.80 1234",
    FNR,
    f"{FNR[:6]} {FNR[6:]}",
    "ole@kommune.dk",
    "kari.nordmann@horten.kommune.no",
]


@pytest.mark.parametrize("identifier", VARIED)
def test_identifiers_written_in_random_combinations_of_forms_are_redacted(identifier):
    chance = random.Random(identifier)  # the same variations at every run
    for _ in range(200):
        written = varied(identifier, chance)
        for sentence in ("Skriv eller ring: {} i morgen.", "Ta kontakt på {}, takk."):
            shown = as_read(redact(sentence.format(written)))
            assert not re.search(r"\d", shown) and "kommune" not in shown, repr(written)
