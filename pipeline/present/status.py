"""The yearly status (årlig status): each success criterion beside the previous status, the milestones reached in the
period and those due in the year ahead, and the survey's change since the wave before."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.analysis import comparison as cmp
from pipeline.analysis import milestones as ms
from pipeline.analysis import schedule as committee_schedule
from pipeline.analysis import survey as sv
from pipeline.analysis.comparison import Change, CriterionChange
from pipeline.analysis.criteria import CriterionResult, Status, summary_counts
from pipeline.analysis.evaluation import Scope, evaluate_criteria
from pipeline.errors import EvalreportError
from pipeline.periods import parse_period
from pipeline.present import cells, texts
from pipeline.present import document as doc
from pipeline.present.cells import SHARE_KINDS, figure_text
from pipeline.present.criteria import judged_notes
from pipeline.present.milestones import date_cell, forecast_cell, phase_name, table_date, title_of
from pipeline.present.results import criterion_record
from pipeline.present.survey import methods_note, wave_change

if TYPE_CHECKING:
    from pipeline.present.i18n import Messages
    from pipeline.present.report import Report
    from pipeline.spec import Committee, Wave

STORED, RECOMPUTED, NOTHING = "stored", "recomputed", "none"

# A verdict by word and symbol as well as colour (the status colours: blue for better, red for worse).
VERDICT_LOOK: dict[Change, tuple[str, doc.Tone | None]] = {
    Change.IMPROVED: ("↑", "met"),
    Change.UNCHANGED: ("→", None),
    Change.WORSE: ("↓", "not_met"),
}
NOT_COMPARED_LOOK: tuple[str, doc.Tone | None] = ("–", "no_data")


# --- What the status is compared with -------------------------------------------------------------------


@dataclass(frozen=True)
class PreviousStatus:
    """The status this one is compared with, and where it came from."""

    # STORED: last year's results.json; RECOMPUTED: last year's period from today's data; NOTHING: no year before
    source: str
    period: str | None = None  # its period's label, '2024-2025'
    as_of: date | None = None
    criteria: list[dict] = field(
        default_factory=list
    )  # as in results.json: id, title, status, actual, target, attainment
    due_next: list[str] | None = None  # ids of the milestones it expected in its next 12 months; None: it does not say
    changed_since: list[str] = field(
        default_factory=list
    )  # criteria today's data give another result for (stored only)
    # Its recommendations as stored (id and status, as in results.json); None: to be worked out from the table's dates.
    recommendations: list[dict] | None = None


def previous_status(report: Report, path: str | Path | None) -> PreviousStatus:
    """The stored status at `path`; without one, last year's period recomputed from today's data (the report says
    so)."""
    return stored_status(report, read_results(Path(path))) if path else recomputed_status(report)


def read_results(path: Path) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvalreportError(f"previous: cannot read the stored status {path} ({error.strerror})") from error
    except ValueError as error:
        raise EvalreportError(f"previous: expected a results file, found invalid JSON in {path} ({error})") from error
    missing = [
        key for key in ("project", "period", "as_of", "criteria") if not isinstance(record, dict) or key not in record
    ]
    if missing:
        raise EvalreportError(f"previous: expected a results file with {', '.join(missing)}, found {path} without")
    return record


def stored_status(report: Report, record: dict) -> PreviousStatus:
    """A stored status of the same project and unit, judged before this one; a status of another project is a
    mistake."""
    scope = report.scope
    for key, expected in (("project", report.project.id), ("unit", scope.unit)):
        if record.get(key) != expected:
            raise EvalreportError(
                f"previous: expected a stored status of {key} {expected!r}, found {record.get(key)!r}"
            )
    try:
        as_of = date.fromisoformat(str(record["as_of"]))
    except ValueError:
        raise EvalreportError(
            f"previous: expected the stored status's as_of as an ISO date, found {record['as_of']!r}"
        ) from None
    if as_of >= scope.as_of:
        raise EvalreportError(f"previous: expected a status judged before {scope.as_of}, found one judged {as_of}")
    due_next = (record.get("status") or {}).get("milestones_due_next")
    stored = (record.get("recommendations") or {}).get(
        "items"
    )  # a status stored before recommendations were kept has none
    return PreviousStatus(
        STORED, record["period"], as_of, record["criteria"], due_next, changed_since(report, record, as_of), stored
    )


def changed_since(report: Report, record: dict, as_of: date) -> list[str]:
    """Criteria whose stored figures today's data no longer give for the same period and day: the data have changed."""
    try:
        period = parse_period(record["period"], report.spec.period)
    except EvalreportError:
        return []  # the project's years have changed since: that period cannot be judged again
    again = evaluate_criteria(Scope(report.project, period, report.scope.unit, as_of))
    return cmp.differing_criteria(record["criteria"], [criterion_record(r) for r in again])


def recomputed_status(report: Report) -> PreviousStatus:
    """Last year's period and day judged from today's data; nothing when the project had no year before."""
    scope = report.scope
    found = cmp.previous_period(scope.period, scope.as_of, report.spec.period)
    if found is None:
        return PreviousStatus(NOTHING)
    period, as_of = found
    criteria = evaluate_criteria(Scope(report.project, period, scope.unit, as_of))
    timeline = cmp.milestones_as_of(report.project.milestones, as_of, scope.unit)
    due = cmp.due_within(timeline, as_of, cmp.one_year_after(as_of))
    return PreviousStatus(RECOMPUTED, period.label, as_of, [criterion_record(r) for r in criteria], list(due["id"]))


def criteria_changes(report: Report) -> list[CriterionChange]:
    previous = report.compared_with
    return cmp.compare_criteria(
        [criterion_record(r) for r in report.criteria], previous.criteria, then_as_of=previous.as_of
    )


# --- The survey's waves ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class WaveChange:
    previous: Wave
    latest: Wave
    table: pd.DataFrame | None  # sv.compare_waves; None when either wave has too few respondents to show


def wave_comparison(report: Report) -> WaveChange | None:
    """The last two survey waves held by the report date, and the change between them; None with fewer waves."""
    codebook, period = report.spec.survey, report.spec.period
    if codebook is None:
        return None
    waves = cmp.comparable_waves(codebook.waves, report.scope.as_of, period.start, period.end, report.spec.period)
    if len(waves) < 2:
        return None
    previous, latest = waves
    before, after = report.responses(previous.id), report.responses(latest.id)
    in_both = sv.asked_items(report.project.survey, codebook, previous.id) & sv.asked_items(
        report.project.survey, codebook, latest.id
    )
    shown = min(len(before), len(after)) >= codebook.min_group_size and bool(in_both)
    shown_in_both = lambda item: report.shows(previous.id, item) and report.shows(latest.id, item)  # noqa: E731
    return WaveChange(
        previous, latest, sv.compare_waves(before, after, codebook, shown_in_both, in_both) if shown else None
    )


def survey_by_wave(report: Report) -> list[tuple[Wave, int, pd.DataFrame | None]]:
    """Every survey wave held by the report date, oldest first: its respondents, and the Likert items' positive
    shares (`sv.summarise_items`), or None when the wave has too few respondents to show anything."""
    codebook = report.spec.survey
    if codebook is None:
        return []
    waves = []
    for wave in cmp.waves_up_to(
        codebook.waves, report.scope.as_of, count=len(codebook.waves), calendar=report.spec.period
    ):
        answers = report.responses(wave.id)
        shown = len(answers) >= codebook.min_group_size
        waves.append(
            (
                wave,
                len(answers),
                sv.summarise_items(answers, codebook, functools.partial(report.shows, wave.id)) if shown else None,
            )
        )
    return waves


# --- The summary ----------------------------------------------------------------------------------------


def status_summary_section(report: Report) -> doc.Section:
    t, previous = report.t, report.compared_with
    lines = [doc.paragraph(" ".join(lead_sentences(report)), lead=True)]
    lines.append(doc.paragraph(basis_sentence(report)))
    if previous.changed_since:
        lines.append(doc.paragraph(t("status_data_changed", criteria=t.join(previous.changed_since))))
    results = report.criteria
    sentences = [t("criteria_met", met=summary_counts(results)[Status.MET], total=len(results))] if results else []
    if previous.source != NOTHING and results:
        sentences.append(t("status_changes_headline", counts=change_counts_text(t, report.changes)))
    if sentences:
        lines.append(doc.paragraph(" ".join(sentences)))
    lines.append(doc.paragraph(" ".join([reached_sentence(report), due_sentence(report)])))
    survey = survey_summary_sentence(report)
    if survey:
        lines.append(doc.paragraph(survey))
    return doc.section("status-summary", t("summary"), doc.box("summary", lines, verdict_list(report)))


def status_committee(report: Report) -> Committee | None:
    """The committee this status goes to: the case's, else the first with a yearly status of the report's scope."""
    if report.committee is not None:
        return report.committee
    return next((c for c in report.spec.committees if c.schedule is not None and c.unit == report.scope.unit), None)


def meeting_day(committee: Committee, as_of: date) -> date | None:
    """The committee's first meeting on or after the day the status is judged at: the day it is presented."""
    return min((day for day in committee.meetings if day >= as_of), default=None)


def number(report: Report) -> int | None:
    """Which of its committee's yearly statuses this is (3: the third), by the schedule; None for a status judged on
    another day than a scheduled one."""
    committee = status_committee(report)
    if committee is None or committee.schedule is None:
        return None
    return committee_schedule.status_number(committee.schedule, report.spec.period, report.scope.as_of)


def lead_sentences(report: Report) -> list[str]:
    """'Årlig status nr. 3 pr. 1. oktober 2026 for perioden 2025–2026. Den forelægges … den 13. oktober 2026.'"""
    t, scope = report.t, report.scope
    nth, committee, meeting = report.status_number, status_committee(report), report.presented
    fields = {"date": t.date(scope.as_of), "period": period_text(scope.period.label)}
    sentences = [t("status_lead_numbered", number=nth, **fields) if nth else t("status_lead", **fields)]
    if committee and meeting:
        sentences.append(t("status_presented", committee=committee.name, date=t.date(meeting)))
    return sentences


def basis_sentence(report: Report) -> str:
    """What this status is compared with: the stored status, last year recomputed (said plainly), or nothing."""
    t, previous = report.t, report.compared_with
    if previous.source == NOTHING:
        return t("status_nothing_to_compare", year=report.scope.period.year_label(report.scope.period.start))
    key = "status_compared_stored" if previous.source == STORED else "status_compared_recomputed"
    assert previous.period is not None  # a stored or recomputed status has its period
    return t(key, date=t.date(previous.as_of), period=period_text(previous.period))


def change_counts_text(t: Messages, changes: list[CriterionChange]) -> str:
    """'1 forbedret, 3 uændret og 1 forværret', leaving out what did not occur; those not compared come last."""
    counts = cmp.change_counts(changes)
    told = (*cmp.COMPARED, Change.NOT_MEASURED)
    parts = [t(f"since_count_{change.value}", count=counts[change]) for change in told if counts[change]]
    not_compared = len(changes) - sum(counts[change] for change in told)
    if not_compared:
        parts.append(t("since_count_not_compared", count=not_compared))
    return t.join(parts)


def verdict_list(report: Report) -> doc.BulletList | None:
    """Each criterion with its verdict since the last status (or its status, with nothing to compare with)."""
    t = report.t
    items: list[list[doc.Inline]] = []
    for change, result in zip(report.changes, report.criteria):
        badge = (
            verdict_badge(t, change.change)
            if report.compared_with.source != NOTHING
            else doc.status_badge(result.status.value, t(result.status.value))
        )
        items.append([badge, f"{result.id} {result.title}"])
    return doc.BulletList(items=items, role="statuses") if items else None


def verdict_badge(t: Messages, change: Change) -> doc.Badge:
    symbol, tone = VERDICT_LOOK.get(change, NOT_COMPARED_LOOK)
    return doc.Badge(symbol=symbol, label=verdict(t, change), tone=tone)


def verdict(t: Messages, change: Change) -> str:
    """'Forbedret', 'Uændret', 'Forværret', 'Ingen ny måling', or 'Kan ikke sammenlignes' for every kind of missing
    figure."""
    return t(f"since_{change.value}") if change in (*cmp.COMPARED, Change.NOT_MEASURED) else t("since_not_compared")


def survey_summary_sentence(report: Report) -> str | None:
    t, found = report.t, report.survey_change
    if found is None or found.table is None:
        return None
    directions = [sv.change_direction(row) for _, row in found.table.iterrows() if not row["suppressed"]]
    if not directions:
        return None
    fields = {
        "latest": report.in_sentence(found.latest.label),
        "previous": report.in_sentence(found.previous.label),
        "total": len(directions),
    }
    if set(directions) == {"none"}:
        return t("status_survey_summary_none", **fields)
    parts = [t(f"survey_part_{d}", count=directions.count(d)) for d in ("up", "down", "none") if d in directions]
    return t("status_survey_summary", parts=t.join(parts), **fields)


# --- Success criteria since the last status -------------------------------------------------------------


def status_criteria_section(report: Report) -> doc.Section:
    t, previous = report.t, report.compared_with
    compared = previous.source != NOTHING
    now_header = t("status_column", date=table_date(t, report.scope.as_of))
    rows = []
    for change, result in zip(report.changes, report.criteria):
        cells = [f"{result.id} {result.title}", result_of_target(report, result)]
        if compared:
            cells.append(status_cell(t, change.status_then, change.attainment_then))
        cells.append(status_cell(t, change.status_now, change.attainment_now))
        if compared:
            cells.append(verdict_cell(t, change.change))
        rows.append(cells)
    headers = [t("criterion"), t("result_against_target")]
    if compared:
        assert previous.as_of is not None  # a stored or recomputed status has its day
        headers.append(t("status_column", date=table_date(t, previous.as_of)))
        caption = t("caption_status_criteria", now=t.date(report.scope.as_of), then=t.date(previous.as_of))
    else:
        caption = t("caption_status_criteria_alone", now=t.date(report.scope.as_of))
    headers.append(now_header)
    if compared:
        headers.append(t("since_last_status"))
    parts: list[doc.Block | None] = [
        doc.table(headers, rows, report.table_caption(caption), numeric=(1,)),
        *judged_notes(report, report.criteria),
    ]
    if compared:
        sentences: list[list[doc.Inline]] = [
            [doc.Strong(text=f"{result.id} {result.title}"), " – " + change_sentence(report, change, result)]
            for change, result in zip(report.changes, report.criteria)
        ]
        parts.append(doc.BulletList(items=sentences, role="changes"))
        if previous.source == RECOMPUTED:
            parts.append(doc.note(basis_sentence(report)))
        parts.append(doc.note(t("status_comparison_rule", points=t.number(cmp.ATTAINMENT_TOLERANCE * 100))))
    else:
        parts.append(doc.paragraph(basis_sentence(report)))
    parts += [
        texts.criterion_comment(report, result) for result in report.criteria
    ]  # the year's own, text/status/<period>/criteria/
    return doc.section("status-criteria", t("status_criteria_heading" if compared else "criteria"), *parts)


def result_of_target(report: Report, result: CriterionResult) -> doc.Cell:
    """'249 / 300' or '71,4 % / 70,0 %', carrying the result for the exports; nothing for an assessment, which has
    neither."""
    if result.kind == "assessment":
        return ""
    text = report.t(
        "result_of_target",
        result=figure_text(report, result, result.actual),
        target=figure_text(report, result, result.target),
    )
    if result.kind in SHARE_KINDS:
        return cells.share(report.t, result.actual, text=text)
    return cells.number(report.t, result.actual, 1, text=text)


def status_cell(t: Messages, status: Status | None, attainment: float | None) -> doc.Cell:
    """'Delvist opfyldt (83,0 %)', wrapping only before the bracket, so that five columns fit an A4 page; the
    attainment for the exports."""
    if status is None:
        return "–"
    text = unbroken(t(status.value))
    return (
        text if attainment is None else cells.share(t, attainment, text=f"{text} ({unbroken(t.percent(attainment))})")
    )


def unbroken(text: str) -> str:
    """Text a line must not break inside: a status, a date."""
    return text.replace(" ", "\u00a0")


def unbroken_date(t: Messages, day: date) -> doc.Datum:
    return date_cell(t, day, unbroken(table_date(t, day)))


def verdict_cell(t: Messages, change: Change) -> doc.Cell:
    symbol, tone = VERDICT_LOOK.get(change, NOT_COMPARED_LOOK)
    text = f"{symbol} {verdict(t, change)}"
    return doc.marked(text, tone) if tone else text


def change_sentence(report: Report, change: CriterionChange, result: CriterionResult) -> str:
    """'Forværret: status er gået fra opfyldt til delvist opfyldt, og opnåelsesgraden er faldet fra 120,4 % til 83,0
    %.'"""
    t = report.t
    if change.change == Change.NOT_MEASURED:  # never 'unchanged': nothing was measured to be unchanged
        return t(
            "since_not_measured_sentence",
            since=measured_text(report, result),
            now=status_words(t, change.status_now, change.attainment_now),
        )
    return t("since_sentence", verdict=verdict(t, change.change), detail=change_detail(t, change))


def measured_text(report: Report, result: CriterionResult) -> str:
    """When the figure was measured: '31. december 2025', or a wave's name ('efteråret 2025')."""
    measured = result.measured
    if measured is None:
        return report.t.date(report.compared_with.as_of) if report.compared_with.as_of else ""
    if measured.wave is not None:
        waves = {wave.id: wave.label for wave in report.spec.survey.waves} if report.spec.survey else {}
        return report.in_sentence(waves.get(measured.wave, measured.wave))
    return report.t.date(measured.day) if measured.day else ""


def change_detail(t: Messages, change: CriterionChange) -> str:
    kind = change.change
    if kind == Change.NOT_JUDGED_NOW:
        return t(
            "since_not_judged_now",
            then=status_words(t, change.status_then, change.attainment_then) if change.status_then else "–",
        )
    if kind == Change.NEW:
        return t("since_new")
    then = change.status_then
    assert then is not None  # only a criterion new since the previous status has no status then (compare_criterion)
    if kind == Change.NO_DATA_EITHER:
        return t("since_no_data_either")
    if kind == Change.NO_DATA_NOW:
        return t("since_no_data_now", then=status_words(t, then, change.attainment_then))
    if kind == Change.NO_DATA_THEN:
        return t("since_no_data_then", now=status_words(t, change.status_now, change.attainment_now))
    fields = {
        "now": status_word(t, change.status_now),
        "then": status_word(t, then),
        "attainment_now": t.percent(change.attainment_now),
        "attainment_then": t.percent(change.attainment_then),
    }
    attainment_now, attainment_then = change.attainment_now, change.attainment_then
    both = attainment_now is not None and attainment_then is not None
    if change.status_moved:
        if attainment_now is None or attainment_then is None or fields["attainment_now"] == fields["attainment_then"]:
            return t("since_moved", **fields)
        return t("since_moved_rose" if attainment_now > attainment_then else "since_moved_fell", **fields)
    if kind != Change.UNCHANGED:
        return t("since_rose" if kind == Change.IMPROVED else "since_fell", **fields)
    if not both:
        return t("since_same_status", **fields)
    return t("since_same" if fields["attainment_now"] == fields["attainment_then"] else "since_same_about", **fields)


def status_word(t: Messages, status: Status) -> str:
    """A status inside a sentence: 'delvist opfyldt'."""
    return t(status.value).lower()


def status_words(t: Messages, status: Status, attainment: float | None) -> str:
    """'opfyldt, 83,0 %', or only the status when it has no attainment."""
    if attainment is None:
        return status_word(t, status)
    return t("status_with_attainment", status=status_word(t, status), attainment=t.percent(attainment))


# --- Milestones reached and due -------------------------------------------------------------------------


def status_milestones_section(report: Report) -> doc.Section:
    t = report.t
    reached, due = report.milestones_reached, report.milestones_due
    parts = [doc.heading(t("status_milestones_reached_heading"), 3), doc.paragraph(" ".join(reached_sentences(report)))]
    if len(reached):
        parts.append(reached_table(report, reached))
    parts += [
        doc.heading(t("status_milestones_due_heading"), 3),
        doc.paragraph(" ".join([due_sentence(report), *overdue_sentences(report)])),
    ]
    if len(due):
        parts.append(due_table(report, due))
    return doc.section("status-milestones", t("milestones"), *parts)


def period_start(report: Report) -> date:
    return report.scope.period.first_day


def window_end(report: Report) -> date:
    return cmp.one_year_after(report.scope.as_of)


def reached_sentence(report: Report) -> str:
    t, count = report.t, len(report.milestones_reached)
    key = (
        "status_milestones_reached_none"
        if count == 0
        else "status_milestones_reached_one"
        if count == 1
        else "status_milestones_reached"
    )
    return t(key, count=count, start=t.date(period_start(report)), end=t.date(report.scope.as_of))


def reached_sentences(report: Report) -> list[str]:
    """How many were reached in the period, how many of them since the last status, and what became of those
    the last status expected in the year after it."""
    t, previous = report.t, report.compared_with
    sentences = [reached_sentence(report)]
    if len(report.milestones_reached) and previous.as_of and previous.as_of >= period_start(report):
        since = cmp.reached_in(report.timeline, previous.as_of + timedelta(days=1), report.scope.as_of)
        sentences.append(t("status_milestones_reached_since", count=len(since), date=t.date(previous.as_of)))
    if previous.due_next:
        sentences += kept_sentences(report, previous.due_next)
    return sentences


def kept_sentences(report: Report, expected: list[str]) -> list[str]:
    t = report.t
    outcome = cmp.expected_then_done_now(expected, report.timeline)
    done = len(outcome["done"])
    if len(expected) == 1:
        sentences = [t("status_milestones_kept_one_done" if done else "status_milestones_kept_one_not_done")]
    else:
        sentences = [t("status_milestones_kept", expected=len(expected), done=done)]
    titles = milestone_titles(report)
    if outcome["not_done"]:
        sentences.append(t("status_milestones_not_reached", names=t.join([titles[m] for m in outcome["not_done"]])))
    if outcome["cancelled"]:
        sentences.append(t("status_milestones_cancelled", names=t.join([titles[m] for m in outcome["cancelled"]])))
    return sentences


def due_sentence(report: Report) -> str:
    t, count = report.t, len(report.milestones_due)
    key = (
        "status_milestones_due_none"
        if count == 0
        else "status_milestones_due_one"
        if count == 1
        else "status_milestones_due"
    )
    return t(key, count=count, end=t.date(window_end(report)))


def overdue_sentences(report: Report) -> list[str]:
    """Milestones overdue without a date to expect them by: not due ahead, but a committee must hear of them."""
    late = ms.overdue(report.timeline)
    late = late[~late["id"].isin(report.milestones_due["id"])]
    if late.empty:
        return []
    names = [title_of(report, row) for row in late.itertuples()]
    return [report.t("status_milestones_overdue", count=len(late), names=report.t.join(names))]


def milestone_titles(report: Report) -> dict[str, str]:
    return {row.id: title_of(report, row) for row in report.timeline.itertuples()}


def reached_table(report: Report, reached: pd.DataFrame) -> doc.Table:
    t = report.t
    rows = [
        [
            title_of(report, row),
            phase_name(t, row.phase),
            unbroken_date(t, row.planned),
            unbroken_date(t, row.actual),
            doc.marked(t(row.outcome.value), row.outcome.value),
        ]
        for row in reached.itertuples()
    ]
    headers = [t("milestone"), t("phase"), t("planned"), t("actual"), t("outcome")]
    caption = t("caption_reached", start=t.date(period_start(report)), end=t.date(report.scope.as_of))
    return doc.table(headers, rows, report.table_caption(caption))


def due_table(report: Report, due: pd.DataFrame) -> doc.Table:
    t = report.t
    rows = [
        [
            title_of(report, row),
            phase_name(t, row.phase),
            unbroken_date(t, row.planned),
            forecast_cell(t, row),
            doc.marked(t(row.outcome.value), row.outcome.value),
        ]
        for row in due.itertuples()
    ]
    headers = [t("milestone"), t("phase"), t("planned"), t("forecast"), t("outcome")]
    caption = t("caption_due", start=t.date(report.scope.as_of), end=t.date(window_end(report)))
    return doc.table(headers, rows, report.table_caption(caption))


# --- The survey -----------------------------------------------------------------------------------------


def status_survey_section(report: Report) -> doc.Section:
    """The change in positive shares between the last two waves held by the report date, as the survey section
    shows it: words per question, and a table with Newcombe intervals. Only totals: no group is shown."""
    t, codebook, found = report.t, report.spec.survey, report.survey_change
    as_of = t.date(report.scope.as_of)
    if found is None:
        waves = cmp.waves_up_to(codebook.waves, report.scope.as_of, calendar=report.spec.period) if codebook else []
        text = (
            t("status_survey_one_wave", date=as_of, wave=report.in_sentence(waves[0].label))
            if waves
            else t("status_survey_none", date=as_of)
        )
        return doc.section("status-survey", t("survey"), doc.paragraph(text))
    assert codebook is not None  # a change between waves is found only in a survey (wave_comparison)
    responses = report.responses(found.latest.id)
    parts: list[doc.Block | list[doc.Block]] = [
        doc.paragraph(t("survey_responses", n=len(responses), wave=report.in_sentence(found.latest.label)))
    ]
    compared = False
    if len(responses) < codebook.min_group_size:
        parts.append(doc.paragraph(t("survey_too_few", n=len(responses), min=codebook.min_group_size)))
    else:
        # Questions in the survey section's order: highest positive share in the latest wave first.
        summary = sv.summarise_items(responses, codebook, lambda item: report.shows(found.latest.id, item)).sort_values(
            "positive_share", ascending=False, na_position="last"
        )
        change, compared = wave_change(report, found.previous, found.latest, responses, list(summary["item"]))
        parts.append(change)
    parts.append(methods_note(report, shown=False, rates=False, compared=compared))
    return doc.section("status-survey", t("survey"), *parts)


def period_text(label: str) -> str:
    """'2024–2025', with the dash a span of years takes in print."""
    return label.replace("-", "–")
