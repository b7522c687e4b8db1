"""Adding, not replacing: a new survey wave and new figures added to a project's tables, the project's codebook kept
and only what is new drafted, and a refused import leaving every file as it was."""

from pathlib import Path

import pandas as pd
import pytest
import yaml

from pipeline.cli import main

GROUP = "Hvem deltager du som?"
WAVE_1 = """Løbenr;Hvem deltager du som?;Samarbejdet fungerer godt;Jeg bliver hørt
1;Borger;Helt enig;Delvist enig
2;Borger;Delvist uenig;Ved ikke
3;Medarbejder;Helt uenig;Hverken enig eller uenig
4;Politiker;Delvist enig;Helt enig
"""

# The second wave asks the same two questions in another order, and one new question.
WAVE_2 = """Løbenr;Hvem deltager du som?;Jeg bliver hørt;Mødernes form er god;Samarbejdet fungerer godt
11;Borger;Helt enig;Ja;Helt enig
12;Medarbejder;Delvist enig;Nej;Delvist enig
13;Borger;Hverken enig eller uenig;Ja;Helt uenig
"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def run(inputs: Path, *args: str) -> int:
    return main(["--inputs", str(inputs), *args])


@pytest.fixture
def project(tmp_path):
    """A project as `evalreport new` writes it: tables holding only their headers."""
    inputs = tmp_path / "inputs"
    assert run(inputs, "new", "forum", "--language", "da", "--kind", "forum") == 0
    return inputs


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def survey(inputs: Path) -> pd.DataFrame:
    return pd.read_csv(inputs / "forum" / "survey.csv", dtype=str, keep_default_na=False)


def test_importing_into_the_tables_new_wrote_needs_no_force_and_a_table_with_data_does(project, tmp_path, capsys):
    export = write(tmp_path / "wave1.csv", WAVE_1)
    common = [
        "import",
        "--from",
        "csv",
        str(export),
        "--project",
        "forum",
        "--id-column",
        "Løbenr",
        "--group-column",
        "Hvem deltager du som?",
    ]
    assert run(project, *common, "--wave", "2025") == 0, capsys.readouterr().err
    assert survey(project)["respondent_id"].tolist() == ["1", "2", "3", "4"]
    capsys.readouterr()
    assert run(project, *common, "--wave", "2026") == 2
    assert (
        "codebook.draft.yaml already hold data: give --append to add to it, or --force to replace it"
        in capsys.readouterr().err
    )


def test_a_second_wave_is_appended_after_the_first_with_known_questions_under_their_ids(project, tmp_path, capsys):
    common = ["--from", "csv", "--project", "forum", "--id-column", "Løbenr", "--group-column", GROUP]
    assert run(project, "import", str(write(tmp_path / "w1.csv", WAVE_1)), *common, "--wave", "2025") == 0
    first = survey(project)
    # The user named the first wave's items in project.yaml; the draft is pasted in.
    draft = yaml.safe_load((project / "forum" / "codebook.draft.yaml").read_text(encoding="utf-8"))
    ids = {item["text"]: item_id for item_id, item in draft["items"].items()}
    assert set(ids) >= {"Samarbejdet fungerer godt", "Jeg bliver hørt"}
    assert "Hvem deltager du som?" not in ids  # the group column is not an item too

    capsys.readouterr()
    assert (
        run(project, "import", str(write(tmp_path / "w2.csv", WAVE_2)), *common, "--wave", "2026", "--append") == 0
    ), capsys.readouterr().err
    out = capsys.readouterr().out
    assert "appended wave 2026 to survey.csv, which had 4 row(s) (waves: 2025)" in out
    table = survey(project)
    assert table["wave"].tolist() == ["2025"] * 4 + ["2026"] * 3
    assert (
        table.iloc[:4].drop(columns=[c for c in table.columns if c not in first.columns]).equals(first)
    )  # first rows untouched
    # The same question keeps its column whatever the export calls it or where it stands.
    hoert = ids["Jeg bliver hørt"]
    assert table[hoert].tolist() == [
        "Delvist enig",
        "Ved ikke",
        "Hverken enig eller uenig",
        "Helt enig",
        "Helt enig",
        "Delvist enig",
        "Hverken enig eller uenig",
    ]
    # The new question has a new id, blank in the first wave's rows, and no id of the first wave's.
    merged = yaml.safe_load((project / "forum" / "codebook.draft.yaml").read_text(encoding="utf-8"))
    new = [item_id for item_id, item in merged["items"].items() if item["text"] == "Mødernes form er god"]
    assert len(new) == 1 and new[0] not in ids.values()
    assert table[new[0]].tolist() == [""] * 4 + ["Ja", "Nej", "Ja"]
    assert [str(w["id"]) for w in merged["waves"]] == ["2025", "2026"]


def test_the_draft_keeps_the_projects_items_and_scales_and_drafts_only_what_is_new(project, tmp_path):
    yaml_path = project / "forum" / "project.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    # The user wrote the first question into the template's item `hoert`, with a scale of the Danish "Delvist" words.
    text = text.replace(
        'hoert: {text: "TODO: spørgsmålet, som spørgeskemaet formulerer det", scale: enig5}',
        'hoert: {text: "Jeg bliver hørt", scale: delvist5}',
    )
    text = text.replace(
        "    enig5:\n",
        "    delvist5:\n      labels: [Helt uenig, Delvist uenig, Hverken enig eller uenig, Delvist enig, Helt enig]\n"
        "      positive: [Delvist enig, Helt enig]\n      dont_know: [Ved ikke]\n    enig5:\n",
    )
    write(yaml_path, text)
    assert (
        run(
            project,
            "import",
            "--from",
            "csv",
            str(write(tmp_path / "w1.csv", WAVE_1)),
            "--project",
            "forum",
            "--id-column",
            "Løbenr",
            "--group-column",
            "Hvem deltager du som?",
            "--wave",
            "2025",
        )
        == 0
    )
    draft_text = (project / "forum" / "codebook.draft.yaml").read_text(encoding="utf-8")
    draft = yaml.safe_load(draft_text)
    assert draft["items"]["hoert"] == {"text": "Jeg bliver hørt", "scale": "delvist5"}  # known: kept as written
    assert survey(project)["hoert"].tolist() == ["Delvist enig", "Ved ikke", "Hverken enig eller uenig", "Helt enig"]
    [new] = [item for item in draft["items"].values() if item["text"] == "Samarbejdet fungerer godt"]
    assert new["scale"] == "delvist5"  # the same labels: the project's own scale, not a second one
    assert list(draft["scales"]) == ["delvist5", "enig5"]  # nothing drafted: no new scale
    # The project's groups, then the new codes; an answer that is a group's code in another case is that group.
    assert list(draft["groups"]) == ["borger", "frivillig", "medarbejder", "partner", "Politiker"]
    assert survey(project)["group"].tolist() == ["borger", "borger", "medarbejder", "Politiker"]
    assert draft["items"]["anbefale"]["kind"] == "nps"  # the template's items are kept
    assert [str(w["id"]) for w in draft["waves"]] == ["2025"]  # the TODO placeholder wave gave way to the real one


def test_a_wave_already_there_is_refused_unless_replaced_and_a_refusal_changes_no_file(project, tmp_path, capsys):
    common = ["--from", "csv", "--project", "forum", "--id-column", "Løbenr", "--group-column", GROUP]
    assert run(project, "import", str(write(tmp_path / "w1.csv", WAVE_1)), *common, "--wave", "2025") == 0
    before = files(project / "forum")
    capsys.readouterr()
    assert run(project, "import", str(write(tmp_path / "w2.csv", WAVE_2)), *common, "--wave", "2025", "--append") == 2
    assert "already has wave '2025' (4 rows): give another --wave, or --replace-wave" in capsys.readouterr().err
    assert files(project / "forum") == before
    # The same export again as another wave: its respondent ids are there already.
    assert run(project, "import", str(tmp_path / "w1.csv"), *common, "--wave", "2026", "--append") == 2
    err = capsys.readouterr().err
    assert "w1.csv, row 2, field 'Løbenr'" in err and "'1', in survey.csv row 2 (wave '2025') already" in err
    assert files(project / "forum") == before
    assert (
        run(project, "import", str(tmp_path / "w2.csv"), *common, "--wave", "2025", "--append", "--replace-wave") == 0
    )
    assert survey(project)["respondent_id"].tolist() == ["11", "12", "13"]
    assert "replaced wave '2025': its 4 earlier row(s) dropped" in capsys.readouterr().out


def test_made_up_respondent_ids_are_numbered_on_so_two_waves_never_share_one(project, tmp_path):
    common = ["--from", "csv", "--project", "forum", "--group-column", "Hvem deltager du som?", "--drop", "Løbenr"]
    assert run(project, "import", str(write(tmp_path / "w1.csv", WAVE_1)), *common, "--wave", "2025") == 0
    assert run(project, "import", str(write(tmp_path / "w2.csv", WAVE_2)), *common, "--wave", "2026", "--append") == 0
    assert survey(project)["respondent_id"].tolist() == ["r0001", "r0002", "r0003", "r0004", "r0005", "r0006", "r0007"]


FIGURES_2020 = """region;år;statistikkvariabel;value
K-3001 Halden;2020;Vedtak om bosetting;25
K-3002 Moss;2020;Vedtak om bosetting;..
"""
FIGURES_2021 = """region;år;statistikkvariabel;value
K-3001 Halden;2020;Vedtak om bosetting;25
K-3001 Halden;2021;Vedtak om bosetting;30
K-3002 Moss;2021;Vedtak om bosetting;12
"""


def test_figures_are_merged_by_unit_indicator_and_year_and_a_different_figure_is_refused_unless_replaced(
    project, tmp_path, capsys
):
    common = ["import", "indicators", "--project", "forum"]
    assert run(project, *common, "--from", "long", str(write(tmp_path / "f2020.csv", FIGURES_2020))) == 0, (
        capsys.readouterr().err
    )
    assert run(project, *common, "--from", "long", str(write(tmp_path / "f2021.csv", FIGURES_2021)), "--append") == 0, (
        capsys.readouterr().err
    )
    table = pd.read_csv(project / "forum" / "indicators.csv", dtype=str, keep_default_na=False)
    assert table[["unit", "period", "value"]].values.tolist() == [
        ["3001", "2020", "25"],
        ["3001", "2021", "30"],
        ["3002", "2020", ""],
        ["3002", "2021", "12"],
    ]
    assert "2 new, 1 already there with the same figure" in capsys.readouterr().out
    before = files(project / "forum")
    changed = write(
        tmp_path / "fix.csv", FIGURES_2021.replace("2020;Vedtak om bosetting;25", "2020;Vedtak om bosetting;26")
    )
    assert run(project, *common, "--from", "long", str(changed), "--append") == 2
    err = capsys.readouterr().err
    assert "1 figure(s) differ from" in err and "3001, vedtak_om_bosetting, 2020: 25 there, 26 in the file" in err
    assert files(project / "forum") == before
    assert run(project, *common, "--from", "long", str(changed), "--append", "--replace") == 0
    table = pd.read_csv(project / "forum" / "indicators.csv", dtype=str, keep_default_na=False)
    assert table.loc[(table["unit"] == "3001") & (table["period"] == "2020"), "value"].tolist() == ["26"]


def test_an_indicator_project_yaml_labels_keeps_its_id(project, tmp_path):
    yaml_path = project / "forum" / "project.yaml"
    write(
        yaml_path,
        yaml_path.read_text(encoding="utf-8").replace(
            "label: Deltagere i forummets møder og arrangementer", "label: Vedtak om bosetting"
        ),
    )
    assert (
        run(
            project,
            "import",
            "indicators",
            "--project",
            "forum",
            "--from",
            "long",
            str(write(tmp_path / "f.csv", FIGURES_2020)),
        )
        == 0
    )
    table = pd.read_csv(project / "forum" / "indicators.csv", dtype=str, keep_default_na=False)
    assert set(table["indicator"]) == {"deltagere"}
    draft = (project / "forum" / "indicators.draft.yaml").read_text(encoding="utf-8")
    assert "kept under their ids: deltagere" in draft and "vedtak_om_bosetting:" not in draft


def test_once_the_draft_is_pasted_project_yaml_alone_is_the_codebook_and_what_the_user_left_out_stays_out(
    project, tmp_path
):
    common = ["--from", "csv", "--project", "forum", "--id-column", "Løbenr", "--group-column", GROUP]
    assert run(project, "import", str(write(tmp_path / "w1.csv", WAVE_1)), *common, "--wave", "2025") == 0
    yaml_path = project / "forum" / "project.yaml"
    document = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    pasted = yaml.safe_load((project / "forum" / "codebook.draft.yaml").read_text(encoding="utf-8"))
    del pasted["items"]["kommentar"]  # the user has no use for the template's comment item
    document["survey"].update(pasted)
    write(yaml_path, yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    assert run(project, "import", str(write(tmp_path / "w2.csv", WAVE_2)), *common, "--wave", "2026", "--append") == 0
    merged = yaml.safe_load((project / "forum" / "codebook.draft.yaml").read_text(encoding="utf-8"))
    assert "kommentar" not in merged["items"]
    assert set(pasted["items"]) < set(merged["items"])  # the pasted items, and the new question


def test_a_failed_append_leaves_every_file_as_it_was(project, tmp_path, capsys):
    common = ["--from", "csv", "--project", "forum", "--id-column", "Løbenr", "--group-column", GROUP]
    assert run(project, "import", str(write(tmp_path / "w1.csv", WAVE_1)), *common, "--wave", "2025") == 0
    before = files(project / "forum")
    twice = write(tmp_path / "bad.csv", WAVE_2 + "12;Borger;Helt enig;Ja;Helt enig\n")  # respondent 12 twice
    assert run(project, "import", str(twice), *common, "--wave", "2026", "--append") == 2
    assert "each respondent once" in capsys.readouterr().err
    figures = write(tmp_path / "f.csv", FIGURES_2020)
    assert (
        run(
            project,
            "import",
            "indicators",
            "--project",
            "forum",
            "--from",
            "long",
            str(figures),
            "--append",
            "--where",
            "statistikkvariabel=Nothing such",
        )
        == 2
    )
    assert files(project / "forum") == before


PROJECT = """title: Borgerforum
owner: Kommune
language: da
period: {start: 2025, end: 2026}
reports: [survey_feedback]
files: {survey: survey.csv}
survey:
  waves:
    - {id: "TODO: rundens id", label: "TODO", year: "TODO"}
  groups: {borger: Borgere, medarbejder: Medarbejdere, politiker: Politikere}
  items:
    placeholder: {text: "TODO: spørgsmålet", kind: text}
"""


def paste(folder: Path, drop: tuple[str, ...] = ()) -> None:
    """What the user does with the draft: confirm its guesses and paste it into project.yaml's survey section."""
    document = yaml.safe_load((folder / "project.yaml").read_text(encoding="utf-8"))
    draft = yaml.safe_load((folder / "codebook.draft.yaml").read_text(encoding="utf-8"))
    for part in ("scales", "items"):
        for entry in (draft.get(part) or {}).values():
            entry["confirmed"] = True
    for item in drop:
        draft["items"].pop(item)
    document["survey"].update(draft)
    write(folder / "project.yaml", yaml.safe_dump(document, allow_unicode=True, sort_keys=False))


def test_two_waves_imported_and_pasted_validate_without_a_script(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    (inputs / "p").mkdir(parents=True)
    write(inputs / "p" / "project.yaml", PROJECT)
    common = ["--from", "csv", "--project", "p", "--id-column", "Løbenr", "--group-column", GROUP]
    assert run(inputs, "import", str(write(tmp_path / "w1.csv", WAVE_1)), *common, "--wave", "2025") == 0
    paste(inputs / "p", drop=("placeholder",))
    assert run(inputs, "validate", "p") == 0, capsys.readouterr().out
    assert run(inputs, "import", str(write(tmp_path / "w2.csv", WAVE_2)), *common, "--wave", "2026", "--append") == 0
    paste(inputs / "p")
    capsys.readouterr()
    assert run(inputs, "validate", "p") == 0, capsys.readouterr().out
    assert "p: valid (0 units, 0 criteria, 0 indicator rows, 7 respondents, 0 milestones)" in capsys.readouterr().out


def test_appended_figures_keep_the_users_own_columns_and_a_final_figure_clears_provisional(project, tmp_path, capsys):
    """indicators.csv may mark a figure provisional, with the day it covers: --append keeps those columns on the rows
    it leaves alone, and a figure it brings is final (the statistics office published it)."""
    common = ["import", "indicators", "--project", "forum"]
    assert run(project, *common, "--from", "long", str(write(tmp_path / "f2020.csv", FIGURES_2020))) == 0
    table_path = project / "forum" / "indicators.csv"
    table = pd.read_csv(table_path, dtype=str, keep_default_na=False)
    table["provisional"], table["coverage"] = "ja", "2020-10-31"  # both of 2020's figures
    table.to_csv(table_path, index=False)
    replaced = FIGURES_2021.replace("2020;Vedtak om bosetting;25", "2020;Vedtak om bosetting;27")
    assert (
        run(project, *common, "--from", "long", str(write(tmp_path / "f2021.csv", replaced)), "--append", "--replace")
        == 0
    )
    merged = pd.read_csv(table_path, dtype=str, keep_default_na=False)
    assert list(merged.columns) == ["unit", "indicator", "period", "value", "note", "provisional", "coverage"]
    rows = {
        (u, p): (v, pr, c) for u, p, v, pr, c in merged[["unit", "period", "value", "provisional", "coverage"]].values
    }
    assert rows[("3001", "2020")] == ("27", "", "")  # the office's final figure
    assert rows[("3002", "2020")] == ("", "ja", "2020-10-31")  # not in the file: left as the user marked it
    assert rows[("3001", "2021")][1:] == ("", "")
