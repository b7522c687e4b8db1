"""Import an indicator table as a statistics office publishes it: indicators.csv and the `indicators:` block.

One module per format reads the file into a `Source` (figures and the dimensions that place them): `long` and
`wide` tables (CSV or workbooks), `px` (PC-Axis) and `jsonstat` (JSON-stat 2.0). Everything after reading is
shared: choosing units, years and indicators, reading each figure, and writing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import EvalreportError
from pipeline.indicators import jsonstat, long, px, wide
from pipeline.indicators.draft import draft_block
from pipeline.indicators.shape import Canonical, Choices, to_canonical
from pipeline.indicators.source import Source
from pipeline.project import PROJECT_FILE, load_spec
from pipeline.run.publish import publish, refuse_to_replace

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
        years = sorted(set(table["period"]))
        span = f"{years[0]}–{years[-1]}" if years else "no years"
        lines.append(f"  wrote {self.table_path} ({len(table):,} rows: {table['unit'].nunique()} unit(s), {len(found.indicators)} indicator(s), {span})")
        lines.append(f"  wrote {self.draft_path}")
        lines.append(f"paste this into project.yaml (it is also in {self.draft_path.name}), then run `evalreport validate`:")
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
) -> IndicatorImport:
    """Read `file` as a `form` table and write indicators.csv and indicators.draft.yaml into the project `folder`.

    Refuses to replace either file without `force`; both are written whole or not at all, after the whole table
    has been read without a problem.
    """
    if form not in READERS:
        raise EvalreportError(f"--from: expected one of {', '.join(READERS)}, found {form!r}")
    table_path, draft_path = folder / INDICATORS_FILE, folder / DRAFT_FILE
    refuse_to_replace([table_path, draft_path], force)
    choices = choices or Choices()
    if units_from_project:
        choices.project_units = _project_units(folder)
    if not Path(file).is_file():
        raise EvalreportError(f"{file}: no such file")
    source = READERS[form](Path(file), value_column, sheet)
    canonical = to_canonical(source, choices)
    draft = draft_block(canonical.indicators, source.file, None if units_from_project else canonical.units)
    publish({table_path: indicators_csv(canonical), draft_path: draft})
    return IndicatorImport(source, canonical, table_path, draft_path, draft)


def _project_units(folder: Path) -> list[str]:
    if not (folder / PROJECT_FILE).is_file():
        raise EvalreportError(f"--units-from-project: there is no {folder / PROJECT_FILE} to take the units from")
    units = [unit.id for unit in load_spec(folder / PROJECT_FILE).units]
    if not units:
        raise EvalreportError(f"--units-from-project: {folder / PROJECT_FILE} declares no units")
    return units


def indicators_csv(canonical: Canonical) -> str:
    """The table as UTF-8 CSV text in the canonical format, quoted only where a cell needs it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["unit", "indicator", "period", "value", "note"])
    writer.writerows(canonical.table.itertuples(index=False, name=None))
    return out.getvalue()
