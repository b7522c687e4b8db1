"""The run ledger, reports/ledger.sqlite3: every committee status made, when, how it went, and where it was delivered.

It is what makes `evalreport due` idempotent (a status recorded as made is not made again) and what retries a
failed delivery. SQLite from the standard library, in WAL mode with a busy timeout, so that two `due` commands at
once wait for each other instead of corrupting it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pipeline.errors import EvalreportError, MachineFault

FILE_NAME = "ledger.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_SECONDS = 60

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id         INTEGER PRIMARY KEY,
    committee  TEXT NOT NULL,               -- the committee's name in project.yaml
    project    TEXT NOT NULL,
    report     TEXT NOT NULL,               -- the notebook
    unit       TEXT,                        -- NULL: the whole project
    occurrence TEXT NOT NULL,               -- the scheduled day (ISO date)
    period     TEXT NOT NULL,               -- '2025' or '2025-2026': the report's folder
    as_of      TEXT NOT NULL,               -- the day the status is judged at (ISO date)
    previous   TEXT,                        -- the previous status's results file it was compared with
    started    TEXT NOT NULL,               -- UTC, ISO 8601
    finished   TEXT,
    status     TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed')),
    reason     TEXT NOT NULL DEFAULT '',    -- why it ran: scheduled, last attempt failed, forced
    error      TEXT NOT NULL DEFAULT '',    -- why it failed
    outputs    TEXT NOT NULL DEFAULT '[]'   -- JSON list of the files it published
);
CREATE INDEX IF NOT EXISTS runs_by_occurrence ON runs (project, committee, occurrence);
CREATE TABLE IF NOT EXISTS deliveries (
    id           INTEGER PRIMARY KEY,
    run          INTEGER NOT NULL REFERENCES runs (id),
    channel      TEXT NOT NULL CHECK (channel IN ('outbox', 'email')),
    target       TEXT NOT NULL,             -- the outbox folder, or one recipient's address
    status       TEXT NOT NULL CHECK (status IN ('delivered', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    last_attempt TEXT,
    delivered_at TEXT,
    UNIQUE (run, channel, target)
);
"""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Run:
    id: int
    committee: str
    project: str
    report: str
    unit: str | None
    occurrence: str
    period: str
    as_of: str
    previous: str | None
    started: str
    finished: str | None
    status: str
    reason: str
    error: str
    outputs: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def finished_on(self) -> str:
        """The day it finished, YYYY-MM-DD, for a person reading ('' while it runs)."""
        return (self.finished or "")[:10]


@dataclass(frozen=True)
class Delivery:
    run: int
    channel: str
    target: str
    status: str
    attempts: int
    last_error: str
    last_attempt: str | None
    delivered_at: str | None

    @property
    def delivered(self) -> bool:
        return self.status == "delivered"


class Ledger:
    """Open with `Ledger.at(reports_folder)`; every method is one short transaction."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            self.connection.row_factory = sqlite3.Row
            self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
            self.connection.execute("PRAGMA journal_mode = WAL")
            self.connection.execute("PRAGMA foreign_keys = ON")
            self._create_or_check_schema()
        except sqlite3.DatabaseError as error:
            self.connection.close()
            raise self.fault(error) from None

    @classmethod
    @contextmanager
    def at(cls, reports: Path) -> Iterator[Ledger]:
        """The ledger in `reports`; a damaged or unwritable one (now or while in use) is a MachineFault naming it."""
        ledger = cls(reports / FILE_NAME)
        with closing(ledger.connection):
            try:
                yield ledger
            except sqlite3.DatabaseError as error:
                raise ledger.fault(error) from None

    def fault(self, error: sqlite3.DatabaseError) -> MachineFault:
        return MachineFault(
            f"{self.path}: the run ledger cannot be used ({error}); restore it from a backup, or move it "
            "aside to start "
            "a new one (statuses it records as made would be made again)"
        )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock at once: two writers queue instead of failing half-way.
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def _create_or_check_schema(self) -> None:
        # One script in one transaction: a second process opening a new ledger at the same moment waits, then
        # finds every table there (IF NOT EXISTS) and the version already written (OR IGNORE).
        self.connection.executescript(
            f"BEGIN IMMEDIATE; {SCHEMA}; INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', "
            f"'{SCHEMA_VERSION}'); COMMIT;"
        )
        version = int(self.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise EvalreportError(
                f"{self.path}: expected a run ledger of schema version {SCHEMA_VERSION} or older, found "
                f"version {version} "
                "(written by a newer evalreport; update this one)"
            )

    # --- runs -------------------------------------------------------------------------------------------

    def start_run(
        self,
        committee: str,
        project: str,
        report: str,
        unit: str | None,
        occurrence: str,
        period: str,
        as_of: str,
        previous: str | None,
        reason: str,
    ) -> int:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs (committee, project, report, unit, occurrence, period, as_of, previous, "
                "started, status, reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)",
                (committee, project, report, unit, occurrence, period, as_of, previous, now(), reason),
            )
            assert cursor.lastrowid is not None  # sqlite3 sets it after every INSERT
            return int(cursor.lastrowid)

    def finish_run(self, run_id: int, ok: bool, error: str = "", outputs: list[str] | None = None) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE runs SET finished = ?, status = ?, error = ?, outputs = ? WHERE id = ?",
                (now(), "ok" if ok else "failed", error, json.dumps(outputs or [], ensure_ascii=False), run_id),
            )

    def run(self, run_id: int) -> Run:
        return _run(self.connection.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone())

    def last_run(self, project: str, committee: str, occurrence: str) -> Run | None:
        """The latest attempt at one scheduled status, whatever its outcome."""
        row = self.connection.execute(
            "SELECT * FROM runs WHERE project = ? AND committee = ? AND occurrence = ? ORDER BY id DESC LIMIT 1",
            (project, committee, occurrence),
        ).fetchone()
        return _run(row) if row else None

    def last_good_run(self, project: str, committee: str, occurrence: str) -> Run | None:
        row = self.connection.execute(
            (
                "SELECT * FROM runs WHERE project = ? AND committee = ? AND occurrence = ? AND status = 'ok' "
                "ORDER BY id DESC LIMIT 1"
            ),
            (project, committee, occurrence),
        ).fetchone()
        return _run(row) if row else None

    def runs(self, project: str | None = None) -> list[Run]:
        """Every run, oldest first; only one project's with `project`."""
        query, values = "SELECT * FROM runs", tuple[str, ...]()
        if project:
            query, values = query + " WHERE project = ?", (project,)
        return [_run(row) for row in self.connection.execute(query + " ORDER BY id", values)]

    # --- deliveries -------------------------------------------------------------------------------------

    def record_delivery(self, run_id: int, channel: str, target: str, error: str | None) -> None:
        """One attempt to deliver a run's status to `target`: delivered when `error` is None, else failed with it."""
        at = now()
        status = "delivered" if error is None else "failed"
        with self._transaction() as db:
            db.execute(
                "INSERT INTO deliveries (run, channel, target, status, attempts, last_error, last_attempt, "
                "delivered_at)"
                " VALUES (?, ?, ?, ?, 1, ?, ?, ?)"
                " ON CONFLICT (run, channel, target) DO UPDATE SET status = excluded.status, attempts = attempts + 1,"
                " last_error = excluded.last_error, last_attempt = excluded.last_attempt, delivered_at = "
                "excluded.delivered_at",
                (run_id, channel, target, status, error or "", at, at if error is None else None),
            )

    def deliveries(self, run_id: int) -> list[Delivery]:
        rows = self.connection.execute("SELECT * FROM deliveries WHERE run = ? ORDER BY id", (run_id,))
        return [Delivery(**{key: row[key] for key in row.keys() if key != "id"}) for row in rows]  # noqa: SIM118 (a Row iterates its values)


def _run(row: sqlite3.Row) -> Run:
    values = {key: row[key] for key in row.keys()}  # noqa: SIM118 (a Row iterates its values)
    values["outputs"] = tuple(json.loads(values["outputs"]))
    return Run(**values)
