"""The column of respondent groups is never silently an item: named as the group column it is not also an item,
and a column whose answers look like the groups is drafted as a guess to confirm, saying how to import it as groups."""

from pathlib import Path

import pandas as pd
import yaml

from pipeline.cli import main

EXPORT = """Løbenr;Hvem deltager du som?;Hvilket tilbud brugte du?;Jeg bliver hørt
1;Borger;Café;Helt enig
2;Borger;Café;Delvist enig
3;Medarbejder;Værksted;Helt uenig
4;Politiker;Værksted;Delvist enig
5;Borger;Café;Ved ikke
6;Medarbejder;Værksted;Helt enig
"""


def imported(tmp_path: Path, capsys, *options: str, text: str = EXPORT) -> tuple[dict, str, pd.DataFrame]:
    export = tmp_path / "svar.csv"
    export.write_text(text, encoding="utf-8")
    inputs = tmp_path / "inputs"
    command = [
        "--inputs",
        str(inputs),
        "import",
        "--from",
        "csv",
        str(export),
        "--project",
        "p",
        "--wave",
        "2025",
        "--id-column",
        "Løbenr",
        *options,
    ]
    assert main(command) == 0, capsys.readouterr().err
    text = (inputs / "p" / "codebook.draft.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text), capsys.readouterr().out, pd.read_csv(inputs / "p" / "survey.csv", dtype=str)


def test_a_column_named_as_the_group_column_is_the_groups_and_not_an_item(tmp_path, capsys):
    draft, _, survey = imported(tmp_path, capsys, "--group-column", "Hvem deltager du som?")
    assert "Hvem deltager du som?" not in [item["text"] for item in draft["items"].values()]
    assert list(draft["groups"]) == ["Borger", "Medarbejder", "Politiker"]
    assert list(survey.columns[:4]) == ["respondent_id", "wave", "group", "unit"] and len(survey.columns) == 6


def test_a_question_asking_who_the_respondent_is_is_drafted_as_a_guess_saying_how_to_make_it_the_groups(
    tmp_path, capsys
):
    draft, out, _ = imported(tmp_path, capsys)
    [who] = [item for item in draft["items"].values() if item["text"] == "Hvem deltager du som?"]
    assert who["confirmed"] is False  # validate and run refuse it until the user has decided
    assert 'import again with --group-column "Hvem deltager du som?"' in out
    text = (tmp_path / "inputs" / "p" / "codebook.draft.yaml").read_text(encoding="utf-8")
    assert "# guessed: the question asks who the respondent is, so these may be the respondents' groups" in text
    # An ordinary choice is not taken for groups.
    assert "may be the respondents' groups: if so, import again with --group-column \"Hvilket tilbud" not in text


def test_answers_that_are_the_projects_groups_are_a_guess_whatever_the_heading(tmp_path, capsys):
    folder = tmp_path / "inputs" / "p"
    folder.mkdir(parents=True)
    (folder / "project.yaml").write_text(
        "title: t\nsurvey:\n  groups: {borger: Borgere, medarbejder: Medarbejdere, politiker: Politikere}\n",
        encoding="utf-8",
    )
    draft, out, _ = imported(tmp_path, capsys, text=EXPORT.replace("Hvem deltager du som?", "Kategori"))
    [category] = [item_id for item_id, item in draft["items"].items() if item["text"] == "Kategori"]
    assert f"respondent groups, not questions: {category}" in out
    text = (folder / "codebook.draft.yaml").read_text(encoding="utf-8")
    assert "# guessed: its answers are the project's groups (Borger, Medarbejder, Politiker)" in text
