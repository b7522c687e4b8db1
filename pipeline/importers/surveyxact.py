"""SurveyXact (Rambøll): the dataset export, as one .xlsx workbook or as its three CSV files.

The workbook has the sheets Dataset (answer codes, one column per variable; a very wide survey is split over
Dataset, Dataset(1) ...), Structure (questionName, variableName, questionType, subType, questionText,
choiceValue, choiceText) and Labels (no heading row: variable, code, label). The CSV export is the same three
tables as dataset.csv, structure.csv and labels.csv: ';'-separated in cp1252 ("European format"), or
tab-separated in UTF-16 ("Unicode"); FILE is then the folder, or dataset.csv with the other two beside it.

A multiple-choice question is one 0/1 variable per option (subType Multiple) and becomes one cell naming the
options chosen. The status question `statoverall` (variables stato_1 ... or statoverall_1 ...: new,
distributed, some answers, completed, dropped out) tells complete from partial; respondents with any other status
are left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.errors import InputError, Problem
from pipeline.importers.export import (
    Export,
    Question,
    drop_respondents,
    find_column,
    from_table,
    joined,
)
from pipeline.importers.scales import normalised
from pipeline.sources.excel import sheet_names
from pipeline.sources.readers import read_any, read_rows

PARTS = ("dataset", "structure", "labels")
ID_NAMES = ("respondentid", "respondent_id", "respondent", "id")
DATE_NAMES = ("closetime", "closedate", "answertime")
SYSTEM = {"starttime", "startdate", "distributiontime", "lastpage", "duration"}
COMPLETE = {"gennemført", "gjennomført", "fuldført", "fullført", "completed", "complete"}
PARTIAL = {
    "noen svar",
    "nogle svar",
    "nogen svar",
    "delvist besvaret",
    "delvis besvart",
    "delvist gennemført",
    "partially completed",
    "partial",
    "some answers",
}
_STATUS_VARIABLE = re.compile(r"stat(?:o|overall)_?\d+", re.IGNORECASE)


@dataclass
class Variable:
    question: str  # questionName: the variables of one question share it
    kind: str  # questionType: Closed or Open
    subtype: str  # Single, Multiple, String ...
    text: str
    choice: str  # choiceText: the option a Multiple variable stands for


def read_export(path: Path) -> Export:
    dataset, structure, labels = _parts(path)
    variables = _variables(structure)
    codes = _labels(labels)
    columns = list(dataset.columns)
    respondent = find_column(dataset, *ID_NAMES)
    closed = find_column(dataset, *DATE_NAMES)
    status_columns = [
        c
        for c in columns
        if _STATUS_VARIABLE.fullmatch(c) or (c in variables and variables[c].question.casefold() == "statoverall")
    ]
    entries, done = [], set()
    for column in columns:
        if column in (respondent, closed) or column in status_columns or column.casefold() in SYSTEM:
            continue
        variable = variables.get(column)
        if variable and variable.subtype.casefold() == "multiple":
            if variable.question not in done:
                done.add(variable.question)
                options = [c for c in columns if c in variables and variables[c].question == variable.question]
                names = [variables[c].choice or c for c in options]
                cells = joined(dataset, options, names, lambda cell, _: cell == "1")
                entries.append(
                    (Question(variable.question, variable.text, variable.question, kind="multi", labels=names), cells)
                )
            continue
        answers = codes.get(column, {})
        cells = [answers.get(cell, cell) for cell in dataset[column]]
        if variable and variable.kind.casefold() == "open":
            entries.append((Question(column, variable.text, column, kind="text"), cells))
        else:
            text = variable.text if variable else column
            entries.append((Question(column, text, column, labels=list(answers.values()) or None), cells))
    export = from_table(
        "surveyxact",
        dataset,
        id_column=respondent,
        date_column=closed,
        is_system=lambda c: c.casefold() in SYSTEM,
        entries=entries,
    )
    export.system += status_columns
    if status_columns:
        statuses = _statuses(dataset, status_columns, variables, codes)
        export.status = [_status(label) or label for label in statuses]
        drop_respondents(export, [_status(label) is None for label in statuses], "not answered (SurveyXact status)")
    return export


def _parts(path: Path) -> tuple[pd.DataFrame, list[list[str]], list[list[str]]]:
    """The dataset as a table, the structure and the labels as rows, from the workbook or the three CSV files."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        sheets = sheet_names(path)
        data_sheets = [s for s in sheets if s.casefold().startswith("dataset")]
        missing = [
            name
            for name, found in (
                ("Dataset", data_sheets),
                ("Structure", "Structure" in sheets),
                ("Labels", "Labels" in sheets),
            )
            if not found
        ]
        if missing:
            raise InputError(
                [
                    Problem(
                        path.name,
                        None,
                        "sheet",
                        "the sheets Dataset, Structure and Labels of a SurveyXact export",
                        f"sheets {sheets}",
                    )
                ]
            )
        frames = [read_any(path, sheet=s, missing=()) for s in data_sheets]
        dataset = pd.concat(frames, axis=1) if len(frames) > 1 else frames[0]
        dataset.attrs = dict(frames[0].attrs)
        return dataset, read_rows(path, sheet="Structure"), read_rows(path, sheet="Labels")
    folder = path if path.is_dir() else path.parent
    found = {part: file for part in PARTS if (file := _sibling(folder, part))}
    missing = [f"{part}.csv" for part in PARTS if part not in found]
    if missing:
        raise InputError(
            [
                Problem(
                    folder.name,
                    None,
                    None,
                    "dataset.csv, structure.csv and labels.csv from one SurveyXact export",
                    f"no {', '.join(missing)} in {folder}",
                )
            ]
        )
    return read_any(found["dataset"], missing=()), read_rows(found["structure"]), read_rows(found["labels"])


def _sibling(folder: Path, part: str) -> Path | None:
    return next(
        (
            f
            for f in sorted(folder.iterdir())
            if f.is_file() and f.stem.casefold() == part and f.suffix.lower() in (".csv", ".txt")
        ),
        None,
    )


def _variables(rows: list[list[str]]) -> dict[str, Variable]:
    if not rows:
        return {}
    header = [cell.strip() for cell in rows[0]]
    if "variableName" not in header or "questionText" not in header:
        raise InputError(
            [
                Problem(
                    "structure",
                    1,
                    None,
                    "the columns variableName and questionText of SurveyXact's structure",
                    "columns " + ", ".join(header),
                )
            ]
        )
    at = {name: header.index(name) for name in header if name}

    def cell(row: list[str], name: str) -> str:
        return row[at[name]].strip() if name in at and at[name] < len(row) else ""

    variables = {}
    for row in rows[1:]:
        name = cell(row, "variableName")
        if name:
            variables[name] = Variable(
                cell(row, "questionName") or name,
                cell(row, "questionType"),
                cell(row, "subType"),
                cell(row, "questionText"),
                cell(row, "choiceText"),
            )
    return variables


def _labels(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    """Variable → {code: label}, in the order the questionnaire shows them."""
    codes: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        if len(row) >= 3 and row[0]:
            codes[row[0]][row[1]] = row[2].strip()
    return codes


def _statuses(dataset: pd.DataFrame, columns: list[str], variables: dict[str, Variable], codes: dict) -> list[str]:
    """Each respondent's status label: the status variable holding 1, or the label of a single status code."""
    if len(columns) == 1:
        labels = codes.get(columns[0], {})
        return [labels.get(cell, cell) for cell in dataset[columns[0]]]
    names = [variables[c].choice if c in variables and variables[c].choice else c for c in columns]
    return [
        next((name for cell, name in zip(cells, names) if cell == "1"), "")
        for cells in dataset[columns].itertuples(index=False, name=None)
    ]


def _status(label: str) -> str | None:
    text = normalised(label)
    if text in COMPLETE:
        return "complete"
    if text in PARTIAL:
        return "partial"
    return None
