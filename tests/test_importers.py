"""Importing survey tools' exports: the canonical survey table, the draft codebook, and what is left out.

Every import is also checked the way a user will use it: the draft codebook, pasted into a project, must make
the written survey.csv validate.
"""

import importlib.util
from pathlib import Path

import pandas as pd
import pytest
import yaml

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.importers import IMPORTERS, import_survey
from pipeline.spec import ProjectSpec, SurveySpec
from pipeline.tables import parse_survey

FIXTURES = Path(__file__).parent / "fixtures" / "importers"
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
RSTUDIO = REALDATA / "rstudio-r-community-survey-2019"
CARPENTRIES = REALDATA / "carpentries-surveys"

_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)


def written(result) -> pd.DataFrame:
    return pd.read_csv(result.survey_path, dtype=str, keep_default_na=False)


def draft(result) -> dict:
    return yaml.safe_load(result.draft_path.read_text(encoding="utf-8"))


def validates(result) -> pd.DataFrame:
    """Paste the draft into a project, as the user is told to, and validate survey.csv against it."""
    table = written(result)
    units = sorted({u for u in table["unit"] if u})
    spec = ProjectSpec.model_validate(
        {
            "title": "t",
            "owner": "o",
            "language": "nb",
            "period": {"start": 2010, "end": 2030},
            "units": [{"id": u, "name": u} for u in units],
            "survey": draft(result),
        }
    )
    return parse_survey(result.survey_path, spec)


def counts(series: pd.Series) -> dict:
    return {k: v for k, v in series.value_counts().items() if k}


def test_every_tool_the_issue_names_is_registered():
    assert set(IMPORTERS) >= {
        "csv",
        "surveyxact",
        "nettskjema",
        "limesurvey",
        "msforms",
        "kobo",
        "googleforms",
        "spss",
        "surveymonkey",
    }


# --- SurveyXact: three export formats, one result ---------------------------------------------------------------


@pytest.fixture(params=["xlsx", "european", "unicode"])
def surveyxact_export(request, tmp_path) -> Path:
    if request.param == "xlsx":
        return make_fixtures.surveyxact_xlsx(tmp_path / "datasæt.xlsx")
    folder = make_fixtures.surveyxact_csv(tmp_path / "export", request.param)
    return folder if request.param == "european" else folder / "dataset.csv"


def test_surveyxact_keeps_answered_respondents_with_labels_and_status(surveyxact_export, tmp_path):
    result = import_survey(
        "surveyxact", surveyxact_export, tmp_path / "viborg", wave="2024", group_column="Hvilken gruppe tilhører du?"
    )
    table = written(result)
    assert list(table.columns) == ["respondent_id", "wave", "group", "unit", "s_2", "s_3", "s_4", "s_5"]
    # 'Distribueret' and 'Frafaldet' have no answers: left out; the partial one ('Nogle svar') stays.
    assert list(table["respondent_id"]) == ["r0001", "r0002", "r0003", "r0005"]
    assert dict(result.canonical.status) == {"complete": 3, "partial": 1}
    assert dict(result.export.left_out) == {"not answered (SurveyXact status)": 2}
    assert list(table["group"]) == ["Frivillig", "Borger", "Samarbejdspartner", "Medarbejder i kommunen"]
    assert list(table["s_2"]) == ["Enig", "Meget enig", "Hverken enig eller uenig", "Ved ikke"]  # codes became labels
    assert list(table["s_4"]) == ["Temamøder; Netværkscafé", "Netværkscafé", "Temamøder; Workshops", "Workshops"]
    assert set(table["wave"]) == {"2024"}
    assert result.export.personal == ["navn", "email"]
    text = result.survey_path.read_text(encoding="utf-8")
    assert "Anne Jensen" not in text and "anne@example.dk" not in text
    codebook = draft(result)
    # SurveyXact coded the scale from 'Meget enig' down; the draft turns it round, low to high.
    assert codebook["scales"]["agreement5_da"] == {
        "labels": ["Meget uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Meget enig"],
        "positive": ["Enig", "Meget enig"],
        "dont_know": ["Ved ikke"],
        "confirmed": False,  # guessed: nobody reports from it before checking
    }
    assert codebook["items"]["s_3"] == {"text": "Mine synspunkter bliver hørt i forummet", "scale": "agreement5_da"}
    assert codebook["items"]["s_4"]["kind"] == "multi" and codebook["items"]["s_4"]["separator"] == ";"
    assert set(codebook["groups"]) == {"Borger", "Frivillig", "Medarbejder i kommunen", "Samarbejdspartner"}
    assert len(validates(result)) == 4


def test_surveyxact_three_csv_files_must_be_together(tmp_path):
    folder = make_fixtures.surveyxact_csv(tmp_path / "export", "european")
    (folder / "labels.csv").unlink()
    with pytest.raises(InputError) as caught:
        import_survey("surveyxact", folder / "dataset.csv", tmp_path / "p")
    assert "no labels.csv" in caught.value.problems[0].found


# --- the other tools ---------------------------------------------------------------------------------------------


def test_nettskjema_drops_dollar_columns_and_an_email_column_and_joins_checkboxes(tmp_path):
    result = import_survey(
        "nettskjema", FIXTURES / "nettskjema.csv", tmp_path / "p", group_column="rolle", unit_column="kommune"
    )
    table = written(result)
    assert list(table["respondent_id"]) == [
        "27685292",
        "27685302",
        "27685319",
        "27685411",
    ]  # $submission_id; the empty one left out
    assert set(table["wave"]) == {"2016"}  # from $created
    assert list(table["unit"]) == ["0701", "0704", "0701", "0704"]
    assert list(table["tiltak"]) == ["kurs; nettverk", "nettverk; konferanse", "kurs", "konferanse"]
    assert list(table.columns)[4:] == ["kompetanse", "informasjon", "tiltak", "kommentar"]
    assert result.export.personal == ["kontakt"]  # headed vaguely, but it holds e-mail addresses
    assert "$answer_time_ms" in result.export.system
    assert "horten.kommune.no" not in result.survey_path.read_text(encoding="utf-8")
    codebook = draft(result)
    # Both items share the five-point scale, though 'informasjon' alone would also fit a four-point one.
    assert codebook["items"]["kompetanse"]["scale"] == codebook["items"]["informasjon"]["scale"] == "agreement5_nb"
    assert codebook["scales"]["agreement5_nb"]["labels"] == [
        "Helt uenig",
        "Litt uenig",
        "Verken enig eller uenig",
        "Litt enig",
        "Helt enig",
    ]
    assert codebook["scales"]["agreement5_nb"]["dont_know"] == ["Vet ikke"]
    assert any("write the question" in note and "kompetanse" in note for note in result.draft.review)
    assert len(validates(result)) == 4


def test_limesurvey_reads_codes_arrays_multiple_choice_and_unfinished_responses(tmp_path):
    result = import_survey("limesurvey", FIXTURES / "limesurvey.csv", tmp_path / "p", group_column="G01Q01")
    table = written(result)
    assert list(table.columns) == [
        "respondent_id",
        "wave",
        "group",
        "unit",
        "g01q02_sq001",
        "g01q02_sq002",
        "g01q03",
        "g01q03_other",
        "g01q04",
    ]
    assert list(table["respondent_id"]) == ["1", "2", "3"]  # the 4th never answered
    assert list(result.canonical.status.items()) == [("complete", 2), ("partial", 1)]  # no submitdate: unfinished
    assert list(table["g01q03"]) == ["SQ001; SQ002", "SQ002", ""]
    assert list(table["g01q03_other"]) == ["", "Fylkesmannens fagdag", ""]
    assert result.export.personal == ["ipaddr", "token"]
    assert {"interviewtime", "groupTime512", "G01Q01Time", "G01Q02Time"} <= set(result.export.system)
    assert draft(result)["items"]["g01q02_sq002"] == {"text": "G01Q02[SQ002]", "scale": "agreement5_nb"}
    assert len(validates(result)) == 3


def test_msforms_drops_email_and_name_and_splits_multi_select(tmp_path):
    result = import_survey(
        "msforms",
        make_fixtures.msforms_xlsx(tmp_path / "Evaluering.xlsx"),
        tmp_path / "p",
        group_column="Hvilken kommune arbejder du i?",
    )
    table = written(result)
    assert list(table["respondent_id"]) == ["1", "2", "3", "4"]
    assert set(table["wave"]) == {"2025"}  # the year of Completion time
    assert list(table["q3"]) == ["Bolig; Job og uddannelse", "Fritid og netværk", "Bolig; Fritid og netværk", ""]
    assert result.export.personal == ["Email", "Name"]
    text = result.survey_path.read_text(encoding="utf-8")
    assert "Mette Larsen" not in text and "mette.larsen@viborg.dk" not in text
    codebook = draft(result)
    assert codebook["scales"]["satisfaction5_da"]["labels"][0] == "Meget utilfreds"
    assert codebook["scales"]["satisfaction5_da"]["dont_know"] == ["Ved ikke"]
    assert any("'Meget utilfreds', 'Utilfreds' added (nobody chose them)" in note for note in result.draft.review)
    assert len(validates(result)) == 4


def test_kobo_leaves_out_rejected_submissions_and_device_fields(tmp_path):
    result = import_survey("kobo", FIXTURES / "kobo.csv", tmp_path / "p", group_column="rolle", unit_column="kommune")
    table = written(result)
    assert list(table["respondent_id"]) == [
        "6f1c8e2a-0d5b-4f8e-9b8a-1c2d3e4f5a01",
        "7a2d9f3b-1e6c-4a9f-8c9b-2d3e4f5a6b02",
        "9c4fb15d-3a8e-4c1b-8ebd-4f5a6b7c8d04",
    ]
    assert dict(result.export.left_out) == {"not approved in Kobo": 1}
    assert list(table.columns)[4:] == [
        "tilfreds",
        "tiltak",
        "kommentar",
    ]  # 'vurdering/tilfreds' → tilfreds; 0/1 option columns merged
    assert list(table["tiltak"]) == ["kurs; jobb", "bolig", "kurs; bolig; jobb"]
    assert result.export.personal == ["deviceid", "_submitted_by"]
    assert "_validation_status" in result.export.system and "meta/instanceID" in result.export.system
    assert draft(result)["scales"]["extent5_nb"]["labels"] == [
        "I svært liten grad",
        "I liten grad",
        "I noen grad",
        "I stor grad",
        "I svært stor grad",
    ]
    assert len(validates(result)) == 3


def test_googleforms_takes_item_ids_from_a_key_file_and_finds_nps(tmp_path):
    result = import_survey(
        "googleforms", FIXTURES / "googleforms.csv", tmp_path / "p", item_ids=FIXTURES / "googleforms-key.csv"
    )
    table = written(result)
    assert list(table.columns) == [
        "respondent_id",
        "wave",
        "group",
        "unit",
        "kommune",
        "kompetanse",
        "moteplasser",
        "anbefale",
        "kommentar",
    ]
    assert list(table["respondent_id"]) == ["r0001", "r0002", "r0003", "r0004"]
    assert table["moteplasser"][0] == "Nettverksmøter, Konferanse"  # kept as written: an option may hold a comma
    assert result.export.personal == ["Email Address"]
    codebook = draft(result)
    assert codebook["items"]["anbefale"]["kind"] == "nps"
    assert codebook["scales"]["agreement4_nb"] == {
        "labels": ["Helt uenig", "Litt uenig", "Litt enig", "Helt enig"],
        "positive": ["Litt enig", "Helt enig"],
        "dont_know": ["Vet ikke"],
        "confirmed": False,
    }
    assert len(validates(result)) == 4


def test_surveymonkey_reads_two_heading_rows_matrix_and_multi_select(tmp_path):
    result = import_survey(
        "surveymonkey", FIXTURES / "surveymonkey.csv", tmp_path / "p", group_column="Hvilken gruppe tilhører du?"
    )
    table = written(result)
    assert list(table["respondent_id"]) == ["11472851201", "11472851202", "11472851203"]
    assert list(table.columns)[4:] == ["q2_1", "q2_2", "q3", "q3_other"]
    assert list(table["q3"]) == ["Sprogskolen; Frivilligcentret", "Jobcentret", "Sprogskolen; Jobcentret"]
    assert list(table["q3_other"]) == ["", "Integrationsnetværket", ""]
    assert result.export.personal == ["IP Address", "Email Address", "First Name", "Last Name"]
    assert "85.191.10.12" not in result.survey_path.read_text(encoding="utf-8")
    codebook = draft(result)
    assert (
        codebook["items"]["q2_2"]["text"]
        == "Hvor enig er du i følgende udsagn? - Jeg får den information jeg har brug for"
    )
    # The matrix's rows share one scale and its "don't know", though only one row was answered 'Ved ikke'.
    assert codebook["items"]["q2_1"]["scale"] == codebook["items"]["q2_2"]["scale"] == "agreement5_da"
    assert codebook["scales"]["agreement5_da"]["dont_know"] == ["Ved ikke"]
    assert len(validates(result)) == 3


def test_spss_applies_value_labels_and_leaves_user_missing_values_empty(tmp_path):
    result = import_survey(
        "spss",
        make_fixtures.spss_sav(tmp_path / "svar.sav"),
        tmp_path / "p",
        wave="2016",
        group_column="rolle",
        unit_column="kommune",
    )
    table = written(result)
    assert list(table["respondent_id"]) == ["r01", "r02", "r03", "r04", "r05"]
    assert list(table["unit"]) == ["0701", "0704", "0701", "0706", "0704"]
    assert list(table["q1"]) == ["Helt enig", "Litt enig", "", "Litt uenig", "Vet ikke"]
    codebook = draft(result)
    assert codebook["items"]["q1"] == {"text": "Samarbeidet har gitt økt kompetanse", "scale": "agreement5_nb"}
    assert codebook["scales"]["agreement5_nb"]["dont_know"] == [
        "Vet ikke"
    ]  # 'Ikke besvart' is user-missing, not a label
    assert codebook["waves"] == [{"id": "2016", "label": "2016", "year": 2016}]
    assert len(validates(result)) == 5


def test_the_draft_codebook_is_a_valid_survey_section_with_every_guess_named(tmp_path):
    result = import_survey("nettskjema", FIXTURES / "nettskjema.csv", tmp_path / "p")
    SurveySpec.model_validate(draft(result))
    text = result.draft_path.read_text(encoding="utf-8")
    assert text.startswith("# Draft codebook made by `evalreport import --from nettskjema` from nettskjema.csv")
    assert "# Dropped as personal data: kontakt" in text
    assert "#   - positive: guessed as the top two labels" in text
    assert draft(result)["groups"] == {"all": "All respondents"}


def test_the_same_respondent_twice_is_a_problem_naming_both_rows(tmp_path):
    path = tmp_path / "dobbel.csv"
    lines = (FIXTURES / "nettskjema.csv").read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join(lines + [lines[1].replace("2016-11-03T09:57:15", "2016-11-09T09:00:00")]) + "\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        import_survey("nettskjema", path, tmp_path / "p")
    problem = caught.value.problems[0]
    assert (problem.file, problem.row, problem.found) == ("dobbel.csv", 7, "'27685292'")
    assert "row 2" in problem.expected


# --- the command line ---------------------------------------------------------------------------------------------


def test_cli_import_prints_what_was_dropped_and_what_to_review_and_refuses_to_overwrite(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    argv = [
        "--inputs",
        str(inputs),
        "import",
        "--from",
        "kobo",
        str(FIXTURES / "kobo.csv"),
        "--project",
        "vestfold",
        "--unit-column",
        "kommune",
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "read kobo.csv (kobo): 3 respondent(s) (3 complete)" in out
    assert "left out: 1 not approved in Kobo" in out
    assert "dropped as personal data: deviceid, _submitted_by" in out
    assert "units: 0701, 0704, 0706 (from 'husstand/kommune') must each be a unit id in project.yaml" in out
    survey = inputs / "vestfold" / "survey.csv"
    assert survey.exists() and (inputs / "vestfold" / "codebook.draft.yaml").exists()

    survey.write_text("kept\n", encoding="utf-8")
    assert main(argv) == 2
    assert "--force" in capsys.readouterr().err
    assert survey.read_text(encoding="utf-8") == "kept\n"
    assert main(argv + ["--group-column", "nosuch", "--force"]) == 2  # a failed import writes nothing
    assert "no column 'nosuch' in kobo.csv" in capsys.readouterr().err
    assert survey.read_text(encoding="utf-8") == "kept\n"
    assert main(argv + ["--force"]) == 0
    assert survey.read_text(encoding="utf-8").startswith(
        "respondent_id,wave,group,unit,rolle,tilfreds,tiltak,kommentar\n"
    )


def test_cli_refuses_an_unknown_tool(tmp_path, capsys):
    assert (
        main(["--inputs", str(tmp_path), "import", "--from", "typeform", str(FIXTURES / "kobo.csv"), "--project", "p"])
        == 2
    )
    assert "expected one of csv, googleforms, kobo, limesurvey" in capsys.readouterr().err


# --- real exports ------------------------------------------------------------------------------------------------


@pytest.mark.skipif(not RSTUDIO.exists(), reason="shared/realdata is not beside this checkout")
def test_real_google_forms_export_with_its_question_key(tmp_path):
    result = import_survey(
        "googleforms",
        RSTUDIO / "2019 English R Community Survey Responses.tsv",
        tmp_path / "rstudio",
        item_ids=RSTUDIO / "survey-questions-2019-en.tsv",
    )
    table = written(result)
    assert len(table) == 1807 and result.canonical.without_answers == 31  # 1,838 rows; 31 hold only a timestamp
    assert set(table["wave"]) == {"2019"}
    assert (
        "Qr_experience" in table.columns and "Qtime" not in table.columns
    )  # ids from the key; Timestamp is the tool's
    assert counts(table["Qr_enjoyment"]) == {"5": 1272, "4": 441, "3": 65, "2": 17, "1": 3}
    codebook = draft(result)
    enjoyment = codebook["scales"][codebook["items"]["Qr_enjoyment"]["scale"]]
    assert enjoyment["labels"] == ["1", "2", "3", "4", "5"] and enjoyment["positive"] == ["4", "5"]
    # "on a scale of 1 to 5" in the question: its ends, though nobody answered 5 here.
    assert codebook["scales"][codebook["items"]["Qr_difficulty"]["scale"]]["labels"] == ["1", "2", "3", "4", "5"]
    assert codebook["items"]["Qrecommend"]["kind"] == "nps"
    assert codebook["items"]["Qlike_best"]["kind"] == "text"
    assert len(validates(result)) == 1807


@pytest.mark.skipif(not CARPENTRIES.exists(), reason="shared/realdata is not beside this checkout")
def test_real_surveymonkey_style_export_with_checkboxes_spread_over_column_headings(tmp_path):
    result = import_survey(
        "surveymonkey", CARPENTRIES / "longterm_October2017.csv", tmp_path / "carpentries", wave="2017"
    )
    table = written(result)
    assert len(table) == 476
    assert list(table.columns).count("field") == 1 and "column2" not in table.columns
    assert table["field"][0] == "Biomedical/Health Sciences; Life Sciences"  # Column2 and Column9 ticked
    assert table["field_other"][0] == "Neuroscience"  # Column13, the free text after the options
    assert counts(table["skills_advance_career"]) == {
        "Agree": 179,
        "Neutral": 104,
        "Strongly agree": 79,
        "Disagree": 29,
        "Strongly disagree": 18,
    }
    codebook = draft(result)
    assert codebook["items"]["skills_advance_career"]["scale"] == "agreement5_en"
    assert codebook["scales"]["agreement5_en"]["labels"] == [
        "Strongly disagree",
        "Disagree",
        "Neutral",
        "Agree",
        "Strongly agree",
    ]
    # Two yes/no questions share one scale, and so their "don't know" answers.
    assert codebook["scales"][codebook["items"]["recommended"]["scale"]]["dont_know"] == [
        "Not sure.",
        "I don't remember.",
    ]
    assert codebook["items"]["likely_to_recommend"]["kind"] == "nps"
    assert len(validates(result)) == 476


@pytest.mark.skipif(not CARPENTRIES.exists(), reason="shared/realdata is not beside this checkout")
def test_real_post_training_survey_keeps_its_own_spelling_of_the_agreement_scale(tmp_path):
    result = import_survey("surveymonkey", CARPENTRIES / "20180908_post_clean.csv", tmp_path / "post", wave="2018")
    table = written(result)
    assert len(table) == 967
    assert counts(table["atmospherewelcoming"]) == {
        "Strongly Agree": 698,
        "Agree": 185,
        "Neither Agree nor Disagree": 15,
        "Strongly Disagree": 9,
        "Disagree": 2,
    }
    codebook = draft(result)
    scale = codebook["scales"][codebook["items"]["atmospherewelcoming"]["scale"]]
    assert scale["labels"] == ["Strongly Disagree", "Disagree", "Neither Agree nor Disagree", "Agree", "Strongly Agree"]
    assert scale["positive"] == ["Agree", "Strongly Agree"]
    assert len(validates(result)) == 967
