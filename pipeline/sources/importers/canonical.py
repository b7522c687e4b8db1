"""Turn an Export into the canonical survey table: respondent_id, wave, group, unit, then one column per item."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from pipeline.errors import EvalreportError, InputError, Problem
from pipeline.sources.importers.export import Export, Question

# The group every respondent is in when the export has no column that tells groups apart.
DEFAULT_GROUP = "all"

_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


@dataclass
class Canonical:
    table: pd.DataFrame
    items: list[Question]
    wave: str
    wave_year: int | None
    wave_source: str  # "option", "dates" or "placeholder": where the wave came from, for the review notes
    group: Question | None
    unit: Question | None
    without_answers: int  # respondents left out because they answered nothing
    status: Counter = field(default_factory=Counter)


def to_canonical(export: Export, wave: str | None = None, group_column: str | None = None, unit_column: str | None = None) -> Canonical:
    """The canonical table of the respondents who answered at least one item.

    `group_column` and `unit_column` name an export column (its heading, item id or question text) whose answers
    become the group and unit codes; without one every respondent is in group 'all' and no unit. Without `wave`,
    the wave is the year most respondents answered in.
    """
    group = find_question(export, group_column) if group_column else None
    unit = find_question(export, unit_column) if unit_column else None
    if group is not None and unit is not None and group.id == unit.id:
        raise EvalreportError(f"--group-column and --unit-column both name {group.column!r}: give each its own column")
    items = [q for q in export.questions if q not in (group, unit)]
    answers = export.answers
    answered = answers[[q.id for q in items]].ne("").any(axis=1) if items else pd.Series(False, index=answers.index)
    kept = [i for i in range(len(answers)) if answered.iloc[i]]
    _check_unique_ids(export, kept)
    wave_id, year, source = _wave(export, kept, wave)
    chosen = answers.iloc[kept].reset_index(drop=True)
    table = pd.DataFrame(
        {
            "respondent_id": [export.respondent_ids[i] for i in kept],
            "wave": wave_id,
            "group": chosen[group.id] if group else DEFAULT_GROUP,
            "unit": chosen[unit.id] if unit else "",
        },
        index=range(len(kept)),
        dtype=object,
    )
    table = pd.concat([table, chosen[[q.id for q in items]]], axis=1)
    status = Counter(export.status[i] for i in kept) if export.status else Counter()
    return Canonical(table, items, wave_id, year, source, group, unit, len(answers) - len(kept), status)


def find_question(export: Export, name: str) -> Question:
    """The question a user means by `name`: its heading, item id or text, exactly or without case."""
    for match in (lambda q: name in (q.column, q.id, q.text), lambda q: name.casefold() in (q.column.casefold(), q.id.casefold(), q.text.casefold())):
        found = [q for q in export.questions if match(q)]
        if found:
            return found[0]
    columns = ", ".join(repr(q.column) for q in export.questions[:30])
    raise EvalreportError(f"no column {name!r} in {export.file}; its question columns are {columns}")


def _check_unique_ids(export: Export, kept: list[int]) -> None:
    first: dict[str, int] = {}
    problems = []
    for i in kept:
        respondent = export.respondent_ids[i]
        line = export.lines[i]
        if not respondent:
            problems.append(Problem(export.file, line, "respondent id", "an id for every respondent", "an empty cell"))
        elif respondent in first:
            problems.append(Problem(export.file, line, "respondent id", f"each respondent once (row {first[respondent]} has the same id)", repr(respondent)))
        first.setdefault(respondent, line)
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
