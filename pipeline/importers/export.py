"""What every importer makes of a tool's export: its questions, one row of answers per respondent, and what it left out.

An importer knows one tool's columns (which hold ids, dates, status, personal data); everything after that, from
choosing the wave to guessing the codebook, is shared and works on an `Export`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.errors import InputError, Problem
from pipeline.sources.readers import read_any
from pipeline.tables import SURVEY_COLUMNS

# How the answers of a multi-select question are joined in one cell of the canonical table.
MULTI_JOINER = "; "

# Column headings that hold personal data, compared after `heading`: never copied into a project's inputs.
PERSONAL_HEADINGS = {
    "email",
    "e mail",
    "e post",
    "epost",
    "mail",
    "email address",
    "e mail address",
    "emailaddress",
    "respondent email",
    "e postadresse",
    "e mailadresse",
    "mailadresse",
    "email adresse",
    "name",
    "navn",
    "full name",
    "fulde navn",
    "fullt navn",
    "first name",
    "firstname",
    "fornavn",
    "last name",
    "lastname",
    "surname",
    "efternavn",
    "etternavn",
    "ip",
    "ip address",
    "ipaddr",
    "ipaddress",
    "ip adresse",
    "phone",
    "phone number",
    "phonenumber",
    "telephone",
    "telefon",
    "telefonnummer",
    "tlf",
    "mobil",
    "mobile",
    "mobilnummer",
    "address",
    "adresse",
    "birth date",
    "date of birth",
    "fødselsdato",
    "bursdag",
    "cpr",
    "cpr nummer",
    "cpr nr",
    "personnummer",
    "fødselsnummer",
    "fodselsnummer",
    "fødselsnr",
    "fnr",
    "personnr",
    "personal id number",
    "national id",
    "national identity number",
    "social security number",
    "ssn",
    "token",
    "username",
    "user name",
    "brugernavn",
    "brukernavn",
    "deviceid",
    "device id",
    "simserial",
    "subscriberid",
    "submitted by",
    "geolocation",
}

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_.\-\[\]/]*")
_SHORT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9 \-]*")


@dataclass
class Question:
    """One column of the canonical table: an item, or the column a user names as group or unit."""

    id: str
    text: str
    column: str  # its heading in the export, as the user sees it
    kind: str | None = None  # "choice", "multi" or "text"; None: guess from the answers
    labels: list[str] | None = None  # the tool's answer labels (a multi's options) in its order, when the export says


@dataclass
class Export:
    tool: str
    file: str
    questions: list[Question]
    answers: pd.DataFrame  # a column per question id, a row per respondent, cells holding answer labels
    respondent_ids: list[str]
    lines: list[int]  # where each respondent is in the file, for problems
    submitted: list[str]  # when each respondent answered, as written ('' when the export does not say)
    status: list[str] | None = None  # "complete" or "partial" per respondent, when the tool records it
    personal: list[str] = field(default_factory=list)  # headings dropped as personal data
    system: list[str] = field(default_factory=list)  # headings dropped as the tool's own bookkeeping
    left_out: Counter = field(default_factory=Counter)  # respondents the tool itself marks as not to count, by reason
    id_column: str = ""  # the heading of the column holding the respondents' ids; '' when they were made (r0001 ...)
    decimal_comma: bool = False  # numbers in the file may be written with a decimal comma (a ';' or tab separated file)


def heading(text: str) -> str:
    """A heading compared with PERSONAL_HEADINGS: lower case, no '$' or '_' prefix, separators as spaces."""
    text = text.casefold().lstrip("$_")
    return " ".join(re.sub(r"[-_./:]+", " ", text).split())


def is_personal(column: str, values: Iterable[str] = ()) -> bool:
    """A heading that names personal data, or a column whose answers are mostly e-mail addresses."""
    if heading(column) in PERSONAL_HEADINGS:
        return True
    filled = [value for value in values if value]
    return bool(filled) and sum(bool(_EMAIL.fullmatch(value)) for value in filled) * 2 >= len(filled)


def item_id(column: str, position: int) -> str:
    """A code or a short name as it is ('Skills-Advance-Career' → skills_advance_career); a question → q<position>."""
    if (_CODE.fullmatch(column) and len(column) <= 40) or (
        _SHORT_NAME.fullmatch(column) and len(column.split()) <= 4 and len(column) <= 32
    ):
        slug = re.sub(r"[^a-z0-9]+", "_", column.casefold()).strip("_")
        if slug:
            return slug
    return f"q{position}"


def unique_ids(ids: list[str]) -> list[str]:
    """Each id once, and none equal to a canonical column: a repeat gets _2, _3 ..."""
    taken = set(SURVEY_COLUMNS)
    result = []
    for item in ids:
        candidate, n = item, 1
        while candidate in taken:
            n += 1
            candidate = f"{item}_{n}"
        taken.add(candidate)
        result.append(candidate)
    return result


def numbered(count: int) -> list[str]:
    """Respondent ids for an export that has none: r0001, r0002 ... in the file's order."""
    width = max(4, len(str(count)))
    return [f"r{n:0{width}d}" for n in range(1, count + 1)]


def joined(frame: pd.DataFrame, columns: list[str], labels: list[str], chosen: Callable[[str, str], bool]) -> list[str]:
    """One cell per row naming the options chosen, in the questionnaire's order: 'Git; Python'."""
    return [
        MULTI_JOINER.join(label for cell, label in zip(cells, labels) if cell and chosen(cell, label))
        for cells in frame[columns].itertuples(index=False, name=None)
    ]


def assemble(entries: list[tuple[Question, list[str]]], count: int) -> tuple[list[Question], pd.DataFrame]:
    """Questions and their answers from (question, cells) pairs; a question without an id gets one from its heading
    or its place among the questions (q1, q2 ...)."""
    ids = unique_ids([item_id(question.id or question.column, n) for n, (question, _) in enumerate(entries, start=1)])
    for (question, _), new in zip(entries, ids):
        question.id = new
    answers = pd.DataFrame({question.id: list(cells) for question, cells in entries}, index=range(count), dtype=object)
    return [question for question, _ in entries], answers


def drop_respondents(export: Export, leave_out: list[bool], reason: str) -> None:
    """Leave out the respondents marked True, counting them under `reason` (said in the summary)."""
    keep = [i for i, out in enumerate(leave_out) if not out]
    export.answers = export.answers.iloc[keep].reset_index(drop=True)
    export.respondent_ids = [export.respondent_ids[i] for i in keep]
    export.lines = [export.lines[i] for i in keep]
    export.submitted = [export.submitted[i] for i in keep]
    if export.status is not None:
        export.status = [export.status[i] for i in keep]
    if len(keep) < len(leave_out):
        export.left_out[reason] += len(leave_out) - len(keep)


def require_column(frame: pd.DataFrame, what: str, *names: str) -> str:
    """The column an importer cannot do without, or a Problem saying which headings it looked for."""
    column = find_column(frame, *names)
    if column is None:
        wanted = " or ".join(repr(name) for name in names)
        raise InputError(
            [
                Problem(
                    frame.attrs.get("file", ""),
                    1,
                    names[0],
                    f"the {what} column {wanted}",
                    "columns " + ", ".join(list(frame.columns)[:12]),
                )
            ]
        )
    return column


def from_table(
    tool: str,
    frame: pd.DataFrame,
    *,
    id_column: str | None = None,
    date_column: str | None = None,
    is_system: Callable[[str], bool] = lambda column: False,
    entries: list[tuple[Question, list[str]]] | None = None,
) -> Export:
    """An Export from a table with one row per respondent: ids, dates, personal data and the tool's columns taken out.

    An importer that has worked out its questions itself (merged the columns of a multi-select question, say)
    passes them as (question, cells) `entries`; otherwise every other column is a question. Personal data is
    dropped whether a question or a column the importer passed over holds it.
    """
    columns = list(frame.columns)
    if entries is None:
        entries = [(Question("", c, c), frame[c].tolist()) for c in columns if c not in (id_column, date_column)]
    personal, system, kept = [], [], []
    for question, cells in entries:
        if is_personal(question.column, cells) or is_personal(question.text):
            personal.append(question.column)
        elif is_system(question.column):
            system.append(question.column)
        else:
            kept.append((question, cells))
    covered = {question.column for question, _ in entries} | {id_column, date_column}
    for column in columns:
        if column not in covered:
            if is_personal(column, frame[column]):
                personal.append(column)
            elif is_system(column):
                system.append(column)
    count = len(frame)
    questions, answers = assemble(kept, count)
    return Export(
        tool=tool,
        file=frame.attrs.get("file", ""),
        questions=questions,
        answers=answers,
        respondent_ids=frame[id_column].tolist() if id_column else numbered(count),
        lines=list(frame.attrs.get("line", range(2, count + 2))),
        submitted=frame[date_column].tolist() if date_column else [""] * count,
        personal=[c for c in columns if c in personal] + [c for c in personal if c not in columns],
        system=[c for c in columns if c in system] + [c for c in system if c not in columns],
        id_column=id_column or "",
        decimal_comma=bool(frame.attrs.get("decimal_comma")),
    )


def find_column(frame: pd.DataFrame, *names: str) -> str | None:
    """The first column whose heading is one of `names`, compared without case."""
    by_heading = {column.casefold(): column for column in frame.columns}
    return next((by_heading[name.casefold()] for name in names if name.casefold() in by_heading), None)


def rename_items(export: Export, key_file: Path) -> list[str]:
    """Give items the ids a two-column key file names for their question text (or heading); returns notes.

    The key's columns are question text and item id, in either order: the column whose values match the export's
    headings is taken as the text. Texts are compared with runs of white space as one space.
    """
    key = read_any(key_file)
    if len(key.columns) < 2:
        raise InputError(
            [
                Problem(
                    key.attrs["file"],
                    1,
                    None,
                    "two columns: question text and item id",
                    f"{len(key.columns)} column(s)",
                )
            ]
        )
    first, second = key[key.columns[0]].tolist(), key[key.columns[1]].tolist()
    known = {_spaced(q.column) for q in export.questions} | {_spaced(q.text) for q in export.questions}
    texts, ids = (
        (second, first)
        if sum(_spaced(t) in known for t in second) > sum(_spaced(t) in known for t in first)
        else (first, second)
    )
    mapping = {_spaced(text): item.strip() for text, item in zip(texts, ids) if text.strip() and item.strip()}
    renamed = {}
    for question in export.questions:
        new = mapping.get(_spaced(question.column)) or mapping.get(_spaced(question.text))
        if new:
            renamed[question.id] = new
    unmatched = [q.column for q in export.questions if q.id not in renamed]
    new_ids = unique_ids([renamed.get(q.id, q.id) for q in export.questions])
    export.answers = export.answers.rename(columns=dict(zip([q.id for q in export.questions], new_ids)))
    for question, new in zip(export.questions, new_ids):
        question.id = new
    if not unmatched:
        return []
    return [
        f"{len(unmatched)} item(s) have no id in {key_file.name} and got a made-up one: "
        + ", ".join(repr(c[:40]) for c in unmatched[:5])
    ]


def _spaced(text: str) -> str:
    return " ".join(text.split())
