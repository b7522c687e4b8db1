"""Attainment, status and per-unit ratios against hand-computed figures."""

import math

import pandas as pd
import pytest

from pipeline.analysis.criteria import (
    CriterionResult,
    Status,
    aggregate,
    attainment,
    exceeded,
    judge,
    judge_units,
    mean_capped_attainment,
    rank_units,
    ratio_by_unit,
    ratio_total,
    target_for,
)
from pipeline.spec import Thresholds

BANDS = Thresholds()  # met >= 100 %, partly >= 80 %


@pytest.mark.parametrize(
    "actual, target, baseline, direction, expected",
    [
        (75, 100, None, "higher", 0.75),
        (120, 100, None, "higher", 1.2),  # over-achievement stays visible
        (68.4, 70, 61.5, "higher", (68.4 - 61.5) / (70 - 61.5)),
        (7, 6, 14, "lower", (7 - 14) / (6 - 14)),  # evictions from 14 towards 6: 0.875
        (4, 6, 14, "lower", 1.25),
        (8, 4, None, "lower", 0.5),
        (16, 6, 14, "lower", -0.25),  # worse than the baseline
    ],
)
def test_attainment(actual, target, baseline, direction, expected):
    assert attainment(actual, target, baseline, direction) == pytest.approx(expected)


def test_no_ratio_for_a_zero_target_or_a_baseline_equal_to_the_target():
    assert attainment(3, 0) is None
    assert attainment(5, 5, baseline=5) is None
    assert judge(0, 0, BANDS, direction="lower") == (None, Status.MET)
    assert judge(2, 0, BANDS, direction="lower") == (None, Status.NOT_MET)
    assert judge(6, 5, BANDS, baseline=5) == (None, Status.MET)
    assert judge(4, 5, BANDS, baseline=5) == (None, Status.NOT_MET)


def test_blank_actual_is_no_data_never_zero():
    assert judge(None, 100, BANDS) == (None, Status.NO_DATA)
    assert judge(float("nan"), 100, BANDS) == (None, Status.NO_DATA)


@pytest.mark.parametrize(
    "value, status", [(1.0, Status.MET), (1.3, Status.MET), (0.8, Status.PARTLY_MET), (0.7999, Status.NOT_MET)]
)
def test_status_bands(value, status):
    assert judge(value, 1.0, BANDS)[1] is status


def test_custom_bands():
    assert judge(0.9, 1.0, Thresholds(met=0.9, partly=0.5))[1] is Status.MET


def test_targets_per_year():
    yearly = {2022: 63, 2023: 65, 2024: 67}
    assert target_for(40, [2022, 2023]) == 40
    assert target_for(yearly, [2022, 2023]) == 65  # a level: the last year's target
    assert target_for(yearly, [2022, 2023], how="sum") == 128  # a count: the years' targets added up
    assert target_for(yearly, [2024, 2025], how="sum") is None  # 2025 has no target
    assert target_for(yearly, [2021]) is None


def test_aggregate_sum_needs_every_year_and_latest_takes_the_last_known():
    values = pd.Series({2015: 10.0, 2016: float("nan"), 2017: 12.0})
    assert aggregate(values, [2015, 2017], "sum") == (22.0, 2017)
    assert aggregate(values, [2015, 2016], "sum") == (None, None)  # blank year
    assert aggregate(values, [2017, 2018], "sum") == (None, None)  # missing year
    assert aggregate(values, [2015, 2016], "latest") == (10.0, 2015)
    assert aggregate(values, [2018], "latest") == (None, None)


def indicators(rows):
    return pd.DataFrame(rows, columns=["unit", "indicator", "period", "value"])


def test_ratio_per_unit_and_in_total_leaving_out_units_without_data():
    table = indicators(
        [
            ("A", "anmodet", 2015, 30),
            ("A", "vedtatt", 2015, 30),
            ("A", "anmodet", 2016, 40),
            ("A", "vedtatt", 2016, 40),
            ("B", "anmodet", 2015, 50),
            ("B", "vedtatt", 2015, 35),
            ("B", "anmodet", 2016, 70),
            ("B", "vedtatt", 2016, 50),
            ("C", "anmodet", 2015, 8),
            ("C", "vedtatt", 2015, 8),
            ("C", "anmodet", 2016, 10),
            ("C", "vedtatt", 2016, float("nan")),
            ("D", "anmodet", 2015, 0),
            ("D", "vedtatt", 2015, 0),
            ("D", "anmodet", 2016, 0),
            ("D", "vedtatt", 2016, 0),
        ]
    )
    units = judge_units(
        ratio_by_unit(table, "vedtatt", "anmodet", ["A", "B", "C", "D"], [2015, 2016]), 1.0, BANDS
    ).set_index("unit")
    assert units.loc["A", "ratio"] == 1.0 and units.loc["A", "status"] is Status.MET
    assert units.loc["B", "ratio"] == pytest.approx(85 / 120) and units.loc["B", "status"] is Status.NOT_MET
    assert math.isnan(units.loc["C", "numerator"]) and units.loc["C", "status"] is Status.NO_DATA
    assert units.loc["D", "status"] is Status.NOT_APPLICABLE  # asked for nobody: nothing to attain
    total = ratio_total(units.reset_index())
    assert (total.numerator, total.denominator) == (155, 190)  # A + B + D; C has no data
    assert total.ratio == pytest.approx(155 / 190) and total.left_out == ["C"]


def test_point_in_time_takes_the_last_year_or_nothing():
    values = pd.Series({2015: 10.0, 2016: float("nan")})
    assert aggregate(values, [2015], "point") == (10.0, 2015)
    assert aggregate(values, [2015, 2016], "point") == (None, None)  # the reference year is blank
    assert aggregate(values, [2015, 2017], "point") == (None, None)  # no row for it


def test_mean_attainment_caps_each_criterion_at_100_percent():
    # 1.5 would lift the mean of 0.5 and 1.5 to 100 %; capped it is (0.5 + 1.0) / 2.
    assert mean_capped_attainment([0.5, 1.5, None]) == (0.75, 2)
    assert mean_capped_attainment([None]) == (None, 0)


def test_over_achievement_is_flagged():
    assert exceeded(CriterionResult("K", "t", "survey", Status.MET, attainment=1.06))
    assert not exceeded(CriterionResult("K", "t", "survey", Status.MET, attainment=1.0))
    assert not exceeded(CriterionResult("K", "t", "assessment", Status.MET))


def test_units_ranked_by_capped_mean_then_by_criteria_met():
    def result(criterion, attainments):
        units = pd.DataFrame({"unit": list(attainments), "attainment": list(attainments.values())})
        units["status"] = [judge(a, 1.0, BANDS)[1] if a is not None else Status.NO_DATA for a in attainments.values()]
        return CriterionResult(criterion, criterion, "ratio", Status.MET, units=units)

    ranking = rank_units([result("K1", {"A": 1.4, "B": 0.9, "C": None}), result("K2", {"A": 0.6, "B": 0.9, "C": 0.5})])
    # A: capped (1.0 + 0.6) / 2 = 0.8, though uncapped it would lead with 1.0; B: 0.9; C: 0.5 (K1 no data)
    assert list(ranking["unit"]) == ["B", "A", "C"]
    assert ranking.set_index("unit")["mean"].to_dict() == pytest.approx({"B": 0.9, "A": 0.8, "C": 0.5})
    assert ranking.set_index("unit")["met"].to_dict() == {"B": 0, "A": 1, "C": 0}


def test_an_assessment_written_after_the_report_date_is_not_used():
    """Viborg's 2025 assessment of K5 ("met") is dated 9 December 2025: a status as of 1 October did not know it."""
    from pipeline.present import Report

    def k5(as_of: str) -> str:
        report = Report.open("integrationsforum-viborg", period="2025", as_of=as_of)
        return next(r for r in report.criteria if r.id == "K5").status.value

    assert k5("2025-10-01") == "no_data"
    assert k5("2025-12-09") == "met"
