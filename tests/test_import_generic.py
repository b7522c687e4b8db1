"""`evalreport import --from csv`: any table with a row per respondent, whatever tool made it, and the workbooks as
Excel reads them; every problem names the row as a spreadsheet shows it and the column by its heading.

Fixtures are made the way their tools write them (tests/fixtures/importers/make_fixtures.py); the expected figures
are counted here from the fixtures themselves, never copied from the program's output.
"""

import csv
import importlib.util
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
import yaml
from openpyxl import Workbook, load_workbook

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.importers import import_survey
from pipeline.project import load_project
from pipeline.sources.readers import read_any

FIXTURES = Path(__file__).parent / "fixtures" / "importers"
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
REAL_EXPORTS = sorted((REALDATA / "carpentries-surveys").glob("*.csv")) + sorted(
    (REALDATA / "rstudio-r-community-survey-2019").glob("*Responses.tsv")
)

_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)

SATISFIED = "Hvor fornøyd er du med kurset alt i alt? (1-5)"
USEFUL = "Kurset var nyttig for arbeidet mitt (1-5)"
HOURS = "Timer brukt per uke"
MISSING = ["-1", "99"]


def fixture_rows(path: Path) -> list[dict]:
    """The generic CSV fixture as its cells are written, read with nothing but the standard library."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))


def survey(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "survey.csv", dtype=str, keep_default_na=False)


def draft(folder: Path) -> dict:
    return yaml.safe_load((folder / "codebook.draft.yaml").read_text(encoding="utf-8"))


def import_cli(inputs: Path, project: str, *args: str) -> int:
    return main(["--inputs", str(inputs), "import", *args, "--project", project])


# --- 1. Excel as Excel reads it ------------------------------------------------------------------------------------


def test_a_sheet_whose_stored_size_is_one_cell_is_read_in_full(tmp_path):
    path = make_fixtures.msforms_nb_xlsx(tmp_path / "Introduksjonsprogram.xlsx")
    with zipfile.ZipFile(path) as workbook:
        assert '<dimension ref="A1"/>' in workbook.read("xl/worksheets/sheet1.xml").decode(
            "utf-8"
        )  # as Forms stores it
    expected = [[cell.value for cell in row] for row in load_workbook(path).active.iter_rows()]  # Excel's own reading
    frame = read_any(path)
    assert list(frame.columns) == expected[0] == make_fixtures.FORMS_NB_HEADER
    assert len(frame) == len(expected) - 1 == len(make_fixtures.FORMS_NB_ANSWERS)
    assert list(frame["Hvor fornøyd er du med introduksjonsprogrammet?"]) == [
        a[1] for a in make_fixtures.FORMS_NB_ANSWERS
    ]
    assert list(frame.attrs["line"]) == list(range(2, len(expected) + 1))


def test_norwegian_forms_export_drops_e_post_and_navn_and_reads_every_answer(tmp_path, capsys):
    path = make_fixtures.msforms_nb_xlsx(tmp_path / "Introduksjonsprogram.xlsx")
    assert (
        import_cli(
            tmp_path / "inputs", "intro", "--from", "msforms", str(path), "--group-column", "Hvilken kommune bor du i?"
        )
        == 0
    )
    out = capsys.readouterr().out
    assert f"read Introduksjonsprogram.xlsx (msforms): {len(make_fixtures.FORMS_NB_ANSWERS)} respondent(s)" in out
    assert "dropped as personal data: E-post, Navn" in out
    table = survey(tmp_path / "inputs" / "intro")
    assert list(table["group"]) == [a[0] for a in make_fixtures.FORMS_NB_ANSWERS]
    assert set(table["wave"]) == {"2025"}  # from Fullføringstidspunkt
    text = (tmp_path / "inputs" / "intro" / "survey.csv").read_text(encoding="utf-8")
    assert not any(person in text for pair in make_fixtures.FORMS_NB_PEOPLE.values() for person in pair)


# --- 2. the generic importer ----------------------------------------------------------------------------------------


def test_semicolon_csv_with_bom_missing_codes_decimal_comma_and_a_group_column(tmp_path, capsys):
    path = make_fixtures.generic_csv(tmp_path / "kursevaluering.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = fixture_rows(path)
    argv = ["--from", "csv", str(path), "--id-column", "Løpenr", "--group-column", "Aldersgruppe", "--missing", "-1,99"]
    assert import_cli(tmp_path / "inputs", "kurs", *argv) == 0
    out = capsys.readouterr().out

    codes = Counter(row[c] for row in rows for c in (SATISFIED, USEFUL, HOURS) if row[c] in MISSING)
    assert (
        f"no answer (blank in survey.csv, counted as missing): {sum(codes.values())} cell(s): {codes['-1']} "
        f"held '-1', {codes['99']} held '99'"
    ) in out
    assert "dropped as personal data: E-post" in out
    assert "dropped as ids, dates and times (not questions): Dato" in out
    assert "decimal commas written as points: Timer brukt per uke" in out

    table = survey(tmp_path / "inputs" / "kurs")
    answered = [
        row for row in rows if any(row[c] not in MISSING + [""] for c in (SATISFIED, USEFUL, HOURS, "Kommentar"))
    ]
    assert list(table["respondent_id"]) == [row["Løpenr"] for row in answered]  # the one who answered nothing left out
    assert list(table["group"]) == [row["Aldersgruppe"] for row in answered]
    assert set(table["wave"]) == {"2025"}  # the year of Dato
    codebook = draft(tmp_path / "inputs" / "kurs")
    satisfied = next(item for item, spec in codebook["items"].items() if spec["text"] == SATISFIED)
    hours = next(item for item, spec in codebook["items"].items() if spec["text"] == HOURS)
    # A missing code is no answer: blank in survey.csv, so never a point on the scale.
    assert list(table[satisfied]) == [row[SATISFIED] if row[SATISFIED] not in MISSING else "" for row in answered]
    assert codebook["scales"][codebook["items"][satisfied]["scale"]]["labels"] == ["1", "2", "3", "4", "5"]
    assert list(table[hours]) == [row[HOURS].replace(",", ".") if row[HOURS] not in MISSING else "" for row in answered]
    assert "E-post" not in table.columns and "example.no" not in (
        tmp_path / "inputs" / "kurs" / "survey.csv"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "make, id_column",
    [
        (make_fixtures.generic_xlsx, "Løpenr"),
        (make_fixtures.generic_xls, "Løpenr"),
        (make_fixtures.generic_ods, "Løpenr"),
        (make_fixtures.generic_sav, "lopenr"),
    ],
    ids=["xlsx", "xls", "ods", "sav"],
)
def test_every_format_gives_the_answers_the_csv_gives(tmp_path, make, id_column):
    from_csv = import_survey(
        "csv",
        make_fixtures.generic_csv(tmp_path / "svar.csv"),
        tmp_path / "a",
        id_column="Løpenr",
        group_column="Aldersgruppe",
        missing=MISSING,
    )
    path = make(tmp_path / f"svar.{make.__name__.removeprefix('generic_')}")
    result = import_survey(
        "csv", path, tmp_path / "b", id_column=id_column, group_column="Aldersgruppe", missing=MISSING
    )
    # The answers, and the questions' texts, are the same; SPSS names its variables itself, so ids may differ.
    assert survey(tmp_path / "b").values.tolist() == survey(tmp_path / "a").values.tolist()
    assert [q.text for q in result.canonical.items] == [q.text for q in from_csv.canonical.items]
    assert result.missing == from_csv.missing and len(result.export.personal) == 1


def test_items_drop_and_a_wave_column_choose_the_columns_and_say_so(tmp_path, capsys):
    path = tmp_path / "svar.csv"
    path.write_text(
        "Runde;Kommune;Spm 1;Spm 2;Intern merknad\n"
        "Vår 2025;Larvik;Helt enig;4;x\n"
        "Høst 2025;Larvik;Litt enig;5;\n"
        "Høst 2025;Sandefjord;Helt uenig;.;y\n",
        encoding="utf-8",
    )
    argv = [
        "--from",
        "csv",
        str(path),
        "--wave-column",
        "Runde",
        "--group-column",
        "Kommune",
        "--items",
        "Spm 1",
        "--drop",
        "Intern merknad",
    ]
    assert import_cli(tmp_path / "inputs", "p", *argv) == 0
    out = capsys.readouterr().out
    assert "dropped with --drop: Intern merknad" in out
    assert "not items (not named by --items): Spm 2" in out
    assert "waves Vår 2025, Høst 2025" in out
    table = survey(tmp_path / "inputs" / "p")
    assert list(table.columns) == ["respondent_id", "wave", "group", "unit", "spm_1"]
    assert list(table["wave"]) == ["Vår 2025", "Høst 2025", "Høst 2025"]
    waves = draft(tmp_path / "inputs" / "p")["waves"]
    assert [(w["id"], w["year"]) for w in waves] == [("Vår 2025", 2025), ("Høst 2025", 2025)]


def test_options_that_cannot_be_met_are_said_plainly(tmp_path, capsys):
    path = make_fixtures.generic_csv(tmp_path / "svar.csv")
    inputs = tmp_path / "inputs"
    assert import_cli(inputs, "p", "--from", "csv", str(path), "--items", "Spm 9") == 2
    assert "--items: no column 'Spm 9' in svar.csv" in capsys.readouterr().err
    assert import_cli(inputs, "p", "--from", "csv", str(path), "--sheet", "Ark1") == 2
    assert "--sheet: svar.csv is not a workbook" in capsys.readouterr().err
    assert import_cli(inputs, "p", "--from", "kobo", str(FIXTURES / "kobo.csv"), "--id-column", "_uuid") == 2
    assert "--id-column: only with --from csv" in capsys.readouterr().err
    assert import_cli(inputs, "p", "--from", "csv", str(path), "--id-column", "Nr") == 2
    err = capsys.readouterr().err
    assert "svar.csv, row 1, field 'Nr': expected the respondent id (--id-column) column 'Nr'" in err
    assert not (inputs / "p").exists()


def test_a_repeated_heading_is_a_second_question_not_a_refusal(tmp_path):
    path = tmp_path / "svar.tsv"
    path.write_text(
        "Tidsmerke\tHvorfor?\tHvor enig?\tHvorfor?\n2025-03-01 10:00\tJobb\tEnig\tSkole\n", encoding="utf-8"
    )
    result = import_survey("csv", path, tmp_path / "p")
    assert [q.column for q in result.canonical.items] == ["Hvorfor?", "Hvor enig?", "Hvorfor? (2)"]


# --- 7. rows as a spreadsheet numbers them, columns by their headings ----------------------------------------------


def test_a_problem_names_the_row_a_spreadsheet_shows_and_the_column_by_its_heading(tmp_path):
    # Row 1 the header; row 2 a comment over two lines (still one row); row 3 blank; row 4; row 5 repeats row 2's id.
    path = tmp_path / "svar.csv"
    path.write_bytes('Løpenr;Fornøyd (1-5);Kommentar\r\n7;4;"To linjer\r\nher"\r\n\r\n8;5;\r\n7;3;\r\n'.encode())
    with pytest.raises(InputError) as caught:
        import_survey("csv", path, tmp_path / "p", id_column="Løpenr")
    problem = caught.value.problems[0]
    assert (problem.file, problem.row, problem.field, problem.found) == ("svar.csv", 5, "Løpenr", "'7'")
    assert "row 2 has the same id" in problem.expected


def test_a_workbook_problem_names_the_sheet_row_with_blank_rows_counted(tmp_path):
    path = tmp_path / "svar.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    for row in (["Løpenr", "Fornøyd (1-5)"], [7, 4], [None, None], [8, 5], [7, 3]):
        sheet.append(row)
    workbook.save(path)
    make_fixtures.with_forms_dimension(path)
    with pytest.raises(InputError) as caught:
        import_survey("csv", path, tmp_path / "p", id_column="Løpenr")
    assert [(p.row, p.field) for p in caught.value.problems] == [(5, "Løpenr")]


def test_an_empty_wave_cell_is_named_by_row_and_heading(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text('Runde,Spm\n2024,Enig\n,"Uenig,\nsterkt"\n2025,Enig\n,Enig\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_survey("csv", path, tmp_path / "p", wave_column="Runde")
    assert [(p.row, p.field, p.found) for p in caught.value.problems] == [
        (3, "Runde", "an empty cell"),
        (5, "Runde", "an empty cell"),
    ]


def test_two_heading_rows_count_as_rows(tmp_path):
    lines = (FIXTURES / "surveymonkey.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "monkey.csv"
    path.write_text("\n".join(lines + [lines[2]]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_survey("surveymonkey", path, tmp_path / "p")
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    problem = caught.value.problems[0]
    assert (problem.row, problem.field) == (len(rows), "Respondent ID")
    assert "row 3 has the same id" in problem.expected  # two heading rows: the first respondent is row 3


def test_validate_names_a_survey_row_as_a_spreadsheet_shows_it(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    path = make_fixtures.generic_csv(tmp_path / "kursevaluering.csv")
    assert (
        import_cli(
            inputs,
            "kurs",
            "--from",
            "csv",
            str(path),
            "--id-column",
            "Løpenr",
            "--group-column",
            "Aldersgruppe",
            "--missing",
            "-1,99",
        )
        == 0
    )
    write_project(inputs / "kurs", criteria=[])
    table = survey(inputs / "kurs")
    assert table["kommentar"].str.contains("\n").any()  # a comment over two lines comes first
    last = len(table) - 1
    satisfied = table.columns[4]
    table.loc[last, satisfied] = "7"
    table.to_csv(inputs / "kurs" / "survey.csv", index=False)
    with pytest.raises(InputError) as caught:
        load_project("kurs", inputs)
    assert [(p.file, p.row, p.field, p.found) for p in caught.value.problems] == [
        ("survey.csv", last + 2, satisfied, "'7'")
    ]


# --- the whole path: import, confirm, validate, run, and the shares published --------------------------------------


def write_project(
    folder: Path,
    criteria: list[tuple[str, str]],
    period: tuple[int, int] = (2025, 2025),
    min_group_size: int | None = None,
) -> None:
    """project.yaml as the user writes it: the draft pasted under `survey:`, each guess confirmed after checking;
    `min_group_size` set under `survey:` when given."""
    text = (folder / "codebook.draft.yaml").read_text(encoding="utf-8").replace("confirmed: false", "confirmed: true")
    if min_group_size is not None:
        text = f"min_group_size: {min_group_size}\n{text}"
    pasted = "\n".join("  " + line if line else line for line in text.splitlines())
    listed = "".join(
        (
            f"  - {{id: K{n}, title: {json.dumps(title, ensure_ascii=False)}, measure: {{kind: survey, item: "
            f"{item}, target: 0.75}}}}\n"
        )
        for n, (item, title) in enumerate(criteria, start=1)
    )
    (folder / "project.yaml").write_text(
        f"title: Evaluering\nowner: Larvik kommune\nlanguage: nb\nperiod: {{start: {period[0]}, end: {period[1]}}}\n"
        f"files: {{survey: survey.csv}}\nsurvey:\n{pasted}\ncriteria:{' []' if not criteria else ''}\n{listed}",
        encoding="utf-8",
    )


def published_shares(inputs: Path, reports: Path, project: str, capsys) -> tuple[dict, str]:
    assert main(["--inputs", str(inputs), "validate", project]) == 0, capsys.readouterr().out
    assert (
        main(
            [
                "--inputs",
                str(inputs),
                "--reports",
                str(reports),
                "run",
                project,
                "--report",
                "survey_feedback",
                "--format",
                "html",
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    folder = reports / project / "2025"
    results = json.loads((folder / "survey_feedback.results.json").read_text(encoding="utf-8"))
    html = (folder / "survey_feedback.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ").replace("\xa0", " "))
    return {c["title"]: c["actual"] for c in results["criteria"]}, text


def percent(share: float) -> str:
    return f"{share * 100:.1f}".replace(".", ",") + " %"


def test_generic_csv_from_import_to_published_shares(tmp_path, capsys):
    inputs, reports = tmp_path / "inputs", tmp_path / "reports"
    path = make_fixtures.generic_csv(tmp_path / "kursevaluering.csv")
    assert (
        import_cli(
            inputs,
            "kurs",
            "--from",
            "csv",
            str(path),
            "--id-column",
            "Løpenr",
            "--group-column",
            "Aldersgruppe",
            "--missing",
            "-1,99",
        )
        == 0
    )
    items = {spec["text"]: item for item, spec in draft(inputs / "kurs")["items"].items()}
    # Fifteen answers in groups of four and five: with the usual limit every total would be withheld (a group of four
    # follows from the rest); the import's figures are under test here, the suppression in tests/test_disclosure.py.
    write_project(inputs / "kurs", [(items[SATISFIED], SATISFIED), (items[USEFUL], USEFUL)], min_group_size=1)
    shares, text = published_shares(inputs, reports, "kurs", capsys)
    for question in (SATISFIED, USEFUL):
        answers = [
            row[question] for row in fixture_rows(path) if row[question] in {"1", "2", "3", "4", "5"}
        ]  # -1 and 99: no answer
        share = sum(answer in {"4", "5"} for answer in answers) / len(answers)
        assert shares[question] == pytest.approx(share, abs=1e-6)
        assert f"{question} {len(answers)} 0 {percent(share)}" in text  # the table: n, don't know, positive share


def test_norwegian_forms_export_from_import_to_published_shares(tmp_path, capsys):
    inputs, reports = tmp_path / "inputs", tmp_path / "reports"
    path = make_fixtures.msforms_nb_xlsx(tmp_path / "Introduksjonsprogram.xlsx")
    assert (
        import_cli(inputs, "intro", "--from", "msforms", str(path), "--group-column", "Hvilken kommune bor du i?") == 0
    )
    codebook = draft(inputs / "intro")
    items = {spec["text"]: item for item, spec in codebook["items"].items()}
    header = make_fixtures.FORMS_NB_HEADER
    questions = {header[6]: (1, ["Fornøyd", "Svært fornøyd"]), header[7]: (2, ["Litt enig", "Helt enig"])}
    write_project(
        inputs / "intro", [(items[question], question) for question in questions], min_group_size=1
    )  # as above
    shares, text = published_shares(inputs, reports, "intro", capsys)
    for question, (position, positive) in questions.items():
        answers = [row[position] for row in make_fixtures.FORMS_NB_ANSWERS if row[position]]
        dont_know = sum(answer == "Vet ikke" for answer in answers)
        share = sum(answer in positive for answer in answers) / (len(answers) - dont_know)
        assert shares[question] == pytest.approx(share, abs=1e-6)
        assert f"{question} {len(answers) - dont_know} {dont_know} {percent(share)}" in text


# --- real exports nobody here made ----------------------------------------------------------------------------------


# Carpentries' exports have no dates with a four-digit year, so the wave is given, as the import's review asks.
REAL_WAVES = {"longterm_October2017.csv": ["--wave", "2017"], "20180908_post_clean.csv": ["--wave", "2018"]}


@pytest.mark.skipif(not REAL_EXPORTS, reason="shared/realdata is not beside this checkout")
@pytest.mark.parametrize("path", REAL_EXPORTS, ids=lambda p: p.name)
def test_real_exports_go_through_the_generic_importer_and_make_a_report(tmp_path, path, capsys):
    inputs, reports = tmp_path / "inputs", tmp_path / "reports"
    assert import_cli(inputs, "real", "--from", "csv", str(path), *REAL_WAVES.get(path.name, [])) == 0
    out = capsys.readouterr().out
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = [row for row in csv.reader(file, delimiter="\t" if path.suffix == ".tsv" else ",")][1:]
    table = survey(inputs / "real")
    answered = int(re.search(r"\): (\d+) respondent", out).group(1))
    assert len(table) == answered and 0.9 * len(rows) <= answered <= len(rows)
    write_project(inputs / "real", criteria=[], period=(2017, 2019))
    assert (
        main(
            [
                "--inputs",
                str(inputs),
                "--reports",
                str(reports),
                "run",
                "real",
                "--report",
                "survey_feedback",
                "--format",
                "html",
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    results = json.loads((reports / "real" / "2017-2019" / "survey_feedback.results.json").read_text(encoding="utf-8"))
    assert results["survey"]["respondents"] == len(table)
