"""What the inputs hold that no report will show, and what a report cannot compute: said by `validate` as notices
(file, row, field), so that nothing vanishes in silence. The report is still made; these are not errors, since a
project in its first year has a criterion without figures yet, and an old survey wave may be kept on purpose."""

from __future__ import annotations

import re

import pandas as pd

from pipeline.errors import Problem
from pipeline.spec import ProjectSpec

PROJECT_FILE = "project.yaml"


def notices(spec: ProjectSpec, frames: dict[str, pd.DataFrame]) -> list[Problem]:
    return (
        indicators_without_a_unit(spec)
        + waves_outside_the_period(spec)
        + criteria_without_data(spec, frames)
        + items_asked_in_some_waves(spec, frames.get("survey"))
        + waves_in_another_year_than_their_activity(spec, frames.get("activities"))
    )


def _years(spec: ProjectSpec) -> str:
    return f"{spec.period.year_label(spec.period.start)}–{spec.period.year_label(spec.period.end)}"


def indicators_without_a_unit(spec: ProjectSpec) -> list[Problem]:
    """An indicator's unit is said once, in `unit:`, and the report writes it in its language: not typed into the
    label."""
    found = []
    for indicator_id, indicator in spec.indicators.items():
        typed = re.search(r"\((%|kr\.?|pct\.?|procent|prosent)\)\s*$|\s(%|kr\.?)$", indicator.label, re.IGNORECASE)
        if typed:
            found.append(
                Problem(
                    PROJECT_FILE,
                    None,
                    f"indicators.{indicator_id}.label",
                    "a label without its unit, and the unit in `unit:` (percent, kr, persons, number or a word)",
                    f"{indicator.label!r}: move {typed.group(1) or typed.group(2)!r} to `unit:`",
                )
            )
        elif indicator.unit is None:
            found.append(
                Problem(
                    PROJECT_FILE,
                    None,
                    f"indicators.{indicator_id}.unit",
                    "the unit its figures are in: percent, kr, persons, number or a word of your own",
                    "none: the report shows the bare figure",
                )
            )
    return found


def waves_outside_the_period(spec: ProjectSpec) -> list[Problem]:
    waves = spec.survey.waves if spec.survey else []
    return [
        Problem(
            PROJECT_FILE,
            None,
            f"survey.waves.{i}.year",
            f"a year of the project's period {_years(spec)}",
            f"{spec.period.year_label(wave.year)}: wave {wave.id!r} is shown in no report and is no status's baseline",
        )
        for i, wave in enumerate(waves)
        if not spec.period.start <= wave.year <= spec.period.end
    ]


def waves_in_another_year_than_their_activity(spec: ProjectSpec, activities: pd.DataFrame | None) -> list[Problem]:
    """A wave tied to an activity (`activity: A2`) asked about it, so it belongs to the project year the activity was
    held in: another `year` puts the feedback in another year's reports than the meeting it is about (on fiscal
    years, a meeting on 28 March 2019 is in 2018/19, though the calendar says 2019)."""
    if activities is None or activities.empty or spec.survey is None:
        return []
    held = {str(row["id"]): row for row in activities.to_dict("records") if row.get("date") is not None}
    found = []
    for i, wave in enumerate(spec.survey.waves):
        activity = held.get(wave.activity) if wave.activity is not None else None
        if activity is None:
            continue  # no activity, or one activities.csv does not have (an error of its own)
        year = spec.period.year_of(activity["date"])
        if year != wave.year:
            day = activity["date"].isoformat()
            found.append(
                Problem(
                    PROJECT_FILE,
                    None,
                    f"survey.waves.{i}.year",
                    f"{spec.period.year_label(year)}, the year of activity {wave.activity!r} (held {day})",
                    f"{spec.period.year_label(wave.year)}: wave {wave.id!r} is reported in another year than "
                    "the activity "
                    "it asked about",
                )
            )
    return found


def criteria_without_data(spec: ProjectSpec, frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """A criterion none of whose figures the inputs hold for the project's period: every report shows it as 'no
    data'."""
    found = []
    for i, criterion in enumerate(spec.criteria):
        missing = _what_is_missing(spec, criterion.measure, frames)
        if missing:
            found.append(
                Problem(
                    PROJECT_FILE,
                    None,
                    f"criteria[{i}] ({criterion.id}).measure",
                    missing,
                    "none: every report shows the criterion as 'no data'",
                )
            )
    return found


def _what_is_missing(spec: ProjectSpec, measure, frames: dict[str, pd.DataFrame]) -> str | None:
    kind = measure.kind
    if kind in ("indicator", "ratio"):
        indicators = frames.get("indicators")
        names = [measure.indicator] if kind == "indicator" else [measure.numerator, measure.denominator]
        in_period = (
            indicators[indicators["period"].between(spec.period.start, spec.period.end) & indicators["value"].notna()]
            if indicators is not None
            else None
        )
        absent = [name for name in names if in_period is None or not (in_period["indicator"] == name).any()]
        if absent:
            which = " and ".join(f"'{name}'" for name in absent)
            return f"figures to compute it from: rows of indicators.csv with a value for {which} in {_years(spec)}"
    elif kind == "survey":
        survey = frames.get("survey")
        waves = (
            {w.id for w in spec.survey.waves if spec.period.start <= w.year <= spec.period.end}
            if spec.survey
            else set()
        )
        asked = (
            survey is not None
            and measure.item in survey
            and survey.loc[survey["wave"].isin(waves), measure.item].notna().any()
        )
        if not asked:
            return f"answers to '{measure.item}' in survey.csv from a wave of {_years(spec)}"
    elif kind == "milestones":
        milestones = frames.get("milestones")
        if (
            milestones is None
            or milestones.empty
            or not milestones["planned"].map(lambda day: spec.period.contains(spec.period.year_of(day))).any()
        ):
            return f"milestones planned in {_years(spec)} in milestones.csv"
    elif kind == "assessment":
        return None  # judged in assessments.csv; a criterion not yet judged says so in the report
    return None


def items_asked_in_some_waves(spec: ProjectSpec, survey: pd.DataFrame | None) -> list[Problem]:
    """An item no respondent of a wave answered was, as a rule, not asked in it: that wave's tables leave it out."""
    if survey is None or survey.empty or spec.survey is None or len(spec.survey.waves) < 2:
        return []
    found = []
    in_wave = {wave.id: (survey["wave"] == wave.id).to_numpy(dtype=bool, na_value=False) for wave in spec.survey.waves}
    waves = [wave for wave, rows in in_wave.items() if rows.any()]
    for item_id in spec.survey.items:
        if item_id not in survey:
            continue
        answered = survey[item_id].notna().to_numpy()
        asked = [wave for wave in waves if (answered & in_wave[wave]).any()]
        if asked and len(asked) < len(waves):
            left_out = [wave for wave in waves if wave not in asked]
            found.append(
                Problem(
                    "survey.csv",
                    None,
                    item_id,
                    "an item asked in every wave",
                    f"answers in wave {', '.join(asked)} only: the tables of wave {', '.join(left_out)} leave it out",
                )
            )
    return found
