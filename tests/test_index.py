"""reports/index.html, the portfolio's front page, read back against the files runs leave: titles and owners, status
counts and change as results.json holds them, links that resolve, a failed last run shown as failed with its good
report still linked, the units × criteria table, newest first; and in Chromium: nothing fetched, no errors, a phone."""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pipeline.cli import main
from pipeline.run.index import index_html, portfolio_language, reports_in, write_index

CRITERIA = [
    ("K1", "Alle kommuner vedtar å bosette så mange som anmodet"),
    ("K2", "Kommunene opplever økt kompetanse"),
    ("K3", "Planlagte aktiviteter er gjennomført"),
]

PROJECTS = {
    "bosetting-agder": """title: Bosetting i Agder 2024–2025
owner: Statsforvalteren i Agder
language: nb
period: {start: 2024, end: 2025}
unit_noun: {singular: kommune, plural: kommuner}
units:
  - {id: "4201", name: Risør}
  - {id: "4202", name: Grimstad}
  - {id: "4203", name: Arendal}
""",
    "forum-viborg": """title: Integrationsforum i Viborg
owner: Viborg Kommune, Integrationsrådet
language: da
period: {start: 2024, end: 2026}
""",
}


def results(
    project: str,
    period: str,
    statuses: list[str],
    unit: str | None = None,
    language: str = "nb",
    changes: list[str] | None = None,
) -> dict:
    record = {
        "project": project,
        "unit": unit,
        "period": period,
        "language": language,
        "criteria": [{"id": cid, "title": title, "status": status} for (cid, title), status in zip(CRITERIA, statuses)],
        "summary": {
            "criteria": len(statuses),
            **{
                s: statuses.count(s)
                for s in ("met", "partly_met", "not_met", "in_progress", "no_data", "not_applicable")
            },
        },
    }
    if changes is not None:
        record["status"] = {"criteria": [{"id": cid, "change": change} for (cid, _), change in zip(CRITERIA, changes)]}
    return record


def publish(
    root: Path,
    inputs: Path,
    project: str,
    period: str,
    name: str,
    started: str,
    result: dict | None,
    failed: str = "",
    files: tuple[str, ...] = ("html", "pdf", "xlsx"),
    unit: str | None = None,
    language: str = "nb",
    good: str = "2024-12-01T12:00:00+00:00",
    as_of: str | None = None,
) -> None:
    """What a run leaves: the report's files (made at `good` when the last run failed), its results and its record."""
    folder = root / project / period
    folder.mkdir(parents=True, exist_ok=True)
    made = datetime.fromisoformat(good if failed else started).timestamp()
    for kind in files:
        (folder / f"{name}.{kind}").write_text(f"{name}.{kind}", encoding="utf-8")
        os.utime(folder / f"{name}.{kind}", (made, made))
    if result is not None:
        (folder / f"{name}.results.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    ledger = folder / "run.json"
    runs = json.loads(ledger.read_text(encoding="utf-8")) if ledger.exists() else {}
    runs[name] = {
        "report": name.split("-")[0].split(".")[0],
        "parameters": {"project": project, "unit": unit, "period": period, "language": language, "inputs": str(inputs)}
        | ({"as_of": as_of} if as_of else {}),
        "started": started,
        "status": "failed" if failed else "ok",
        "reason": failed,
    }
    ledger.write_text(json.dumps(runs), encoding="utf-8")


@pytest.fixture
def reports(tmp_path) -> Path:
    inputs, root = tmp_path / "inputs", tmp_path / "reports"
    for project, text in PROJECTS.items():
        (inputs / project).mkdir(parents=True)
        (inputs / project / "project.yaml").write_text(text, encoding="utf-8")
    agder = ("bosetting-agder", "2024-2025")
    publish(
        root, inputs, *agder, "end_report", "2025-03-01T08:00:00+00:00", results(*agder, ["met", "met", "partly_met"])
    )
    publish(root, inputs, *agder, "milestones", "2025-01-10T08:00:00+00:00", results(*agder, []), files=("html",))
    publish(
        root,
        inputs,
        *agder,
        "end_report-4201",
        "2025-03-01T08:00:00+00:00",
        results(*agder, ["met", "not_met", "partly_met"], "4201"),
        unit="4201",
    )
    publish(
        root,
        inputs,
        *agder,
        "end_report-4202",
        "2025-03-02T08:00:00+00:00",
        results(*agder, ["no_data", "met", "met"], "4202"),
        unit="4202",
        failed="timed out after 600 s (while executing)",
    )
    publish(
        root,
        inputs,
        *agder,
        "end_report-4203",
        "2025-03-01T08:00:00+00:00",
        results(*agder, ["not_met", "not_met", "met"], "4203"),
        unit="4203",
    )
    viborg = ("forum-viborg", "2025-2026")
    publish(
        root,
        inputs,
        *viborg,
        "status_report",
        "2026-10-01T04:15:00+00:00",
        results(*viborg, ["met", "not_met", "no_data"], language="da", changes=["improved", "worse", "unchanged"]),
        language="da",
    )
    publish(
        root,
        inputs,
        "forum-viborg",
        "2024-2026",
        "end_report",
        "2026-11-02T09:00:00+00:00",
        results("forum-viborg", "2024-2026", ["met", "met", "met"], language="da"),
        failed="K2: indicators.csv row 7: expected a number",
        language="da",
        good="2026-06-01T09:00:00+00:00",
    )
    publish(
        root,
        inputs,
        "forum-viborg",
        "2024-2026",
        "end_report.en",
        "2026-09-01T09:00:00+00:00",
        results("forum-viborg", "2024-2026", ["met", "partly_met", "met"], language="en"),
        language="en",
    )
    return root


def page(root: Path, language: str | None = None, today: date | None = None) -> BeautifulSoup:
    return BeautifulSoup(write_index(root, language, today).read_text(encoding="utf-8"), "html.parser")


def card(soup: BeautifulSoup, project: str):
    return soup.find("article", id=f"project-{project}")


def test_projects_by_title_and_owner_newest_report_first(reports):
    soup = page(reports)
    assert [a["id"] for a in soup.find_all("article")] == ["project-forum-viborg", "project-bosetting-agder"]
    assert [h.get_text() for h in soup.find_all("h2")] == ["Integrationsforum i Viborg", "Bosetting i Agder 2024–2025"]
    assert "Statsforvalteren i Agder" in card(soup, "bosetting-agder").find(class_="owner").get_text()
    assert [tr["data-report"] for tr in card(soup, "forum-viborg").select("table.reports tbody tr")] == [
        "status_report",
        "end_report.en",
        "end_report",
    ]
    assert [tr["data-report"] for tr in card(soup, "bosetting-agder").select("table.reports tbody tr")] == [
        "end_report",
        "milestones",
    ]


def test_each_project_in_its_own_words_or_all_in_one_language(reports):
    soup = page(reports)
    assert soup.html["lang"] == "da"  # one project each: a tie goes to the first of da, nb, en
    assert card(soup, "bosetting-agder")["lang"] == "nb" and card(soup, "forum-viborg")["lang"] == "da"
    assert "Nådd" in card(soup, "bosetting-agder").get_text() and "Opfyldt" in card(soup, "forum-viborg").get_text()
    assert "Slutrapport (på engelsk)" in card(soup, "forum-viborg").get_text()
    english = page(reports, "en")
    assert {a["lang"] for a in english.find_all("article")} == {"en"}
    assert "Met" in english.get_text() and "Opfyldt" not in english.get_text() and "Nådd" not in english.get_text()
    assert main(["--reports", str(reports), "index", "--language", "da"]) == 0
    assert BeautifulSoup((reports / "index.html").read_text(encoding="utf-8"), "html.parser").html["lang"] == "da"


def test_status_counts_are_the_results_files(reports):
    soup = page(reports)
    for project, period, name in (
        ("bosetting-agder", "2024-2025", "end_report"),
        ("forum-viborg", "2025-2026", "status_report"),
    ):
        summary = json.loads((reports / project / period / f"{name}.results.json").read_text(encoding="utf-8"))[
            "summary"
        ]
        shown = {li["data-status"]: int(li.b.get_text()) for li in card(soup, project).select(".legend li")}
        assert shown == {s: summary[s] for s in ("met", "partly_met", "not_met", "in_progress")} | {
            "no_data": summary["no_data"] + summary["not_applicable"]
        }
        bar = card(soup, project).find(class_="bar")
        assert [(span["class"][0], span["style"]) for span in bar.find_all("span")] == [
            (f"seg-{s}", f"flex-grow: {n}") for s, n in shown.items() if n
        ]
        assert bar["role"] == "img" and all(str(n) in bar["aria-label"] for n in shown.values())


def test_change_since_the_last_status_is_counted_from_the_status_records(reports):
    soup = page(reports)
    stored = json.loads(
        (reports / "forum-viborg" / "2025-2026" / "status_report.results.json").read_text(encoding="utf-8")
    )
    changes = [c["change"] for c in stored["status"]["criteria"]]
    shown = {span["data-change"]: span for span in card(soup, "forum-viborg").select(".change [data-change]")}
    assert {change: int(span.b.get_text()) for change, span in shown.items()} == {
        c: changes.count(c) for c in ("improved", "unchanged", "worse")
    }
    assert (
        shown["improved"].get_text().startswith("↑")
        and shown["worse"].get_text().startswith("↓")
        and "Forværret" in shown["worse"].get_text()
    )
    assert card(soup, "bosetting-agder").find(class_="change") is None  # no status, no change


def test_every_link_resolves_and_each_report_links_its_files(reports):
    soup = page(reports)
    links = [a["href"] for a in soup.find_all("a")]
    assert links and all((reports / link).is_file() for link in links)
    row = card(soup, "bosetting-agder").find("tr", attrs={"data-report": "end_report"})
    assert {a.get_text(): a["href"] for a in row.find_all("a")} == {
        "Nettside": "bosetting-agder/2024-2025/end_report.html",
        "PDF": "bosetting-agder/2024-2025/end_report.pdf",
        "Excel": "bosetting-agder/2024-2025/end_report.xlsx",
    }
    assert [
        a.get_text()
        for a in card(soup, "bosetting-agder").find("tr", attrs={"data-report": "milestones"}).find_all("a")
    ] == ["Nettside"]


def test_a_failed_last_run_is_told_in_plain_words_with_the_good_report_still_linked(reports):
    soup = page(reports)
    row = card(soup, "forum-viborg").find("tr", attrs={"data-report": "end_report"})
    assert "failed-run" in row["class"]
    assert (
        row.find(class_="run-failed").get_text()
        == "Den seneste opdatering 2. november 2026 mislykkedes; rapporten her er fra 1. juni 2026"
    )
    assert "indicators.csv" not in soup.get_text()  # the evaluator's error is in the run's output, not for a lead
    assert [a["href"] for a in row.find_all("a")][0] == "forum-viborg/2024-2026/end_report.html"
    assert (
        card(soup, "forum-viborg").find("tr", attrs={"data-report": "status_report"}).find(class_="run-failed") is None
    )


def test_units_by_criteria_link_each_units_report(reports):
    soup = page(reports)
    table = card(soup, "bosetting-agder").find("table", class_="units")
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Enhet", "K1", "K2", "K3"]
    assert table.thead.find("abbr")["title"] == CRITERIA[0][1]
    assert [tr.th.get_text() for tr in table.tbody.find_all("tr")] == [
        "Risør",
        "Grimstad",
        "Arendal",
    ]  # project.yaml's order
    for tr in table.tbody.find_all("tr"):
        unit = tr["data-unit"]
        stored = json.loads(
            (reports / "bosetting-agder" / "2024-2025" / f"end_report-{unit}.results.json").read_text(encoding="utf-8")
        )
        assert [td["data-status"] for td in tr.find_all("td")] == [c["status"] for c in stored["criteria"]]
        for td in tr.find_all("td"):
            assert (
                td.a["href"] == f"bosetting-agder/2024-2025/end_report-{unit}.html"
                and (reports / td.a["href"]).is_file()
            )
    grimstad = table.find("tr", attrs={"data-unit": "4202"})
    assert all(
        "failed" in td["class"] for td in grimstad.find_all("td")
    )  # its last run failed; the good report stays linked
    assert table.find("tr", attrs={"data-unit": "4201"}).find("td", attrs={"data-criterion": "K2"}).a.get_text() == "○"


def test_an_empty_reports_folder_says_how_to_make_reports(tmp_path):
    soup = page(tmp_path)
    assert "evalreport run --all" in soup.get_text() and soup.find("script") is None


def test_no_network_reference_and_the_script_is_inline(reports):
    text = write_index(reports).read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "html.parser")
    assert [s.get("src") for s in soup.find_all("script")] == [None]
    assert not soup.find_all("link") and not soup.find_all("img")
    assert "http://" not in text and "https://" not in text


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def browser_page():
    """A page in headless Chromium as tests/test_browser.py drives it, with what it requested and every error."""
    if not CHROMIUM.exists():
        if os.environ.get("EVALREPORT_REQUIRE_BROWSER") == "1":
            raise RuntimeError(f"browser tests required (EVALREPORT_REQUIRE_BROWSER=1) but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing (tools/browser-dependencies.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"], headless=True
        )

        def open_page(url: str, viewport: dict):
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            page.requests, page.errors = [], []
            page.on("request", lambda request: page.requests.append(request.url))
            page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
            page.on("pageerror", lambda error: page.errors.append(str(error)))
            page.goto(url, wait_until="load")
            return page

        yield open_page
        browser.close()


def test_in_a_browser_nothing_is_fetched_no_error_and_it_fits_a_phone(reports, lead_reports, browser_page):
    url = write_index(reports).as_uri()  # three projects: the fixtures share one reports folder
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        page = browser_page(url, viewport)
        assert page.requests == [url] and page.errors == []
        assert page.evaluate("document.scrollingElement.scrollWidth") <= viewport["width"]


def test_in_a_browser_the_filter_and_the_sorting_work(reports, browser_page):
    page = browser_page(write_index(reports).as_uri(), {"width": 390, "height": 844})
    visible = "() => [...document.querySelectorAll('article.project')].filter((a) => !a.hidden).map((a) => a.id)"
    rows = (
        "() => [...document.querySelectorAll('table.units tbody tr')].filter((r) => !r.hidden).map((r) => "
        "r.dataset.unit)"
    )
    assert page.is_visible("#filter") and page.is_visible("#sort")
    page.fill("#filter", "grimstad")
    assert page.evaluate(visible) == ["project-bosetting-agder"] and page.evaluate(rows) == ["4202"]
    page.fill("#filter", "viborg")
    assert page.evaluate(visible) == ["project-forum-viborg"]
    page.fill("#filter", "no such project")
    assert page.evaluate(visible) == [] and page.is_visible("#nothing")
    page.fill("#filter", "")
    assert page.evaluate(visible) == ["project-forum-viborg", "project-bosetting-agder"] and page.evaluate(rows) == [
        "4201",
        "4202",
        "4203",
    ]
    page.select_option("#sort", "title")
    assert page.evaluate(visible) == ["project-bosetting-agder", "project-forum-viborg"]
    page.select_option("#sort", "not_met")  # Viborg's status has 1 not met, Agder's end report none
    assert page.evaluate(visible) == ["project-forum-viborg", "project-bosetting-agder"]
    page.click("table.units tbody tr[data-unit='4203'] td[data-criterion='K1'] a")
    assert page.url.endswith("bosetting-agder/2024-2025/end_report-4203.html")


LEAD_PROJECT = """title: Integrationsforum i Viborg
owner: Viborg Kommune
language: da
period: {start: 2025, end: 2026}
committees:
  - name: Beskæftigelses- og Integrationsudvalget
    schedule: {every: year, on: "10-01", covers: previous-and-current-year}
    meetings: [2026-10-13, 2027-01-19]
"""


def lead_results(period: str, as_of: str) -> dict:
    """A yearly status as results.json has it: one criterion not met, one worse than last year, one overdue
    milestone, a recommendation waiting since 19 November 2024 and one decided; titles a browser must not run."""
    record = results(
        "forum", period, ["met", "not_met", "partly_met"], language="da", changes=["unchanged", "unchanged", "worse"]
    )
    record["criteria"][0]["title"] = "<script>alert(1)</script>"
    record["as_of"] = as_of
    milestone = {"unit": None, "unit_name": None, "phase": "", "forecast": None, "actual": None, "slippage": "so_far"}
    record["milestone_rows"] = [
        milestone
        | {
            "id": "M1",
            "title": "Temamøde <b>holdt</b>",
            "planned": "2026-09-01",
            "outcome": "overdue",
            "slippage_days": 30,
        },
        milestone
        | {"id": "M2", "title": "Forummøde i maj", "planned": "2026-05-01", "outcome": "on_time", "slippage_days": 0},
    ]
    record["recommendations"] = {
        "counts": {},
        "items": [
            {
                "id": "A1",
                "title": "Én indgang for nyankomne",
                "status": "adopted",
                "given": "2024-11-19",
                "decided": "2025-02-11",
                "to": [],
            },
            {
                "id": "A4",
                "title": "Foreningsguider",
                "status": "proposed",
                "given": "2024-11-19",
                "decided": None,
                "to": ["Børne- og Ungdomsudvalget"],
            },
        ],
    }
    return record


@pytest.fixture
def lead_reports(tmp_path) -> Path:
    inputs, root = tmp_path / "inputs", tmp_path / "reports"
    (inputs / "forum").mkdir(parents=True)
    (inputs / "forum" / "project.yaml").write_text(LEAD_PROJECT, encoding="utf-8")
    publish(
        root,
        inputs,
        "forum",
        "2024-2025",
        "status_report",
        "2025-10-01T04:00:00+00:00",
        lead_results("2024-2025", "2025-09-30"),
        language="da",
    )
    publish(
        root,
        inputs,
        "forum",
        "2025-2026",
        "status_report",
        "2026-10-01T04:00:00+00:00",
        lead_results("2025-2026", "2026-09-30"),
        language="da",
    )
    publish(
        root,
        inputs,
        "forum",
        "2025-2026",
        "committee_case",
        "2026-10-01T04:05:00+00:00",
        None,
        language="da",
        files=("html", "pdf", "docx"),
        as_of="2026-09-30",
    )
    return root


def test_a_lead_sees_what_to_look_at_from_the_newest_results(lead_reports):
    forum = card(page(lead_reports, today=date(2026, 12, 7)), "forum")
    facts = [li.get_text() for li in forum.select(".facts li")]
    assert facts == [
        "Tal pr. 30. september 2026",
        "Periode 2025–2026, i gang",
        "Næste udvalgsmøde: 19. januar 2027, Beskæftigelses- og Integrationsudvalget",
    ]
    items = [li.get_text(" ", strip=True) for li in forum.select(".attention li")]
    assert items[0] == "○ Kriterium K2 »Kommunene opplever økt kompetanse«: ikke opfyldt"
    assert (
        items[1]
        == "◐ Kriterium K3 »Planlagte aktiviteter er gjennomført«: delvist opfyldt, ↓ forværret siden sidste status"
    )
    assert (
        items[2] == "Milepælen »Temamøde <b>holdt</b>« skulle være nået 1. september 2026 og er det ikke."
    )  # as text, not markup
    assert items[3] == (
        "Anbefaling A4 »Foreningsguider« venter på en beslutning i Børne- og Ungdomsudvalget; den blev givet "
        "19. november 2024 "
        "og har ventet i 2 år."
    )  # 19 November 2024 to the figures' 30 September 2026
    assert items[4] == (
        "Sagen til Beskæftigelses- og Integrationsudvalget om status 2025–2026 venter på en beslutning; "
        "den var på mødet 13. oktober 2026, men beslutningen er ikke registreret endnu."
    )  # the first after the case's day
    assert len(items) == 5 and "<script>" not in str(forum) and "<b>holdt" not in str(forum)
    links = {li["data-report"]: li.a["href"] for li in forum.select(".documents li")}
    assert links == {
        "committee_case": "forum/2025-2026/committee_case.html",
        "status_report": "forum/2025-2026/status_report.html",
    }
    assert [a.get_text() for a in forum.select(".documents li")[0].find_all("a")] == [
        "Sag til udvalget 2025–2026",
        "PDF",
        "Word",
    ]


def test_an_end_report_with_newer_figures_keeps_the_statuss_worse_and_counts_in_progress(lead_reports):
    """The end report (figures as of 31 December) heads the card; it has no comparison, so 'worse' comes from the
    newest yearly status; a criterion whose target year still runs is counted as in progress, not as no data."""
    record = results("forum", "2025-2026", ["met", "in_progress", "partly_met"], language="da")
    record["as_of"] = "2026-12-31"
    inputs = lead_reports.parent / "inputs"
    publish(
        lead_reports, inputs, "forum", "2025-2026", "end_report", "2027-01-05T04:00:00+00:00", record, language="da"
    )
    forum = card(page(lead_reports, today=date(2027, 1, 6)), "forum")
    assert forum.select(".facts li")[0].get_text() == "Tal pr. 31. december 2026"
    items = [li.get_text(" ", strip=True) for li in forum.select(".attention li.criterion")]
    assert items == [
        "◐ Kriterium K3 »Planlagte aktiviteter er gjennomført«: delvist opfyldt, ↓ forværret siden sidste status"
    ]
    assert "1 Undervejs" in forum.select_one(".bar")["aria-label"]


def test_the_meeting_ahead_the_closed_period_and_a_recorded_decision_follow_the_day_and_decisions_csv(lead_reports):
    inputs = lead_reports.parent / "inputs" / "forum"
    before = card(page(lead_reports, today=date(2026, 10, 5)), "forum")
    assert "Næste udvalgsmøde: 13. oktober 2026" in before.select(".facts li")[-1].get_text()
    assert before.select(".attention li")[-1].get_text().endswith("; den skal behandles på mødet 13. oktober 2026.")
    later = card(page(lead_reports, today=date(2027, 2, 1)), "forum")
    assert [li.get_text() for li in later.select(".facts li")][1:] == [
        "Periode 2025–2026, afsluttet",
        "Intet udvalgsmøde er planlagt.",
    ]
    assert "men beslutningen er ikke registreret endnu" in later.select(".attention li")[-1].get_text()
    (inputs / "decisions.csv").write_text(
        (
            "committee,period,date,decision\nBeskæftigelses- og "
            "Integrationsudvalget,2025-2026,2027-01-19,Indstillingen blev godkendt.\n"
        ),
        encoding="utf-8",
    )
    assert not card(page(lead_reports, today=date(2027, 2, 1)), "forum").select(".case-waiting")
    (inputs / "decisions.csv").write_text(
        "committee,period\nno such committee", encoding="utf-8"
    )  # being edited: the card stays
    assert len(card(page(lead_reports, today=date(2027, 2, 1)), "forum").select(".case-waiting")) == 1


def test_the_page_is_in_the_language_most_projects_use():
    assert portfolio_language(["nb", "da", "nb"]) == "nb"
    assert (
        portfolio_language(["da", "nb"]) == "da"
        and portfolio_language(["en", "nb"]) == "nb"
        and portfolio_language([]) == "da"
    )


def test_one_project_that_cannot_be_read_leaves_the_others_whole(lead_reports, reports):
    assert lead_reports == reports  # one reports folder with three projects
    (lead_reports.parent / "inputs" / "forum" / "project.yaml").write_text("title: [unclosed", encoding="utf-8")
    (lead_reports / "forum" / "2025-2026" / "status_report.results.json").write_text("{not json", encoding="utf-8")
    soup = page(lead_reports, today=date(2026, 12, 7))
    forum = card(soup, "forum")
    assert forum.h2.get_text() == "forum"  # by its id, with the reports it has
    assert [li["data-report"] for li in forum.select(".documents li")] == ["committee_case", "status_report"]
    assert "Tal pr. 30. september 2025" in forum.get_text()  # last year's status is now the newest with figures
    assert card(soup, "bosetting-agder").h2.get_text() == "Bosetting i Agder 2024–2025"
    assert card(soup, "forum-viborg").select(".legend li")


# Words of the page's own that must not stand in a Danish or Norwegian index: English chrome, and run states.
ENGLISH = (
    "Projects",
    "Report",
    "Reports",
    "Files",
    "Made",
    "Last run",
    "Search",
    "Sort",
    "Status in",
    "Period",
    "Figures as of",
    "What to look at",
    "Next committee meeting",
    "Open",
    "Web page",
    "Succeeded",
    "Failed",
    "Page updated",
)
RUN_STATES = ("cached", "stale", "skipped", "running", "queued", "ok", "failed", "job")


def chrome_words(soup: BeautifulSoup, words: tuple[str, ...]) -> list[str]:
    text = soup.get_text(" ")
    return [
        word for word in words if re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE if word.islower() else 0)
    ]


def test_the_examples_index_tells_a_danish_lead_what_to_look_at(rendered_examples):
    soup = BeautifulSoup(
        index_html(reports_in(rendered_examples), rendered_examples, today=date(2026, 12, 7)), "html.parser"
    )
    assert soup.html["lang"] == "da"  # two Danish projects, one Norwegian
    assert chrome_words(soup, ENGLISH + RUN_STATES) == []
    viborg = card(soup, "integrationsforum-viborg")
    assert viborg["lang"] == "da" and card(soup, "bosetting-vestfold")["lang"] == "nb"
    stored = json.loads(
        (rendered_examples / "integrationsforum-viborg" / "2025-2026" / "status_report.results.json").read_text(
            encoding="utf-8"
        )
    )
    # The status is judged as of its scheduled day, 1 October 2026, and no criterion is "not met" while its target's
    # year runs (it is in progress); the end report, as of 7 December, has the November meeting overdue.
    end = json.loads(
        (rendered_examples / "integrationsforum-viborg" / "2024-2026" / "end_report.results.json").read_text(
            encoding="utf-8"
        )
    )
    failing = [c for c in stored["criteria"] + end["criteria"] if c["status"] == "not_met"]
    overdue = [m for m in end["milestone_rows"] if m["outcome"] == "overdue"]
    assert overdue
    shown = [li.get_text(" ", strip=True) for li in viborg.select(".attention li")]
    for criterion in failing:
        assert f"○ Kriterium {criterion['id']} »{criterion['title']}«: ikke opfyldt" in shown
    for milestone in overdue:
        assert any(line.startswith(f"Milepælen »{milestone['title']}« skulle være nået ") for line in shown)
    assert (
        "Næste udvalgsmøde: 19. januar 2027, Beskæftigelses- og Integrationsudvalget"
        in viborg.select_one(".next-meeting").get_text()
    )
    assert [li["data-report"] for li in viborg.select(".documents li")] == [
        "committee_case",
        "status_report",
        "end_report",
    ]
    assert all((rendered_examples / a["href"]).is_file() for a in soup.find_all("a"))


def test_a_norwegian_portfolio_is_in_norwegian(rendered_examples, tmp_path):
    root = tmp_path / "reports"
    shutil.copytree(rendered_examples / "bosetting-vestfold", root / "bosetting-vestfold", symlinks=True)
    soup = BeautifulSoup(index_html(reports_in(root), root, today=date(2026, 12, 7)), "html.parser")
    assert soup.html["lang"] == "nb" and {a["lang"] for a in soup.find_all("article")} == {"nb"}
    assert (
        chrome_words(soup, ENGLISH + RUN_STATES + ("Tal pr.", "Det skal du se på", "Seneste", "Åbn", "opdateret")) == []
    )
    vestfold = card(soup, "bosetting-vestfold")
    assert [li.get_text() for li in vestfold.select(".facts li")] == [
        "Tall per 31. desember 2016",
        "Periode 2015–2016, avsluttet",
    ]
    assert vestfold.select_one(".attention h3").get_text() == "Dette bør du se på" and vestfold.select(
        ".attention li.overdue"
    )
    assert (
        "Sluttrapport (på engelsk)" in vestfold.get_text()
        and soup.footer.get_text() == "Siden er oppdatert 7. desember 2026."
    )


# --- a project on school years: periods by their labels, not their folders --------------------------------------

SCHOOL_PROJECT = """title: Skolemiljø i Halden og Moss
owner: Viken fylkeskommune
language: nb
period: {start: 2018-08, end: 2020/21}
unit_noun: {singular: kommune, plural: kommuner}
units:
  - {id: "3001", name: Halden}
  - {id: "3002", name: Moss}
"""


@pytest.fixture
def school_reports(tmp_path) -> Path:
    """A year's report whose results.json says its period, one whose run failed before any results (the folder's
    name is all there is), and a report per unit."""
    inputs, root = tmp_path / "inputs", tmp_path / "reports"
    (inputs / "skole").mkdir(parents=True)
    (inputs / "skole" / "project.yaml").write_text(SCHOOL_PROJECT, encoding="utf-8")
    first = ("skole", "2018-19")
    publish(
        root,
        inputs,
        *first,
        "end_report",
        "2019-09-01T08:00:00+00:00",
        results("skole", "2018/19", ["met", "met", "not_met"]),
    )
    for unit in ("3001", "3002"):
        publish(
            root,
            inputs,
            *first,
            f"end_report-{unit}",
            "2019-09-01T08:00:00+00:00",
            results("skole", "2018/19", ["met", "met", "met"], unit),
            unit=unit,
        )
    publish(root, inputs, "skole", "2019-20", "milestones", "2020-09-01T08:00:00+00:00", None, files=("html",))
    return root


def test_a_school_year_projects_periods_are_shown_by_their_labels(school_reports):
    soup = card(page(school_reports, today=date(2021, 7, 15)), "skole")
    rows = soup.select("tr[data-period]")
    shown = {row["data-period"]: row.select_one("td[data-label='Periode']").get_text() for row in rows}
    assert shown == {"2018-19": "2018/19", "2019-20": "2019/20"}
    headings = [h3.get_text() for h3 in soup.select("h3")]
    assert "Status – Sluttrapport 2018/19" in headings  # the headline status
    assert "Sluttrapport per kommune, 2018/19" in headings  # the units × criteria table
    assert not [h for h in headings if "2018-19" in h or "2018–19" in h]
    assert soup.select_one(".facts .period").get_text() == "Periode 2018/19–2020/21, pågår"  # school years end in July
    assert soup.select_one(".facts .period")["data-closed"] == "false"
    later = card(page(school_reports, today=date(2021, 8, 1)), "skole")
    assert later.select_one(".facts .period").get_text() == "Periode 2018/19–2020/21, avsluttet"


def test_a_case_on_a_school_year_is_decided_when_decisions_csv_names_the_years_label(school_reports):
    """decisions.csv names the period as the reports say it (2019/20); the case's folder is 2019-20."""
    inputs = school_reports.parent / "inputs" / "skole"
    committee = "Hovedutvalg for oppvekst"
    schedule = '{every: year, on: "09-01", covers: previous-year}'
    (inputs / "project.yaml").write_text(
        SCHOOL_PROJECT + f"committees:\n  - name: {committee}\n    schedule: {schedule}\n", encoding="utf-8"
    )
    publish(
        school_reports,
        inputs.parent,
        "skole",
        "2019-20",
        "committee_case",
        "2020-09-01T04:05:00+00:00",
        None,
        files=("html", "pdf", "docx"),
        as_of="2020-07-31",
    )
    waiting = card(page(school_reports, today=date(2020, 9, 15)), "skole").select(".case-waiting")
    assert [li["data-period"] for li in waiting] == ["2019/20"]
    assert "2019/20" in waiting[0].get_text()
    (inputs / "decisions.csv").write_text(
        f"committee,period,date,decision\n{committee},2019/20,2020-09-10,Vedtatt.\n", encoding="utf-8"
    )
    assert not card(page(school_reports, today=date(2020, 9, 15)), "skole").select(".case-waiting")
