"""The run ledger: created on first use with a schema version, a run's attempts and deliveries recorded, safe
when two processes write at once, and shown as a table by `evalreport history`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from rich.console import Console

from pipeline.cli import main
from pipeline.committees.ledger import FILE_NAME, SCHEMA_VERSION, Ledger
from pipeline.committees.show import history_table
from pipeline.errors import EvalreportError

RUN = dict(
    committee="Udvalget",
    project="p",
    report="status_report",
    unit=None,
    occurrence="2026-10-01",
    period="2025-2026",
    as_of="2026-10-01",
    previous=None,
    reason="scheduled 2026-10-01",
)


def test_the_ledger_is_created_on_first_use_with_its_schema_version(tmp_path):
    with Ledger.at(tmp_path) as ledger:
        assert ledger.runs() == []
    db = sqlite3.connect(tmp_path / FILE_NAME)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    assert {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} >= {
        "meta",
        "runs",
        "deliveries",
    }
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_ledger_from_a_newer_evalreport_is_refused(tmp_path):
    with Ledger.at(tmp_path):
        pass
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    with pytest.raises(
        EvalreportError, match=rf"schema version {SCHEMA_VERSION} or older, found version {SCHEMA_VERSION + 1}"
    ):
        Ledger(tmp_path / FILE_NAME)


def test_a_status_counts_as_made_only_once_a_run_of_it_finished_well(tmp_path):
    with Ledger.at(tmp_path) as ledger:
        first = ledger.start_run(**RUN)
        assert ledger.last_good_run("p", "Udvalget", "2026-10-01") is None  # running: a crash here leaves it not made
        ledger.finish_run(first, ok=False, error="cell 3: KeyError: 'K1'")
        assert ledger.last_run("p", "Udvalget", "2026-10-01").error == "cell 3: KeyError: 'K1'"
        assert ledger.last_good_run("p", "Udvalget", "2026-10-01") is None
        second = ledger.start_run(**{**RUN, "reason": "last attempt failed: cell 3: KeyError: 'K1'"})
        ledger.finish_run(second, ok=True, outputs=["/r/p/2025-2026/status_report.pdf"])
    with Ledger.at(tmp_path) as ledger:  # kept on disk
        made = ledger.last_good_run("p", "Udvalget", "2026-10-01")
        assert (made.id, made.status, made.outputs) == (second, "ok", ("/r/p/2025-2026/status_report.pdf",))
        assert made.started <= made.finished
        assert ledger.last_good_run("p", "Udvalget", "2025-10-01") is None
        assert ledger.last_good_run("p", "Another committee", "2026-10-01") is None
        assert [run.status for run in ledger.runs("p")] == ["failed", "ok"]
        assert ledger.runs("q") == []


def test_each_delivery_target_keeps_its_attempts_and_last_error(tmp_path):
    with Ledger.at(tmp_path) as ledger:
        run = ledger.start_run(**RUN)
        ledger.record_delivery(
            run, "email", "udvalg@viborg.example", "ConnectionRefusedError: [Errno 111] Connection refused"
        )
        ledger.record_delivery(run, "outbox", "/srv/outbox", None)
        [email, outbox] = ledger.deliveries(run)
        assert (email.status, email.attempts, email.delivered_at) == ("failed", 1, None)
        assert "Connection refused" in email.last_error
        assert outbox.delivered and outbox.delivered_at
        ledger.record_delivery(run, "email", "udvalg@viborg.example", None)
        [email, _] = ledger.deliveries(run)
        assert (email.status, email.attempts, email.last_error) == ("delivered", 2, "")
        assert email.delivered_at is not None


WRITE = """
import sys
from pathlib import Path
from pipeline.committees.ledger import Ledger
with Ledger.at(Path(sys.argv[1])) as ledger:
    for i in range(40):
        run = ledger.start_run("Udvalg " + sys.argv[2], "p", "status_report", None, f"2026-10-{i % 28 + 1:02d}",
        "2026", "2026-10-01", None, "scheduled")
        ledger.record_delivery(run, "email", "a@b.dk", None)
        ledger.finish_run(run, ok=True, outputs=[])
"""


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITE, str(tmp_path), str(n)], stderr=subprocess.PIPE, text=True)
        for n in (1, 2)
    ]
    for writer in writers:
        assert writer.wait(timeout=120) == 0, writer.stderr.read()
    with Ledger.at(tmp_path) as ledger:
        runs = ledger.runs()
        assert len(runs) == 80 and all(run.ok for run in runs)
        assert all(ledger.deliveries(run.id)[0].delivered for run in runs)
    assert sqlite3.connect(tmp_path / FILE_NAME).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_history_shows_each_run_with_its_deliveries(tmp_path, capsys):
    with Ledger.at(tmp_path) as ledger:
        run = ledger.start_run(**RUN)
        ledger.finish_run(run, ok=True)
        ledger.record_delivery(run, "outbox", str(tmp_path / "udvalg"), None)
        ledger.record_delivery(run, "email", "udvalg@viborg.example", "SMTPRecipientsRefused: [no such user]")
        failed = ledger.start_run(**{**RUN, "project": "q"})
        ledger.finish_run(failed, ok=False, error="cell 2: ValueError: [bad]")
        console = Console(record=True, width=120)
        console.print(history_table(ledger, tmp_path))
        console.print(history_table(ledger, tmp_path, project="q"))
    everything, only_q = console.export_text().split("Committee statuses (run ledger)")[1:]
    assert "p/2025-2026/status_report for Udvalget" in everything and "q/2025-2026/status_report" in everything
    assert f"delivered outbox {tmp_path.name}/udvalg" in everything
    assert (
        "FAILED e-mail udvalg@viborg.example: SMTPRecipientsRefused: [no such user] (1 attempt)" in everything
    )  # brackets kept
    assert "cell 2: ValueError: [bad]" in everything
    assert "p/2025-2026" not in only_q and "q/2025-2026/status_report" in only_q


def test_history_without_a_ledger_says_so(tmp_path, capsys):
    assert main(["--reports", str(tmp_path), "history"]) == 0
    assert "no runs recorded yet" in capsys.readouterr().out
    assert not (tmp_path / FILE_NAME).exists()
