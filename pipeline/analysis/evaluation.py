"""Put the analyses together for one report's scope: a project or one unit, over one period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

import pandas as pd

from pipeline.analysis import milestones as ms
from pipeline.analysis import survey as sv
from pipeline.analysis.criteria import (
    CriterionResult,
    Measurement,
    Status,
    aggregate,
    in_progress,
    indicator_series,
    judge,
    judge_units,
    prorated_target,
    ratio_by_unit,
    ratio_total,
    share_of_year,
    target_for,
    target_year,
)
from pipeline.analysis.suppression import Suppression
from pipeline.periods import ReportPeriod
from pipeline.spec import (
    AssessmentMeasure,
    Criterion,
    IndicatorMeasure,
    Period,
    ProjectSpec,
    Provisional,
    RatioMeasure,
    SurveyMeasure,
    SurveySpec,
    Thresholds,
    Wave,
)


class ProjectTables(Protocol):
    """What the analyses read of a loaded project (pipeline.project.Project is one): its declarations and tables.
    Named here, not imported, so that the analysis stays below the loading and never reads a file."""

    @property
    def spec(self) -> ProjectSpec: ...
    @property
    def indicators(self) -> pd.DataFrame: ...
    @property
    def survey(self) -> pd.DataFrame: ...
    @property
    def milestones(self) -> pd.DataFrame: ...
    @property
    def assessments(self) -> pd.DataFrame: ...
    @property
    def survey_suppression(self) -> Suppression: ...


@dataclass(frozen=True)
class Scope:
    """What one report looks at."""

    project: ProjectTables
    period: ReportPeriod
    unit: str | None = None
    today: date | None = None

    @property
    def as_of(self) -> date:
        return self.period.as_of(self.today)

    @property
    def units(self) -> list[str]:
        return [self.unit] if self.unit else [u.id for u in self.project.spec.units]


def survey_waves(scope: Scope) -> list[Wave]:
    """The survey waves inside the report's period, oldest first."""
    survey = scope.project.spec.survey
    return [w for w in survey.waves if scope.period.contains(w.year)] if survey else []


def responses(scope: Scope, wave: str | None = None) -> pd.DataFrame:
    """Respondents in scope: the report's unit (if any) and one wave (default: the latest in the period)."""
    waves, codebook = survey_waves(scope), scope.project.spec.survey
    if not waves or codebook is None:
        return scope.project.survey.iloc[0:0]
    wave = wave or waves[-1].id
    frame = scope.project.survey
    frame = frame[frame["wave"] == wave]
    if scope.unit:
        frame = frame[frame["unit"] == scope.unit]
    return answered_something(frame, codebook)


def answered_something(frame: pd.DataFrame, codebook: SurveySpec) -> pd.DataFrame:
    """Rows with at least one answer. A questionnaire returned blank is no response (AAPOR): it is not a
    respondent in any count, nor does it make a small group look big enough to show."""
    items = [item for item in codebook.items if item in frame.columns]
    return frame[frame[items].notna().any(axis=1)] if items else frame


def milestones(scope: Scope) -> pd.DataFrame:
    """Milestones planned inside the period, for the unit and the whole project, classified as of the report date."""
    table = scope.project.milestones
    if table.empty:
        return ms.classify(table, scope.as_of)
    in_period = table["planned"].map(scope.period.holds)
    if scope.unit:
        in_period &= table["unit"].isin(["", scope.unit])
    return ms.classify(
        table[in_period].sort_values("planned", kind="stable"), scope.as_of
    )  # ties keep the file's order


def evaluate_criteria(scope: Scope) -> list[CriterionResult]:
    return [evaluate_criterion(scope, criterion) for criterion in scope.project.spec.criteria]


def evaluate_criterion(scope: Scope, criterion: Criterion) -> CriterionResult:
    """One criterion judged as of the report date: a target whose year has not ended yet is not failed, it is in
    progress; a provisional figure is judged against a pro-rated target or not at all, as project.yaml says."""
    result = measured_criterion(scope, criterion)
    measure = criterion.measure
    if isinstance(measure, AssessmentMeasure):
        return result  # the assessor's verdict, as written
    ends = scope.period.calendar.last_day(target_year(measure.target, scope.period.years))
    judged = in_progress(result.status, ends, scope.as_of)
    if judged != result.status:
        result.status, result.detail["target_year_ends"] = judged, ends
    if result.units is not None and len(result.units):
        result.units = result.units.assign(
            status=[in_progress(status, ends, scope.as_of) for status in result.units["status"]]
        )
    return result


@dataclass(frozen=True)
class ProvisionalFigures:
    """The provisional figures a criterion draws on: the last day they count (None: not said) and, by year, the share
    of the year they cover."""

    coverage: date | None
    covered: dict[int, float]


def provisional_figures(
    indicators: pd.DataFrame, names: list[str], units: list[str], years: list[int], calendar: Period
) -> ProvisionalFigures | None:
    """The provisional rows (indicators.csv `provisional`, `coverage`) among these indicators, units and years; None
    when every figure is final. A provisional figure without a coverage day covers its year as far as anyone says."""
    if "provisional" not in indicators:
        return None
    rows = indicators[
        indicators["provisional"]
        & indicators["indicator"].isin(names)
        & indicators["unit"].isin(units)
        & indicators["period"].isin(years)
        & indicators["value"].notna()
    ]
    if rows.empty:
        return None
    days = [day for day in rows["coverage"] if isinstance(day, date)]
    covered = {
        int(year): share_of_year(calendar.first_day(int(year)), day, calendar.last_day(int(year)))
        for year, day in zip(rows["period"], rows["coverage"])
        if isinstance(day, date)
    }
    return ProvisionalFigures(max(days) if days else None, covered)


def judge_provisional(
    result: CriterionResult,
    found: ProvisionalFigures,
    rule: Provisional,
    target: float | dict[int, float],
    years: list[int],
    summed: bool,
    thresholds: Thresholds,
    baseline: float | None = None,
    direction: str = "higher",
) -> None:
    """A provisional figure: against the target pro-rated to the days it counts (a sum with its coverage day known,
    under `prorate`), a ratio as it stands (under `prorate`), else no verdict (in progress, no attainment)."""
    result.detail["provisional"] = {"coverage": found.coverage, "rule": rule}
    if rule == "prorate" and result.kind == "ratio":
        return
    if rule == "prorate" and summed and found.covered:
        result.target = prorated_target(target, years, found.covered)
        result.detail["provisional"]["prorated"] = True
        result.attainment, result.status = judge(result.actual, result.target, thresholds, baseline, direction)
        return
    result.attainment, result.status = None, Status.IN_PROGRESS if result.actual is not None else result.status


def measured_criterion(scope: Scope, criterion: Criterion) -> CriterionResult:
    """The criterion's figure against its target, and when that figure was measured."""
    measure = criterion.measure
    rule = scope.project.spec.provisional_for(criterion)
    thresholds = scope.project.spec.thresholds_for(criterion)
    result = CriterionResult(id=criterion.id, title=criterion.title, kind=measure.kind, status=Status.NO_DATA)
    years = scope.period.years
    if not isinstance(measure, AssessmentMeasure | IndicatorMeasure):
        result.target = target_for(measure.target, years)

    if isinstance(measure, RatioMeasure):
        spec = scope.project.spec
        both = (spec.indicators[measure.numerator].aggregate, spec.indicators[measure.denominator].aggregate)
        units = judge_units(
            ratio_by_unit(scope.project.indicators, measure.numerator, measure.denominator, scope.units, years, both),
            result.target,
            thresholds,
        )
        # A one-unit report judges the unit's own figures: a blank stays "no data" there, never 0 %.
        total = ratio_total(units, measure.missing if scope.unit is None else "exclude")
        result.actual = total.ratio
        result.attainment, result.status = judge(total.ratio, result.target, thresholds)
        result.units = units
        result.detail = {"ratio_total": total}
        names = [measure.numerator, measure.denominator]
        found = provisional_figures(scope.project.indicators, names, scope.units, years, scope.period.calendar)
        if found:
            judge_provisional(result, found, rule, measure.target, years, False, thresholds)
        result.measured = indicator_measurement(
            scope.project.indicators, names, scope.units, years, found, scope.period.calendar
        )

    elif isinstance(measure, IndicatorMeasure):
        how = scope.project.spec.indicators[measure.indicator].aggregate
        result.target = target_for(measure.target, years, how)
        series = indicator_series(scope.project.indicators, measure.indicator, scope.unit or "")
        result.actual, result.detail["year"] = aggregate(series, years, how)
        result.baseline, result.direction = measure.baseline, measure.direction
        result.attainment, result.status = judge(
            result.actual, result.target, thresholds, measure.baseline, measure.direction
        )
        drawn_on = years if how == "sum" else [result.detail["year"]] if result.detail["year"] else []
        found = provisional_figures(
            scope.project.indicators, [measure.indicator], [scope.unit or ""], drawn_on, scope.period.calendar
        )
        if found and result.actual is not None:
            judge_provisional(
                result,
                found,
                rule,
                measure.target,
                years,
                how == "sum",
                thresholds,
                measure.baseline,
                measure.direction,
            )
        if result.actual is not None:
            result.measured = indicator_measurement(
                scope.project.indicators,
                [measure.indicator],
                [scope.unit or ""],
                drawn_on,
                found,
                scope.period.calendar,
            )

    elif isinstance(measure, SurveyMeasure):
        codebook = scope.project.spec.survey
        assert codebook is not None, "validation: a survey criterion needs the survey's codebook"
        answers = responses(scope)
        waves = survey_waves(scope)
        decision = scope.project.survey_suppression
        shown = bool(waves) and decision.shows(waves[-1].id, measure.item, scope.unit)
        if measure.groups:
            # The groups' sum is published already when each group is: a criterion over them tells nothing new.
            answers = answers[answers["group"].isin(measure.groups)]
            shown = shown and all(
                decision.shows(waves[-1].id, measure.item, scope.unit, group) for group in measure.groups
            )
        if len(answers) >= codebook.min_group_size and shown:
            share = sv.positive_share(answers[measure.item], codebook.scale_of(measure.item))
            result.actual = share["positive_share"]
            result.detail = share
            result.measured = Measurement(wave=waves[-1].id)
        else:
            result.detail = {"suppressed": len(answers) > 0}
        result.attainment, result.status = judge(result.actual, result.target, thresholds)

    elif measure.kind == "milestones":
        summary = ms.summarise(milestones(scope))
        result.actual = summary[f"{measure.share}_share"]
        result.detail = summary
        result.attainment, result.status = judge(result.actual, result.target, thresholds)

    elif measure.kind == "assessment":
        table = scope.project.assessments
        # An assessment written after the report date was not known then: a status judged as of 1 October
        # must not use the verdict of December.
        known = table["date"].map(lambda day: day is None or pd.isna(day) or day <= scope.as_of)
        rows = table[(table["criterion"] == criterion.id) & table["period"].map(scope.period.contains) & known]
        if not rows.empty:
            latest = rows.sort_values("period").iloc[-1]
            result.status = Status.NO_DATA if latest["status"] == "not_assessed" else Status(latest["status"])
            result.detail = latest.to_dict()
            day = (
                latest["date"]
                if isinstance(latest["date"], date)
                else scope.period.calendar.last_day(int(latest["period"]))
            )
            result.measured = Measurement(day=day)
    return result


def indicator_measurement(
    indicators: pd.DataFrame,
    names: list[str],
    units: list[str],
    years: list[int],
    found: ProvisionalFigures | None,
    calendar: Period,
) -> Measurement | None:
    """When a criterion's figures were measured: the last day a provisional one counts, else the end of the last year
    with a figure among those it draws on."""
    rows = indicators[
        indicators["indicator"].isin(names) & indicators["unit"].isin(units) & indicators["period"].isin(years)
    ]
    known = rows[rows["value"].notna()]
    if known.empty:
        return None
    year = int(known["period"].max())
    last = calendar.last_day(year)
    return Measurement(
        day=found.coverage if found and found.coverage and calendar.year_of(found.coverage) == year else last
    )
