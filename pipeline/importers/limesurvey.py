"""LimeSurvey: responses exported as CSV with question codes as headings (UTF-8 with a byte-order mark, quoted).

`id` is the respondent, `submitdate` the time the response was finished (empty: not finished, a partial
response), `lastpage`, `startlanguage`, `seed`, `startdate`, `datestamp`, `refurl` and timing columns are the
tool's own; `ipaddr` and `token` are personal data. A question is headed by its code (`Q1`), a row of an array
question or an option of a multiple-choice question by `code[subcode]`; `code[other]` and `code[comment]` hold
free text. Headings written "code. question text" (the export's "Question code & question text") are read too.
A multiple-choice question (cells 'Yes'/'Y' or empty) becomes one cell naming the options chosen.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.importers.export import (
    Export,
    Question,
    from_table,
    joined,
    require_column,
)
from pipeline.sources.readers import read_any

SYSTEM = {"submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "refurl", "interviewtime"}
_HEADING = re.compile(r"(?P<code>[A-Za-z][A-Za-z0-9_]*)(?:\[(?P<sub>[^\]]*)\])?(?:\.\s+(?P<text>.*))?", re.DOTALL)
_YES = {"y", "yes", "ja", "oui", "sí", "si", "1"}
_FREE_TEXT = {"other", "comment"}


def read_export(path: Path) -> Export:
    frame = read_any(path)
    respondent = require_column(frame, "response id", "id")
    submitted = require_column(frame, "submit date", "submitdate")
    columns = [c for c in frame.columns if c != respondent]
    parsed = {c: match for c in columns if (match := _HEADING.fullmatch(c))}  # the headings written code[sub]. text
    choices = _multiple_choice(frame, columns, parsed)
    entries, done = [], set()
    for column in columns:
        if _is_system(column, columns):
            continue
        match = parsed.get(column)
        code = match.group("code") if match else None
        if code in choices and column in choices[code]:
            if code not in done:
                done.add(code)
                options = choices[code]
                labels = [_option_label(parsed[option]) for option in options]
                text = parsed[options[0]].group("text") or code
                entries.append(
                    (
                        Question("", _question_text(text), code, kind="multi", labels=labels),
                        joined(frame, options, labels, lambda cell, _: cell.casefold() in _YES),
                    )
                )
            continue
        text = (match.group("text") if match else None) or column
        sub = match.group("sub") if match else None
        ident = f"{code}_{sub}" if match and sub else (code or "")
        kind = "text" if sub and sub.casefold() in _FREE_TEXT else None
        entries.append((Question(ident, text.strip(), column, kind=kind), frame[column].tolist()))
    export = from_table(
        "limesurvey",
        frame,
        id_column=respondent,
        date_column=submitted,
        is_system=lambda c: _is_system(c, columns),
        entries=entries,
    )
    export.status = ["complete" if done_at else "partial" for done_at in frame[submitted]]
    return export


def _is_system(column: str, columns: list[str]) -> bool:
    if column.casefold() in SYSTEM or re.fullmatch(r"groupTime\d+", column):
        return True
    # Time spent on a question (Q1Time; for an array Q2Time beside Q2[SQ001]), when timings are on.
    base = column[: -len("Time")]
    return column.endswith("Time") and any(c == base or c.startswith(base + "[") for c in columns if c != column)


def _multiple_choice(frame, columns: list[str], parsed: dict[str, re.Match[str]]) -> dict[str, list[str]]:
    """Codes whose `code[subcode]` columns hold only yes or nothing: the options of a multiple-choice question."""
    by_code: dict[str, list[str]] = {}
    for column in columns:
        match = parsed.get(column)
        if match and match.group("sub") and match.group("sub").casefold() not in _FREE_TEXT:
            by_code.setdefault(match.group("code"), []).append(column)
    return {
        code: options
        for code, options in by_code.items()
        if all(cell.casefold() in _YES for option in options for cell in frame[option] if cell)
        and any(frame[option].ne("").any() for option in options)
    }


def _option_label(match) -> str:
    """'[Git]' at the end of a heading's text when the export wrote it, else the subquestion code."""
    text = match.group("text") or ""
    found = re.search(r"\[([^\]]+)\]\s*$", text)
    return found.group(1).strip() if found else match.group("sub")


def _question_text(text: str) -> str:
    return re.sub(r"\s*\[[^\]]+\]\s*$", "", text).strip()
