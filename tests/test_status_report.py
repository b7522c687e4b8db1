"""The yearly status on the Danish example: run by papermill with and without a stored previous status, what it
says per criterion, its milestone tables, its stored results, and its words in three languages."""

import json
import re
import shutil
from datetime import date
from html import unescape
from pathlib import Path

import pandas as pd
import papermill
import pytest

from pipeline.analysis import survey as sv
from pipeline.errors import EvalreportError
from pipeline.paths import notebooks_dir
from pipeline.present.document import DOCUMENT_MIMETYPE, RESULTS_MIMETYPE, Section
from pipeline.present.report import Report
from pipeline.project import load_project
from pipeline.render.cover import cover
from pipeline.render.html import section
from pipeline.run.jobs import Job

NOTEBOOK = notebooks_dir() / "status_report.ipynb"
PROJECT = "integrationsforum-viborg"
EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / PROJECT

# Hand-checked from inputs/integrationsforum-viborg, as of 1 October 2026 (2025-2026) against 1 October 2025
# (2024-2025):
# K1 participants summed, 2026 counted to 31 October (provisional, pro-rated): (181 + 68) / (140 + 160 × 304/365) =
# 91,1 %, in progress while 2026 runs, against (132 + 181) / (120 + 140) = 120,4 % met.
# K2 active volunteers, latest 31 (2025's count) in both, baseline 20, target 40: (31 − 20) / 20 = 55,0 %, in progress
# both times (the target's year not over) and no new measurement since the count of December 2025.
# K3 "hørt" in the 2025 wave, the latest in both periods: 35 / 49 = 71,4 % of 70 % = 102,0 % met; no new wave since.
# K4 every milestone due done, both times: 100 % of 90 % = 111,1 % met. K5: on 1 October 2025 the latest assessment
# known was 2024's "partly met" (2025's "met" is dated 9 December 2025); on 1 October 2026 it is 2025's "met".
VERDICTS = {
    "K1": "Forværret: status er gået fra opfyldt til undervejs, og opnåelsesgraden er faldet fra 120,4 % til 91,1 %.",
    "K2": "Ingen ny måling siden 31. december 2025; status er undervejs, 55,0 %.",
    "K3": "Ingen ny måling siden efteråret 2025; status er opfyldt, 102,0 %.",
    "K4": "Uændret: fortsat opfyldt, med en opnåelsesgrad på 111,1 % ligesom sidst.",
    "K5": "Forbedret: status er gået fra delvist opfyldt til opfyldt.",
}
# milestones.csv: done from 1 January 2025 up to 1 October 2026 (F05 planned in February, done in March; S02 done in
# November 2025; F07 cancelled; S03 done 13 October 2026, after the status). Due in the next 12 months: S03 (planned
# 13 October 2026), F12 (forecast 1 December 2026) and F13 (forecast 12 January 2027).
REACHED = ["F05", "W03", "F06", "T01", "W04", "S02", "F08", "F09", "F10", "F11"]
DUE = ["S03", "F12", "F13"]
RECOMPUTED = (
    "Der findes ingen gemt forrige status; forrige periode (2024–2025, pr. 1. oktober 2025) er beregnet ud fra "
    "de nuværende data."
)


def execute(run_notebook, tmp_path: Path, name: str, **parameters) -> tuple[str, dict]:
    """Run the notebook with papermill (in the kept kernel, tests/conftest.py); the HTML its cells show, and the
    results it publishes."""
    executed = run_notebook(NOTEBOOK, tmp_path / f"{name}.ipynb", **parameters)
    outputs = [output.get("data", {}) for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs]
    html = "".join(
        section(Section.model_validate(data[DOCUMENT_MIMETYPE])) for data in outputs if DOCUMENT_MIMETYPE in data
    )
    results = [data[RESULTS_MIMETYPE] for data in outputs if RESULTS_MIMETYPE in data]
    assert len(results) == 1
    return html, results[0]


@pytest.fixture(scope="module")
def runs(tmp_path_factory, run_notebook) -> dict:
    """Last year's status (as of 1 October 2025, stored), this year's recomputing last year, and this year's
    compared with the stored one."""
    folder = tmp_path_factory.mktemp("status")
    last_html, last_results = execute(run_notebook, folder, "last", period="2024-2025", as_of="2025-10-01")
    stored = folder / "2024-2025" / "status_report.results.json"
    stored.parent.mkdir()
    stored.write_text(json.dumps(last_results, ensure_ascii=False), encoding="utf-8")
    # The notebook's defaults: 2025-2026 as of 1 October 2026, previous None.
    recomputed = execute(run_notebook, folder, "recomputed")
    compared = execute(run_notebook, folder, "compared", period="2025-2026", as_of="2026-10-01", previous=str(stored))
    return {"last": (last_html, last_results), "stored": stored, "recomputed": recomputed, "compared": compared}


def text_of(html: str) -> str:
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", unescape(text).replace("\xa0", " ")).strip()


def verdict_sentences(html: str) -> dict[str, str]:
    """Each criterion's sentence in the list under the criteria table, by id."""
    items = re.findall(r"<li><strong>(K\d+) [^<]*</strong> – (.*?)</li>", html)
    return {criterion: text_of(sentence) for criterion, sentence in items}


def table_with_caption(html: str, words: str) -> str:
    tables = [
        t
        for t in re.findall(r"<table.*?</table>", html, flags=re.DOTALL)
        if words in text_of(re.search(r"<caption>(.*?)</caption>", t).group(1))
    ]
    assert len(tables) == 1, f"one table captioned {words!r}"
    return tables[0]


def titles(ids: list[str]) -> list[str]:
    table = load_project(PROJECT).milestones.set_index("id")
    return [table.loc[i, "title"] for i in ids]


def rows_of(table: str) -> list[str]:
    """The first cell of each body row: a milestone's title."""
    body = re.search(r"<tbody>(.*)</tbody>", table, flags=re.DOTALL).group(1)
    return [text_of(first) for first in re.findall(r"<tr><td[^>]*>(.*?)</td>", body)]


# --- Run by papermill -----------------------------------------------------------------------------------


def test_the_parameters_cell_has_the_schedulers_names_and_defaults():
    parameters = papermill.inspect_notebook(str(NOTEBOOK))
    defaults = {name: value["default"] for name, value in parameters.items()}
    assert defaults == {
        "project": '"integrationsforum-viborg"',
        "unit": "None",
        "period": '"2025-2026"',
        "language": "None",
        "inputs": "None",
        "reports": "None",
        "as_of": '"2026-10-01"',
        "previous": "None",
        "loaded": "None",
    }


def test_without_a_stored_status_last_year_is_recomputed_and_the_report_says_so(runs):
    html, results = runs["recomputed"]
    text = text_of(html)
    assert RECOMPUTED in text
    assert "Årlig status nr. 3 pr. 1. oktober 2026 for perioden 2025–2026." in text
    assert "Siden sidste status: 1 forbedret, 1 uændret, 1 forværret og 2 uden ny måling." in text
    assert verdict_sentences(html) == VERDICTS
    assert results["status"]["previous"] == {"source": "recomputed", "period": "2024-2025", "as_of": "2025-10-01"}


def test_with_a_stored_status_it_is_compared_with_that_and_not_recomputed(runs):
    html, results = runs["compared"]
    text = text_of(html)
    assert "ingen gemt forrige status" not in text
    assert (
        "Den sammenlignes med sidste status, pr. 1. oktober 2025 for perioden 2024–2025, sådan som den blev "
        "gemt dengang."
    ) in text
    assert verdict_sentences(html) == VERDICTS  # the data have not changed since last year's status
    assert "Tallene for forrige periode er ændret" not in text
    assert results["status"]["previous"] == {"source": "stored", "period": "2024-2025", "as_of": "2025-10-01"}
    assert [c["change"] for c in results["status"]["criteria"]] == [
        "worse",
        "not_measured",
        "not_measured",
        "unchanged",
        "improved",
    ]
    # What the stored status expected in its next 12 months (S02, F08-F11) has all been done since.
    assert last_year_due(runs) == ["S02", "F08", "F09", "F10", "F11"]
    assert "5 milepæle var planlagt i de 12 måneder efter sidste status; 5 af dem er nået." in text


def last_year_due(runs) -> list[str]:
    return runs["last"][1]["status"]["milestones_due_next"]


def test_last_years_status_compares_with_2024_and_finds_improvements(runs):
    html, _ = runs["last"]
    text = text_of(html)
    assert "forrige periode (2024, pr. 1. oktober 2024) er beregnet ud fra de nuværende data" in text
    sentences = verdict_sentences(html)
    # 2024: K2 26 → (26 − 20) / 20 = 30 %; K3 33 of 58 = 56,9 % of 70 % = 81,3 % partly met. K5: the 2024 assessment
    # is dated 10 December 2024, after 1 October 2024, so last year had none; now it is "partly met".
    assert sentences["K2"] == "Forbedret: opnåelsesgraden er steget fra 30,0 % til 55,0 %; status er fortsat undervejs."
    assert (
        sentences["K3"]
        == "Forbedret: status er gået fra undervejs til opfyldt, og opnåelsesgraden er steget fra 81,3 % til 102,0 %."
    )
    assert sentences["K5"] == "Kan ikke sammenlignes: der var ingen data i forrige periode (nu: delvist opfyldt)."
    # K1 132 / 120 = 110 % then, 120,4 % now: both met and capped at 100 %, so no change.
    assert sentences["K1"] == "Uændret: fortsat opfyldt, med en opnåelsesgrad på 120,4 % mod 110,0 % sidst."


def test_milestone_tables_list_those_reached_and_those_due(runs):
    html, results = runs["compared"]
    reached = table_with_caption(html, "Milepæle nået fra 1. januar 2025 til 1. oktober 2026")
    due = table_with_caption(html, "Milepæle, der forventes fra 1. oktober 2026 til før 1. oktober 2027")
    assert rows_of(reached) == titles(REACHED)
    assert rows_of(due) == titles(DUE)
    assert results["status"]["milestones_reached"] == REACHED
    assert results["status"]["milestones_due_next"] == DUE
    assert "1. dec. 2026 (7 dage efter planen)" in text_of(due)  # F12's forecast, with its slippage


def test_the_survey_change_between_the_last_two_waves_uses_the_newcombe_verdict(runs):
    html, results = runs["compared"]
    text = text_of(html)
    survey = load_project(PROJECT).survey
    before, after = survey[survey["wave"] == "2024"], survey[survey["wave"] == "2025"]
    codebook = load_project(PROJECT).spec.survey
    table = sv.compare_waves(before, after, codebook)
    assert "Udvikling siden efteråret 2024" in text
    for row in table.itertuples():
        verdict = "Ingen sikker ændring" if not row.certain else ("Steget" if row.change > 0 else "Faldet")
        assert f"{row.text} : {verdict}" in text
    stored = {item["item"]: item for item in results["status"]["survey_change"]["items"]}
    assert stored["hoert"]["latest_share"] == pytest.approx(35 / 49, abs=1e-6)
    assert stored["hoert"]["certain"] is False  # 56,9 % → 71,4 %: the interval −3,7 to +31,2 points includes zero


def test_stored_results_keep_every_key_and_add_what_next_year_compares_with(runs):
    _, results = runs["compared"]
    assert {
        "project",
        "unit",
        "period",
        "as_of",
        "language",
        "criteria",
        "summary",
        "survey",
        "milestones",
        "milestone_rows",
    } <= set(results)
    assert results["period"] == "2025-2026" and results["as_of"] == "2026-10-01"
    assert [c["id"] for c in results["criteria"]] == ["K1", "K2", "K3", "K4", "K5"]
    waves = {w["wave"]: w for w in results["status"]["survey_waves"]}
    assert waves["2024"]["respondents"] == 60 and waves["2025"]["respondents"] == 61
    assert waves["2024"]["items"]["hoert"] == {
        "n": 58,
        "positive": 33,
        "positive_share": pytest.approx(33 / 58, abs=1e-6),
    }
    stored = json.dumps(results, ensure_ascii=False)
    survey = load_project(PROJECT).survey
    assert not any(respondent in stored for respondent in survey["respondent_id"])
    assert not any(comment in stored for comment in survey["kommentar"].dropna())


# --- In-process: a hand-made previous status, the other languages, mistakes ----------------------------


def hand_made_previous(runs, tmp_path: Path) -> Path:
    """Last year's stored status with other figures than today's data give for it: as if data were corrected since."""
    record = json.loads(runs["stored"].read_text(encoding="utf-8"))
    criteria = {c["id"]: c for c in record["criteria"]}
    # K2 and K3 as 2024's count and wave gave them: other measurements than today's, so each is compared.
    criteria["K2"].update(
        status="in_progress", actual=26.0, attainment=0.3, measured={"day": "2024-12-31", "wave": None}
    )
    criteria["K3"].update(status="partly_met", actual=0.569, attainment=0.8128, measured={"day": None, "wave": "2024"})
    criteria["K4"].update(status="no_data", actual=None, attainment=None)
    path = tmp_path / "previous.results.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def status(previous=None, **options) -> Report:
    report = Report.open(
        PROJECT, period=options.pop("period", "2025-2026"), as_of=options.pop("as_of", "2026-10-01"), **options
    )
    report.compare_with(previous)
    return report


def whole(report: Report) -> str:
    return "".join(
        part.data
        for part in (
            report.status_summary(),
            report.status_criteria(),
            report.status_milestones(),
            report.status_survey(),
        )
    )


def test_a_stored_status_is_believed_and_changed_data_are_named(runs, tmp_path):
    html = whole(status(hand_made_previous(runs, tmp_path)))
    sentences = verdict_sentences(html)
    assert sentences["K1"] == VERDICTS["K1"]
    assert sentences["K2"] == "Forbedret: opnåelsesgraden er steget fra 30,0 % til 55,0 %; status er fortsat undervejs."
    assert sentences["K3"] == (
        "Forbedret: status er gået fra delvist opfyldt til opfyldt, og opnåelsesgraden er steget fra 81,3 % "
        "til 102,0 %."
    )
    assert sentences["K4"] == "Kan ikke sammenlignes: der var ingen data i forrige periode (nu: opfyldt, 111,1 %)."
    assert sentences["K5"] == VERDICTS["K5"]
    text = text_of(html)
    assert "Siden sidste status: 3 forbedret, 1 forværret og 1 kan ikke sammenlignes." in text
    assert "Beregnet ud fra de nuværende data ville K2, K3 og K4 få et andet resultat end dengang." in text


def test_a_project_without_a_year_before_has_nothing_to_compare_with():
    report = status(period="2024", as_of="2024-10-01")
    text = text_of(whole(report))
    assert "Projektet havde intet år før 2024, så der er ingen forrige status at sammenligne med." in text
    assert "Siden sidste status" not in text and "Forbedret" not in text and "Uændret" not in text
    assert "Der er kun én spørgeskemaundersøgelse frem til 1. oktober 2024 (efteråret 2024)" in text


@pytest.mark.parametrize(
    "language, recomputed, since, worse",
    [
        (
            "nb",
            (
                "Det finnes ingen lagret forrige status; forrige periode (2024–2025, per 1. oktober 2025) er "
                "beregnet ut fra dagens data."
            ),
            "Siden forrige status",
            "Forverret: status har gått fra nådd til underveis",
        ),
        (
            "en",
            (
                "No previous status is stored; the previous period (2024–2025, as of 1 October 2025) has been "
                "recomputed from the current data."
            ),
            "Since the last status",
            "Worse: status moved from met to in progress",
        ),
    ],
)
def test_norwegian_and_english_words(language, recomputed, since, worse):
    text = text_of(whole(status(language=language)))
    assert recomputed in text and since in text and worse in text


def test_the_cover_names_the_report_kind():
    project = load_project(PROJECT)
    assert (
        cover(Job(PROJECT, "status_report", "2025-2026", "da", as_of="2026-10-01"), project).report_title
        == "Årlig status"
    )
    assert cover(Job(PROJECT, "status_report", "2025-2026", "nb"), project).report_title == "Årlig status"


# --- Privacy: text escaped, small waves hidden, no respondent's words -----------------------------------


@pytest.fixture
def viborg_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs" / PROJECT
    shutil.copytree(EXAMPLE, folder)
    return folder


def test_titles_and_questions_are_escaped_and_no_comment_is_shown(viborg_copy):
    milestones = pd.read_csv(viborg_copy / "milestones.csv", dtype=str, keep_default_na=False)
    extra = {
        "id": "X1",
        "title": '<b>Fest & "møde"</b>',
        "unit": "",
        "phase": "Forum",
        "planned": "2027-03-02",
        "actual": "",
        "status": "open",
        "forecast": "",
    }
    pd.concat([milestones, pd.DataFrame([extra])]).to_csv(viborg_copy / "milestones.csv", index=False)
    spec = (viborg_copy / "project.yaml").read_text(encoding="utf-8")
    (viborg_copy / "project.yaml").write_text(
        spec.replace("text: Mine synspunkter bliver hørt i forummet", "text: Mine <i>synspunkter</i> bliver hørt"),
        encoding="utf-8",
    )
    survey = pd.read_csv(viborg_copy / "survey.csv", dtype=str, keep_default_na=False)
    survey.loc[survey["wave"] == "2025", "kommentar"] = "<script>alert(1)</script> Ring på 86 12 34 56"
    survey.to_csv(viborg_copy / "survey.csv", index=False)

    report = Report.open(PROJECT, period="2025-2026", inputs=viborg_copy.parent, as_of="2026-10-01")
    report.compare_with(None)
    html = whole(report)
    assert "&lt;b&gt;Fest &amp; &quot;møde&quot;&lt;/b&gt;" in html and "<b>Fest" not in html
    assert "Mine &lt;i&gt;synspunkter&lt;/i&gt; bliver hørt" in html and "<i>synspunkter" not in html
    assert "script" not in html and "alert" not in html and "Ring på" not in html
    assert "X1" in json.dumps(report.results()["status"]["milestones_due_next"])


def test_a_wave_below_the_limit_is_neither_shown_nor_stored(viborg_copy):
    survey = pd.read_csv(viborg_copy / "survey.csv", dtype=str, keep_default_na=False)
    kept = pd.concat([survey[survey["wave"] == "2024"].head(4), survey[survey["wave"] == "2025"]])
    kept.to_csv(viborg_copy / "survey.csv", index=False)
    report = Report.open(PROJECT, period="2025-2026", inputs=viborg_copy.parent, as_of="2026-10-01")
    report.compare_with(None)
    text = text_of(report.status_survey().data)
    assert "Undersøgelsen efteråret 2024 havde for få svar (4) til en sammenligning; grænsen er 5." in text
    assert "%" not in text  # no share is shown, not even the latest wave's: there is nothing to compare it with
    waves = {w["wave"]: w for w in report.results()["status"]["survey_waves"]}
    assert waves["2024"] == {"wave": "2024", "label": "Efteråret 2024", "respondents": 4, "suppressed": True}
    assert report.results()["status"]["survey_change"] is None


# --- Mistakes stop with a message -----------------------------------------------------------------------


def test_as_of_must_be_an_iso_day_within_or_after_the_period():
    with pytest.raises(EvalreportError, match="as_of: expected an ISO date"):
        Report.open(PROJECT, period="2025-2026", as_of="1. oktober 2026")
    with pytest.raises(EvalreportError, match="as_of: expected a day in or after the period"):
        Report.open(PROJECT, period="2025-2026", as_of="2024-10-01")
    assert Report.open(PROJECT, period="2025-2026", as_of="2026-10-01").scope.as_of == date(2026, 10, 1)


def test_a_stored_status_must_be_of_the_same_project_and_earlier(runs, tmp_path):
    record = json.loads(runs["stored"].read_text(encoding="utf-8"))
    other = tmp_path / "other.json"
    other.write_text(json.dumps(record | {"project": "bosetting-vestfold"}), encoding="utf-8")
    with pytest.raises(EvalreportError, match="project 'integrationsforum-viborg'"):
        status(other)
    same_day = tmp_path / "same-day.json"
    same_day.write_text(json.dumps(record | {"as_of": "2026-10-01"}), encoding="utf-8")
    with pytest.raises(EvalreportError, match="judged before 2026-10-01"):
        status(same_day)
    with pytest.raises(EvalreportError, match="cannot read the stored status"):
        status(tmp_path / "missing.json")


def test_a_status_section_needs_a_comparison_first():
    report = Report.open(PROJECT, period="2025-2026", as_of="2026-10-01")
    with pytest.raises(EvalreportError, match="compare_with"):
        report.status_criteria()
    assert "status" not in report.results()  # an end report's results stay as they were


def test_the_summary_names_only_the_kinds_of_survey_change_that_occurred():
    report = Report.open("helhedsplan-norrevang", period="2024-2025", as_of="2025-06-01")
    report.compare_with(None)
    codebook = report.spec.survey
    previous, latest = codebook.waves[-2], codebook.waves[-1]  # held by 1 June 2025: the 2022 and 2024 surveys
    table = sv.compare_waves(report.responses(previous.id), report.responses(latest.id), codebook)
    up, down = (
        int((table["certain"] & (table["change"] > 0)).sum()),
        int((table["certain"] & (table["change"] < 0)).sum()),
    )
    assert up and not down  # the example has certain rises only, so the sentence must leave falls out
    text = text_of(report.status_summary().data)
    assert (
        f"andelen positive svar på de {len(table)} spørgsmål: sikker stigning på {up} og ingen sikker ændring "
        f"på {len(table) - up}."
    ) in text
    assert "fald" not in text
