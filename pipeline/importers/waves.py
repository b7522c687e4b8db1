"""A new wave added to a project's survey.csv: the rows already there kept as they are, the new ones after them;
and a wave's year in a project on fiscal or school years.

Refused, before anything is written, when survey.csv already has the wave (unless it is to be replaced) or one of
the new respondents' ids: the same export imported twice would otherwise count everyone twice. Ids an export did
not have (r0001 …) are numbered on from the highest already there.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.errors import EvalreportError, InputError, Problem
from pipeline.importers.canonical import Canonical
from pipeline.importers.export import Export
from pipeline.sources.readers import read_any
from pipeline.spec import Period
from pipeline.tables import SURVEY_COLUMNS

_MADE = re.compile(r"r(\d+)")


@dataclass
class Appended:
    table: pd.DataFrame  # survey.csv as it will be written: the rows kept, then the new ones
    kept: int  # rows of survey.csv kept
    replaced: dict[str, int]  # wave → rows of it dropped (--replace-wave)
    waves_before: list[str]
    new_columns: list[str]  # items the earlier waves did not ask (blank in their rows)
    renumbered: int  # made-up respondent ids numbered on after those already there

    def summary(self, said: str) -> list[str]:
        before = ", ".join(self.waves_before) or "none"
        lines = [
            f"appended {said} to survey.csv, which had {self.kept + sum(self.replaced.values())} row(s)"
            f" (waves: {before})"
        ]
        for wave, rows in self.replaced.items():
            lines.append(f"replaced wave {wave!r}: its {rows} earlier row(s) dropped (--replace-wave)")
        if self.new_columns:
            lines.append("items the earlier waves did not ask (blank in their rows): " + ", ".join(self.new_columns))
        if self.renumbered:
            lines.append(
                f"respondent ids made for this export numbered on from those already there ({self.renumbered})"
            )
        return lines


def existing_table(path: Path) -> pd.DataFrame:
    """survey.csv as written, every cell as text ('' where empty); an absent file as a table of no rows."""
    if not path.is_file():
        return pd.DataFrame(columns=SURVEY_COLUMNS, dtype=object)
    table = read_any(path, missing=())
    missing = [column for column in SURVEY_COLUMNS if column not in table.columns]
    if missing:
        raise EvalreportError(
            f"--append: {path} has no column {', '.join(missing)}: it is not a survey table to add a wave to"
        )
    return table.reset_index(drop=True)


def append_wave(before: pd.DataFrame, path: Path, canonical: Canonical, export: Export, replace_wave: bool) -> Appended:
    """survey.csv (`before`, read from `path`) with the new wave(s) after its rows, or an error saying why not."""
    new = canonical.table
    waves_before = list(dict.fromkeys(before["wave"]))
    lines = before.attrs.get("line") or range(2, len(before) + 2)
    held = {respondent: (line, wave) for respondent, wave, line in zip(before["respondent_id"], before["wave"], lines)}
    again = [wave for wave in canonical.waves if wave in waves_before]
    replaced: dict[str, int] = {}
    if again and not replace_wave:
        counts = ", ".join(f"{wave!r} ({int((before['wave'] == wave).sum())} rows)" for wave in again)
        raise EvalreportError(
            f"--append: {path} already has wave {counts}: give another --wave, or --replace-wave to replace its rows"
        )
    if again:
        dropping = before["wave"].isin(again)
        replaced = {wave: int((before["wave"] == wave).sum()) for wave in again}
        before = before[~dropping].reset_index(drop=True)
        held = {respondent: place for respondent, place in held.items() if place[1] not in again}
    renumbered = 0
    if not export.id_column:
        new, renumbered = _numbered_on(new, before)
    clashes = [respondent for respondent in new["respondent_id"] if respondent in held]
    if clashes:
        line_of = dict(zip(export.respondent_ids, export.lines))
        problems = [
            Problem(
                export.file,
                line_of.get(respondent),
                export.id_column or "respondent id",
                "a respondent not yet in survey.csv (was this export imported before?)",
                f"{respondent!r}, in {path.name} row {held[respondent][0]} (wave {held[respondent][1]!r}) already",
            )
            for respondent in clashes
        ]
        raise InputError(problems[:20])
    columns = list(before.columns) + [c for c in new.columns if c not in before.columns]
    table = pd.concat([before.reindex(columns=columns), new.reindex(columns=columns)], ignore_index=True).fillna("")
    added = [c for c in new.columns if c not in before.columns and c not in SURVEY_COLUMNS and len(before)]
    return Appended(table.astype(object), len(before), replaced, waves_before, added, renumbered)


def _numbered_on(new: pd.DataFrame, before: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Made-up ids (r0001 …) numbered on after the highest made-up id already in survey.csv."""
    highest = max((int(m.group(1)) for r in before["respondent_id"] if (m := _MADE.fullmatch(str(r)))), default=0)
    if not highest:
        return new, 0
    width = max(4, len(str(highest + len(new))))
    new = new.copy()
    new["respondent_id"] = [f"r{highest + n:0{width}d}" for n in range(1, len(new) + 1)]
    return new, len(new)


# When a respondent answered, as the tools write it: 2020-02-13 10:22 (year first), 13.02.2020 or 13-02-2020 (day
# first), 2/13/2020 or 13/2/2020 (Google Forms and Microsoft Forms: month or day first, by the form's language).
_YEAR_FIRST = re.compile(r"\s*(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_DAY_FIRST = re.compile(r"\s*(\d{1,2})[-.](\d{1,2})[-.](\d{4})")
_SLASHED = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})")


def project_years(canonical: Canonical, export: Export, calendar: Period) -> dict[str, int | None]:
    """Each wave's year of a project on fiscal or school years: the project year most of its respondents answered in
    (answers in February 2020 are in 2019/20 when years begin in April, 2019); the year the import found where the
    export does not say when they answered. A calendar project's waves keep the years the import found."""
    if not calendar.split:
        return dict(canonical.waves)
    answered = dict(zip(export.respondent_ids, export.submitted))
    counted: dict[str, Counter] = {wave: Counter() for wave in canonical.waves}
    for respondent, wave in zip(canonical.table["respondent_id"], canonical.table["wave"]):
        year = _project_year(answered.get(respondent) or "", calendar)
        if year is not None:
            counted[wave][year] += 1
    return {
        wave: counted[wave].most_common(1)[0][0] if counted[wave] else year for wave, year in canonical.waves.items()
    }


def _project_year(written: str, calendar: Period) -> int | None:
    """The project year of one answer's time, or None when it cannot be told (no date, or 3/2/2020 read as either
    3 February or 2 March falling in different years)."""
    readings = []
    if match := _YEAR_FIRST.match(written):
        readings = [(int(match.group(1)), int(match.group(2)), int(match.group(3)))]
    elif match := _DAY_FIRST.match(written):
        readings = [(int(match.group(3)), int(match.group(2)), int(match.group(1)))]
    elif match := _SLASHED.match(written):
        first, second, year = (int(group) for group in match.groups())
        readings = [(year, first, second), (year, second, first)]
    years = set()
    for year, month, day in readings:
        try:
            years.add(calendar.year_of(date(year, month, day)))
        except ValueError:
            continue  # not a day: the other reading is the one
    return years.pop() if len(years) == 1 else None
