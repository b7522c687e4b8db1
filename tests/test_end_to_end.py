"""The whole path on the bundled examples: command line → papermill → HTML without code → PDF."""

import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.analysis.evaluation import Scope, evaluate_criteria
from pipeline.periods import parse_period
from pipeline.present.i18n import Messages
from pipeline.project import load_project

EXAMPLES = {
    "bosetting-vestfold": "2015-2016",
    "integrationsforum-viborg": "2024-2026",
    "helhedsplan-norrevang": "2022-2025",
}


@pytest.fixture(scope="module")
def reports(rendered_examples) -> Path:
    return rendered_examples  # every example rendered once per session (tests/conftest.py)


def html_of(reports: Path, project: str) -> str:
    return (reports / project / EXAMPLES[project] / "end_report.html").read_text(encoding="utf-8")


def images_of(html: str) -> list[dict]:
    class Images(HTMLParser):
        found: list[dict] = []

        def handle_starttag(self, tag, attrs):
            if tag == "img":
                self.found.append(dict(attrs))

    parser = Images()
    parser.found = []
    parser.feed(html)
    return parser.found


def visible_text(html: str) -> str:
    text = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", text.replace("&nbsp;", " ").replace("\xa0", " "))


def expected_results(project_id: str):
    project = load_project(project_id)
    return project, evaluate_criteria(Scope(project, parse_period(None, project.spec.period)))


@pytest.mark.parametrize("project_id", EXAMPLES)
def test_every_example_renders_html_pdf_audit_and_provenance(reports, project_id):
    folder = reports / project_id / EXAMPLES[project_id]
    assert (folder / "end_report.html").stat().st_size > 10_000
    assert (folder / "end_report.pdf").read_bytes().startswith(b"%PDF")
    assert (folder / "audit" / "end_report.ipynb").exists()
    record = json.loads((folder / "run.json").read_text())["end_report"]
    assert record["status"] == "ok"
    assert record["parameters"]["project"] == project_id
    assert set(record["inputs"]) >= {"project.yaml", "survey.csv", "milestones.csv"}
    assert all(len(digest) == 64 for digest in record["inputs"].values())
    assert {"papermill", "nbconvert", "typst", "evalreport"} <= set(record["versions"])


@pytest.mark.parametrize("project_id", EXAMPLES)
def test_html_has_no_code_no_prompts_and_fetches_nothing(reports, project_id):
    html = html_of(reports, project_id)
    for code in (
        "Report.open",
        "import ",
        "report.summary()",
        "In&nbsp;[",
        "jp-InputArea",
        "injected-parameters",
        "<pre",
    ):
        assert code not in html
    assert "<script" not in html.lower()
    # A link the reader may follow (the evaluator's text links to imdi.no) fetches nothing when the report opens.
    assert not re.search(r"""<(?!a\b)[^>]*\b(src|href)\s*=\s*["']?(https?:)?//""", html), (
        "the report must not load anything from the network"
    )
    assert not re.search(r"@import|url\(\s*['\"]?https?:", html)
    images = images_of(html)
    assert images and all(img["src"].startswith("data:image/svg+xml;base64,") and img["alt"].strip() for img in images)
    assert html.count("<figure>") == html.count("<figcaption>") > 0
    anchors = re.findall(r'href="#([^"]+)"', html)
    assert len(anchors) >= 4, "a table of contents links the sections"
    assert all(f'id="{anchor}"' in html for anchor in anchors)


@pytest.mark.parametrize("project_id", EXAMPLES)
def test_html_shows_each_criterion_figure_formatted_for_its_language(reports, project_id):
    project, results = expected_results(project_id)
    t = Messages(project.spec.language)
    text = visible_text(html_of(reports, project_id))
    assert f'lang="{project.spec.language}"' in html_of(reports, project_id)
    for result in results:
        assert f"{result.id} {result.title}" in text
        if result.attainment is not None:
            assert t.percent(result.attainment).replace("\xa0", " ") in text
        assert t(result.status.value) in text


def test_norwegian_end_report_states_the_hand_checked_figures(reports):
    text = visible_text(html_of(reports, "bosetting-vestfold"))
    # indicators.csv: vedtatt / anmodet summed over 2015-2016, Svelvik (blank 2016 decision) left out.
    assert "Målet er nådd i 4 av 10 kommuner: Horten, Holmestrand, Sandefjord og Sande." in text
    assert (
        "Én kommune mangler tall og inngår ikke i totalen: Svelvik (Anmodet om bosetting: 18; Vedtak om "
        "bosetting: ingen tall)."
    ) in text
    assert "Samlet: 518 av 585 (88,5 %)." in text
    assert "Side" not in text  # page numbers belong to the PDF only
    # Comments: escaped, and identifiers redacted before anything is shown.
    html = html_of(reports, "bosetting-vestfold")
    assert "&lt;b&gt;viktig&lt;/b&gt;" in html and "<b>viktig</b>" not in html
    assert "@horten.kommune.no" not in html and "03107845123" not in html and "33 08 50 00" not in html


def test_norwegian_pdf_has_pages_numbers_and_the_same_figures(reports):
    pdf = PdfReader(reports / "bosetting-vestfold" / "2015-2016" / "end_report.pdf")
    assert len(pdf.pages) > 1
    first = pdf.pages[0].mediabox
    assert (round(float(first.width)), round(float(first.height))) == (595, 842)  # A4 in points
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages).replace("\xa0", " "))
    assert f"Side 1 av {len(pdf.pages)}" in text
    assert "Målet er nådd i 4 av 10 kommuner" in text
    assert "518 av 585 (88,5 %)" in text


def test_danish_reports_use_danish_words_and_numbers(reports):
    text = visible_text(html_of(reports, "helhedsplan-norrevang"))
    assert "succeskriterier er opfyldt" in text
    assert re.search(r"\d+,\d %", text), "decimal comma and a space before the percent sign"
    pdf = PdfReader(reports / "helhedsplan-norrevang" / "2022-2025" / "end_report.pdf")
    assert f"Side 1 af {len(pdf.pages)}" in pdf.pages[0].extract_text().replace("\xa0", " ")


@pytest.mark.parametrize("project_id", EXAMPLES)
def test_computed_results_are_stored_beside_the_report(reports, project_id):
    _, results = expected_results(project_id)
    stored = json.loads((reports / project_id / EXAMPLES[project_id] / "end_report.results.json").read_text())
    assert [c["id"] for c in stored["criteria"]] == [r.id for r in results]
    assert [c["status"] for c in stored["criteria"]] == [r.status.value for r in results]
    for criterion, result in zip(stored["criteria"], results):
        assert criterion["attainment"] == (
            None if result.attainment is None else pytest.approx(result.attainment, abs=1e-6)
        )
    assert stored["summary"]["met"] == sum(r.status.value == "met" for r in results)


def test_index_links_every_report_and_fetches_nothing(reports):
    index = (reports / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', index)
    # Web page, PDF, Word and Excel of each report rendered (tests/conftest.py): the examples' end reports, the
    # Norwegian one in English, the Danish yearly status and its committee case (the latest are linked twice).
    assert len(set(links)) == 4 * (len(EXAMPLES) + 3)
    assert all((reports / link).exists() for link in links)
    assert "<script src" not in index and not re.search(r"(src|href)=\"(https?:)?//", index)
    for project_id in EXAMPLES:
        assert f"<h2>{escape(load_project(project_id).spec.title)}</h2>" in index
