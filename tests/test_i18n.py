"""Words, numbers and dates in Danish, Norwegian and English; a report in another language on request."""

from datetime import date

import pytest

from pipeline.present import Report
from pipeline.present.i18n import MESSAGES, Messages
from pipeline.project import load_project
from pipeline.render.html import page_counter


@pytest.mark.parametrize(
    "language, percent, number, day",
    [
        ("da", "76,1\xa0%", "1.234,5", "20. august 2018"),
        ("nb", "76,1\xa0%", "1\xa0234,5", "20. august 2018"),
        ("en", "76.1%", "1,234.5", "20 August 2018"),
    ],
)
def test_numbers_and_dates(language, percent, number, day):
    t = Messages(language)
    assert t.percent(0.7612) == percent
    assert t.number(1234.5, 1) == number
    assert t.date(date(2018, 8, 20)) == day
    assert t.percent(None) == "–" and t.number(float("nan")) == "–"


def test_every_message_exists_in_every_language():
    assert all(set(texts) == {"da", "nb", "en"} for texts in MESSAGES.values())


def test_lists_are_joined_with_the_languages_and():
    assert Messages("nb").join(["Horten", "Re", "Sande"]) == "Horten, Re og Sande"
    assert Messages("en").join(["Horten", "Re"]) == "Horten and Re"


def test_page_counter_in_css():
    assert page_counter(Messages("da")) == '"Side " counter(page) " af " counter(pages)'
    assert page_counter(Messages("en")) == '"Page " counter(page) " of " counter(pages)'


def test_a_norwegian_project_can_be_reported_in_english():
    report = Report(load_project("bosetting-vestfold"), language="en")
    html = report.summary().data
    assert "of 7 success criteria are met." in html
    assert "The target is met in 4 of 10 kommuner" in html


def test_a_report_for_one_unit_and_one_year():
    report = Report(load_project("bosetting-vestfold"), unit="0709", period="2016")
    k1 = next(r for r in report.criteria if r.id == "K1")
    rows = report.project.indicators.query("unit == '0709' and period == 2016").set_index("indicator")["value"]
    assert k1.actual == pytest.approx(rows["vedtatt"] / rows["anmodet"])
    assert len(k1.units) == 1
    assert report.unit_name == "Larvik"
    assert "per kommune" not in report.criteria_section().data  # no ranking of units in a one-unit report
