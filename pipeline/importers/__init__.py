"""Import a survey tool's export into a project: the canonical survey table and a draft codebook to review.

Each tool has a module here with `read_export(path) -> Export`, registered by name in IMPORTERS; `csv`, any table
with a row per respondent, also takes the id column and the sheet. Everything after reading (the items chosen,
codes meaning no answer, respondents, waves, groups and units, guessing the codebook, writing) is shared.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.errors import EvalreportError
from pipeline.importers import (
    googleforms,
    kobo,
    limesurvey,
    msforms,
    nettskjema,
    spss,
    surveymonkey,
    surveyxact,
    tabular,
)
from pipeline.importers.canonical import Canonical, to_canonical
from pipeline.importers.choices import blank_missing, decimal_points, drop_items, keep_items
from pipeline.importers.codebook import Draft, draft_codebook
from pipeline.importers.export import Export, rename_items
from pipeline.importers.known import keep_known_groups, keep_known_ids, known_survey
from pipeline.importers.waves import Appended, append_wave, existing_table
from pipeline.project import PROJECT_FILE, load_spec
from pipeline.run.publish import publish, refuse_to_replace
from pipeline.spec import Period

IMPORTERS: dict[str, Callable[[Path], Export]] = {
    tabular.TOOL: tabular.read_export,
    "surveyxact": surveyxact.read_export,
    "nettskjema": nettskjema.read_export,
    "limesurvey": limesurvey.read_export,
    "msforms": msforms.read_export,
    "kobo": kobo.read_export,
    "googleforms": googleforms.read_export,
    "surveymonkey": surveymonkey.read_export,
    "spss": spss.read_export,
}

SURVEY_FILE = "survey.csv"
DRAFT_FILE = "codebook.draft.yaml"

# What the columns an importer drops as not questions are, when they are not a tool's own bookkeeping.
OWN_COLUMNS = {tabular.TOOL: "ids, dates and times (not questions)"}


@dataclass
class ImportResult:
    export: Export
    canonical: Canonical
    draft: Draft
    survey_path: Path
    draft_path: Path
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # headings left out with --drop
    not_items: list[str] = field(default_factory=list)  # headings left out because --items did not name them
    missing: Counter = field(default_factory=Counter)  # cells emptied, by the code they held (--missing)
    decimals: list[str] = field(default_factory=list)  # headings of columns whose decimal commas became points
    appended: Appended | None = None  # with --append: what survey.csv held before, and what was replaced

    def summary(self) -> list[str]:
        """The lines `evalreport import` prints: what was read, left out, dropped and written, and what to review."""
        export, table = self.export, self.canonical.table
        left = Counter(export.left_out)
        if self.canonical.without_answers:
            left["without answers"] += self.canonical.without_answers
        status = ", ".join(f"{n} {name}" for name, n in sorted(self.canonical.status.items()))
        lines = [f"read {export.file} ({export.tool}): {len(table)} respondent(s)" + (f" ({status})" if status else "")]
        if left:
            lines.append("  left out: " + ", ".join(f"{n} {why}" for why, n in left.items()))
        lines.append("  dropped as personal data: " + (", ".join(export.personal) if export.personal else "none found"))
        if export.system:
            own = OWN_COLUMNS.get(export.tool) or f"{export.tool}'s own columns"
            lines.append(f"  dropped as {own}: " + ", ".join(export.system))
        if self.dropped:
            lines.append("  dropped with --drop: " + ", ".join(self.dropped))
        if self.not_items:
            lines.append("  not items (not named by --items): " + ", ".join(self.not_items))
        if self.missing:
            held = ", ".join(f"{n} held {code!r}" for code, n in self.missing.items())
            lines.append(
                f"  no answer (blank in survey.csv, counted as missing): {sum(self.missing.values())} cell(s): {held}"
            )
        if self.decimals:
            lines.append("  decimal commas written as points: " + ", ".join(self.decimals))
        waves = self.canonical.waves
        said = f"wave {self.canonical.wave}" if len(waves) == 1 else f"waves {', '.join(waves)}"
        if self.appended:
            lines += ["  " + line for line in self.appended.summary(said)]
            total, all_waves = self.appended.table, ", ".join(dict.fromkeys(self.appended.table["wave"]))
            lines.append(f"  wrote {_shown(self.survey_path)} ({len(total)} rows, waves {all_waves})")
        else:
            items = len(self.canonical.items)
            lines.append(f"  wrote {_shown(self.survey_path)} ({len(table)} rows, {items} items, {said})")
        lines.append(f"  wrote {_shown(self.draft_path)}")
        lines.append(f"review {self.draft_path.name}, then paste it under `survey:` in project.yaml:")
        lines += [f"  - {note}" for note in self.notes + self.draft.review]
        return lines


def _shown(path: Path) -> str:
    """A path as the user would type it: from the current folder when it is below it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else relative


def import_survey(
    tool: str,
    file: Path,
    folder: Path,
    *,
    wave: str | None = None,
    wave_column: str | None = None,
    group_column: str | None = None,
    unit_column: str | None = None,
    id_column: str | None = None,
    items: Sequence[str] = (),
    drop: Sequence[str] = (),
    missing: Sequence[str] = (),
    sheet: str | None = None,
    item_ids: Path | None = None,
    force: bool = False,
    append: bool = False,
    replace_wave: bool = False,
) -> ImportResult:
    """Read `file` with the importer for `tool` and write survey.csv and codebook.draft.yaml into `folder`.

    `items` (headings, ids or texts) are the only columns kept as items, besides the group, unit and wave columns;
    `drop` are left out; answers that are one of the `missing` codes become blank. `id_column` and `sheet` are for
    the `csv` importer: a tool's importer knows its own. Refuses to replace either file without `force` (a table
    holding only its header, as `evalreport new` writes it, is not refused); both are written whole or not at all.

    `append` adds the export as a new wave to survey.csv instead, refused when its wave or respondent ids are there
    already, unless `replace_wave` (then that wave's rows are replaced). Either way the draft codebook is the
    project's (project.yaml's survey section, and with `append` the draft imported before) with the new items
    drafted: a question the project knows by its text keeps its id.
    """
    if tool not in IMPORTERS:
        raise EvalreportError(f"--from: expected one of {', '.join(sorted(IMPORTERS))}, found {tool!r}")
    survey_path, draft_path = folder / SURVEY_FILE, folder / DRAFT_FILE
    if replace_wave and not append:
        raise EvalreportError("--replace-wave: only with --append (it replaces one wave's rows in survey.csv)")
    if append and force:
        raise EvalreportError(
            "--append and --force: give one (--append adds a wave to survey.csv, --force replaces it)"
        )
    if not append:
        refuse_to_replace([survey_path, draft_path], force)
    reading = {option: value for option, value in (("id_column", id_column), ("sheet", sheet)) if value}
    if reading and tool != tabular.TOOL:
        given = " and ".join("--" + option.replace("_", "-") for option in reading)
        raise EvalreportError(
            f"{given}: only with --from {tabular.TOOL}; the {tool} importer finds its export's id column and "
            "sheet itself"
        )
    export = IMPORTERS[tool](Path(file), **reading)
    notes = rename_items(export, Path(item_ids)) if item_ids else []
    dropped = drop_items(export, list(drop))
    not_items = keep_items(export, list(items), (group_column, unit_column, wave_column)) if items else []
    counted = blank_missing(export, missing)
    decimals = decimal_points(export)
    canonical = to_canonical(export, wave, group_column, unit_column, wave_column)
    before = existing_table(survey_path) if append else None
    known = known_survey(folder, draft_path if append else None, before)
    keep_known_ids(canonical, known)
    keep_known_groups(canonical, known)
    appended = append_wave(before, survey_path, canonical, export, replace_wave) if append else None
    draft = draft_codebook(
        export, canonical, language=report_language(folder), known=known, calendar=project_period(folder)
    )
    table = appended.table if appended else canonical.table
    publish({survey_path: survey_csv(table), draft_path: draft.text})
    return ImportResult(
        export, canonical, draft, survey_path, draft_path, notes, dropped, not_items, counted, decimals, appended
    )


def report_language(folder: Path) -> str | None:
    """The language of the project imported into, when it has a valid project.yaml: a yes/no question answered
    only 'Ja' gets 'Nej' in a Danish report and 'Nei' in a Norwegian one."""
    try:
        return load_spec(folder / PROJECT_FILE).language if (folder / PROJECT_FILE).is_file() else None
    except EvalreportError:
        return None


def project_period(folder: Path) -> Period | None:
    """The years of the project imported into, when it has a valid project.yaml: a new wave's year is one of them."""
    try:
        return load_spec(folder / PROJECT_FILE).period if (folder / PROJECT_FILE).is_file() else None
    except EvalreportError:
        return None


def survey_csv(table: pd.DataFrame) -> str:
    """The canonical table as UTF-8 CSV text, quoted only where a cell needs it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(table.columns))
    writer.writerows(table.itertuples(index=False, name=None))
    return out.getvalue()
