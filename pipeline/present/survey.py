"""The survey section: who answered, the answers to each question, groups side by side, and comments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.analysis import survey as sv
from pipeline.analysis.evaluation import survey_waves
from pipeline.present import charts, html

if TYPE_CHECKING:
    from pipeline.present.report import Report


def survey_section(report: Report) -> str:
    t = report.t
    codebook = report.spec.survey
    waves = survey_waves(report.scope)
    if codebook is None or not waves:
        return html.section("survey", t("survey"), html.paragraph(t("survey_none")))
    wave = waves[-1]
    responses = report.responses(wave.id)
    parts = [html.paragraph(t("survey_responses", n=len(responses), wave=wave.label.lower()))]
    if len(responses) < codebook.min_group_size:
        parts.append(html.paragraph(t("survey_too_few", n=len(responses), min=codebook.min_group_size)))
        return html.section("survey", t("survey"), *parts)

    summary = sv.summarise_items(responses, codebook).sort_values("positive_share", ascending=False, na_position="last")
    answered = summary.dropna(subset=["positive_share"])
    if len(answered):
        best = answered.iloc[0]
        parts.append(html.paragraph(t("survey_best", item=best["text"], share=t.percent(best["positive_share"]))))
    parts += [likert_chart(report, responses, summary, wave.label), likert_table(report, summary, wave.label)]
    if responses["group"].nunique() > 1:
        parts.append(groups_table(report, responses, list(summary["item"])))
    parts.append(comments(report, responses))
    return html.section("survey", t("survey"), *parts)


def likert_chart(report: Report, responses, summary, wave_label: str) -> str:
    t, codebook = report.t, report.spec.survey
    parts = []
    for scale_id in dict.fromkeys(codebook.items[i].scale for i in summary["item"]):
        items = [i for i in summary["item"] if codebook.items[i].scale == scale_id]
        scale = codebook.scales[scale_id]
        counts = sv.distribution_table(responses, codebook, items)[scale.labels]
        rows = [(f"{codebook.items[i].text} ({int(counts.loc[i].sum())})", list(counts.loc[i])) for i in items]
        shares = summary.set_index("item").loc[items, "positive_share"].dropna()
        alt = t("alt_likert", low=t.percent(shares.min(), 0), high=t.percent(shares.max(), 0), count=len(items)) if len(shares) else ""
        svg = charts.likert_chart(rows, scale.labels, lambda x: t.percent(x, 0))
        parts.append(html.figure(svg, report.figure_caption(t("caption_likert_chart", wave=wave_label.lower())), alt))
    return "".join(parts)


def likert_table(report: Report, summary, wave_label: str) -> str:
    t = report.t
    rows = [
        [
            row.text,
            row.n,
            row.dont_know,
            t.percent(row.positive_share),
            f"{t.percent(row.ci_low)} – {t.percent(row.ci_high)}" if row.ci_low is not None else "–",
        ]
        for row in summary.itertuples()
    ]
    headers = [t("item"), t("answers"), t("dont_know"), t("positive_share"), t("interval")]
    return html.table(headers, rows, report.table_caption(t("caption_likert_table", wave=wave_label.lower())), numeric=(1, 2, 3, 4))


def groups_table(report: Report, responses, item_ids: list[str]) -> str:
    """Positive share of every item, one column per respondent group; groups too small to show are marked so."""
    t, codebook = report.t, report.spec.survey
    by_item = {item_id: sv.positive_share_by_group(responses, codebook, item_id).set_index("group") for item_id in item_ids}
    groups = list(by_item[item_ids[0]].index)
    sizes = sv.respondents_by(responses, "group")
    headers = [t("item")] + [f"{codebook.groups.get(g, g)} (n = {sizes[g]})" if not by_item[item_ids[0]].loc[g, "suppressed"] else codebook.groups.get(g, g) for g in groups]
    rows = [
        [codebook.items[item_id].text]
        + [t("suppressed") if by_item[item_id].loc[g, "suppressed"] else t.percent(by_item[item_id].loc[g, "positive_share"]) for g in groups]
        for item_id in item_ids
    ]
    caption = report.table_caption(t("caption_groups"))
    return html.table(headers, rows, caption, numeric=tuple(range(1, len(groups) + 1)))


def comments(report: Report, responses) -> str:
    """Free-text answers, redacted by the analysis and escaped here; only when enough people answered."""
    t, codebook = report.t, report.spec.survey
    text_items = [i for i, item in codebook.items.items() if item.kind == "text"]
    if not text_items:
        return ""
    parts = [html.heading(t("comments"), 3)]
    for item_id in text_items:
        texts = sv.comments(responses, item_id)
        if texts:
            parts.append(html.heading(codebook.items[item_id].text, 4))
            parts.append('<ul class="comments">' + "".join(f"<li>{html.escape(text)}</li>" for text in texts) + "</ul>")
    return "".join(parts) if len(parts) > 1 else ""
