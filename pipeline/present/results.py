"""A report's computed results as plain JSON: stored beside the report, read by the index and by later statuses."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from pipeline.analysis import comparison as cmp
from pipeline.analysis import milestones as ms
from pipeline.analysis import survey as sv
from pipeline.analysis.criteria import (
    CriterionResult,
    Status,
    mean_capped_attainment,
    summary_counts,
)
from pipeline.analysis.evaluation import survey_waves
from pipeline.present import activities, recommendations, texts
from pipeline.present.document import RESULTS_MIMETYPE

if TYPE_CHECKING:
    from pipeline.present.report import Report


__all__ = ["RESULTS_MIMETYPE", "results_record"]
# The shape of results.json, described by docs/results.schema.json: raised when a key changes meaning or goes away.
SCHEMA_VERSION = 1


def results_record(report: Report) -> dict:
    scope = report.scope
    criteria = report.criteria
    counts = summary_counts(criteria)
    mean, covered = mean_capped_attainment([r.attainment for r in criteria])
    milestones = ms.summarise(report.milestones)
    record: dict[str, object] = {
        "schema_version": SCHEMA_VERSION,
        "project": report.project.id,
        "unit": scope.unit,
        "period": scope.period.label,
        "as_of": scope.as_of.isoformat(),
        "language": report.t.language,
        "criteria": [criterion_record(r) | units_record(report, r) for r in criteria],
        "summary": {
            "criteria": len(criteria),
            **{status.value: counts[status] for status in Status},
            "mean_attainment_capped": _number(mean),
            "criteria_with_attainment": covered,
        },
        "survey": {"respondents": int(len(report.responses())), "waves": survey_record(report)},
        "milestones": {key: milestones[key] for key in ("total", "due", "done")}
        | {"done_share": _number(milestones["done_share"]), "on_time_share": _number(milestones["on_time_share"])},
        "milestone_rows": [_milestone_row(report, row) for row in report.milestones.itertuples()],
    }
    if report.spec.files.recommendations:
        record["recommendations"] = recommendations.results(report)
    if report.spec.files.activities:
        record["activities"] = activities.results(report)
    if report.previous_status is not None:  # a yearly status: what next year's status compares with
        record["status"] = status_record(report)
    return record


def criterion_record(result: CriterionResult) -> dict:
    """One criterion as stored, and as a later status reads it back to compare with."""
    record: dict[str, object] = {
        "id": result.id,
        "title": result.title,
        "kind": result.kind,
        "status": result.status.value,
        "actual": _number(result.actual),
        "target": _number(result.target),
        "attainment": _number(result.attainment),
    }
    if result.measured is not None:  # what a later status tells a new measurement by
        record["measured"] = result.measured.record()
    provisional = result.detail.get("provisional")
    if provisional:
        coverage = provisional["coverage"]
        record["provisional"] = {
            "coverage": coverage.isoformat() if coverage else None,
            "rule": provisional["rule"],
        } | ({"prorated": True} if provisional.get("prorated") else {})
    total = result.detail.get("ratio_total") if result.kind == "ratio" else None
    if total is not None:  # a ratio's total, and how units without a figure counted in it
        record["total"] = {
            "numerator": _number(total.numerator),
            "denominator": _number(total.denominator),
            "missing": total.missing,
            "left_out": total.left_out,
            "counted_as_zero": total.counted_as_zero,
        }
    return record


def status_record(report: Report) -> dict:
    """A yearly status's comparison, milestones reached and due, and survey shares per wave: aggregates only."""
    previous = report.previous_status
    assert previous is not None  # results_record asks only a yearly status, which has a previous one
    return {
        # Which of its committee's statuses this is (3: the third), and the meeting it goes to: the e-mail says both.
        "number": report.status_number,
        "presented": report.presented.isoformat() if report.presented else None,
        "previous": {
            "source": previous.source,
            "period": previous.period,
            "as_of": previous.as_of.isoformat() if previous.as_of else None,
        },
        "tolerance": cmp.ATTAINMENT_TOLERANCE,
        "criteria": [
            {
                "id": c.id,
                "change": c.change.value,
                "previous_status": c.status_then.value if c.status_then else None,
                "previous_attainment": _number(c.attainment_then),
            }
            for c in report.changes
        ],
        "data_changed_since_previous": list(previous.changed_since),
        "milestones_reached": list(report.milestones_reached["id"]),
        "milestones_due_next": list(report.milestones_due["id"]),
        "survey_waves": _survey_waves(report),
        "survey_change": _survey_change(report),
        # The year's comment to the committee (text/status/<period>/introduction.md, its figures filled in), which the
        # e-mail with the status quotes; None without one.
        "comment": texts.comment(report),
    }


def _survey_waves(report: Report) -> list[dict]:
    """Per wave held by the report date: respondents, and per Likert item n, positive and share, unless the wave
    has too few respondents to show anything."""
    waves = []
    for wave, respondents, items in report.survey_by_wave:
        entry = {"wave": wave.id, "label": wave.label, "respondents": respondents}
        if items is None:
            entry["suppressed"] = True
        else:
            entry["items"] = {
                row.item: {"suppressed": True}
                if row.suppressed
                else {"n": int(row.n), "positive": int(row.positive), "positive_share": _number(row.positive_share)}
                for row in items.itertuples()
            }
        waves.append(entry)
    return waves


def _survey_change(report: Report) -> dict | None:
    found = report.survey_change
    if found is None or found.table is None:
        return None
    keys = ("previous_share", "latest_share", "change", "ci_low", "ci_high")
    items = [
        {"item": row["item"], "suppressed": True}
        if row["suppressed"]
        else {"item": row["item"], **{key: _number(row[key]) for key in keys}, "certain": bool(row["certain"])}
        for _, row in found.table.iterrows()
    ]
    return {"previous": found.previous.id, "latest": found.latest.id, "items": items}


def _milestone_row(report: Report, row) -> dict:
    """One milestone as the report shows it: the actual date only once done, the forecast only while it holds."""
    done = row.outcome in ms.DONE
    expected = row.slippage == ms.Slippage.EXPECTED
    return {
        "id": row.id,
        "title": row.title,
        "unit": row.unit or None,
        "unit_name": report.spec.unit_name(row.unit),
        "phase": row.phase,
        "planned": row.planned.isoformat(),
        "forecast": row.forecast.isoformat() if expected else None,
        "actual": row.actual.isoformat() if done else None,
        "outcome": row.outcome.value,
        "slippage_days": None if pd.isna(row.slippage_days) else int(row.slippage_days),
        "slippage": row.slippage.value if row.slippage else None,
    }


def _number(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), 6)


# --- Per unit, and the survey's figures: what the report's tables show, for those who work on with them ---------


def units_record(report: Report, result: CriterionResult) -> dict:
    """A criterion judged per unit (a ratio, in the project's report): each unit's figures and status."""
    if report.scope.unit is not None or result.units is None or not len(result.units):
        return {}
    return {
        "units": [
            {
                "unit": row.unit,
                "name": report.spec.unit_name(row.unit),
                "numerator": _number(row.numerator),
                "denominator": _number(row.denominator),
                "ratio": _number(row.ratio),
                "attainment": _number(row.attainment),
                "status": str(row.status),
            }
            for row in result.units.itertuples()
        ]
    }


def survey_record(report: Report) -> list[dict]:
    """Every wave of the period, as its report shows it: response rates (the project's report, where the number
    invited is known), and per question, in total and per group, the figures the project's suppression decision lets
    any report show; a withheld figure is `{"suppressed": true}`, never a number. A wave with fewer respondents than
    the smallest group shown shows nothing."""
    codebook = report.spec.survey
    if codebook is None:
        return []
    waves = []
    for wave in survey_waves(report.scope):
        answers = report.responses(wave.id)
        entry = {
            "wave": wave.id,
            "label": wave.label,
            "respondents": int(len(answers)),
            "shown": len(answers) >= codebook.min_group_size,
        }
        if report.scope.unit is None and codebook.invited.get(wave.id):
            rates = sv.response_rates(answers, codebook, wave.id)
            if not rates.empty:
                entry["response_rates"] = [
                    _rate(row) for row in [*rates.to_dict("records"), sv.total_response_rate(rates)]
                ]
        if entry["shown"]:
            entry |= _wave_figures(report, wave.id, answers)
        waves.append(entry)
    return waves


def _wave_figures(report: Report, wave: str, answers: pd.DataFrame) -> dict:
    codebook = report.codebook
    items, nps, others = [], [], []
    # Each group's rows, picked out once for all the questions.
    groups = sv.respondents_by(answers, "group").reindex(sv.in_declared_order(answers["group"].unique(), codebook))
    in_group = {group: (answers["group"] == group).to_numpy(dtype=bool, na_value=False) for group in groups.index}
    for item_id in sv.likert_items(codebook):
        scale = codebook.scale_of(item_id)
        items += _in_total_and_by_group(
            report,
            wave,
            answers,
            in_group,
            item_id,
            lambda rows, item_id=item_id, scale=scale: sv.positive_share(rows[item_id], scale),
            SHARE_FIGURES,
        )
    for item_id in sv.nps_items(codebook):
        nps += _in_total_and_by_group(
            report,
            wave,
            answers,
            in_group,
            item_id,
            lambda rows, item_id=item_id: sv.net_promoter_score(rows[item_id]),
            NPS_FIGURES,
        )
    for item_id in (
        sv.items_of_kind(codebook, "choice")
        + sv.items_of_kind(codebook, "multi")
        + sv.items_of_kind(codebook, "number")
    ):
        item = codebook.items[item_id]
        entry: dict[str, object] = {"item": item_id, "text": item.text, "kind": item.kind}
        if not report.shows(wave, item_id):
            others.append(entry | {"suppressed": True})
        elif item.kind == "number":
            others.append(entry | _figures(sv.number_summary(answers[item_id]), ("n", "mean", "median")))
        else:
            table = (sv.choice_distribution if item.kind == "choice" else sv.multi_shares)(
                answers[item_id], item.option_list
            )
            options = [
                {"option": row.option, "count": int(row.count), "share": _number(row.share)}
                for row in table.itertuples()
            ]
            others.append(entry | {"answered": int(answers[item_id].notna().sum()), "options": options})
    return {"items": items, "nps": nps, "other_items": others}


SHARE_FIGURES = ("n", "dont_know", "positive", "positive_share", "ci_low", "ci_high", "mean")
NPS_FIGURES = (
    "n",
    "detractors",
    "passives",
    "promoters",
    "detractors_share",
    "passives_share",
    "promoters_share",
    "nps",
)
COUNTS = {"n", "dont_know", "positive", "detractors", "passives", "promoters"}


def _in_total_and_by_group(
    report: Report,
    wave: str,
    answers: pd.DataFrame,
    in_group: dict[str, np.ndarray],
    item_id: str,
    figures,
    keys: tuple[str, ...],
) -> list[dict]:
    """One question's figures for everyone (group None), then for each group (`in_group`: the rows of each, in the
    order shown), each under the suppression decision."""
    text = report.codebook.items[item_id].text
    rows = [
        {"item": item_id, "text": text, "group": None}
        | (_figures(figures(answers), keys) if report.shows(wave, item_id) else {"suppressed": True})
    ]
    for group, members in in_group.items():
        shown = report.shows(wave, item_id, group)
        found = (
            _figures(figures(answers.loc[members, [item_id]]), keys)  # this question's column only
            if shown
            else {"suppressed": True}
        )
        rows.append({"item": item_id, "text": text, "group": group} | found)
    return rows


def _figures(values: dict, keys: tuple[str, ...]) -> dict:
    return {key: int(values[key]) if key in COUNTS else _number(values[key]) for key in keys}


def _rate(row: dict) -> dict:
    return {
        "group": row["group"],
        **{key: int(row[key]) for key in ("invited", "complete", "partial")},
        "rr1": _number(row["rr1"]),
        "rr2": _number(row["rr2"]),
    }
