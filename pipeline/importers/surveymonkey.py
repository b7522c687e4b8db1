"""SurveyMonkey: the "All individual responses" export (CSV or .xlsx), with its two heading rows.

The first heading row holds each question's text over its first column and nothing over the columns that follow
it; the second row names what each column holds: 'Response' or 'Open-Ended Response' for a one-column question,
an option for each column of a multi-select question (its cells hold the option when chosen), a row for each
column of a matrix question (its cells hold the column chosen). Respondent ID, Collector ID, Start Date, End Date
and Custom Data columns are the tool's own; IP Address, Email Address, First Name and Last Name are personal data.

Exports that were tidied in a spreadsheet often keep one heading row, the empty headings named Column2, Column3
...: those columns continue the question before them, and a column holding one answer only is an option.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline.importers.export import (
    Export,
    Question,
    find_column,
    from_table,
    heading,
    is_personal,
    item_id,
    joined,
)
from pipeline.sources.readers import read_any

SUB_HEADINGS = {"response", "open-ended response", "svar", "åbent svar", "åpent svar"}
SYSTEM = {"collector id", "start date", "custom data", "custom data 1", "custom data 2", "custom data 3"}
_CONTINUED = re.compile(r"Column\d+")


def read_export(path: Path) -> Export:
    frame = read_any(path, header_rows=2)
    upper, lower = frame.attrs["header_rows"]
    two_rows = any(cell.strip().casefold() in SUB_HEADINGS for cell in lower) or (
        "" in [c.strip() for c in upper] and not any(_CONTINUED.fullmatch(c) for c in upper)
    )
    if not two_rows:
        frame = read_any(path)
        upper, lower = frame.attrs["header_rows"][0], [""] * len(frame.columns)
    upper = [cell.strip() for cell in upper] + [""] * (len(frame.columns) - len(upper))
    lower = [cell.strip() for cell in lower] + [""] * (len(frame.columns) - len(lower))
    columns = list(frame.columns)
    respondent = find_column(frame, "Respondent ID")
    ended = find_column(frame, "End Date")
    entries, position = [], 0
    for question, members in _questions(upper, two_rows):
        first = columns[members[0]]
        if first in (respondent, ended):
            continue
        if len(members) == 1 and (heading(first) in SYSTEM or is_personal(first, frame[first])):
            entries.append((Question("", first, first), frame[first].tolist()))  # dropped and named by from_table
            continue
        position += 1  # q1, q2 ... count questions, not columns
        entries += _items(frame, question, members, lower, two_rows, position)
    return from_table(
        "surveymonkey",
        frame,
        id_column=respondent,
        date_column=ended,
        is_system=lambda c: heading(c) in SYSTEM,
        entries=entries,
    )


def _questions(upper: list[str], two_rows: bool) -> list[tuple[str, list[int]]]:
    """Each question's text and the positions of its columns."""
    questions: list[tuple[str, list[int]]] = []
    for i, name in enumerate(upper):
        continued = (not name) if two_rows else bool(_CONTINUED.fullmatch(name))
        if continued and questions:
            questions[-1][1].append(i)
        else:
            questions.append((name, [i]))
    return questions


def _items(
    frame: pd.DataFrame, question: str, members: list[int], lower: list[str], two_rows: bool, position: int
) -> list[tuple[Question, list[str]]]:
    columns = [frame.columns[i] for i in members]
    base = item_id(question, position)
    if len(members) == 1:
        return [(Question(base, question, question), frame[columns[0]].tolist())]
    options, other = _options(frame, columns, [lower[i] for i in members], two_rows)
    if options:
        labels = [label for _, label in options]
        cells = joined(frame, [c for c, _ in options], labels, lambda cell, label: cell == label)
        items = [(Question(base, question, question, kind="multi", labels=labels), cells)]
        for column in other:
            items.append(
                (
                    Question(
                        f"{base}_other",
                        f"{question} - {lower[frame.columns.get_loc(column)] or 'other'}",
                        column,
                        kind="text",
                    ),
                    frame[column].tolist(),
                )
            )
        return items
    # A matrix: each column is a row of the question, its cells the answer chosen for that row.
    return [
        (
            Question(f"{base}_{k}", f"{question} - {lower[i]}" if lower[i] else question, frame.columns[i]),
            frame[frame.columns[i]].tolist(),
        )
        for k, i in enumerate(members, start=1)
    ]


def _options(
    frame: pd.DataFrame, columns: list[str], sub: list[str], two_rows: bool
) -> tuple[list[tuple[str, str]], list[str]]:
    """The (column, option) pairs of a multi-select question, and its free-text columns; ([], []) for a matrix.

    A column is an option when every answer in it is the option's own wording: its second heading, or, without
    one, the single answer the column holds. The last column may be free text ('Other (please specify)').
    """
    options, other = [], []
    for n, (column, label) in enumerate(zip(columns, sub)):
        answers = set(frame[column]) - {""}
        if two_rows and label and answers <= {label}:
            options.append((column, label))
        elif not two_rows and len(answers) <= 1:
            if answers:
                options.append((column, answers.pop()))
        elif n == len(columns) - 1 and options:
            other.append(column)
        else:
            return [], []
    return options, other
