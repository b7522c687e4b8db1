"""Scales in their real order, never guessed silently; the item kinds a survey really has (choice, multi, number).

The draft codebook orders answer labels by what they mean, marks every guess `confirmed: false`, and `validate` and
`run` refuse to report from a guess until the user has confirmed it. survey.csv cells of the new kinds are checked
with the row a spreadsheet shows.
"""

import csv
import random
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from pydantic import ValidationError

from pipeline.analysis import survey as sv
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.importers import import_survey
from pipeline.importers.export import Question
from pipeline.importers.kinds import guess_items
from pipeline.project import load_project
from pipeline.spec import Item, ProjectSpec
from pipeline.tables import parse_survey

# --- the order of known vocabularies -----------------------------------------------------------------------------

# Each scale low to high, as questionnaires in that language write it.
ORDERED = [
    ("da", "agreement", ["Helt uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Helt enig"]),
    (
        "da",
        "satisfaction",
        ["Meget utilfreds", "Utilfreds", "Hverken tilfreds eller utilfreds", "Tilfreds", "Meget tilfreds"],
    ),
    ("da", "extent", ["Slet ikke", "I mindre grad", "I nogen grad", "I høj grad"]),  # "i høj grad … slet ikke"
    ("da", "extent", ["I meget lav grad", "I lav grad", "I nogen grad", "I høj grad", "I meget høj grad"]),
    ("da", "frequency", ["Aldrig", "Sjældent", "Af og til", "Ofte", "Altid"]),
    ("da", "quality", ["Meget dårlig", "Dårlig", "Hverken god eller dårlig", "God", "Meget god"]),
    ("da", "importance", ["Ikke vigtigt", "Lidt vigtigt", "Vigtigt", "Meget vigtigt"]),
    ("nb", "agreement", ["Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig"]),
    (
        "nb",
        "satisfaction",
        ["Svært misfornøyd", "Misfornøyd", "Verken fornøyd eller misfornøyd", "Fornøyd", "Svært fornøyd"],
    ),
    ("nb", "extent", ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]),
    ("nb", "frequency", ["Aldri", "Sjelden", "Av og til", "Ofte", "Alltid"]),
    ("nb", "quality", ["Svært dårlig", "Dårlig", "Middels", "God", "Svært god"]),
    ("nb", "importance", ["Ikke viktig", "Litt viktig", "Ganske viktig", "Veldig viktig"]),
    ("nn", "agreement", ["Heilt ueinig", "Litt ueinig", "Verken einig eller ueinig", "Litt einig", "Heilt einig"]),
    ("nn", "satisfaction", ["Svært misnøgd", "Misnøgd", "Verken nøgd eller misnøgd", "Nøgd", "Svært nøgd"]),
    ("nn", "extent", ["I svært liten grad", "I liten grad", "I nokon grad", "I stor grad", "I svært stor grad"]),
    ("nn", "frequency", ["Aldri", "Sjeldan", "Av og til", "Ofte", "Alltid"]),
    ("nn", "quality", ["Svært dårleg", "Dårleg", "Verken god eller dårleg", "God", "Svært god"]),
    ("nn", "importance", ["Ikkje viktig", "Litt viktig", "Ganske viktig", "Svært viktig"]),
    (
        "sv",
        "agreement",
        [
            "Instämmer inte alls",
            "Instämmer i liten grad",
            "Instämmer delvis",
            "Instämmer i stor grad",
            "Instämmer helt",
        ],
    ),
    ("sv", "satisfaction", ["Mycket missnöjd", "Missnöjd", "Varken nöjd eller missnöjd", "Nöjd", "Mycket nöjd"]),
    ("sv", "extent", ["Inte alls", "I liten grad", "I viss grad", "I hög grad", "I mycket hög grad"]),
    ("sv", "frequency", ["Aldrig", "Sällan", "Ibland", "Ofta", "Alltid"]),
    ("sv", "quality", ["Mycket dålig", "Dålig", "Varken bra eller dålig", "Bra", "Mycket bra"]),
    ("sv", "importance", ["Inte alls viktigt", "Inte särskilt viktigt", "Ganska viktigt", "Mycket viktigt"]),
    ("en", "agreement", ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]),
    (
        "en",
        "satisfaction",
        ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"],
    ),
    (
        "en",
        "extent",
        ["Not at all", "To a small extent", "To some extent", "To a large extent", "To a very large extent"],
    ),
    ("en", "frequency", ["Never", "Rarely", "Sometimes", "Often", "Always"]),
    ("en", "quality", ["Very poor", "Poor", "Fair", "Good", "Very good"]),
    (
        "en",
        "importance",
        ["Not at all important", "Slightly important", "Moderately important", "Very important", "Extremely important"],
    ),
]


def guessed(
    values: list[str],
    text: str = "Spørsmål",
    labels: list[str] | None = None,
    kind: str | None = None,
    language: str | None = None,
):
    """The guess for one question whose answers are `values` (and whose tool lists `labels`, when given)."""
    question = Question("q", text, "q", kind=kind, labels=labels)
    return guess_items([question], pd.DataFrame({"q": values}, dtype=object), language)["q"]


@pytest.mark.parametrize(
    ("language", "vocabulary", "labels"), ORDERED, ids=[f"{lang}-{voc}-{len(labels)}" for lang, voc, labels in ORDERED]
)
def test_a_known_vocabulary_is_put_low_to_high_whatever_order_the_answers_come_in(language, vocabulary, labels):
    answers = labels * 2
    random.Random(len(labels)).shuffle(answers)  # alphabetical or first-seen order would not give the scale's
    guess = guessed(answers, language=language)
    assert guess.kind == "likert"
    assert guess.labels == labels
    assert (guess.fit.vocabulary, guess.fit.language) == (vocabulary, language)


def test_a_scale_listed_high_to_low_by_the_tool_is_turned_round():
    guess = guessed(["I høj grad", "Slet ikke"], labels=["I høj grad", "I nogen grad", "I mindre grad", "Slet ikke"])
    assert guess.labels == ["Slet ikke", "I mindre grad", "I nogen grad", "I høj grad"]


@pytest.mark.parametrize(
    ("answers", "order"),
    [
        (
            ["Mer enn 6 timer", "2-4 timer", "Mindre enn 2 timer", "4-6 timer"],
            ["Mindre enn 2 timer", "2-4 timer", "4-6 timer", "Mer enn 6 timer"],
        ),
        (["3 eller flere", "0", "1-2"], ["0", "1-2", "3 eller flere"]),
        (
            ["More than 2 hours", "Less than 1 hour", "1-2 hours"],
            ["Less than 1 hour", "1-2 hours", "More than 2 hours"],
        ),
        (["Over 40 år", "18-25 år", "Under 18 år", "26-40 år"], ["Under 18 år", "18-25 år", "26-40 år", "Over 40 år"]),
        (["3 ganger eller mer", "Ingen", "1-2 ganger"], ["Ingen", "1-2 ganger", "3 ganger eller mer"]),
    ],
)
def test_labels_holding_numbers_are_put_in_the_order_of_their_numbers(answers, order):
    guess = guessed(answers * 2)
    assert (guess.kind, guess.labels) == ("likert", order)


def test_labels_counting_different_things_or_naming_teams_are_not_ordered_by_their_numbers():
    # 'months' and 'year' in one list: by the numbers alone 'More than 1 year' would come before '6 months'.
    assert guessed(["0-6 months ago", "6 months - 1 year ago", "More than 1 year ago"] * 2).kind == "choice"
    assert guessed(["Team 2", "Team 1", "Team 3"] * 2).kind == "choice"


@pytest.mark.parametrize(
    ("answers", "text", "labels"),
    [
        (["1", "2", "3", "4", "5", "4"], "Hvor fornøyd er du?", [str(n) for n in range(1, 6)]),
        (["2", "3", "6", "5"], "På en skala fra 1 til 7, hvor nyttig var kurset?", [str(n) for n in range(1, 8)]),
        (["0", "3", "10", "7"], "Hvor godt trives du, fra 0 til 10?", [str(n) for n in range(11)]),
    ],
)
def test_numeric_answers_become_a_numeric_scale_with_the_ends_the_question_states(answers, text, labels):
    guess = guessed(answers, text)
    assert (guess.kind, guess.labels) == ("likert", labels)


def test_zero_to_ten_about_recommending_is_nps_and_a_count_is_a_number():
    assert guessed(["0", "9", "10", "7"], "Hvor sannsynlig er det at du vil anbefale kurset?").kind == "nps"
    assert guessed(["2", "0", "3", "1"], "Hvor mange barn har du?").kind == "number"
    assert guessed(["2,5", "10", "1984", "-3"], "Timer i uka").kind == "number"


def test_answers_without_an_order_become_a_choice_in_the_tools_order_or_else_alphabetically():
    answers = ["Tønsberg", "Horten", "Larvik", "Horten", "Larvik", "Tønsberg"]
    guess = guessed(answers, "Hvilken kommune bor du i?")
    assert (guess.kind, guess.labels, guess.confirmed) == ("choice", ["Horten", "Larvik", "Tønsberg"], False)
    listed = guessed(answers[:2], "Hvilken kommune bor du i?", labels=["Tønsberg", "Larvik", "Horten"])
    assert (listed.kind, listed.labels) == ("choice", ["Tønsberg", "Larvik", "Horten"])


def test_answers_joining_options_with_semicolons_are_tick_all_that_apply():
    guess = guessed(["Kurs;Nettverk", "Nettverk", "Kurs;Konferanse;", "Konferanse", "Kurs"])
    assert (guess.kind, guess.confirmed) == ("multi", False)
    assert guess.labels[0] == "Kurs" and sorted(guess.labels) == [
        "Konferanse",
        "Kurs",
        "Nettverk",
    ]  # as the cells list them
    # A tool that says a question is multi-select is sure of it; its options come in its order.
    told = guessed(["Bolig; Job"], kind="multi", labels=["Job", "Bolig", "Fritid"])
    assert (told.kind, told.labels, told.confirmed) == ("multi", ["Job", "Bolig", "Fritid"], True)
    assert guessed(["Fint kurs; godt opplegg", "Bra; men for langt", "Nyttig"]).kind == "text"  # comments, not options


# --- the draft codebook, made from an export ---------------------------------------------------------------------


def export(folder: Path, columns: dict[str, list[str]], language: str | None = None) -> Path:
    """A Google Forms export with these question columns, in a project folder of that language (when given)."""
    folder.mkdir(parents=True, exist_ok=True)
    if language:
        (folder / "project.yaml").write_text(
            f"title: T\nowner: O\nlanguage: {language}\nperiod: {{start: 2024, end: 2025}}\n", encoding="utf-8"
        )
    rows = len(next(iter(columns.values())))
    path = folder.parent / f"{folder.name}-export.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["Timestamp", *columns])
        for row in range(rows):
            writer.writerow([f"2024/10/0{row % 9 + 1} 10:00:00", *(values[row] for values in columns.values())])
    return path


def drafted(tmp_path: Path, columns: dict[str, list[str]], language: str | None = None, name: str = "p"):
    folder = tmp_path / "inputs" / name
    result = import_survey("googleforms", export(folder, columns, language), folder)
    return (
        result,
        yaml.safe_load(result.draft_path.read_text(encoding="utf-8")),
        result.draft_path.read_text(encoding="utf-8"),
    )


AGREEMENT_NB = ["Helt enig", "Litt enig", "Vet ikke", "Litt uenig", "Helt enig", "Verken enig eller uenig"]


def test_items_with_the_same_labels_share_one_scale_marked_unconfirmed_under_a_comment_saying_what_was_guessed(
    tmp_path,
):
    result, codebook, text = drafted(
        tmp_path,
        {"Kurset var nyttig for meg i jobben": AGREEMENT_NB, "Jeg lærte mye jeg kan bruke": AGREEMENT_NB[::-1]},
    )
    assert codebook["items"]["q1"]["scale"] == codebook["items"]["q2"]["scale"] == "agreement5_nb"
    assert list(codebook["scales"]) == ["agreement5_nb"]
    scale = codebook["scales"]["agreement5_nb"]
    assert scale["labels"] == ["Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig"]
    assert scale["positive"] == ["Litt enig", "Helt enig"] and scale["dont_know"] == ["Vet ikke"]
    assert scale["confirmed"] is False
    comment = (
        "  # guessed: order from the Norwegian bokmål agreement vocabulary; 'Helt uenig' added (nobody chose "
        "it); top two positive; "
        "'Vet ikke' as don't know. Check, then set confirmed: true\n  agreement5_nb:\n"
    )
    assert comment in text


def test_a_scale_nobody_answered_in_the_middle_says_the_wording_with_a_middle_fits_too(tmp_path):
    result, codebook, _ = drafted(
        tmp_path, {"Hvor fornøyd er du med tilbudet?": ["Svært fornøyd", "Fornøyd", "Misfornøyd", "Fornøyd"]}
    )
    assert codebook["scales"]["satisfaction4_nb"]["labels"] == [
        "Svært misfornøyd",
        "Misfornøyd",
        "Fornøyd",
        "Svært fornøyd",
    ]
    assert result.draft.scales["satisfaction4_nb"].guessed.startswith(
        "order from the Norwegian bokmål satisfaction vocabulary (a wording that adds 'Verken fornøyd eller "
        "misfornøyd' fits too)"
    )


@pytest.mark.parametrize(("language", "no"), [("da", "Nej"), ("nb", "Nei")])
def test_a_yes_no_question_gets_both_answers_in_the_reports_language_even_when_only_yes_was_given(
    tmp_path, language, no
):
    _, codebook, _ = drafted(tmp_path, {"Har du deltatt før?": ["Ja", "Ja", "Ja"]}, language)
    scale = codebook["scales"][codebook["items"]["q1"]["scale"]]
    assert (scale["labels"], scale["positive"], scale["confirmed"]) == ([no, "Ja"], ["Ja"], False)


def test_a_yes_no_question_keeps_its_own_spelling_and_takes_dont_know_aside(tmp_path):
    _, codebook, text = drafted(
        tmp_path, {"Fikk du hjelp?": ["Nei", "Ja", "Vet ikke", "Ja"], "Did it help?": ["Yes", "Yes", "Yes", "Yes"]}
    )
    first, second = (codebook["scales"][codebook["items"][q]["scale"]] for q in ("q1", "q2"))
    assert (first["labels"], first["positive"], first["dont_know"]) == (["Nei", "Ja"], ["Ja"], ["Vet ikke"])
    assert (second["labels"], second["positive"]) == (["No", "Yes"], ["Yes"])
    assert (
        "# guessed: a yes/no question; 'No' added (nobody chose it); 'Yes' positive. Check, then set confirmed: true"
        in text
    )


def test_choice_number_and_multi_items_are_written_with_their_options_and_unconfirmed_where_guessed(tmp_path):
    _, codebook, text = drafted(
        tmp_path,
        {
            "Hvilken kommune bor du i?": ["Larvik", "Horten", "Larvik", "Horten"],
            "Hvor mange timer brukte du?": ["2,5", "10", "4", "0"],
            "Hvilke møter deltok du på?": ["Kurs;Nettverk", "Nettverk", "Kurs", "Kurs;Nettverk"],
        },
    )
    items = codebook["items"]
    assert items["q1"] == {
        "text": "Hvilken kommune bor du i?",
        "kind": "choice",
        "options": ["Horten", "Larvik"],
        "confirmed": False,
    }
    assert items["q2"] == {"text": "Hvor mange timer brukte du?", "kind": "number", "confirmed": False}
    assert items["q3"] == {
        "text": "Hvilke møter deltok du på?",
        "kind": "multi",
        "options": ["Kurs", "Nettverk"],
        "separator": ";",
        "confirmed": False,
    }
    assert "# guessed: no known order in the answers, so a choice" in text
    assert not codebook.get("scales")


# --- confirming: validate and run refuse a guess ------------------------------------------------------------------


def test_a_pasted_draft_is_refused_until_each_guess_is_confirmed_then_validates(tmp_path):
    result, _, text = drafted(
        tmp_path,
        {
            "Kurset var nyttig for meg i jobben": AGREEMENT_NB,
            "Hvilken kommune bor du i?": ["Larvik", "Horten", "Larvik", "Horten", "Larvik", "Horten"],
        },
        language="nb",
    )
    folder = result.survey_path.parent
    project = folder / "project.yaml"
    project.write_text(
        project.read_text(encoding="utf-8") + "files: {survey: survey.csv}\nsurvey:\n" + _indented(text),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_project(folder)
    problems = {p.field: p for p in caught.value.problems}
    assert set(problems) == {"survey.scales.agreement5_nb.confirmed", "survey.items.q2.confirmed"}
    scale = problems["survey.scales.agreement5_nb.confirmed"]
    lines = project.read_text(encoding="utf-8").splitlines()
    assert scale.file == "project.yaml" and lines[scale.row - 1].strip() == "confirmed: false"
    assert (
        scale.expected
        == "true after you checked the order of the labels (low to high) and which are positive: set confirmed: true"
    )
    assert scale.found == (
        "false (guessed: order from the Norwegian bokmål agreement vocabulary; 'Helt uenig' added (nobody "
        "chose it); top two positive; 'Vet ikke' as don't know)"
    )
    assert problems["survey.items.q2.confirmed"].found.startswith(
        "false (guessed: no known order in the answers, so a choice"
    )

    project.write_text(
        project.read_text(encoding="utf-8").replace("confirmed: false", "confirmed: true"), encoding="utf-8"
    )
    assert len(load_project(folder).survey) == 6


def _indented(text: str) -> str:
    return "".join(f"  {line}\n" if line else "\n" for line in text.splitlines())


def unconfirm_the_example_scale(folder: Path) -> None:
    project = folder / "project.yaml"
    text = project.read_text(encoding="utf-8")
    guessed_scale = (
        "    # guessed: order from the Norwegian bokmål agreement vocabulary; top two positive. Check, then set "
        "confirmed: true\n    enig5:\n"
    )
    text = text.replace("    enig5:\n", guessed_scale).replace(
        "      dont_know: [Vet ikke]\n", "      dont_know: [Vet ikke]\n      confirmed: false\n"
    )
    project.write_text(text, encoding="utf-8")


def test_validate_names_the_unconfirmed_scale_what_was_guessed_and_how_to_confirm(example_copy, capsys):
    unconfirm_the_example_scale(example_copy)
    assert main(["--inputs", str(example_copy.parent), "validate", example_copy.name]) == 1
    out = capsys.readouterr().out
    line = next(
        n
        for n, text in enumerate((example_copy / "project.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if "confirmed: false" in text
    )
    assert (
        f"project.yaml, row {line}, field 'survey.scales.enig5.confirmed': expected true after you checked "
        "the order of the labels "
        "(low to high) and which are positive: set confirmed: true, found false (guessed: order from the "
        "Norwegian bokmål "
        "agreement vocabulary; top two positive)"
    ) in out


def test_run_refuses_an_unconfirmed_scale_and_publishes_nothing(example_copy, tmp_path, capsys):
    unconfirm_the_example_scale(example_copy)
    reports = tmp_path / "reports"
    code = main(
        ["--inputs", str(example_copy.parent), "--reports", str(reports), "run", example_copy.name, "--format", "html"]
    )
    assert code != 0
    err = capsys.readouterr().err
    assert "field 'survey.scales.enig5.confirmed': expected true after you checked" in err
    assert "found false (guessed: order from the Norwegian bokmål agreement vocabulary; top two positive)" in err
    assert not reports.exists() or not any(path.is_file() for path in reports.rglob("*"))


def test_a_hand_written_scale_is_confirmed_without_saying_so(example_copy):
    assert load_project(example_copy).spec.survey.scales["enig5"].confirmed is True


# --- survey.csv cells of choice, number and multi items ----------------------------------------------------------

CODEBOOK = {
    "waves": [{"id": "2024", "label": "Høst 2024", "year": 2024}],
    "groups": {"alle": "Alle"},
    "items": {
        "kommune": {"text": "Hvor bor du?", "kind": "choice", "options": ["Horten", "Larvik"]},
        "timer": {"text": "Hvor mange timer?", "kind": "number"},
        "moter": {"text": "Hvilke møter?", "kind": "multi", "options": ["Kurs", "Nettverk"], "separator": ";"},
        "kanal": {
            "text": "Hvor fikk du vite om det?",
            "kind": "multi",
            "columns": {"kanal_epost": "E-post", "kanal_nett": "Nettside"},
        },
    },
}


def survey(tmp_path: Path, rows: list[list[str]], delimiter: str = ",") -> pd.DataFrame:
    spec = ProjectSpec.model_validate(
        {"title": "t", "owner": "o", "language": "nb", "period": {"start": 2024, "end": 2025}, "survey": CODEBOOK}
    )
    path = tmp_path / "survey.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=delimiter)
        writer.writerow(
            ["respondent_id", "wave", "group", "unit", "kommune", "timer", "moter", "kanal_epost", "kanal_nett"]
        )
        writer.writerows([[f"r{n}", "2024", "alle", "", *row] for n, row in enumerate(rows, 1)])
    return parse_survey(path, spec)


def test_choice_number_and_multi_cells_are_read_as_the_analysis_needs_them(tmp_path):
    frame = survey(
        tmp_path,
        [
            ["Larvik", "2,5", "Nettverk; Kurs", "1", ""],
            ["", "10", "", "", ""],
            ["Horten", "-1.5", "Kurs;", "0", "Nettside"],
        ],
    )
    assert list(frame["kommune"]) == ["Larvik", None, "Horten"]
    assert list(frame["timer"]) == [2.5, 10.0, -1.5]
    assert list(frame["moter"]) == [("Kurs", "Nettverk"), None, ("Kurs",)]  # in the questionnaire's order
    assert list(frame["kanal"]) == [
        ("E-post",),
        None,
        ("Nettside",),
    ]  # 0 is answered, not ticked; all empty is no answer
    assert "kanal_epost" not in frame.columns
    assert list(frame["timer"]) == list(
        survey(tmp_path, [["", "2,5", "", "", ""], ["", "10", "", "", ""], ["", "-1,5", "", "", ""]], ";")["timer"]
    )
    codebook = ProjectSpec.model_validate(
        {"title": "t", "owner": "o", "language": "nb", "period": {"start": 2024, "end": 2025}, "survey": CODEBOOK}
    ).survey
    assert (
        sv.likert_items(codebook) == sv.nps_items(codebook) == sv.text_items(codebook) == []
    )  # the report's sections skip them


def test_a_cell_not_among_the_options_or_not_a_number_is_a_problem_naming_row_and_column(tmp_path):
    with pytest.raises(InputError) as caught:
        survey(tmp_path, [["Larvik", "mange", "Kurs", "1", ""], ["Sandefjord", "3", "Kurs; Fest", "ja takk", "1"]])
    found = {(p.row, p.field): p for p in caught.value.problems}
    assert set(found) == {(2, "timer"), (3, "kommune"), (3, "moter"), (3, "kanal_epost")}
    assert found[(2, "timer")].expected == "a number such as 12 or 2,5 (a count or an amount), or empty"
    assert found[(2, "timer")].found == "'mange'"
    assert (found[(3, "kommune")].expected, found[(3, "kommune")].found) == (
        "one of the options in project.yaml: 'Horten', 'Larvik'",
        "'Sandefjord'",
    )
    assert found[(3, "moter")].found == "'Kurs; Fest' ('Fest' not among them)"
    assert found[(3, "kanal_epost")].expected == "1 or 'E-post' when the option is ticked, 0 or an empty cell when not"
    assert all(p.file == "survey.csv" for p in caught.value.problems)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"kind": "choice"}, "a choice item needs 'options'"),
        ({"kind": "multi", "options": ["A"], "columns": {"c": "A"}}, "either 'options'"),
        ({"kind": "number", "options": ["A", "B"]}, "only choice and multi items have 'options'"),
        ({"kind": "choice", "options": ["A", "A"]}, "each option once"),
    ],
)
def test_the_codebook_refuses_an_item_whose_fields_do_not_fit_its_kind(item, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        Item.model_validate({"text": "Spørsmål", **item})
