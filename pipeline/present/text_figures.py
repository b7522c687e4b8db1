"""The figures in the evaluator's prose, put in: each `{{ name }}` of pipeline.text_figures' catalogue becomes the
figure the report shows elsewhere, formatted in the report's language. Nothing else is done with the text: no
expressions, filters or loops. Only `{{ name }}` is looked for, by one regular expression, and replaced by text;
nothing a user writes is ever evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.analysis import milestones as ms
from pipeline.analysis import survey as sv
from pipeline.analysis.criteria import CriterionResult, Status, mean_capped_attainment, summary_counts, units_met
from pipeline.analysis.evaluation import survey_waves
from pipeline.analysis.recommendations import counts_by_status
from pipeline.errors import EvalreportError
from pipeline.present.activities import participants_text
from pipeline.present.cells import figure_text
from pipeline.text_figures import PLACEHOLDER, catalogue

if TYPE_CHECKING:
    from pipeline.present.report import Report


def fill(text: str, report: Report, file: str = "") -> str:
    """The text with each placeholder replaced by its figure; only names from the catalogue, as text."""
    names = catalogue(report.spec)

    def figure(match: re.Match) -> str:
        name = match.group(1).strip()
        if name not in names:  # validation stops these before a report is made; never evaluate what is left
            raise EvalreportError(f"{file}: expected a figure this project has, found {match.group(0)!r}")
        return VALUES[names[name].kind](report, names[name].about)

    return PLACEHOLDER.sub(figure, text)


def _result(report: Report, id: str) -> CriterionResult:
    return next(result for result in report.criteria if result.id == id)


def _figure_text(which: str) -> Callable[[Report, str], str]:
    def value(report: Report, id: str) -> str:
        result = _result(report, id)
        return figure_text(report, result, getattr(result, which), in_prose=True)  # as the criteria table shows it

    return value


def _wave_label(report: Report, _: str) -> str:
    waves = survey_waves(report.scope)
    return waves[-1].label if waves else "–"


def _survey_figure(report: Report, item_id: str, key: str) -> str:
    """A Likert item's figure in the latest wave, or 'too few to show' where the report withholds it."""
    codebook, answers, waves = report.spec.survey, report.responses(), survey_waves(report.scope)
    if codebook is None:  # no survey: no waves either
        return "–"
    if not waves or len(answers) < codebook.min_group_size or not report.shows(waves[-1].id, item_id):
        if not waves or not len(answers):
            return "–"
        return (
            report.t("suppressed")
            if len(answers) < codebook.min_group_size
            else report.withheld_word(waves[-1].id, item_id)
        )
    share = sv.positive_share(answers[item_id], codebook.scale_of(item_id))
    return report.t.percent(share[key]) if key == "positive_share" else report.t.number(share[key])


def _milestone_figure(report: Report, key: str) -> str:
    summary = ms.summarise(report.milestones)
    if key.endswith("_share"):
        return report.t.percent(summary[key])
    if key in ("on_time", "overdue"):
        return report.t.number(summary["counts"][ms.Outcome(key)])
    return report.t.number(summary[key])


# Each kind of figure in the catalogue, computed for a report and the thing it is about.
VALUES: dict[str, Callable[[Report, str], str]] = {
    "criterion.status": lambda r, id: r.t(_result(r, id).status.value).lower(),
    "criterion.attainment": lambda r, id: r.t.percent(_result(r, id).attainment),
    "criterion.result": _figure_text("actual"),
    "criterion.target": _figure_text("target"),
    "criterion.units_met": lambda r, id: r.t.number(units_met(_result(r, id))[0]),
    "criterion.units": lambda r, id: r.t.number(units_met(_result(r, id))[1]),
    "criteria.total": lambda r, _: r.t.number(len(r.criteria)),
    "criteria.count": lambda r, status: r.t.number(summary_counts(r.criteria)[Status(status)]),
    "criteria.mean_attainment": lambda r, _: r.t.percent(mean_capped_attainment([c.attainment for c in r.criteria])[0]),
    "period": lambda r, _: r.scope.period.label,
    "as_of": lambda r, _: r.t.date(r.scope.as_of),
    "status.number": lambda r, _: r.t.number(r.status_number) if r.status_number else "–",
    "survey.respondents": lambda r, _: r.t.number(len(r.responses())),
    "survey.wave": _wave_label,
    "survey.positive_share": lambda r, item: _survey_figure(r, item, "positive_share"),
    "survey.n": lambda r, item: _survey_figure(r, item, "n"),
    "milestones": _milestone_figure,
    "recommendations.total": lambda r, _: r.t.number(len(r.recommendations)),
    "recommendations.count": lambda r, status: r.t.number(counts_by_status(r.recommendations)[status]),
    "activities.count": lambda r, _: r.t.number(len(r.activities)),
    "activities.participants": lambda r, _: participants_text(r, r.activities),  # under the decision on participants
}


# --- Figures written in digits ----------------------------------------------------------------------------

# A number as prose writes it: 1.234 or 1 234, a decimal comma or point, and a percent sign.
WRITTEN_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:[.\u00a0 ]\d{3})+|\d+)(?:[,.](\d+))?(\s?%)?(?![\w/]|[.,]\d)")
MONTH_AFTER = re.compile(r"\.?\s*(jan|feb|mar|apr|maj|mai|may|jun|jul|aug|sep|okt|oct|nov|dec|des)", re.IGNORECASE)
LIST_MARKER = re.compile(r"^\s*\d+[.)]\s", re.MULTILINE)


def computed_figures(report: Report) -> list[float]:
    """Every figure the report's placeholders stand for, as numbers, every figure in indicators.csv, and the criteria's
    targets and baselines as project.yaml writes them."""
    names = catalogue(report.spec)
    figures: list[float] = [float(value) for value in report.project.indicators["value"].dropna()]
    for criterion in report.spec.criteria:
        target = getattr(criterion.measure, "target", None)
        written = [
            *(target.values() if isinstance(target, dict) else [target]),
            getattr(criterion.measure, "baseline", None),
        ]
        figures += [
            float(value) * (100 if criterion.measure.kind in ("survey", "milestones") else 1)
            for value in written
            if value is not None
        ]
    for figure in names.values():
        try:
            shown = VALUES[figure.kind](report, figure.about)
        except Exception:  # a figure this report cannot compute (no survey, say) is no figure to match
            continue
        figures += [number for number, _, _ in written_numbers(shown)]
    return figures


def written_numbers(text: str) -> list[tuple[float, int, str]]:
    """The numbers written in digits in `text`, outside placeholders: each as a number, its decimals and as written.
    Years (1900–2100), days of a date ('13. oktober'), list markers and ids ('A3', 'K1') are not figures."""
    text = LIST_MARKER.sub(" ", PLACEHOLDER.sub(" ", text))
    numbers = []
    for match in WRITTEN_NUMBER.finditer(text):
        whole, decimals, percent = match.group(1), match.group(2) or "", match.group(3)
        value = float(re.sub(r"[.\u00a0 ]", "", whole) + (f".{decimals}" if decimals else ""))
        if not percent and not decimals and (1900 <= value <= 2100 or MONTH_AFTER.match(text, match.end())):
            continue
        numbers.append((value, len(decimals), match.group(0)))
    return numbers


def unplaced_figures(computed: list[float], source: str) -> list[tuple[int, str]]:
    """Figures the text writes in digits that equal none of the `computed` figures (a report's `computed_figures`):
    each with its line, for `validate`'s hint to write the figure as a placeholder (`{{K1.result}}`), which always
    shows what the report computes."""
    found = []
    for line, text in enumerate(source.splitlines(), start=1):
        for value, decimals, written in written_numbers(text):
            margin = 0.5 * 10**-decimals + 1e-9  # '55 %' stands for anything from 54,5 % to 55,5 %
            if not any(abs(value - figure) <= margin for figure in computed):
                found.append((line, written.strip()))
    return found
