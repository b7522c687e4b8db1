"""Reading tables as users have them: any encoding and delimiter, missing-value codes, two heading rows, Excel,
SPSS, and columns of dates that must be read exactly or reported row by row."""

import codecs
import importlib.util
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.sources import csv as csv_source
from pipeline.sources.csv import read_table
from pipeline.sources.dates import MAX_LISTED, parse_date_column
from pipeline.sources.readers import read_any

FIXTURES = Path(__file__).parent / "fixtures" / "importers"
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
MELBOURNE = REALDATA / "melbourne-water-capital-project-gates" / "Capital_Delivery_Project_deidentified.csv"

_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)

TEXT = "kommune;svar\r\nÅrhus;Hverken enig eller uenig\r\nBærum;Ved ikke\r\n"


def only_problem(error: InputError):
    assert len(error.problems) == 1, error.problems
    return error.problems[0]


# --- encodings ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),  # Excel's "Unicode text", SurveyXact
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no byte-order mark: told by its zero bytes
    ],
)
def test_reads_every_encoding_a_danish_or_norwegian_export_comes_in(tmp_path, raw, encoding):
    path = tmp_path / "svar.csv"
    path.write_bytes(raw)
    frame = read_table(path, ["kommune", "svar"])
    assert frame.attrs["encoding"] == encoding
    assert list(frame["kommune"]) == ["Århus", "Bærum"]
    assert list(frame["svar"]) == ["Hverken enig eller uenig", "Ved ikke"]
    assert list(frame.attrs["line"]) == [2, 3]


def test_a_declared_encoding_is_honoured_over_detection(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_bytes("kommune;pris\nÅrhus;\x80\n".encode("latin-1"))  # 0x80 is '€' in cp1252, a control in latin-1
    assert read_table(path, ["pris"])["pris"][0] == "€"
    assert read_table(path, ["pris"], encoding="latin-1")["pris"][0] == "\x80"


def test_a_declared_encoding_that_does_not_fit_names_the_line(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_bytes("kommune;svar\nÅrhus;Enig\nBærum;Uenig\n".encode("cp1252"))
    with pytest.raises(InputError) as caught:
        read_table(path, ["svar"], encoding="utf-8")
    problem = only_problem(caught.value)
    assert (problem.file, problem.row) == ("svar.csv", 2)
    assert "utf-8" in problem.expected


# --- delimiters -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_told_from_the_header_and_rows(tmp_path, delimiter):
    path = tmp_path / "t.csv"
    path.write_text(
        delimiter.join(["unit", "indicator", "value"]) + "\n" + delimiter.join(["0701", "anmodet", "25"]) + "\n",
        encoding="utf-8",
    )
    frame = read_table(path, ["unit", "indicator", "value"])
    assert frame.attrs["delimiter"] == delimiter
    assert frame.iloc[0].tolist() == ["0701", "anmodet", "25"]


def test_tab_separated_question_texts_full_of_commas_split_on_tabs(tmp_path):
    header = "Timestamp\tHow difficult, on a scale of 1 to 5, was it?\tWhich tools, if any, do you use?"
    path = tmp_path / "forms.tsv"
    path.write_text(f"{header}\n12/14/2019 12:29:47\t3\tExcel, Python\n", encoding="utf-8")
    frame = read_table(path, [])
    assert frame.attrs["delimiter"] == "\t"
    assert frame["Which tools, if any, do you use?"][0] == "Excel, Python"


def test_a_header_that_mixes_delimiters_is_a_problem_not_a_guess(tmp_path):
    path = tmp_path / "indicators.csv"
    path.write_text("unit;indicator,period;value\n", encoding="utf-8")  # two ways of splitting, no row to tell
    with pytest.raises(InputError) as caught:
        read_table(path, ["unit"])
    problem = only_problem(caught.value)
    assert (problem.file, problem.row) == ("indicators.csv", 1)
    assert "one delimiter" in problem.expected
    assert problem.found == "a header that splits into 2 columns by ',' and 3 columns by ';'"


def test_rows_settle_which_delimiter_a_header_means(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_text("respondent_id;wave;Hvor enig, alt i alt\nr1;2016;Helt enig\nr2;2016;Litt enig\n", encoding="utf-8")
    frame = read_table(path, ["respondent_id"])
    assert list(frame.columns) == ["respondent_id", "wave", "Hvor enig, alt i alt"]


# --- missing values, heading rows -------------------------------------------------------------------------------


def test_missing_value_codes_become_empty_cells(tmp_path):
    path = tmp_path / "indicators.csv"
    path.write_text("unit;value;note\n0701;.;x\n0704;:;NULL\n0706;..;y\n0709;-1;\n0710;12,5;.\n", encoding="utf-8")
    assert list(read_any(path)["value"]) == ["", "", "", "-1", "12,5"]
    assert list(read_any(path, missing=(".", ":", "..", "NULL", "-1"))["value"]) == ["", "", "", "", "12,5"]
    assert list(read_any(path)["note"]) == ["x", "", "y", "", ""]


def test_read_table_keeps_codes_as_written_unless_asked(tmp_path):
    # The canonical tables' validation decides what '.' means there; read_table does not change it behind its back.
    path = tmp_path / "indicators.csv"
    path.write_text("unit,value\n0701,.\n", encoding="utf-8")
    assert read_table(path, ["value"])["value"][0] == "."
    assert read_table(path, ["value"], missing=(".",))["value"][0] == ""


def test_two_heading_rows_are_joined_top_to_bottom(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "Respondent ID,Hvor enig er du?,,Kommentar\n"
        ",Samarbeidet,Informasjonen,Open-Ended Response\n"
        "101,Helt enig,Litt enig,Fint\n",
        encoding="utf-8",
    )
    frame = read_any(path, header_rows=2)
    # A heading over several columns (a merged cell) is carried to the right; an empty lower cell adds nothing.
    assert list(frame.columns) == [
        "Respondent ID",
        "Hvor enig er du? / Samarbeidet",
        "Hvor enig er du? / Informasjonen",
        "Kommentar / Open-Ended Response",
    ]
    assert [list(row) for row in frame.attrs["header_rows"]][1] == [
        "",
        "Samarbeidet",
        "Informasjonen",
        "Open-Ended Response",
    ]
    assert list(frame.attrs["line"]) == [3]


# --- the quick reader -------------------------------------------------------------------------------------------

# What makes the C parser and the csv module part ways if anything does: quotes, line ends, blank and padded rows,
# codes to clear, blanks to strip, a delimiter of the other kind.
CSV_PIECES = ['"', '""', '"a,b"', "\n", "\r\n", "\r", " ", "\t", ",", ";", "NULL", ".", "Helt enig", "æ", "'", "\u2028"]
csv_text = st.lists(st.sampled_from(CSV_PIECES) | st.text('ab \t,;"\n', max_size=6), max_size=60).map("".join)


def read_both_ways(path, monkeypatch, **options):
    """read_table's frame (or its problems) read quickly and row by row, and whether the quick reader took it."""
    read_quickly, taken = csv_source._read_quickly, []

    def quickly(*arguments):
        taken.append(read_quickly(*arguments))
        return taken[-1]

    results = []
    for reader in (quickly, lambda *arguments: None):
        monkeypatch.setattr(csv_source, "_read_quickly", reader)
        try:
            results.append(read_table(path, [], **options))
        except InputError as error:
            results.append(error.problems)
    monkeypatch.setattr(csv_source, "_read_quickly", read_quickly)
    return results, any(result is not None for result in taken)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(body=csv_text, delimiter=st.sampled_from([",", ";", "\t"]), header_rows=st.sampled_from([1, 1, 2]))
def test_the_quick_reader_reads_every_table_as_the_row_by_row_reader_does(
    tmp_path, monkeypatch, body, delimiter, header_rows
):
    path = tmp_path / "table.csv"
    path.write_text(delimiter.join(["wave", "unit", "answer"]) + "\n" + body, encoding="utf-8", newline="")
    (quickly, row_by_row), _ = read_both_ways(path, monkeypatch, header_rows=header_rows, missing=["NULL", "."])
    if isinstance(row_by_row, pd.DataFrame):
        pd.testing.assert_frame_equal(quickly, row_by_row)
        assert quickly.attrs == row_by_row.attrs
    else:
        assert quickly == row_by_row


def test_a_plain_survey_is_read_quickly_with_the_rows_numbered_as_a_spreadsheet_shows_them(tmp_path, monkeypatch):
    path = tmp_path / "survey.csv"
    path.write_text('unit,answer\n0701, Helt enig \n\n"07\n02",NULL\n0704\n', encoding="utf-8")
    (quickly, row_by_row), quick = read_both_ways(path, monkeypatch, missing=["NULL"])
    assert quick
    pd.testing.assert_frame_equal(quickly, row_by_row)
    assert quickly["answer"].tolist() == ["Helt enig", "", ""] and list(quickly.attrs["line"]) == [2, 4, 5]


@pytest.mark.parametrize(
    "body, found",
    [
        ("0701,1,\n", None),  # a trailing delimiter: the csv module's rows, read row by row
        ("0701,1,x\n", "3"),  # a cell past the header's width
        ('0701,"1\n', None),  # a quote left open at the end: the csv module keeps what follows
        ("0701," + "9" * 200_000 + "\n", "field larger than field limit (131072)"),
    ],
)
def test_what_the_quick_reader_cannot_read_exactly_is_read_row_by_row(tmp_path, monkeypatch, body, found):
    path = tmp_path / "table.csv"
    path.write_text("unit,value\n" + body, encoding="utf-8")
    (quickly, row_by_row), quick = read_both_ways(path, monkeypatch)
    assert not quick
    if found is None:
        pd.testing.assert_frame_equal(quickly, row_by_row)
    else:
        assert quickly == row_by_row and quickly[0].found == found and quickly[0].row == 2


# --- Excel and SPSS ---------------------------------------------------------------------------------------------


def test_excel_dates_and_stored_formula_results_read_as_text(tmp_path):
    frame = read_any(make_fixtures.formula_xlsx(tmp_path / "tall.xlsx"), ["unit", "value"])
    assert frame.to_dict("records") == [
        {"unit": "0701", "indicator": "anmodet", "period": "2015", "value": "25", "dato": "2015-03-01"},
        {"unit": "0701", "indicator": "vedtatt", "period": "2015", "value": "20", "dato": "2015-09-14 10:30:00"},
    ]
    assert list(frame.attrs["line"]) == [2, 3]
    assert frame.attrs["sheet"] == "Indikatorer"


def test_a_named_sheet_is_read_and_an_unknown_one_is_a_problem(tmp_path):
    path = make_fixtures.formula_xlsx(tmp_path / "tall.xlsx")
    assert list(read_any(path, sheet="Noter")["note"]) == ["Tallene er fra IMDi"]
    with pytest.raises(InputError) as caught:
        read_any(path, sheet="Ark1")
    problem = only_problem(caught.value)
    assert problem.field == "sheet" and "'Indikatorer', 'Noter'" in problem.expected and problem.found == "'Ark1'"


def test_a_formula_without_a_stored_result_is_a_problem_not_an_empty_cell(tmp_path):
    path = make_fixtures.formula_xlsx(tmp_path / "tall.xlsx", stored=False)
    with pytest.raises(InputError) as caught:
        read_any(path)
    problem = only_problem(caught.value)
    assert (problem.file, problem.row, problem.field) == ("tall.xlsx", 3, "value")
    assert "=D2-5" in problem.found


def test_spss_value_labels_are_applied_and_user_missing_values_are_empty(tmp_path):
    frame = read_any(make_fixtures.spss_sav(tmp_path / "svar.sav"))
    assert list(frame["q1"]) == [
        "Helt enig",
        "Litt enig",
        "",
        "Litt uenig",
        "Vet ikke",
    ]  # 9 'Ikke besvart' is user-missing
    assert list(frame["kommune"]) == ["0701", "0704", "0701", "0706", "0704"]
    assert frame.attrs["labels"]["q1"] == "Samarbeidet har gitt økt kompetanse"
    assert list(frame.attrs["value_labels"]["q1"]) == [
        "Helt uenig",
        "Litt uenig",
        "Verken enig eller uenig",
        "Litt enig",
        "Helt enig",
        "Vet ikke",
    ]
    assert list(frame.attrs["line"]) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("gammel.xls", b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
        ("skadet.ods", b"PK\x03\x04", "an OpenDocument spreadsheet (.ods)"),
        ("data.json", b"{}", ".csv"),
        ("skadet.xlsx", b"not a zip", "Excel workbook"),
        ("skadet.sav", b"not spss", "SPSS data file"),
    ],
)
def test_files_that_cannot_be_read_are_problems_naming_the_file(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_any(path)
    problem = only_problem(caught.value)
    assert problem.file == name and expected in problem.expected


# --- dates ------------------------------------------------------------------------------------------------------


def test_iso_dates_and_one_consistent_other_way_are_read():
    assert parse_date_column(["2016-05-25", "", "2017-02-28 17:00:00"], "m.csv", "planned", 2) == [
        date(2016, 5, 25),
        None,
        date(2017, 2, 28),
    ]
    assert parse_date_column(["24.10.2016", "01.02.2016"], "m.csv", "planned", 2) == [
        date(2016, 10, 24),
        date(2016, 2, 1),
    ]  # dots: day first
    assert parse_date_column(["01/02/2016", "24/10/2016"], "m.csv", "planned", 2) == [
        date(2016, 2, 1),
        date(2016, 10, 24),
    ]  # 24 is a day
    assert parse_date_column(["10/24/2016", "01/02/2016"], "m.csv", "planned", 2) == [
        date(2016, 10, 24),
        date(2016, 1, 2),
    ]  # 24 is a day again


def test_slashed_dates_that_never_show_which_number_is_the_day_are_not_guessed():
    with pytest.raises(InputError) as caught:
        parse_date_column(["01/02/2016", "03/04/2016"], "m.csv", "planned", [4, 9])
    assert [(p.row, p.field, p.found) for p in caught.value.problems] == [
        (4, "planned", "'01/02/2016'"),
        (9, "planned", "'03/04/2016'"),
    ]
    assert "day" in caught.value.problems[0].expected


def test_a_column_mixing_ways_of_writing_dates_lists_the_rows_that_differ():
    values = ["5/02/2016 5:00:00 PM", "24/10/2016", "30/03/2016 5:00:00 PM", "2016-05-25", "1.2.16"]
    with pytest.raises(InputError) as caught:
        parse_date_column(values, "gates.csv", "BNI", 2)
    problems = caught.value.problems
    assert [(p.row, p.found) for p in problems] == [(3, "'24/10/2016'"), (6, "'1.2.16'")]
    assert "D/M/YYYY h:mm:ss AM/PM" in problems[0].expected
    assert "four-digit year" in problems[1].expected


def test_a_date_that_does_not_exist_is_a_problem():
    with pytest.raises(InputError) as caught:
        parse_date_column(["31.02.2016", "01.03.2016"], "m.csv", "actual", 2)
    assert only_problem(caught.value).row == 2


def test_many_offending_rows_are_listed_up_to_a_cap_and_counted():
    values = ["24.10.2016"] * 40 + ["2016/10/24"] * 30
    with pytest.raises(InputError) as caught:
        parse_date_column(values, "m.csv", "planned", 2)
    problems = caught.value.problems
    assert len(problems) == MAX_LISTED + 1
    assert problems[0].row == 42
    assert problems[-1].row is None and problems[-1].found.startswith("10 more rows")


@pytest.mark.skipif(not MELBOURNE.exists(), reason="shared/realdata is not beside this checkout")
def test_melbourne_gate_dates_mixed_within_a_column_are_reported_row_by_row():
    frame = read_any(MELBOURNE)
    assert frame.attrs["encoding"] == "utf-8-sig" and frame.columns[0] == "ID"  # the byte-order mark is not in the name
    assert len(frame) == 445
    with pytest.raises(InputError) as caught:
        parse_date_column(frame["BNI"], frame.attrs["file"], "BNI", frame.attrs["line"])
    problems = caught.value.problems
    # 425 gate dates are written '5/02/2016 5:00:00 PM'; 18 carry no time: those rows are named, none is guessed.
    assert len(problems) == 18
    assert (problems[0].row, problems[0].field, problems[0].found) == (5, "BNI", "'11/07/2016'")
    assert "425 dates written D/M/YYYY h:mm:ss AM/PM" in problems[0].expected
    with pytest.raises(InputError) as caught:
        parse_date_column(frame["PBC"], frame.attrs["file"], "PBC", frame.attrs["line"])
    assert len(caught.value.problems) == MAX_LISTED + 1
    assert caught.value.problems[-1].found.startswith("31 more rows")
    stage1 = parse_date_column(frame["Stage1"], frame.attrs["file"], "Stage1", frame.attrs["line"])
    assert stage1[0] == date(2017, 2, 16) and None not in stage1
