"""`evalreport decide`: the decision a committee took on the project's case, recorded in the project's decisions.csv,
from where next year's case quotes it and this period's case shows it under Beslutning / Vedtak.

The file is an input like any other (the evaluator may write it by hand), so a decision reaches the reports, their
job keys and the project's history as the rest of the inputs do.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from pipeline.errors import EvalreportError
from pipeline.periods import parse_period
from pipeline.project import Project
from pipeline.run.publish import write_atomically
from pipeline.tables import DECISION_COLUMNS, DECISIONS_FILE


def record_decision(
    project: Project, period: str, text: str, day: date, committee: str | None = None, replace: bool = False
) -> str:
    """Add (or with `replace`, change) the decision on the case of `period`; returns the committee's name.

    `committee` defaults to the project's only committee with a yearly status. Refused with a message naming what to
    give when the committee is unknown or ambiguous, the period is not one of the project's, or the case already has
    a decision and `replace` was not given.
    """
    name = committee_name(project, committee)
    label = period_label(project, period)
    text = " ".join(text.split())
    if not text:
        raise EvalreportError(
            '--text: expected what the committee decided, such as "Indstillingen blev godkendt.", found nothing'
        )
    rows = project.decisions.to_dict("records")
    same = [i for i, row in enumerate(rows) if row["committee"] == name and row["period"] == label]
    if same and not replace:
        row = rows[same[0]]
        raise EvalreportError(
            f"{DECISIONS_FILE} already records {name}'s decision of {row['date']} on the case of {label}: "
            "give --replace to change it"
        )
    new = {"committee": name, "period": label, "date": day, "decision": text}
    if same:
        rows[same[0]] = new
    else:
        rows.append(new)
    rows.sort(key=lambda row: (row["date"], row["committee"]))
    write_atomically(project.folder / DECISIONS_FILE, as_csv(rows))
    return name


def committee_name(project: Project, committee: str | None) -> str:
    committees = project.spec.committees
    names = [c.name for c in committees]
    if committee is not None:
        if committee not in names:
            raise EvalreportError(
                f"--committee: expected one of the committees in project.yaml ({'; '.join(names) or 'none'}), "
                f"found {committee!r}"
            )
        return committee
    scheduled = [c.name for c in committees if c.schedule is not None]
    if len(scheduled) != 1:
        raise EvalreportError(
            f"--committee: expected the committee's name, since project.yaml has {len(scheduled)} committees "
            f"with a yearly status ({'; '.join(scheduled) or 'none'})"
        )
    return scheduled[0]


def period_label(project: Project, period: str) -> str:
    """'2025-2026' or '2026', checked against the project's period."""
    return parse_period(period, project.spec.period).label


def as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DECISION_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "date": row["date"].isoformat() if isinstance(row["date"], date) else row["date"]})
    return out.getvalue()
