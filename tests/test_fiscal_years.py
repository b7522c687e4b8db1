"""Projects on fiscal and school years (issue 21): `period: {start: 2018-04, end: 2021-03}` counts years that begin in
April, labelled 2018/19 wherever a reader sees them and named 2018-19 wherever a file does; rows, activities,
milestones and waves fall in the year that holds their date, and committee statuses follow the project's years.
The project is tests/fixtures/fiscal-year; calendar-year projects are held to their old behaviour alongside."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from pydantic import ValidationError

from pipeline.analysis import activities as act
from pipeline.analysis import evaluation
from pipeline.analysis.schedule import latest_occurrence, next_occurrence
from pipeline.cli import main
from pipeline.errors import EvalreportError, InputError
from pipeline.paths import name_problem
from pipeline.periods import ReportPeriod, parse_period
from pipeline.present import Report
from pipeline.project import load_project
from pipeline.run.jobs import Workspace, plan_jobs
from pipeline.spec import Period, Schedule

FIXTURES = Path(__file__).resolve().parent / "fixtures"
APRIL = Period(start="2018-04", end="2021-03")  # type: ignore[arg-type]  # as project.yaml writes it


def test_a_period_that_starts_in_april_counts_years_from_april_to_march():
    assert (APRIL.start, APRIL.end, APRIL.start_month) == (2018, 2020, 4)
    assert APRIL.label == "2018/19-2020/21"
    assert [APRIL.year_label(year) for year in (2018, 2019, 2020)] == ["2018/19", "2019/20", "2020/21"]
    assert APRIL.year_of(date(2019, 3, 31)) == 2018 and APRIL.year_of(date(2019, 4, 1)) == 2019
    assert (APRIL.first_day(2018), APRIL.last_day(2020)) == (date(2018, 4, 1), date(2021, 3, 31))
    school = Period(start="2018-08", end="2020/21")  # type: ignore[arg-type]
    assert (school.end, school.last_day(2020), school.year_label(1999)) == (2020, date(2021, 7, 31), "1999/00")


def test_a_calendar_period_is_as_before():
    for period in (Period(start=2015, end=2016), Period(start="2015-01", end="2016-12")):  # type: ignore[arg-type]
        assert (period.start, period.end, period.start_month, period.label) == (2015, 2016, 1, "2015-2016")
        assert period.year_of(date(2016, 1, 1)) == 2016 and period.last_day(2016) == date(2016, 12, 31)
    assert parse_period("2016", Period(start=2015, end=2016)) == ReportPeriod(2016, 2016)
    assert parse_period("2015-2016", Period(start=2015, end=2016)).name == "2015-2016"
    with pytest.raises(
        EvalreportError, match="expected a year such as 2016 or a span such as 2015-2016, found '2016/17'"
    ):
        parse_period("2016/17", Period(start=2015, end=2016))


@pytest.mark.parametrize(
    "end, message",
    [
        (2020, "end: the month the last year ends, such as 2021-03, or the last year's label, such as 2020/21"),
        ("2021-04", "end: the month the last year ends, such as 2021-03"),
        ("2020/22", "end: the month the last year ends"),
        (date(2021, 3, 30), "end: a year, a month such as 2018-04, or the last day of the month the last year ends"),
    ],
)
def test_an_end_that_does_not_close_a_year_beginning_in_april_is_refused(end, message):
    with pytest.raises(ValidationError, match=message):
        Period(start="2018-04", end=end)  # type: ignore[arg-type]


def test_a_period_written_as_days_is_read_as_its_months():
    # YAML reads `start: 2018-04-01` as a day: the first of the month the years begin, the last of the one they end
    assert Period(start=date(2018, 4, 1), end=date(2021, 3, 31)) == APRIL  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "written, label, name",
    [
        ("2019/20", "2019/20", "2019-20"),
        ("2019-20", "2019/20", "2019-20"),  # the folder's name, as --period is given after reading it
        ("2018/19-2019/20", "2018/19-2019/20", "2018-19-2019-20"),
        ("2018-19–2020-21", "2018/19-2020/21", "2018-19-2020-21"),
        (None, "2018/19-2020/21", "2018-19-2020-21"),
    ],
)
def test_a_report_period_is_labelled_2018_19_and_named_2018_19_as_a_folder(written, label, name):
    period = parse_period(written, APRIL)
    assert (period.label, period.name) == (label, name)
    assert name_problem(period.name) is None  # the one rule for every name a file takes
    assert parse_period(period.name, APRIL) == period


@pytest.mark.parametrize("written", ["2019", "2019/21", "2017/18", "2019-2020"])
def test_a_report_period_not_one_of_the_projects_years_is_refused(written):
    with pytest.raises(EvalreportError, match="period: expected"):
        parse_period(written, APRIL)


def test_rows_activities_waves_and_targets_fall_in_the_year_that_holds_their_date():
    project = load_project("fiscal-year", FIXTURES)
    # indicators.csv gives 2018/19, 2019-20 and a day inside 2020/21
    assert sorted(project.indicators["period"]) == [2018, 2019, 2020]
    # 28 March 2019 is in 2018/19, 2 April 2019 in 2019/20, 31 March 2021 the last day of 2020/21
    assert dict(zip(project.activities["id"], project.activities["year"])) == {
        "A1": 2018,
        "A2": 2018,
        "A3": 2019,
        "A4": 2020,
    }
    assert [wave.year for wave in project.spec.survey.waves] == [2018, 2019]
    assert project.spec.criteria[0].measure.target == {2018: 40, 2019: 50, 2020: 60}


def test_one_fiscal_years_report_judges_that_years_figures_and_milestones():
    report = Report(load_project("fiscal-year", FIXTURES), period="2018/19")
    assert (report.scope.period.label, report.scope.as_of) == ("2018/19", date(2019, 3, 31))
    k1 = evaluation.evaluate_criterion(report.scope, report.spec.criteria[0])
    assert (k1.actual, k1.target) == (42, 40)  # the row of 2018/19 against its year's target
    assert list(evaluation.milestones(report.scope)["id"]) == ["M1", "M2"]  # M2, 15 March 2019, is in 2018/19
    assert list(report.activities["id"]) == ["A1", "A2"]
    table = act.per_year_and_kind(report.activities, report.scope.period.years)
    assert table.to_dict("index") == {2018: {"Borgermøde": 1, "Beboermøde": 1}}


def test_the_activities_table_and_results_name_the_years_by_their_labels():
    from pipeline.present.activities import per_year_table, results

    report = Report(load_project("fiscal-year", FIXTURES))
    years = [row[0] for row in per_year_table(report).rows]
    assert years[:3] == ["2018/19", "2019/20", "2020/21"]
    assert list(results(report)["per_year"]) == ["2018/19", "2019/20", "2020/21"]


def test_the_jobs_of_a_fiscal_year_go_to_a_folder_named_2019_20(tmp_path):
    workspace = Workspace(FIXTURES, tmp_path / "reports", Workspace.default().notebooks)
    project = load_project("fiscal-year", FIXTURES)
    (job,) = plan_jobs(project, workspace, ["end_report"], period="2019/20")
    assert job.period == "2019-20"
    assert job.folder(workspace) == (tmp_path / "reports" / "fiscal-year" / "2019-20").resolve()
    assert [j.period for j in plan_jobs(project, workspace, ["end_report"])] == ["2018-19-2020-21"]


@pytest.mark.parametrize(
    "covers, on, scheduled, period",
    [
        ("previous-year", "2020-05-01", "2020-05-01", "2019/20"),  # 1 May 2020: the year that ended in March
        ("previous-year", "2019-04-30", "2018-05-01", None),  # 1 May 2018 would cover 2017/18, before the project
        ("previous-year", "2021-05-01", "2021-05-01", "2020/21"),  # the year after the project's last
        ("current-year", "2019-03-31", "2018-05-01", "2018/19"),  # 1 May 2018 lies in 2018/19
        ("previous-and-current-year", "2020-05-01", "2020-05-01", "2019/20-2020/21"),
    ],
)
def test_a_committees_yearly_status_covers_the_projects_years(covers, on, scheduled, period):
    day, found = latest_occurrence(Schedule(on="05-01", covers=covers), APRIL, date.fromisoformat(on))
    assert day == date.fromisoformat(scheduled)
    assert (found.period.label if found else None) == period


def test_the_last_status_of_a_fiscal_project_comes_the_year_after_its_last_year():
    schedule = Schedule(on="05-01", covers="previous-year")
    assert next_occurrence(schedule, APRIL, date(2021, 1, 1)).day == date(2021, 5, 1)
    assert next_occurrence(schedule, APRIL, date(2021, 5, 1)) is None


def test_a_bare_year_in_indicators_csv_is_refused_since_it_does_not_say_which_year(tmp_path):
    project = tmp_path / "fiscal-year"
    shutil.copytree(FIXTURES / "fiscal-year", project)
    (project / "indicators.csv").write_text("unit,indicator,period,value\n,deltagere,2019,48\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_project("fiscal-year", tmp_path)
    (problem,) = raised.value.problems
    assert (problem.file, problem.row, problem.field) == ("indicators.csv", 2, "period")
    assert "a year of the project written 2018/19 (or 2018-19), or a day inside one" in problem.expected
    assert "'2019'" in problem.found


def test_a_fiscal_year_report_says_2019_20_in_every_file(tmp_path):
    reports = tmp_path / "reports"
    base = ["--inputs", str(FIXTURES), "--reports", str(reports), "run", "fiscal-year", "--report", "end_report"]
    assert main([*base, "--period", "2019/20"]) == 0
    folder = reports / "fiscal-year" / "2019-20"
    page = (folder / "end_report.html").read_text(encoding="utf-8")
    assert "2019/20" in page and "2019-20" not in page and "2019–20" not in page
    results = json.loads((folder / "end_report.results.json").read_text(encoding="utf-8"))
    assert results["period"] == "2019/20" and list(results["activities"]["per_year"]) == ["2019/20"]
    schema = json.loads(
        (Path(__file__).resolve().parent.parent / "docs" / "results.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator(schema).validate(results)
    about = openpyxl.load_workbook(folder / "end_report.xlsx").worksheets[0]
    assert "2019/20" in [cell for row in about.iter_rows(values_only=True) for cell in row]
    figures = (folder / "end_report.figures.csv").read_text(encoding="utf-8")
    assert ",2019/20," in figures  # the activities' year, as the table shows it


def test_due_on_1_may_2020_makes_the_status_of_2019_20_in_its_folder(tmp_path):
    from pipeline.committees.due import plan
    from pipeline.committees.ledger import Ledger

    workspace = Workspace(FIXTURES, tmp_path / "reports", Workspace.default().notebooks)
    project = load_project("fiscal-year", FIXTURES)
    with Ledger.at(workspace.reports) as ledger:
        (status,) = plan([project], workspace, ledger, date(2020, 6, 15))
    assert status.job is not None and status.why
    assert (status.job.period, status.job.as_of) == ("2019-20", "2020-05-01")
    assert status.occurrence.period.label == "2019/20"
    with Ledger.at(workspace.reports) as ledger:
        (before,) = plan([project], workspace, ledger, date(2019, 4, 30))  # 1 May 2018 covered 2017/18
    assert before.job is None and "covers no year of the project's 2018/19-2020/21" in before.note
    assert "next on 2019-05-01 (2018/19)" in before.note


def test_a_committees_decision_on_2019_20_is_recorded_and_read_by_the_years_label(tmp_path):
    from pipeline.committees.decide import record_decision

    shutil.copytree(FIXTURES / "fiscal-year", tmp_path / "fiscal-year")
    project = load_project("fiscal-year", tmp_path)
    record_decision(project, "2019-20", "Indstillingen blev godkendt.", date(2020, 5, 20))
    assert "Social- og Sundhedsudvalget,2019/20,2020-05-20" in (tmp_path / "fiscal-year" / "decisions.csv").read_text(
        encoding="utf-8"
    )
    assert list(load_project("fiscal-year", tmp_path).decisions["period"]) == ["2019/20"]


def test_a_wave_of_2019_20_is_not_yet_held_in_february_2020_s_fiscal_year_before_it():
    from pipeline.analysis import comparison as cmp

    waves = load_project("fiscal-year", FIXTURES).spec.survey.waves  # 2018/19 and 2019/20
    # 15 February 2019 lies in 2018/19: the wave of 2019/20 is still to come, though 2019 has begun
    assert [w.id for w in cmp.waves_up_to(waves, date(2019, 2, 15), calendar=APRIL)] == ["v1"]
    assert [w.id for w in cmp.comparable_waves(waves, date(2019, 2, 15), 2018, 2020, APRIL)] == ["v1"]
    assert [w.id for w in cmp.comparable_waves(waves, date(2019, 4, 1), 2018, 2020, APRIL)] == ["v1", "v2"]
    previous, as_of = cmp.previous_period(parse_period("2019/20", APRIL), date(2020, 3, 31), APRIL)
    assert (previous.label, as_of) == ("2018/19", date(2019, 3, 31))
