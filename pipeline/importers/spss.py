"""SPSS data files (.sav), as SurveyXact, Nettskjema, LimeSurvey and most survey tools can export them.

Variable labels become question texts and value labels the answers (in the order of their codes); values the
file declares user-missing are empty. The respondent is the variable named like an id (respondent_id, id, ...),
or the case number when there is none.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.importers.export import Export, Question, find_column, from_table
from pipeline.sources.readers import read_any

ID_NAMES = (
    "respondent_id",
    "respondentid",
    "respondent",
    "responseid",
    "response_id",
    "id",
    "resp_id",
    "caseid",
    "lbnr",
)
DATE_NAMES = ("submitdate", "closetime", "enddate", "end_date", "completed", "submitted", "created", "timestamp")
SYSTEM = {"starttime", "startdate", "start_date", "lastpage", "status", "statoverall", "duration", "interviewtime"}


def read_export(path: Path) -> Export:
    frame = read_any(path)
    respondent = find_column(frame, *ID_NAMES)
    submitted = find_column(frame, *DATE_NAMES)
    texts, value_labels = frame.attrs.get("labels", {}), frame.attrs.get("value_labels", {})
    entries = [
        (Question("", texts.get(column) or column, column, labels=value_labels.get(column)), frame[column].tolist())
        for column in frame.columns
        if column not in (respondent, submitted)
    ]
    return from_table(
        "spss",
        frame,
        id_column=respondent,
        date_column=submitted,
        is_system=lambda c: c.casefold() in SYSTEM,
        entries=entries,
    )
