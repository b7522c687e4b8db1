"""Turn an Export into the canonical survey table: respondent_id, wave, group, unit, then one column per item."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from pipeline.errors import EvalreportError, InputError, Problem
from pipeline.importers.export import Export, Question

# The group every respondent is in when the export has no column that tells groups apart.
DEFAULT_GROUP = "all"

_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


@dataclass
class Canonical:
    table: pd.DataFrame
    items: list[Question]
    waves: dict[str, int | None]  # each wave id in the table, in order, and its year when known
    wave_source: str  # "option", "column", "dates" or "placeholder": where the waves came from, for the review notes
    group: Question | None
    unit: Question | None
    without_answers: int  # respondents left out because they answered nothing
    status: Counter = field(default_factory=Counter)
    wave_column: Question | None = None  # the question whose answers are the waves (--wave-column)

    @property
    def wave(self) -> str:
        """The first wave's id: the only one, unless a column gives each respondent's wave."""
        return next(iter(self.waves))

    @property
    def wave_year(self) -> int | None:
        return self.waves[self.wave]


def to_canonical(
    export: Export,
    wave: str | None = None,
    group_column: str | None = None,
    unit_column: str | None = None,
    wave_column: str | None = None,
) -> Canonical:
    """The canonical table of the respondents who answered at least one item.

    `group_column`, `unit_column` and `wave_column` name an export column (its heading, item id or question text)
    whose answers become the group, unit and wave ids; without one every respondent is in group 'all' and no unit.
    Without `wave` or `wave_column`, the wave is the year most respondents answered in.
    """
    if wave and wave_column:
        raise EvalreportError(
            "--wave and --wave-column both say which wave: give one (--wave for one wave, --wave-column for "
            "a column of waves)"
        )
    chosen = {
        option: find_question(export, name)
        for option, name in (
            ("--group-column", group_column),
            ("--unit-column", unit_column),
            ("--wave-column", wave_column),
        )
        if name
    }
    _check_distinct(chosen)
    group, unit, by_wave = (chosen.get(option) for option in ("--group-column", "--unit-column", "--wave-column"))
    items = [q for q in export.questions if q not in chosen.values()]
    answers = export.answers
    answered = answers[[q.id for q in items]].ne("").any(axis=1) if items else pd.Series(False, index=answers.index)
    kept = [i for i in range(len(answers)) if answered.iloc[i]]
    if by_wave:
        row_waves, rows_by_wave = _waves_in_column(export, by_wave, kept), dict[str, list[int]]()
        for i, wave_id in zip(kept, row_waves):
            rows_by_wave.setdefault(wave_id, []).append(i)
        waves, source = {wave_id: _year(wave_id, export, rows) for wave_id, rows in rows_by_wave.items()}, "column"
    else:
        wave_id, year, source = _wave(export, kept, wave)
        row_waves, waves = [wave_id] * len(kept), {wave_id: year}
    _check_unique_ids(export, kept, row_waves)
    chosen_answers = answers.iloc[kept].reset_index(drop=True)
    table = pd.DataFrame(
        {
            "respondent_id": [export.respondent_ids[i] for i in kept],
            "wave": row_waves,
            "group": chosen_answers[group.id] if group else DEFAULT_GROUP,
            "unit": chosen_answers[unit.id] if unit else "",
        },
        index=range(len(kept)),
        dtype=object,
    )
    table = pd.concat([table, chosen_answers[[q.id for q in items]]], axis=1)
    status = Counter(export.status[i] for i in kept) if export.status else Counter()
    return Canonical(table, items, waves, source, group, unit, len(answers) - len(kept), status, by_wave)


def _check_distinct(chosen: dict[str, Question]) -> None:
    options = list(chosen)
    for n, first in enumerate(options):
        for second in options[n + 1 :]:
            if chosen[first].id == chosen[second].id:
                raise EvalreportError(
                    f"{first} and {second} both name {chosen[first].column!r}: give each its own column"
                )


def _waves_in_column(export: Export, question: Question, kept: list[int]) -> list[str]:
    """Each kept respondent's wave, the answer to `question`; a respondent without one is a problem naming the row."""
    cells = [export.answers[question.id].iloc[i].strip() for i in kept]
    problems = [
        Problem(
            export.file,
            export.lines[i],
            question.column,
            "a wave id for every respondent (--wave-column)",
            "an empty cell",
        )
        for i, cell in zip(kept, cells)
        if not cell
    ]
    if problems:
        raise InputError(problems)
    return cells


def _year(wave_id: str, export: Export, rows: list[int]) -> int | None:
    """A wave's year: the one in its id ('Høst 2024'), else the year most of its respondents answered in."""
    match = _YEAR.search(wave_id)
    if match:
        return int(match.group(0))
    years = Counter(int(m.group(0)) for i in rows if (m := _YEAR.search(export.submitted[i] or "")))
    return years.most_common(1)[0][0] if years else None


def find_question(export: Export, name: str) -> Question:
    """The question a user means by `name`: its heading, item id or text, exactly or without case."""
    for match in (
        lambda q: name in (q.column, q.id, q.text),
        lambda q: name.casefold() in (q.column.casefold(), q.id.casefold(), q.text.casefold()),
    ):
        found = [q for q in export.questions if match(q)]
        if found:
            return found[0]
    columns = ", ".join(repr(q.column) for q in export.questions[:30])
    raise EvalreportError(f"no column {name!r} in {export.file}; its question columns are {columns}")


def _check_unique_ids(export: Export, kept: list[int], waves: list[str]) -> None:
    """Each respondent once in a wave; the problem names the id column by its heading and both rows."""
    column = export.id_column or "respondent id"
    first: dict[tuple[str, str], int] = {}
    problems = []
    for i, wave in zip(kept, waves):
        respondent = export.respondent_ids[i]
        line = export.lines[i]
        if not respondent:
            problems.append(Problem(export.file, line, column, "an id for every respondent", "an empty cell"))
        elif (wave, respondent) in first:
            problems.append(
                Problem(
                    export.file,
                    line,
                    column,
                    f"each respondent once (row {first[(wave, respondent)]} has the same id)",
                    repr(respondent),
                )
            )
        first.setdefault((wave, respondent), line)
    if problems:
        raise InputError(problems)


def _wave(export: Export, kept: list[int], wave: str | None) -> tuple[str, int | None, str]:
    years = Counter(int(match.group(0)) for i in kept if (match := _YEAR.search(export.submitted[i] or "")))
    if wave:
        match = _YEAR.fullmatch(wave.strip()) or _YEAR.search(wave)
        year = int(match.group(0)) if match else (years.most_common(1)[0][0] if years else None)
        return wave.strip(), year, "option"
    if years:
        year = years.most_common(1)[0][0]
        return str(year), year, "dates"
    return "1", None, "placeholder"
