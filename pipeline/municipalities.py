"""Units for a new project: the current municipalities of Norway and Denmark, shipped with evalreport, or the
evaluator's own table of unit ids and names."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pipeline.errors import InputError, Problem
from pipeline.paths import NAME_RULE, name_problem
from pipeline.sources.csv import read_table

# The lists as package data, each with the year it holds in its name and in its first comment lines.
LISTS = {"kommuner-no": "kommuner-no-2024.csv", "kommuner-dk": "kommuner-dk-2024.csv"}


@dataclass(frozen=True)
class UnitList:
    source: str  # where the units came from, as project.yaml's comment names it
    units: list[tuple[str, str]]  # (id, name) in the list's order


def municipalities(name: str) -> UnitList:
    """Norway's municipalities with their 4-digit kommunenummer, or Denmark's with their 3-digit kommunekode."""
    if name not in LISTS:
        raise InputError([Problem("--units-from", None, None, f"one of {', '.join(LISTS)}", repr(name))])
    text = resources.files("pipeline.data").joinpath(LISTS[name]).read_text(encoding="utf-8")
    rows = list(csv.reader(line for line in text.splitlines() if not line.startswith("#")))
    return UnitList(LISTS[name].removesuffix(".csv"), [(row[0], row[1]) for row in rows[1:]])


def units_from_file(path: Path) -> UnitList:
    """A table with the columns id and name, one row per unit; every bad row named, as for any input table."""
    table = read_table(path, ["id", "name"])
    problems, seen = [], set()
    for line, row in zip(table.attrs["line"], table.to_dict("records")):
        reason = name_problem(row["id"])
        if reason:
            problems.append(Problem(path.name, line, "id", NAME_RULE, f"{row['id']!r}, which {reason}"))
        elif row["id"] in seen:
            problems.append(Problem(path.name, line, "id", "each unit id once", f"{row['id']!r} again"))
        if not row["name"]:
            problems.append(Problem(path.name, line, "name", "the unit's name", "an empty cell"))
        seen.add(row["id"])
    if table.empty:
        problems.append(Problem(path.name, 2, None, "a row per unit under the header id,name", "no rows"))
    if problems:
        raise InputError(problems)
    return UnitList(path.name, [(row["id"], row["name"]) for row in table.to_dict("records")])
