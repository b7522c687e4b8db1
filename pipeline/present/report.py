"""The object a notebook works with: one report's scope, language, numbering, and its sections as HTML."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path

from IPython.display import HTML, display

from pipeline.analysis import evaluation
from pipeline.analysis.criteria import CriterionResult
from pipeline.periods import parse_period
from pipeline.present.criteria import criteria_section
from pipeline.present.i18n import Messages
from pipeline.present.milestones import milestones_section
from pipeline.present.results import RESULTS_MIMETYPE, results_record
from pipeline.present.summary import about_section, summary_section
from pipeline.present.survey import survey_section
from pipeline.project import Project, load_project


class Report:
    """One report: a project (or one unit of it) over a period, in one language."""

    def __init__(self, project: Project, unit: str | None = None, period: str | None = None, language: str | None = None, today: date | None = None):
        spec = project.spec
        if unit and unit not in {u.id for u in spec.units}:
            raise ValueError(f"unit: expected one of {[u.id for u in spec.units]}, found {unit!r}")
        self.project = project
        self.spec = spec
        self.scope = evaluation.Scope(project, parse_period(period, spec.period), unit or None, today)
        self.t = Messages(language or spec.language)
        self._figures = 0
        self._tables = 0

    @classmethod
    def open(cls, project: str, unit: str | None = None, period: str | None = None, language: str | None = None, inputs: str | Path | None = None) -> Report:
        """Load and validate the project, then set up the report: what a notebook's first cell calls."""
        return cls(load_project(project, Path(inputs) if inputs else None), unit, period, language)

    # Numbering, so that figures and tables are numbered through the whole report, whichever sections it has.
    def figure_caption(self, text: str) -> str:
        self._figures += 1
        return f"{self.t('figure', n=self._figures)}: {text}"

    def table_caption(self, text: str) -> str:
        self._tables += 1
        return f"{self.t('table', n=self._tables)}: {text}"

    @property
    def unit_name(self) -> str | None:
        return self.spec.unit_name(self.scope.unit)

    def unit_names(self, unit_ids) -> list[str]:
        return [self.spec.unit_name(u) or u for u in unit_ids]

    @cached_property
    def criteria(self) -> list[CriterionResult]:
        return evaluation.evaluate_criteria(self.scope)

    @cached_property
    def milestones(self):
        return evaluation.milestones(self.scope)

    def responses(self, wave: str | None = None):
        return evaluation.responses(self.scope, wave)

    # Sections: each returns HTML that a notebook cell shows as its result.
    def summary(self) -> HTML:
        return HTML(summary_section(self))

    def criteria_section(self) -> HTML:
        return HTML(criteria_section(self))

    def survey_section(self) -> HTML:
        return HTML(survey_section(self))

    def milestones_section(self) -> HTML:
        return HTML(milestones_section(self))

    def about(self) -> HTML:
        return HTML(about_section(self))

    def results(self) -> dict:
        return results_record(self)

    def publish_results(self) -> None:
        """Hand the computed results to the runner, which stores them as JSON beside the report.

        Shown under a mimetype of our own: JupyterLab shows it as JSON, the report template shows nothing.
        """
        display({RESULTS_MIMETYPE: self.results()}, raw=True)
