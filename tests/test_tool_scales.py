"""The answer scales survey tools offer by default, as their exports write them, put low to high with the right end
positive and their "don't know" set aside.

Each row is one scale as a tool lists it in its export (most list the positive end first), spelled as the export
spells it: capitals, dashes and numbers in front included. The draft codebook must order it low to high whatever
order the answers come in, guess the top end positive, and never count "don't know" on the scale.
"""

import random

import pandas as pd
import pytest

from pipeline.importers.canonical import to_canonical
from pipeline.importers.codebook import draft_codebook
from pipeline.importers.export import Export, Question
from pipeline.importers.kinds import guess_items

# (tool, language, the labels as the tool lists them, the "don't know" labels among them)
SCALES = [
    # SurveyXact (da, nb, sv, en): its standard categories, positive end first, "Ved ikke" last.
    (
        "surveyxact",
        "da",
        ["Helt enig", "Delvist enig", "Hverken enig eller uenig", "Delvist uenig", "Helt uenig", "Ved ikke"],
        ["Ved ikke"],
    ),
    (
        "surveyxact",
        "da",
        ["I meget høj grad", "I høj grad", "I nogen grad", "I ringe grad", "Slet ikke", "Ved ikke"],
        ["Ved ikke"],
    ),
    (
        "surveyxact",
        "da",
        ["I meget høj grad", "I høj grad", "I nogen grad", "I ringe grad", "I meget ringe grad", "Ved ikke"],
        ["Ved ikke"],
    ),
    ("surveyxact", "da", ["I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke"], ["Ved ikke"]),
    (
        "surveyxact",
        "da",
        ["Meget tilfreds", "Tilfreds", "Hverken tilfreds eller utilfreds", "Utilfreds", "Meget utilfreds", "Ved ikke"],
        ["Ved ikke"],
    ),
    (
        "surveyxact",
        "da",
        ["Meget godt", "Godt", "Hverken godt eller dårligt", "Dårligt", "Meget dårligt", "Ved ikke"],
        ["Ved ikke"],
    ),
    ("surveyxact", "da", ["Altid", "Ofte", "Af og til", "Sjældent", "Aldrig"], []),
    ("surveyxact", "da", ["Ja", "Nej", "Ved ikke"], ["Ved ikke"]),
    ("surveyxact", "da", ["5 - Helt enig", "4", "3", "2", "1 - Helt uenig", "Ved ikke"], ["Ved ikke"]),
    (
        "surveyxact",
        "nb",
        ["Helt enig", "Delvis enig", "Verken enig eller uenig", "Delvis uenig", "Helt uenig", "Vet ikke"],
        ["Vet ikke"],
    ),
    (
        "surveyxact",
        "nb",
        ["I svært stor grad", "I stor grad", "I noen grad", "I liten grad", "I svært liten grad", "Vet ikke"],
        ["Vet ikke"],
    ),
    (
        "surveyxact",
        "sv",
        [
            "Instämmer helt",
            "Instämmer i stor grad",
            "Instämmer delvis",
            "Instämmer i liten grad",
            "Instämmer inte alls",
            "Vet inte",
        ],
        ["Vet inte"],
    ),
    # Enalyzer (da, nb, sv): the same Danish wordings, and its satisfaction scale.
    (
        "enalyzer",
        "da",
        ["Helt uenig", "Delvist uenig", "Hverken enig eller uenig", "Delvist enig", "Helt enig", "Ved ikke"],
        ["Ved ikke"],
    ),
    (
        "enalyzer",
        "da",
        ["Meget utilfreds", "Utilfreds", "Hverken tilfreds eller utilfreds", "Tilfreds", "Meget tilfreds", "Ved ikke"],
        ["Ved ikke"],
    ),
    (
        "enalyzer",
        "da",
        ["Meget vigtigt", "Vigtigt", "Hverken vigtigt eller uvigtigt", "Uvigtigt", "Meget uvigtigt"],
        [],
    ),
    (
        "enalyzer",
        "nb",
        ["Svært fornøyd", "Fornøyd", "Verken fornøyd eller misfornøyd", "Misfornøyd", "Svært misfornøyd", "Vet ikke"],
        ["Vet ikke"],
    ),
    (
        "enalyzer",
        "sv",
        ["Mycket nöjd", "Nöjd", "Varken nöjd eller missnöjd", "Missnöjd", "Mycket missnöjd", "Vet inte"],
        ["Vet inte"],
    ),
    # Nettskjema (nb, nn, en): the scales of its question bank, and numbered ends.
    (
        "nettskjema",
        "nb",
        ["Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig", "Vet ikke"],
        ["Vet ikke"],
    ),
    (
        "nettskjema",
        "nb",
        ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad", "Vet ikke"],
        ["Vet ikke"],
    ),
    (
        "nettskjema",
        "nb",
        ["Svært dårlig", "Dårlig", "Verken god eller dårlig", "God", "Svært god", "Vet ikke"],
        ["Vet ikke"],
    ),
    ("nettskjema", "nb", ["Aldri", "Sjelden", "Av og til", "Ofte", "Alltid"], []),
    ("nettskjema", "nb", ["Ja", "Nei", "Vet ikke"], ["Vet ikke"]),
    ("nettskjema", "nb", ["1 - Svært misfornøyd", "2", "3", "4", "5 - Svært fornøyd", "Vet ikke"], ["Vet ikke"]),
    (
        "nettskjema",
        "nn",
        ["Heilt ueinig", "Litt ueinig", "Verken einig eller ueinig", "Litt einig", "Heilt einig", "Veit ikkje"],
        ["Veit ikkje"],
    ),
    ("nettskjema", "nn", ["Heilt ueinig", "Ueinig", "Einig", "Heilt einig", "Vet ikkje"], ["Vet ikkje"]),
    (
        "nettskjema",
        "nn",
        ["I svært liten grad", "I liten grad", "I nokon grad", "I stor grad", "I svært stor grad", "Veit ikkje"],
        ["Veit ikkje"],
    ),
    ("nettskjema", "nn", ["Svært misnøgd", "Misnøgd", "Verken nøgd eller misnøgd", "Nøgd", "Svært nøgd"], []),
    (
        "nettskjema",
        "en",
        ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree", "Don't know"],
        ["Don't know"],
    ),
    # Microsoft Forms: the Likert question's default columns, in each language's Forms.
    ("msforms", "en", ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"], []),
    ("msforms", "da", ["Meget uenig", "Uenig", "Neutral", "Enig", "Meget enig"], []),
    ("msforms", "nb", ["Svært uenig", "Uenig", "Nøytral", "Enig", "Svært enig"], []),
    ("msforms", "nn", ["Svært ueinig", "Ueinig", "Nøytral", "Einig", "Svært einig"], []),
    ("msforms", "sv", ["Instämmer inte alls", "Instämmer inte", "Neutral", "Instämmer", "Instämmer helt"], []),
    ("msforms", "en", ["Very unsatisfied", "Unsatisfied", "Neutral", "Satisfied", "Very satisfied"], []),
    # Google Forms: a linear scale exports numbers, its ends labelled only in the form; multiple choice as typed.
    ("googleforms", "en", ["1", "2", "3", "4", "5"], []),
    (
        "googleforms",
        "nb",
        ["Svært misfornøyd", "Misfornøyd", "Nøytral", "Fornøyd", "Svært fornøyd", "Vet ikke"],
        ["Vet ikke"],
    ),
    ("googleforms", "da", ["Ja", "Nej"], []),
    # LimeSurvey: its array questions and label sets as "full answers".
    (
        "limesurvey",
        "en",
        ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"],
        [],
    ),
    ("limesurvey", "en", ["Yes", "Uncertain", "No"], ["Uncertain"]),
    ("limesurvey", "da", ["Ja", "Nej"], []),
    (
        "limesurvey",
        "sv",
        ["Helt enig", "Delvis enig", "Varken enig eller oenig", "Delvis oenig", "Helt oenig", "Vet inte"],
        ["Vet inte"],
    ),
    ("limesurvey", "en", ["1", "2", "3", "4", "5"], []),
    # SurveyMonkey: its answer bank, the positive end first, capitals as it writes them.
    (
        "surveymonkey",
        "en",
        ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"],
        [],
    ),
    (
        "surveymonkey",
        "en",
        ["Extremely satisfied", "Very satisfied", "Somewhat satisfied", "Not so satisfied", "Not at all satisfied"],
        [],
    ),
    (
        "surveymonkey",
        "en",
        ["Extremely likely", "Very likely", "Somewhat likely", "Not so likely", "Not at all likely"],
        [],
    ),
    (
        "surveymonkey",
        "en",
        ["Extremely important", "Very important", "Somewhat important", "Not so important", "Not at all important"],
        [],
    ),
    ("surveymonkey", "en", ["Always", "Usually", "Sometimes", "Rarely", "Never"], []),
    ("surveymonkey", "en", ["Excellent", "Very good", "Good", "Fair", "Poor"], []),
    (
        "surveymonkey",
        "en",
        [
            "Very Satisfied",
            "Satisfied",
            "Neither Satisfied nor Dissatisfied",
            "Dissatisfied",
            "Very Dissatisfied",
            "N/A",
        ],
        ["N/A"],
    ),
    ("surveymonkey", "da", ["Helt enig", "Enig", "Hverken enig eller uenig", "Uenig", "Helt uenig"], []),
    ("surveymonkey", "nb", ["Helt enig", "Enig", "Verken enig eller uenig", "Uenig", "Helt uenig"], []),
    ("surveymonkey", "sv", ["Helt enig", "Enig", "Varken enig eller oenig", "Oenig", "Helt oenig"], []),
]

# The positive end of each scale: the label a reader would call the best answer.
POSITIVE_WORDS = (
    "enig",
    "einig",
    "instämmer helt",
    "agree",
    "høj grad",
    "stor grad",
    "tilfreds",
    "fornøyd",
    "nøgd",
    "nöjd",
    "satisfied",
    "godt",
    "god",
    "altid",
    "alltid",
    "always",
    "ja",
    "yes",
    "vigtigt",
    "important",
    "likely",
    "excellent",
    "5",
)


def ids(row):
    tool, language, labels, _ = row
    return f"{tool}-{language}-{labels[0][:18]}"


def guess(labels: list[str], language: str):
    answers = labels * 3
    random.Random(len(labels) * 7).shuffle(answers)  # the order answers come in says nothing of the scale's
    question = Question("q", "Spørsmål", "q")
    return guess_items([question], pd.DataFrame({"q": answers}, dtype=object), language)["q"]


def test_there_are_at_least_forty_real_scales_from_every_tool_in_every_language():
    assert len(SCALES) >= 40
    assert {tool for tool, *_ in SCALES} >= {
        "surveyxact",
        "enalyzer",
        "nettskjema",
        "msforms",
        "googleforms",
        "limesurvey",
        "surveymonkey",
    }
    assert {language for _, language, *_ in SCALES} >= {"da", "nb", "nn", "sv", "en"}


@pytest.mark.parametrize("row", SCALES, ids=[ids(row) for row in SCALES])
def test_a_tools_scale_is_ordered_low_to_high_with_its_positive_end_on_top_and_dont_know_aside(row):
    tool, language, listed, dont_know = row
    on_scale = [label for label in listed if label not in dont_know]
    found = guess(listed, language)
    assert found.kind == "likert", f"{tool}: {listed} drafted as {found.kind} {found.labels}"
    assert sorted(found.labels) == sorted(on_scale)  # every label on the scale, none added, "don't know" not among them
    assert found.dont_know == dont_know
    # Tools list the positive end first or last; either way the draft puts it on top.
    assert found.labels in (on_scale, on_scale[::-1])
    top = found.labels[-1].casefold()
    assert any(word in top for word in POSITIVE_WORDS) and not top.startswith(("ikke", "not ", "u", "mis", "dis")), (
        found.labels
    )


def test_the_danish_delvist_scale_is_a_scale_with_ved_ikke_aside_in_the_draft_not_a_choice_in_alphabetical_order():
    labels = ["Helt uenig", "Delvist uenig", "Hverken enig eller uenig", "Delvist enig", "Helt enig", "Ved ikke"]
    answers = pd.DataFrame(
        {"q1": ["Delvist enig", "Helt enig", "Ved ikke", "Hverken enig eller uenig", "Delvist enig", "Helt uenig"]},
        dtype=object,
    )
    export = Export(
        "surveyxact",
        "Datasæt.xlsx",
        [Question("q1", "Samarbejdet fungerer godt", "q1")],
        answers,
        [f"r{n}" for n in range(6)],
        list(range(2, 8)),
        [""] * 6,
    )
    draft = draft_codebook(export, to_canonical(export, wave="2025"), language="da")
    [scale] = draft.scales.values()
    assert scale.labels == labels[:5]
    assert scale.positive == ["Delvist enig", "Helt enig"]
    assert scale.dont_know == ["Ved ikke"]
    assert "Delvist uenig" in scale.unseen  # nobody chose it: added from the vocabulary, and said so
    assert "kind: choice" not in draft.text
