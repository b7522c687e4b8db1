"""Survey feedback: distributions of Likert answers, positive shares with Wilson intervals, groups, response
rates, change between waves, Net Promoter Score and comments."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from pipeline.analysis.privacy import redact
from pipeline.spec import Scale, SurveySpec

SUMMARY_COLUMNS = [
    "item",
    "text",
    "n",
    "dont_know",
    "positive",
    "positive_share",
    "ci_low",
    "ci_high",
    "mean",
    "suppressed",
]
RATE_COLUMNS = ["group", "invited", "complete", "partial", "rr1", "rr2"]
CHANGE_COLUMNS = [
    "item",
    "text",
    "previous_n",
    "previous_share",
    "latest_n",
    "latest_share",
    "change",
    "ci_low",
    "ci_high",
    "certain",
    "suppressed",
]

# At most this many comments are quoted per question and group: a sample, said to be one, keeps a report readable
# (and its size bounded) whatever the number of respondents.
MAX_QUOTES = 30


def shown_everywhere(item: str) -> bool:
    """The default for a figure outside any project's suppression decision (tests, one-off analyses)."""
    return True


# Net Promoter Score bands on the 0-10 "how likely are you to recommend" scale (Reichheld 2003).
DETRACTORS = range(0, 7)
PASSIVES = range(7, 9)
PROMOTERS = range(9, 11)


# --- Which items are which ------------------------------------------------------------------------------


def likert_items(codebook: SurveySpec) -> list[str]:
    return [item_id for item_id, item in codebook.items.items() if item.kind == "likert"]


def nps_items(codebook: SurveySpec) -> list[str]:
    return [item_id for item_id, item in codebook.items.items() if item.kind == "nps"]


def text_items(codebook: SurveySpec) -> list[str]:
    return [item_id for item_id, item in codebook.items.items() if item.kind == "text"]


def items_of_kind(codebook: SurveySpec, kind: str) -> list[str]:
    return [item_id for item_id, item in codebook.items.items() if item.kind == kind]


# --- One Likert item ------------------------------------------------------------------------------------


def likert_counts(answers: pd.Series, scale: Scale) -> pd.Series:
    """How many chose each label, in scale order, followed by the 'don't know' labels; blanks are not counted."""
    order = scale.labels + scale.dont_know
    return answers.value_counts().reindex(order, fill_value=0).astype(int)


def positive_share(answers: pd.Series, scale: Scale) -> dict[str, Any]:
    """Share of substantive answers (not blank, not "don't know") in the scale's positive labels.

    Returns n, positive, share and the Wilson 95 % interval; share and interval are None when n is 0.
    The mean is the average position on the scale (1 = first label), a secondary figure.
    """
    counts = answers.value_counts()  # one pass over the answers, then each label's count
    positions = {label: i + 1 for i, label in enumerate(scale.labels)}
    chosen = {label: int(counts.get(label, 0)) for label in positions}
    n = sum(chosen.values())
    positive = sum(count for label, count in chosen.items() if label in scale.positive)
    dont_know = sum(int(counts.get(label, 0)) for label in dict.fromkeys(scale.dont_know))
    if n == 0:
        return {
            "n": 0,
            "dont_know": dont_know,
            "positive": 0,
            "positive_share": None,
            "ci_low": None,
            "ci_high": None,
            "mean": None,
        }
    low, high = proportion_confint(positive, n, alpha=0.05, method="wilson")
    return {
        "n": n,
        "dont_know": dont_know,
        "positive": positive,
        "positive_share": positive / n,
        "ci_low": float(low),
        "ci_high": float(high),
        "mean": sum(positions[label] * count for label, count in chosen.items()) / n,
    }


def asked_items(survey: pd.DataFrame, codebook: SurveySpec, wave: str) -> set[str]:
    """The items a wave asked: those at least one of its respondents answered. An item no one answered in a wave was,
    as a rule, not in its questionnaire (waves ask different questions), and that wave's tables leave it out."""
    items = [item_id for item_id in codebook.items if item_id in survey]
    answered = survey.loc[survey["wave"] == wave, items].notna().any()
    return {item_id for item_id in items if answered[item_id]}


def summarise_items(
    responses: pd.DataFrame, codebook: SurveySpec, shows: Callable[[str], bool] = shown_everywhere
) -> pd.DataFrame:
    """One row per Likert item: n, "don't know", positive count and share with its interval, mean; the figures of
    an item that `shows` withholds (the project's suppression decision for these respondents) are left out."""
    rows = []
    for item_id in likert_items(codebook):
        item = codebook.items[item_id]
        if shows(item_id):
            rows.append(
                {
                    "item": item_id,
                    "text": item.text,
                    **positive_share(responses[item_id], codebook.scale_of(item_id)),
                    "suppressed": False,
                }
            )
        else:
            rows.append({"item": item_id, "text": item.text, "suppressed": True})
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS).astype({"suppressed": bool})


def distribution_table(responses: pd.DataFrame, codebook: SurveySpec, item_ids: list[str]) -> pd.DataFrame:
    """Counts per label for items that share one scale: rows are items, columns the labels in order."""
    scales = {str(codebook.items[i].scale) for i in item_ids}
    if len(scales) != 1:
        raise ValueError(f"items {item_ids} use different scales {sorted(scales)}")
    scale = codebook.scale_of(item_ids[0])
    return pd.DataFrame({item_id: likert_counts(responses[item_id], scale) for item_id in item_ids}).T


def diverging_segments(counts: pd.Series, scale: Scale) -> list[tuple[float, float]]:
    """Where each scale label's bar starts and how wide it is, as shares of the substantive answers.

    The neutral label (the middle of an odd scale) is centred on zero, the labels below it run to the left
    and those above it to the right; an even scale has no neutral and meets at zero. "Don't know" answers are
    not part of the bar. Returns one (start, width) per label of the scale, in scale order.
    """
    substantive = counts.reindex(scale.labels, fill_value=0)
    total = int(substantive.sum())
    shares = [int(c) / total if total else 0.0 for c in substantive]
    negative = sum(shares[: len(scale.negative_side)])
    neutral = shares[len(scale.negative_side)] if scale.neutral else 0.0
    start = -(negative + neutral / 2)
    segments = []
    for share in shares:
        segments.append((start, share))
        start += share
    return segments


# --- Response rates -------------------------------------------------------------------------------------


def response_status(responses: pd.DataFrame, codebook: SurveySpec) -> pd.Series:
    """Per respondent: 'complete' when every closed question (scale, choice, ticks, number) has an answer ("don't
    know" counts as one), 'partial' when some but not all have, 'none' when none has (that row is not a response)."""
    items = [
        item_id for item_id, item in codebook.items.items() if item.kind in ("likert", "choice", "multi", "number")
    ]
    answered = responses[items].notna().sum(axis=1) if items else pd.Series(0, index=responses.index)
    status = pd.Series("partial", index=responses.index, dtype=object)
    status[answered == len(items)] = "complete"
    status[answered == 0] = "none"
    return status


def response_rates(responses: pd.DataFrame, codebook: SurveySpec, wave: str) -> pd.DataFrame:
    """AAPOR response rates per group of one wave, for the groups whose number invited is known.

    RR1 = complete / invited and RR2 = (complete + partial) / invited, everyone invited counted as eligible.
    Nothing is suppressed, not even for a group below min_group_size, and this is on purpose: a rate says how
    many took part, not what anyone answered. A small group's answers stay hidden wherever answers are shown,
    and knowing its size does not let anyone work them out (complementary suppression guards against
    subtraction whether sizes are known or not; who was invited is usually public anyway: the municipalities).
    Hiding the rate would hide exactly the low response that an evaluator must see and weigh.
    """
    invited = codebook.invited.get(wave, {})
    status = response_status(responses, codebook)
    rows = []
    for group in (g for g in codebook.groups if g in invited):
        in_group = status[responses["group"] == group]
        complete, partial = int((in_group == "complete").sum()), int((in_group == "partial").sum())
        rows.append(rate_row(group, invited[group], complete, partial))
    return pd.DataFrame(rows, columns=RATE_COLUMNS)


def total_response_rate(rates: pd.DataFrame) -> dict[str, Any]:
    """The rates over all the groups in `rates` together: sums of counts, then the ratios."""
    return rate_row(None, int(rates["invited"].sum()), int(rates["complete"].sum()), int(rates["partial"].sum()))


def rate_row(group: str | None, invited: int, complete: int, partial: int) -> dict[str, Any]:
    rr1 = complete / invited if invited else None
    rr2 = (complete + partial) / invited if invited else None
    return {"group": group, "invited": invited, "complete": complete, "partial": partial, "rr1": rr1, "rr2": rr2}


def groups_without_invited(responses: pd.DataFrame, codebook: SurveySpec, wave: str) -> list[str]:
    """Groups that answered in the wave but whose number invited is not given: no rate can be computed."""
    invited = codebook.invited.get(wave, {})
    present = set(responses["group"])
    return [g for g in codebook.groups if g in present and g not in invited]


# --- Change between two waves ---------------------------------------------------------------------------


def change_in_positive_share(previous: pd.Series, latest: pd.Series, scale: Scale) -> dict[str, Any]:
    """Change in the positive share from one wave to the next with a Newcombe 95 % interval.

    The interval is Newcombe's hybrid score interval for a difference of independent proportions (method 10),
    built from the two Wilson intervals. A change is `certain` only when the interval excludes zero.
    Share, change and interval are None when either wave has no substantive answer.
    """
    before, after = positive_share(previous, scale), positive_share(latest, scale)
    row = {
        "previous_n": before["n"],
        "previous_share": before["positive_share"],
        "latest_n": after["n"],
        "latest_share": after["positive_share"],
        "change": None,
        "ci_low": None,
        "ci_high": None,
        "certain": False,
    }
    if before["n"] == 0 or after["n"] == 0:
        return row
    low, high = confint_proportions_2indep(
        after["positive"], after["n"], before["positive"], before["n"], method="newcomb", compare="diff"
    )
    low, high = float(low), float(high)
    row.update(
        change=after["positive_share"] - before["positive_share"], ci_low=low, ci_high=high, certain=low > 0 or high < 0
    )
    return row


def compare_waves(
    previous: pd.DataFrame,
    latest: pd.DataFrame,
    codebook: SurveySpec,
    shows: Callable[[str], bool] = shown_everywhere,
    items: set[str] | None = None,
) -> pd.DataFrame:
    """One row per Likert item (of `items`, those both waves asked, when given): positive share in the previous and the
    latest wave, the change and its interval; an item that `shows` withholds in either wave is marked `suppressed`,
    with no figures."""
    rows = []
    for item_id in likert_items(codebook):
        if items is not None and item_id not in items:
            continue
        item = codebook.items[item_id]
        if not shows(item_id):
            rows.append({"item": item_id, "text": item.text, "certain": False, "suppressed": True})
            continue
        scale = codebook.scale_of(item_id)
        rows.append(
            {
                "item": item_id,
                "text": item.text,
                **change_in_positive_share(previous[item_id], latest[item_id], scale),
                "suppressed": False,
            }
        )
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS).astype({"suppressed": bool})


def change_direction(row: pd.Series) -> str:
    """'up' or 'down' when the change is certain, otherwise 'none'."""
    if not row["certain"]:
        return "none"
    return "up" if row["change"] > 0 else "down"


# --- Net Promoter Score ---------------------------------------------------------------------------------


def net_promoter_score(scores: pd.Series) -> dict[str, Any]:
    """NPS = % promoters (9-10) − % detractors (0-6) of those who gave a score, from −100 to +100.

    Passives (7-8) count in the base only. Returns the counts, the shares and the score; the shares and the
    score are None when nobody gave a score.
    """
    given = scores.dropna().astype(int)
    n = int(len(given))
    counts = {
        "detractors": int(given.isin(DETRACTORS).sum()),
        "passives": int(given.isin(PASSIVES).sum()),
        "promoters": int(given.isin(PROMOTERS).sum()),
    }
    shares = {f"{band}_share": (count / n if n else None) for band, count in counts.items()}
    score = 100 * (counts["promoters"] - counts["detractors"]) / n if n else None
    return {"n": n, **counts, **shares, "nps": score}


# --- Choices, ticks and numbers -------------------------------------------------------------------------


def choice_distribution(answers: pd.Series, options: list[str]) -> pd.DataFrame:
    """One of several unordered options: how many chose each, and their share of those who answered, in the
    questionnaire's order. No option is "positive": the figure is the distribution itself."""
    given = answers.dropna()
    counts = given.value_counts().reindex(options, fill_value=0).astype(int)
    return pd.DataFrame(
        {
            "option": options,
            "count": counts.to_list(),
            "share": [c / len(given) if len(given) else None for c in counts],
        }
    )


def multi_shares(answers: pd.Series, options: list[str]) -> pd.DataFrame:
    """Tick all that apply: for each option, how many ticked it and their share of those who answered the
    question (ticked anything). Shares add up to more than 100 %: one person may tick several."""
    given = answers.dropna()
    counts = [int(sum(option in ticked for ticked in given)) for option in options]
    return pd.DataFrame(
        {"option": options, "count": counts, "share": [c / len(given) if len(given) else None for c in counts]}
    )


def number_summary(answers: pd.Series) -> dict[str, Any]:
    """A count or an amount: how many gave one, their mean and median. No minimum or maximum: a single extreme
    answer is one person's, and often tells who."""
    given = pd.to_numeric(answers.dropna(), errors="coerce").dropna()
    if given.empty:
        return {"n": 0, "mean": None, "median": None}
    return {"n": int(len(given)), "mean": float(given.mean()), "median": float(given.median())}


# --- Groups side by side --------------------------------------------------------------------------------


def respondents_by(responses: pd.DataFrame, column: str) -> pd.Series:
    return responses.groupby(column, sort=True).size()


def in_declared_order(groups: Iterable[str], codebook: SurveySpec) -> list[str]:
    """Group codes in the order project.yaml declares them (the order readers know); any others last."""
    declared = list(codebook.groups)
    return sorted(groups, key=lambda g: (declared.index(g) if g in declared else len(declared), g))


def by_group(
    responses: pd.DataFrame,
    codebook: SurveySpec,
    figures: Callable[[pd.DataFrame], dict[str, Any]],
    shows: Callable[[str], bool],
    by: str = "group",
) -> pd.DataFrame:
    """`figures` of each group's respondents, with the groups that `shows` withholds (the project's suppression
    decision) marked `suppressed` and their figures left out."""
    groups = respondents_by(responses, by)
    if by == "group":
        groups = groups.reindex(in_declared_order(groups.index, codebook))
    rows = []
    for group, size in groups.items():
        if not shows(group):
            rows.append({by: group, "respondents": None, "suppressed": True})
        else:
            rows.append(
                {by: group, "respondents": int(size), "suppressed": False, **figures(responses[responses[by] == group])}
            )
    return pd.DataFrame(rows)


def positive_share_by_group(
    responses: pd.DataFrame, codebook: SurveySpec, item_id: str, shows: Callable[[str], bool], by: str = "group"
) -> pd.DataFrame:
    """Positive share of one item per group, with the groups `shows` withholds marked `suppressed` and their figures
    blanked."""
    scale = codebook.scale_of(item_id)
    answers = responses[[by, item_id]]  # each group's rows taken of two columns, not of every question's
    table = by_group(answers, codebook, lambda rows: positive_share(rows[item_id], scale), shows, by)
    return table.reindex(columns=[by, "respondents", "n", "positive_share", "suppressed"])


def nps_by_group(
    responses: pd.DataFrame, codebook: SurveySpec, item_id: str, shows: Callable[[str], bool], by: str = "group"
) -> pd.DataFrame:
    """Net Promoter Score of one item per group, suppressed like every other group figure."""
    table = by_group(responses[[by, item_id]], codebook, lambda rows: net_promoter_score(rows[item_id]), shows, by)
    columns = [
        "n",
        "detractors",
        "passives",
        "promoters",
        "detractors_share",
        "passives_share",
        "promoters_share",
        "nps",
    ]
    return table.reindex(columns=[by, "respondents", *columns, "suppressed"])


# --- Comments -------------------------------------------------------------------------------------------


def comments(responses: pd.DataFrame, item_id: str) -> list[str]:
    """Non-empty answers to a free-text item, with personal identifiers redacted; escaping is the presenter's job."""
    return [redact(text).strip() for text in _written(responses, item_id)]


def _written(responses: pd.DataFrame, item_id: str) -> list[str]:
    """Non-empty answers to a free-text item as written. Redaction puts a marker where it takes something out, so it
    never empties a comment nor fills a blank one: these are the comments, to be redacted when quoted."""
    return [text for text in responses[item_id].dropna().astype(str) if text.strip()]


def comments_by_group(responses: pd.DataFrame, codebook: SurveySpec, item_id: str) -> list[dict[str, Any]]:
    """The comments on one question, group by group (in the codebook's order), for groups that commented.

    A comment is quoted only when its respondent's finest published cell — their unit and group in the wave — has
    at least `codebook.quote_limit` respondents: a project's report and its units' reports then quote the same
    comments under the same cells, so no comparison of two reports narrows one down to a small group. Other
    comments are withheld and only counted. Of many, a fixed random sample of `MAX_QUOTES` is quoted, in the
    order given. Each entry: group, respondents, quotes, sampled_from (comments that could be quoted), withheld, and
    uncounted: whether some withheld come from a cell below `min_group_size`, whose number of comments, like every
    figure of such a cell, is no report's to state.
    """
    cell = [responses["wave"], responses["unit"].fillna(""), responses["group"]]
    sizes = responses.groupby(cell, sort=False)["group"].transform("size")
    quotable = sizes >= codebook.quote_limit
    small = sizes < codebook.min_group_size
    entries = []
    for group in codebook.groups:
        members = responses["group"] == group
        texts = _written(responses[members & quotable], item_id)
        withheld = len(_written(responses[members & ~quotable], item_id))
        if not texts and not withheld:
            continue
        uncounted = len(_written(responses[members & small], item_id)) > 0
        entries.append(
            {
                "group": group,
                "respondents": int(members.sum()),
                "quotes": [redact(text).strip() for text in quote_sample(texts, f"{item_id}/{group}")],
                "sampled_from": len(texts),
                "withheld": withheld,
                "uncounted": uncounted,
            }
        )
    return entries


def quote_sample(texts: list[str], seed: str) -> list[str]:
    """At most MAX_QUOTES of `texts`, drawn at random with a fixed seed (the same report quotes the same), in
    their order."""
    if len(texts) <= MAX_QUOTES:
        return texts
    chosen = sorted(random.Random(seed).sample(range(len(texts)), MAX_QUOTES))
    return [texts[i] for i in chosen]
