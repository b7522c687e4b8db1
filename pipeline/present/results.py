"""A report's computed results as plain JSON: stored beside the report, read by the index and by later statuses."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.analysis import comparison as cmp
from pipeline.analysis import milestones as ms
from pipeline.analysis.criteria import (
    CriterionResult,
    Status,
    mean_capped_attainment,
    summary_counts,
)
from pipeline.present import activities, recommendations, texts

if TYPE_CHECKING:
    from pipeline.present.report import Report

RESULTS_MIMETYPE = "application/vnd.evalreport.results+json"


def results_record(report: Report) -> dict:
    scope = report.scope
    criteria = report.criteria
    counts = summary_counts(criteria)
    mean, covered = mean_capped_attainment([r.attainment for r in criteria])
    milestones = ms.summarise(report.milestones)
    record = {
        "project": scope.project.id,
        "unit": scope.unit,
        "period": scope.period.label,
        "as_of": scope.as_of.isoformat(),
        "language": report.t.language,
        "criteria": [criterion_record(r) for r in criteria],
        "summary": {
            "criteria": len(criteria),
            **{status.value: counts[status] for status in Status},
            "mean_attainment_capped": _number(mean),
            "criteria_with_attainment": covered,
        },
        "survey": {"respondents": int(len(report.responses()))},
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
    record = {
        "id": result.id,
        "title": result.title,
        "kind": result.kind,
        "status": result.status.value,
        "actual": _number(result.actual),
        "target": _number(result.target),
        "attainment": _number(result.attainment),
    }
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
    return {
        "previous": {"source": previous.source, "period": previous.period, "as_of": previous.as_of.isoformat() if previous.as_of else None},
        "tolerance": cmp.ATTAINMENT_TOLERANCE,
        "criteria": [
            {"id": c.id, "change": c.change.value, "previous_status": c.status_then.value if c.status_then else None, "previous_attainment": _number(c.attainment_then)}
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
                row.item: {"suppressed": True} if row.suppressed else {"n": int(row.n), "positive": int(row.positive), "positive_share": _number(row.positive_share)}
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
        {"item": row["item"], "suppressed": True} if row["suppressed"] else {"item": row["item"], **{key: _number(row[key]) for key in keys}, "certain": bool(row["certain"])}
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
