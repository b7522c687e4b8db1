"""Attainment, status and per-unit ratios against hand-computed figures."""

import math

import pandas as pd
import pytest

from pipeline.analysis.criteria import Status, aggregate, attainment, judge, judge_units, ratio_by_unit, target_for, total_ratio
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


@pytest.mark.parametrize("value, status", [(1.0, Status.MET), (1.3, Status.MET), (0.8, Status.PARTLY_MET), (0.7999, Status.NOT_MET)])
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
            ("A", "anmodet", 2015, 30), ("A", "vedtatt", 2015, 30), ("A", "anmodet", 2016, 40), ("A", "vedtatt", 2016, 40),
            ("B", "anmodet", 2015, 50), ("B", "vedtatt", 2015, 35), ("B", "anmodet", 2016, 70), ("B", "vedtatt", 2016, 50),
            ("C", "anmodet", 2015, 8), ("C", "vedtatt", 2015, 8), ("C", "anmodet", 2016, 10), ("C", "vedtatt", 2016, float("nan")),
            ("D", "anmodet", 2015, 0), ("D", "vedtatt", 2015, 0), ("D", "anmodet", 2016, 0), ("D", "vedtatt", 2016, 0),
        ]
    )
    units = judge_units(ratio_by_unit(table, "vedtatt", "anmodet", ["A", "B", "C", "D"], [2015, 2016]), 1.0, BANDS).set_index("unit")
    assert units.loc["A", "ratio"] == 1.0 and units.loc["A", "status"] is Status.MET
    assert units.loc["B", "ratio"] == pytest.approx(85 / 120) and units.loc["B", "status"] is Status.NOT_MET
    assert math.isnan(units.loc["C", "numerator"]) and units.loc["C", "status"] is Status.NO_DATA
    assert units.loc["D", "status"] is Status.NOT_APPLICABLE  # asked for nobody: nothing to attain
    top, bottom, ratio = total_ratio(units.reset_index())
    assert (top, bottom) == (155, 190)  # A + B + D; C has no data
    assert ratio == pytest.approx(155 / 190)
