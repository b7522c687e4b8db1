"""The object a notebook works with: one report's scope, language, numbering, and its sections."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cached_property
from pathlib import Path

import pandas as pd
from IPython.display import display

from pipeline.analysis import activities as act
from pipeline.analysis import comparison, evaluation
from pipeline.analysis import recommendations as rec
from pipeline.analysis import schedule as committee_schedule
from pipeline.analysis.comparison import CriterionChange
from pipeline.analysis.criteria import CriterionResult
from pipeline.errors import EvalreportError, Problem
from pipeline.municipalities import LISTS, municipalities
from pipeline.paths import default_reports
from pipeline.periods import parse_period, whole
from pipeline.present import case, status, text_figures, texts
from pipeline.present.activities import activities_section
from pipeline.present.appendix import appendix_sections
from pipeline.present.criteria import criteria_section
from pipeline.present.document import DOCUMENT_MIMETYPE, Caption, Section
from pipeline.present.economy import economy_section
from pipeline.present.i18n import Messages
from pipeline.present.milestones import milestones_section
from pipeline.present.notebook import notebook_section
from pipeline.present.recommendations import recommendations_section
from pipeline.present.results import RESULTS_MIMETYPE, results_record
from pipeline.present.story import activities_told, criteria_told, recommendations_told, survey_told
from pipeline.present.summary import about_section, summary_section
from pipeline.present.survey import survey_section
from pipeline.project import Project, handed_over, load_project, published_records, with_published
from pipeline.spec import Committee, SurveySpec
from pipeline.text import mid_sentence


class Report:
    """One report: a project (or one unit of it) over a period, in one language."""

    def __init__(
        self,
        project: Project,
        unit: str | None = None,
        period: str | None = None,
        language: str | None = None,
        today: date | None = None,
    ):
        spec = project.spec
        if unit and unit not in {u.id for u in spec.units}:
            raise ValueError(f"unit: expected one of {[u.id for u in spec.units]}, found {unit!r}")
        self.project = project
        self.spec = spec
        self.scope: evaluation.Scope = evaluation.Scope(project, parse_period(period, spec.period), unit or None, today)
        self.t: Messages = Messages(language or spec.language)
        self.previous_status: status.PreviousStatus | None = (
            None  # set by `compare_with`: the report is then a yearly status
        )
        self.committee: Committee | None = None  # set by `for_committee`: the report is then a committee case
        self._figures = 0
        self._tables = 0
        self._responses: dict[str | None, pd.DataFrame] = {}

    @classmethod
    def open(
        cls,
        project: str,
        unit: str | None = None,
        period: str | None = None,
        language: str | None = None,
        inputs: str | Path | None = None,
        as_of: str | None = None,
        reports: str | Path | None = None,
        loaded: str | Path | None = None,
    ) -> Report:
        """Load and validate the project, then set up the report: what a notebook's first cell calls.

        `as_of` (an ISO date) is the day the report is judged at, so that a status scheduled for 1 October says
        what was known then, whenever it runs; None: today, or the period's last day once it is over. `reports`:
        the reports folder (default reports/), whose published figures of the project the suppression decision
        takes into account, so that no late answer follows from this report and an earlier one together.
        `loaded`: the file in which `evalreport run` hands over the project its worker loaded, validated and decided
        for, read instead of the inputs; when it is not there (a notebook run by hand, or an audit copy run again),
        the project is loaded from the inputs.
        """
        if loaded and Path(loaded).is_file():
            opened = handed_over(Path(loaded), Path(project).name)
        else:
            opened = load_project(project, Path(inputs) if inputs else None)
            folder = Path(reports) if reports else default_reports()
            opened = with_published(opened, published_records(folder, opened.id))
        report = cls(opened, unit, period, language, report_date(as_of))
        if report.scope.today and report.scope.today < report.scope.period.first_day:
            raise EvalreportError(
                f"as_of: expected a day in or after the period {report.scope.period.label}, found {as_of}"
            )
        return report

    # Numbering, so that figures and tables are numbered through the whole report, whichever sections it has.
    def figure_caption(self, text: str) -> Caption:
        self._figures += 1
        return Caption(label=self.t("figure", n=self._figures), text=text)

    def table_caption(self, text: str) -> Caption:
        self._tables += 1
        return Caption(label=self.t("table", n=self._tables), text=text)

    @property
    def unit_name(self) -> str | None:
        return self.spec.unit_name(self.scope.unit)

    @property
    def codebook(self) -> SurveySpec:
        """The survey's codebook, for the parts that show its figures: each is reached only when there is a survey."""
        assert self.spec.survey is not None, "the survey's figures are shown only for a project with a survey"
        return self.spec.survey

    def unit_names(self, unit_ids) -> list[str]:
        return [self.spec.unit_name(u) or u for u in unit_ids]

    @cached_property
    def criteria(self) -> list[CriterionResult]:
        return evaluation.evaluate_criteria(self.scope)

    @cached_property
    def milestones(self):
        return evaluation.milestones(self.scope)

    def responses(self, wave: str | None = None):
        """Respondents in scope, of the latest wave in the period or of the wave named: any of the project's
        waves, since a status compares with a wave before its period. Taken once a wave: every figure of a report
        reads them, and a survey of a million rows takes a while to go through."""
        if wave not in self._responses:
            scope = self.scope if wave is None else replace(self.scope, period=whole(self.spec.period))
            self._responses[wave] = evaluation.responses(scope, wave)
        return self._responses[wave]

    def shows(self, wave: str, item: str, group: str | None = None) -> bool:
        """Whether this report may show a question's figures for its unit (or the whole project), for one group
        or all: the project's one suppression decision, which every report of it obeys."""
        return self.project.survey_suppression.shows(wave, item, self.scope.unit, group)

    def in_sentence(self, label: str) -> str:
        """A label the user wrote, as it reads inside a sentence (`text.mid_sentence`): a place or unit keeps its
        capital."""
        return mid_sentence(label, self._names)

    @cached_property
    def _names(self) -> frozenset[str]:
        units = [unit.name for unit in self.spec.units]
        places = [name for lst in LISTS for _, name in municipalities(lst).units]
        return frozenset(re.split(r"[ -–]", name)[0].casefold() for name in [*units, *places] if name)

    def withheld_word(self, wave: str, item: str, group: str | None = None) -> str:
        """The words for a withheld figure: too few answers, or withheld to protect a small group elsewhere (a total
        of 45 answers is not 'too few')."""
        too_small = self.project.survey_suppression.too_small(wave, item, self.scope.unit, group)
        return self.t("suppressed") if too_small else self.t("suppressed_to_protect")

    # A yearly status: compared with the previous one, looking at milestones beyond the period.
    def compare_with(self, previous: str | Path | None) -> None:
        """Make this report a yearly status compared with the stored results of the previous one (its
        `<report>.results.json`); None: none is stored, so last year's period is recomputed from today's data,
        and the report says so."""
        self.previous_status = status.previous_status(self, previous)
        for compared in ("changes", "recommendation_changes"):
            self.__dict__.pop(compared, None)  # a comparison made before was with another status

    @property
    def status_number(self) -> int | None:
        """Which of its committee's yearly statuses this is (3: the third); None on a day no schedule made one."""
        return status.number(self)

    @property
    def presented(self) -> date | None:
        """The committee meeting the status goes to: its first on or after the as-of day."""
        committee = status.status_committee(self)
        return status.meeting_day(committee, self.scope.as_of) if committee else None

    @cached_property
    def changes(self) -> list[CriterionChange]:
        self._needs_comparison()
        return status.criteria_changes(self)

    def _needs_comparison(self) -> status.PreviousStatus:
        if self.previous_status is None:
            raise EvalreportError("a status needs report.compare_with(previous) before its sections")
        return self.previous_status

    @property
    def compared_with(self) -> status.PreviousStatus:
        """The status a yearly status is compared with: an error before `compare_with`."""
        return self._needs_comparison()

    @cached_property
    def recommendations(self) -> pd.DataFrame:
        """The recommendations as the report date knew them (see `rec.as_known_on`)."""
        return rec.as_known_on(self.project.recommendations, self.scope.as_of)

    @cached_property
    def recommendation_changes(self) -> rec.Changes | None:
        """What changed since the previous status: against its stored recommendations, or, with none stored, against
        the table as its day knew it. None for an end report, and for a first status."""
        previous = self.previous_status
        if previous is None or previous.source == status.NOTHING or previous.as_of is None:  # only NOTHING has no day
            return None
        then = previous.recommendations
        if then is None:
            then = rec.records(rec.as_known_on(self.project.recommendations, previous.as_of))
        return rec.changes_since(rec.records(self.recommendations), then)

    @cached_property
    def activities(self) -> pd.DataFrame:
        """Activities of the period held by the report date (a unit's and the whole project's, for a unit)."""
        return act.held(self.project.activities, self.scope.period, self.scope.as_of, self.scope.unit)

    @cached_property
    def timeline(self) -> pd.DataFrame:
        """Every milestone of the project (or unit and project), whatever its year, as of the report date."""
        return comparison.milestones_as_of(self.project.milestones, self.scope.as_of, self.scope.unit)

    @cached_property
    def milestones_reached(self) -> pd.DataFrame:
        """Done from the period's first day up to the report date."""
        return comparison.reached_in(self.timeline, self.scope.period.first_day, self.scope.as_of)

    @cached_property
    def milestones_due(self) -> pd.DataFrame:
        """Not done, and planned or forecast in the 12 months from the report date."""
        as_of = self.scope.as_of
        return comparison.due_within(self.timeline, as_of, comparison.one_year_after(as_of))

    @cached_property
    def survey_change(self) -> status.WaveChange | None:
        return status.wave_comparison(self)

    @cached_property
    def survey_by_wave(self) -> list:
        return status.survey_by_wave(self)

    # Sections: each returns what a notebook cell shows as its result. One that the evaluator's own notebook
    # follows (`sections:` in project.yaml) shows both, one after the other, and returns nothing more.
    def summary(self) -> Shown | None:
        return self._followed("summary", summary_section(self))

    def criteria_section(self) -> Shown | None:
        return self._followed("criteria", criteria_section(self))

    def survey_section(self) -> Shown | None:
        return self._followed("survey", survey_section(self))

    def milestones_section(self) -> Shown | None:
        return self._followed("milestones", milestones_section(self))

    def _followed(self, place: str, section: Section | None) -> Shown | None:
        """The part, then each of the evaluator's notebooks placed after it (in an end report, not a yearly status)."""
        after = (
            [(i, s) for i, s in enumerate(self.spec.sections) if s.after == place]
            if self.previous_status is None
            else []
        )
        if not after:
            return shown(section)
        for part in [section, *(notebook_section(self, spec, i) for i, spec in after)]:
            if part is not None:
                display(Shown(part))
        return None

    # A yearly status's sections, after `compare_with`.
    def status_summary(self) -> Shown:
        self._needs_comparison()
        return Shown(status.status_summary_section(self))

    def status_criteria(self) -> Shown:
        self._needs_comparison()
        return Shown(status.status_criteria_section(self))

    def status_milestones(self) -> Shown:
        self._needs_comparison()
        return Shown(status.status_milestones_section(self))

    def status_survey(self) -> Shown:
        self._needs_comparison()
        return Shown(status.status_survey_section(self))

    # A committee case's parts, after `compare_with` and `for_committee` (notebooks/committee_case.ipynb).
    def for_committee(self, name: str | None = None) -> None:
        """Make this report the case to `name` (default: the first committee with a yearly status)."""
        self.committee = case.committee_of(self, name)

    def _case_committee(self) -> Committee:
        self._needs_comparison()
        if self.committee is None:
            raise EvalreportError("a committee case needs report.for_committee(name) before its parts")
        return self.committee

    def case_heading(self) -> Shown:
        return Shown(case.heading_section(self, self._case_committee()))

    def case_proposal(self) -> Shown:
        return Shown(case.proposal_section(self, self._case_committee()))

    def case_story(self) -> Shown:
        return Shown(case.case_section(self, self._case_committee()))

    def case_assessment(self) -> Shown:
        self._case_committee()
        return Shown(case.assessment_section(self))

    def case_economy(self) -> Shown:
        self._case_committee()
        return Shown(case.economy_part(self))

    def case_legal(self) -> Shown | None:
        self._case_committee()
        return shown(case.legal_section(self))

    def case_next(self) -> Shown:
        return Shown(case.next_section(self, self._case_committee()))

    def case_attachments(self) -> Shown:
        self._case_committee()
        return Shown(case.attachments_section(self))

    def case_decision(self) -> Shown:
        return Shown(case.decision_section(self, self._case_committee()))

    def economy(self) -> Shown | None:
        """The end report's economy: the budget of the period, if the project has one (budget.csv)."""
        return self._followed("economy", economy_section(self))

    # The evaluator's own: texts from text/ (a yearly status's from text/status/<period>/), recommendations and
    # activities. A part the project has nothing for returns None, and the notebook shows nothing.
    def introduction(self) -> Shown | None:
        return self._followed("introduction", texts.text_section(self, "introduction"))

    def unit_texts(self) -> Shown | None:
        return shown(texts.units_section(self))

    def recommendations_section(self) -> Shown | None:
        return self._followed("recommendations", recommendations_section(self))

    def activities_section(self) -> Shown | None:
        return self._followed("activities", activities_section(self))

    def conclusion(self) -> Shown | None:
        return self._followed("conclusion", texts.text_section(self, "conclusion"))

    def lessons(self) -> Shown | None:
        return self._followed("lessons", texts.text_section(self, "lessons"))

    # The end report told as a story, the detailed tables in a numbered appendix after it (notebooks/end_report.ipynb).
    def criteria_told(self) -> Shown | None:
        return self._followed("criteria", criteria_told(self))

    def activities_told(self) -> None:
        """What was done: the activities told and the milestones, then the evaluator's notebooks after either."""
        for place, section in (("activities", activities_told(self)), ("milestones", None)):
            part = self._followed(place, section)
            if part is not None:
                display(part)

    def survey_told(self) -> Shown | None:
        return self._followed("survey", survey_told(self))

    def recommendations_told(self) -> Shown | None:
        return self._followed("recommendations", recommendations_told(self))

    def next_steps(self) -> Shown | None:
        """The way forward (text/next.md): Det videre arbejde, Veien videre."""
        return shown(texts.text_section(self, "next"))

    def appendix(self) -> None:
        """The appendix's parts, numbered: Bilag 1, 2, … (Vedlegg in Norwegian)."""
        for section in appendix_sections(self):
            display(Shown(section))

    def about(self) -> Shown:
        return Shown(about_section(self))

    def results(self) -> dict:
        return results_record(self)

    def publish_results(self) -> None:
        """Hand the computed results to the runner, which stores them as JSON beside the report.

        Shown under a mimetype of our own: JupyterLab shows it as JSON, the report template shows nothing.
        """
        display({RESULTS_MIMETYPE: self.results()}, raw=True)


class Shown:
    """A section as a notebook cell shows it: the section itself, as JSON under a mimetype of our own, which the
    runner reads back from the executed notebook and draws as every format (`pipeline.render`). Nothing is drawn
    in the kernel; `%load_ext pipeline.render.preview` shows it as HTML in JupyterLab."""

    def __init__(self, section: Section):
        self.section = section

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {DOCUMENT_MIMETYPE: self.section.model_dump(mode="json"), "text/plain": self.section.title}


def shown(section: Section | None) -> Shown | None:
    return Shown(section) if section is not None else None


def report_date(as_of: str | date | None) -> date | None:
    """'2026-10-01' → that day; None stays None (today)."""
    if as_of is None or isinstance(as_of, date):
        return as_of
    try:
        return date.fromisoformat(str(as_of).strip())
    except ValueError:
        raise EvalreportError(f"as_of: expected an ISO date such as 2026-10-01, found {as_of!r}") from None


# Texts that tell a story with figures of their own (a workshop's 46 proposals, a recommendation's cost of 250.000 kr.),
# not the report's: no hint there.
OWN_FIGURES = ("activities/", "recommendations/")


def narrative_hints(project: Project) -> list[Problem]:
    """`validate`'s hints over every text of the project: a figure in digits that no report of it computes. The end
    report's texts are read against the whole period, a yearly status's against its period and scheduled day."""
    hints: list[Problem] = []
    computed: dict[tuple[str | None, str | None], list[float]] = {}
    for place, variants in project.narrative.texts.items():
        if place.startswith(OWN_FIGURES):
            continue
        period = place.split("/")[1] if place.startswith("status/") else None
        for language, text in variants.items():
            key = (period, language)
            if key not in computed:  # once a report: its figures take a pass over the survey each
                report = Report(project, period=period, language=language, today=_scheduled(project, period))
                computed[key] = text_figures.computed_figures(report)
            for line, written in text_figures.unplaced_figures(computed[key], text.source):
                hints.append(
                    Problem(
                        text.file,
                        line,
                        None,
                        "a figure the report computes; write it by name, such as "
                        "{{K1.result}}, and it always shows what the report computes",
                        f"{written!r}, which equals none",
                    )
                )
    return hints


def _scheduled(project: Project, period: str | None) -> date | None:
    """The day a committee's schedule judged a status of `period` at, if any: the day its texts were written for."""
    if period is None:
        return None
    last = date(project.spec.period.end + 1, 12, 31)  # a status of the year before covers the project's last year
    days = [
        status.day
        for c in project.spec.committees
        if c.schedule
        for status in committee_schedule.scheduled_statuses(c.schedule, project.spec.period, last)
        if period in (status.period.label, status.period.name)
    ]
    return max(days, default=None)
