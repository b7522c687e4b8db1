"""One set of hostile strings through every text field of a project, into every output: HTML, its CSS, the PDF's
page header, the charts, results.json, the workbook and the e-mail. Each output escapes text for its own syntax,
and a title meant as one line arrives as one line."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import shutil
import unicodedata
from email import message_from_bytes, policy
from html import unescape
from pathlib import Path

import pytest
import tinycss2
import yaml
from openpyxl import load_workbook
from pypdf import PdfReader

from pipeline.cli import main
from pipeline.committees.mail import Letter, SmtpSettings, status_email
from pipeline.present.charts import attainment_chart
from pipeline.project import load_project
from pipeline.render.html import css_string, stylesheet
from pipeline.spec import email_address
from pipeline.text import one_line

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "bosetting-vestfold"
LONG = ("Lang tekst " * 1000)[:10_000]
HOSTILE = [
    "linje\nskift",
    "vogn\rretur",
    "nul\0tegn",
    "sitat ' og \"",
    "Bo & Bu",
    "<script>alert(1)</script>",
    "$x$ og $y$",
    "$100 - $200",
    "bak\\strek \\",
    "}",
    "{{ title }}",
    "</style>",
    '"); } body {display:none} @import url(http://x/)',
    "\u202eomvendt\u202c og \u2066isolert\u2069",
    LONG,
]
SHORT = HOSTILE[:-1]
IDENTIFIERS_IN_MARKDOWN = (
    "Skriv til ole&#64;kommune.dk eller kari\\@kommune.no, ring 86&nbsp;12&nbsp;34&nbsp;56 eller 86 12 **34 56**, "
    "CPR 010180&#45;1234, [Per](mailto:per%40kommune.dk), ole(@)kommune.dk, ole＠kommune.dk, "
    "86\u200d12\u200d34\u200d56."
)
# What each of them reads as: none may be in any output, however the output spells its characters.
AS_READ = [
    "ole@kommune",
    "kari@kommune",
    "per@kommune",
    "per%40kommune",
    "ole(@)kommune",
    "kari[@]kommune",
    "86 12 34 56",
    "34 56",
    "86123456",
    "010180-1234",
]
# What a reader sees of the title: line breaks folded, NUL and the bidi controls gone.
TITLE = "Overskrift " + " ".join(SHORT)
SEEN_TITLE = one_line(TITLE)
PERIOD = "2015-2016"


def cycle(values: list[str], count: int) -> list[str]:
    return [values[i % len(values)] for i in range(count)]


def make_hostile(folder: Path) -> None:
    """Every text a project's author or its respondents write, replaced by hostile strings."""
    spec = yaml.safe_load((folder / "project.yaml").read_text(encoding="utf-8"))
    spec["title"] = TITLE  # all but the 10,000 characters, which would fill every page's header
    spec["owner"] = " ".join(HOSTILE)
    for unit, text in zip(spec["units"], cycle([LONG, *SHORT], len(spec["units"]))):
        unit["name"] = text
    for criterion, text in zip(spec["criteria"], cycle([LONG, *SHORT[4:]], len(spec["criteria"]))):
        criterion["title"] = text
    for item, text in zip(spec["survey"]["items"].values(), cycle([LONG, *SHORT[3:]], len(spec["survey"]["items"]))):
        item["text"] = text
    spec["survey"]["groups"] = {"kommune": "$100 - $200 & <b>", "partner": '"); } \\ {{ x }}\n' + LONG}
    (folder / "project.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # A table holding a NUL byte is refused whole, as a binary file (test_readers); tables get the rest.
    in_tables = [text for text in HOSTILE if "\0" not in text]
    rewrite_column(folder / "milestones.csv", "title", in_tables)
    phases = [
        "Fase ole＠kommune.dk",
        "Fase 86\t12\t34\t56",
        "Fase kari[@]kommune[.]no",
    ]  # identifiers, redacted as read
    rewrite_column(folder / "milestones.csv", "phase", ["$100 - $200", "Fase & <i>", "linje\nskift", *phases])
    rewrite_column(folder / "survey.csv", "kommentar", in_tables)
    # Identifiers as the evaluator's Markdown may hold them: the reader would see each, so none may be published.
    with (folder / "text" / "lessons.md").open("a", encoding="utf-8") as lessons:
        lessons.write(
            f"\n\n## Kontakt ole&#64;kommune.dk\n\n{IDENTIFIERS_IN_MARKDOWN}\n\n"
            "| Navn | Telefon |\n|---|---|\n| Ole | 86&nbsp;12&nbsp;34&nbsp;56 |\n"
        )


def rewrite_column(path: Path, column: str, texts: list[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row, text in zip(rows, cycle(texts, len(rows))):
        row[column] = text
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """The hostile project rendered once, to HTML, PDF, results.json and xlsx, through the command line."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "inputs" / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder)
    make_hostile(folder)
    code = main(
        [
            "--inputs",
            str(folder.parent),
            "--reports",
            str(root / "reports"),
            "run",
            EXAMPLE.name,
            "--report",
            "end_report",
            "--jobs",
            "1",
        ]
    )
    assert code == 0
    return root / "reports" / EXAMPLE.name / PERIOD


@pytest.fixture(scope="module")
def html(rendered) -> str:
    return (rendered / "end_report.html").read_text(encoding="utf-8")


def test_the_hostile_project_validates_with_its_titles_on_one_line(example_copy, capsys):
    make_hostile(example_copy)
    assert main(["--inputs", str(example_copy.parent), "validate", example_copy.name]) == 0
    project = load_project(example_copy)
    spec = project.spec
    assert spec.title == SEEN_TITLE
    one_liners = [
        spec.title,
        spec.owner,
        *(u.name for u in spec.units),
        *(c.title for c in spec.criteria),
        *(i.text for i in spec.survey.items.values()),
        *spec.survey.groups.values(),
        *project.milestones["title"],
    ]
    for text in one_liners:
        assert not re.search(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", text), repr(text[:60])
    assert "Bo & Bu" in spec.owner and "$100 - $200" in spec.owner and len(spec.owner) > 10_000


def test_html_escapes_every_text_and_its_css_keeps_the_title_in_one_string(html):
    assert "<script" not in html.lower()
    assert html.count("</style>") == 1 and html.count("<style>") == 1
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    rules = tinycss2.parse_stylesheet(style, skip_comments=True, skip_whitespace=True)
    assert not [r for r in rules if r.type == "error"]
    assert not [r for r in rules if r.type == "at-rule" and r.lower_at_keyword == "import"]
    own = tinycss2.parse_stylesheet(stylesheet(), skip_comments=True, skip_whitespace=True)
    assert len(rules) == len(own) + 2  # the style sheet, :root's accent and @page: no rule from the title
    page = rules[-1]  # the template's, after the style sheet's own
    assert (page.type, page.lower_at_keyword) == ("at-rule", "page")
    margins = {
        r.lower_at_keyword: r for r in tinycss2.parse_rule_list(page.content, skip_whitespace=True, skip_comments=True)
    }
    [declaration] = tinycss2.parse_declaration_list(
        margins["top-right"].content, skip_whitespace=True, skip_comments=True
    )
    values = [token for token in declaration.value if token.type != "whitespace"]
    assert [token.type for token in values] == ["string"]
    assert values[0].value == SEEN_TITLE


def test_the_pdf_header_prints_the_title_as_written(rendered):
    reader = PdfReader(rendered / "end_report.pdf")
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) > 2
    for text in pages[1:]:
        assert (
            "Overskrift linje skift vogn retur nultegn sitat ' og \" Bo & Bu <script>" in text
        )  # every page's header but the cover's
    assert not any("&amp;" in text or "&#34;" in text for text in pages)


def test_charts_print_dollar_signs_literally(html):
    svgs = [
        base64.b64decode(data).decode("utf-8") for data in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    ]
    assert svgs
    charts = re.sub(
        r"<!--.*?-->", "", "".join(svgs), flags=re.S
    )  # matplotlib writes each text as given in a comment too
    assert "$100 - $200" in charts
    assert "$x$ og $y$" in charts


def test_results_and_workbook_hold_the_texts(rendered):
    results = json.loads((rendered / "end_report.results.json").read_text(encoding="utf-8"))
    assert "$100 - $200" in json.dumps(results, ensure_ascii=False)
    book = load_workbook(rendered / "end_report.xlsx")
    texts = [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert "Bo & Bu" in texts and "$100 - $200" in texts and "<script>alert(1)</script>" in texts
    assert "'\"); } body {display:none} @import url(http://x/)" not in texts  # not a formula, and not prefixed either


def as_read(text: str) -> str:
    """A text as a reader takes it: character references decoded, full-width characters as their plain ones,
    invisible characters gone, every run of spaces one space."""
    text = unicodedata.normalize("NFKC", unescape(text))
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return re.sub(r"\s+", " ", text)


def test_no_identifier_reaches_any_output_however_written(rendered, html):
    results = (rendered / "end_report.results.json").read_text(encoding="utf-8")
    book = load_workbook(rendered / "end_report.xlsx")
    cells = (cell.value for sheet in book for row in sheet.iter_rows() for cell in row)
    workbook = " ".join(str(value) for value in cells if value is not None)
    pdf = " ".join(page.extract_text() for page in PdfReader(rendered / "end_report.pdf").pages)
    outputs = {
        "html": as_read(re.sub(r"<[^>]+>", "", html)),
        "xlsx": as_read(workbook),
        "pdf": as_read(pdf),
        "results.json": as_read(json.dumps(json.loads(results), ensure_ascii=False)),
    }
    assert "Kontakt [...]" in outputs["html"] and "Kontakt [...]" in outputs["pdf"]  # there, redacted (… read as ...)
    for name, text in outputs.items():
        for identifier in AS_READ:
            assert identifier not in text, (name, identifier)


def test_the_email_subject_is_one_line(tmp_path):
    settings = SmtpSettings("127.0.0.1", 25, starttls=False, sender="evalreport@viborg.dk")
    letter = Letter(
        "nb", "Udvalget\nBcc: x@evil.example", "Tittel\r\nBcc: x@evil.example\0", "Eier", "2015–2016", "1. oktober 2016"
    )
    message = status_email(settings, "udvalg@viborg.example", letter, b"%PDF-1.7\n", "a.pdf")
    parsed = message.as_bytes()
    assert b"\nBcc:" not in parsed and b"\0" not in parsed
    again = message_from_bytes(parsed, policy=policy.default)
    assert again["Subject"] == "Årlig status 2015–2016: Tittel Bcc: x@evil.example"
    assert again["Bcc"] is None


def test_validate_names_an_address_that_is_not_one_with_its_field(example_copy, capsys):
    spec = yaml.safe_load((example_copy / "project.yaml").read_text(encoding="utf-8"))
    emails = ["utvalg@vestfold.example", "utvalg\0@vestfold.example"]
    spec["committees"] = [{"name": "Fylkesutvalget", "schedule": {"on": "10-01"}, "delivery": {"email": emails}}]
    (example_copy / "project.yaml").write_text(
        yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    assert main(["--inputs", str(example_copy.parent), "validate", example_copy.name]) == 1
    out = capsys.readouterr().out
    assert "field 'committees.0.delivery.email.1': expected an e-mail address" in out
    assert "U+0000" in out and "found 'utvalg\\x00@vestfold.example'" in out


# --- the escapers on their own ------------------------------------------------------------------------------


def test_a_chart_label_is_printed_as_written_and_a_long_one_is_cut():
    names = ["$a$ $b$", "$100 - $200", "$\\nosuchcommand$", LONG]
    svg = attainment_chart(
        names, [0.5, 0.9, 1.1, 0.7], ["not_met", "partly_met", "met", "not_met"], lambda x: f"{x:.0%}"
    )
    drawn = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    assert "$a$ $b$" in drawn and "$100 - $200" in drawn and "$\\nosuchcommand$" in drawn
    width = float(re.search(r'<svg[^>]*width="([\d.]+)pt"', svg).group(1))
    assert width < 800  # an A4 page is 595 pt wide; the 10,000 characters end in … after two lines
    assert "Lang tekst …" in drawn


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "quote \" and ' apostrophe",
        "back\\slash",
        "line\nbreak\r\n",
        "</style><script>",
        '"); } body {display:none} @import url(http://x/)',
        "nul\0",
        "ø & é",
    ],
)
def test_a_css_string_reads_back_as_the_text_and_cannot_end_the_style_element(text):
    written = css_string(text)
    assert "</" not in written.lower() and "\n" not in written and "\0" not in written
    [token] = [t for t in tinycss2.parse_component_value_list(written) if t.type != "whitespace"]
    assert token.type == "string"
    assert token.value == text.replace("\0", "\ufffd")  # CSS reads an escaped NUL as U+FFFD


@pytest.mark.parametrize(
    "address", ["udvalg@viborg.dk", "udvalg@københavn.dk", "anne+status@viborg.example", " udvalg@viborg.dk "]
)
def test_valid_email_addresses(address):
    assert email_address(address) == address.strip()


@pytest.mark.parametrize(
    "address",
    [
        "evil:a@b;",
        "evil:a@b.dk;",
        '"a" <b@c.dk>',
        "Anne <anne@viborg.dk>",
        "a\0b@viborg.dk",
        "a@viborg.dk\nBcc: x@evil.example",
        "a@b@viborg.dk",
        "udvalg(at)viborg.dk",
        "a@b.dk, c@d.dk",
    ],
)
def test_invalid_email_addresses(address):
    with pytest.raises(ValueError, match="an e-mail address"):
        email_address(address)
