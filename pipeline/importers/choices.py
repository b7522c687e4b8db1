"""What the user says at import about any tool's export: which columns are items (--items, --drop), which answers
mean "no answer" (--missing), and numbers written with a decimal comma, written with a point in survey.csv."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pipeline.errors import EvalreportError
from pipeline.importers.canonical import find_question
from pipeline.importers.export import Export, Question
from pipeline.sources.frame import STANDARD_MISSING

_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")
_WHOLE = re.compile(r"-?\d+")


def names(option: str | None) -> list[str]:
    """'A,B , C' → ['A', 'B', 'C']: the value of --items, --drop or --missing."""
    return [name.strip() for name in (option or "").split(",") if name.strip()]


def keep_items(export: Export, items: list[str], chosen: Iterable[str | None]) -> list[str]:
    """Keep as items only the questions named in `items` (and those `chosen` as group, unit or wave column);
    returns the headings of the columns left out."""
    keep = {id(_question(export, name, "--items")) for name in items}
    keep |= {id(find_question(export, name)) for name in chosen if name}
    return _remove(export, [q for q in export.questions if id(q) not in keep])


def drop_items(export: Export, dropped: list[str]) -> list[str]:
    """Leave out the questions named in `dropped`; a column already dropped (personal data, the tool's own) is fine."""
    already = set(export.personal) | set(export.system) | {export.id_column}
    return _remove(export, [_question(export, name, "--drop") for name in dropped if name not in already])


def _question(export: Export, name: str, option: str) -> Question:
    try:
        return find_question(export, name)
    except EvalreportError as error:
        raise EvalreportError(f"{option}: {error}") from None


def _remove(export: Export, questions: list[Question]) -> list[str]:
    gone = {q.id for q in questions}
    export.questions = [q for q in export.questions if q.id not in gone]
    export.answers = export.answers.drop(columns=list(gone))
    return [q.column for q in questions]


def blank_missing(export: Export, codes: Iterable[str]) -> Counter:
    """Empty every answer that is one of `codes` (and the statistics offices' '.', '..', ':' ...), so that it counts
    as no answer, never as one; returns how many cells held each code."""
    codes = set(codes) | set(STANDARD_MISSING)
    found: Counter = Counter()
    for column in export.answers.columns:
        cells = export.answers[column]
        hit = cells.isin(codes)
        if hit.any():
            found.update(cells[hit])
            export.answers[column] = cells.where(~hit, "")
    return Counter({code: found[code] for code in sorted(found, key=lambda c: (-found[c], c))})


def decimal_points(export: Export) -> list[str]:
    """Write numbers such as '2,5' as '2.5' in columns holding only numbers, of a file written with decimal commas;
    returns the headings of the columns changed."""
    if not export.decimal_comma:
        return []
    changed = []
    for question in export.questions:
        cells = export.answers[question.id]
        filled = [cell for cell in cells if cell]
        if any(_DECIMAL_COMMA.fullmatch(c) for c in filled) and all(
            _DECIMAL_COMMA.fullmatch(c) or _WHOLE.fullmatch(c) for c in filled
        ):
            export.answers[question.id] = cells.str.replace(",", ".", regex=False)
            changed.append(question.column)
    return changed
