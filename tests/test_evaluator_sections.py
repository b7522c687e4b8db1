"""The evaluator's own parts of a report: their Markdown as the report's blocks (every element, nothing run, headings
in order), placed where they belong, and the sections on recommendations and activities, counted against the
tables; in HTML and in the PDF's text and tags, from one rendered report (the Danish example with a text that uses
every element and some that must not run)."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from datetime import date
from html import unescape
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from pipeline.analysis import activities as act
from pipeline.analysis import recommendations as rec
from pipeline.cli import main
from pipeline.committees.mail import Letter, letter_text
from pipeline.errors import EvalreportError
from pipeline.paths import default_inputs
from pipeline.present import document as doc
from pipeline.present import markdown, texts
from pipeline.present.i18n import Messages
from pipeline.present.report import Report
from pipeline.project import load_project
from pipeline.render import html as render_html

VIBORG = "integrationsforum-viborg"

EVERY_ELEMENT = """# Erfaringer fra forummet

Forummet har **lært** meget, *især* af temamødet; se [Viborg Kommune](https://viborg.dk/) og skriv til
[sekretariatet](mailto:integration@viborg.example).

## Det vigtigste

1. Temamøder samler flere.
2. Skriftlig tilbagemelding virker.

- Borgere
- Foreninger

#### Et dybt niveau

> Vi blev hørt, og det kunne mærkes.

| Tema | Deltagere |
|---|--:|
| Børn og unge | 40 |
| Job og uddannelse | 28 |

Tabel: Deltagere i workshops på temamødet

Tabel: En linje, der ligner en billedtekst, men ikke står ved en tabel

<script>alert('hej')</script>

Et <b>fedt</b> ord, et [farligt link](javascript:alert(1)) og et billede: ![kort over Viborg](https://example.org/kort.png).

Opfyldt: {{criteria.met}} af {{criteria.total}}; {% for k in kriterier %}{K1}{% endfor %}.
"""


def fill_nothing(text: str) -> str:
    return text


def numbered():
    count = iter(range(1, 100))
    return lambda text: doc.Caption(label=f"Tabel {next(count)}", text=text)


# --- Markdown as blocks -----------------------------------------------------------------------------------


def test_every_supported_element_becomes_a_block_of_the_model():
    title, blocks = markdown.title_and_blocks(EVERY_ELEMENT, 3, fill_nothing, numbered())
    assert title == "Erfaringer fra forummet"
    kinds = [
        type(block).__name__ + (f"/{block.role}" if hasattr(block, "role") and block.role else "") for block in blocks
    ]
    assert kinds[:8] == [
        "Paragraph",
        "Heading",
        "BulletList/text",
        "BulletList/text",
        "Heading",
        "Box/quote",
        "Table",
        "Paragraph",
    ]
    first = blocks[0].runs
    assert doc.Strong(text="lært") in first and doc.Emphasis(text="især") in first
    assert doc.Link(text="Viborg Kommune", target="https://viborg.dk/") in first
    assert not any(isinstance(run, doc.Link) and run.target.startswith("mailto:") for run in first)  # an identifier
    assert first[-1] == " og skriv til sekretariatet."  # its words stay, without the address
    redacted = markdown.blocks("Skriv til [Kari](mailto:[…]).", 3, fill_nothing, numbered())[0].runs
    assert redacted == ["Skriv til Kari."]  # an address redacted as the text was read: no link left to it
    ordered, bullets = blocks[2], blocks[3]
    assert ordered.ordered and ordered.items == [["Temamøder samler flere."], ["Skriftlig tilbagemelding virker."]]
    assert not bullets.ordered and bullets.items == [["Borgere"], ["Foreninger"]]
    table = blocks[6]
    assert (table.header, table.rows, table.numeric) == (
        ["Tema", "Deltagere"],
        [["Børn og unge", "40"], ["Job og uddannelse", "28"]],
        [1],
    )
    assert (table.caption.label, table.caption.text) == ("Tabel 1", "Deltagere i workshops på temamødet")
    assert blocks[7].runs == [
        "Tabel: En linje, der ligner en billedtekst, men ikke står ved en tabel"
    ]  # not beside a table: kept


def test_headings_never_skip_a_level_whatever_the_text_writes():
    for base in (3, 4):
        blocks = markdown.blocks(
            "#### Dybt\n\n# Top\n\n### Midt\n\n###### Meget dybt\n\n## Igen\n", base, fill_nothing, numbered()
        )
        levels = [block.level for block in blocks if isinstance(block, doc.Heading)]
        assert (
            levels[0] == base
            and all(b <= a + 1 for a, b in zip(levels, levels[1:]))
            and max(levels) <= 4
            and min(levels) >= base
        ), levels


def test_markup_that_could_run_is_text():
    blocks = markdown.blocks(
        (
            "<script>alert('hej')</script>\n\nEt [link](javascript:alert(1)) og "
            "![kort](https://example.org/k.png) og <img src=x onerror=alert(1)>."
        ),
        3,
        fill_nothing,
        numbered(),
    )
    html = render_html.blocks(blocks)
    assert "<script" not in html and "&lt;script&gt;alert" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "href" not in html and "[link](javascript:alert(1))" in unescape(html)
    assert "kort" in html and "example.org" not in html  # an image is its description, never fetched


def test_placeholders_are_filled_in_text_runs_and_nothing_else_is():
    report = Report(load_project(VIBORG))
    fill = lambda text: texts.text_figures.fill(text, report)  # noqa: E731
    [paragraph] = markdown.blocks("**{{criteria.met}}** af {{criteria.total}} {% for %} {K1}", 3, fill, numbered())
    met = sum(r.status == "met" for r in report.criteria)
    assert paragraph.runs == [doc.Strong(text=str(met)), f" af {len(report.criteria)} {{% for %}} {{K1}}"]
    with pytest.raises(EvalreportError, match="7\\*7"):
        markdown.blocks("{{ 7*7 }}", 3, fill, numbered())  # validate stops it first; it is never evaluated


# --- One rendered report -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """The Danish example, with a text using every element (and some that must not run) as its lessons, rendered
    to HTML and PDF once for the tests below."""
    root = tmp_path_factory.mktemp("evaluator")
    inputs = root / "inputs"
    shutil.copytree(default_inputs() / VIBORG, inputs / VIBORG)
    (inputs / VIBORG / "text" / "lessons.md").write_text(EVERY_ELEMENT, encoding="utf-8")
    # By the command line, in this process: its imports and kept kernel are there already.
    command = ["--inputs", str(inputs), "--reports", str(root / "reports"), "run", VIBORG, "--format", "html,pdf"]
    assert main(command) == 0
    return root / "reports" / VIBORG / "2024-2026" / "end_report"


@pytest.fixture(scope="module")
def html(rendered) -> str:
    return rendered.with_suffix(".html").read_text(encoding="utf-8")


def headings(html: str) -> list[tuple[int, str]]:
    return [
        (int(level), unescape(re.sub("<[^>]+>", "", text)).strip())
        for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    ]


def test_each_text_stands_where_it_belongs(html):
    titles = [text for level, text in headings(html) if level == 2]
    expected = [
        "Sammenfatning",
        "Baggrund",
        "Succeskriterier",
        "Hvad der er gjort",
        "Deltagernes vurdering",
        "Anbefalinger og opfølgning",
        "Økonomi",
        "Konklusion",
        "Erfaringer fra forummet",
        "Det videre arbejde",
        "Bilag 1: Succeskriterierne i tal",
        "Bilag 2: Spørgeskemaundersøgelse",
        "Bilag 3: Milepæle",
        "Bilag 4: Aktiviteter og deltagere",
        "Bilag 5: Anbefalingerne samlet",
        "Bilag 6: Sådan er tallene lavet",
    ]
    assert [title for title in titles if title in expected] == expected
    criteria = html.split('<section id="criteria">', 1)[1].split("</section>", 1)[0]
    assert (
        "Forummets møder og arrangementer har samlet 381 deltagere mod et mål på 393 for de tre år" in criteria
    )  # text/criteria/K1.md; 2026 counted to 31 October (pro-rated)
    assert "Kommuner" not in titles  # no unit has a text: no section, no heading


def test_the_reports_headings_stay_in_order(html):
    levels = [level for level, _ in headings(html)]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), headings(html)
    assert not re.search(r"<h2>[^<]*</h2>\s*</section>", html), "a heading over nothing"


def test_every_element_in_the_html_and_nothing_that_runs(html):
    lessons = html.split('<section id="lessons">', 1)[1].split("</section>", 1)[0]
    for element in (
        "<h3>Det vigtigste</h3>",
        "<h4>Et dybt niveau</h4>",
        "<strong>lært</strong>",
        "<em>især</em>",
        '<a href="https://viborg.dk/">Viborg Kommune</a>',
        '<ol class="text">',
        '<ul class="text">',
        "<blockquote>",
    ):
        assert element in lessons, element
    assert re.search(r'<td class="num"[^>]*>40</td>', lessons)  # a cell carries its column's name (data-label)
    assert re.search(r"<caption>Tabel \d+: Deltagere i workshops på temamødet</caption>", lessons)
    assert "<script" not in html.lower() and "&lt;script&gt;" in lessons
    assert "javascript:" not in re.sub(r"&[a-z]+;", "", " ".join(re.findall(r'href="([^"]*)"', html)))
    assert "example.org/kort.png" not in html


def test_every_element_in_the_pdfs_text_and_tags(rendered):
    text = " ".join(page.extract_text() for page in PdfReader(rendered.with_suffix(".pdf")).pages)
    squeezed = re.sub(r"\s+", " ", text)
    for words in (
        "Erfaringer fra forummet",
        "Det vigtigste",
        "Temamøder samler flere.",
        "Vi blev hørt, og det kunne mærkes.",
        "Viborg Kommune (https://viborg.dk/)",
        "skriv til sekretariatet.",
        "Anbefalinger og opfølgning",
        "Aktiviteter og deltagere",
        "<script>alert('hej')</script>",
    ):
        assert words in squeezed, words
    assert re.search(r"Tabel \d+: Deltagere i workshops på temamødet", squeezed)
    with pikepdf.open(rendered.with_suffix(".pdf")) as pdf:
        from test_pdf import structure  # the same walk of the structure tree

        tags = Counter(str(element.S) for element in structure(pdf))
    assert {"/BlockQuote", "/L", "/LI", "/Link", "/Strong", "/Em", "/H3", "/H4"} <= set(tags)


def test_the_sections_count_what_the_tables_hold(html):
    project = load_project(VIBORG)
    counts = rec.counts_by_status(project.recommendations)
    section = unescape(html.split('<section id="recommendations">', 1)[1].split("</section>", 1)[0])
    assert (
        f"Der er givet {len(project.recommendations)} anbefalinger: {counts['implemented']} er gennemført, "
        f"{counts['in_progress']} er i gang"
    ) in section
    table = unescape(html.split('<section id="appendix-recommendations-table">', 1)[1].split("</section>", 1)[0])
    assert table.count("<tr>") == len(project.recommendations) + 1
    story = unescape(html.split('<section id="done">', 1)[1].split("</section>", 1)[0])
    held = act.held(project.activities, Report(project).scope.period, date(2026, 12, 31))
    assert f"er der holdt {len(held)} aktiviteter med i alt {act.total_participants(held)} deltagere" in story
    activities = unescape(html.split('<section id="appendix-activities">', 1)[1].split("</section>", 1)[0])
    per_year = act.per_year_and_kind(held, [2024, 2025, 2026])
    for year in (2024, 2025, 2026):
        row = re.search(rf"<tr><td[^>]*>{year}</td>(.*?)</tr>", activities).group(1)
        assert re.findall(r">(\d+)<", row)[: len(per_year.columns)] == [str(n) for n in per_year.loc[year]]
    by_group = activities.split("Deltagere pr. år efter gruppe", 1)[1].split("</table>", 1)[0]
    politicians = re.search(r"<tr><td[^>]*>Politikere</td>(.*?)</tr>", by_group).group(1)
    assert (
        politicians.count("for få til at vise") == 2
    )  # 2024 and 2025 withheld, by the decision in pipeline.analysis.activities
    for theme in ("Modtagelse og bosætning", "Børn og unge", "Job og uddannelse", "Fritid og netværk"):
        assert theme in activities


def test_a_project_without_the_tables_has_no_such_sections():
    report = Report(load_project("bosetting-vestfold"))
    assert report.recommendations_section() is None and report.activities_section() is None
    assert Report(load_project("helhedsplan-norrevang")).unit_texts() is None


# --- A yearly status --------------------------------------------------------------------------------------


def status(as_of: str, period: str, previous: Path | None) -> Report:
    report = Report.open(VIBORG, period=period, as_of=as_of)
    report.compare_with(previous)
    return report


def test_since_the_last_status_from_two_stored_results(tmp_path):
    first = status("2025-10-01", "2024-2025", None)
    stored = tmp_path / "status_report.results.json"
    stored.write_text(json.dumps(first.results(), ensure_ascii=False), encoding="utf-8")
    assert {r["id"]: r["status"] for r in json.loads(stored.read_text())["recommendations"]["items"]} == {
        "A1": "adopted",
        "A2": "adopted",
        "A3": "proposed",
        "A4": "proposed",
    }
    second = status("2026-10-01", "2025-2026", stored)
    assert second.results()["recommendations"]["since_previous"] == {
        "new": [],
        "adopted": ["A3"],
        "implemented": ["A1"],
        "rejected": [],
        "dropped": [],
    }
    section = unescape(second.recommendations_section().data)
    assert (
        "Siden sidste status" in section
        and "Vedtaget: A3 Virksomhedsrettet sprogundervisning" in section
        and "Gennemført: A1 Én indgang" in section
    )
    assert "Stadig åbne et år eller mere efter, de blev givet: A2 (1 år), A3 (1 år) og A4 (1 år)." in section


def test_a_stored_status_is_believed_over_todays_table(tmp_path):
    """What the committee was told last year is what changed from, even if the table has been rewritten since."""
    record = status("2025-10-01", "2024-2025", None).results()
    for item in record["recommendations"]["items"]:
        item["status"] = "proposed"  # last year, nothing had been decided yet
    stored = tmp_path / "status_report.results.json"
    stored.write_text(json.dumps(record), encoding="utf-8")
    assert status("2026-10-01", "2025-2026", stored).recommendation_changes.adopted == ["A1", "A2", "A3"]


def test_a_status_takes_the_years_own_texts():
    report = status("2026-10-01", "2025-2026", None)
    introduction = unescape(report.introduction().data)
    assert "Forummet har siden sidste status holdt sit første temamøde" in introduction
    assert "Baggrund" not in introduction  # the end report's introduction is not repeated
    assert report.lessons() is None  # text/status/2025-2026/ has no lessons.md: nothing, no heading
    expected = Messages("da")(report.criteria[1].status.value).lower()
    assert f"frivillige ({expected})" in introduction  # {{K2.status}} filled in


def test_the_committees_email_quotes_the_years_comment():
    report = status("2026-10-01", "2025-2026", None)
    comment = report.results()["status"]["comment"]
    assert comment.startswith("Forummet har siden sidste status") and "{{" not in comment
    _, body = letter_text(
        Letter(
            "da",
            "Beskæftigelses- og Integrationsudvalget",
            "Integrationsforum",
            "Viborg Kommune",
            "2025–2026",
            "1. oktober 2026",
            comment=comment,
        )
    )
    assert comment in body


# --- A survey wave tied to an activity ----------------------------------------------------------------------


def test_the_feedback_of_a_wave_stands_beside_its_activity(tmp_path):
    folder = tmp_path / VIBORG
    shutil.copytree(default_inputs() / VIBORG, folder)
    text = (folder / "project.yaml").read_text(encoding="utf-8")
    (folder / "project.yaml").write_text(
        text.replace("label: Efteråret 2025, year: 2025}", "label: Efteråret 2025, year: 2025, activity: T01}"),
        encoding="utf-8",
    )
    report = Report(load_project(folder))
    section = unescape(report.activities_section().data)
    feedback = section.split("Tilbagemeldinger fra Temamøde om fællesskaber på tværs", 1)[1]
    answers = report.responses("2025")
    assert f"{len(answers)} svarede på spørgeskemaet efter aktiviteten (efteråret 2025)." in feedback
    assert "Mine synspunkter bliver hørt i forummet" in feedback
