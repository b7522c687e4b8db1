"""Survey feedback: distributions of Likert answers, positive shares with Wilson intervals, groups, comments."""

from __future__ import annotations

import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from pipeline.analysis.privacy import redact, suppress_small_groups
from pipeline.spec import Scale, SurveySpec

SUMMARY_COLUMNS = ["item", "text", "n", "dont_know", "positive", "positive_share", "ci_low", "ci_high", "mean"]


def likert_counts(answers: pd.Series, scale: Scale) -> pd.Series:
    """How many chose each label, in scale order, followed by the 'don't know' labels; blanks are not counted."""
    order = scale.labels + scale.dont_know
    return answers.value_counts().reindex(order, fill_value=0).astype(int)


def positive_share(answers: pd.Series, scale: Scale) -> dict:
    """Share of substantive answers (not blank, not "don't know") in the scale's positive labels.

    Returns n, positive, share and the Wilson 95 % interval; share and interval are None when n is 0.
    The mean is the average position on the scale (1 = first label), a secondary figure.
    """
    substantive = answers[answers.isin(scale.labels)]
    n = int(len(substantive))
    positive = int(substantive.isin(scale.positive).sum())
    dont_know = int(answers.isin(scale.dont_know).sum())
    if n == 0:
        return {"n": 0, "dont_know": dont_know, "positive": 0, "positive_share": None, "ci_low": None, "ci_high": None, "mean": None}
    low, high = proportion_confint(positive, n, alpha=0.05, method="wilson")
    position = substantive.map({label: i + 1 for i, label in enumerate(scale.labels)})
    return {
        "n": n,
        "dont_know": dont_know,
        "positive": positive,
        "positive_share": positive / n,
        "ci_low": float(low),
        "ci_high": float(high),
        "mean": float(position.mean()),
    }


def likert_items(codebook: SurveySpec) -> list[str]:
    return [item_id for item_id, item in codebook.items.items() if item.kind == "likert"]


def summarise_items(responses: pd.DataFrame, codebook: SurveySpec) -> pd.DataFrame:
    """One row per Likert item: n, "don't know", positive count and share with its interval, mean."""
    rows = []
    for item_id in likert_items(codebook):
        item = codebook.items[item_id]
        rows.append({"item": item_id, "text": item.text, **positive_share(responses[item_id], codebook.scales[item.scale])})
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def distribution_table(responses: pd.DataFrame, codebook: SurveySpec, item_ids: list[str]) -> pd.DataFrame:
    """Counts per label for items that share one scale: rows are items, columns the labels in order."""
    scales = {codebook.items[i].scale for i in item_ids}
    if len(scales) != 1:
        raise ValueError(f"items {item_ids} use different scales {sorted(scales)}")
    scale = codebook.scales[scales.pop()]
    return pd.DataFrame({item_id: likert_counts(responses[item_id], scale) for item_id in item_ids}).T


def respondents_by(responses: pd.DataFrame, column: str) -> pd.Series:
    return responses.groupby(column, sort=True).size()


def positive_share_by_group(responses: pd.DataFrame, codebook: SurveySpec, item_id: str, by: str = "group") -> pd.DataFrame:
    """Positive share of one item per group, with groups too small to show marked `suppressed` and their figures blanked."""
    scale = codebook.scales[codebook.items[item_id].scale]
    groups = respondents_by(responses, by)
    hidden = suppress_small_groups(groups, codebook.min_group_size)
    rows = []
    for group, size in groups.items():
        if hidden[group]:
            rows.append({by: group, "respondents": None, "n": None, "positive_share": None, "suppressed": True})
            continue
        share = positive_share(responses.loc[responses[by] == group, item_id], scale)
        rows.append({by: group, "respondents": int(size), "n": share["n"], "positive_share": share["positive_share"], "suppressed": False})
    return pd.DataFrame(rows, columns=[by, "respondents", "n", "positive_share", "suppressed"])


def comments(responses: pd.DataFrame, item_id: str) -> list[str]:
    """Non-empty answers to a free-text item, with personal identifiers redacted; escaping is the presenter's job."""
    texts = responses[item_id].dropna().astype(str).str.strip()
    return [redact(text) for text in texts if text]
