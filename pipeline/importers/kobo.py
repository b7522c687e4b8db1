"""KoboToolbox: the CSV export with XML values and headers (';'-separated by default).

A question is headed by its path through the form's groups (`group_x/q1`) and gets the last part as its id.
`_uuid` is the respondent, `_submission_time` the time of sending; other columns starting with '_' and the
form's metadata (start, end, today, meta/...) are the tool's own. Device and user fields (deviceid, phonenumber,
username, _submitted_by, _geolocation) are personal data. A select_multiple question is one column of chosen
option names separated by spaces, followed by a 0/1 column per option (`group_x/q2/option`), which repeat it.
Submissions whose `_validation_status` is "not approved" are left out.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.importers.export import (
    MULTI_JOINER,
    Export,
    Question,
    drop_respondents,
    find_column,
    from_table,
    item_id,
    require_column,
)
from pipeline.sources.readers import read_any

METADATA = {"start", "end", "today", "audit", "instanceid", "__version__"}


def read_export(path: Path) -> Export:
    frame = read_any(path)
    respondent = require_column(frame, "submission uuid", "_uuid", "_id")
    sent = require_column(frame, "submission time", "_submission_time")
    columns = list(frame.columns)
    children = {c for c in columns if "/" in c and c.rsplit("/", 1)[0] in columns}
    entries: list[tuple[Question, list[str]]] = []
    for column in columns:
        if column in children or _is_system(column):
            continue
        name = column.rsplit("/", 1)[-1]
        options = [c.rsplit("/", 1)[1] for c in columns if c in children and c.rsplit("/", 1)[0] == column]
        cells = frame[column].tolist()
        if options:
            cells = [MULTI_JOINER.join(cell.split()) if set(cell.split()) <= set(options) else cell for cell in cells]
        # The id comes from the last part of the path: 'group_x/q1' → q1.
        entries.append(
            (
                Question(
                    item_id(name, len(entries) + 1),
                    name,
                    column,
                    kind="multi" if options else None,
                    labels=options or None,
                ),
                cells,
            )
        )
    export = from_table("kobo", frame, id_column=respondent, date_column=sent, is_system=_is_system, entries=entries)
    export.status = ["complete"] * len(export.respondent_ids)
    validation = find_column(frame, "_validation_status")
    if validation:
        rejected = [_rejected(cell) for cell in frame[validation]]
        drop_respondents(export, rejected, "not approved in Kobo")
    return export


def _is_system(column: str) -> bool:
    text = column.casefold()
    return text.startswith(("_", "meta/", "formhub/")) or text in METADATA


def _rejected(status: str) -> bool:
    text = status.casefold().replace("_", " ")
    return "not approved" in text
