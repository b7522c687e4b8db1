"""The names of the figures the evaluator's prose may use: `{{K1.attainment}}` stands for a figure the report computes.

The names are a closed list made from project.yaml (`catalogue`), each standing for one figure that the report shows
elsewhere; pipeline.present.text_figures puts each figure in, formatted in the report's language. Nothing else is
done with the text: no expressions, filters or loops — `{{ 7*7 }}` is an unknown name, `{% for %}` and `{K1}` stay
as written. Only `{{ name }}` is looked for, by one regular expression, and replaced by text; nothing a user writes
is ever evaluated.

docs/inputs.md (*Figures in the text*) lists the names; `evalreport validate` names an unknown one with its file
and line, and the names that exist.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.errors import Problem
from pipeline.vocabulary import RECOMMENDATION_STATUSES

if TYPE_CHECKING:
    from pipeline.spec import Criterion, ProjectSpec

# `{{`, anything but braces on one line, `}}`: the whole of the syntax.
PLACEHOLDER = re.compile(r"\{\{([^{}\n]*)\}\}")


@dataclass(frozen=True)
class Figure:
    """One name the text may use: what it stands for (docs/inputs.md's words), which kind of figure it is and what
    it is about (a criterion, a survey item, a status), for pipeline.present.text_figures to compute it."""

    name: str
    means: str
    kind: str
    about: str = ""


def catalogue(spec: ProjectSpec) -> dict[str, Figure]:
    """Every name this project's texts may use."""
    figures: list[Figure] = []
    for criterion in spec.criteria:
        figures += criterion_figures(criterion)
    statuses = ("met", "partly_met", "not_met", "in_progress", "no_data")
    figures += [
        Figure("criteria.total", "the number of success criteria", "criteria.total"),
        *(
            Figure(f"criteria.{s}", f"how many criteria are {s.replace('_', ' ')}", "criteria.count", s)
            for s in statuses
        ),
        Figure(
            "criteria.mean_attainment",
            "the mean attainment, each criterion capped at 100 %",
            "criteria.mean_attainment",
        ),
        Figure("period", "the report's period, such as 2024-2026", "period"),
        Figure("as_of", "the day the report is judged at, as a date in words", "as_of"),
    ]
    if any(committee.schedule for committee in spec.committees):
        figures.append(Figure("status.number", "which of the committee's yearly statuses this is", "status.number"))
    if spec.survey:
        figures += [
            Figure("survey.respondents", "respondents to the latest survey wave in the period", "survey.respondents"),
            Figure("survey.wave", "the latest survey wave in the period, by its label", "survey.wave"),
        ]
        for item_id, item in spec.survey.items.items():
            if item.kind == "likert":
                figures += [
                    Figure(
                        f"survey.{item_id}.share",
                        f"the positive share of '{item_id}' in the latest wave",
                        "survey.positive_share",
                        item_id,
                    ),
                    Figure(
                        f"survey.{item_id}.n",
                        f"how many answered '{item_id}' in the latest wave (not 'don't know')",
                        "survey.n",
                        item_id,
                    ),
                ]
    if spec.files.milestones:
        for key, means in MILESTONE_FIGURES.items():
            figures.append(Figure(f"milestones.{key}", means, "milestones", key))
    if spec.files.recommendations:
        figures.append(Figure("recommendations.total", "the number of recommendations given", "recommendations.total"))
        figures += [
            Figure(
                f"recommendations.{status}",
                f"how many recommendations are {status.replace('_', ' ')}",
                "recommendations.count",
                status,
            )
            for status in RECOMMENDATION_STATUSES
        ]
    if spec.files.activities:
        figures += [
            Figure("activities.count", "the number of activities held in the period", "activities.count"),
            Figure(
                "activities.participants",
                "participants in the period's activities, all counted",
                "activities.participants",
            ),
        ]
    return {figure.name: figure for figure in figures}


MILESTONE_FIGURES = {
    "total": "milestones in the period",
    "due": "milestones due by the report date (cancelled ones left out)",
    "done": "milestones done",
    "on_time": "milestones done on time",
    "overdue": "milestones overdue and not done",
    "done_share": "the share of milestones due that are done",
    "on_time_share": "the share of milestones due that were done on time",
}


def criterion_figures(criterion: Criterion) -> list[Figure]:
    id = criterion.id
    figures = [Figure(f"{id}.status", f"the status of {id} in words (met, partly met, …)", "criterion.status", id)]
    if criterion.measure.kind != "assessment":
        figures += [
            Figure(f"{id}.attainment", f"the attainment of {id} as a percentage", "criterion.attainment", id),
            Figure(f"{id}.result", f"the result of {id}, as its table shows it", "criterion.result", id),
            Figure(f"{id}.target", f"the target of {id}, as its table shows it", "criterion.target", id),
        ]
    if criterion.measure.kind == "ratio":
        figures += [
            Figure(f"{id}.units_met", f"how many units met {id}", "criterion.units_met", id),
            Figure(f"{id}.units", f"how many units {id} was judged in", "criterion.units", id),
        ]
    return figures


# --- In the text ----------------------------------------------------------------------------------------


def found(source: str) -> list[tuple[int, str, str]]:
    """Each `{{ … }}` in the text: its line (1-based), the name inside (trimmed), and the placeholder as written."""
    return [
        (source.count("\n", 0, match.start()) + 1, match.group(1).strip(), match.group(0))
        for match in PLACEHOLDER.finditer(source)
    ]


def problems(file: str, source: str, spec: ProjectSpec) -> list[Problem]:
    """An unknown name, with its file and line, the names that look like it and every name there is."""
    names = catalogue(spec)
    listed = compact(list(names))
    result = []
    for line, name, written in found(source):
        if name in names:
            continue
        close = difflib.get_close_matches(name, list(names), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        expected = f"a figure this project has, written {{{{name}}}}: {listed}"
        result.append(Problem(file, line, None, expected, f"{written!r}, which is not one{hint}"))
    return result


def compact(names: list[str]) -> str:
    """'K1.{attainment, result, status, target}; criteria.{met, total}; period': every name, grouped by what is
    before its last dot."""
    groups: dict[str, list[str]] = {}
    for name in names:
        head, _, tail = name.rpartition(".")
        groups.setdefault(head, []).append(tail)
    return "; ".join(
        f"{head}.{{{', '.join(tails)}}}" if head and len(tails) > 1 else (f"{head}.{tails[0]}" if head else tails[0])
        for head, tails in groups.items()
    )
