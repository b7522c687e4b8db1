"""Survey analysis against hand-computed figures."""

import math

import pandas as pd
import pytest

from pipeline.analysis import survey as sv
from pipeline.spec import Item, Scale, SurveySpec, Wave

AGREE = Scale(labels=["Helt uenig", "Litt uenig", "Nøytral", "Litt enig", "Helt enig"], positive=["Litt enig", "Helt enig"], dont_know=["Vet ikke"])


def wilson(positive: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """The Wilson score interval written out, to check the library call against the formula."""
    p = positive / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def codebook(min_group_size: int = 5) -> SurveySpec:
    return SurveySpec(
        min_group_size=min_group_size,
        waves=[Wave(id="2016", label="Høsten 2016", year=2016)],
        groups={"kommune": "Kommuner", "partner": "Partnere"},
        scales={"enig": AGREE},
        items={"q1": Item(text="Økt kompetanse", scale="enig"), "q2": Item(text="Mer samarbeid", scale="enig"), "fritekst": Item(text="Kommentar", kind="text")},
    )


def test_counts_follow_scale_order_with_dont_know_last_and_blanks_left_out():
    answers = pd.Series(["Helt enig", "Litt enig", "Helt enig", "Vet ikke", None, "Helt uenig"])
    counts = sv.likert_counts(answers, AGREE)
    assert list(counts.index) == AGREE.labels + ["Vet ikke"]
    assert list(counts) == [1, 0, 0, 1, 2, 1]


def test_positive_share_leaves_dont_know_and_blanks_out_of_the_base():
    # 10 answers: 6 positive, 3 not, 1 "don't know", plus 2 blanks -> 6 / 9
    answers = pd.Series(["Helt enig"] * 4 + ["Litt enig"] * 2 + ["Nøytral", "Litt uenig", "Helt uenig", "Vet ikke", None, None])
    result = sv.positive_share(answers, AGREE)
    assert result["n"] == 9
    assert result["dont_know"] == 1
    assert result["positive"] == 6
    assert result["positive_share"] == pytest.approx(6 / 9)
    low, high = wilson(6, 9)
    assert result["ci_low"] == pytest.approx(low, abs=1e-9)
    assert result["ci_high"] == pytest.approx(high, abs=1e-9)
    # mean position: (5*4 + 4*2 + 3 + 2 + 1) / 9
    assert result["mean"] == pytest.approx(34 / 9)


def test_every_answer_dont_know_gives_no_share():
    result = sv.positive_share(pd.Series(["Vet ikke"] * 3), AGREE)
    assert result["n"] == 0 and result["dont_know"] == 3
    assert result["positive_share"] is None and result["ci_low"] is None


def test_single_respondent_has_a_wide_but_valid_interval():
    result = sv.positive_share(pd.Series(["Helt enig"]), AGREE)
    assert result["positive_share"] == 1.0
    low, high = wilson(1, 1)
    assert result["ci_low"] == pytest.approx(low) and result["ci_high"] == pytest.approx(1.0)
    assert 0.2 < result["ci_low"] < 0.21  # 1/(1+z²) = 0.2066


def test_summary_has_one_row_per_likert_item():
    responses = pd.DataFrame({"q1": ["Helt enig", "Litt uenig"], "q2": ["Vet ikke", "Litt enig"], "fritekst": ["hei", None]})
    summary = sv.summarise_items(responses, codebook())
    assert list(summary["item"]) == ["q1", "q2"]
    assert list(summary["positive_share"]) == [0.5, 1.0]
    assert list(summary["dont_know"]) == [0, 1]


def test_groups_below_the_limit_are_suppressed_with_their_complement():
    # Three groups: 6, 7 and 4 respondents. The 4 is hidden; with a total shown it could be worked
    # out from the other two, so the smaller of those (6) is hidden as well.
    responses = pd.DataFrame(
        {"group": ["a"] * 6 + ["b"] * 7 + ["c"] * 4, "q1": ["Helt enig"] * 6 + ["Helt uenig"] * 7 + ["Litt enig"] * 4}
    )
    table = sv.positive_share_by_group(responses, codebook(), "q1").set_index("group")
    assert list(table["suppressed"]) == [True, False, True]
    assert table.loc["b", "positive_share"] == 0.0 and table.loc["b", "respondents"] == 7
    assert pd.isna(table.loc["a", "positive_share"]) and pd.isna(table.loc["c", "respondents"])


def test_comments_are_redacted():
    responses = pd.DataFrame({"fritekst": ["Ring meg på 33 08 50 00", None, "  ", "Fint"]})
    assert sv.comments(responses, "fritekst") == ["Ring meg på […]", "Fint"]
