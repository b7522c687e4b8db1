"""Survey analysis against hand-computed figures."""

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.analysis import survey as sv
from pipeline.analysis.suppression import survey_suppression
from pipeline.errors import InputError
from pipeline.project import load_project
from pipeline.spec import Item, Scale, SurveySpec, Wave

AGREE = Scale(
    labels=["Helt uenig", "Litt uenig", "Nøytral", "Litt enig", "Helt enig"],
    positive=["Litt enig", "Helt enig"],
    dont_know=["Vet ikke"],
)


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
        items={
            "q1": Item(text="Økt kompetanse", scale="enig"),
            "q2": Item(text="Mer samarbeid", scale="enig"),
            "fritekst": Item(text="Kommentar", kind="text"),
        },
    )


def test_counts_follow_scale_order_with_dont_know_last_and_blanks_left_out():
    answers = pd.Series(["Helt enig", "Litt enig", "Helt enig", "Vet ikke", None, "Helt uenig"])
    counts = sv.likert_counts(answers, AGREE)
    assert list(counts.index) == AGREE.labels + ["Vet ikke"]
    assert list(counts) == [1, 0, 0, 1, 2, 1]


def test_positive_share_leaves_dont_know_and_blanks_out_of_the_base():
    # 10 answers: 6 positive, 3 not, 1 "don't know", plus 2 blanks -> 6 / 9
    answers = pd.Series(
        ["Helt enig"] * 4 + ["Litt enig"] * 2 + ["Nøytral", "Litt uenig", "Helt uenig", "Vet ikke", None, None]
    )
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
    responses = pd.DataFrame(
        {"q1": ["Helt enig", "Litt uenig"], "q2": ["Vet ikke", "Litt enig"], "fritekst": ["hei", None]}
    )
    summary = sv.summarise_items(responses, codebook())
    assert list(summary["item"]) == ["q1", "q2"]
    assert list(summary["positive_share"]) == [0.5, 1.0]
    assert list(summary["dont_know"]) == [0, 1]


def decided(responses: pd.DataFrame, spec: SurveySpec, item: str):
    """The project's suppression decision for one question's groups, as a report of the whole project asks it."""
    survey = responses.assign(wave="2016", unit="")
    decision = survey_suppression(survey, spec)
    return lambda group: decision.shows("2016", item, None, group)


def test_groups_below_the_limit_are_suppressed_with_their_complement():
    # Three groups: 6, 7 and 4 respondents. The 4 is hidden; with a total shown it could be worked
    # out from the other two, so the smaller of those (6) is hidden as well.
    responses = pd.DataFrame(
        {
            "group": ["a"] * 6 + ["b"] * 7 + ["c"] * 4,
            "q1": ["Helt enig"] * 6 + ["Helt uenig"] * 7 + ["Litt enig"] * 4,
            "q2": None,
            "fritekst": None,
        }
    )
    table = sv.positive_share_by_group(responses, codebook(), "q1", decided(responses, codebook(), "q1")).set_index(
        "group"
    )
    assert list(table["suppressed"]) == [True, False, True]
    assert table.loc["b", "positive_share"] == 0.0 and table.loc["b", "respondents"] == 7
    assert pd.isna(table.loc["a", "positive_share"]) and pd.isna(table.loc["c", "respondents"])


def test_comments_are_redacted():
    responses = pd.DataFrame({"fritekst": ["Ring meg på 33 08 50 00", None, "  ", "Fint"]})
    assert sv.comments(responses, "fritekst") == ["Ring meg på […]", "Fint"]


# --- Mean, the secondary figure -------------------------------------------------------------------------


def test_summary_mean_is_the_average_scale_position_of_substantive_answers():
    # q1: Helt enig (5), Litt uenig (2), Vet ikke (left out) -> (5 + 2) / 2
    responses = pd.DataFrame(
        {"q1": ["Helt enig", "Litt uenig", "Vet ikke"], "q2": [None, "Nøytral", "Nøytral"], "fritekst": [None] * 3}
    )
    summary = sv.summarise_items(responses, codebook()).set_index("item")
    assert summary.loc["q1", "mean"] == pytest.approx(3.5)
    assert summary.loc["q2", "mean"] == pytest.approx(3.0)


# --- The diverging chart's bars --------------------------------------------------------------------------


def test_neutral_is_centred_on_zero_with_negatives_left_and_positives_right():
    # 1 / 2 / 4 / 2 / 1 of 10 substantive answers; 3 "don't know" are not part of the bar.
    counts = pd.Series([1, 2, 4, 2, 1, 3], index=AGREE.labels + ["Vet ikke"])
    segments = sv.diverging_segments(counts, AGREE)
    # start = −(negative shares + half the neutral) = −(0.1 + 0.2 + 0.4 / 2) = −0.5
    expected = [(-0.5, 0.1), (-0.4, 0.2), (-0.2, 0.4), (0.2, 0.2), (0.4, 0.1)]
    assert [(pytest.approx(s), pytest.approx(w)) for s, w in expected] == segments
    neutral_start, neutral_width = segments[2]
    assert neutral_start + neutral_width / 2 == pytest.approx(0.0)


def test_an_even_scale_has_no_neutral_and_meets_at_zero():
    four = Scale(labels=["Svært dårlig", "Dårlig", "God", "Svært god"], positive=["God", "Svært god"])
    assert four.neutral is None and four.negative_side == ["Svært dårlig", "Dårlig"]
    segments = sv.diverging_segments(pd.Series([1, 3, 4, 2], index=four.labels), four)
    # negatives 0.1 + 0.3 to the left of zero, positives 0.4 + 0.2 to the right
    assert segments[0][0] == pytest.approx(-0.4)
    assert segments[2] == (pytest.approx(0.0), pytest.approx(0.4))


def test_every_answer_dont_know_gives_empty_bars_and_a_complete_response():
    responses = pd.DataFrame(
        {"group": ["kommune"] * 3, "q1": ["Vet ikke"] * 3, "q2": ["Vet ikke"] * 3, "fritekst": [None] * 3}
    )
    counts = sv.likert_counts(responses["q1"], AGREE)
    assert [w for _, w in sv.diverging_segments(counts, AGREE)] == [0.0] * 5
    summary = sv.summarise_items(responses, codebook())
    assert list(summary["n"]) == [0, 0] and list(summary["dont_know"]) == [3, 3]
    assert summary["positive_share"].isna().all() and summary["mean"].isna().all()
    # "don't know" is an answer: these three completed the questionnaire.
    assert list(sv.response_status(responses, codebook())) == ["complete"] * 3


# --- Response rates (AAPOR RR1 and RR2) ------------------------------------------------------------------


def invited_codebook() -> SurveySpec:
    return codebook().model_copy(update={"invited": {"2016": {"kommune": 10, "partner": 4}}})


def test_complete_partial_and_no_response():
    responses = pd.DataFrame(
        {
            "q1": ["Helt enig", "Vet ikke", None, None],
            "q2": ["Nøytral", None, "Litt enig", None],
            "fritekst": [None, None, None, "bare en kommentar"],
        }
    )
    # both answered / one of two / one of two / none (a comment alone is not an answer to the questionnaire)
    assert list(sv.response_status(responses, codebook())) == ["complete", "partial", "partial", "none"]


def test_response_rates_on_a_small_example():
    # kommune: 3 complete, 2 partial, 1 with no answer, of 10 invited; partner: 1 complete of 4 invited.
    both, one, neither = ("Helt enig", "Nøytral"), ("Helt enig", None), (None, None)
    rows = [("kommune", both)] * 3 + [("kommune", one)] * 2 + [("kommune", neither)] + [("partner", both)]
    responses = pd.DataFrame(
        {"group": [g for g, _ in rows], "q1": [a[0] for _, a in rows], "q2": [a[1] for _, a in rows], "fritekst": None}
    )
    rates = sv.response_rates(responses, invited_codebook(), "2016").set_index("group")
    assert rates.loc["kommune", ["invited", "complete", "partial"]].tolist() == [10, 3, 2]
    assert rates.loc["kommune", "rr1"] == pytest.approx(3 / 10)  # RR1 = complete / invited
    assert rates.loc["kommune", "rr2"] == pytest.approx((3 + 2) / 10)  # RR2 = (complete + partial) / invited
    assert rates.loc["partner", "rr1"] == rates.loc["partner", "rr2"] == pytest.approx(1 / 4)
    total = sv.total_response_rate(rates.reset_index())
    assert (total["invited"], total["complete"], total["partial"]) == (14, 4, 2)
    assert total["rr1"] == pytest.approx(4 / 14) and total["rr2"] == pytest.approx(6 / 14)


def test_a_single_respondent_gets_a_rate_but_no_group_figures():
    responses = pd.DataFrame({"group": ["partner"], "q1": ["Helt enig"], "q2": [None], "fritekst": [None]})
    rates = sv.response_rates(responses, invited_codebook(), "2016").set_index("group")
    assert rates.loc["partner", ["complete", "partial"]].tolist() == [0, 1]
    assert rates.loc["partner", "rr2"] == pytest.approx(1 / 4) and rates.loc["kommune", "rr2"] == 0.0
    assert sv.positive_share_by_group(responses, codebook(), "q1", decided(responses, codebook(), "q1"))[
        "suppressed"
    ].tolist() == [True]


def test_groups_that_answered_without_an_invited_count_are_named():
    responses = pd.DataFrame(
        {"group": ["kommune", "partner"], "q1": ["Helt enig"] * 2, "q2": [None] * 2, "fritekst": [None] * 2}
    )
    only_kommune = codebook().model_copy(update={"invited": {"2016": {"kommune": 10}}})
    assert sv.groups_without_invited(responses, only_kommune, "2016") == ["partner"]
    assert sv.response_rates(responses, only_kommune, "2017").empty  # no count for that wave: no rate


# --- Net Promoter Score ----------------------------------------------------------------------------------


def test_net_promoter_score_on_a_small_example():
    # promoters 10, 9, 9, 10 (4); passives 8, 7 (2); detractors 6, 3, 0 (3); one blank left out: n = 9.
    result = sv.net_promoter_score(pd.Series([10, 9, 9, 8, 7, 6, 3, 0, 10, None], dtype=object))
    assert (result["n"], result["promoters"], result["passives"], result["detractors"]) == (9, 4, 2, 3)
    assert result["promoters_share"] == pytest.approx(4 / 9) and result["detractors_share"] == pytest.approx(3 / 9)
    assert result["nps"] == pytest.approx(100 * (4 - 3) / 9)  # 11.1


def test_net_promoter_score_of_a_single_respondent_and_of_nobody():
    assert sv.net_promoter_score(pd.Series([6]))["nps"] == pytest.approx(-100.0)
    nobody = sv.net_promoter_score(pd.Series([None, None], dtype=object))
    assert nobody["n"] == 0 and nobody["nps"] is None and nobody["promoters_share"] is None


def test_net_promoter_score_by_group_is_suppressed_like_the_shares():
    responses = pd.DataFrame({"group": ["a"] * 6 + ["b"] * 7 + ["c"] * 4, "anbefale": [10] * 6 + [0] * 7 + [9] * 4})
    spec = codebook().model_copy(update={"items": {"anbefale": Item(text="Anbefale", kind="nps")}})
    table = sv.nps_by_group(responses, spec, "anbefale", decided(responses, spec, "anbefale")).set_index("group")
    # c (4) and its complement a (6) are withheld; b's 7 detractors would leave the total's 10 promoters to a and c,
    # so every one of c's four would follow to be a promoter: b is withheld too (the attacker's audit).
    assert table["suppressed"].tolist() == [True, True, True]
    assert pd.isna(table.loc["b", "nps"]) and pd.isna(table.loc["a", "nps"])


# --- Comments per group ----------------------------------------------------------------------------------


def test_comments_are_quoted_only_from_groups_of_at_least_min_quote_group():
    # kommune: 10 respondents, 2 comments -> quoted; partner: 6 respondents (shown in tables), 1 comment -> withheld.
    responses = pd.DataFrame(
        {
            "group": ["kommune"] * 10 + ["partner"] * 6,
            "fritekst": ["Nyttig", "Mail: kari@re.kommune.no"] + [None] * 8 + ["Vi er bare seks"] + [None] * 5,
        }
    ).assign(wave="2016", unit="")
    entries = sv.comments_by_group(responses, codebook(), "fritekst")
    assert entries == [
        {
            "group": "kommune",
            "respondents": 10,
            "quotes": ["Nyttig", "Mail: […]"],
            "sampled_from": 2,
            "withheld": 0,
            "uncounted": False,
        },
        {"group": "partner", "respondents": 6, "quotes": [], "sampled_from": 0, "withheld": 1, "uncounted": False},
    ]


def test_comments_of_a_cell_too_small_to_show_are_not_even_counted():
    # B's three respondents: no figure of their cell is published, and neither is how many of them commented.
    responses = pd.DataFrame(
        {
            "unit": ["A"] * 12 + ["B"] * 3,
            "group": "kommune",
            "fritekst": ["Fra A"] + [None] * 11 + ["Fra B", "Også B", None],
        }
    ).assign(wave="2016")
    (entry,) = sv.comments_by_group(responses, codebook(), "fritekst")
    assert entry["withheld"] == 2 and entry["uncounted"] is True
    (six,) = sv.comments_by_group(responses.assign(unit="A").iloc[:6], codebook(), "fritekst")
    assert six["withheld"] == 1 and six["uncounted"] is False  # six respondents: shown in the tables, so counted


def test_comments_are_quoted_only_from_units_whose_group_is_big_enough():
    # The project report quotes kommune's comments; comparing it with unit A's report must not show which comment
    # came from unit B's three respondents, so B's comment is withheld in every report.
    responses = pd.DataFrame(
        {
            "unit": ["A"] * 12 + ["B"] * 3,
            "group": "kommune",
            "fritekst": ["Fra A"] + [None] * 11 + ["Fra B", None, None],
        }
    ).assign(wave="2016")
    (entry,) = sv.comments_by_group(responses, codebook(), "fritekst")
    assert entry["quotes"] == ["Fra A"] and entry["withheld"] == 1
    (only_a,) = sv.comments_by_group(responses[responses["unit"] == "A"], codebook(), "fritekst")
    assert only_a["quotes"] == entry["quotes"]


def test_many_comments_are_quoted_as_a_fixed_sample_in_their_order():
    texts = [f"Kommentar {i}" for i in range(500)]
    responses = pd.DataFrame({"group": "kommune", "fritekst": texts}).assign(wave="2016", unit="")
    (entry,) = sv.comments_by_group(responses, codebook(), "fritekst")
    assert len(entry["quotes"]) == sv.MAX_QUOTES and entry["sampled_from"] == 500
    assert entry["quotes"] == sorted(entry["quotes"], key=texts.index)  # in the order given
    assert entry["quotes"] == sv.comments_by_group(responses, codebook(), "fritekst")[0]["quotes"]  # the same each time
    assert entry["quotes"] != texts[: sv.MAX_QUOTES]  # a sample, not the first ones


def test_the_quote_limit_is_never_below_the_suppression_limit():
    assert codebook().quote_limit == 10
    assert codebook().model_copy(update={"min_quote_group": 3}).quote_limit == 5


# --- Reading the codebook and survey.csv -----------------------------------------------------------------

VIBORG = Path(__file__).resolve().parent.parent / "inputs" / "integrationsforum-viborg"


@pytest.fixture
def viborg_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs" / VIBORG.name
    shutil.copytree(VIBORG, folder)
    return folder


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path.name} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems_of(folder: Path) -> list:
    with pytest.raises(InputError) as caught:
        load_project(folder)
    return caught.value.problems


@pytest.mark.parametrize("score", ["11", "-1", "7.5", "Enig", "ti"])
def test_an_nps_cell_must_be_a_whole_number_from_0_to_10(viborg_copy, score):
    # r002 of 2024 is on line 3; its score is the column after `forskel`.
    replace_in(
        viborg_copy / "survey.csv",
        "r002,2024,medarbejder,,Meget enig,Enig,Enig,Enig,Enig,8,",
        f"r002,2024,medarbejder,,Meget enig,Enig,Enig,Enig,Enig,{score},",
    )
    [problem] = problems_of(viborg_copy)
    assert (problem.file, problem.row, problem.field) == ("survey.csv", 3, "anbefale")
    assert problem.expected == "a whole number from 0 to 10 (how likely to recommend), or empty"
    assert problem.found == repr(score)


def test_nps_scores_are_read_as_whole_numbers_and_blanks_as_none():
    survey = load_project(VIBORG).survey
    first = survey[(survey["wave"] == "2024") & (survey["respondent_id"] == "r001")].iloc[0]
    assert first["anbefale"] == 5 and isinstance(first["anbefale"], int)
    assert survey["anbefale"].isna().any() and set(survey["anbefale"].dropna()) <= set(range(11))


def test_comments_are_redacted_as_they_are_read():
    survey = load_project(VIBORG).survey
    texts = " ".join(survey["kommentar"].dropna())
    assert "010190-1234" not in texts and "+45 86 12 34 56" not in texts
    assert "Min sag om familiesammenføring ([…]) er stadig ikke afgjort." in texts


@pytest.mark.parametrize(
    "old, new, field, expected",
    [
        ('"2025": {borger: 60', '"2026": {borger: 60', "survey", "'2026' is not one of the waves"),
        ("partner: 10}", "partnere: 10}", "survey", "['partnere'] are not among the groups"),
        ("partner: 10}", "partner: 0}", "survey.invited.2025.partner", "greater than or equal to 1"),
    ],
)
def test_invited_must_name_declared_waves_and_groups_with_counts_of_at_least_one(
    viborg_copy, old, new, field, expected
):
    replace_in(viborg_copy / "project.yaml", old, new)
    [problem] = problems_of(viborg_copy)
    assert (problem.file, problem.field) == ("project.yaml", field)
    assert expected in problem.expected


def test_more_respondents_than_invited_is_a_problem(viborg_copy):
    # 2025 has 7 partner respondents.
    replace_in(viborg_copy / "project.yaml", "partner: 10}", "partner: 6}")
    [problem] = problems_of(viborg_copy)
    assert (problem.file, problem.field, problem.found) == ("survey.csv", "group", "7 rows")
    assert "at most 6 respondents in group 'partner' of wave '2025'" in problem.expected


def test_only_a_likert_item_has_a_scale():
    with pytest.raises(ValueError, match="only a likert item has a 'scale'"):
        Item(text="Anbefale", kind="nps", scale="enig")


def test_a_questionnaire_returned_blank_is_no_respondent_but_a_comment_alone_is():
    from pipeline.analysis.evaluation import answered_something
    from pipeline.project import load_project

    codebook = load_project("bosetting-vestfold").spec.survey
    items = list(codebook.items)
    frame = pd.DataFrame(
        [
            {"respondent_id": "blank", **{item: None for item in items}},
            {"respondent_id": "comment only", **{item: None for item in items}, "kommentar": "Godt samarbeid."},
            {"respondent_id": "one answer", **{item: None for item in items}, "kompetanse": "Helt enig"},
        ]
    )
    assert list(answered_something(frame, codebook)["respondent_id"]) == ["comment only", "one answer"]
