"""The section "Aktiviteter og deltagelse": activities per year and kind, participants over time (a chart), by group
(under the project's one suppression decision), the themes worked on, the list of activities, and the feedback from
a survey wave tied to an activity beside it."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.analysis import activities as act
from pipeline.analysis import survey as sv
from pipeline.analysis.suppression import ALL
from pipeline.present import cells, charts
from pipeline.present import document as doc

if TYPE_CHECKING:
    from pipeline.present.report import Report


def activities_section(report: Report) -> doc.Section | None:
    """None for a project without activities.csv: no heading over nothing."""
    if not report.spec.files.activities:
        return None
    t, held = report.t, report.activities
    if held.empty:
        return doc.section("activities", t("activities"), doc.paragraph(t("act_none")))
    parts: list = [doc.paragraph(lead_sentence(report), lead=True), per_year_table(report), participation_chart(report)]
    if report.scope.unit is None:
        parts += by_group(report)
    parts += themes(report)
    parts += [doc.heading(t("activities_held"), 3), activities_table(report)]
    parts += feedback(report)
    return doc.section("activities", t("activities"), *parts)


def lead_sentence(report: Report) -> str:
    """'I perioden 2024–2026 er der holdt 15 aktiviteter med i alt 381 deltagere.'"""
    t, held = report.t, report.activities
    total = decision(report).total_of(held["id"])
    period = report.scope.period.label
    if total is None:
        return t("act_lead_uncounted", period=period, count=t.number(len(held)))
    return t("act_lead", period=period, count=t.number(len(held)), participants=t.number(total))


def activities_tables(report: Report) -> doc.Section:
    """The end report's appendix on the activities: per year and kind, participants by group, the themes, every
    activity, and the feedback from a survey tied to one."""
    t = report.t
    parts: list = [per_year_table(report)]
    if report.scope.unit is None:
        parts += by_group(report)
    parts += themes(report)
    parts += [doc.heading(t("activities_held"), 3), activities_table(report)]
    parts += feedback(report)
    return doc.section("activities", t("appendix_activities"), *parts)


def per_year_table(report: Report) -> doc.Table:
    t, held, years = report.t, report.activities, report.scope.period.years
    counts = act.per_year_and_kind(held, years)
    participants = participants_per_year(report)
    rows = [
        [
            report.scope.period.year_label(year),
            *(cells.count(t, n) for n in counts.loc[year]),
            cells.count(t, counts.loc[year].sum()),
            participants[year],
        ]
        for year in years
    ]
    if len(years) > 1:
        rows.append(
            [
                t("total"),
                *(cells.count(t, n) for n in counts.sum()),
                cells.count(t, counts.to_numpy().sum()),
                participants_cell(report, held),
            ]
        )
    headers = [t("year"), *counts.columns, t("total"), t("participants")]
    return doc.table(
        headers, rows, report.table_caption(t("caption_activities_per_year")), numeric=tuple(range(1, len(headers)))
    )


def count_text(t, value) -> doc.Datum:
    """A number of people, or words saying nobody counted them (never 0)."""
    return cells.count(t, value, t("not_counted") if value is None else None)


def participants_cell(report: Report, activities: pd.DataFrame) -> doc.Datum:
    """The participants of these activities together as the decision lets them be shown: withheld, not counted, or
    the number."""
    t = report.t
    counted = activities.dropna(subset=["participants"])
    if counted.empty:
        return count_text(t, None)
    total = decision(report).total_of(counted["id"])
    return (
        cells.withheld("count", t("act_suppressed_note", min=decision_limit(report)), t("suppressed"))
        if total is None
        else cells.count(t, total)
    )


def participants_text(report: Report, activities: pd.DataFrame) -> str:
    """`participants_cell` in words, for a sentence."""
    return participants_cell(report, activities).text


def participants_per_year(report: Report) -> dict[int, doc.Datum]:
    held = report.activities
    years = act.project_years(held) if len(held) else pd.Series(dtype=int)
    return {year: participants_cell(report, held[years == year]) for year in report.scope.period.years}


def decision(report: Report) -> act.ByGroup:
    """The project's one decision on participants (the same for all its reports)."""
    return report.project.participation


def participation_chart(report: Report) -> doc.Figure | None:
    t, shown = report.t, decision(report)
    counted = report.activities.dropna(subset=["participants"])
    counted = counted[[shown.activity(id) is not None for id in counted["id"]]]  # withheld: not drawn
    if counted.empty:
        return None
    kinds = act.kinds(report.activities)
    svg = charts.activities_chart(
        list(counted["date"]), [int(n) for n in counted["participants"]], list(counted["kind"]), kinds, t.number
    )
    most = counted.loc[counted["participants"].astype(int).idxmax()]
    alt = t(
        "alt_activities",
        count=t.number(len(counted)),
        first=t.date(counted["date"].iloc[0]),
        last=t.date(counted["date"].iloc[-1]),
        most=most["title"],
        most_n=t.number(int(most["participants"])),
    )
    return doc.figure(svg, report.figure_caption(t("caption_activities_chart")), alt)


def by_group(report: Report) -> list[doc.Block]:
    """Participants per year (the report's years) by group; a total column when the report covers every year with
    activities, since only then is it one of the sums the decision was taken on."""
    t, spec = report.t, report.spec
    decided = decision(report)
    years = [year for year in report.scope.period.years if any(y == year for y, _ in decided.sizes)]
    groups = decided.groups(group_order(spec))
    if not years or groups == [act.NOT_BY_GROUP]:
        return []
    every_year = {y for y, _ in decided.sizes} <= set(years)
    # Withheld: in words; nobody counted in the group: a dash, since those not counted by group may include some.
    why = t("act_suppressed_note", min=decision_limit(report))

    def shown(value):
        if value is None:
            return cells.withheld("count", why, t("suppressed"))
        return cells.count(t, value or None, None if value else "–")

    rows = []
    for group in groups:
        label = t("not_by_group") if group == act.NOT_BY_GROUP else spec.participant_group_label(group)
        row = [label, *(shown(decided.count(year, group)) for year in years)]
        rows.append(row + [shown(decided.count(ALL, group))] if every_year else row)
    rows.append(
        [t("total"), *(shown(decided.count(year, ALL)) for year in years)]
        + ([shown(decided.count(ALL, ALL))] if every_year else [])
    )
    headers = [t("group"), *(report.scope.period.year_label(year) for year in years)] + (
        [t("total")] if every_year else []
    )
    parts: list[doc.Block] = [
        doc.heading(t("participants_by_group"), 3),
        doc.table(
            headers,
            rows,
            report.table_caption(t("caption_participants_by_group")),
            numeric=tuple(range(1, len(headers))),
        ),
    ]
    if decided.withheld:
        parts.append(doc.note(t("act_suppressed_note", min=decision_limit(report)), " ", t("act_twice")))
    else:
        parts.append(doc.note(t("act_twice")))
    return parts


def group_order(spec) -> list[str]:
    """Groups as project.yaml lists them: participant_groups first, then the survey's."""
    return list(dict.fromkeys([*spec.participant_groups, *(spec.survey.groups if spec.survey else {})]))


def decision_limit(report: Report) -> int:
    """The survey's smallest group shown; the survey's default for a project without a survey."""
    return report.spec.min_group_size


def themes(report: Report) -> list[doc.Block]:
    """Each theme with the activities that took it up, by title and date."""
    t, held = report.t, report.activities
    covered = act.themes(held)
    if not covered:
        return []
    names = {row.id: f"{row.title} ({t.date(row.date)})" for row in held.itertuples()}
    items: list[list[doc.Inline]] = [
        [doc.Strong(text=theme), ": " + t.join([names[id] for id in ids])] for theme, ids in covered.items()
    ]
    return [doc.heading(t("themes"), 3), doc.BulletList(items=items, role="text")]


def activities_table(report: Report) -> doc.Table:
    t = report.t
    rows = [
        [
            cells.day(t.date(row.date), row.date),
            row.title,
            row.kind,
            participants_cell(report, report.activities.iloc[[i]]),
        ]
        for i, row in enumerate(report.activities.itertuples())
    ]
    headers = [t("activity_date"), t("activity"), t("activity_kind"), t("participants")]
    return doc.table(
        headers, rows, report.table_caption(t("caption_activities", period=report.scope.period.label)), numeric=(3,)
    )


def feedback(report: Report) -> list[doc.Block]:
    """For each survey wave tied to an activity held in the period: how many answered, and the positive shares,
    under the project's suppression decision."""
    t, codebook = report.t, report.spec.survey
    if codebook is None:
        return []
    titles = dict(zip(report.activities["id"], report.activities["title"]))
    parts: list = []
    for wave in codebook.waves:
        if wave.activity not in titles:
            continue
        answers = report.responses(wave.id)
        parts += [
            doc.heading(t("feedback_from", activity=titles[wave.activity]), 3),
            doc.paragraph(t("feedback_respondents", n=t.number(len(answers)), wave=report.in_sentence(wave.label))),
        ]
        if len(answers) < codebook.min_group_size:
            parts.append(doc.paragraph(t("survey_too_few", n=len(answers), min=codebook.min_group_size)))
            continue
        items = sv.summarise_items(answers, codebook, functools.partial(report.shows, wave.id))
        why = t("item_too_few", min=codebook.min_group_size)
        rows = [
            [row.text, cells.withheld("count", why, t("suppressed")), cells.withheld("share", why)]
            if row.suppressed
            else [row.text, cells.count(t, row.n), cells.share(t, row.positive_share)]
            for row in items.itertuples()
        ]
        caption = report.table_caption(t("caption_feedback", activity=titles[wave.activity]))
        parts.append(doc.table([t("item"), t("answers"), t("positive_share")], rows, caption, numeric=(1, 2)))
    return parts


def results(report: Report) -> dict:
    """For results.json and the workbook: the activities held and their participants, and participants by group as
    the project's decision lets them be shown (None: withheld). No activity's own group counts: they are not shown."""
    held, years = report.activities, report.scope.period.years
    counts = act.per_year_and_kind(held, years)
    shown = decision(report)
    in_year = act.project_years(held) if len(held) else pd.Series(dtype=int)
    per_year = {year: shown.total_of(held["id"][in_year == year]) for year in years}
    record: dict[str, object] = {
        "count": len(held),
        "participants": shown.total_of(held["id"]) if len(held) else None,
        "per_year": {
            report.scope.period.year_label(year): {
                "activities": int(counts.loc[year].sum()),
                "by_kind": {kind: int(n) for kind, n in counts.loc[year].items()},
                "participants": per_year[year],
            }
            for year in years
        },
        "themes": act.themes(held),
        "items": [
            {
                "id": row.id,
                "date": row.date.isoformat(),
                "title": row.title,
                "kind": row.kind,
                "unit": row.unit or None,
                "participants": shown.activity(row.id),
                "themes": list(row.themes),
            }
            for row in held.itertuples()
        ],
    }
    if report.scope.unit is None:
        groups = shown.groups(group_order(report.spec))
        record["by_group"] = {
            report.scope.period.year_label(year): {
                group or "not_by_group": shown.count(year, group) for group in groups
            }
            for year in years
            if any(y == year for y, _ in shown.sizes)
        }
    return record
