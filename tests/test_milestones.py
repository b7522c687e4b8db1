"""Milestone outcomes and slippage as seen on a report date."""

from datetime import date

import pandas as pd
import pytest

from pipeline.analysis.milestones import Outcome, classify, summarise

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
    assert list(result["outcome"]) == [Outcome.ON_TIME, Outcome.ON_TIME, Outcome.LATE, Outcome.OVERDUE, Outcome.OPEN, Outcome.CANCELLED, Outcome.OVERDUE]
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
