"""The house style of every sentence a report shows: no numeral opens a sentence, the language's own quotes, an en
dash in ranges of years; figures in tables, dates, shares and amounts left as they are."""

from __future__ import annotations

import pytest

from pipeline.present import document as doc
from pipeline.present.style import styled_section, styled_text

CASES = [
    # (language, written, shown)
    ("da", "3 af 5 succeskriterier er opfyldt.", "Tre af fem succeskriterier er opfyldt."),
    ("da", "1 af 5 succeskriterier er opfyldt.", "Ét af fem succeskriterier er opfyldt."),
    ("da", "1 milepæl forventes før 1. oktober 2027.", "Én milepæl forventes før 1. oktober 2027."),
    ("da", "3 af 18 kommuner har nået målet.", "Tre af 18 kommuner har nået målet."),
    ("da", "61 har svaret på spørgeskemaet.", "I alt 61 har svaret på spørgeskemaet."),
    (
        "da",
        "Opgjort pr. 7. december 2026. 11 milepæle er nået.",
        "Opgjort pr. 7. december 2026. Elleve milepæle er nået.",
    ),
    ("da", "Temamøde med ca. 70 deltagere.", "Temamøde med ca. 70 deltagere."),
    ("da", "Status pr. 1. okt. 61 har svaret.", "Status pr. 1. okt. 61 har svaret."),
    ("da", "4. november 2025 holdt udvalget møde.", "4. november 2025 holdt udvalget møde."),
    ("da", "2024 var det første år.", "2024 var det første år."),
    ("da", "45 % svarede ja.", "45 % svarede ja."),
    ("da", "2,5 mio. kr. er brugt.", "2,5 mio. kr. er brugt."),
    ("da", "1.234 deltagere i alt.", "1.234 deltagere i alt."),
    ("da", "Perioden 2024-2026.", "Perioden 2024–2026."),
    ("da", 'Hun sagde "vi blev hørt" til mødet.', "Hun sagde »vi blev hørt« til mødet."),
    (
        "nb",
        "3 av 5 suksesskriterier er nådd. 1 spørsmål er nytt.",
        "Tre av fem suksesskriterier er nådd. Ett spørsmål er nytt.",
    ),
    ("nb", "Kommunen skrev “det går bra”.", "Kommunen skrev «det går bra»."),
    ("nb", "7 kommuner har vedtatt 2015 - 2016.", "Sju kommuner har vedtatt 2015–2016."),
    ("en", "3 of 5 criteria are met.", "Three of five criteria are met."),
    ("en", "120 took part.", "In all, 120 took part."),
]


@pytest.mark.parametrize(("language", "written", "shown"), CASES)
def test_a_sentence_in_the_house_style(language, written, shown):
    # Where a line may not break ("pr. 7", "95 %") is tested in test_layout; here, the words.
    assert styled_text(written, language).replace("\u00a0", " ") == shown


def test_a_section_styles_its_paragraphs_lists_and_captions_but_not_its_table_cells():
    caption = doc.Caption(label="Tabel 1", text="Deltagere 2024-2026")
    section = doc.section(
        "s",
        "Status 2024-2026",
        doc.paragraph("3 af 5 succeskriterier er opfyldt. ", doc.Strong(text="12 milepæle"), " er nået."),
        doc.BulletList(items=[["4 er i gang"]], role="text"),
        doc.table(["År", "Antal"], [["2024-2026", "3"]], caption),
    )
    styled = styled_section(section, "da")
    assert styled.title == "Status 2024–2026"
    assert styled.blocks[0].runs[0] == "Tre af fem succeskriterier er opfyldt. "
    assert styled.blocks[0].runs[1].text == "Tolv milepæle"
    assert styled.blocks[1].items == [["Fire er i gang"]]
    assert styled.blocks[2].caption.text == "Deltagere 2024–2026" and styled.blocks[2].rows == [["2024-2026", "3"]]


def test_a_run_that_goes_on_a_sentence_keeps_its_figure():
    paragraph = doc.paragraph("Målet er nået i ", "3 af 5 kommuner.")
    styled = styled_section(doc.section("s", "S", paragraph), "da")
    assert styled.blocks[0].runs == ["Målet er nået i ", "3 af 5 kommuner."]


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Efteråret 2025", "efteråret 2025"),
        ("Borgermødet i Nakskov", "borgermødet i Nakskov"),  # the issue's own example: the place keeps its capital
        ("Høsten 2016", "høsten 2016"),
        ("Nakskov 2024", "Nakskov 2024"),  # a place opens the label
        ("Viborg-mødet 2025", "Viborg-mødet 2025"),
        ("NAV-samarbeidet 2020", "NAV-samarbeidet 2020"),  # an acronym
        ("SurveyXact 2025", "SurveyXact 2025"),  # capitals inside a word
        ("Temamødet", "Temamødet"),  # one word: it may be a name
        ("2025", "2025"),
    ],
)
def test_a_label_mid_sentence_loses_only_the_capital_that_opened_it(label, shown):
    from pipeline.text import mid_sentence

    assert mid_sentence(label, frozenset({"nakskov", "viborg"})) == shown
