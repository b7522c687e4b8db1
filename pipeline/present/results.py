"""A report's computed results as plain JSON: stored beside the report, read by the index and by later statuses."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

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
    }


def _number(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), 6)
