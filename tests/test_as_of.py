"""Judged as of the data: the day a report is judged at, criteria in progress while their target's year runs,
provisional figures, "no new measurement" in a status, and the status's number and meeting."""

from __future__ import annotations

import re
import shutil
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from pipeline.analysis import comparison as cmp
from pipeline.analysis import schedule as committee_schedule
from pipeline.analysis.criteria import Status, in_progress, prorated_target, share_of_year, target_year
from pipeline.cli import parser
from pipeline.errors import EvalreportError, InputError
from pipeline.present import Report
from pipeline.project import load_project
from pipeline.render.html import section
from pipeline.run.jobs import Workspace, plan_jobs
from pipeline.spec import Period, Schedule

PROJECT = "integrationsforum-viborg"
EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / PROJECT
# The example's 2026 count of participants runs to 31 October 2026 (indicators.csv `coverage`): 304 of 365 days.
COUNTED_2026 = 304 / 365


def text_of(*shown) -> str:
    html = "".join(section(s.section) for s in shown)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)).replace("\xa0", " "))


def criterion(report: Report, id: str):
    return next(r for r in report.criteria if r.id == id)


@pytest.fixture
def viborg_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs" / PROJECT
    shutil.copytree(EXAMPLE, folder)
    return folder


# --- The rules, on their own ----------------------------------------------------------------------------


def test_short_of_a_target_whose_year_runs_is_in_progress_and_final_once_it_ends():
    ends = date(2026, 12, 31)
    assert in_progress(Status.NOT_MET, ends, date(2026, 10, 1)) == Status.IN_PROGRESS
    assert in_progress(Status.PARTLY_MET, ends, date(2026, 10, 1)) == Status.IN_PROGRESS
    assert in_progress(Status.MET, ends, date(2026, 10, 1)) == Status.MET  # reached is reached
    assert in_progress(Status.NOT_MET, ends, ends) == Status.NOT_MET
    assert target_year({2024: 120, 2025: 140}, [2025, 2026]) == 2025  # the last year with a target of its own
    assert target_year(40, [2025, 2026]) == 2026


def test_a_target_is_prorated_by_the_days_a_provisional_count_covers():
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert share_of_year(year[0], date(2026, 10, 31), year[1]) == pytest.approx(COUNTED_2026)
    assert share_of_year(year[0], date(2025, 12, 31), year[1]) == 0
    assert share_of_year(date(2026, 4, 1), date(2026, 9, 30), date(2027, 3, 31)) == pytest.approx(
        183 / 365
    )  # a fiscal year
    covered = {2026: COUNTED_2026}
    assert prorated_target({2025: 140, 2026: 160}, [2025, 2026], covered) == pytest.approx(140 + 160 * COUNTED_2026)
    assert prorated_target(300, [2025, 2026], covered) == pytest.approx(300 * (1 + COUNTED_2026) / 2)
    assert prorated_target({2026: 160}, [2025, 2026], covered) is None  # 2025 has no target


def record(status: str, attainment: float | None, measured: dict | None = None) -> dict:
    return {"id": "K", "title": "K", "status": status, "attainment": attainment} | (
        {"measured": measured} if measured else {}
    )


def test_a_figure_measured_before_the_last_status_is_no_new_measurement_never_unchanged():
    last_year = {"day": "2025-12-31", "wave": None}
    same = cmp.compare_criterion(record("not_met", 0.55, last_year), record("not_met", 0.55, last_year))
    assert same.change == cmp.Change.NOT_MEASURED
    # Dated on or before the last status's day: measured before it, whatever that status stored.
    before = cmp.compare_criterion(
        record("met", 1.2, {"day": "2025-06-30", "wave": None}), record("met", 1.2), then_as_of=date(2025, 10, 1)
    )
    assert before.change == cmp.Change.NOT_MEASURED
    wave = {"day": None, "wave": "2025"}
    assert cmp.compare_criterion(record("met", 1.02, wave), record("met", 1.02, wave)).change == cmp.Change.NOT_MEASURED
    # A new count is compared as ever.
    new = cmp.compare_criterion(
        record("not_met", 0.55, {"day": "2026-12-31", "wave": None}),
        record("not_met", 0.55, last_year),
        then_as_of=date(2025, 10, 1),
    )
    assert new.change == cmp.Change.UNCHANGED


def test_a_criterion_in_progress_is_compared_by_how_far_it_has_come():
    assert cmp.compare_criterion(record("in_progress", 0.91), record("met", 1.2)).change == cmp.Change.WORSE
    assert cmp.compare_criterion(record("in_progress", 0.70), record("in_progress", 0.55)).change == cmp.Change.IMPROVED
    assert cmp.compare_criterion(record("met", None), record("in_progress", None)).change == cmp.Change.IMPROVED
    assert (
        cmp.compare_criterion(record("in_progress", None), record("partly_met", 0.83)).change
        == cmp.Change.NOT_JUDGED_NOW
    )


def test_a_status_knows_its_number_from_the_schedule():
    schedule = Schedule(on="10-01", covers="previous-and-current-year")
    statuses = committee_schedule.scheduled_statuses(schedule, Period(start=2024, end=2026), date(2026, 12, 7))
    assert [(status.as_of, status.period.label) for status in statuses] == [
        ("2024-10-01", "2024"),
        ("2025-10-01", "2024-2025"),
        ("2026-10-01", "2025-2026"),
    ]
    assert (
        committee_schedule.status_number(schedule, Period(start=2024, end=2026), date(2026, 10, 1)) == 3
    )  # the third, not the second
    # Not a scheduled day:
    assert committee_schedule.status_number(schedule, Period(start=2024, end=2026), date(2026, 12, 7)) is None
    # A status of the year before only: the project's first 1 October covers no year of it.
    before = Schedule(on="10-01", covers="previous-year")
    assert committee_schedule.status_number(before, Period(start=2024, end=2026), date(2025, 10, 1)) == 1


def test_a_fiscal_projects_statuses_are_counted_in_its_own_years():
    """A status on 1 February belongs to the school year that began the August before: the first one after the
    project began in August 2018 covers 2018/19, and the February before the start is none of its statuses."""
    schedule = Schedule(on="02-01", covers="current-year")
    school_years = Period(start=2018, end=2020, start_month=8)
    statuses = committee_schedule.scheduled_statuses(schedule, school_years, date(2021, 3, 1))
    assert [(status.as_of, status.period.label) for status in statuses] == [
        ("2019-02-01", "2018/19"),
        ("2020-02-01", "2019/20"),
        ("2021-02-01", "2020/21"),
    ]
    assert committee_schedule.status_number(schedule, school_years, date(2019, 2, 1)) == 1


# --- A report judged as of a day -------------------------------------------------------------------------


def test_a_whole_period_report_run_long_after_the_period_is_judged_as_of_its_end_and_says_so():
    report = Report.open(PROJECT, as_of="2031-06-01")  # years after the period 2024-2026
    assert report.scope.as_of == date(2026, 12, 31)
    assert (
        int(report.milestones["days_overdue"].max()) == (date(2026, 12, 31) - date(2026, 11, 24)).days
    )  # F12: 37 days
    assert "Status pr. 31. december 2026." in text_of(report.summary())
    assert criterion(report, "K2").status == Status.NOT_MET  # 2026 is over: a verdict, 31 of the 40 volunteers


def test_milestones_due_after_the_as_of_day_are_not_due_and_short_targets_are_in_progress():
    report = Report.open(PROJECT, period="2025-2026", as_of="2026-10-01")
    outcome = dict(zip(report.timeline["id"], report.timeline["outcome"]))
    assert (outcome["S03"], outcome["F12"]) == ("open", "open")  # 13 October and 24 November lie ahead
    assert report.milestones["days_overdue"].isna().all()
    k2 = criterion(report, "K2")
    assert (k2.status, round(k2.attainment, 2)) == (Status.IN_PROGRESS, 0.55)
    text = text_of(report.criteria_section())
    assert "Undervejs" in text and "Ikke opfyldt" not in text
    assert (
        "K2: Målåret 2026 er ikke slut pr. 1. oktober 2026: kriteriet er undervejs og vurderes ved årets udgang."
        in text
    )
    assert "Underveis" in text_of(
        Report.open(PROJECT, period="2025-2026", as_of="2026-10-01", language="nb").criteria_section()
    )


# --- Provisional figures ---------------------------------------------------------------------------------


def test_a_provisional_count_is_judged_against_the_prorated_target_and_says_so():
    report = Report.open(PROJECT, period="2025-2026", as_of="2026-12-31")
    k1 = criterion(report, "K1")
    assert k1.target == pytest.approx(140 + 160 * COUNTED_2026)  # not 300: the count runs to 31 October
    assert k1.attainment == pytest.approx((181 + 68) / (140 + 160 * COUNTED_2026))
    assert k1.status == Status.PARTLY_MET  # 91 %, the year over
    assert k1.detail["provisional"] == {"coverage": date(2026, 10, 31), "rule": "prorate", "prorated": True}
    text = text_of(report.criteria_section())
    assert "K1: Tallet er foreløbigt, opgjort pr. 31. oktober 2026. Det er vurderet mod den del af målet" in text
    results = report.results()["criteria"][0]
    assert results["provisional"] == {"coverage": "2026-10-31", "rule": "prorate", "prorated": True}


def test_a_provisional_count_not_judged_has_no_verdict(viborg_copy: Path):
    yaml = viborg_copy / "project.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace("provisional: prorate", "provisional: not_judged"), encoding="utf-8"
    )
    report = Report.open(PROJECT, period="2025-2026", inputs=viborg_copy.parent, as_of="2026-12-31")
    k1 = criterion(report, "K1")
    assert (k1.status, k1.attainment, k1.actual, k1.target) == (Status.IN_PROGRESS, None, 249, 300)
    assert "Kriteriet vurderes først, når tallet er endeligt." in text_of(report.criteria_section())


def test_validate_says_which_row_is_provisional_and_refuses_a_coverage_outside_its_year(viborg_copy: Path):
    notices = [n for n in load_project(PROJECT).notices if n.file == "indicators.csv"]
    assert [(n.row, n.field) for n in notices] == [(4, "coverage")]
    assert "counted up to 2026-10-31" in str(notices[0]) and "prorate" in str(notices[0])
    table = viborg_copy / "indicators.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(",2026-10-31", ",2025-10-31"), encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_project(PROJECT, viborg_copy.parent)
    assert (
        "indicators.csv, row 4, field 'coverage': expected a day in the figure's year 2026, found '2025-10-31'"
        in str(refused.value)
    )


# --- The yearly status -----------------------------------------------------------------------------------


def status(**options) -> Report:
    report = Report.open(PROJECT, period="2025-2026", as_of="2026-10-01", **options)
    report.compare_with(None)
    return report


def test_a_count_and_a_survey_from_last_year_are_no_new_measurement_in_this_years_status():
    report = status()
    changes = {c.id: c.change for c in report.changes}
    assert (changes["K2"], changes["K3"]) == (cmp.Change.NOT_MEASURED, cmp.Change.NOT_MEASURED)
    text = text_of(report.status_summary(), report.status_criteria())
    assert "Ingen ny måling siden 31. december 2025; status er undervejs, 55,0 %." in text
    assert "Ingen ny måling siden efteråret 2025; status er opfyldt, 102,0 %." in text
    assert "Siden sidste status: 1 forbedret, 1 uændret, 1 forværret og 2 uden ny måling." in text
    nb = text_of(status(language="nb").status_criteria())
    assert "Ingen ny måling siden 31. desember 2025" in nb


def test_the_status_says_its_number_and_meeting_and_not_its_own_presentation_as_done():
    report = status()
    text = text_of(report.status_summary())
    assert "Årlig status nr. 3 pr. 1. oktober 2026 for perioden 2025–2026." in text
    assert "Den forelægges Beskæftigelses- og Integrationsudvalget den 13. oktober 2026." in text
    assert "S03" not in list(report.milestones_reached["id"])  # its own presentation, on 13 October
    assert "S03" in list(report.milestones_due["id"])


def test_a_status_made_by_hand_is_judged_as_of_its_scheduled_day_and_as_of_sets_every_report():
    project = load_project(PROJECT)
    space = Workspace.default()
    [by_hand] = plan_jobs(project, space, ["status_report"], period="2025-2026")
    assert by_hand.as_of == "2026-10-01"  # what `due` made and e-mailed, whatever today is
    [case] = plan_jobs(project, space, ["committee_case"], period="2025-2026")
    assert case.as_of == "2026-10-01"
    jobs = plan_jobs(project, space, ["end_report", "status_report"], as_of=date(2026, 10, 31))
    assert [job.as_of for job in jobs] == ["2026-10-31", "2026-10-31"]
    assert jobs[0].parameters(space)["as_of"] == "2026-10-31"
    with pytest.raises(EvalreportError, match="--as-of: expected a day in or after the period 2025-2026"):
        plan_jobs(project, space, ["end_report"], period="2025-2026", as_of=date(2024, 12, 31))
    assert parser().parse_args(["run", PROJECT, "--as-of", "2026-10-31"]).as_of == date(2026, 10, 31)


# --- Figures in the evaluator's text ---------------------------------------------------------------------


def test_a_figure_in_digits_that_the_report_does_not_compute_gets_a_hint(viborg_copy: Path):
    from pipeline.present.report import narrative_hints
    from pipeline.present.text_figures import written_numbers

    assert [
        n
        for n, _, _ in written_numbers("I 2025 kom 1.400 beboere, 13. oktober, anbefaling A3, 55,0 % og {{K1.result}}")
    ] == [1400, 55.0]
    (viborg_copy / "text" / "introduction.md").write_text(
        "Forummet har haft 381 deltagere i 2024–2026 og 77 aktive frivillige.\n\nMålet er {{K2.target}}.\n",
        encoding="utf-8",
    )
    hints = [h for h in narrative_hints(load_project(PROJECT, viborg_copy.parent)) if h.file == "text/introduction.md"]
    # 381 is K1's result over the whole period (132 + 181 + 68); 77 is no figure of the report: write it by name.
    assert [(h.row, h.found) for h in hints] == [(1, "'77', which equals none")]
    assert "{{K1.result}}" in hints[0].expected


def test_the_stored_status_and_the_e_mail_say_its_number_day_and_meeting():
    from pipeline.committees.mail import Letter, letter_text

    stored = status().results()
    assert (stored["as_of"], stored["status"]["number"], stored["status"]["presented"]) == (
        "2026-10-01",
        3,
        "2026-10-13",
    )
    letter = Letter(
        "da",
        "Beskæftigelses- og Integrationsudvalget",
        "Integrationsforum",
        "Viborg Kommune",
        "2025–2026",
        "1. oktober 2026",
        number=3,
        presented="13. oktober 2026",
    )
    _, body = letter_text(letter)
    assert (
        "Hermed årlig status nr. 3 for perioden 2025–2026 for »Integrationsforum«, opgjort pr. 1. oktober 2026." in body
    )
    assert "Den forelægges udvalget den 13. oktober 2026." in body


def test_run_as_of_reaches_the_notebook_and_its_results(tmp_path: Path):
    import json

    from pipeline.cli import main

    reports = tmp_path / "reports"
    assert (
        main(
            [
                "--reports",
                str(reports),
                "run",
                PROJECT,
                "--report",
                "success_criteria",
                "--as-of",
                "2026-06-30",
                "--format",
                "html",
            ]
        )
        == 0
    )
    results = json.loads(
        (reports / PROJECT / "2024-2026" / "success_criteria.results.json").read_text(encoding="utf-8")
    )
    assert results["as_of"] == "2026-06-30"
    assert {c["id"]: c["status"] for c in results["criteria"]}["K2"] == "in_progress"  # 2026 not over on 30 June
