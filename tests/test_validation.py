"""Validation of a project's inputs: every kind of bad input is reported with file, row, field, expected and found.

Each test copies the bundled example (inputs/bosetting-vestfold, see the `example_copy` fixture), breaks one
thing in it and checks the problem `load_project` reports. Rows are lines in the file: the CSV header is line 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import InputError, Problem
from pipeline.project import load_project


def edit_line(path: Path, line: int, old: str, new: str) -> None:
    """Replace `old` by `new` in line `line` (1-based) of `path`; fail loudly if that line does not hold `old`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], f"{path.name} line {line} is {lines[line - 1]!r}, without {old!r}"
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_project(folder)
    return caught.value.problems


def only_problem(folder: Path) -> Problem:
    problems = problems_of(folder)
    assert len(problems) == 1, "\n".join(str(p) for p in problems)
    return problems[0]


# --- indicators.csv ---------------------------------------------------------------------------------------


def test_missing_required_column(example_copy):
    edit_line(example_copy / "indicators.csv", 1, "unit,indicator,period,value", "unit,indicator,value")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("indicators.csv", 1, "period")
    assert "column" in problem.expected
    assert problem.found == "columns unit, indicator, value, note"


@pytest.mark.parametrize("unit", ["0799", "701"])  # not in project.yaml; a leading zero lost in a spreadsheet
def test_undeclared_unit_in_indicators(example_copy, unit):
    edit_line(example_copy / "indicators.csv", 12, "0702,anmodet,2015", f"{unit},anmodet,2015")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("indicators.csv", 12, "unit")
    assert "'0701'" in problem.expected and "'0723'" in problem.expected
    assert problem.found == repr(unit)


def test_unknown_indicator(example_copy):
    edit_line(example_copy / "indicators.csv", 6, "0701,bosatt,2015", "0701,bosat,2015")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("indicators.csv", 6, "indicator")
    assert "'bosatt'" in problem.expected and "indicator" in problem.expected
    assert problem.found == "'bosat'"


def test_year_that_is_not_a_year(example_copy):
    edit_line(example_copy / "indicators.csv", 4, "0701,anmodet_em,2015,", "0701,anmodet_em,2015a,")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("indicators.csv", 4, "period")
    assert "a year" in problem.expected
    assert problem.found == "'2015a'"


@pytest.mark.parametrize("value", ["tretti", "-5", "inf"])
def test_value_that_is_not_a_number_of_zero_or_more(example_copy, value):
    edit_line(example_copy / "indicators.csv", 7, "0701,anmodet,2016,40,", f"0701,anmodet,2016,{value},")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("indicators.csv", 7, "value")
    assert "a number ≥ 0" in problem.expected
    assert problem.found == repr(value)


def test_duplicate_unit_indicator_and_year(example_copy):
    edit_line(example_copy / "indicators.csv", 3, "0701,vedtatt,2015,30,", "0701,anmodet,2015,31,")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("indicators.csv", 3, "period")
    assert problem.expected == "one row per unit, indicator and year"
    assert problem.found == "'2015' again (row 2 has the same unit, indicator and year)"


def test_semicolon_file_reads_decimal_commas(example_copy):
    path = example_copy / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    edit_line(path, 2, "0701;anmodet;2015;30;", "0701;anmodet;2015;12,5;")
    edit_line(path, 3, "0701;vedtatt;2015;30;", "0701;vedtatt;2015;1.234,5;")
    indicators = load_project(example_copy).indicators.set_index(["unit", "indicator", "period"])["value"]
    assert indicators[("0701", "anmodet", 2015)] == 12.5
    assert indicators[("0701", "vedtatt", 2015)] == 1234.5
    assert indicators[("0701", "anmodet", 2016)] == 40.0


def test_semicolon_file_refuses_a_dotted_number_as_ambiguous(example_copy):
    path = example_copy / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    edit_line(path, 2, "0701;anmodet;2015;30;", "0701;anmodet;2015;1.234;")  # 1234, or 1.234?
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("indicators.csv", 2, "value")
    assert "12,5" in problem.expected
    assert problem.found == "'1.234'"


# --- survey.csv -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["7", "Enig", "²"])
def test_likert_answer_outside_the_scale(example_copy, answer):
    edit_line(example_copy / "survey.csv", 14, "r013,2016,partner,,5,5,", f"r013,2016,partner,,{answer},5,")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("survey.csv", 14, "kompetanse")
    assert "'Helt enig'" in problem.expected and "'Vet ikke'" in problem.expected and "1-5" in problem.expected
    assert problem.found == repr(answer)


def test_duplicate_respondent_in_a_wave(example_copy):
    edit_line(example_copy / "survey.csv", 4, "r003,2016", "r002,2016")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("survey.csv", 4, "respondent_id")
    assert problem.expected == "ids unique within a wave"
    assert problem.found == "'r002' again (row 3 has it in the same wave)"


@pytest.mark.parametrize(
    "new, field, declared, found",
    [("r005,2017,kommune", "wave", "'2016'", "'2017'"), ("r005,2016,kommunen", "group", "'partner'", "'kommunen'")],
)
def test_undeclared_wave_or_group(example_copy, new, field, declared, found):
    edit_line(example_copy / "survey.csv", 6, "r005,2016,kommune", new)
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("survey.csv", 6, field)
    assert declared in problem.expected and "project.yaml" in problem.expected
    assert problem.found == found


def test_extra_undeclared_survey_column(example_copy):
    edit_line(example_copy / "survey.csv", 1, ",kommentar", ",kommentar,tilfredshet")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("survey.csv", 1, "tilfredshet")
    assert "survey.items" in problem.expected
    assert "undeclared column" in problem.found


def test_survey_column_without_a_name(example_copy):
    edit_line(example_copy / "survey.csv", 1, ",kommentar", ",kommentar,")  # a spreadsheet's trailing empty column
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("survey.csv", 1, "")
    assert "survey.items" in problem.expected
    assert problem.found == "a column with no name"


# --- milestones.csv ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "new, field, found",
    [
        ("15.09.2015,2015-09-15", "planned", "'15.09.2015'"),
        ("2015-09-15,2015-02-30", "actual", "'2015-02-30'"),
    ],  # no 30 February
)
def test_milestone_date_not_written_yyyy_mm_dd(example_copy, new, field, found):
    edit_line(example_copy / "milestones.csv", 4, "2015-09-15,2015-09-15", new)
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("milestones.csv", 4, field)
    assert "YYYY-MM-DD" in problem.expected
    assert problem.found == found


def test_done_milestone_without_an_actual_date(example_copy):
    edit_line(example_copy / "milestones.csv", 3, "2015-06-30,2015-08-20,done", "2015-06-30,,done")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("milestones.csv", 3, "actual")
    assert "date it was done" in problem.expected and "'done'" in problem.expected
    assert problem.found == "an empty cell"


def test_unknown_milestone_status(example_copy):
    edit_line(example_copy / "milestones.csv", 21, "2016-12-15,,open", "2016-12-15,,ferdig")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("milestones.csv", 21, "status")
    assert "done, open, cancelled" in problem.expected
    assert problem.found == "'ferdig'"


def test_every_problem_in_a_file_is_reported_at_once(example_copy):
    path = example_copy / "milestones.csv"
    edit_line(path, 3, "2015-06-30,2015-08-20", "30.06.2015,2015-08-20")
    edit_line(path, 8, "2016-01-19,2016-01-19,done", "2016-01-19,,ferdig")
    edit_line(path, 15, "2016-06-30,2016-06-21,done", "2016-06-30,,done")
    problems = problems_of(example_copy)
    assert [(p.file, p.row, p.field) for p in problems] == [
        ("milestones.csv", 3, "planned"),
        ("milestones.csv", 8, "status"),
        ("milestones.csv", 15, "actual"),
    ]
    assert [p.found for p in problems] == ["'30.06.2015'", "'ferdig'", "an empty cell"]


def test_problems_in_several_files_are_reported_together(example_copy):
    edit_line(example_copy / "indicators.csv", 5, "0701,vedtatt_em,2015,5,", "0701,vedtatt_em,2015,fem,")
    edit_line(example_copy / "survey.csv", 10, "r009,2016,partner", "r009,2016,partnere")
    edit_line(example_copy / "assessments.csv", 3, "K7,2016,met", "K7,2016,oppfylt")
    problems = problems_of(example_copy)
    assert [(p.file, p.row, p.field) for p in problems] == [
        ("indicators.csv", 5, "value"),
        ("survey.csv", 10, "group"),
        ("assessments.csv", 3, "status"),
    ]


def test_row_numbers_count_blank_lines_byte_order_mark_and_windows_line_ends(example_copy):
    path = example_copy / "milestones.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[5:5] = ["", ",,,,,,"]  # two empty lines before M05: it moves from line 6 to line 8
    lines[7] = lines[7].replace("2015-11-10", "10.11.2015")
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field, problem.found) == ("milestones.csv", 8, "planned", "'10.11.2015'")


# --- assessments.csv --------------------------------------------------------------------------------------


def test_assessment_of_a_criterion_not_measured_by_assessment(example_copy):
    edit_line(example_copy / "assessments.csv", 2, "K6,2016,partly_met", "K3,2016,partly_met")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("assessments.csv", 2, "criterion")
    assert "assessment" in problem.expected and "'K6'" in problem.expected and "'K7'" in problem.expected
    assert problem.found == "'K3'"


def test_row_of_a_cell_with_a_line_break_is_the_row_a_spreadsheet_shows(example_copy):
    path = example_copy / "assessments.csv"
    edit_line(
        path, 2, 'K6,2016,partly_met,"Seks av ti kommuner', 'K6,2016,delvis,"Seks av ti kommuner\n'
    )  # now lines 2-3
    with path.open("a", encoding="utf-8") as file:
        file.write(
            "K8,2016,met,Dokumentert.,Prosjektleder,2016-12-01\n"
        )  # line 5, but row 4: the cell over two lines is one row
    problems = problems_of(example_copy)
    assert [(p.file, p.row, p.field, p.found) for p in problems] == [
        ("assessments.csv", 2, "status", "'delvis'"),
        ("assessments.csv", 4, "criterion", "'K8'"),
    ]


# --- CSV files in general ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, found", [("", "an empty file"), ("\nid,title,unit,phase,planned,actual,status\n", "an empty first line")]
)
def test_empty_csv_file(example_copy, content, found):
    (example_copy / "milestones.csv").write_text(content, encoding="utf-8")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("milestones.csv", 1, None)
    assert "header line" in problem.expected and "planned" in problem.expected
    assert problem.found == found


def test_unclosed_quote_over_a_large_file_is_a_problem_not_a_crash(example_copy):
    with (example_copy / "survey.csv").open("a", encoding="utf-8") as file:
        file.write('r046,2016,kommune,0701,4,4,4,4,4,4,"Et langt notat limt inn' + " bla" * 40_000 + "\n")  # line 47
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("survey.csv", 47, None)
    assert "quote" in problem.expected
    assert "field limit" in problem.found


# --- project.yaml -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, old, new, message",
    [
        (71, "numerator: vedtatt", "numerator: vedtat", ("numerator", "'vedtat'", "'vedtatt'")),
        (77, "item: kompetanse", "item: kompetence", ("item", "'kompetence'", "'kompetanse'")),
        (77, "item: kompetanse", "item: kommentar", ("item", "'kommentar'", "likert")),  # a free-text item has no share
    ],
)
def test_criterion_naming_an_unknown_indicator_or_survey_item(example_copy, line, old, new, message):
    role, found, expected = message
    edit_line(example_copy / "project.yaml", line, old, new)
    problem = only_problem(example_copy)
    criterion = "criteria[0] (K1)" if role == "numerator" else "criteria[2] (K3)"
    assert (problem.file, problem.field) == ("project.yaml", f"{criterion}.measure.{role}")
    assert expected in problem.expected
    assert problem.found == found


@pytest.mark.parametrize(
    "line, old, new, field, value, missing",
    [
        (2, "owner:", "ownr:", "ownr", "Fylkesmannen i Vestfold", ["owner"]),
        (33, "aggregate: sum", "agregate: sum", "indicators.vedtatt.agregate", "sum", []),  # has a default: not missing
        (
            71,
            "numerator:",
            "numeratr:",
            "criteria.0.measure.ratio.numeratr",
            "vedtatt",
            ["criteria.0.measure.ratio.numerator"],
        ),
    ],
)
def test_misspelt_key_in_project_yaml(example_copy, line, old, new, field, value, missing):
    edit_line(example_copy / "project.yaml", line, old, new)
    problems = problems_of(example_copy)
    assert all(p.file == "project.yaml" for p in problems)
    extra = [p for p in problems if p.field == field]
    assert len(extra) == 1, "\n".join(str(p) for p in problems)
    assert extra[0].row == line
    assert "only known keys" in extra[0].expected
    assert extra[0].found == repr(value)  # the value under the misspelt key
    # a required key that is misspelt is also reported as missing
    assert [p.field for p in problems if p.found == "nothing"] == missing
    assert len(problems) == 1 + len(missing)


@pytest.mark.parametrize("language", ["fr", "no"])  # YAML reads a bare `no` as false: the message must say 'no'
def test_invalid_language(example_copy, language):
    edit_line(example_copy / "project.yaml", 3, "language: nb", f"language: {language}")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("project.yaml", 3, "language")
    assert "'nb'" in problem.expected and "'da'" in problem.expected and "'en'" in problem.expected
    assert problem.found == repr(language)


def test_file_named_in_files_does_not_exist(example_copy):
    edit_line(example_copy / "project.yaml", 21, "survey: survey.csv", "survey: sporreundersokelse.csv")
    problem = only_problem(example_copy)
    assert (problem.file, problem.field) == ("project.yaml", "files.survey")
    assert "sporreundersokelse.csv" in problem.expected
    assert problem.found == "no such file"


def test_invalid_yaml_syntax(example_copy):
    edit_line(example_copy / "project.yaml", 20, "  indicators: indicators.csv", "\tindicators: indicators.csv")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("project.yaml", 20, None)
    assert "YAML" in problem.expected
    assert "'\\t'" in problem.found


def test_project_yaml_not_saved_as_utf8(example_copy):
    path = example_copy / "project.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").replace("2015–2016", "2015-2016").encode("cp1252"))  # ø on line 9
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("project.yaml", 9, None)
    assert "UTF-8" in problem.expected
    assert "0xf8" in problem.found


# --- command line -----------------------------------------------------------------------------------------


def test_cli_validate_lists_every_problem_and_fails(example_copy, capsys):
    edit_line(example_copy / "indicators.csv", 4, "0701,anmodet_em,2015,", "0701,anmodet_em,2015a,")
    edit_line(example_copy / "survey.csv", 14, "r013,2016,partner,,5,5,", "r013,2016,partner,,7,Enig,")
    edit_line(example_copy / "milestones.csv", 4, "2015-09-15,2015-09-15", "15.09.2015,2015-09-15")
    expected = problems_of(example_copy)
    assert len(expected) == 4

    assert main(["--inputs", str(example_copy.parent), "validate", example_copy.name]) == 1
    out = capsys.readouterr().out
    assert "bosetting-vestfold: 4 problem(s)" in out
    for problem in expected:
        assert f"  - {problem}" in out
    assert "indicators.csv, row 4, field 'period': expected a year such as 2016, found '2015a'" in out


def test_cli_validate_passes_the_unbroken_example(example_copy, capsys):
    assert main(["--inputs", str(example_copy.parent), "validate", example_copy.name]) == 0
    assert (
        "bosetting-vestfold: valid (10 units, 7 criteria, 100 indicator rows, 45 respondents, 20 milestones)"
        in capsys.readouterr().out
    )


def test_an_unquoted_unit_id_with_a_leading_zero_is_refused_not_misread(example_copy):
    yaml_file = example_copy / "project.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if '"0701"' in row)
    yaml_file.write_text(text.replace('"0701"', "0701", 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_project(example_copy)
    problem = caught.value.problems[0]
    assert (problem.file, problem.row, problem.field) == ("project.yaml", line, "units.0.id")
    assert '"0701"' in problem.expected and problem.found == "0701"


def test_a_table_outside_the_project_folder_is_refused(example_copy):
    yaml_file = example_copy / "project.yaml"
    yaml_file.write_text(
        yaml_file.read_text(encoding="utf-8").replace("survey: survey.csv", "survey: ../../etc/passwd", 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_project(example_copy)
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == ("project.yaml", "files.survey")
    assert "inside the project folder" in problem.expected and "../../etc/passwd" in problem.found


# --- the cover's lines ---------------------------------------------------------------------------------------


BLANK = [(1, "title", '"  "'), (1, "title", '""'), (2, "owner", "'\t'"), (2, "owner", '"\\u200b"'), (2, "owner", "—")]


@pytest.mark.parametrize(("line", "key", "blank"), BLANK)
def test_a_blank_title_or_owner_is_refused_not_printed_as_nothing(example_copy, line, key, blank):
    project_yaml = example_copy / "project.yaml"
    written = project_yaml.read_text(encoding="utf-8").split("\n")[line - 1]
    edit_line(project_yaml, line, written, f"{key}: {blank}")
    problem = only_problem(example_copy)
    assert (problem.file, problem.row, problem.field) == ("project.yaml", line, key)
    assert "words" in problem.expected
