"""`validate --audit`: what an attacker can work out about every withheld cell, over this version of a project's
figures and every version published before (the reports folder and the run ledger name them)."""

from __future__ import annotations

from pathlib import Path

from pipeline.analysis import activities as act
from pipeline.analysis import disclosure
from pipeline.analysis.suppression import audit_survey, earlier_versions
from pipeline.committees.ledger import FILE_NAME as LEDGER_FILE
from pipeline.committees.ledger import Ledger
from pipeline.project import Project, published_records, with_published
from pipeline.spec import MIN_GROUP_SIZE


def published_results(reports: Path, project_id: str) -> tuple[dict, ...]:
    """Every results.json of the project in the reports folder (what the reports decide with) and every one the run
    ledger names (made, or compared with) that is still there: the versions of its figures published before."""
    if not (reports / LEDGER_FILE).exists():
        return published_records(reports, project_id)
    with Ledger.at(reports) as ledger:
        runs = ledger.runs(project_id)
    named = [Path(p) for run in runs for p in [run.previous, *run.outputs] if p and p.endswith(".results.json")]
    return published_records(reports, project_id, also=named)


def audit_lines(project: Project, published: tuple[dict, ...]) -> tuple[list[str], bool]:
    """Every withheld cell, per wave (and for participants), with the rule that hid it and the narrowest interval an
    attacker can work out for an answer in it; and whether every one is as wide as it must be."""
    survey = project.spec.survey
    width = (survey.protection_width or survey.min_group_size) if survey else MIN_GROUP_SIZE
    earlier = earlier_versions(published, survey) if survey else {}
    lines = [f"audit: {len(published)} results file(s) published before, from the reports folder and the run ledger"]
    decided = with_published(project, published).survey_suppression  # as the reports decide, over them all
    audited = audit_survey(project.survey, survey, decided, earlier)
    found = {f"wave {wave}, {item}": intervals for (wave, item), intervals in audited.items()}
    found["participants by activity, year and group"] = act.audit_participants(
        project.activities, project.participation, width
    )
    lines.append(
        f"audit: protection width {width} (an answer's count in a withheld small group: an interval at least this "
        "wide, or from none to all the published numbers allow)"
    )
    cells = failing = 0
    narrowest = None
    for table, intervals in found.items():
        by_cell: dict = {}
        for interval in intervals:
            by_cell.setdefault((interval.cell, interval.revision), []).append(interval)
        if by_cell:
            lines.append(f"{table}: {len(by_cell)} withheld")
        for (cell, revision), answers in by_cell.items():
            worst = min(answers, key=lambda i: (i.protected, i.width - i.required))
            cells += 1
            failing += not worst.protected
            if worst.required:
                narrowest = worst.width if narrowest is None else min(narrowest, worst.width)
            lines.append(f"  {_cell_words(cell, revision)}: {worst.rule}; {_verdict(worst)}")
    narrow = "none protected" if narrowest is None else f"narrowest protected interval {narrowest:g}"
    lines.append(f"audit: {cells} withheld cells, {narrow}, {failing} failing")
    return lines, failing == 0


def _cell_words(cell: tuple, revision: int | None) -> str:
    blank = ("no unit", "no group")
    where = " × ".join("all" if part is disclosure.ALL else str(part) or blank[i] for i, part in enumerate(cell))
    return where + (f" (late answers since version {revision + 1})" if revision is not None else "")


def _verdict(worst) -> str:
    bounds = f"{worst.answer} in [{worst.low:g}, {worst.high:g}], needs {worst.required:g}"
    if worst.protected:
        return f"{bounds}: ok"
    return f"{bounds}: FAILS: {'pinned to one answer' if worst.pinned else 'too narrow'}"
