"""The typed model of project.yaml: what a project declares about itself, checked by pydantic."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from typing import Annotated, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from pipeline.paths import NAME_RULE, name_problem, path_problem
from pipeline.text import one_line

Language = Literal["da", "nb", "en"]  # pipeline.vocabulary.LANGUAGES; a test holds the two the same
Direction = Literal["higher", "lower"]
# The suppression threshold: a group of fewer respondents is never shown, unless the codebook sets its own.
# Decided here alone; everything else asks the spec (`ProjectSpec.min_group_size`).
MIN_GROUP_SIZE = 5
# A title, name or label shown as one line (cover, page header, chart label, e-mail subject): folded here, once,
# so that every output shows the same line (see pipeline.text.one_line).
OneLine = Annotated[str, AfterValidator(one_line)]


def _has_words(value: str) -> str:
    if not any(character.isalnum() for character in value):  # spaces, a zero-width space, a dash: nothing to read
        raise ValueError("words, not an empty line")
    return value


# A line a report cannot do without (the project's title, who owns it): blank is refused, not printed as nothing.
Named = Annotated[OneLine, AfterValidator(_has_words)]


def _file_name_part(value: str) -> str:
    reason = name_problem(value)
    if reason:
        raise ValueError(f"{NAME_RULE}; this one {reason}")
    return value


# An id that becomes part of a report's file name (`end_report-0701.pdf`): a unit id of `../../x` must not write
# elsewhere.
SafeName = Annotated[str, AfterValidator(_file_name_part)]


class Strict(BaseModel):
    # A misspelt key in a hand-written file must be an error, not silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


# A year of a project on fiscal or school years, written as its label: "2018/19" (or "2018-19"), the year that begins
# in 2018 and ends in 2019.
SPLIT_YEAR = re.compile(r"\s*(\d{4})\s*[/-]\s*(\d{2})\s*")
MONTH = re.compile(r"\s*(\d{4})-(\d{2})\s*")


def split_year(text: str) -> int | None:
    """2018 for "2018/19" or "2018-19"; None when `text` is not written so; ValueError when its two years do not
    follow each other ("2018/20")."""
    match = SPLIT_YEAR.fullmatch(text)
    if not match:
        return None
    first = int(match.group(1))
    if int(match.group(2)) != (first + 1) % 100:
        raise ValueError(f"a year such as {first}/{(first + 1) % 100:02d}, whose second year follows the first")
    return first


def _follows(text: str) -> bool:
    try:
        return split_year(text) is not None
    except ValueError:
        return False


def _year_key(value: object) -> object:
    # A per-year target or a wave's year may name a fiscal or school year by its label: {"2018/19": 40}.
    return split_year(value) if isinstance(value, str) and split_year(value) is not None else value


# A year of the project: 2018, or "2018/19" in a project on fiscal or school years (then the year beginning in 2018).
Year = Annotated[int, BeforeValidator(_year_key)]


def _month_of(key: str, day: date) -> str:
    """YAML reads `start: 2018-04-01` as a day: the month it begins (the first) or, for `end`, ends (the last)."""
    if (key == "start" and day.day == 1) or (key == "end" and day.day == monthrange(day.year, day.month)[1]):
        return f"{day:%Y-%m}"
    which = (
        "the first day of the month the first year begins"
        if key == "start"
        else "the last day of the month the last year ends"
    )
    raise ValueError(f"{key}: a year, a month such as 2018-04, or {which}, not {day.isoformat()}")


class Period(Strict):
    """The project's years: calendar years, or years that begin in another month (`start: 2018-04`, April to
    March; `start: 2018-08`, school years). Each year is known by the calendar year it begins in (2018 for 2018/19)
    and labelled "2018/19"; a calendar-year project's years are labelled as before ("2018")."""

    start: int = Field(ge=1900, le=2200)
    end: int = Field(ge=1900, le=2200)
    # The month each year begins: 1 for calendar years. Read from `start: 2018-04`, never written by hand.
    start_month: int = Field(default=1, ge=1, le=12)

    @model_validator(mode="before")
    @classmethod
    def _months(cls, value: object) -> object:
        """`start: 2018-04, end: 2021-03` (or `end: 2020/21`): years that begin in April, the last one 2020/21."""
        if not isinstance(value, dict):
            return value
        value = {
            **value,
            **{
                key: _month_of(key, day)
                for key, day in value.items()
                if key in ("start", "end") and isinstance(day, date)
            },
        }
        if not isinstance(value.get("start"), str):
            return value
        match = MONTH.fullmatch(value["start"])
        if match is None:
            return value  # a year, or something the fields refuse with their own message
        if not 1 <= int(match.group(2)) <= 12:
            raise ValueError(
                f"start: a year (2018) or the month the first year begins (2018-04), not {value['start']!r}"
            )
        start, month = int(match.group(1)), int(match.group(2))
        end, last_month = value.get("end"), (month - 2) % 12 + 1
        written = MONTH.fullmatch(end) if isinstance(end, str) else None
        if written and int(written.group(2)) == last_month:  # the month the last year ends
            end = int(written.group(1)) - (month != 1)
        elif isinstance(end, str) and month != 1 and _follows(end):  # the last year's label
            end = split_year(end)
        elif month != 1 or isinstance(end, str):
            year = end if isinstance(end, int) else start + 2
            raise ValueError(
                f"end: the month the last year ends, such as {year + 1}-{last_month:02d}, or the last year's "
                "label, such as "
                f"{year}/{(year + 1) % 100:02d}: years beginning in month {month} span two calendar years"
            )
        return {**value, "start": start, "end": end, "start_month": month}

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) must not be before start ({self.start})")
        return self

    @property
    def split(self) -> bool:
        """Whether the project's years span two calendar years (fiscal or school years)."""
        return self.start_month != 1

    def year_of(self, day: date) -> int:
        """The project year that holds `day`: 2018 for 15 February 2019 in years beginning in April."""
        return day.year if day.month >= self.start_month else day.year - 1

    def first_day(self, year: int) -> date:
        return date(year, self.start_month, 1)

    def last_day(self, year: int) -> date:
        return date(year + 1, self.start_month, 1) - timedelta(days=1) if self.split else date(year, 12, 31)

    def year_label(self, year: int) -> str:
        """ "2018", or "2018/19" for a year beginning in 2018 and ending in 2019."""
        return f"{year}/{(year + 1) % 100:02d}" if self.split else str(year)

    def span_label(self, start: int, end: int) -> str:
        """ "2018" or "2018-2020"; "2018/19" or "2018/19-2020/21" (the page's style sets the dash)."""
        return self.year_label(start) if start == end else f"{self.year_label(start)}-{self.year_label(end)}"

    @property
    def label(self) -> str:
        return self.span_label(self.start, self.end)

    def contains(self, year: int) -> bool:
        return self.start <= year <= self.end

    def parse_year(self, text: str) -> int:
        """A year of this calendar as a table writes it: "2018" in calendar years; "2018/19", "2018-19" or a day
        inside the year ("2019-02-15") in fiscal or school years, where a bare 2018 is refused (the year beginning
        in 2018, or ending in it?). ValueError with what was expected otherwise."""
        text = str(text).strip()
        if not self.split:
            if not re.fullmatch(r"\d{4}", text):
                raise ValueError("a year such as 2016")
            return int(text)
        expected = (
            f"a year such as {self.year_label(self.start)}, or a day inside one such as "
            f"{self.first_day(self.start).isoformat()}"
        )
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return self.year_of(date.fromisoformat(text))
            except ValueError:
                raise ValueError(expected) from None
        first = split_year(text) if SPLIT_YEAR.fullmatch(text) else None
        if first is None:
            raise ValueError(expected)
        return first


class UnitNoun(Strict):
    singular: OneLine
    plural: OneLine


class Unit(Strict):
    id: SafeName
    name: OneLine = Field(min_length=1)

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        # YAML reads 701 as a number; a unit id is a code and is compared as text.
        return str(value) if isinstance(value, int) else value


class Files(Strict):
    indicators: str | None = None
    survey: str | None = None
    milestones: str | None = None
    assessments: str | None = None
    recommendations: str | None = None
    activities: str | None = None
    budget: str | None = None


class IndicatorSpec(Strict):
    label: OneLine
    # What its figures count: `percent` (61.5 is 61,5 %), `kr`, `persons`, `number` (a bare count), or a word of one's
    # own (`udsættelser`), written after the figure in the report's language. None: not said, and validate asks.
    unit: OneLine | None = None
    # How yearly values become one figure for a report's period: `sum` adds them up (counts, such as
    # settlements), `latest` takes the last year that has a value (levels, such as a share employed),
    # `point` takes the period's last year or nothing (a count on a reference date).
    aggregate: Literal["sum", "latest", "point"] = "sum"


MIN_GROUP_SIZE = 5  # the suppression threshold: fewest respondents (or participants) a published figure may cover


class Scale(Strict):
    labels: list[str] = Field(min_length=2)
    positive: list[str] = Field(min_length=1)
    dont_know: list[str] = []
    # False where `evalreport import` guessed the order or the positive labels: no report is made until a person has
    # checked them and set it to true. A scale written by hand is confirmed.
    confirmed: bool = True

    @model_validator(mode="after")
    def _consistent(self) -> Scale:
        unknown = [label for label in self.positive if label not in self.labels]
        if unknown:
            raise ValueError(f"positive labels {unknown} are not among the scale's labels {self.labels}")
        overlap = [label for label in self.dont_know if label in self.labels]
        if overlap:
            raise ValueError(f"'don't know' labels {overlap} must not also be scale labels")
        return self

    @property
    def neutral(self) -> str | None:
        """The middle label of a scale with an odd number of labels ("Neither agree nor disagree"); None when even."""
        return self.labels[len(self.labels) // 2] if len(self.labels) % 2 else None

    @property
    def negative_side(self) -> list[str]:
        """The labels below the middle, drawn to the left of zero in a diverging chart."""
        return self.labels[: len(self.labels) // 2]


ItemKind = Literal["likert", "nps", "text", "choice", "multi", "number"]


class Item(Strict):
    text: OneLine
    # likert: one label of a scale; nps: "how likely are you to recommend ...", 0-10; text: a free comment;
    # choice: one of several options with no order; multi: tick all that apply; number: a count or an amount.
    kind: ItemKind = "likert"
    scale: str | None = None
    # choice and multi: the options, in the order the questionnaire lists them.
    options: list[str] = []
    # multi, one cell per respondent: the options ticked, joined by `separator` ("Kurs; Nettverk").
    separator: str | None = None
    # multi, one column of survey.csv per option instead: {column: option}, in the questionnaire's order.
    columns: dict[str, str] = {}
    # False where `evalreport import` guessed the item's kind (or, for a choice, that its options have no order).
    confirmed: bool = True

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Item:
        if self.kind == "likert" and not self.scale:
            raise ValueError("a likert item needs a 'scale'")
        if self.kind != "likert" and self.scale:
            raise ValueError(f"only a likert item has a 'scale'; this one is kind '{self.kind}'")
        if self.kind not in ("choice", "multi") and (self.options or self.columns or self.separator is not None):
            raise ValueError(
                f"only choice and multi items have 'options', 'separator' or 'columns'; this one is kind '{self.kind}'"
            )
        if self.kind == "choice" and (self.columns or self.separator is not None):
            raise ValueError(
                "a choice item has one answer per respondent: give 'options' only, without 'separator' or 'columns'"
            )
        if self.kind == "choice" and len(self.options) < 2:
            raise ValueError("a choice item needs 'options', at least two, in the order the questionnaire lists them")
        if self.kind == "multi" and bool(self.options) == bool(self.columns):
            raise ValueError(
                "a multi item needs either 'options' (the options ticked in one cell, joined by 'separator') "
                "or 'columns' (one column per option, {column: option}), not both"
            )
        if self.kind == "multi" and self.columns and self.separator is not None:
            raise ValueError("a multi item with 'columns' has one column per option, so no 'separator'")
        if self.separator is not None and not self.separator.strip():
            raise ValueError("'separator' must be a character such as ';', not white space")
        repeated = sorted({option for option in self.option_list if self.option_list.count(option) > 1})
        if repeated:
            raise ValueError(f"each option once; {repeated} come twice or more")
        return self

    @property
    def option_list(self) -> list[str]:
        """A choice or multi item's options in the questionnaire's order, whichever way they are written."""
        return list(self.columns.values()) if self.columns else list(self.options)

    @property
    def split_by(self) -> str:
        """The separator between the options ticked in one cell of a multi item (';' unless declared)."""
        return self.separator if self.separator is not None else ";"


class Wave(Strict):
    id: str
    label: OneLine
    year: Year
    # The activity (an id in activities.csv) this wave asked about, such as a theme meeting: its feedback is shown
    # beside the activity.
    activity: str | None = None
    # Who the wave asked (residents, staff, a meeting's participants): a wave is compared only with an earlier wave of
    # the same population. None: the project's one population.
    population: OneLine | None = None

    @field_validator("id", "activity", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class SurveySpec(Strict):
    min_group_size: int = Field(default=MIN_GROUP_SIZE, ge=1)
    # How wide (in answers) an attacker's interval for a withheld small group's count must stay, whatever they
    # combine of everything published (docs/methods.md, Privacy): min_group_size when not set.
    protection_width: int | None = Field(default=None, ge=1)
    # A group's comments are quoted only when at least this many in the group responded: a quote carries
    # a voice, and a small group makes it easy to guess whose.
    min_quote_group: int = Field(default=10, ge=1)
    waves: list[Wave] = Field(min_length=1)
    groups: dict[str, OneLine] = Field(min_length=1)
    scales: dict[str, Scale] = {}
    items: dict[str, Item] = Field(min_length=1)
    # How many were invited, per wave id and group code: the denominators of the response rates.
    invited: dict[str, dict[str, Annotated[int, Field(ge=1)]]] = {}

    @field_validator("invited", mode="before")
    @classmethod
    def _wave_ids_as_text(cls, value: object) -> object:
        # YAML reads an unquoted wave id such as 2024 as a number; wave ids are compared as text.
        return {str(k) if isinstance(k, int) else k: v for k, v in value.items()} if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _invited_refers_to_declared_waves_and_groups(self) -> SurveySpec:
        waves = [w.id for w in self.waves]
        for wave, groups in self.invited.items():
            if wave not in waves:
                raise ValueError(f"invited: '{wave}' is not one of the waves {waves}")
            unknown = [g for g in groups if g not in self.groups]
            if unknown:
                raise ValueError(f"invited.{wave}: {unknown} are not among the groups {sorted(self.groups)}")
        return self

    @model_validator(mode="after")
    def _one_item_per_column(self) -> SurveySpec:
        owner: dict[str, str] = {}
        for item_id, columns in self.item_columns.items():
            for column in columns:
                if column in owner:
                    raise ValueError(
                        f"items.{item_id}: column '{column}' of survey.csv belongs to item '{owner[column]}' already"
                    )
                owner[column] = item_id
        return self

    @property
    def item_columns(self) -> dict[str, list[str]]:
        """Per item, the columns of survey.csv holding its answers: its id, or a multi item's column per option."""
        return {item_id: list(item.columns) or [item_id] for item_id, item in self.items.items()}

    def scale_of(self, item_id: str) -> Scale:
        """The answer scale of a Likert item (validation gives every one a scale that exists)."""
        scale = self.items[item_id].scale
        if scale is None:
            raise KeyError(f"{item_id}: not a Likert item, it has no scale")
        return self.scales[scale]

    @property
    def quote_limit(self) -> int:
        """Fewest respondents a group needs for its comments to be quoted: never below the suppression limit."""
        return max(self.min_quote_group, self.min_group_size)


class Thresholds(Strict):
    met: float = Field(default=1.0, gt=0)
    partly: float = Field(default=0.8, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.partly > self.met:
            raise ValueError(f"partly ({self.partly}) must not exceed met ({self.met})")
        return self


# A target is one number, or one per year ({2019: 40, 2020: 45}; {2018/19: 40} on fiscal or school years).
Target = float | dict[Year, float]


class RatioMeasure(Strict):
    kind: Literal["ratio"]
    numerator: str
    denominator: str
    target: Target = 1.0
    # How a unit with a blank numerator counts in the project's total, as the evaluator declares it: `exclude`
    # leaves the unit out; `zero` counts it as nothing achieved, keeping its denominator in the total.
    missing: Literal["exclude", "zero"] = "exclude"


class IndicatorMeasure(Strict):
    kind: Literal["indicator"]
    indicator: str
    target: Target
    baseline: float | None = None
    direction: Direction = "higher"


class SurveyMeasure(Strict):
    kind: Literal["survey"]
    item: str
    target: Target = Field(default=0.75)
    # Only these respondent groups' answers (survey.groups codes), such as the residents but not the staff; []: all.
    groups: list[str] = []


class MilestoneMeasure(Strict):
    kind: Literal["milestones"]
    target: Target = 0.9
    share: Literal["done", "on_time"] = "done"  # done (late or not) or done on time, of the milestones due


class AssessmentMeasure(Strict):
    kind: Literal["assessment"]


Measure = Annotated[
    RatioMeasure | IndicatorMeasure | SurveyMeasure | MilestoneMeasure | AssessmentMeasure,
    Field(discriminator="kind"),
]


# How a criterion is judged whose figures include a provisional one (indicators.csv `provisional`, `coverage`):
# `prorate` against the target's share of the days counted (a figure summed over its years), `not_judged` not at all.
Provisional = Literal["prorate", "not_judged"]


class Criterion(Strict):
    id: str
    title: OneLine
    measure: Measure
    thresholds: Thresholds | None = None
    provisional: Provisional | None = None  # None: the project's rule


class ReportSettings(Strict):
    accent_colour: str = Field(default="#1b4f72", pattern=r"^#[0-9a-fA-F]{6}$")
    logo: str | None = Field(default=None, pattern=r"(?i)\.(svg|png|jpe?g)$")  # a file in the project folder


# Month names a Danish, Norwegian or English evaluator may write in a schedule: `on: 1. oktober`.
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januar", "january", "jan"),
            ("februar", "february", "feb"),
            ("marts", "mars", "march", "mar"),
            ("april", "apr"),
            ("maj", "mai", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "desember", "dec", "des"),
        ],
        start=1,
    )
    for name in names
}


class Schedule(Strict):
    """When a committee's status is made, and which years it covers."""

    every: Literal["year"] = "year"
    on: str  # a day of the year, stored as "MM-DD"
    covers: Literal["previous-year", "current-year", "previous-and-current-year"] = "previous-year"

    @model_validator(mode="before")
    @classmethod
    def _on_is_a_key(cls, value: object) -> object:
        # YAML 1.1 reads the key `on` as the boolean true; `on: "10-01"` is what the user wrote.
        if isinstance(value, dict) and True in value and "on" not in value:
            value = {("on" if key is True else key): item for key, item in value.items()}
        return value

    @field_validator("on", mode="before")
    @classmethod
    def _day_of_year(cls, value: object) -> str:
        expected = (
            'a day of the year as "MM-DD" in quotes ("10-01" is 1 October) or as words ("1 October", "1. oktober")'
        )
        if isinstance(value, date):
            raise ValueError(f"{expected}, not a full date: a schedule repeats every year")
        text = str(value).strip().lower() if isinstance(value, (str, int)) else ""
        numeric = re.fullmatch(r"(\d{1,2})-(\d{1,2})", text)
        words = re.fullmatch(r"(\d{1,2})\.?\s+([a-zæøå]+)\.?", text)
        if numeric:
            month, day = int(numeric.group(1)), int(numeric.group(2))
        elif words and words.group(2) in MONTHS:
            month, day = MONTHS[words.group(2)], int(words.group(1))
        else:
            raise ValueError(expected)
        try:
            date(2001, month, day)  # not a leap year: the day must come every year
        except ValueError:
            raise ValueError(f"{expected}; there is no such day every year") from None
        return f"{month:02d}-{day:02d}"

    @property
    def month(self) -> int:
        return int(self.on[:2])

    @property
    def day(self) -> int:
        return int(self.on[3:])


def email_address(address: str) -> str:
    """A bare address (RFC 5322 addr-spec: no display name, no group, no second address), checked by email-validator.

    Syntax only: whether the mailbox exists is the mail server's to say, and a failed delivery is retried.
    """
    try:
        return validate_email(address.strip(), check_deliverability=False).normalized
    except EmailNotValidError as error:
        reason = str(error).rstrip(".")
        raise ValueError(
            f"an e-mail address such as udvalg@viborg.example ({reason[:1].lower()}{reason[1:]})"
        ) from None


EmailAddress = Annotated[str, AfterValidator(email_address)]


class Delivery(Strict):
    """Where a committee's status goes once made: a folder (its outbox) and/or e-mail recipients."""

    outbox: str | None = Field(
        default=None, min_length=1
    )  # a folder under the reports folder (or $EVALREPORT_OUTBOX_ROOT)
    email: list[EmailAddress] = []

    @field_validator("outbox")
    @classmethod
    def _inside_the_outbox_root(cls, value: str | None) -> str | None:
        # Where a symbolic link leads is known only on delivery (the outbox root is the machine's); the text is checked
        # here.
        reason = path_problem(value) if value is not None else None
        if reason:
            raise ValueError(
                "a folder relative to the reports folder (or to $EVALREPORT_OUTBOX_ROOT), such as "
                f"udvalg/beskaeftigelse; this one {reason}"
            )
        return value

    @field_validator("email", mode="before")
    @classmethod
    def _one_or_more(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class Committee(Strict):
    """A committee (udvalg, integrationsråd, formannskap) that gets a status of the project on a schedule, or, without
    a schedule, one that recommendations are sent to (recommendations.csv `to`) and that gets no status."""

    name: OneLine = Field(min_length=1)
    report: SafeName = "status_report"  # a notebook in notebooks/
    schedule: Schedule | None = None  # None: no yearly status
    language: Language | None = None  # None: the project's language
    unit: str | None = None  # one unit's status; None: the whole project
    delivery: Delivery = Delivery()
    # The committee case (docs/committees.md): the case's number in the agenda system, and the meetings it may be on.
    case_number: OneLine | None = None
    meetings: list[date] = []

    @field_validator("unit", mode="before")
    @classmethod
    def _unit_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


# Where the evaluator's own notebook may stand in the end report: after one of these parts.
SectionPlace = Literal[
    "summary",
    "introduction",
    "criteria",
    "survey",
    "milestones",
    "recommendations",
    "activities",
    "economy",
    "conclusion",
    "lessons",
]


class NotebookSection(Strict):
    """A notebook of the evaluator's own in the project folder, shown as a section of the end report."""

    notebook: str
    title: OneLine = Field(min_length=1)
    after: SectionPlace = "criteria"

    @field_validator("notebook")
    @classmethod
    def _a_notebook_in_the_folder(cls, value: str) -> str:
        reason = path_problem(value)
        if reason:
            raise ValueError(f"a notebook in the project folder, such as analysis/boligmarked.ipynb; this one {reason}")
        if not value.endswith(".ipynb"):
            raise ValueError("a Jupyter notebook, a file ending in .ipynb")
        return value


class ProjectSpec(Strict):
    title: Named
    owner: Named
    language: Language
    period: Period
    unit_noun: UnitNoun = UnitNoun(singular="unit", plural="units")
    units: list[Unit] = []
    reports: list[SafeName] = ["end_report"]
    files: Files = Files()
    indicators: dict[str, IndicatorSpec] = {}
    survey: SurveySpec | None = None
    thresholds: Thresholds = Thresholds()
    provisional: Provisional = "not_judged"  # each criterion's rule for provisional figures, unless it has its own
    criteria: list[Criterion] = []
    report: ReportSettings = ReportSettings()
    committees: list[Committee] = []
    # Who takes part in activities, by code: the `participants_<code>` columns of activities.csv. The survey's groups
    # may be used there too, without being listed here.
    participant_groups: dict[str, str] = {}
    # The evaluator's own analyses, each a notebook shown as a section of the end report (docs/inputs.md, Sections).
    sections: list[NotebookSection] = []

    def participant_group_label(self, code: str) -> str:
        groups = {**(self.survey.groups if self.survey else {}), **self.participant_groups}
        return groups.get(code, code)

    def unit_name(self, unit_id: str | None) -> str | None:
        return {u.id: u.name for u in self.units}.get(unit_id) if unit_id else None

    @property
    def min_group_size(self) -> int:
        """The smallest group of respondents a report may show: the codebook's, or the house's."""
        return self.survey.min_group_size if self.survey else MIN_GROUP_SIZE

    def thresholds_for(self, criterion: Criterion) -> Thresholds:
        return criterion.thresholds or self.thresholds

    def provisional_for(self, criterion: Criterion) -> Provisional:
        return criterion.provisional or self.provisional
