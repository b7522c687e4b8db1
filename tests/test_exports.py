"""Every number out, on the bundled examples: each table of the HTML report has its sheet in <report>.xlsx with the
same cells, <report>.figures.csv holds the same figures, results.json validates against docs/results.schema.json,
and a figure the suppression decision withholds is empty everywhere."""

import csv
import io
import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from babel.dates import format_date
from docx import Document
from openpyxl import load_workbook

from pipeline.present.i18n import Messages
from pipeline.present.report import Report
from pipeline.project import load_project
from pipeline.render.figures_csv import figures_csv
from pipeline.render.tables import report_tables
from pipeline.render.workbook import About, workbook

EXAMPLES = {
    "bosetting-vestfold": "2015-2016",
    "integrationsforum-viborg": "2024-2026",
    "helhedsplan-norrevang": "2022-2025",
}
SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "docs" / "results.schema.json").read_text(encoding="utf-8")
)
# A number as each language writes it: da 1.234,5; nb 1 234,5 (a no-break space); en 1,234.5; signed with + or −.
NUMBER = {
    "da": re.compile(r"[+\-−]?\d+(?:\.\d{3})*(?:,\d+)?"),
    "nb": re.compile(r"[+\-−]?\d+(?:[\u00a0\u202f]\d{3})*(?:,\d+)?"),
    "en": re.compile(r"[+\-−]?\d+(?:,\d{3})*(?:\.\d+)?"),
}


@pytest.fixture(scope="module")
def reports(rendered_examples) -> Path:
    return rendered_examples  # every example rendered once per session (tests/conftest.py)


# Each example's end report, by its project's name, and the Danish yearly status.
STATUS = "integrationsforum-viborg status"
REPORTS = {project: f"{project}/{period}/end_report" for project, period in EXAMPLES.items()}
REPORTS[STATUS] = "integrationsforum-viborg/2025-2026/status_report"


def report_file(reports: Path, which: str, suffix: str) -> Path:
    return reports / (REPORTS[which] + suffix)


def language_of(which: str) -> str:
    return load_project(which.split()[0]).spec.language


class Tables(HTMLParser):
    """Each <table> of a page: its caption, its column headings and its rows of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables, self.text, self.row = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "header": [], "rows": []})
        elif tag in ("caption", "th", "td"):
            self.text = ""
        elif tag == "tr":
            self.row = []

    def handle_data(self, data):
        if self.text is not None:
            self.text += data

    def handle_endtag(self, tag):
        table = self.tables[-1] if self.tables else None
        if tag == "caption":
            table["caption"] = self.text
        elif tag == "th":
            table["header"].append(self.text)
        elif tag == "td":
            self.row.append(self.text)
        elif tag == "tr" and self.row:
            table["rows"].append(self.row)
        if tag in ("caption", "th", "td"):
            self.text = None


def html_tables(reports: Path, project: str) -> list[dict]:
    parser = Tables()
    parser.feed(report_file(reports, project, ".html").read_text(encoding="utf-8"))
    return parser.tables


def workbook_of(reports: Path, project: str):
    return load_workbook(report_file(reports, project, ".xlsx"))


def sheets_by_caption(book) -> dict[str, object]:
    """The About sheet lists each table's sheet beside its caption."""
    about = book.worksheets[0]
    return {row[1].value: book[row[0].value] for row in about.iter_rows() if row[0].hyperlink}


def figures_of(reports: Path, project: str) -> list[dict]:
    with open(report_file(reports, project, ".figures.csv"), encoding="utf-8", newline="") as found:
        return list(csv.DictReader(found))


def results_of(reports: Path, project: str) -> dict:
    return json.loads(report_file(reports, project, ".results.json").read_text(encoding="utf-8"))


def plain(text) -> str:
    return " ".join(str(text).replace("\u00a0", " ").split())


def numbers_in(text: str, language: str) -> list[tuple[float, int]]:
    """Each number in a cell's text, with its count of decimals."""
    found = []
    for token in NUMBER[language].findall(text):
        decimal = "." if language == "en" else ","
        digits = re.sub(r"[^\d" + re.escape(decimal) + "]", "", token).replace(decimal, ".")
        sign = -1 if token[0] in "-−" else 1
        found.append((sign * float(digits), len(digits.split(".")[1]) if "." in digits else 0))
    return found


def same_figure(html_number: tuple[float, int], cell) -> bool:
    """The figure in the sheet, shown as the report shows it (a share in per cent, rounded as the report rounds it)."""
    shown, decimals = html_number
    value = cell.value * 100 if "%" in cell.number_format else cell.value
    return abs(value - shown) <= 0.5 * 10**-decimals + 1e-9


def same_cell(text: str, cell, language: str, locale) -> bool:
    if cell.value is None:
        return not re.search(r"\d", text)  # no figure: '–', nothing, or words such as 'for få til at vise'
    if isinstance(cell.value, datetime):
        return any(
            plain(text).startswith(plain(format_date(cell.value.date(), format=length, locale=locale)))
            for length in ("medium", "long")
        )
    if isinstance(cell.value, str):
        return plain(cell.value.removeprefix("'") if cell.value.startswith("'=") else cell.value) == plain(text)
    numbers = numbers_in(text, language)
    return bool(numbers) and same_figure(numbers[0], cell)


def interval_matches(text: str, low, high, language: str) -> bool:
    numbers = numbers_in(text, language)
    if low.value is None or high.value is None:
        return low.value is None and high.value is None and not numbers
    return len(numbers) == 2 and same_figure(numbers[0], low) and same_figure(numbers[1], high)


@pytest.mark.parametrize("project", REPORTS)
def test_every_table_in_the_html_report_has_its_sheet_with_the_same_cells(reports, project):
    language = language_of(project)
    t = Messages(language)
    tables = html_tables(reports, project)
    book = workbook_of(reports, project)
    sheets = sheets_by_caption(book)
    assert tables and [plain(table["caption"]) for table in tables] == [plain(caption) for caption in sheets]
    assert book.sheetnames[1 : len(tables) + 1] == [
        sheet.title for sheet in sheets.values()
    ]  # in the report's order, after "About"
    for table, sheet in zip(tables, sheets.values()):
        where = plain(table["caption"])
        headings = [cell.value for cell in sheet[1]]
        rows = list(sheet.iter_rows(min_row=2))
        assert len(rows) == len(table["rows"]), where
        column = 0
        for index, heading in enumerate(table["header"]):
            if plain(headings[column]) == plain(heading):  # one cell for one
                for html_row, row in zip(table["rows"], rows):
                    assert same_cell(html_row[index], row[column], language, t.locale), (
                        f"{where}, {heading}: {html_row[index]!r} against {row[column].value!r}"
                    )
                column += 1
            else:  # an interval: its bounds in two columns
                bounds = [t("export_interval_low", heading=heading), t("export_interval_high", heading=heading)]
                assert [plain(h) for h in headings[column : column + 2]] == [plain(b) for b in bounds], where
                for html_row, row in zip(table["rows"], rows):
                    assert interval_matches(html_row[index], row[column], row[column + 1], language), (
                        f"{where}, {heading}: {html_row[index]!r}"
                    )
                column += 2
        assert column == len(headings), where


@pytest.mark.parametrize("project", REPORTS)
def test_the_long_csv_holds_every_cell_of_every_table_as_the_sheet_holds_it(reports, project):
    """Every table of the page is in figures.csv, cell for cell in the sheet's order: a figure as the sheet's number
    or date, a figure withheld as an empty value, words as the words; each line names its row as the page does."""
    book = workbook_of(reports, project)
    sheets = sheets_by_caption(book)
    tables = {plain(table["caption"]): table for table in html_tables(reports, project)}
    figures = figures_of(reports, project)
    assert {f["unit"] for f in figures} <= {"count", "share", "number", "date", "text"}
    assert {plain(f["table"]) for f in figures} == set(tables) == {plain(caption) for caption in sheets}
    for caption, sheet in sheets.items():
        lines = iter(f for f in figures if f["table"] == caption)
        headings = [cell.value for cell in sheet[1]]
        for html_row, row in zip(tables[plain(caption)]["rows"], sheet.iter_rows(min_row=2)):
            for index, (heading, cell) in enumerate(zip(headings, row)):
                if index == 0 and (cell.value is None or isinstance(cell.value, str)):
                    continue  # the row's name
                line = next(lines)
                where = f"{caption}, {html_row[0]!r}, {heading}"
                assert (plain(line["row"]), line["column"]) == (plain(html_row[0]), heading), where
                if isinstance(cell.value, datetime):
                    assert (line["value"], line["unit"]) == (cell.value.date().isoformat(), "date"), where
                elif isinstance(cell.value, (int, float)):
                    assert line["unit"] != "text" and round(float(line["value"]), 9) == round(float(cell.value), 9), (
                        where
                    )
                elif cell.value is None and cell.comment:  # withheld
                    assert line["value"] == "" and line["unit"] != "text", where
                elif cell.value is None:  # no figure: the page's words for that ('–', 'not counted')
                    assert line["unit"] == "text" and plain(line["value"]) == plain(html_row[index]), where
                else:  # words
                    assert line["unit"] == "text" and plain(line["value"]) == plain(cell.value), where
        assert next(lines, None) is None, caption
    sections = {plain(f["table"]): f["section"] for f in figures}
    about = {
        plain(row[1]): row[2]
        for row in book.worksheets[0].iter_rows(values_only=True)
        if row[1] and plain(row[1]) in sections
    }
    assert about == sections


@pytest.mark.parametrize("project", REPORTS)
def test_every_number_of_every_table_is_a_number_in_the_workbook(reports, project):
    """No sheet holds a figure as text: a cell whose words are only a number, a share or a date is stored as one
    (a row's name, such as a year, stays as written); the extra sheets are named in the report's language."""
    language = language_of(project)
    number = NUMBER[language].pattern
    figure_only = re.compile(rf"(?:{number})(?:\s?%)?|\d{{1,2}}\.\s?\w+\.?\s\d{{4}}")
    book = workbook_of(reports, project)
    as_text = [
        (caption, cell.coordinate, cell.value)
        for caption, sheet in sheets_by_caption(book).items()
        for row in sheet.iter_rows(min_row=2)
        for cell in row[1:]
        if isinstance(cell.value, str) and figure_only.fullmatch(plain(cell.value))
    ]
    assert not as_text
    t = Messages(language)
    results = results_of(reports, project)
    extra = [t(f"export_{kind}") for kind in ("recommendations", "activities") if kind in results]
    assert book.sheetnames[len(sheets_by_caption(book)) + 1 :] == extra
    assert extra or project != "integrationsforum-viborg"  # Viborg's are "Anbefalinger" and "Aktiviteter"


@pytest.mark.parametrize("project", REPORTS)
def test_the_word_file_holds_every_table_of_the_page_cell_for_cell(reports, project):
    """<report>.docx is drawn from the same document: the same captions, headings and cells as the page."""
    word = Document(report_file(reports, project, ".docx"))
    tables = html_tables(reports, project)
    captions = [
        p.text for p in word.paragraphs if p.style.name == "Caption" and not p.text.startswith(("Figur ", "Figure "))
    ]
    assert [plain(c) for c in captions] == [plain(table["caption"]) for table in tables]
    assert len(word.tables) == len(tables)
    for table, drawn in zip(tables, word.tables):
        rows = [[plain(cell.text) for cell in row.cells] for row in drawn.rows]
        assert rows == [[plain(h) for h in table["header"]], *([plain(c) for c in row] for row in table["rows"])], (
            table["caption"]
        )


@pytest.mark.parametrize("project", EXAMPLES)
def test_results_validate_against_the_schema(reports, project):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    validator.check_schema(SCHEMA)
    results = results_of(reports, project)
    assert not [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(results)]
    assert results["schema_version"] == 1 and results["survey"]["waves"]


def test_yearly_status_and_unit_results_validate_against_the_schema():
    validator = jsonschema.Draft202012Validator(SCHEMA)
    status = Report.open("integrationsforum-viborg", as_of="2026-10-01")
    status.compare_with(None)
    unit = Report.open("bosetting-vestfold", unit="0701")
    for report in (status, unit):
        results = json.loads(json.dumps(report.results()))
        assert not [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(results)]
    assert "status" in json.loads(json.dumps(status.results()))


def test_the_schema_refuses_a_withheld_figure_that_has_a_number(reports):
    results = results_of(reports, "integrationsforum-viborg")
    item = next(i for wave in results["survey"]["waves"] for i in wave["items"] if i.get("suppressed"))
    item["n"] = 3
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(results))


def test_results_carry_per_unit_and_survey_figures_as_the_report_shows_them(reports):
    results = results_of(reports, "bosetting-vestfold")
    k1 = results["criteria"][0]
    # Found by caption, not number: the end report's story may put a table of the evaluator's before them.
    detail = next(
        table
        for table in html_tables(reports, "bosetting-vestfold")
        if re.match(r"Tabell \d+: K1 .* per kommune$", table["caption"])
    )
    assert [u["name"] for u in k1["units"]] == [row[0] for row in detail["rows"]]
    assert ["–" if u["numerator"] is None else f"{u['numerator']:g}" for u in k1["units"]] == [
        row[1] for row in detail["rows"]
    ]
    (wave,) = results["survey"]["waves"]
    likert = next(
        table
        for table in html_tables(reports, "bosetting-vestfold")
        if re.match(r"Tabell \d+: Andel positive svar med", table["caption"])
    )
    totals = {i["text"]: i for i in wave["items"] if i["group"] is None}
    for row in likert["rows"]:  # a question the project's decision withholds has no figures in either
        total = totals[row[0]]
        assert str(total["n"]) == row[1] if not total.get("suppressed") else "n" not in total
    assert {r["group"] for r in wave["response_rates"]} == {"kommune", "partner", None}


def test_a_withheld_figure_is_empty_in_the_workbook_the_csv_and_results(example_copy):
    """With 8 as the smallest group shown, Vestfold's partners (7) are withheld, and with them the municipalities
    (their figures would follow from the total): the report says so in words, and no export has a number there."""
    settings = example_copy / "project.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("  min_group_size: 5", "  min_group_size: 8"), encoding="utf-8"
    )
    report = Report(load_project(example_copy))
    t = report.t
    shown = report.survey_section()
    parser = Tables()
    parser.feed(shown.data)
    groups = next(
        table for table in parser.tables if table["caption"].endswith("Andel positive svar per respondentgruppe")
    )
    withheld = [
        (row[0], groups["header"][i])
        for row in groups["rows"]
        for i, text in enumerate(row)
        if text in (t("suppressed"), t("suppressed_to_protect"))
    ]
    assert len(withheld) == 2 * len(groups["rows"])
    tables = report_tables([shown.section], "nb")
    book = load_workbook(
        io.BytesIO(workbook(tables, About("nb", "P", "O", "R", None, "2015–2016", datetime.now(UTC), "0" * 64, "1")))
    )
    (sheet,) = [book[name] for name in book.sheetnames if name.startswith("Tabell 3 ")]
    headings = [cell.value for cell in sheet[1]]
    cells = {(row[0].value, headings[i]): cell for row in sheet.iter_rows(min_row=2) for i, cell in enumerate(row)}
    for item, group in withheld:
        assert cells[item, group].value is None and cells[item, group].comment.text == t("item_too_few", min=8)
    lines = list(csv.DictReader(io.StringIO(figures_csv(tables))))
    empty = {
        (f["row"], f["column"])
        for f in lines
        if f["table"] == groups["caption"] and f["value"] == "" and f["unit"] != "text"
    }
    assert empty == set(withheld)
    (wave,) = json.loads(json.dumps(report.results()))["survey"]["waves"]
    by_group = [i for i in wave["items"] if i["group"] is not None]
    assert by_group and all(
        i == {"item": i["item"], "text": i["text"], "group": i["group"], "suppressed": True} for i in by_group
    )
    assert not list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(json.loads(json.dumps(report.results()))))
