"""Importing into a project on fiscal or school years: a new survey wave takes the project year holding its answers,
written by its label, and each way a tool writes the time of an answer is read as the same day."""

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from pipeline.importers import import_survey
from pipeline.importers.waves import _project_year
from pipeline.project import load_project
from pipeline.spec import Period

FISCAL = Period(start=2018, end=2020, start_month=4)  # 2018/19, 2019/20, 2020/21: April to March

# Answers given 10–14 February 2020 (and one on 2 March 2020): the fiscal year 2019/20, though the calendar's 2020.
EXPORT = """Løbenr;Indsendt;Jeg føler mig tryg;Boligområdet er rent
1;2020-02-10 09:12:44;Enig;Meget enig
2;2020-02-11 18:03:10;Uenig;Enig
3;2020-02-14 12:40:02;Meget enig;Enig
4;2020-03-02 08:15:31;Enig;Uenig
"""


def project(tmp_path: Path, period: str) -> Path:
    folder = tmp_path / "inputs" / "nakskov"
    folder.mkdir(parents=True)
    (folder / "project.yaml").write_text(
        f"title: Nakskov\nowner: Lolland Kommune\nlanguage: da\nperiod: {period}\n", encoding="utf-8"
    )
    return folder


def drafted_waves(tmp_path: Path, period: str, wave: str | None = None) -> list[dict]:
    folder = project(tmp_path, period)
    export = tmp_path / "svar.csv"
    export.write_text(EXPORT, encoding="utf-8")
    result = import_survey("csv", export, folder, id_column="Løbenr", wave=wave)
    return yaml.safe_load(result.draft_path.read_text(encoding="utf-8"))["waves"]


def test_a_new_waves_year_in_a_fiscal_project_is_the_year_holding_its_answers(tmp_path):
    waves = drafted_waves(tmp_path, "{start: 2018-04, end: 2021-03}")
    assert [wave["year"] for wave in waves] == ["2019/20"]  # February 2020 lies in April 2019 – March 2020


def test_a_wave_named_by_its_calendar_year_still_takes_the_fiscal_year_of_its_answers(tmp_path):
    waves = drafted_waves(tmp_path, "{start: 2018-04, end: 2021-03}", wave="Beboerundersøgelsen 2020")
    assert [(wave["id"], wave["year"]) for wave in waves] == [("Beboerundersøgelsen 2020", "2019/20")]


def test_a_calendar_project_keeps_the_calendar_year_of_the_answers(tmp_path):
    waves = drafted_waves(tmp_path, "{start: 2018, end: 2021}")
    assert [wave["year"] for wave in waves] == [2020]


@pytest.mark.parametrize(
    "written, year",
    [
        ("2020-02-13 10:22:01", 2019),  # year first (SurveyXact, Nettskjema, LimeSurvey)
        ("13.02.2020 10:22", 2019),  # day first with dots (a Danish or Norwegian spreadsheet)
        ("13-02-2020", 2019),
        ("2/13/2020 10:22:01", 2019),  # Google Forms in American English: only one reading is a day
        ("3/4/2020", None),  # 4 March (2019/20) or 3 April (2020/21): cannot be told
        ("4/5/2020", 2020),  # 5 April or 4 May: both in 2020/21
        ("", None),
    ],
)
def test_each_way_tools_write_an_answers_time_is_read_as_its_project_year(written, year):
    assert _project_year(written, FISCAL) == year
    if year is not None and written[:4].isdigit():
        assert FISCAL.year_of(date.fromisoformat(written[:10])) == year


# --- validate: a wave tied to an activity of another year ---------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


def notices_with_waves_tied(tmp_path: Path, first: str, second: str) -> list:
    project = tmp_path / "fiscal-year"
    shutil.copytree(FIXTURES / "fiscal-year", project)
    text = (project / "project.yaml").read_text(encoding="utf-8")
    text = text.replace("year: 2018/19}", f"year: 2018/19, activity: {first}}}")
    text = text.replace("year: 2019/20}", f"year: 2019/20, activity: {second}}}")
    (project / "project.yaml").write_text(text, encoding="utf-8")
    return [notice for notice in load_project("fiscal-year", tmp_path).notices if "activity" in notice.expected]


def test_a_wave_tied_to_an_activity_of_another_fiscal_year_is_a_notice_naming_both_years(tmp_path):
    # A2 was held on 28 March 2019: the calendar's 2019, the fiscal year 2018/19; the wave v2 says 2019/20.
    (notice,) = notices_with_waves_tied(tmp_path, "A1", "A2")
    assert (notice.file, notice.field) == ("project.yaml", "survey.waves.1.year")
    assert notice.expected == "2018/19, the year of activity 'A2' (held 2019-03-28)"
    assert notice.found.startswith("2019/20: wave 'v2'")
    assert str(notice).startswith("project.yaml, field 'survey.waves.1.year'")


def test_waves_tied_to_activities_of_their_own_years_give_no_notice(tmp_path):
    # A1 on 10 April 2018 is in 2018/19; A3 on 2 April 2019 is in 2019/20, the first days of that year.
    assert notices_with_waves_tied(tmp_path, "A1", "A3") == []
