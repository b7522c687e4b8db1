"""Validate each canonical table against project.yaml and return it typed; collect every problem, then raise once."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.analysis.budget import BUDGET_COLUMNS, empty_budget
from pipeline.analysis.privacy import REDACTED, redact
from pipeline.errors import EvalreportError, InputError, Problem, grouped
from pipeline.paths import NAME_RULE, name_problem
from pipeline.periods import parse_period
from pipeline.sources.csv import read_table
from pipeline.sources.frame import STANDARD_MISSING
from pipeline.spec import Item, ProjectSpec
from pipeline.text import one_line
from pipeline.vocabulary import ASSESSMENT_STATUSES, DECIDED_STATUSES, MILESTONE_STATUSES, RECOMMENDATION_STATUSES

INDICATOR_COLUMNS = ["unit", "indicator", "period", "value"]
SURVEY_COLUMNS = ["respondent_id", "wave", "group", "unit"]
MILESTONE_COLUMNS = ["id", "title", "unit", "phase", "planned", "actual", "status"]
ASSESSMENT_COLUMNS = ["criterion", "period", "status", "justification"]


# Recommendations followed up over the years (docs/inputs.md, recommendations.csv).
RECOMMENDATION_COLUMNS = [
    "id",
    "title",
    "source",
    "given",
    "to",
    "decision",
    "decided",
    "status",
    "follow_up",
    "updated",
]
RECOMMENDATION_REQUIRED = ["id", "title", "source", "given", "to", "status"]

# Activities held and who took part (docs/inputs.md, activities.csv); `participants_<group>` columns beside them.
ACTIVITY_COLUMNS = ["id", "date", "title", "kind", "unit", "participants", "themes"]
ACTIVITY_REQUIRED = ["id", "date", "title", "kind", "participants"]
PARTICIPANTS_PREFIX = "participants_"

# The project's budget (docs/inputs.md, budget.csv): amounts in kroner, per year, post and source of funding.
BUDGET_REQUIRED = ["year", "post", "budget"]
BUDGET_AMOUNTS = ("budget", "spent", "cofinancing")

# The decisions committees took on the project's cases (docs/inputs.md, decisions.csv; `evalreport decide` adds one).
DECISIONS_FILE = "decisions.csv"
DECISION_COLUMNS = ["committee", "period", "date", "decision"]

_THOUSANDS_WITH_DOTS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")

# Text written by people outside the evaluator's hands (respondents, project staff, partners) that reports show:
# redacted as the table is read, so that no analysis, notebook, audit copy, results.json, workbook or e-mail ever
# holds the identifier. A survey item of kind `text` is free text too. docs/methods.md (Privacy) lists them.
FREE_TEXT = {
    "indicators": ("note",),
    "milestones": ("title", "phase"),
    "assessments": ("justification", "assessor"),
    "recommendations": ("title", "source", "decision", "follow_up"),
    "activities": ("title", "kind", "themes"),
    "budget": ("post", "source"),
    "decisions": ("decision",),
}


class Rows:
    """Walks a raw table row by row and records problems with the row's line in the file; its free-text columns
    are redacted before anything reads them."""

    def __init__(self, frame: pd.DataFrame, free_text: Iterable[str] = ()):
        for column in free_text:
            if column in frame:  # an optional column may be absent
                written = frame[column] != ""  # most comment cells of a big survey are empty
                frame.loc[written, column] = frame.loc[written, column].map(redact)
        self.frame = frame
        self.file = frame.attrs["file"]
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []  # what the table holds that no report will show: said, and the report is made

    def __iter__(self):
        # Rows as dicts: iterrows makes a Series per row and copies the table's attrs into each (seconds per 50,000
        # rows).
        yield from zip(self.frame.attrs["line"], self.frame.to_dict("records"))

    def problem(self, line: int, field: str, expected: str, found: str, note: str = "") -> None:
        if len(found) > 80:  # a pasted document in a cell: show its start, not all of it
            shown = f"{found[:60]!r}… ({len(found):,} characters)"
        else:
            shown = repr(found) if found else "an empty cell"
        self.problems.append(Problem(self.file, line, field, expected, f"{shown} {note}" if note else shown))

    def notice(self, line: int, field: str, expected: str, found: str) -> None:
        self.notices.append(Problem(self.file, line, field, expected, found))

    def outside_period(self, line: int, field: str, year: int | None, spec: ProjectSpec, cell: str) -> None:
        """A row of a year outside the project's period is read, and shown in no report: say so."""
        period = spec.period
        if year is not None and not period.contains(year):
            self.notice(
                line,
                field,
                f"a date in the project's period {period.year_label(period.start)}–{period.year_label(period.end)}",
                f"{cell!r}, outside it: the row is shown in no report",
            )

    def finished(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The parsed table, carrying the notices for `load_project` to collect."""
        frame.attrs["notices"] = self.notices
        return frame

    def check(self, line: int, field: str, value, parse: Callable, expected: str):
        """Parse one cell; on failure record a problem and return None."""
        try:
            return parse(value)
        except ValueError:
            self.problem(line, field, expected, value)
            return None

    def judged(self, cells: pd.Series | list[Any], judge: Callable[[Any, int], object]) -> np.ndarray:
        """`judge(cell, line)` for each row's cell, called once per distinct cell: a survey repeats a handful of
        answers a million times. The problems it records for a cell are recorded for every row holding it. The
        verdicts come back as an array of objects, a row's cell's verdict in its place."""
        if isinstance(cells, pd.Series):
            codes, found = pd.factorize(cells, use_na_sentinel=False)
            distinct = found.tolist()
        else:  # tuples of several columns' cells
            numbers: dict = {}
            codes = np.fromiter((numbers.setdefault(cell, len(numbers)) for cell in cells), np.intp, len(cells))
            distinct = list(numbers)
        verdicts, faulty = np.empty(len(distinct), dtype=object), {}
        for code, cell in enumerate(distinct):
            before = len(self.problems)
            verdicts[code] = judge(cell, 0)
            if len(self.problems) > before:
                faulty[code] = self.problems[before:]
                del self.problems[before:]
        if faulty:
            lines = self.frame.attrs["line"]
            for row in np.flatnonzero(np.isin(codes, list(faulty))):
                self.problems.extend(replace(problem, row=lines[row]) for problem in faulty[codes[row]])
        return verdicts[codes]

    def raise_if_any(self) -> None:
        if self.problems:
            raise InputError(grouped(self.problems))


def parse_year(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(text)
    return int(text)


def project_year(spec: ProjectSpec, example: int = 2016) -> tuple[Callable[[str], int], str]:
    """How a table's year cell is read in the project's years, and what is expected of it: a year such as 2016, or on
    fiscal or school years the year's label (2018/19) or a day inside it."""
    period = spec.period
    if not period.split:
        return parse_year, f"a year such as {example}"
    label = period.year_label(period.start)
    return period.parse_year, (
        f"a year of the project written {label} (or {label.replace('/', '-')}), or a day inside one such as "
        f"{period.last_day(period.start).isoformat()}: its years begin in month {period.start_month}, so "
        f"{period.start} alone "
        "does not say which"
    )


def parse_date(text: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(text)
    return date.fromisoformat(text)


def parse_number(text: str, decimal_comma: bool) -> float:
    """A non-negative number; with a decimal comma, '1.234,5' and '12,5' read as 1234.5 and 12.5."""
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if decimal_comma:
        if "," in cleaned:
            cleaned = cleaned.replace(".", "").replace(",", ".")
        elif _THOUSANDS_WITH_DOTS.match(cleaned):
            raise ValueError(text)  # '1.234' could be 1234 or 1,234: the user must say which
    value = float(cleaned)
    if value < 0 or not math.isfinite(value):
        raise ValueError(text)
    return value


def _unit_checker(spec: ProjectSpec, rows: Rows):
    unit_ids = {u.id for u in spec.units}
    listed = (
        sorted(unit_ids) if len(unit_ids) <= 20 else f"({len(unit_ids):,}, from {min(unit_ids)!r} to {max(unit_ids)!r})"
    )
    expected = (
        f"one of the units in project.yaml {listed} or empty"
        if unit_ids
        else "an empty cell (the project declares no units)"
    )

    def check_unit(line: int, unit: str) -> None:
        if unit and unit not in unit_ids:
            rows.problem(line, "unit", expected, unit)

    return check_unit


def parse_indicators(path: Path, spec: ProjectSpec) -> pd.DataFrame:
    # Statistics offices write '..' or ':' for a figure they do not have (SSB, Statistics Denmark, Eurostat).
    raw = read_table(path, INDICATOR_COLUMNS, missing=STANDARD_MISSING)
    rows = Rows(raw, FREE_TEXT["indicators"])
    check_unit = _unit_checker(spec, rows)
    records, seen = [], dict[tuple[str, str, int | None], int]()
    for line, row in rows:
        check_unit(line, row["unit"])
        if row["indicator"] not in spec.indicators:
            rows.problem(
                line, "indicator", f"an indicator declared in project.yaml {sorted(spec.indicators)}", row["indicator"]
            )
        year = rows.check(line, "period", row["period"], *project_year(spec))
        rows.outside_period(line, "period", year, spec, row["period"])
        value = float("nan")
        if row["value"]:
            example = (
                "a number ≥ 0 such as 12,5 (or empty for no data)"
                if raw.attrs["decimal_comma"]
                else "a number ≥ 0 such as 12.5 (or empty for no data)"
            )
            parsed = rows.check(
                line, "value", row["value"], lambda t: parse_number(t, raw.attrs["decimal_comma"]), example
            )
            value = float("nan") if parsed is None else parsed
        key = (row["unit"], row["indicator"], year)
        if year is not None and key in seen:
            rows.problem(
                line,
                "period",
                "one row per unit, indicator and year",
                row["period"],
                f"again (row {seen[key]} has the same unit, indicator and year)",
            )
        seen.setdefault(key, line)
        coverage = _coverage(rows, line, row, year, spec)
        provisional = _provisional(rows, line, row) or coverage is not None
        if provisional and year is not None:
            counted = f"counted up to {coverage.isoformat()}" if coverage else "marked provisional"
            rows.notice(
                line,
                "coverage" if coverage else "provisional",
                f"a final figure for the whole of {year}",
                f"a figure {counted}: the criteria it enters say 'provisional' and are judged as project.yaml's "
                f"`provisional:` says ({spec.provisional}, unless a criterion says otherwise)",
            )
        records.append(
            {
                "unit": row["unit"],
                "indicator": row["indicator"],
                "period": year,
                "value": value,
                "note": row.get("note", ""),
                "provisional": provisional,
                "coverage": coverage,
            }
        )
    rows.raise_if_any()
    frame = pd.DataFrame.from_records(records, columns=INDICATOR_TABLE)
    return rows.finished(frame.astype({"period": int, "value": float, "provisional": bool}))


# The indicator table as the analyses read it: a figure may be provisional, counted only up to its `coverage` day.
INDICATOR_TABLE = ["unit", "indicator", "period", "value", "note", "provisional", "coverage"]
YES_WORDS, NO_WORDS = {"true", "yes", "ja", "1", "x"}, {"false", "no", "nej", "nei", "0", ""}


def _provisional(rows: Rows, line: int, row: dict) -> bool:
    """The optional `provisional` column: true (yes, ja, 1, x) for a figure that will still change."""
    cell = row.get("provisional", "")
    if cell.lower() not in YES_WORDS | NO_WORDS:
        rows.problem(line, "provisional", "true or false (or yes/no, ja/nej/nei, 1/0), or an empty cell", cell)
        return False
    return cell.lower() in YES_WORDS


def _coverage(rows: Rows, line: int, row: dict, year: int | None, spec: ProjectSpec) -> date | None:
    """The optional `coverage` column: the last day a provisional figure counts, inside its year. The year's last day
    is no coverage: the figure covers the whole year."""
    cell = row.get("coverage", "")
    if not cell:
        return None
    day = rows.check(line, "coverage", cell, parse_date, "the last day the figure counts, such as 2026-10-31")
    if day is None or year is None:
        return None
    if spec.period.year_of(day) != year:
        rows.problem(line, "coverage", f"a day in the figure's year {spec.period.year_label(year)}", cell)
        return None
    return None if day == spec.period.last_day(year) else day


def parse_survey(path: Path, spec: ProjectSpec) -> pd.DataFrame:
    if spec.survey is None:
        raise InputError(
            [Problem("project.yaml", None, "survey", "a survey codebook, since files.survey is given", "none")]
        )
    codebook = spec.survey
    item_columns = [column for columns in codebook.item_columns.values() for column in columns]
    raw = read_table(path, SURVEY_COLUMNS + item_columns)
    rows = Rows(raw, [item_id for item_id, item in codebook.items.items() if item.kind == "text"])
    extra = [c for c in raw.columns if c not in SURVEY_COLUMNS and c not in item_columns]
    for column in extra:
        rows.problems.append(
            Problem(
                raw.attrs["file"],
                1,
                column,
                "a column declared under survey.items in project.yaml",
                "an undeclared column" if column else "a column with no name",
            )
        )
    check_unit = _unit_checker(spec, rows)
    waves = [w.id for w in codebook.waves]
    _check_respondent_ids(raw, rows)
    # The other columns are judged value by value (see Rows.judged); the problems are then put back in the order of
    # the rows, as a reader goes through the file.
    rows.judged(
        raw["wave"],
        lambda wave, line: (
            None if wave in waves else rows.problem(line, "wave", f"one of the waves in project.yaml {waves}", wave)
        ),
    )
    groups = sorted(codebook.groups)
    rows.judged(
        raw["group"],
        lambda group, line: (
            None
            if group in codebook.groups
            else rows.problem(line, "group", f"one of the groups in project.yaml {groups}", group)
        ),
    )
    rows.judged(raw["unit"], lambda unit, line: check_unit(line, unit))
    answers: dict[str, Any] = {}  # each question's verdicts, a row's in its place: an array or a list
    for item_id, item in codebook.items.items():
        if item.columns:
            columns = list(item.columns)
            cells = list(zip(*(raw[column].tolist() for column in columns)))

            def ticked(cell: tuple[str, ...], line: int, item: Item = item, columns: list[str] = columns) -> object:
                return _ticked_columns(dict(zip(columns, cell)), item, rows, line)

            answers[item_id] = rows.judged(cells, ticked)
        elif item.kind == "text":
            answers[item_id] = [
                cell or None for cell in raw[item_id].tolist()
            ]  # redacted by Rows; not judged: each is its own
        else:

            def answer(cell: str, line: int, item: Item = item, item_id: str = item_id) -> object:
                return _answer(cell, item, codebook, rows, line, item_id)

            answers[item_id] = rows.judged(raw[item_id], answer)
    rows.problems.sort(key=lambda problem: problem.row or 0)
    _check_invited(raw, codebook, rows)
    rows.raise_if_any()
    frame = raw[SURVEY_COLUMNS].copy()
    for item_id, values in answers.items():
        frame[item_id] = pd.Series(values, index=frame.index, dtype=object)
    return frame


def _check_respondent_ids(raw: pd.DataFrame, rows: Rows) -> None:
    """Each respondent has an id, used once within a wave; the rows are gone through one by one only when not."""
    ids = raw["respondent_id"]
    if not (ids == "").any() and not (ids.duplicated().any() and raw[["wave", "respondent_id"]].duplicated().any()):
        return  # ids unique in the file are unique within each wave; a panel's ids repeat across waves
    first_of: dict[tuple[str, str], int] = {}
    for line, key in zip(raw.attrs["line"], zip(raw["wave"].tolist(), raw["respondent_id"].tolist())):
        if not key[1]:
            rows.problem(line, "respondent_id", "an id for the respondent", key[1])
        elif key in first_of:
            rows.problem(
                line,
                "respondent_id",
                "ids unique within a wave",
                key[1],
                f"again (row {first_of[key]} has it in the same wave)",
            )
        first_of.setdefault(key, line)


def _answer(cell: str, item, codebook, rows: Rows, line: int, item_id: str):
    """One cell as the analysis reads it: a scale label, a 0-10 score, a comment (redacted by Rows), an option, the
    options ticked (a tuple in the questionnaire's order), a number, or None if blank."""
    if not cell:
        return None
    if item.kind == "text":
        return cell
    if item.kind == "nps":
        return rows.check(
            line, item_id, cell, _nps_score, "a whole number from 0 to 10 (how likely to recommend), or empty"
        )
    if item.kind == "number":
        decimal_comma = rows.frame.attrs.get("decimal_comma", False)
        return rows.check(
            line,
            item_id,
            cell,
            lambda text: parse_amount(text, decimal_comma),
            "a number such as 12 or 2,5 (a count or an amount), or empty",
        )
    if item.kind == "choice":
        if cell in item.options:
            return cell
        rows.problem(line, item_id, f"one of the options in project.yaml: {_listed(item.options)}", cell)
        return None
    if item.kind == "multi":
        return _ticked_in_cell(cell, item, rows, line, item_id)
    scale = codebook.scales[item.scale]
    return _likert_label(cell, scale.labels, scale.dont_know, rows, line, item_id)


def _ticked_in_cell(cell: str, item, rows: Rows, line: int, item_id: str) -> tuple[str, ...] | None:
    """The options ticked (in the questionnaire's order), from one cell joining them with the item's separator."""
    ticked = {part.strip() for part in cell.split(item.split_by)} - {""}
    unknown = sorted(part for part in ticked if part not in item.options)
    if unknown:
        expected = f"options from project.yaml joined by '{item.split_by}': {_listed(item.options)}"
        rows.problem(line, item_id, expected, cell, f"({_listed(unknown)} not among them)")
        return None
    return tuple(option for option in item.options if option in ticked) or None


# How a tool marks an option ticked, or not, in the option's own column (besides writing the option itself).
_TICKED = {"1", "x", "ja", "yes", "y", "true"}
_NOT_TICKED = {"0", "nej", "nei", "no", "n", "false"}


def _ticked_columns(row: dict, item, rows: Rows, line: int) -> tuple[str, ...] | None:
    """The options ticked, from a column per option; a respondent whose columns are all empty did not answer."""
    ticked = []
    for column, option in item.columns.items():
        cell = row[column]
        if cell == option or cell.casefold() in _TICKED:
            ticked.append(option)
        elif cell and cell.casefold() not in _NOT_TICKED:
            rows.problem(line, column, f"1 or '{option}' when the option is ticked, 0 or an empty cell when not", cell)
    return tuple(ticked) if any(row[column] for column in item.columns) else None


def parse_amount(text: str, decimal_comma: bool) -> float:
    """A count or an amount a respondent gave: '12', '-3', '2.5', or with a decimal comma '2,5' in any file (people
    in Denmark and Norway write one whatever the file's delimiter), and '1.234,5' in a file that uses them."""
    cleaned = text.strip().replace("\u2212", "-")
    digits = cleaned.removeprefix("-")
    lone_comma = (
        "," in digits and "." not in digits and not re.fullmatch(r"\d{1,3}(,\d{3})+", digits)
    )  # 1,234: a thousand
    value = parse_number(digits, decimal_comma or lone_comma)
    return -value if cleaned.startswith("-") else value


def _listed(options: list[str], limit: int = 12) -> str:
    shown = ", ".join(f"'{option}'" for option in options[:limit])
    return shown + (f" and {len(options) - limit} more" if len(options) > limit else "")


def _nps_score(cell: str) -> int:
    if not (cell.isdecimal() and 0 <= int(cell) <= 10):
        raise ValueError(cell)
    return int(cell)


def _check_invited(raw: pd.DataFrame, codebook, rows: Rows) -> None:
    """More respondents than were invited means a wrong count in project.yaml (or a wrong wave or group)."""
    counts = raw.groupby(["wave", "group"]).size()
    for wave, groups in codebook.invited.items():
        for group, invited in groups.items():
            answered = int(counts.get((wave, group), 0))
            if answered > invited:
                rows.problems.append(
                    Problem(
                        rows.file,
                        None,
                        "group",
                        (
                            f"at most {invited} respondents in group '{group}' of wave '{wave}' (survey.invited "
                            "in project.yaml)"
                        ),
                        f"{answered} rows",
                    )
                )


def _likert_label(
    cell: str, labels: list[str], dont_know: list[str], rows: Rows, line: int, item_id: str
) -> str | None:
    """The scale label a cell stands for: the label itself, or its position counted from 1."""
    if cell in labels or cell in dont_know:
        return cell
    if cell.isdecimal() and len(cell) <= 3 and 1 <= int(cell) <= len(labels):  # int() refuses 4300 digits or more
        return labels[int(cell) - 1]
    choices = ", ".join(f"'{x}'" for x in labels + dont_know)
    rows.problem(line, item_id, f"one of {choices} or a number 1-{len(labels)}", cell)
    return None


def parse_milestones(path: Path, spec: ProjectSpec) -> pd.DataFrame:
    """The milestones table; `forecast` is an optional column: when a milestone not yet done is now expected."""
    raw = read_table(path, MILESTONE_COLUMNS)
    rows = Rows(raw, FREE_TEXT["milestones"])
    check_unit = _unit_checker(spec, rows)
    records, seen = [], dict[str, int]()
    for line, row in rows:
        _check_id(rows, line, row["id"], seen, "the milestone")
        if not row["title"]:
            rows.problem(line, "title", "a title", "")
        check_unit(line, row["unit"])
        planned = rows.check(line, "planned", row["planned"], parse_date, "a date written YYYY-MM-DD")
        actual = (
            rows.check(line, "actual", row["actual"], parse_date, "a date written YYYY-MM-DD, or empty")
            if row["actual"]
            else None
        )
        status = row["status"] or ("done" if row["actual"] else "open")
        if status not in MILESTONE_STATUSES:
            rows.problem(line, "status", f"one of {', '.join(MILESTONE_STATUSES)} or empty", row["status"])
        elif status == "done" and not row["actual"]:
            rows.problem(line, "actual", "the date it was done, since status is 'done'", "")
        elif status != "done" and row["actual"]:
            rows.problem(line, "status", "'done' or empty, since an actual date is given", row["status"])
        forecast = None
        if row.get("forecast") and status in ("done", "cancelled"):
            rows.problem(
                line,
                "forecast",
                f"an empty cell: only a milestone not yet done has a forecast, and this one is {status}",
                row["forecast"],
            )
        elif row.get("forecast"):
            forecast = rows.check(line, "forecast", row["forecast"], parse_date, "a date written YYYY-MM-DD, or empty")
        # A title and a phase are labels (chart rows, table cells, page lines): one line, as project.yaml's titles are.
        record = {
            "id": row["id"],
            "title": one_line(row["title"]),
            "unit": row["unit"],
            "phase": one_line(row["phase"]),
        }
        records.append({**record, "planned": planned, "actual": actual, "status": status, "forecast": forecast})
    rows.raise_if_any()
    return pd.DataFrame.from_records(records, columns=MILESTONE_COLUMNS + ["forecast"])


def parse_assessments(path: Path, spec: ProjectSpec) -> pd.DataFrame:
    raw = read_table(path, ASSESSMENT_COLUMNS)
    rows = Rows(raw, FREE_TEXT["assessments"])
    assessed = [c.id for c in spec.criteria if c.measure.kind == "assessment"]
    records = []
    for line, row in rows:
        if row["criterion"] not in assessed:
            rows.problem(line, "criterion", f"a criterion measured by assessment {assessed}", row["criterion"])
        year = rows.check(line, "period", row["period"], *project_year(spec))
        if row["status"] not in ASSESSMENT_STATUSES:
            rows.problem(line, "status", f"one of {', '.join(ASSESSMENT_STATUSES)}", row["status"])
        if row["status"] != "not_assessed" and not row["justification"]:
            rows.problem(line, "justification", "a justification of the status", "")
        assessed_on = (
            rows.check(line, "date", row["date"], parse_date, "a date written YYYY-MM-DD, or empty")
            if row.get("date")
            else None
        )
        records.append(
            {
                "criterion": row["criterion"],
                "period": year,
                "status": row["status"],
                "justification": row["justification"],
                "assessor": row.get("assessor", ""),
                "date": assessed_on,
            }
        )
    rows.raise_if_any()
    return pd.DataFrame.from_records(records, columns=ASSESSMENT_COLUMNS + ["assessor", "date"])


def empty_indicators(_spec: ProjectSpec) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit": pd.Series(dtype=str),
            "indicator": pd.Series(dtype=str),
            "period": pd.Series(dtype=int),
            "value": pd.Series(dtype=float),
            "note": pd.Series(dtype=str),
            "provisional": pd.Series(dtype=bool),
            "coverage": pd.Series(dtype=object),
        }
    )


def empty_survey(spec: ProjectSpec) -> pd.DataFrame:
    items = list(spec.survey.items) if spec.survey else []
    return pd.DataFrame(columns=SURVEY_COLUMNS + items, dtype=object)


def empty_milestones(_spec: ProjectSpec) -> pd.DataFrame:
    return pd.DataFrame(columns=MILESTONE_COLUMNS, dtype=object)


def empty_assessments(_spec: ProjectSpec) -> pd.DataFrame:
    return pd.DataFrame(columns=ASSESSMENT_COLUMNS + ["assessor", "date"], dtype=object)


def parse_recommendations(path: Path, spec: ProjectSpec) -> pd.DataFrame:
    """Recommendations and their follow-up: who gave each and when, the committees it went to, the decision and
    its day, its status now and the latest note on it."""
    raw = read_table(path, RECOMMENDATION_REQUIRED)
    rows = Rows(raw, FREE_TEXT["recommendations"])
    _check_columns(raw, RECOMMENDATION_COLUMNS, rows)
    committees = [committee.name for committee in spec.committees]
    records, seen = [], dict[str, int]()
    for line, row in rows:
        _check_id(rows, line, row["id"], seen, "the recommendation")
        for column in ("title", "source"):
            if not row[column]:
                rows.problem(
                    line,
                    column,
                    {"title": "the recommendation's title", "source": "who gave it (a think-tank, the evaluation)"}[
                        column
                    ],
                    "",
                )
        given = rows.check(line, "given", row["given"], parse_date, "the date it was given, written YYYY-MM-DD")
        sent_to = _split(row["to"])
        for name in sent_to:
            if name not in committees:
                expected = (
                    f"committees from project.yaml separated by ';' ({_listed(committees)})"
                    if committees
                    else "an empty cell (project.yaml lists no committees)"
                )
                rows.problem(line, "to", expected, row["to"], f"('{name}' is not one of them)")
        status = row["status"]
        if status not in RECOMMENDATION_STATUSES:
            rows.problem(line, "status", f"one of {', '.join(RECOMMENDATION_STATUSES)}", status)
        decided = _later_date(rows, line, row, "decided", given)
        if status in DECIDED_STATUSES and not row.get("decided"):
            rows.problem(line, "decided", f"the date of the decision, since the status is '{status}'", "")
        elif status == "proposed" and row.get("decided"):
            rows.problem(
                line,
                "status",
                "a status after the decision (adopted, in_progress, implemented or rejected), since it was decided on",
                status,
            )
        updated = _later_date(rows, line, row, "updated", given)
        records.append(
            {
                "id": row["id"],
                "title": one_line(row["title"]),
                "source": one_line(row["source"]),
                "given": given,
                "to": sent_to,
                "decision": one_line(row.get("decision", "")),
                "decided": decided,
                "status": status,
                "follow_up": one_line(row.get("follow_up", "")),
                "updated": updated,
            }
        )
    rows.raise_if_any()
    return pd.DataFrame.from_records(records, columns=RECOMMENDATION_COLUMNS)


def parse_activities(path: Path, spec: ProjectSpec) -> pd.DataFrame:
    """Activities held (meetings, workshops, courses): when, what kind, for which unit, how many took part in all
    and by group (a dict of group code → count), and the themes they worked on."""
    raw = read_table(path, ACTIVITY_REQUIRED)
    rows = Rows(raw, FREE_TEXT["activities"])
    known_groups = {**(spec.survey.groups if spec.survey else {}), **spec.participant_groups}
    group_columns = [column for column in raw.columns if column.startswith(PARTICIPANTS_PREFIX)]
    for column in group_columns:
        if column.removeprefix(PARTICIPANTS_PREFIX) not in known_groups:
            expected = (
                "participants_<group> with a group code from participant_groups or survey.groups in project.yaml "
                f"({_listed(sorted(known_groups))})"
            )
            rows.problems.append(
                Problem(
                    rows.file,
                    1,
                    column,
                    expected
                    if known_groups
                    else "no participants_ columns: project.yaml declares no participant_groups",
                    "an undeclared group",
                )
            )
    _check_columns(raw, ACTIVITY_COLUMNS + group_columns, rows)
    check_unit = _unit_checker(spec, rows)
    records, seen = [], dict[str, int]()
    for line, row in rows:
        _check_id(rows, line, row["id"], seen, "the activity")
        held = rows.check(line, "date", row["date"], parse_date, "the date it was held, written YYYY-MM-DD")
        rows.outside_period(line, "date", spec.period.year_of(held) if held else None, spec, row["date"])
        for column in ("title", "kind"):
            if not row[column]:
                rows.problem(
                    line,
                    column,
                    {
                        "title": "the activity's title",
                        "kind": "what kind of activity it was, such as Forummøde or Temamøde",
                    }[column],
                    "",
                )
        check_unit(line, row.get("unit", ""))
        participants = _count(rows, line, "participants", row["participants"])
        groups = {}
        for column in group_columns:
            count = _count(rows, line, column, row[column])
            if count is not None:
                groups[column.removeprefix(PARTICIPANTS_PREFIX)] = count
        if participants is not None and sum(groups.values()) > participants:
            rows.problem(
                line,
                "participants",
                f"at least the participants counted by group ({sum(groups.values())})",
                row["participants"],
            )
        if participants is None and groups:
            participants = sum(groups.values())  # counted by group only: the total is their sum
        records.append(
            {
                "id": row["id"],
                "date": held,
                "title": one_line(row["title"]),
                "kind": one_line(row["kind"]),
                "unit": row.get("unit", ""),
                "participants": participants,
                "themes": tuple(one_line(theme) for theme in _split(row.get("themes", ""))),
                "groups": groups,
                "year": spec.period.year_of(held)
                if held
                else None,  # the project's year that holds it (2018 for 2018/19)
            }
        )
    rows.raise_if_any()
    return rows.finished(
        pd.DataFrame.from_records(records, columns=ACTIVITY_COLUMNS + ["groups", "year"]).astype(
            {"participants": "Int64"}
        )
    )  # empty: not counted


# An id is published as written (a milestone's, recommendation's or activity's, in every report and export), so it
# is a short code that names a row, never a person's identifier.
ID_RULE = f"{NAME_RULE}, holding no e-mail address, CPR, national identity or phone number (A1, M03)"


def _check_id(rows: Rows, line: int, value: str, seen: dict[str, int], what: str) -> None:
    if not value:
        rows.problem(line, "id", f"an id for {what}", value)
    elif value in seen:
        rows.problem(line, "id", "each id once", value, f"again (row {seen[value]} has it)")
    elif name_problem(value) or redact(value) != value:
        shown = redact(value)  # the problem is printed and may be mailed: the identifier is not repeated
        reason = name_problem(value) if REDACTED not in shown else "holds a personal identifier"
        rows.problem(line, "id", ID_RULE, shown, f"which {reason}")
    seen.setdefault(value, line)


def _check_columns(raw: pd.DataFrame, known: list[str], rows: Rows) -> None:
    """A column the table does not have is a misspelling (`particpants`) or the wrong file: say so, at the header."""
    for column in raw.columns:
        if column not in known and not column.startswith(PARTICIPANTS_PREFIX):
            rows.problems.append(
                Problem(
                    rows.file,
                    1,
                    column or None,
                    f"only the columns {', '.join(known)}",
                    "an unknown column" if column else "a column with no name",
                )
            )


def _split(cell: str) -> tuple[str, ...]:
    """'Beskæftigelsesudvalget; Børne- og Ungdomsudvalget' → both names; empty parts are dropped."""
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _later_date(rows: Rows, line: int, row: dict, column: str, given: date | None) -> date | None:
    """An optional date that cannot come before the recommendation was given."""
    if not row.get(column):
        return None
    day = rows.check(line, column, row[column], parse_date, "a date written YYYY-MM-DD, or empty")
    if day is not None and given is not None and day < given:
        rows.problem(
            line, column, f"a date on or after {given.isoformat()}, when the recommendation was given", row[column]
        )
    return day


def _count(rows: Rows, line: int, column: str, cell: str) -> int | None:
    """A number of people: a whole number ≥ 0, or empty for not counted (never read as 0)."""
    if not cell:
        return None
    if not (cell.isdecimal() and len(cell) <= 9):
        rows.problem(line, column, "a whole number of people ≥ 0, or empty if not counted", cell)
        return None
    return int(cell)


def empty_recommendations(_spec: ProjectSpec | None = None) -> pd.DataFrame:
    return pd.DataFrame(columns=RECOMMENDATION_COLUMNS, dtype=object)


def empty_activities(_spec: ProjectSpec | None = None) -> pd.DataFrame:
    return pd.DataFrame(columns=ACTIVITY_COLUMNS + ["groups", "year"], dtype=object)


def parse_budget(path: Path, spec: ProjectSpec) -> pd.DataFrame:
    """The budget: one row per year, post and source of funding, with the amount budgeted and, where known, spent and
    co-financed by others (kroner; an empty cell is not known, never 0)."""
    raw = read_table(path, BUDGET_REQUIRED)
    rows = Rows(raw, FREE_TEXT["budget"])
    _check_columns(raw, BUDGET_COLUMNS, rows)
    comma = raw.attrs["decimal_comma"]
    example = "an amount in kroner ≥ 0 such as 250.000 or 250000" + (" (or empty if not known)" if comma else "")
    records = []
    for line, row in rows:
        year = rows.check(line, "year", row["year"], *project_year(spec, 2025))
        if year is not None and not spec.period.contains(year):
            rows.problem(
                line,
                "year",
                (
                    "a year of the project's period "
                    f"{spec.period.year_label(spec.period.start)}–{spec.period.year_label(spec.period.end)}"
                ),
                row["year"],
            )
        if not row["post"]:
            rows.problem(line, "post", "what the money is for, such as Koordinator or Aktiviteter", "")
        amounts = {}
        for column in BUDGET_AMOUNTS:
            cell = row.get(column, "")
            if not cell:
                if column == "budget":
                    rows.problem(line, column, "the amount budgeted, in kroner", "")
                amounts[column] = float("nan")
                continue
            parsed = rows.check(line, column, cell, lambda text: _kroner(text, comma), example)
            amounts[column] = float("nan") if parsed is None else parsed
        if amounts["cofinancing"] > amounts["budget"]:
            rows.problem(line, "cofinancing", f"at most the amount budgeted ({row['budget']})", row["cofinancing"])
        records.append(
            {"year": year, "post": one_line(row["post"]), "source": one_line(row.get("source", "")), **amounts}
        )
    rows.raise_if_any()
    return pd.DataFrame.from_records(records, columns=BUDGET_COLUMNS).astype(
        {"year": int, **{c: float for c in BUDGET_AMOUNTS}}
    )


def _kroner(text: str, decimal_comma: bool) -> float:
    """'6.645.000', '6 645 000', '6645000' or '6.645.000,50': Danish and Norwegian amounts, whatever the file's
    delimiter; thousands written with dots read as thousands here, since an amount in kroner has at most two
    decimals."""
    cleaned = (
        text.replace("\u00a0", "").replace(" ", "").removeprefix("kr.").removesuffix("kr.").removesuffix("kr").strip()
    )
    if _THOUSANDS_WITH_DOTS.match(cleaned) or re.fullmatch(r"\d{1,3}(\.\d{3})+,\d{1,2}", cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    return parse_number(cleaned, decimal_comma and "," in cleaned)


def parse_decisions(path: Path, spec: ProjectSpec) -> pd.DataFrame:
    """The decisions committees took on the project's cases: which committee, on the case of which period, when, and
    what ("Indstillingen blev godkendt.")."""
    raw = read_table(path, DECISION_COLUMNS)
    rows = Rows(raw, FREE_TEXT["decisions"])
    _check_columns(raw, DECISION_COLUMNS, rows)
    committees = [committee.name for committee in spec.committees]
    records, seen = [], dict[tuple[str, str], int]()
    for line, row in rows:
        if row["committee"] not in committees:
            rows.problem(
                line,
                "committee",
                f"a committee from project.yaml ({_listed(committees)})"
                if committees
                else "a committee (project.yaml lists none)",
                row["committee"],
            )
        period = _case_period(row["period"], spec)
        if period is None:
            example = (
                f"{spec.period.year_label(spec.period.end)} or {spec.period.label}"
                if spec.period.split
                else "2025 or 2024-2025"
            )
            rows.problem(line, "period", f"the period of the case, such as {example}", row["period"])
        day = rows.check(line, "date", row["date"], parse_date, "the day of the decision, written YYYY-MM-DD")
        if not row["decision"]:
            rows.problem(line, "decision", "what the committee decided, such as: Indstillingen blev godkendt.", "")
        key = (row["committee"], period or row["period"])
        if key in seen:
            rows.problem(
                line,
                "period",
                "one decision per committee and period",
                row["period"],
                f"again (row {seen[key]} has it)",
            )
        seen.setdefault(key, line)
        records.append(
            {
                "committee": row["committee"],
                "period": period or row["period"],
                "date": day,
                "decision": one_line(row["decision"]),
            }
        )
    rows.raise_if_any()
    return pd.DataFrame.from_records(records, columns=DECISION_COLUMNS)


def _case_period(cell: str, spec: ProjectSpec) -> str | None:
    """A case's period as its report labels it ('2025', '2024-2025'; '2018/19' also when written 2018-19), or None."""
    if not spec.period.split:
        return cell if re.fullmatch(r"\d{4}(-\d{4})?", cell) else None
    try:
        return parse_period(cell, spec.period).label
    except EvalreportError:
        return None


def empty_decisions(_spec: ProjectSpec | None = None) -> pd.DataFrame:
    return pd.DataFrame(columns=DECISION_COLUMNS, dtype=object)


def empty_budget_table(_spec: ProjectSpec | None = None) -> pd.DataFrame:
    return empty_budget()
