"""Figures in the evaluator's prose that cannot go stale: `{{K1.attainment}}` becomes the figure the report computes.

The names are a closed list made from project.yaml (`catalogue`), each standing for one figure that the report shows
elsewhere, formatted in the report's language. Nothing else is done with the text: no expressions, filters or
loops — `{{ 7*7 }}` is an unknown name, `{% for %}` and `{K1}` stay as written. Only `{{ name }}` is looked for, by
one regular expression, and replaced by text; nothing a user writes is ever evaluated.

docs/inputs.md (*Figures in the text*) lists the names; `evalreport validate` names an unknown one with its file
and line, and the names that exist.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.errors import EvalreportError, Problem

if TYPE_CHECKING:
    from pipeline.present.report import Report
    from pipeline.spec import ProjectSpec

# `{{`, anything but braces on one line, `}}`: the whole of the syntax.
PLACEHOLDER = re.compile(r"\{\{([^{}\n]*)\}\}")

RECOMMENDATION_STATUSES = ("proposed", "adopted", "in_progress", "implemented", "rejected", "dropped")


@dataclass(frozen=True)
class Figure:
    """One name the text may use: what it stands for (docs/inputs.md's words) and how a report computes it."""

    name: str
    means: str
    value: Callable[[Report], str]


def catalogue(spec: ProjectSpec) -> dict[str, Figure]:
    """Every name this project's texts may use."""
    figures: list[Figure] = []
    for criterion in spec.criteria:
        figures += criterion_figures(criterion)
    figures += [
        Figure("criteria.total", "the number of success criteria", lambda r: r.t.number(len(r.criteria))),
        *(Figure(f"criteria.{status}", f"how many criteria are {status.replace('_', ' ')}", _criteria_count(status)) for status in ("met", "partly_met", "not_met", "no_data")),
        Figure("criteria.mean_attainment", "the mean attainment, each criterion capped at 100 %", _mean_attainment),
        Figure("period", "the report's period, such as 2024-2026", lambda r: r.scope.period.label),
        Figure("as_of", "the day the report is judged at, as a date in words", lambda r: r.t.date(r.scope.as_of)),
    ]
    if spec.survey:
        figures += [
            Figure("survey.respondents", "respondents to the latest survey wave in the period", lambda r: r.t.number(len(r.responses()))),
            Figure("survey.wave", "the latest survey wave in the period, by its label", _wave_label),
        ]
        for item_id, item in spec.survey.items.items():
            if item.kind == "likert":
                figures += [
                    Figure(f"survey.{item_id}.share", f"the positive share of '{item_id}' in the latest wave", _survey_figure(item_id, "positive_share")),
                    Figure(f"survey.{item_id}.n", f"how many answered '{item_id}' in the latest wave (not 'don't know')", _survey_figure(item_id, "n")),
                ]
    if spec.files.milestones:
        for key, means in MILESTONE_FIGURES.items():
            figures.append(Figure(f"milestones.{key}", means, _milestone_figure(key)))
    if spec.files.recommendations:
        figures.append(Figure("recommendations.total", "the number of recommendations given", lambda r: r.t.number(len(r.recommendations))))
        figures += [Figure(f"recommendations.{status}", f"how many recommendations are {status.replace('_', ' ')}", _recommendations_count(status)) for status in RECOMMENDATION_STATUSES]
    if spec.files.activities:
        figures += [
            Figure("activities.count", "the number of activities held in the period", lambda r: r.t.number(len(r.activities))),
            Figure("activities.participants", "participants in the period's activities, all counted", _participants),
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


def criterion_figures(criterion) -> list[Figure]:
    id = criterion.id
    figures = [Figure(f"{id}.status", f"the status of {id} in words (met, partly met, …)", lambda r: r.t(_result(r, id).status.value).lower())]
    if criterion.measure.kind != "assessment":
        figures += [
            Figure(f"{id}.attainment", f"the attainment of {id} as a percentage", lambda r: r.t.percent(_result(r, id).attainment)),
            Figure(f"{id}.result", f"the result of {id}, as its table shows it", lambda r: _figure_text(r, id, "actual")),
            Figure(f"{id}.target", f"the target of {id}, as its table shows it", lambda r: _figure_text(r, id, "target")),
        ]
    if criterion.measure.kind == "ratio":
        figures += [
            Figure(f"{id}.units_met", f"how many units met {id}", lambda r: r.t.number(_units_met(r, id)[0])),
            Figure(f"{id}.units", f"how many units {id} was judged in", lambda r: r.t.number(_units_met(r, id)[1])),
        ]
    return figures


# --- In the text ----------------------------------------------------------------------------------------


def found(source: str) -> list[tuple[int, str, str]]:
    """Each `{{ … }}` in the text: its line (1-based), the name inside (trimmed), and the placeholder as written."""
    return [(source.count("\n", 0, match.start()) + 1, match.group(1).strip(), match.group(0)) for match in PLACEHOLDER.finditer(source)]


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
        result.append(Problem(file, line, None, f"a figure this project has, written {{{{name}}}}: {listed}", f"{written!r}, which is not one{hint}"))
    return result


def fill(text: str, report: Report, file: str = "") -> str:
    """The text with each placeholder replaced by its figure; only names from the catalogue, as text."""
    names = catalogue(report.spec)

    def figure(match: re.Match) -> str:
        name = match.group(1).strip()
        if name not in names:  # validation stops these before a report is made; never evaluate what is left
            raise EvalreportError(f"{file}: expected a figure this project has, found {match.group(0)!r}")
        return names[name].value(report)

    return PLACEHOLDER.sub(figure, text)


def compact(names: list[str]) -> str:
    """'K1.{attainment, result, status, target}; criteria.{met, total}; period': every name, grouped by what is
    before its last dot."""
    groups: dict[str, list[str]] = {}
    for name in names:
        head, _, tail = name.rpartition(".")
        groups.setdefault(head, []).append(tail)
    return "; ".join(f"{head}.{{{', '.join(tails)}}}" if head and len(tails) > 1 else (f"{head}.{tails[0]}" if head else tails[0]) for head, tails in groups.items())


# --- The figures, from what the report computes ------------------------------------------------------------


def _result(report: Report, id: str):
    return next(result for result in report.criteria if result.id == id)


def _figure_text(report: Report, id: str, which: str) -> str:
    from pipeline.present.criteria import figure_text  # the criteria table's own formatting; present builds on this module

    result = _result(report, id)
    return figure_text(report, result, getattr(result, which))


def _units_met(report: Report, id: str) -> tuple[int, int]:
    from pipeline.analysis.criteria import units_met

    return units_met(_result(report, id))


def _criteria_count(status: str) -> Callable[[Report], str]:
    def count(report: Report) -> str:
        from pipeline.analysis.criteria import Status, summary_counts

        return report.t.number(summary_counts(report.criteria)[Status(status)])

    return count


def _mean_attainment(report: Report) -> str:
    from pipeline.analysis.criteria import mean_capped_attainment

    return report.t.percent(mean_capped_attainment([r.attainment for r in report.criteria])[0])


def _wave_label(report: Report) -> str:
    from pipeline.analysis.evaluation import survey_waves

    waves = survey_waves(report.scope)
    return waves[-1].label if waves else "–"


def _survey_figure(item_id: str, key: str) -> Callable[[Report], str]:
    """A Likert item's figure in the latest wave, or 'too few to show' where the report withholds it."""

    def value(report: Report) -> str:
        from pipeline.analysis import survey as sv
        from pipeline.analysis.evaluation import survey_waves

        codebook, answers, waves = report.spec.survey, report.responses(), survey_waves(report.scope)
        if not waves or len(answers) < codebook.min_group_size or not report.shows(waves[-1].id, item_id):
            return report.t("suppressed") if waves and len(answers) else "–"
        share = sv.positive_share(answers[item_id], codebook.scales[codebook.items[item_id].scale])
        return report.t.percent(share[key]) if key == "positive_share" else report.t.number(share[key])

    return value


def _milestone_figure(key: str) -> Callable[[Report], str]:
    def value(report: Report) -> str:
        from pipeline.analysis import milestones as ms

        summary = ms.summarise(report.milestones)
        if key.endswith("_share"):
            return report.t.percent(summary[key])
        if key in ("on_time", "overdue"):
            return report.t.number(summary["counts"][ms.Outcome(key)])
        return report.t.number(summary[key])

    return value


def _recommendations_count(status: str) -> Callable[[Report], str]:
    def value(report: Report) -> str:
        from pipeline.analysis.recommendations import counts_by_status

        return report.t.number(counts_by_status(report.recommendations)[status])

    return value


def _participants(report: Report) -> str:
    from pipeline.present.activities import participants_text  # under the project's decision on participants

    return participants_text(report, report.activities)
