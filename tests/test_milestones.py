"""Milestone outcomes and slippage as seen on a report date; forecasts, the overdue list, phases and the timeline."""

import re
from datetime import date
from html import unescape

import pandas as pd
import pytest

from pipeline.analysis.milestones import (
    Outcome,
    Slippage,
    by_phase,
    classify,
    most_delayed,
    overdue,
    phases,
    summarise,
)
from pipeline.errors import InputError
from pipeline.present import Report
from pipeline.present.i18n import Messages
from pipeline.present.milestones import month_label, table_date
from pipeline.present.timeline import Milestone, timeline_chart
from pipeline.project import load_project
from pipeline.tables import parse_milestones

AS_OF = date(2016, 12, 31)


def table():
    rows = [
        ("M1", date(2016, 3, 1), date(2016, 3, 1), "done"),  # on the day
        ("M2", date(2016, 3, 1), date(2016, 2, 20), "done"),  # early
        ("M3", date(2016, 3, 1), date(2016, 4, 20), "done"),  # 50 days late
        ("M4", date(2016, 12, 15), None, "open"),  # overdue by 16 days
        ("M5", date(2017, 2, 1), None, "open"),  # not yet due
        ("M6", date(2016, 6, 1), None, "cancelled"),
        ("M7", date(2016, 11, 1), date(2017, 1, 10), "done"),  # done after the report date: still overdue then
    ]
    return pd.DataFrame(rows, columns=["id", "planned", "actual", "status"])


def test_outcomes_and_slippage():
    result = classify(table(), AS_OF).set_index("id")
    assert list(result["outcome"]) == [
        Outcome.ON_TIME,
        Outcome.ON_TIME,
        Outcome.LATE,
        Outcome.OVERDUE,
        Outcome.OPEN,
        Outcome.CANCELLED,
        Outcome.OVERDUE,
    ]
    assert result.loc["M2", "slippage_days"] == -10
    assert result.loc["M3", "slippage_days"] == 50
    assert result.loc["M4", "slippage_days"] == 16
    assert result.loc["M7", "slippage_days"] == 60
    assert pd.isna(result.loc["M5", "slippage_days"]) and pd.isna(result.loc["M6", "slippage_days"])


def test_summary_leaves_cancelled_and_not_yet_due_out_of_the_base():
    summary = summarise(classify(table(), AS_OF))
    assert summary["total"] == 7
    assert summary["due"] == 5  # M1, M2, M3 done; M4, M7 overdue
    assert summary["done"] == 3
    assert summary["done_share"] == pytest.approx(3 / 5)
    assert summary["on_time_share"] == pytest.approx(2 / 5)
    assert summary["mean_slippage_late"] == 50


def test_nothing_due_gives_no_share():
    summary = summarise(classify(table().iloc[[4, 5]], AS_OF))
    assert summary["due"] == 0 and summary["done_share"] is None


# --- forecasts: expected slippage, kept apart from realised slippage -----------------------------------------


def with_forecasts():
    """The table above with a forecast column, and four milestones not done that have one."""
    frame = table().assign(forecast=None)
    forecasts = pd.DataFrame(
        [
            ("F1", date(2017, 2, 1), None, "open", date(2017, 3, 3)),  # not yet due, expected 30 days late
            ("F2", date(2016, 12, 1), None, "open", date(2017, 1, 20)),  # overdue 30 days, expected 50 days late
            ("F3", date(2016, 10, 1), None, "open", date(2016, 12, 1)),  # forecast passed on 1 December: out of date
            ("F4", date(2017, 3, 1), None, "open", date(2017, 2, 19)),  # expected 10 days early
        ],
        columns=["id", "planned", "actual", "status", "forecast"],
    )
    return pd.concat([frame, forecasts], ignore_index=True)


def test_a_forecast_gives_expected_slippage_from_the_planned_date():
    result = classify(with_forecasts(), AS_OF).set_index("id")
    assert (result.loc["F1", "outcome"], result.loc["F1", "slippage"], result.loc["F1", "slippage_days"]) == (
        Outcome.OPEN,
        Slippage.EXPECTED,
        30,
    )
    assert (result.loc["F2", "outcome"], result.loc["F2", "slippage"], result.loc["F2", "slippage_days"]) == (
        Outcome.OVERDUE,
        Slippage.EXPECTED,
        50,
    )
    assert result.loc["F2", "days_overdue"] == 30  # 1 December to 31 December, whatever the forecast says
    assert (result.loc["F4", "slippage"], result.loc["F4", "slippage_days"]) == (Slippage.EXPECTED, -10)


def test_a_forecast_that_has_passed_is_left_out():
    result = classify(with_forecasts(), AS_OF).set_index("id")
    assert (result.loc["F3", "outcome"], result.loc["F3", "slippage"]) == (Outcome.OVERDUE, Slippage.SO_FAR)
    assert result.loc["F3", "slippage_days"] == result.loc["F3", "days_overdue"] == 91  # 1 October to 31 December


def test_forecasts_leave_the_outcomes_and_realised_slippage_alone():
    result = classify(with_forecasts(), AS_OF).set_index("id")
    assert list(result.loc["M1":"M7", "outcome"]) == [
        Outcome.ON_TIME,
        Outcome.ON_TIME,
        Outcome.LATE,
        Outcome.OVERDUE,
        Outcome.OPEN,
        Outcome.CANCELLED,
        Outcome.OVERDUE,
    ]
    assert list(result.loc[["M2", "M3"], "slippage"]) == [Slippage.REALISED, Slippage.REALISED]
    assert (result.loc["M4", "slippage"], result.loc["M4", "slippage_days"]) == (Slippage.SO_FAR, 16)
    assert pd.isna(result.loc["M5", "slippage"]) and pd.isna(result.loc["M3", "days_overdue"])


def test_summary_keeps_expected_slippage_apart_from_realised():
    summary = summarise(classify(with_forecasts(), AS_OF))
    assert summary["mean_slippage_late"] == 50  # M3 alone: forecasts are not delays that happened
    assert summary["forecasts"] == 3  # F1, F2, F4; F3's has passed
    assert summary["forecast_late"] == 2  # F1 and F2; F4 is expected early
    assert summary["mean_expected_slippage_late"] == pytest.approx((30 + 50) / 2)
    assert summary["due"] == 7 and summary["done"] == 3  # 3 done, and M4, M7, F2, F3 overdue


def test_overdue_lists_the_longest_overdue_first():
    listed = overdue(classify(with_forecasts(), AS_OF))
    assert list(listed["id"]) == ["F3", "M7", "F2", "M4"]
    assert list(listed["days_overdue"]) == [91, 60, 30, 16]


def test_most_delayed_counts_delays_that_happened_not_forecasts():
    frame = with_forecasts()
    frame.loc[frame["id"] == "F1", "forecast"] = date(2017, 12, 1)  # 303 days expected: not a delay yet
    worst = most_delayed(classify(frame, AS_OF))
    assert (worst["id"], worst["days_late"]) == ("F3", 91)
    assert most_delayed(classify(table().iloc[[0, 1, 4]], AS_OF)) is None  # on time, early, not yet due


# --- phases ----------------------------------------------------------------------------------------------------


def phased():
    phase = {
        "M1": "Oppstart",
        "M2": "Oppstart",
        "M3": "Nettverk",
        "M4": "Avslutning",
        "M5": "Avslutning",
        "M6": "Nettverk",
        "M7": "Nettverk",
    }
    frame = table()
    return frame.assign(phase=frame["id"].map(phase))


def test_phases_come_in_the_order_the_project_meets_them():
    frame = phased()
    frame.loc[frame["id"] == "M4", "planned"] = date(2016, 1, 15)  # Avslutning now starts before M1-M3 on 1 March
    assert phases(classify(frame, AS_OF)) == ["Avslutning", "Oppstart", "Nettverk"]


def test_counts_per_phase():
    result = by_phase(classify(phased(), AS_OF)).set_index("phase")
    assert list(result.index) == [
        "Oppstart",
        "Nettverk",
        "Avslutning",
    ]  # first planned 1 March, 1 March (M3), 15 December
    # Nettverk: M3 late, M6 cancelled, M7 overdue. Avslutning: M4 overdue, M5 not yet due.
    assert result.loc["Oppstart", ["total", "due", "done", "on_time", "overdue", "cancelled"]].tolist() == [
        2,
        2,
        2,
        2,
        0,
        0,
    ]
    assert result.loc["Nettverk", ["total", "due", "done", "on_time", "overdue", "cancelled"]].tolist() == [
        3,
        2,
        1,
        0,
        1,
        1,
    ]
    assert result.loc["Avslutning", ["total", "due", "done", "on_time", "overdue", "open"]].tolist() == [
        2,
        1,
        0,
        0,
        1,
        1,
    ]
    assert result["done_share"].tolist() == pytest.approx([1.0, 0.5, 0.0])


def test_a_phase_with_nothing_due_has_no_share():
    result = by_phase(classify(phased().iloc[[4]], AS_OF))
    assert result.loc[0, "due"] == 0 and result.loc[0, "done_share"] is None


# --- the forecast column in milestones.csv ---------------------------------------------------------------------

HEADER = "id,title,unit,phase,planned,actual,status,forecast\n"


def parse(tmp_path, body: str) -> pd.DataFrame:
    path = tmp_path / "milestones.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return parse_milestones(path, load_project("bosetting-vestfold").spec)


def problems(tmp_path, body: str) -> list:
    with pytest.raises(InputError) as caught:
        parse(tmp_path, body)
    return caught.value.problems


def test_forecast_is_read_as_a_date_and_may_be_empty(tmp_path):
    frame = parse(
        tmp_path, "M1,Møte,,Nettverk,2016-03-01,,open,2016-04-15\nM2,Møte,,Nettverk,2016-05-01,2016-05-01,done,\n"
    )
    assert frame["forecast"].tolist() == [date(2016, 4, 15), None]


@pytest.mark.parametrize(
    "row, expected",
    [
        ("M1,Møte,,Nettverk,2016-03-01,2016-03-05,done,2016-04-15", "this one is done"),
        (
            "M1,Møte,,Nettverk,2016-03-01,2016-03-05,,2016-04-15",
            "this one is done",
        ),  # done because it has an actual date
        ("M1,Møte,,Nettverk,2016-03-01,,cancelled,2016-04-15", "this one is cancelled"),
    ],
)
def test_forecast_on_a_milestone_done_or_cancelled(tmp_path, row, expected):
    body = "M0,Oppstart,,Nettverk,2016-01-01,2016-01-01,done,\n" + row + "\n"
    [problem] = problems(tmp_path, body)
    assert (problem.file, problem.row, problem.field, problem.found) == (
        "milestones.csv",
        3,
        "forecast",
        "'2016-04-15'",
    )
    assert expected in problem.expected and "not yet done" in problem.expected


def test_forecast_not_written_yyyy_mm_dd(tmp_path):
    [problem] = problems(tmp_path, "M1,Møte,,Nettverk,2016-03-01,,open,15.04.2016\n")
    assert (problem.file, problem.row, problem.field, problem.found) == (
        "milestones.csv",
        2,
        "forecast",
        "'15.04.2016'",
    )
    assert "YYYY-MM-DD" in problem.expected


def test_a_file_without_the_forecast_column_still_validates():
    milestones = load_project("bosetting-vestfold").milestones
    assert len(milestones) == 20 and milestones["forecast"].isna().all()


# --- the report ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def norrevang():
    """The Danish example, as of the end of its period (31 December 2025), with forecasts for A02 and A03."""
    return Report(load_project("helhedsplan-norrevang"), today=date(2026, 3, 1))


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).replace("\xa0", " ")


def test_section_states_done_and_on_time_shares_with_their_base(norrevang):
    text = text_of(norrevang.milestones_section().data)
    # 19 milestones, I07 cancelled: 18 due; 16 done, 11 of them on time; A02 and A03 overdue.
    assert "16 af 18 milepæle, der skulle være nået, er gennemført (88,9 %)" in text
    assert "11 af de 18 blev gennemført til tiden (61,1 %)" in text
    # Realised: O03 34, O04 19, I03 44, M01 38, A01 21 → 31,2. Expected: A02 63, A03 74 → 68,5.
    assert "De 5, der blev gennemført forsinket, kom i gennemsnit 31,2 dage for sent." in text
    assert (
        "Ifølge prognoserne bliver 2 milepæle, der ikke er gennemført endnu, i gennemsnit 68,5 dage forsinket." in text
    )


def test_overdue_milestones_come_first_with_days_overdue_and_forecast(norrevang):
    html = norrevang.milestones_section().data
    first_table = html[html.index("<table") : html.index("</table>")]
    assert html.index("<table") < html.index("<figure>")
    rows = [text_of(row).strip() for row in re.findall(r"<tr>(.*?)</tr>", first_table)[1:]]
    # A02 planned 27 November: 34 days to 31 December, forecast 29 January (63 days after plan); A03: 16 and 74.
    assert rows == [
        "Afslutningsarrangement for beboerne Afslutning 27. nov. 2025 34 29. jan. 2026 63",
        "Slutevaluering afleveret til Landsbyggefonden Afslutning 15. dec. 2025 16 27. feb. 2026 74",
    ]


def test_phase_overview_counts_done_of_due(norrevang):
    html = norrevang.milestones_section().data
    overview = next(t for t in re.findall(r"<table[^>]*>.*?</table>", html) if "Gennemførte milepæle efter fase" in t)
    rows = [text_of(row).strip() for row in re.findall(r"<tr>(.*?)</tr>", overview)[1:]]
    assert rows == [
        "Opstart 4 4 af 4 100,0 % 2 0",
        "Indsatser 10 9 af 9 100,0 % 8 1",
        "Midtvejsevaluering 2 2 af 2 100,0 % 1 0",
        "Afslutning 3 1 af 3 33,3 % 0 0",
        "Alle faser 19 16 af 18 88,9 % 11 1",
    ]


def test_phase_tables_show_forecasts_apart_from_realised_slippage(norrevang):
    html = norrevang.milestones_section().data
    last = re.findall(r"<table[^>]*>.*?</table>", html)[-1]
    assert "Milepæle i fasen Afslutning" in last
    rows = [text_of(row).strip() for row in re.findall(r"<tr>(.*?)</tr>", last)[1:]]
    assert rows[0].startswith("Forankringsplan") and " 21 " in rows[0]  # done 21 days late
    assert "16 27. feb. 2026 (74 dage efter planen) Ikke gennemført, forsinket" in rows[2]


def test_timeline_figure_has_a_caption_and_alt_text_from_its_data(norrevang):
    html = norrevang.milestones_section().data
    alt = unescape(re.search(r'<img [^>]*alt="([^"]*)"', html).group(1))
    assert alt.startswith("Tidslinje over 19 milepæle i 4 faser, planlagt fra 15. januar 2022 til 15. december 2025")
    assert "Gennemført til tiden: 11; Gennemført forsinket: 5; Ikke gennemført, forsinket: 2; Aflyst: 1." in alt
    assert "Mest forsinket: Gældsrådgivning og tidlig indsats mod udsættelser etableret (44 dage)." in alt
    assert "Milepæle efter fase: planlagt dato mod gennemført dato eller prognose" in html


def test_month_and_table_dates_follow_the_language():
    assert [month_label(Messages(lang), date(2016, 1, 15)) for lang in ("da", "nb", "en")] == [
        "jan. 2016",
        "jan. 2016",
        "Jan 2016",
    ]
    assert [table_date(Messages(lang), date(2016, 9, 13)) for lang in ("da", "nb", "en")] == [
        "13. sep. 2016",
        "13. sep. 2016",
        "13 Sept 2016",
    ]


# --- the timeline chart ----------------------------------------------------------------------------------------

LEGEND = {"planned": "PLANNED", "forecast": "FORECAST", **{o.value: o.value.upper() for o in Outcome}}


def chart(milestones, as_of=AS_OF):
    return timeline_chart(
        [("Phase A", milestones[:1]), ("Phase B", milestones[1:])],
        as_of,
        lambda d: f"ASOF {d.isoformat()}",
        lambda d: f"M{d:%Y-%m}",
        LEGEND,
    )


def test_timeline_shows_phases_report_date_months_and_only_the_marks_it_uses():
    svg = chart(
        [
            Milestone("First", "on_time", date(2016, 1, 10), actual=date(2016, 1, 10)),
            Milestone("Second", "overdue", date(2016, 9, 1)),
        ]
    )
    for text in ("Phase A", "Phase B", "First", "Second", "ASOF 2016-12-31", "PLANNED", "ON_TIME", "OVERDUE"):
        assert text in svg
    assert re.findall(r"M2016-\d\d", svg)  # month ticks come from the caller's formatter
    assert "FORECAST" not in svg and "CANCELLED" not in svg and "LATE<" not in svg


def test_timeline_marks_a_forecast_and_shortens_long_titles():
    long_title = "Kommunestyrevedtak om bosetting for 2016 i alle kommuner som har mottatt anmodning fra IMDi"
    svg = chart(
        [
            Milestone("First", "late", date(2016, 1, 10), actual=date(2016, 2, 1)),
            Milestone(long_title, "open", date(2017, 2, 1), forecast=date(2017, 3, 1)),
        ]
    )
    assert "FORECAST" in svg and "LATE" in svg
    assert "…" in svg and "IMDi" not in svg  # at most two lines; the full title is in the table


def test_one_milestone_late_is_said_in_the_singular():
    report = Report(load_project("bosetting-vestfold"), period="2015", language="en", today=date(2017, 1, 1))
    text = text_of(report.milestones_section().data)
    # 2015: M01-M06 done, only M02 late (30 June to 20 August: 51 days).
    assert "6 of 6 milestones due have been done (100.0%). 5 of the 6 were done on time (83.3%)." in text
    assert "The one done late was 51 days late." in text
