"""reports/index.html, the portfolio's front page, for a project lead: every project by its title and owner, the day
its figures are as of, whether its period is open or closed, what to look at (criteria not met or worse than at the
last status, overdue milestones, recommendations and committee cases waiting for a decision), the committee's next
meeting, links to the latest committee case, status and end report, the status of its success criteria, its reports
newest first, and for reports per unit a table of units × criteria. One self-contained file: style and script
inline, nothing fetched.

It reads the facts from what runs publish in the reports folder (each report's results.json, run.json, the files),
and the committees, their meetings and decisions from each project's project.yaml and decisions.csv where the run
says its inputs are; a project no longer there is shown by its id, and one that can't be read keeps its card.

The page is in one language (`--language`, else the one most projects use; a tie goes to the first of da, nb, en);
each project's card is in that project's language, unless `--language` is given."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_timedelta
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from pipeline import __version__
from pipeline.errors import EvalreportError, UnsafePath
from pipeline.periods import parse_period
from pipeline.present.i18n import LOCALES, Messages
from pipeline.project import PROJECT_FILE, load_spec
from pipeline.run.files import ReportFiles
from pipeline.run.publish import write_atomically
from pipeline.spec import Period, ProjectSpec
from pipeline.tables import DECISIONS_FILE, parse_decisions
from pipeline.vocabulary import CHANGE_SYMBOLS, STATUS_SYMBOLS, palette_css

# The statuses an index counts, by symbol, word and colour; `not_applicable` counts as no data here.
STATUSES = ("met", "partly_met", "not_met", "in_progress", "no_data")
REPORT_NAMES = ("end_report", "success_criteria", "survey_feedback", "milestones", "status_report", "committee_case")
# The reports a lead opens, in the order the card links them: the latest of each kind.
LEAD_REPORTS = ("committee_case", "status_report", "end_report")
CASE_REPORT = "committee_case"
# The files a reader opens, by the name the page gives them (the web page's name is a word of the catalogue).
FILE_KINDS = {"html": "web_page", "pdf": "PDF", "docx": "Word", "xlsx": "Excel"}


@dataclass
class Report:
    """One job's report: its files, the results it computed, and how its last run went."""

    project: str
    period: str  # the period's folder: 2016, 2015-2016, 2018-19
    name: str  # the file name without suffix: end_report, end_report-0701, end_report.en
    report: str
    unit: str | None
    language: str | None  # set only for a report in another language than the project's
    ok: bool
    last_run: datetime | None
    made: datetime | None  # when the report now published was made: the last run's, or the last good one's
    files: dict[str, str]  # kind (html, pdf, xlsx) → link relative to the index
    results: dict[str, Any] | None  # results.json as read
    as_of: date | None = None  # the day its figures are as of: its results', else the day its run judged at
    label: str = ""  # the period as a reader sees it: 2015-2016, 2018/19; its results' or read by project.yaml

    @property
    def criteria(self) -> list[dict[str, Any]]:
        criteria: list[dict[str, Any]] = (self.results or {}).get("criteria", [])
        return criteria

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
        """How many criteria improved, held and worsened since the previous status; None for a report that is no
        status."""
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
    rows: list[
        tuple[str, str, list[tuple[str, str, str | None, bool]]]
    ]  # unit id, name, cells (criterion, status, link, last run failed)


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
    spec: ProjectSpec | None = None  # None: the project is gone or its project.yaml can't be read now
    decided: set[tuple[str, str]] = field(default_factory=set)  # (committee, period) of each case decisions.csv records

    @property
    def headline(self) -> Report | None:
        """The report whose figures the card shows: the one with the newest data among those with counted criteria
        (the newest made of those), in the project's language first."""
        counted = sorted((r for r in self.reports if r.counts is not None), key=_newest_data_first)
        return next((r for r in counted if r.language is None), counted[0] if counted else None)

    def latest(self, report: str) -> Report | None:
        """The latest report of a kind in the project's language with a page to open: the newest period, then made."""
        found = [r for r in self.reports if r.report == report and r.language is None and "html" in r.files]
        return max(found, key=lambda r: (r.period, r.made or r.last_run or _EPOCH), default=None)

    @property
    def changed(self) -> Report | None:
        return next((r for r in self.reports if r.changes is not None), None)


@dataclass
class Meeting:
    day: date
    committee: str


@dataclass
class WaitingCase:
    """A committee case made for a period with no decision in decisions.csv yet, and the meeting it goes to."""

    period: str
    committee: str
    meeting: date | None  # the committee's first meeting on or after the case's day; None: none planned


@dataclass
class Lead:
    """What a project lead looks at first, from the card's headline results, its project.yaml and decisions.csv."""

    as_of: date | None  # the day the headline figures are as of
    period: str | None  # the project's period, as its reports name it: 2024-2026
    closed: bool | None  # the project's period has ended; None when project.yaml can't say
    failing: list[dict[str, Any]]  # criteria not met, or worse than at the last status: id, title, status, worse
    # milestones past their planned day and not done: the results' rows (unit name unless in title)
    overdue: list[dict[str, Any]]
    waiting: list[dict[str, Any]]  # recommendations given and not decided on: the results' items, with `for` (how long)
    cases: list[WaitingCase]
    next_meeting: Meeting | None
    has_committee: bool  # project.yaml names a committee with meetings: say so when none is ahead
    links: list[Report]  # the latest committee case, status and end report

    @property
    def calm(self) -> bool:
        return not (self.failing or self.overdue or self.waiting or self.cases)


def lead(card: Card, today: date) -> Lead:
    head = card.headline
    results = (head.results if head else None) or {}
    # Worse than at the last status: the newest yearly status says so (the headline may be an end report, with none).
    status = card.changed.results if card.changed and card.changed.results else results
    changes = {c.get("id"): c.get("change") for c in (status.get("status") or {}).get("criteria", [])}
    failing = [
        {"id": c.get("id", ""), "title": c.get("title", ""), "status": _counted(c.get("status", "")), "worse": worse}
        for c in results.get("criteria", [])
        if (worse := changes.get(c.get("id")) == "worse") or c.get("status") == "not_met"
    ]
    overdue = [
        m | {"unit_name": None if (m.get("unit_name") or "") in m.get("title", "") else m["unit_name"]}  # not twice
        for m in results.get("milestone_rows", [])
        if m.get("outcome") == "overdue"
    ]
    as_of = head.as_of if head else None
    waiting = [
        item | {"for": (as_of - given) if as_of and (given := _day(item.get("given"))) and given <= as_of else None}
        for item in (results.get("recommendations") or {}).get("items", [])
        if item.get("status") == "proposed"
    ]
    spec = card.spec
    meetings = sorted((day, c.name) for c in (spec.committees if spec else []) for day in c.meetings if day >= today)
    return Lead(
        as_of=as_of,
        period=spec.period.label if spec else None,
        closed=None if spec is None else spec.period.last_day(spec.period.end) < today,
        failing=failing,
        overdue=overdue,
        waiting=waiting,
        cases=_waiting_cases(card),
        next_meeting=Meeting(*meetings[0]) if meetings else None,
        has_committee=bool(spec and any(c.meetings for c in spec.committees)),
        links=[r for kind in LEAD_REPORTS if (r := card.latest(kind))],
    )


def _waiting_cases(card: Card) -> list[WaitingCase]:
    """The latest committee case, when decisions.csv has no decision of a scheduled committee on its period yet."""
    case = card.latest(CASE_REPORT)
    if case is None or card.spec is None:
        return []
    scheduled = [c for c in card.spec.committees if c.schedule is not None]
    if not scheduled:
        return []
    from pipeline.present.case import meeting_day  # with the reports' libraries, only for a project with committees

    day = case.as_of or date.min
    # decisions.csv names a period as reports say it (2018/19), not as its folder does (2018-19)
    waiting = [c for c in scheduled if (c.name, case.label) not in card.decided]
    return [WaitingCase(case.label, c.name, meeting_day(c, day)) for c in waiting]


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
            results = _json(report_files.results, None)
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
                    last_run=last_run,
                    made=made,
                    files=files,
                    results=results,
                    as_of=_day((results or {}).get("as_of") or parameters.get("as_of")),
                    label=_text((results or {}).get("period")) or folder.name,
                )
            )
    return found


def cards(reports: list[Report], root: Path) -> list[Card]:
    """One card per project, newest report first, the projects with the newest reports first."""
    result = []
    for project_id in sorted({r.project for r in reports}):
        own = [r for r in reports if r.project == project_id]
        card = _card(project_id, own, root)
        if card.spec is not None:
            _label_periods(own, card.spec.period)
        card.reports = sorted((r for r in own if r.unit is None), key=_newest_first)
        card.unit_tables = _unit_tables(card, [r for r in own if r.unit is not None])
        card.newest = max((moment for r in own if (moment := r.made or r.last_run)), default=None)
        result.append(card)
    return sorted(result, key=lambda c: c.newest.timestamp() if c.newest else 0, reverse=True)


def index_html(reports: list[Report], root: Path, language: str | None = None, today: date | None = None) -> str:
    """The page: in `language` throughout, or each project in its own language and the page's own words in the one
    most projects use. `today` (default: the day it is written) decides which meetings are ahead and which periods
    have ended."""
    today = today or date.today()
    found = cards(reports, root)
    environment = Environment(
        loader=PackageLoader("pipeline", "templates/portfolio"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["as_date"] = _day
    return environment.get_template("index.html.j2").render(
        page=Words(language or portfolio_language([card.language for card in found])),
        cards=[(card, lead(card, today), Words(language or card.language)) for card in found],
        statuses=STATUSES,
        symbols=STATUS_SYMBOLS,
        changes=CHANGE_SYMBOLS,
        palette=palette_css(),
        version=__version__,
        today=today,
    )


def portfolio_language(languages: list[str]) -> str:
    """The language most projects use; a tie goes to the first of da, nb, en (the catalogue's order)."""
    counts = Counter(languages)
    return max(LOCALES, key=lambda language: (counts[language], -list(LOCALES).index(language)))


def write_index(root: Path, language: str | None = None, today: date | None = None) -> Path:
    """Write reports/index.html atomically (a reader never sees half a page); runs call it after publishing."""
    path = root / "index.html"
    write_atomically(path, index_html(reports_in(root), root, language, today))
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

    def file_kind(self, kind: str) -> str:
        return self(FILE_KINDS[kind]) if kind == "html" else FILE_KINDS[kind]

    def duration(self, span: timedelta) -> str:
        """'2 år', '3 måneder', '1 uge': how long something has waited, to the nearest whole unit, through Babel."""
        return format_timedelta(span, threshold=1, locale=self.locale)

    @staticmethod
    def period(label: str) -> str:
        """'2024–2026': a span of years with its dash."""
        return label.replace("-", "\u2013")


def _label_periods(reports: list[Report], years: Period) -> None:
    """A report without results (a failed first run, an older report) has its period's label read from its folder
    by the project's years: '2018-19' is 2018/19 in a project on fiscal or school years."""
    for report in reports:
        if report.label == report.period:
            try:
                report.label = parse_period(report.period, years).label
            except EvalreportError:
                continue  # a folder of years the project no longer has: its name is the best there is


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


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
        card.title, card.owner, card.language, card.unit_singular = (
            spec.title,
            spec.owner,
            spec.language,
            spec.unit_noun.singular,
        )
        card.unit_names = {unit.id: unit.name for unit in spec.units}
        card.spec = spec
        card.decided = _decided(inputs / project_id, spec)
        break
    return card


def _decided(folder: Path, spec: ProjectSpec) -> set[tuple[str, str]]:
    """(committee, period) of each decision decisions.csv records; none when it is missing or can't be read now."""
    path = folder / DECISIONS_FILE
    try:
        decisions = parse_decisions(path, spec) if path.is_file() else None
    except Exception:  # the index must not stop for a file being edited: its cases show as waiting
        return set()
    return set() if decisions is None else set(zip(decisions["committee"], decisions["period"], strict=True))


def _inputs_of(reports: list[Report], root: Path) -> Iterator[Path]:
    for ledger in root.glob(f"{reports[0].project}/*/run.json"):
        for record in _json(ledger, {}).values():
            inputs = record.get("parameters", {}).get("inputs")
            if inputs:
                yield Path(inputs)


def _unit_tables(card: Card, reports: list[Report]) -> list[UnitTable]:
    names = card.unit_names
    tables = []
    for period, report, language in sorted(
        {(r.period, r.report, r.language) for r in reports}, key=lambda k: (k[0], k[1], k[2] or ""), reverse=True
    ):
        group = [r for r in reports if (r.period, r.report, r.language) == (period, report, language)]
        label = group[0].label
        criteria: dict[str, str] = {}
        for r in group:
            for criterion in (r.results or {}).get("criteria", []):
                criteria.setdefault(criterion["id"], criterion.get("title", ""))
        order = list(names)
        rows = []
        for r in sorted(group, key=lambda r: (order.index(r.unit) if r.unit in order else len(order), r.unit)):
            assert r.unit is not None  # the caller passes the reports made per unit only
            statuses = {c["id"]: c.get("status", "no_data") for c in (r.results or {}).get("criteria", [])}
            link = r.files.get("html")
            cells = [(cid, _counted(statuses.get(cid, "no_data")), link, not r.ok) for cid in criteria]
            rows.append((r.unit, names.get(r.unit, r.unit), cells))
        tables.append(UnitTable(label, report, language, list(criteria.items()), rows))
    return tables


def _counted(status: str) -> str:
    return status if status in STATUSES else "no_data"


def _newest_data_first(report: Report) -> tuple[int, tuple[float, str]]:
    return (-(report.as_of or date.min).toordinal(), _newest_first(report))


def _newest_first(report: Report) -> tuple[float, str]:
    moment = report.made or report.last_run
    return (-(moment.timestamp() if moment else 0), report.name)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def _moment(text: str | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment.replace(tzinfo=moment.tzinfo or UTC) if moment else None


def _json(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default
