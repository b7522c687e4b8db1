"""The committee case (Danish udvalgssag, Norwegian saksframlegg): the yearly status as the document a committee acts
on, in the order the agenda systems print it — the proposal first, then the case, the administration's assessment,
the economy, the legal basis where there is one, the next steps, the attachments and the decision.

The evaluator writes the parts in text/status/<period>/ (proposal.md, case.md, assessment.md, economy.md, legal.md,
next.md). A part not written is made from the results: the proposal to take the status into account (and to decide
on the recommendations sent to the committee that wait for a decision), the case from the status's headlines, the
criteria's verdicts as the assessment, the budget as the economy, the milestones and open recommendations ahead as
the next steps. The decision is the one decisions.csv records for the committee and period (`evalreport decide`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from babel.dates import format_date

from pipeline.analysis import recommendations as rec
from pipeline.analysis import schedule as committee_schedule
from pipeline.analysis.criteria import Status, summary_counts
from pipeline.errors import EvalreportError
from pipeline.present import document as doc
from pipeline.present import status, texts
from pipeline.present.economy import economy_blocks
from pipeline.present.milestones import title_of
from pipeline.present.recommendations import counts_sentence
from pipeline.present.status import NOTHING, meeting_day, period_text
from pipeline.spec import Committee

if TYPE_CHECKING:
    from pipeline.present.report import Report

OPEN_RECOMMENDATIONS = ("proposed", "adopted", "in_progress")


def committee_of(report: Report, name: str | None) -> Committee:
    """The committee the case goes to: the one named, or the first with a yearly status."""
    committees = report.spec.committees
    if name is not None:
        for committee in committees:
            if committee.name == name:
                return committee
        raise EvalreportError(f"committee: expected one of {[c.name for c in committees]}, found {name!r}")
    scheduled = [committee for committee in committees if committee.schedule is not None]
    if not scheduled:
        raise EvalreportError("a committee case needs a committee with a schedule in project.yaml (committees:)")
    return scheduled[0]


def written(report: Report, place: str, base: doc.HeadingLevel = 3) -> list[doc.Block]:
    """The evaluator's text for a part of the case (text/status/<period>/<place>.md), as blocks; none when not
    written."""
    return texts.text_blocks(report, place, base)


# --- The parts ------------------------------------------------------------------------------------------


def heading_section(report: Report, committee: Committee) -> doc.Section:
    """The case's title, and the facts an agenda prints over it: case number, committee, meeting, as-of date."""
    t = report.t
    facts = [[t("case_committee"), committee.name]]
    if committee.case_number:
        facts.insert(0, [t("case_number"), committee.case_number])
    meeting = meeting_day(committee, report.scope.as_of)
    if meeting:
        facts.append([t("case_meeting"), t.date(meeting)])
    facts.append([t("case_as_of"), t.date(report.scope.as_of)])
    items: list[list[doc.Inline]] = [[doc.Strong(text=label), f" {value}"] for label, value in facts]
    return doc.section("case", t("case_facts"), doc.BulletList(items=items, role="text"))


def proposal_section(report: Report, committee: Committee) -> doc.Section:
    """Indstilling / Forslag til vedtak: the clauses the committee votes on, numbered."""
    t = report.t
    blocks = written(report, "proposal")
    if not blocks:
        clauses = [t("case_take_note", project=report.spec.title, committee=committee.name)]
        for row in waiting_for(report, committee).itertuples():
            clauses.append(t("case_decide_recommendation", id=row.id, title=row.title, committee=committee.name))
        blocks = [
            doc.paragraph(t("case_proposal_lead")),
            doc.BulletList(items=[[clause] for clause in clauses], role="text", ordered=True),
        ]
    return doc.section("proposal", t("case_proposal"), blocks)


def waiting_for(report: Report, committee: Committee):
    """The recommendations sent to this committee that wait for its decision."""
    table = report.recommendations
    if table.empty:
        return table
    return table[(table["status"] == "proposed") & table["to"].map(lambda names: committee.name in names)]


def case_section(report: Report, committee: Committee) -> doc.Section:
    """Sagsfremstilling / Saksopplysninger: what the status says, in sentences; the figures are in the attachment."""
    t = report.t
    blocks = written(report, "case")
    if not blocks:
        blocks = [doc.paragraph(" ".join(headlines(report, committee)))]
        last = previous_decision(report, committee)
        if last is not None:
            blocks.append(
                doc.paragraph(
                    t(
                        "case_previous_decision",
                        date=t.date(last["date"]),
                        decision=last["decision"],
                        committee=committee.name,
                    )
                )
            )
        blocks.append(doc.paragraph(t("case_see_attachment")))
    return doc.section("case-story", t("case_case"), blocks)


def headlines(report: Report, committee: Committee) -> list[str]:
    """The status's opening sentences: criteria met and their change, milestones, survey, recommendations."""
    t, scope = report.t, report.scope
    number = report.status_number
    sentences = [
        t(
            "case_opening_nth" if number else "case_opening",
            number=number,
            project=report.spec.title,
            period=period_text(scope.period.label),
            date=t.date(scope.as_of),
            committee=committee.name,
        )
    ]
    results = report.criteria
    if results:
        sentences.append(t("criteria_met", met=summary_counts(results)[Status.MET], total=len(results)))
        if report.previous_status is not None and report.previous_status.source != NOTHING:
            sentences.append(t("status_changes_headline", counts=status.change_counts_text(t, report.changes)))
    sentences += [status.reached_sentence(report), status.due_sentence(report)]
    survey = status.survey_summary_sentence(report)
    if survey:
        sentences.append(survey)
    table = report.recommendations
    if report.spec.files.recommendations and len(table):
        sentences.append(counts_sentence(t, rec.counts_by_status(table), len(table)))
    return sentences


def previous_decision(report: Report, committee: Committee) -> dict | None:
    """The decision the committee took on the case before this one (an earlier period's), if decisions.csv has it."""
    decisions = report.project.decisions
    earlier = decisions[(decisions["committee"] == committee.name) & (decisions["period"] != report.scope.period.label)]
    earlier = earlier[earlier["date"] <= report.scope.as_of]
    return earlier.sort_values("date").iloc[-1].to_dict() if len(earlier) else None


def assessment_section(report: Report) -> doc.Section:
    """The administration's assessment; without one written, each criterion's verdict since the last status."""
    t = report.t
    blocks = written(report, "assessment")
    if not blocks:
        verdicts = status.verdict_list(report)
        blocks = [doc.paragraph(t("case_assessment_default")), verdicts] if verdicts else []
    return doc.section("assessment", t("case_assessment"), blocks)


def economy_part(report: Report) -> doc.Section:
    """Økonomi: the evaluator's text, then the budget; without either, that the proposal costs nothing."""
    blocks = written(report, "economy") + economy_blocks(report)
    return doc.section("economy", report.t("case_economy"), blocks or [doc.paragraph(report.t("economy_none"))])


def legal_section(report: Report) -> doc.Section | None:
    """Retsgrundlag: only where the evaluator names one."""
    blocks = written(report, "legal")
    return doc.section("legal", report.t("case_legal"), blocks) if blocks else None


def next_section(report: Report, committee: Committee) -> doc.Section:
    """Videre proces: the evaluator's text; without one, the milestones of the year ahead, the recommendations not
    yet carried out, and when the next status comes."""
    t = report.t
    blocks = written(report, "next")
    if not blocks:
        due = report.milestones_due
        if len(due):
            items: list[list[doc.Inline]] = [
                [f"{title_of(report, row)} ({t.date(row.expected)})"] for row in due.itertuples()
            ]
            blocks += [doc.paragraph(t("case_next_milestones")), doc.BulletList(items=items, role="text")]
        table = report.recommendations
        still_open = table[table["status"].isin(OPEN_RECOMMENDATIONS)] if len(table) else table
        if len(still_open):
            open_items: list[list[doc.Inline]] = [
                [f"{row.id} {row.title} ({t(f'rec_{row.status}').lower()})"] for row in still_open.itertuples()
            ]
            blocks += [doc.paragraph(t("case_next_recommendations")), doc.BulletList(items=open_items, role="text")]
        upcoming = next_status_day(committee, report)
        if upcoming is not None:
            blocks.append(
                doc.paragraph(t("case_next_status", month=month_and_year(t, upcoming), committee=committee.name))
            )
        if not blocks:
            blocks = [doc.paragraph(t("case_nothing_next"))]
    return doc.section("next", t("case_next"), blocks)


def next_status_day(committee: Committee, report: Report) -> date | None:
    """The next day the committee's schedule makes a status of this project, if one is still to come."""
    if committee.schedule is None:
        return None
    upcoming = committee_schedule.next_occurrence(committee.schedule, report.spec.period, report.scope.as_of)
    return upcoming.day if upcoming else None


def month_and_year(t, day: date) -> str:
    """'oktober 2027': the month a status is due, without a day that the agenda may move."""
    return format_date(day, format="MMMM y", locale=t.locale)


def attachments_section(report: Report) -> doc.Section:
    t = report.t
    number, period = report.status_number, period_text(report.scope.period.label)
    if number:
        item = t("case_attachment_status_nth", number=number, project=report.spec.title, period=period)
    else:
        item = t("case_attachment_status", project=report.spec.title, period=period)
    return doc.section("attachments", t("case_attachments"), doc.BulletList(items=[[item]], role="text"))


def decision_section(report: Report, committee: Committee) -> doc.Section:
    """Beslutning / Vedtak: as decisions.csv records it; until then, when the committee deals with the case."""
    t = report.t
    decisions = report.project.decisions
    taken = decisions[(decisions["committee"] == committee.name) & (decisions["period"] == report.scope.period.label)]
    if len(taken):
        row = taken.iloc[0]
        text = t("case_decided_on", date=t.date(row["date"]), decision=row["decision"])
    else:
        meeting = meeting_day(committee, report.scope.as_of)
        text = t("case_to_be_decided_on", date=t.date(meeting)) if meeting else t("case_not_decided")
    return doc.section("decision", t("case_decision"), doc.paragraph(text))
