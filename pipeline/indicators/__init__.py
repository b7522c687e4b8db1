"""Import an indicator table as a statistics office publishes it: indicators.csv and the `indicators:` block.

One module per format reads the file into a `Source` (figures and the dimensions that place them): `long` and
`wide` tables (CSV or workbooks), `px` (PC-Axis) and `jsonstat` (JSON-stat 2.0). Everything after reading is
shared: choosing units, years and indicators, reading each figure, and writing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from pipeline.errors import EvalreportError
from pipeline.indicators import jsonstat, long, px, wide
from pipeline.indicators.draft import draft_block
from pipeline.indicators.shape import Canonical, Choices, to_canonical
from pipeline.indicators.source import Source
from pipeline.project import PROJECT_FILE, load_spec
from pipeline.run.publish import publish, refuse_to_replace
from pipeline.sources.readers import read_any
from pipeline.spec import Period, ProjectSpec

READERS: dict[str, Callable[..., Source]] = {
    "long": lambda path, value_column, sheet: long.read(path, value_column=value_column, sheet=sheet),
    "wide": lambda path, value_column, sheet: wide.read(path, sheet=sheet),
    "px": lambda path, value_column, sheet: px.read(path),
    "jsonstat": lambda path, value_column, sheet: jsonstat.read(path),
}
INDICATORS_FILE = "indicators.csv"
DRAFT_FILE = "indicators.draft.yaml"


@dataclass
class IndicatorImport:
    source: Source
    canonical: Canonical
    table_path: Path
    draft_path: Path
    draft: str
    merged: Merged | None = None  # with --append

    def summary(self) -> list[str]:
        """The lines `evalreport import indicators` prints: what was read and kept, and what was written."""
        source, found, table = self.source, self.canonical, self.canonical.table
        roles = found.roles
        lines = [
            f"read {source.file} ({source.format}): {len(source.figures):,} figure(s); units from {roles['units']!r}, "
            f"years from {roles['periods']!r}, indicators from {roles['indicator']!r}"
        ]
        if found.kept != len(source.figures):
            lines.append(f"  kept by --where: {found.kept:,} figure(s)")
        if found.outside_project:
            shown = ", ".join(found.outside_project[:8]) + (" …" if len(found.outside_project) > 8 else "")
            lines.append(f"  left out, not units of the project: {len(found.outside_project)} ({shown})")
        if found.without_figures:
            lines.append(f"  project units with no figure in the file: {', '.join(found.without_figures)}")
        if found.missing:
            held = ", ".join(f"{n} '{symbol}'" for symbol, n in found.missing.items())
            lines.append(f"  no figure (blank in {INDICATORS_FILE}, never zero): {held}")
        if found.nil:
            lines.append(f"  nil ('-', a true zero): {found.nil} figure(s) written as 0")
        if self.merged:
            lines += ["  " + line for line in self.merged.summary()]
            table = self.merged.table
        years = sorted(set(table["period"].astype(str)))
        span = f"{years[0]}–{years[-1]}" if years else "no years"
        count = table["indicator"].nunique() if self.merged else len(found.indicators)
        units = table["unit"].nunique()
        lines.append(f"  wrote {self.table_path} ({len(table):,} rows: {units} unit(s), {count} indicator(s), {span})")
        lines.append(f"  wrote {self.draft_path}")
        lines.append(
            f"paste this into project.yaml (it is also in {self.draft_path.name}), then run `evalreport validate`:"
        )
        lines += ["  " + line for line in self.draft.splitlines()]
        return lines


def import_indicators(
    form: str,
    file: Path,
    folder: Path,
    *,
    value_column: str | None = None,
    sheet: str | None = None,
    units_from_project: bool = False,
    choices: Choices | None = None,
    force: bool = False,
    append: bool = False,
    replace: bool = False,
) -> IndicatorImport:
    """Read `file` as a `form` table and write indicators.csv and indicators.draft.yaml into the project `folder`.

    Refuses to replace either file holding data without `force` (a table `evalreport new` wrote, headers only, is
    not refused); both are written whole or not at all, after the whole table has been read without a problem.
    `append` merges the figures into indicators.csv instead, by unit, indicator and year: a figure already there
    with another value is refused unless `replace`. An indicator project.yaml labels the same keeps its id there.
    """
    if form not in READERS:
        raise EvalreportError(f"--from: expected one of {', '.join(READERS)}, found {form!r}")
    table_path, draft_path = folder / INDICATORS_FILE, folder / DRAFT_FILE
    if replace and not append:
        raise EvalreportError("--replace: only with --append (it lets a new figure replace another in indicators.csv)")
    if append and force:
        raise EvalreportError("--append and --force: give one (--append merges into indicators.csv, --force replaces)")
    if not append:
        refuse_to_replace([table_path, draft_path], force)
    choices = choices or Choices()
    spec = _project_spec(folder)
    if units_from_project:
        choices.project_units = _project_units(folder)
    elif spec is not None and not spec.units:
        choices.whole_project = True  # a file without a unit column holds the project's own figures
    # Fiscal or school years: periods read as the project's and written by their labels ('2018/19').
    choices.calendar = spec.period if spec is not None else _written_period(folder)
    if not Path(file).is_file():
        raise EvalreportError(f"{file}: no such file")
    source = READERS[form](Path(file), value_column, sheet)
    canonical = to_canonical(source, choices)
    known = _known_indicators(folder)
    _keep_known_ids(canonical, known)
    merged = merge_figures(table_path, canonical.table, replace, choices.calendar) if append else None
    new = {ident: label for ident, label in canonical.indicators.items() if ident not in known}
    draft = draft_block(new, source.file, None if units_from_project else canonical.units)
    if len(new) < len(canonical.indicators):
        kept = ", ".join(ident for ident in canonical.indicators if ident in known)
        draft = f"# Already in project.yaml, kept under their ids: {kept}\n" + (draft if new else "# Nothing new.\n")
    publish({table_path: indicators_csv(merged.table if merged else canonical.table), draft_path: draft})
    return IndicatorImport(source, canonical, table_path, draft_path, draft, merged)


@dataclass
class Merged:
    table: pd.DataFrame  # indicators.csv as it will be written
    before: int  # rows indicators.csv had
    added: int
    same: int  # figures already there with the same value
    replaced: list[str] = field(default_factory=list)  # 'unit, indicator, year: old → new' (--replace)

    def summary(self) -> list[str]:
        lines = [
            f"merged into indicators.csv, which had {self.before:,} row(s): {self.added:,} new, "
            f"{self.same:,} already there with the same figure"
        ]
        if self.replaced:
            more = " …" if len(self.replaced) > 5 else ""
            shown = "; ".join(self.replaced[:5]) + more
            lines.append(f"replaced (--replace): {len(self.replaced)} figure(s): {shown}")
        return lines


_KEY = ["unit", "indicator", "period"]


def merge_figures(path: Path, new: pd.DataFrame, replace: bool, calendar: Period | None = None) -> Merged:
    """indicators.csv with `new` merged in by unit, indicator and year; a different figure for one already there is
    refused, naming the first ones, unless `replace`. Nothing is written here. On fiscal or school years (`calendar`)
    a year written by hand another way (2018-19, a day inside it) is the same year as the import's 2018/19."""
    columns = ["unit", "indicator", "period", "value", "note"]
    before = pd.DataFrame(columns=columns)
    if path.is_file():
        found = read_any(path, missing=())
        # Columns of the user's own (provisional, coverage) stay with their rows; an imported figure has none.
        before = found.reindex(columns=[*columns, *(c for c in found.columns if c not in columns)]).fillna("")
    before = before.astype(str)
    if calendar is not None and calendar.split:
        before["period"] = before["period"].map(lambda written: _labelled(written, calendar))
    new = new.astype(str)
    old = {tuple(row[:3]): row for row in before[columns].itertuples(index=False, name=None)}
    differing = []
    for unit, indicator, year, value, _ in new[columns].itertuples(index=False, name=None):
        was = old.get((unit, indicator, year))
        if was is not None and not _same(was[3], value):
            differing.append(((unit, indicator, year), was[3], value))
    if differing and not replace:
        shown = "; ".join(
            f"{unit}, {indicator}, {year}: {was or 'no figure'} there, {now or 'no figure'} in the file"
            for (unit, indicator, year), was, now in differing[:5]
        )
        more = f" and {len(differing) - 5} more" if len(differing) > 5 else ""
        raise EvalreportError(
            f"--append: {len(differing)} figure(s) differ from {path}: {shown}{more}. Give --replace to take the file's"
        )
    incoming = {tuple(row[:3]) for row in new[columns].itertuples(index=False, name=None)}
    kept = before[[tuple(row) not in incoming for row in before[_KEY].itertuples(index=False, name=None)]]
    table = (
        pd.concat([kept, new[columns]], ignore_index=True)
        .fillna("")
        .sort_values(_KEY, kind="stable")
        .reset_index(drop=True)
    )
    same = len(incoming & set(old)) - len(differing)
    replaced = [f"{u}, {i}, {y}: {was or '–'} → {now or '–'}" for (u, i, y), was, now in differing]
    return Merged(table, len(before), len(incoming - set(old)), same, replaced)


def _labelled(written: str, calendar: Period) -> str:
    """A fiscal or school year by its label (2018-19 → 2018/19); as written when it is none (validate names it)."""
    try:
        return calendar.year_label(calendar.parse_year(written))
    except ValueError:
        return written


def _same(was: str, now: str) -> bool:
    """One figure written two ways ('30', '30.0') is the same figure; no figure is never the same as a number."""
    if was.strip() == now.strip():
        return True
    try:
        return float(was) == float(now)
    except ValueError:
        return False


def _known_indicators(folder: Path) -> dict[str, str]:
    """project.yaml's indicators, id → label, read as written (a project still being filled in reads too)."""
    path = folder / PROJECT_FILE
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8-sig")) if path.is_file() else None
    except (yaml.YAMLError, UnicodeDecodeError):
        return {}
    indicators = document.get("indicators") if isinstance(document, dict) else None
    if not isinstance(indicators, dict):
        return {}
    return {
        str(ident): str(spec.get("label", "")) if isinstance(spec, dict) else "" for ident, spec in indicators.items()
    }


def _keep_known_ids(canonical: Canonical, known: dict[str, str]) -> None:
    """An imported indicator whose label is one project.yaml gives takes that indicator's id."""
    by_label = {" ".join(label.split()).casefold(): ident for ident, label in known.items() if label}
    renamed = {
        ident: by_label[" ".join(label.split()).casefold()]
        for ident, label in canonical.indicators.items()
        if " ".join(label.split()).casefold() in by_label
    }
    if renamed:
        canonical.table["indicator"] = canonical.table["indicator"].map(lambda ident: renamed.get(ident, ident))
        canonical.indicators = {renamed.get(ident, ident): label for ident, label in canonical.indicators.items()}


def _project_spec(folder: Path) -> ProjectSpec | None:
    """project.yaml as loaded, or None while there is none or it is still being filled in (TODOs left)."""
    try:
        return load_spec(folder / PROJECT_FILE) if (folder / PROJECT_FILE).is_file() else None
    except EvalreportError:
        return None


def _written_period(folder: Path) -> Period | None:
    """project.yaml's `period` alone, when the rest of the file does not load yet; None when it does not read."""
    path = folder / PROJECT_FILE
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8-sig")) if path.is_file() else None
        return Period.model_validate(document["period"]) if isinstance(document, dict) else None
    except (yaml.YAMLError, UnicodeDecodeError, KeyError, TypeError, ValueError):
        return None  # pydantic's ValidationError is a ValueError


def _project_units(folder: Path) -> list[str]:
    if not (folder / PROJECT_FILE).is_file():
        raise EvalreportError(f"--units-from-project: there is no {folder / PROJECT_FILE} to take the units from")
    units = [unit.id for unit in load_spec(folder / PROJECT_FILE).units]
    if not units:
        raise EvalreportError(f"--units-from-project: {folder / PROJECT_FILE} declares no units")
    return units


def indicators_csv(table: pd.DataFrame) -> str:
    """The table as UTF-8 CSV text in the canonical format, quoted only where a cell needs it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = ["unit", "indicator", "period", "value", "note"]
    columns += [c for c in table.columns if c not in columns]  # the user's own, kept by --append
    writer.writerow(columns)
    writer.writerows(table[columns].itertuples(index=False, name=None))
    return out.getvalue()
