"""A report's cover, made by the runner from the job and its project: title, owner, period, date, logo, and the
words every page's header and footer repeat, in the report's language."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Protocol

from pipeline import __version__
from pipeline.paths import confined
from pipeline.periods import parse_period
from pipeline.present.document import Cover
from pipeline.present.i18n import Messages
from pipeline.project import Project

REPORT_KINDS = ("end_report", "survey_feedback", "success_criteria", "milestones", "status_report", "committee_case")
# Documents read in one go, from their first page: no table of contents, no page of their own for the cover.
SHORT_DOCUMENTS = ("committee_case",)
LOGO_TYPES = {"svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}


class ReportJob(Protocol):
    """What the cover needs to know of a job (`pipeline.run.jobs.Job` is one)."""

    @property
    def report(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def unit(self) -> str | None: ...


def cover(job: ReportJob, project: Project, generated: datetime | None = None) -> Cover:
    t = Messages(job.language)
    spec = project.spec
    generated = generated or datetime.now(UTC)
    digest = project.input_digest()
    return Cover(
        language=job.language,
        title=spec.title,
        owner=spec.owner,
        report_title=t(job.report) if job.report in REPORT_KINDS else job.report,
        unit_name=spec.unit_name(job.unit),
        period=parse_period(job.period, spec.period).label.replace(
            "-", "–"
        ),  # the job's folder name 2018-19 is 2018/19
        date=t.date(generated.date()),
        accent=spec.report.accent_colour,
        logo=logo_data_uri(project),
        # In words a reader reads; the program's version and the inputs' digest are the file's (its properties, the
        # workbook's "Om rapporten", results.json), not the page's.
        provenance=t("provenance", date=t.date(generated.date()), time=f"{generated:%H.%M}"),
        labels={key: t(key) for key in ("owner", "period", "report_date", "contents")}
        | {"page_of": t("page_of", page="{page}", pages="{pages}")},
        version=__version__,
        made=generated,
        inputs=digest,
        contents=job.report not in SHORT_DOCUMENTS,
    )


def logo_data_uri(project: Project) -> str | None:
    """The project's logo embedded in the report, so that opening it fetches nothing."""
    name = project.spec.report.logo
    if not name:
        return None
    kind = LOGO_TYPES[name.rsplit(".", 1)[1].lower()]
    image = confined(project.folder, name, "report.logo", "the project folder")  # never /etc/shadow, base64 in a report
    return f"data:{kind};base64,{base64.b64encode(image.read_bytes()).decode('ascii')}"
