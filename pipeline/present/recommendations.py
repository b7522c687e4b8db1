"""The section "Anbefalinger og opfølgning": how many recommendations stand where, what changed since the last status
(in a yearly status), which are still open after a year or more, and a table of each with its decision and follow-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.analysis import recommendations as rec
from pipeline.present import document as doc

if TYPE_CHECKING:
    from pipeline.present.i18n import Messages
    from pipeline.present.report import Report

# A status shown by word and colour: carried out as met, on its way as partly met, a no as a cancelled milestone.
TONES: dict[str, doc.Tone] = {
    "proposed": "open",
    "adopted": "partly_met",
    "in_progress": "partly_met",
    "implemented": "met",
    "rejected": "cancelled",
    "dropped": "cancelled",
}
CHANGES = ("new", "adopted", "implemented", "rejected", "dropped")


def recommendations_section(report: Report) -> doc.Section | None:
    """None for a project without recommendations.csv: no heading over nothing."""
    if not report.spec.files.recommendations:
        return None
    t, table = report.t, report.recommendations
    if table.empty:
        return doc.section("recommendations", t("recommendations"), doc.paragraph(t("rec_none")))
    parts: list = [doc.paragraph(counts_sentence(t, rec.counts_by_status(table), len(table)), lead=True)]
    if report.previous_status is not None:
        parts += since_last_status(report)
    open_long = rec.open_for(table, report.scope.as_of, years=1)
    if len(open_long):
        parts.append(
            doc.paragraph(
                t(
                    "rec_open_for",
                    items=t.join([years_open(t, row.id, row.years_open) for row in open_long.itertuples()]),
                )
            )
        )
    parts.append(recommendations_table(report))
    if report.scope.as_of < max(dates_in(report.project.recommendations)):
        parts.append(
            doc.note(t("rec_as_known", date=t.date(report.scope.as_of)))
        )  # what the table says happened later is left out
    return doc.section("recommendations", t("recommendations"), *parts)


def recommendations_appendix(report: Report) -> doc.Section:
    """The end report's appendix on the recommendations: the table of each, its decision and follow-up."""
    t = report.t
    parts: list = [recommendations_table(report)]
    if report.scope.as_of < max(dates_in(report.project.recommendations)):
        parts.append(doc.note(t("rec_as_known", date=t.date(report.scope.as_of))))
    return doc.section("recommendations-table", t("appendix_recommendations"), *parts)


def counts_sentence(t: Messages, counts: dict[str, int], total: int) -> str:
    """'Der er givet 4 anbefalinger: 1 er gennemført, 1 er i gang, 1 er vedtaget og 1 afventer beslutning.'"""
    order = ("implemented", "in_progress", "adopted", "proposed", "rejected", "dropped")
    parts = t.join([t(f"rec_count_{status}", count=counts[status]) for status in order if counts[status]])
    return t("rec_lead_one", counts=parts) if total == 1 else t("rec_lead", total=total, counts=parts)


def since_last_status(report: Report) -> list[doc.Block]:
    """What the committee decided or carried out since the status it saw last."""
    t = report.t
    changes = report.recommendation_changes
    if changes is None:
        return []
    titles = dict(zip(report.recommendations["id"], report.recommendations["title"]))
    items: list[list[doc.Inline]] = [
        [t(f"rec_since_{kind}", items=t.join([f"{id} {titles.get(id, '')}".strip() for id in getattr(changes, kind)]))]
        for kind in CHANGES
        if getattr(changes, kind)
    ]
    listed = doc.BulletList(items=items, role="text") if items else doc.paragraph(t("rec_since_nothing"))
    return [doc.heading(t("rec_since_heading"), 3), listed]


def years_open(t: Messages, id: str, years: int) -> str:
    return t("rec_years_open_one", id=id) if years == 1 else t("rec_years_open", id=id, years=years)


def recommendations_table(report: Report) -> doc.Table:
    t = report.t
    rows = []
    for row in report.recommendations.itertuples():
        given = ", ".join(part for part in (row.source, t.date(row.given)) if part)
        course = []
        if rec.dated(row.decided):
            course.append(
                t("rec_decided_on", date=t.date(row.decided), decision=row.decision)
                if row.decision
                else t.date(row.decided)
            )
        if row.follow_up:
            course.append(
                t("rec_followed_up_on", date=t.date(row.updated), note=row.follow_up)
                if rec.dated(row.updated)
                else row.follow_up
            )
        rows.append(
            [
                f"{row.id} {row.title}",
                given,
                ", ".join(row.to),
                doc.marked(t(f"rec_{row.status}"), TONES[row.status]),
                " ".join(course),
            ]
        )
    headers = [t("recommendation"), t("rec_given_by"), t("rec_sent_to"), t("status"), t("rec_decision_follow_up")]
    return doc.table(headers, rows, report.table_caption(t("caption_recommendations", date=t.date(report.scope.as_of))))


def dates_in(table) -> list:
    """Every date the table holds: given, decided, updated."""
    return [day for column in ("given", "decided", "updated") for day in table[column] if rec.dated(day)]


def results(report: Report) -> dict:
    """For results.json: the counts, each recommendation as known on the report date, and what changed since the
    previous status; the next status compares with `items`."""
    table = report.recommendations
    record = {
        "counts": rec.counts_by_status(table),
        "items": rec.records(table),
        "open_a_year_or_more": list(rec.open_for(table, report.scope.as_of, years=1)["id"]) if len(table) else [],
    }
    changes = report.recommendation_changes
    if changes is not None:
        record["since_previous"] = {kind: list(getattr(changes, kind)) for kind in CHANGES}
    return record
