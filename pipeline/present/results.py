"""A report's computed results as plain JSON: stored beside the report, read by the index and by later statuses."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.analysis import milestones as ms
from pipeline.analysis.criteria import Status, mean_capped_attainment, summary_counts

if TYPE_CHECKING:
    from pipeline.present.report import Report

RESULTS_MIMETYPE = "application/vnd.evalreport.results+json"


def results_record(report: Report) -> dict:
    scope = report.scope
    criteria = report.criteria
    counts = summary_counts(criteria)
    mean, covered = mean_capped_attainment([r.attainment for r in criteria])
    milestones = ms.summarise(report.milestones)
    return {
        "project": scope.project.id,
        "unit": scope.unit,
        "period": scope.period.label,
        "as_of": scope.as_of.isoformat(),
        "language": report.t.language,
        "criteria": [
            {
                "id": r.id,
                "title": r.title,
                "kind": r.kind,
                "status": r.status.value,
                "actual": _number(r.actual),
                "target": _number(r.target),
                "attainment": _number(r.attainment),
            }
            for r in criteria
        ],
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
