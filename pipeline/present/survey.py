"""The survey section: who answered and how many of those invited, the answers to each question, the change
since the wave before, Net Promoter Score, groups side by side, and comments."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.analysis import comparison as cmp
from pipeline.analysis import survey as sv
from pipeline.analysis.evaluation import survey_waves
from pipeline.present import cells, charts
from pipeline.present import document as doc

if TYPE_CHECKING:
    from pipeline.present.i18n import Messages
    from pipeline.present.report import Report

MINUS = "\u2212"  # a true minus sign: a hyphen is easy to miss in print


def survey_section(report: Report, told: bool = False) -> doc.Section:
    """`told`: the end report's story has told the chart and the comments (`survey_told`), so its appendix has the
    tables and figures without them."""
    t = report.t
    codebook = report.spec.survey
    waves = survey_waves(report.scope)
    if codebook is None or not waves:
        return doc.section("survey", t("survey"), doc.paragraph(t("survey_none")))
    wave = waves[-1]
    responses = report.responses(wave.id)
    parts: list[doc.Block | list[doc.Block]] = [
        doc.paragraph(t("survey_responses", n=len(responses), wave=report.in_sentence(wave.label)))
    ]
    # The numbers invited are the project's, per group: a report for one unit has no denominator of its own.
    with_rates = report.scope.unit is None and bool(codebook.invited.get(wave.id))
    if with_rates:
        parts.append(response_rates(report, responses, wave))
    shown, compared = len(responses) >= codebook.min_group_size, False
    if not shown:
        parts.append(doc.paragraph(t("survey_too_few", n=len(responses), min=codebook.min_group_size)))
    else:
        # Highest positive share first, in the chart and in every table after it.
        asked = sv.asked_items(report.project.survey, codebook, wave.id)
        summary = sv.summarise_items(responses, codebook, lambda item: report.shows(wave.id, item)).sort_values(
            "positive_share", ascending=False, na_position="last"
        )
        summary = summary[summary["item"].isin(asked)]
        items = list(summary["item"])
        if items:
            parts.append(answers_part(report, responses, summary, wave, chart=not told))
            pair = cmp.comparable_waves(
                waves, report.scope.as_of, report.spec.period.start, report.spec.period.end, report.spec.period
            )
            asked_before = sv.asked_items(report.project.survey, codebook, pair[0].id) if len(pair) == 2 else set()
            in_both = [item for item in items if item in asked_before]
            if pair and pair[-1].id == wave.id and in_both:
                change, compared = wave_change(report, pair[0], wave, responses, in_both)
                parts.append(change)
        parts.append(nps_part(report, responses, wave, asked))
        parts.append(other_questions_part(report, responses, wave, asked))
        if items and responses["group"].nunique() > 1:
            parts.append(groups_table(report, responses, items, wave))
        if not told:
            parts.append(comment_blocks(report, responses, asked))
    parts.append(methods_note(report, shown=shown, rates=with_rates, compared=compared))
    return doc.section("survey", t("survey"), *parts)


# --- Response rates -------------------------------------------------------------------------------------


def response_rates(report: Report, responses, wave) -> list[doc.Block]:
    """RR1 and RR2 per group and in total, for the groups whose number invited is given for this wave."""
    t, codebook = report.t, report.codebook
    rates = sv.response_rates(responses, codebook, wave.id)
    if rates.empty:
        return []
    total = sv.total_response_rate(rates)
    rows = [rate_cells(t, codebook.groups[row["group"]], row) for _, row in rates.iterrows()]
    rows.append(rate_cells(t, t("survey_total"), total))
    headers = [t("group"), t("invited"), t("complete"), t("partial"), t("rr1"), t("rr2")]
    parts: list[doc.Block] = [
        doc.heading(t("response_rate"), 3),
        doc.paragraph(
            t(
                "response_rate_sentence",
                complete=t.number(total["complete"]),
                invited=t.number(total["invited"]),
                rr1=t.percent(total["rr1"]),
                rr2=t.percent(total["rr2"]),
            )
        ),
        doc.table(
            headers,
            rows,
            report.table_caption(t("caption_response_rates", wave=report.in_sentence(wave.label))),
            numeric=(1, 2, 3, 4, 5),
        ),
    ]
    missing = sv.groups_without_invited(responses, codebook, wave.id)
    if missing:
        parts.append(doc.note(t("rate_total_covers", groups=t.join([codebook.groups[g] for g in missing]))))
    return parts


def rate_cells(t: Messages, label: str, row) -> list:
    return [
        label,
        cells.count(t, row["invited"]),
        cells.count(t, row["complete"]),
        cells.count(t, row["partial"]),
        cells.share(t, row["rr1"]),
        cells.share(t, row["rr2"]),
    ]


# --- The answers ----------------------------------------------------------------------------------------


def answers_part(report: Report, responses, summary, wave, chart: bool = True) -> list[doc.Block]:
    """The question with most agreement, then the chart (unless told elsewhere) and the table of every question."""
    t, wave_label = report.t, report.in_sentence(wave.label)
    parts: list[doc.Block] = [doc.heading(t("answers_heading"), 3)]
    answered = summary.dropna(subset=["positive_share"])
    if len(answered):
        best = answered.iloc[0]
        parts.append(doc.paragraph(t("survey_best", item=best["text"], share=t.percent(best["positive_share"]))))
    parts += [
        *(likert_chart(report, responses, answered, wave_label) if chart else []),
        likert_table(report, summary, wave),
    ]
    if summary["suppressed"].any():
        parts.append(doc.note(t("items_suppressed_note", min=report.codebook.min_group_size)))
    return parts


def item_label(t: Messages, text: str, n: int, dont_know: int) -> str:
    """'Question (n = 40, ved ikke 2)': the base of the bar, and the "don't know" answers left out of it."""
    if dont_know:
        return t("likert_label_dont_know", text=text, n=t.number(n), dont_know=t.number(dont_know))
    return t("likert_label", text=text, n=t.number(n))


def likert_chart(report: Report, responses, summary, wave_label: str) -> list[doc.Figure]:
    """One diverging chart per scale, items in the summary's order (highest positive share on top)."""
    t, codebook = report.t, report.codebook
    parts: list[doc.Figure] = []
    for scale_id in dict.fromkeys(codebook.items[i].scale for i in summary["item"]):
        items = summary[[codebook.items[i].scale == scale_id for i in summary["item"]]]
        assert scale_id is not None  # the summary's items are Likert items, each with its scale (validation)
        scale = codebook.scales[scale_id]
        counts = sv.distribution_table(responses, codebook, list(items["item"]))
        rows = [
            (item_label(t, row.text, row.n, row.dont_know), sv.diverging_segments(counts.loc[row.item], scale))
            for row in items.itertuples()
        ]
        svg = charts.likert_chart(rows, scale.labels, lambda x: t.percent(x, 0))
        parts.append(
            doc.figure(svg, report.figure_caption(t("caption_likert_chart", wave=wave_label)), likert_alt(t, items))
        )
    return parts


def likert_alt(t: Messages, items) -> str:
    """Alt text from the data: every question with its positive share, in the chart's order."""
    shares = "; ".join(
        t("alt_likert_item", text=row.text, share=t.percent(row.positive_share, 0)) for row in items.itertuples()
    )
    return t("alt_likert", count=len(items), items=shares, dont_know=t.number(int(items["dont_know"].sum())))


def likert_table(report: Report, summary, wave) -> doc.Table:
    t, codebook, wave_label = report.t, report.codebook, report.in_sentence(wave.label)
    tops = {len(codebook.scale_of(i).labels) for i in summary["item"]}
    why = t("item_too_few", min=codebook.min_group_size)
    rows = [
        [
            row.text,
            cells.withheld("count", why, report.withheld_word(wave.id, row.item)),
            *(cells.withheld(unit, why) for unit in ("count", "share", "share", "number")),
        ]
        if row.suppressed
        else [
            row.text,
            cells.count(t, row.n),
            cells.count(t, row.dont_know),
            cells.share(t, row.positive_share),
            cells.interval(
                t("range", low=t.percent(row.ci_low), high=t.percent(row.ci_high)) if pd.notna(row.ci_low) else "–",
                row.ci_low,
                row.ci_high,
            ),
            cells.number(
                t,
                row.mean,
                1,
                text=None if len(tops) == 1 else f"{t.number(row.mean, 1)} / {len(codebook.scale_of(row.item).labels)}",
            ),
        ]
        for row in summary.itertuples()
    ]
    headers = [
        t("item"),
        t("answers"),
        t("dont_know"),
        t("positive_share"),
        t("interval"),
        t("scale_mean", top=max(tops) if len(tops) == 1 else "n"),
    ]
    return doc.table(
        headers, rows, report.table_caption(t("caption_likert_table", wave=wave_label)), numeric=(1, 2, 3, 4, 5)
    )


# --- Change since the wave before -----------------------------------------------------------------------


def signed_points(t: Messages, share: float) -> str:
    """A change in shares as signed percentage points: +14,2 or −3,1."""
    points = t.number(abs(share) * 100, 1)
    return f"+{points}" if share > 0 else f"{MINUS}{points}" if share < 0 else points


def change_sentence(t: Messages, row) -> str:
    if row["change"] is None or pd.isna(row["change"]):
        return t("change_unknown")
    before, after = t.percent(row["previous_share"], 0), t.percent(row["latest_share"], 0)
    return t(f"change_{sv.change_direction(row)}", before=before, after=after)


def wave_change(report: Report, previous, latest, responses, item_order: list[str]) -> tuple[list[doc.Block], bool]:
    """Words per question and a table: the change in positive share from the wave before to the latest.

    Returns the blocks and whether a comparison was made (the previous wave may have too few responses).
    """
    t, codebook = report.t, report.codebook
    before = report.responses(previous.id)
    parts: list[doc.Block] = [doc.heading(t("change_heading", wave=report.in_sentence(previous.label)), 3)]
    if len(before) < codebook.min_group_size:
        parts.append(
            doc.paragraph(
                t(
                    "change_previous_too_few",
                    wave=report.in_sentence(previous.label),
                    n=len(before),
                    min=codebook.min_group_size,
                )
            )
        )
        return parts, False
    shown_in_both = lambda item: report.shows(previous.id, item) and report.shows(latest.id, item)  # noqa: E731
    asked_before = sv.asked_items(report.project.survey, codebook, previous.id)
    in_both = [item for item in item_order if item in asked_before]  # a question new in the latest wave has no change
    table = (
        sv.compare_waves(before, responses, codebook, shown_in_both, set(in_both))
        .set_index("item")
        .loc[in_both]
        .reset_index()
    )
    parts.append(
        doc.paragraph(
            t("change_intro", latest=report.in_sentence(latest.label), previous=report.in_sentence(previous.label))
        )
    )
    sentences: list[list[doc.Inline]] = [
        [doc.Strong(text=row["text"]), ": " + change_sentence(t, row)]
        for _, row in table.iterrows()
        if not row["suppressed"]
    ]
    parts.append(doc.BulletList(items=sentences, role="changes"))
    why = t("item_too_few", min=codebook.min_group_size)
    rows = []
    for _, row in table.iterrows():
        if row["suppressed"]:
            word = (
                report.withheld_word(previous.id, row["item"])
                if not report.shows(previous.id, row["item"])
                else report.withheld_word(latest.id, row["item"])
            )
            hidden = [
                cells.withheld("share", why, word),
                cells.withheld("share", why, word),
                cells.withheld("share", why, "–"),
                cells.withheld("share", why, "–"),
            ]
            rows.append([row["text"], *hidden, t("change_short_unknown")])
            continue
        computed = row["change"] is not None and not pd.isna(row["change"])
        verdict = sv.change_direction(row) if computed else "unknown"
        rows.append(
            [
                row["text"],
                cells.share(
                    t,
                    row["previous_share"],
                    text=t("share_with_n", share=t.percent(row["previous_share"]), n=t.number(row["previous_n"])),
                ),
                cells.share(
                    t,
                    row["latest_share"],
                    text=t("share_with_n", share=t.percent(row["latest_share"]), n=t.number(row["latest_n"])),
                ),
                cells.share(
                    t, row["change"] if computed else None, text=signed_points(t, row["change"]) if computed else "–"
                ),
                cells.interval(
                    t("range", low=signed_points(t, row["ci_low"]), high=signed_points(t, row["ci_high"])),
                    row["ci_low"],
                    row["ci_high"],
                )
                if computed
                else cells.interval("–", None, None),
                t(f"change_short_{verdict}"),
            ]
        )
    headers = [t("item"), previous.label, latest.label, t("change_points"), t("interval"), t("change_verdict")]
    caption = report.table_caption(
        t("caption_change", previous=report.in_sentence(previous.label), latest=report.in_sentence(latest.label))
    )
    parts.append(doc.table(headers, rows, caption, numeric=(1, 2, 3, 4)))
    return parts, True


# --- Net Promoter Score ---------------------------------------------------------------------------------


def nps_part(report: Report, responses, wave, asked: set[str]) -> list[doc.Block]:
    """Per NPS item: a sentence with the score, and a table of the bands in total and per group."""
    t, codebook, wave_label = report.t, report.codebook, report.in_sentence(wave.label)
    parts: list[doc.Block] = []
    for item_id in [item for item in sv.nps_items(codebook) if item in asked]:
        total = sv.net_promoter_score(responses[item_id])
        if total["n"] == 0 or not report.shows(wave.id, item_id):
            continue
        text = codebook.items[item_id].text
        parts.append(
            doc.paragraph(
                t(
                    "nps_sentence",
                    item=text,
                    score=signed_score(t, total["nps"]),
                    promoters=t.percent(total["promoters_share"], 0),
                    detractors=t.percent(total["detractors_share"], 0),
                    n=t.number(total["n"]),
                )
            )
        )
        rows = [nps_cells(t, t("survey_total"), total)]
        if responses["group"].nunique() > 1:
            shows = lambda group, item_id=item_id: report.shows(wave.id, item_id, group)  # noqa: E731
            for _, row in sv.nps_by_group(responses, codebook, item_id, shows).iterrows():
                label = codebook.groups.get(row["group"], row["group"])
                why = t("item_too_few", min=codebook.min_group_size)
                hidden = [
                    cells.withheld("count", why, report.withheld_word(wave.id, item_id, row["group"])),
                    *(cells.withheld(unit, why) for unit in ("count", "count", "count", "number")),
                ]
                rows.append([label, *hidden] if row["suppressed"] else nps_cells(t, label, row))
        headers = [t("group"), t("answers"), t("detractors"), t("passives"), t("promoters"), t("nps")]
        parts.append(
            doc.table(
                headers,
                rows,
                report.table_caption(t("caption_nps", item=text, wave=wave_label)),
                numeric=(1, 2, 3, 4, 5),
            )
        )
    return [doc.heading(t("nps_heading"), 3), *parts] if parts else []


def signed_score(t: Messages, score: float) -> str:
    """An NPS as a whole number with its sign: +15, −8, 0."""
    number = t.number(round(abs(score)))
    return f"+{number}" if round(score) > 0 else f"{MINUS}{number}" if round(score) < 0 else number


def nps_cells(t: Messages, label: str, row) -> list:
    if not row["n"]:
        return [label, cells.count(t, 0), *(cells.count(t, None) for _ in range(3)), cells.number(t, None)]
    bands = [
        cells.count(
            t, row[band], text=t("count_share", count=t.number(row[band]), share=t.percent(row[f"{band}_share"], 0))
        )
        for band in ("detractors", "passives", "promoters")
    ]
    return [label, cells.count(t, row["n"]), *bands, cells.number(t, row["nps"], text=signed_score(t, row["nps"]))]


# --- Choices, ticks and numbers -------------------------------------------------------------------------


def other_questions_part(report: Report, responses, wave, asked: set[str]) -> list[doc.Block]:
    """Questions with unordered options (a distribution, no positive share), tick-all-that-apply questions (the
    share ticking each option) and numbers (n, mean, median), each withheld where the project's suppression
    decision withholds it."""
    t, codebook = report.t, report.codebook
    parts: list[doc.Block] = []
    for item_id in [
        item for item in sv.items_of_kind(codebook, "choice") + sv.items_of_kind(codebook, "multi") if item in asked
    ]:
        item = codebook.items[item_id]
        parts.append(doc.heading(item.text, 4))
        if not report.shows(wave.id, item_id):
            parts.append(doc.note(t("item_too_few", min=codebook.min_group_size)))
            continue
        table = (sv.choice_distribution if item.kind == "choice" else sv.multi_shares)(
            responses[item_id], item.option_list
        )
        answered = int(responses[item_id].notna().sum())
        rows = [[row.option, cells.count(t, row.count), cells.share(t, row.share)] for row in table.itertuples()]
        caption = t(f"caption_{item.kind}", item=item.text, wave=report.in_sentence(wave.label), n=t.number(answered))
        parts.append(
            doc.table(
                [t("option"), t("count"), t("share_of_answers")], rows, report.table_caption(caption), numeric=(1, 2)
            )
        )
    numbers = [item for item in sv.items_of_kind(codebook, "number") if item in asked]
    if numbers:
        rows = []
        for item_id in numbers:
            text = codebook.items[item_id].text
            if not report.shows(wave.id, item_id):
                why = t("item_too_few", min=codebook.min_group_size)
                rows.append(
                    [
                        text,
                        cells.withheld("count", why, report.withheld_word(wave.id, item_id)),
                        cells.withheld("number", why),
                        cells.withheld("number", why),
                    ]
                )
                continue
            figures = sv.number_summary(responses[item_id])
            rows.append(
                [
                    text,
                    cells.count(t, figures["n"]),
                    cells.number(t, figures["mean"], 1),
                    cells.number(t, figures["median"], 1),
                ]
            )
        numbers_caption = report.table_caption(t("caption_numbers", wave=report.in_sentence(wave.label)))
        parts.append(
            doc.table([t("item"), t("answers"), t("mean"), t("median")], rows, numbers_caption, numeric=(1, 2, 3))
        )
    return [doc.heading(t("other_questions"), 3), *parts] if parts else []


# --- Groups side by side --------------------------------------------------------------------------------


def groups_table(report: Report, responses, item_ids: list[str], wave) -> list[doc.Block]:
    """Positive share of every item, one column per respondent group; figures the project's suppression
    decision withholds are marked so, and a group withheld in every item is shown without its size."""
    t, codebook = report.t, report.codebook
    by_item = {
        item_id: sv.positive_share_by_group(
            responses, codebook, item_id, functools.partial(report.shows, wave.id, item_id)
        ).set_index("group")
        for item_id in item_ids
    }
    groups = list(by_item[item_ids[0]].index)
    withheld = pd.concat([table["suppressed"] for table in by_item.values()], axis=1)
    sizes = sv.respondents_by(responses, "group")
    headers = [t("item")] + [
        codebook.groups.get(g, g)
        if withheld.loc[g].all()
        else t("group_with_n", group=codebook.groups.get(g, g), n=t.number(sizes[g]))
        for g in groups
    ]
    why = t("item_too_few", min=codebook.min_group_size)
    rows = [
        [codebook.items[item_id].text]
        + [
            cells.withheld("share", why, report.withheld_word(wave.id, item_id, g))
            if by_item[item_id].loc[g, "suppressed"]
            else cells.share(t, by_item[item_id].loc[g, "positive_share"])
            for g in groups
        ]
        for item_id in item_ids
    ]
    caption = report.table_caption(t("caption_groups"))
    parts: list[doc.Block] = [doc.table(headers, rows, caption, numeric=tuple(range(1, len(groups) + 1)))]
    if withheld.to_numpy().any():
        parts.append(doc.note(t("groups_suppressed_note", min=codebook.min_group_size)))
    return parts


# --- Comments -------------------------------------------------------------------------------------------


def comment_blocks(report: Report, responses, asked: set[str]) -> list[doc.Block]:
    """Free-text answers per question and group: redacted by the analysis (and on reading), escaped by each renderer,
    quoted only from groups with at least `quote_limit` respondents; the rest are counted, not shown."""
    t, codebook = report.t, report.codebook
    parts: list[doc.Block] = []
    for item_id in [item for item in sv.text_items(codebook) if item in asked]:
        entries = sv.comments_by_group(responses, codebook, item_id)
        if not entries:
            continue
        parts.append(doc.heading(codebook.items[item_id].text, 4))
        for entry in entries:
            group = codebook.groups.get(entry["group"], entry["group"])
            if entry["quotes"]:
                parts.append(doc.paragraph(doc.Strong(text=group)))
                parts.append(doc.BulletList(items=[[text] for text in entry["quotes"]], role="comments"))
                if len(entry["quotes"]) < entry["sampled_from"]:
                    parts.append(
                        doc.note(
                            t(
                                "comments_sample",
                                shown=t.number(len(entry["quotes"])),
                                count=t.number(entry["sampled_from"]),
                            )
                        )
                    )
            if entry["withheld"]:
                count = "_uncounted" if entry["uncounted"] else "_one" if entry["withheld"] == 1 else "_many"
                key = ("comments_withheld_unit" if report.spec.units else "comments_withheld") + count
                noun = report.spec.unit_noun
                parts.append(
                    doc.note(
                        t(
                            key,
                            count=entry["withheld"],
                            group=group,
                            min=codebook.quote_limit,
                            unit=noun.singular,
                            units=noun.plural,
                        )
                    )
                )
    if not parts:
        return []
    return [doc.heading(t("comments"), 3), *parts, doc.note(t("comments_note"))]


# --- How the figures are made ---------------------------------------------------------------------------


def methods_note(report: Report, shown: bool, rates: bool, compared: bool) -> doc.Note:
    """The survey's methods in a few sentences, only those that apply to what the section shows."""
    t, codebook = report.t, report.codebook
    sentences = [t("survey_methods_shares")] if shown else []
    if rates:
        sentences.append(t("survey_methods_rates"))
    if compared:
        sentences.append(t("survey_methods_change"))
    if shown and sv.nps_items(codebook):
        sentences.append(t("survey_methods_nps"))
    if shown and any(item.kind in ("choice", "multi", "number") for item in codebook.items.values()):
        sentences.append(t("survey_methods_kinds"))
    where = t("in_each_unit", unit=report.spec.unit_noun.singular) if report.spec.units else ""
    sentences.append(t("survey_methods_privacy", min=codebook.min_group_size, quote=codebook.quote_limit, where=where))
    return doc.note(" ".join(sentences))
