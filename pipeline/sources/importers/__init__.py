"""Import a survey tool's export into a project: the canonical survey table and a draft codebook to review.

Each tool has a module here with `read_export(path) -> Export`, registered by name in IMPORTERS; everything
after reading (choosing respondents, wave, group and unit, guessing the codebook, writing) is shared.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import EvalreportError
from pipeline.project import PROJECT_FILE, load_spec
from pipeline.run.publish import publish
from pipeline.sources.importers import (
    googleforms,
    kobo,
    limesurvey,
    msforms,
    nettskjema,
    spss,
    surveymonkey,
    surveyxact,
)
from pipeline.sources.importers.canonical import Canonical, to_canonical
from pipeline.sources.importers.codebook import Draft, draft_codebook
from pipeline.sources.importers.export import Export, rename_items

IMPORTERS: dict[str, Callable[[Path], Export]] = {
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


@dataclass
class ImportResult:
    export: Export
    canonical: Canonical
    draft: Draft
    survey_path: Path
    draft_path: Path
    notes: list[str] = field(default_factory=list)

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
            lines.append(f"  dropped as {export.tool}'s own columns: " + ", ".join(export.system))
        lines.append(f"  wrote {self.survey_path} ({len(table)} rows, {len(self.canonical.items)} items, wave {self.canonical.wave})")
        lines.append(f"  wrote {self.draft_path}")
        lines.append(f"review {self.draft_path.name}, then paste it under `survey:` in project.yaml:")
        lines += [f"  - {note}" for note in self.notes + self.draft.review]
        return lines


def import_survey(
    tool: str,
    file: Path,
    folder: Path,
    *,
    wave: str | None = None,
    group_column: str | None = None,
    unit_column: str | None = None,
    item_ids: Path | None = None,
    force: bool = False,
) -> ImportResult:
    """Read `file` with the importer for `tool` and write survey.csv and codebook.draft.yaml into `folder`.

    Refuses to replace either file without `force`; both are written whole or not at all.
    """
    if tool not in IMPORTERS:
        raise EvalreportError(f"--from: expected one of {', '.join(sorted(IMPORTERS))}, found {tool!r}")
    survey_path, draft_path = folder / SURVEY_FILE, folder / DRAFT_FILE
    existing = [p for p in (survey_path, draft_path) if p.exists()]
    if existing and not force:
        raise EvalreportError(f"{' and '.join(str(p) for p in existing)} already {'exists' if len(existing) == 1 else 'exist'}: give --force to replace")
    export = IMPORTERS[tool](Path(file))
    notes = rename_items(export, Path(item_ids)) if item_ids else []
    canonical = to_canonical(export, wave, group_column, unit_column)
    draft = draft_codebook(export, canonical, language=report_language(folder))
    publish({survey_path: survey_csv(canonical), draft_path: draft.text})
    return ImportResult(export, canonical, draft, survey_path, draft_path, notes)


def report_language(folder: Path) -> str | None:
    """The language of the project imported into, when it has a valid project.yaml: a yes/no question answered
    only 'Ja' gets 'Nej' in a Danish report and 'Nei' in a Norwegian one."""
    try:
        return load_spec(folder / PROJECT_FILE).language if (folder / PROJECT_FILE).is_file() else None
    except EvalreportError:
        return None


def survey_csv(canonical: Canonical) -> str:
    """The canonical table as UTF-8 CSV text, quoted only where a cell needs it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(canonical.table.columns))
    writer.writerows(canonical.table.itertuples(index=False, name=None))
    return out.getvalue()
