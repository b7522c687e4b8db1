"""The survey's suppression decision, stored beside the reports so that it is taken once per version of the survey.

Deciding which survey figures no report may show (`pipeline.analysis.suppression`) is the dearest step of loading a
project with a survey, and every report of the project must obey the same decision. So the command decides once,
before its jobs start, and keeps the decision in `reports/<project>/.survey-decision.json` under the key of what it
was decided from: the answers (survey.csv), the project file (the questionnaire, its limits, the units), the figures
published before (their results.json) and evalreport's own code. A later run whose key is the same reads the decision
instead of taking it again; a file whose key differs, or that cannot be read, is never trusted: the decision is taken
again and the file replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pipeline.analysis.suppression import Suppression
from pipeline.project import PROJECT_FILE, Project, published_records, with_decision, with_published
from pipeline.run.cache import code_digest
from pipeline.run.files import decision_file

FORMAT = 1  # of the stored file: a file of another format is decided again


def prepared(project: Project, reports: Path) -> Project:
    """The project as its reports see it: with the figures published of it before, and its survey's decision,
    read from beside the reports when it was taken for these very inputs, else taken now and stored there."""
    project = with_published(project, published_records(reports, project.id))
    if project.spec.survey is None or project.survey.empty:
        return project  # nothing to decide
    path = decision_file(reports, project.id)
    key = decision_key(project)
    stored = read_decision(path, key)
    if stored is None:
        stored = project.survey_suppression
        write_decision(path, key, stored)
    return with_decision(project, stored)


def decision_key(project: Project) -> str:
    """A SHA-256 over everything the decision is taken from."""
    hashes = project.input_hashes()
    files = project.spec.files
    published = sorted(json.dumps(record, sort_keys=True, default=str) for record in project.published)
    parts = {
        "format": FORMAT,
        "survey": hashes.get(files.survey or "", ""),
        "project": hashes.get(PROJECT_FILE, ""),
        "published": published,
        "code": code_digest(),
    }
    key = hashlib.sha256()  # over digests and records, not the input files: those were hashed once, by the project
    key.update(json.dumps(parts, sort_keys=True).encode())
    return key.hexdigest()


def read_decision(path: Path, key: str) -> Suppression | None:
    """The decision stored at `path` when its key is `key`; None when there is none, or another, or it is damaged."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        return from_record(stored["decision"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_decision(path: Path, key: str, decision: Suppression) -> None:
    """Store the decision under `key`, whole or not at all (a reader never finds half a file). Keeping it only saves
    time: a decision JSON cannot hold as it is (a cell whose unit or group is not text), or a folder that cannot be
    written (a full disk, which the job then reports where it publishes), leaves it to be taken again next time."""
    record = to_record(decision)
    if from_record(json.loads(json.dumps(record))) != decision:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"key": key, "decision": record}, file)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def to_record(decision: Suppression) -> dict[str, Any]:
    tables = [
        {
            "wave": wave,
            "item": item,
            "hidden": sorted([list(cell) for cell in cells], key=str),
            "rules": sorted([[*cell, rule] for cell, rule in decision.rules.get((wave, item), {}).items()], key=str),
        }
        for (wave, item), cells in decision.hidden.items()
    ]
    return {"min_size": decision.min_size, "width": decision.width, "tables": tables}


def from_record(record: dict[str, Any]) -> Suppression:
    hidden, rules = {}, {}
    for table in record["tables"]:
        key = (table["wave"], table["item"])
        hidden[key] = frozenset(tuple(cell) for cell in table["hidden"])
        rules[key] = {(unit, group): rule for unit, group, rule in table["rules"]}
    return Suppression(record["min_size"], hidden, rules, record["width"])
