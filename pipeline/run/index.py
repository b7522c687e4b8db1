"""reports/index.html, the portfolio's front page: every project by its title and owner, the status of its success
criteria and their change since the last status, its reports newest first with the outcome of their last run, and
for reports per unit a table of units × criteria. One self-contained file: style and script inline, nothing fetched.

It reads only what runs leave in the reports folder (run.json, results.json, the files) and each project's
project.yaml where the run says its inputs are; a project no longer there is shown by its id."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from babel import Locale
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from pipeline import __version__
from pipeline.errors import UnsafePath
from pipeline.present.i18n import LOCALES, Messages
from pipeline.project import PROJECT_FILE, load_spec
from pipeline.run.files import ReportFiles
from pipeline.run.publish import write_atomically
from pipeline.vocabulary import CHANGE_SYMBOLS, STATUS_SYMBOLS, palette_css

# The four statuses an index counts, by symbol, word and colour; `not_applicable` counts as no data here.
STATUSES = ("met", "partly_met", "not_met", "no_data")
REPORT_NAMES = ("end_report", "success_criteria", "survey_feedback", "milestones", "status_report")
FILE_KINDS = {"html": "HTML", "pdf": "PDF", "xlsx": "Excel"}


@dataclass
class Report:
    """One job's report: its files, the results it computed, and how its last run went."""

    project: str
    period: str
    name: str  # the file name without suffix: end_report, end_report-0701, end_report.en
    report: str
    unit: str | None
    language: str | None  # set only for a report in another language than the project's
    ok: bool
    reason: str
    last_run: datetime | None
    made: datetime | None  # when the report now published was made: the last run's, or the last good one's
    files: dict[str, str]  # kind (html, pdf, xlsx) → link relative to the index
    results: dict | None

    @property
    def counts(self) -> dict[str, int] | None:
        summary = (self.results or {}).get("summary")
        if not summary:
            return None
        counts = {status: int(summary.get(status, 0)) for status in STATUSES}
        counts["no_data"] += int(summary.get("not_applicable", 0))
        return counts

    @property
    def changes(self) -> dict[str, int] | None:
        """How many criteria improved, held and worsened since the previous status; None for a report that is no status."""
        status = (self.results or {}).get("status")
        if not status:
            return None
        found = Counter(criterion.get("change") for criterion in status.get("criteria", []))
        return {change: found[change] for change in CHANGE_SYMBOLS}


@dataclass
class UnitTable:
    """The reports of one kind made per unit for one period: a row per unit, a column per criterion."""

    period: str
    report: str
    language: str | None
    criteria: list[tuple[str, str]]  # (id, title)
    rows: list[tuple[str, str, list[tuple[str, str, str | None, bool]]]]  # unit id, name, cells (criterion, status, link, last run failed)


@dataclass
class Card:
    id: str
    title: str
    owner: str
    language: str
    unit_singular: str
    unit_names: dict[str, str] = field(default_factory=dict)
    reports: list[Report] = field(default_factory=list)  # for the project as a whole, newest first
    unit_tables: list[UnitTable] = field(default_factory=list)
    newest: datetime | None = None  # when its newest report (of the whole project or a unit) was made

    @property
    def headline(self) -> Report | None:
        """The report whose status the card shows: the newest with counted criteria, in the project's language first."""
        counted = [r for r in self.reports if r.counts is not None]
        return next((r for r in counted if r.language is None), counted[0] if counted else None)

    @property
    def changed(self) -> Report | None:
        return next((r for r in self.reports if r.changes is not None), None)


def reports_in(root: Path) -> list[Report]:
    """Every job recorded in a run.json under `root` (reports/<project>/<period>/run.json)."""
    found = []
    for ledger in sorted(root.glob("*/*/run.json")):
        folder = ledger.parent
        for name, record in sorted(_json(ledger, {}).items()):
            try:
                report_files = ReportFiles.recorded(folder, name)
            except UnsafePath:  # an edited run.json: not a report of ours
                continue
            parameters = record.get("parameters", {})
            language = parameters.get("language")
            published = {kind: report_files.published(kind) for kind in FILE_KINDS}
            files = {kind: path.relative_to(root).as_posix() for kind, path in published.items() if path.exists()}
            html = report_files.html
            ok = record.get("status") != "failed"
            last_run = _moment(record.get("started"))
            made = last_run if ok else (datetime.fromtimestamp(html.stat().st_mtime, UTC) if html.exists() else None)
            found.append(
                Report(
                    project=folder.parent.name,
                    period=folder.name,
                    name=name,
                    report=record.get("report") or name.split("-")[0].split(".")[0],
                    unit=parameters.get("unit"),
                    language=language if language and name.endswith(f".{language}") else None,
                    ok=ok,
                    reason=record.get("reason", ""),
                    last_run=last_run,
                    made=made,
                    files=files,
                    results=_json(report_files.results, None),
                )
            )
    return found


def cards(reports: list[Report], root: Path) -> list[Card]:
    """One card per project, newest report first, the projects with the newest reports first."""
    result = []
    for project_id in sorted({r.project for r in reports}):
        own = [r for r in reports if r.project == project_id]
        card = _card(project_id, own, root)
        card.reports = sorted((r for r in own if r.unit is None), key=_newest_first)
        card.unit_tables = _unit_tables(card, [r for r in own if r.unit is not None])
        card.newest = max((moment for r in own if (moment := r.made or r.last_run)), default=None)
        result.append(card)
    return sorted(result, key=lambda c: c.newest.timestamp() if c.newest else 0, reverse=True)


def index_html(reports: list[Report], root: Path, language: str | None = None) -> str:
    """The page: in `language` throughout, or each project in its own language (the page's own words in the one all
    projects share, else English)."""
    found = cards(reports, root)
    page_language = language or (found[0].language if len({c.language for c in found}) == 1 else "en")
    environment = Environment(
        loader=PackageLoader("pipeline", "templates/portfolio"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("index.html.j2").render(
        page=Words(page_language),
        cards=[(card, Words(language or card.language)) for card in found],
        statuses=STATUSES,
        symbols=STATUS_SYMBOLS,
        changes=CHANGE_SYMBOLS,
        palette=palette_css(),
        file_kinds=FILE_KINDS,
        version=__version__,
        today=date.today(),
    )


def write_index(root: Path, language: str | None = None) -> Path:
    """Write reports/index.html atomically (a reader never sees half a page); runs call it after publishing."""
    path = root / "index.html"
    write_atomically(path, index_html(reports_in(root), root, language))
    return path


class Words(Messages):
    """The catalogue's words for the index, and the names of reports, statuses, languages and dates."""

    def report_name(self, report: str, language: str | None = None) -> str:
        """'Slutrapport', or 'Slutrapport (på engelsk)' for a report made in another language than the project's."""
        name = self(report) if report in REPORT_NAMES else report
        if language:
            name += f" ({self('in_language', language=Locale.parse(language).get_display_name(self.locale))})"
        return name

    def when(self, moment: datetime | None) -> str:
        return self.date(moment.astimezone().date()) if moment else "–"


def _card(project_id: str, reports: list[Report], root: Path) -> Card:
    """The project's title, owner, language and unit noun from its project.yaml; its id and its reports' language
    when the project is gone or no longer valid."""
    languages = [(r.results or {}).get("language") for r in reports if r.language is None]
    language = next((lang for lang in languages if lang in LOCALES), "en")
    card = Card(project_id, project_id, "", language, "")
    for inputs in dict.fromkeys(_inputs_of(reports, root)):
        try:
            spec = load_spec(inputs / project_id / PROJECT_FILE)
        except Exception:  # an index is written after every run: a project being edited must not stop it
            continue
        card.title, card.owner, card.language, card.unit_singular = spec.title, spec.owner, spec.language, spec.unit_noun.singular
        card.unit_names = {unit.id: unit.name for unit in spec.units}
        break
    return card


def _inputs_of(reports: list[Report], root: Path):
    for ledger in root.glob(f"{reports[0].project}/*/run.json"):
        for record in _json(ledger, {}).values():
            inputs = record.get("parameters", {}).get("inputs")
            if inputs:
                yield Path(inputs)


def _unit_tables(card: Card, reports: list[Report]) -> list[UnitTable]:
    names = card.unit_names
    tables = []
    for period, report, language in sorted({(r.period, r.report, r.language) for r in reports}, key=lambda k: (k[0], k[1], k[2] or ""), reverse=True):
        group = [r for r in reports if (r.period, r.report, r.language) == (period, report, language)]
        criteria: dict[str, str] = {}
        for r in group:
            for criterion in (r.results or {}).get("criteria", []):
                criteria.setdefault(criterion["id"], criterion.get("title", ""))
        order = list(names)
        rows = []
        for r in sorted(group, key=lambda r: (order.index(r.unit) if r.unit in order else len(order), r.unit)):
            statuses = {c["id"]: c.get("status", "no_data") for c in (r.results or {}).get("criteria", [])}
            link = r.files.get("html")
            cells = [(cid, _counted(statuses.get(cid, "no_data")), link, not r.ok) for cid in criteria]
            rows.append((r.unit, names.get(r.unit, r.unit), cells))
        tables.append(UnitTable(period, report, language, list(criteria.items()), rows))
    return tables


def _counted(status: str) -> str:
    return status if status in STATUSES else "no_data"


def _newest_first(report: Report):
    moment = report.made or report.last_run
    return (-(moment.timestamp() if moment else 0), report.name)


def _moment(text: str | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment.replace(tzinfo=moment.tzinfo or UTC) if moment else None


def _json(path: Path, default):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default
