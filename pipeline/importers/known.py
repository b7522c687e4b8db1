"""What a project already knows of its survey: the waves, groups, scales and items of project.yaml (and, when a wave
is added, of the draft imported before), so that an import keeps their ids and drafts only what is new.

An item is known by its question text: the same question asked again keeps its id, whatever id the export gives it;
a new question whose id is already taken by another gets one that is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from pipeline.importers.canonical import Canonical
from pipeline.project import PROJECT_FILE
from pipeline.tables import SURVEY_COLUMNS

_TODO = "TODO"
_MADE_ID = re.compile(r"q(\d+)")


@dataclass
class Known:
    """The survey section of a project, as written: plain YAML values, never reformatted beyond what YAML keeps."""

    source: str = ""  # where it was read: "project.yaml", "codebook.draft.yaml" or both joined by " and "
    waves: list[dict] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)
    scales: dict[str, dict] = field(default_factory=dict)
    items: dict[str, dict] = field(default_factory=dict)
    problem: str = ""  # why a file could not be read, for the review notes

    def __bool__(self) -> bool:
        return bool(self.items or self.scales or self.waves or self.groups)


def known_survey(folder: Path, draft: Path | None = None, table: pd.DataFrame | None = None) -> Known:
    """The project's survey section from project.yaml, or, while no item of survey.csv (`table`) is in it yet, the
    draft file `draft` an earlier import wrote: what survey.csv holds of it (its items' columns and their scales,
    its waves and groups). Placeholders still reading TODO are not known waves."""
    known = Known()
    for path in (folder / PROJECT_FILE, draft):
        survey = _survey_section(path, known)
        if survey is None:
            continue
        if path == draft:
            table = table if table is not None else pd.DataFrame(columns=SURVEY_COLUMNS)
            if any(item_id in table.columns for item_id in known.items):
                continue  # pasted into project.yaml already, which the user may have changed since
            survey = _held(survey, table)
        known.source = " and ".join(filter(None, [known.source, path.name if path else ""]))
        for wave in survey.get("waves") or []:
            new = isinstance(wave, dict) and not str(wave.get("id", "")).startswith(_TODO)
            if new and str(wave.get("id")) not in {str(w.get("id")) for w in known.waves}:
                known.waves.append(wave)
        for part, into in (("groups", known.groups), ("scales", known.scales), ("items", known.items)):
            for key, value in (survey.get(part) or {}).items():
                into.setdefault(str(key), value)
    return known


def _survey_section(path: Path | None, known: Known) -> dict | None:
    """A file's `survey:` section (a draft is one without the key), or None; a file that cannot be read is noted."""
    if path is None or not path.is_file():
        return None
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        known.problem = f"{path.name} could not be read ({type(error).__name__}), so its items were not merged"
        return None
    survey = document.get("survey", document) if isinstance(document, dict) else None
    if not isinstance(survey, dict) or (path.name != PROJECT_FILE and "items" not in survey):
        return None
    return survey


def _held(draft: dict, table: pd.DataFrame) -> dict:
    """The part of a draft that survey.csv holds: items that are its columns, their scales, its waves and groups."""
    items = {key: item for key, item in (draft.get("items") or {}).items() if str(key) in table.columns}
    used = {item.get("scale") for item in items.values() if isinstance(item, dict)}
    waves, groups = set(table["wave"].astype(str)), set(table["group"].astype(str))
    return {
        "items": items,
        "scales": {key: scale for key, scale in (draft.get("scales") or {}).items() if key in used},
        "waves": [wave for wave in draft.get("waves") or [] if isinstance(wave, dict) and str(wave.get("id")) in waves],
        "groups": {key: label for key, label in (draft.get("groups") or {}).items() if str(key) in groups},
    }


def _text(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()


def keep_known_ids(canonical: Canonical, known: Known) -> dict[str, str]:
    """Give each item of `canonical` the id the project knows its question text by; a new item whose id the project
    (or another item) already uses gets a new one. Renames the table's columns too; returns old id → new id."""
    by_text = {
        _text(item.get("text")): item_id
        for item_id, item in known.items.items()
        if isinstance(item, dict) and not str(item.get("text", "")).startswith(_TODO)
    }
    placeholders = {
        item_id
        for item_id, item in known.items.items()
        if isinstance(item, dict) and str(item.get("text", "")).startswith(_TODO)
    }
    kept = {q.id: by_text.get(_text(q.text), q.id if q.id in placeholders else None) for q in canonical.items}
    taken = set(SURVEY_COLUMNS) | set(known.items)
    used: set[str] = set()
    renamed: dict[str, str] = {}
    for question in canonical.items:
        new = kept[question.id]
        if new is None or new in used:
            new = question.id if question.id not in taken | used else _free_id(question.id, taken | used)
        used.add(new)
        if new != question.id:
            renamed[question.id] = new
    if renamed:
        canonical.table = canonical.table.rename(columns=renamed)
        for question in canonical.items:
            question.id = renamed.get(question.id, question.id)
    return renamed


def _free_id(item_id: str, taken: set[str]) -> str:
    """q3 → the first q-number not taken; s_2 → s_2_2, s_2_3 …"""
    if _MADE_ID.fullmatch(item_id):
        number = int(item_id[1:])
        while f"q{number}" in taken:
            number += 1
        return f"q{number}"
    n = 2
    while f"{item_id}_{n}" in taken:
        n += 1
    return f"{item_id}_{n}"


def keep_known_groups(canonical: Canonical, known: Known) -> None:
    """Answers to the group column that are one of the project's group codes or labels, in any case ('Borger' for
    code `borger`, 'Borgere' for its label), written as that code."""
    codes: dict[str, str] = {}
    for code, label in known.groups.items():
        codes.setdefault(str(label).strip().casefold(), str(code))
        codes[str(code).strip().casefold()] = str(code)
    if canonical.group is not None and codes:
        canonical.table["group"] = [codes.get(cell.strip().casefold(), cell) for cell in canonical.table["group"]]
