"""`evalreport due`: what is due on a day and why, making it once through the usual job machinery, recording it in
the ledger, delivering it, retrying what failed, and doing nothing on a second call the same day."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from test_delivery import free_port, smtp_server

from pipeline.cli import main
from pipeline.committees.deliver import Target
from pipeline.committees.due import plan, projects_with_committees
from pipeline.committees.ledger import Ledger
from pipeline.paths import default_inputs, notebooks_dir
from pipeline.run.jobs import Workspace

VIBORG = "integrationsforum-viborg"
COMMITTEE = "Beskæftigelses- og Integrationsudvalget"


def viborg_copy(inputs: Path, report: str = "end_report") -> Path:
    """The Danish integration forum in its own inputs folder; its committee gets `report`."""
    folder = inputs / VIBORG
    shutil.copytree(default_inputs() / VIBORG, folder)
    yaml = folder / "project.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace("report: status_report", f"report: {report}"), encoding="utf-8"
    )
    return folder


@pytest.fixture
def space(tmp_path) -> Workspace:
    viborg_copy(tmp_path / "inputs")
    return Workspace(inputs=tmp_path / "inputs", reports=tmp_path / "reports", notebooks=notebooks_dir())


def statuses_on(space: Workspace, day: str, force: bool = False):
    projects, problems = projects_with_committees(space)
    assert problems == []
    with Ledger.at(space.reports) as ledger:
        [status] = plan(projects, space, ledger, date.fromisoformat(day), force)
    return status


def record(space: Workspace, occurrence: str, ok: bool | None, error: str = "") -> int:
    with Ledger.at(space.reports) as ledger:
        run = ledger.start_run(
            COMMITTEE, VIBORG, "end_report", None, occurrence, "2025-2026", occurrence, None, "scheduled"
        )
        if ok is not None:
            ledger.finish_run(run, ok, error)
        return run


# --- planning: no notebook runs ----------------------------------------------------------------------------


def test_the_status_scheduled_on_the_day_is_due(space):
    status = statuses_on(space, "2026-10-01")
    assert status.due and status.why == "scheduled 2026-10-01"
    job = status.job
    assert (job.project, job.report, job.period, job.language, job.unit) == (
        VIBORG,
        "end_report",
        "2025-2026",
        "da",
        None,
    )
    assert (job.as_of, job.previous) == ("2026-10-01", None)


def test_a_machine_that_was_off_catches_up_and_the_status_is_judged_as_of_the_scheduled_day(space):
    status = statuses_on(space, "2026-10-03")
    assert status.why == "scheduled 2026-10-01, caught up 2026-10-03"
    assert status.job.as_of == "2026-10-01"
    before = statuses_on(space, "2026-09-30")  # this year's is still to come: last year's is the latest
    assert (before.job.period, before.job.as_of) == ("2024-2025", "2025-10-01")


def test_a_made_status_is_not_due_unless_forced(space):
    record(space, "2026-10-01", ok=True)
    status = statuses_on(space, "2026-10-02")
    assert not status.due and status.job is None
    assert status.note.startswith("not due: the status of 2026-10-01 (2025-2026) was made ")
    assert status.note.endswith("next on 2027-10-01 (2026)")
    assert statuses_on(space, "2026-10-02", force=True).why.startswith("forced (made ")


def test_a_failed_or_unfinished_attempt_is_due_again(space):
    record(space, "2026-10-01", ok=False, error="cell 4: KeyError: 'K1'")
    assert statuses_on(space, "2026-10-01").why == "last attempt failed: cell 4: KeyError: 'K1'"
    record(space, "2026-10-01", ok=None)  # a process that died half-way
    assert statuses_on(space, "2026-10-01").why == "last attempt did not finish"


def test_no_status_before_the_project_begins_or_after_its_years_are_covered(space):
    early = statuses_on(space, "2024-05-01")
    assert not early.due and "covers no year of the project's 2024-2026; next on 2024-10-01 (2024)" in early.note
    late = statuses_on(space, "2028-10-01")
    assert not late.due and late.note.endswith("no more statuses: the project's period is 2024-2026")


def test_deliveries_still_owed_by_a_made_status_are_planned(space):
    run = record(space, "2026-10-01", ok=True)
    with Ledger.at(space.reports) as ledger:
        ledger.record_delivery(
            run, "outbox", str(space.reports / "udvalg" / "beskaeftigelses-og-integrationsudvalget"), None
        )
        ledger.record_delivery(
            run, "email", "udvalg@viborg.example", "ConnectionRefusedError: [Errno 111] Connection refused"
        )
    status = statuses_on(space, "2026-10-05")
    assert not status.due
    assert status.undelivered == [Target("email", "udvalg@viborg.example")]


def test_a_committee_whose_notebook_does_not_exist_is_named_and_fails(tmp_path, capsys):
    viborg_copy(tmp_path / "inputs", report="no_such_report")
    code = main(
        ["--inputs", str(tmp_path / "inputs"), "--reports", str(tmp_path / "reports"), "due", "--on", "2026-10-01"]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "cannot be made: no notebook no_such_report.ipynb in" in out
    assert f"NOT MADE  {VIBORG} · {COMMITTEE}" in out


def test_an_invalid_project_with_committees_is_named_and_one_without_is_left_alone(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    (viborg_copy(inputs) / "indicators.csv").write_text(
        "unit,indicator,period,value\n,deltagere_forum,2025,mange\n", encoding="utf-8"
    )
    shutil.copytree(default_inputs() / "bosetting-vestfold", inputs / "vestfold")  # no committees
    (inputs / "vestfold" / "milestones.csv").write_text("nonsense\n", encoding="utf-8")
    code = main(
        ["--inputs", str(inputs), "--reports", str(tmp_path / "reports"), "due", "--on", "2026-10-01", "--dry-run"]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert (
        f"NOT RUN {VIBORG}: 1 problem(s) in the inputs; no status made (evalreport validate {VIBORG})" in captured.err
    )
    assert "vestfold" not in captured.err
    assert "due on 2026-10-01: 0 status(es) to make" in captured.out


def test_an_impossible_date_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["due", "--on", "2026-02-30"])
    assert "expected a date such as 2026-10-01, found '2026-02-30'" in capsys.readouterr().err


# --- the whole path, with a notebook run (end_report stands in for a status) ----------------------------------


@pytest.fixture
def smtp_port(monkeypatch) -> int:
    port = free_port()
    for name, value in {
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "STARTTLS": "no",
        "FROM": "evalreport@viborg.dk",
    }.items():
        monkeypatch.setenv(f"EVALREPORT_SMTP_{name}", value)
    return port


def test_due_makes_records_and_delivers_once_and_retries_a_failed_email(tmp_path, smtp_port, capsys):
    inputs, reports = tmp_path / "inputs", tmp_path / "reports"
    viborg_copy(inputs)
    previous = reports / VIBORG / "2024-2025" / "end_report.results.json"  # last year's status
    previous.parent.mkdir(parents=True)
    previous.write_text(
        json.dumps(
            {"project": VIBORG, "period": "2024-2025", "as_of": "2025-10-01", "summary": {"met": 1, "criteria": 5}}
        )
    )
    due = ["--inputs", str(inputs), "--reports", str(reports), "due", "--on", "2026-10-01"]

    assert main([*due, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "due on 2026-10-01: 1 status(es) to make" in out and "due: scheduled 2026-10-01" in out
    assert (
        f"makes {VIBORG}/2025-2026/end_report (da) as of 2026-10-01, compared with "
        f"reports/{VIBORG}/2024-2025/end_report.results.json"
    ) in out
    assert (
        "delivers to outbox reports/udvalg/beskaeftigelses-og-integrationsudvalget, e-mail udvalg@viborg.example" in out
    )
    assert not (reports / VIBORG / "2025-2026").exists()

    # The SMTP server is down: the status is made and put in the outbox; the e-mail fails and is recorded.
    assert main(due) == 1
    out = capsys.readouterr().out
    assert f"made      {VIBORG}/2025-2026/end_report for {COMMITTEE}" in out
    assert "FAILED e-mail udvalg@viborg.example: ConnectionRefusedError" in out
    pdf = reports / VIBORG / "2025-2026" / "end_report.pdf"
    made = pdf.stat().st_mtime_ns
    outbox = reports / "udvalg" / "beskaeftigelses-og-integrationsudvalget"
    assert (outbox / f"{VIBORG}_end_report_2025-2026.pdf").read_bytes() == pdf.read_bytes()
    assert (outbox / f"{VIBORG}_end_report_2025-2026.html").exists()
    parameters = json.loads((pdf.parent / "run.json").read_text())["end_report"]["parameters"]
    assert (parameters["as_of"], parameters["previous"]) == ("2026-10-01", str(previous))
    with Ledger.at(reports) as ledger:
        [run] = ledger.runs()
        assert (run.committee, run.occurrence, run.period, run.as_of, run.status, run.previous) == (
            COMMITTEE,
            "2026-10-01",
            "2025-2026",
            "2026-10-01",
            "ok",
            str(previous),
        )
        assert str(pdf) in run.outputs
        assert {(d.channel, d.status) for d in ledger.deliveries(run.id)} == {
            ("outbox", "delivered"),
            ("email", "failed"),
        }

    # The server is back: the next call sends the e-mail without making the report again.
    with smtp_server(smtp_port) as inbox:
        assert main(due) == 0
        out = capsys.readouterr().out
        assert (
            "0 status(es) to make, 1 delivery(ies) to retry" in out and "delivered e-mail udvalg@viborg.example" in out
        )
        assert "0 made, 0 failed, 0 unchanged; 1 delivered, 0 delivery(ies) failed" in out
        [message] = inbox.messages
        attached = {part.get_content_type(): part for part in message.iter_attachments()}
        assert attached["application/pdf"].get_content() == pdf.read_bytes()
        assert "1 af 5" in message.get_body(("plain",)).get_content()  # the previous status, in the letter

        # A second call the same day makes nothing and sends nothing.
        assert main(due) == 0
        assert "nothing due on 2026-10-01, and nothing to deliver" in capsys.readouterr().out
        assert len(inbox.messages) == 1
    assert pdf.stat().st_mtime_ns == made
    with Ledger.at(reports) as ledger:
        [run] = ledger.runs()
        [email] = [d for d in ledger.deliveries(run.id) if d.channel == "email"]
        assert (email.status, email.attempts) == ("delivered", 2)

    assert main(["--reports", str(reports), "history", VIBORG]) == 0
    assert f"{VIBORG}/2025-2026/end_report" in capsys.readouterr().out


def test_a_failed_status_is_recorded_keeps_the_last_good_report_and_is_due_again(tmp_path, monkeypatch, capsys):
    inputs, reports, notebooks = tmp_path / "inputs", tmp_path / "reports", tmp_path / "notebooks"
    viborg_copy(inputs)
    shutil.copytree(notebooks_dir(), notebooks)
    broken = json.loads((notebooks / "end_report.ipynb").read_text(encoding="utf-8"))
    cell = next(
        c for c in broken["cells"] if c["cell_type"] == "code" and "parameters" not in c["metadata"].get("tags", [])
    )
    cell["source"] = 'raise RuntimeError("the survey file is being replaced")\n'
    (notebooks / "end_report.ipynb").write_text(json.dumps(broken), encoding="utf-8")
    monkeypatch.setenv("EVALREPORT_NOTEBOOKS", str(notebooks))
    last_good = reports / VIBORG / "2025-2026" / "end_report.pdf"
    last_good.parent.mkdir(parents=True)
    last_good.write_bytes(b"%PDF last good one")
    due = ["--inputs", str(inputs), "--reports", str(reports), "due", "--on", "2026-10-01"]

    assert main(due) == 1
    out = capsys.readouterr().out
    assert (
        f"FAILED    {VIBORG}/2025-2026/end_report for {COMMITTEE}: cell" in out
        and "the survey file is being replaced" in out
    )
    assert last_good.read_bytes() == b"%PDF last good one"
    assert not (reports / "udvalg").exists()  # nothing delivered
    with Ledger.at(reports) as ledger:
        [run] = ledger.runs()
        assert run.status == "failed" and "RuntimeError: the survey file is being replaced" in run.error
    assert main([*due, "--dry-run"]) == 0
    assert "due: last attempt failed: cell" in capsys.readouterr().out


# --- the Viborg example end to end, with the status notebook ----------------------------------------------------


@pytest.mark.skipif(
    not (notebooks_dir() / "status_report.ipynb").exists(), reason="notebooks/status_report.ipynb is not written yet"
)
def test_viborg_gets_its_2025_2026_status_compared_with_last_years_delivered_once(tmp_path, smtp_port, capsys):
    inputs, reports = tmp_path / "inputs", tmp_path / "reports"
    shutil.copytree(default_inputs() / VIBORG, inputs / VIBORG)  # as it ships: report status_report
    due = ["--inputs", str(inputs), "--reports", str(reports), "due"]
    with smtp_server(smtp_port) as inbox:
        assert main([*due, "--on", "2025-10-01"]) == 0  # last year's status, the one to compare with
        assert len(inbox.messages) == 1
    capsys.readouterr()
    last_year = reports / VIBORG / "2024-2025" / "status_report.results.json"
    assert json.loads(last_year.read_text())["period"] == "2024-2025"

    # 1 October 2026 with the SMTP server down: made, in the outbox, the e-mail recorded as failed.
    assert main([*due, "--on", "2026-10-01", "--dry-run"]) == 0
    assert f"compared with reports/{VIBORG}/2024-2025/status_report.results.json" in capsys.readouterr().out
    assert main([*due, "--on", "2026-10-01"]) == 1
    assert "FAILED e-mail udvalg@viborg.example" in capsys.readouterr().out
    folder = reports / VIBORG / "2025-2026"
    results = json.loads((folder / "status_report.results.json").read_text())
    assert (results["project"], results["period"], results["as_of"]) == (VIBORG, "2025-2026", "2026-10-01")
    parameters = json.loads((folder / "run.json").read_text())["status_report"]["parameters"]
    assert parameters["previous"] == str(last_year)
    outbox = reports / "udvalg" / "beskaeftigelses-og-integrationsudvalget"
    assert (outbox / f"{VIBORG}_status_report_2025-2026.pdf").exists()
    assert (outbox / f"{VIBORG}_committee_case_2025-2026.docx").exists() and (
        outbox / f"{VIBORG}_committee_case_2025-2026.pdf"
    ).exists()
    made = (folder / "status_report.pdf").stat().st_mtime_ns

    with smtp_server(smtp_port) as inbox:
        assert main([*due, "--on", "2026-10-01"]) == 0  # the e-mail is retried, the report is not made again
        [message] = inbox.messages
        assert message["To"] == "udvalg@viborg.example" and message["Subject"].startswith("Årlig status 2025–2026")
        # The committee case as Word for the agenda system, and the status as PDF.
        case, status = message.iter_attachments()
        assert case.get_filename() == f"{VIBORG}_committee_case_2025-2026.docx"
        assert case.get_content() == (folder / "committee_case.docx").read_bytes()
        assert status.get_content() == (folder / "status_report.pdf").read_bytes()
        assert "Sagen til dagsordenen er vedhæftet som Word-dokument" in message.get_body(("plain",)).get_content()
        assert main([*due, "--on", "2026-10-01"]) == 0  # a second call the same day does nothing
        assert len(inbox.messages) == 1
    assert "nothing due on 2026-10-01, and nothing to deliver" in capsys.readouterr().out
    assert (folder / "status_report.pdf").stat().st_mtime_ns == made
    with Ledger.at(reports) as ledger:
        assert [(r.occurrence, r.period, r.status) for r in ledger.runs(VIBORG)] == [
            ("2025-10-01", "2024-2025", "ok"),
            ("2026-10-01", "2025-2026", "ok"),
        ]
