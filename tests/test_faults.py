"""One bad project never stops the others, and the machine's faults (a reports folder that cannot be written, a
damaged run ledger, a missing kernel) are one line saying what and where: exit non-zero, the last good report kept.
What `due` prints (appended to due.log by cron) is one line per line, whatever a name or message holds."""

import errno
import io
import json
import os
import shutil
from datetime import date
from pathlib import Path

import nbformat
import pytest
from rich.console import Console

import pipeline.cli
import pipeline.committees.due
import pipeline.project
from pipeline.cli import main
from pipeline.committees.due import CommitteeStatus
from pipeline.committees.ledger import Ledger
from pipeline.committees.show import history_table, log_line, plan_lines
from pipeline.paths import default_inputs
from pipeline.project import load_project
from pipeline.render import html
from pipeline.run import batch, kernel, warm
from pipeline.run.kernel import KernelMissing, ensure_kernel

VIBORG = "integrationsforum-viborg"  # has a committee, so `due` plans for it
REPORT = ("good", "2024-2026", "milestones.html")


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "inputs"
    shutil.copytree(default_inputs() / VIBORG, folder / "good")
    return folder


def cli(inputs, *arguments):
    return main(["--inputs", str(inputs), "--reports", str(inputs.parent / "reports"), *arguments])


def one_line_naming(text: str, *names: str) -> str:
    [line] = [line for line in text.splitlines() if all(name in line for name in names)]
    return line


# --- one bad project ----------------------------------------------------------------------------------------


def test_a_project_nested_20000_deep_is_one_line_and_the_others_go_on(inputs, capsys):
    (inputs / "deep").mkdir()
    text = (default_inputs() / VIBORG / "project.yaml").read_text(encoding="utf-8")
    (inputs / "deep" / "project.yaml").write_text(text + "notes: " + "[" * 20_000 + "\n", encoding="utf-8")

    assert cli(inputs, "list") == 1
    out = capsys.readouterr().out
    assert one_line_naming(out, "deep", "INVALID", "1 problem(s): evalreport validate deep")
    assert one_line_naming(out, "good", "valid")

    assert cli(inputs, "validate") == 1
    assert "more than 50 deep" in one_line_naming(capsys.readouterr().out, "project.yaml, row")

    assert cli(inputs, "run", "--all", "--report", "milestones", "--dry-run") == 1
    captured = capsys.readouterr()
    assert "good/2024-2026/milestones" in captured.out and "skipping deep" in captured.err

    assert cli(inputs, "due", "--on", "2026-10-01", "--dry-run") == 1
    captured = capsys.readouterr()
    assert one_line_naming(captured.err, "NOT RUN deep: 1 problem(s) in the inputs; no status made")
    assert f"good · {load_project(inputs / 'good').spec.committees[0].name}" in captured.out


def test_a_project_that_fails_in_any_way_is_one_line_and_the_others_go_on(inputs, monkeypatch, capsys):
    shutil.copytree(inputs / "good", inputs / "odd")
    real = load_project

    def load(project, *args, **kwargs):
        if str(project).endswith("odd"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(project, *args, **kwargs)

    monkeypatch.setattr(pipeline.project, "load_project", load)  # the CLI imports it when a command runs
    monkeypatch.setattr(pipeline.committees.due, "load_project", load)

    assert cli(inputs, "list") == 1
    assert one_line_naming(capsys.readouterr().out, "odd", "RecursionError: maximum recursion depth exceeded")
    assert cli(inputs, "validate") == 1
    assert "odd: could not be read: RecursionError: maximum recursion depth exceeded" in capsys.readouterr().out
    assert cli(inputs, "run", "--all", "--report", "milestones", "--dry-run") == 1
    captured = capsys.readouterr()
    assert "good/2024-2026/milestones" in captured.out and "skipping odd: RecursionError" in captured.err
    assert cli(inputs, "due", "--on", "2026-10-01", "--dry-run") == 1
    captured = capsys.readouterr()
    assert (
        "NOT RUN odd: could not be read (RecursionError: maximum recursion depth exceeded); no status made"
        in captured.err
    )
    assert "due on 2026-10-01: 1 status(es) to make" in captured.out


# --- the machine's faults -----------------------------------------------------------------------------------


def test_a_reports_folder_that_is_a_file_is_one_line(inputs, capsys):
    (inputs.parent / "reports").write_text("not a folder")
    assert cli(inputs, "run", "good", "--report", "milestones", "--dry-run") == 2
    err = capsys.readouterr().err
    assert err == f"error: {inputs.parent / 'reports' / 'good'}: Not a directory\n"


@pytest.fixture
def made_without_a_kernel(monkeypatch):
    """Jobs whose notebook 'runs' at once: these tests are about publishing, not notebooks."""
    monkeypatch.setattr(batch.execute, "execute", lambda *args, **kwargs: nbformat.v4.new_notebook())
    monkeypatch.setattr(html, "to_html", lambda document: b"<p>new</p>")


def test_a_full_disk_keeps_the_last_good_report_and_says_what_and_where(
    inputs, monkeypatch, made_without_a_kernel, capsys
):
    report = inputs.parent / "reports" / os.path.join(*REPORT)
    run = ["run", "good", "--report", "milestones", "--format", "html", "--force"]
    assert cli(inputs, *run) == 0
    report.write_text("<p>last good</p>")
    capsys.readouterr()

    def full(handle):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert cli(inputs, *run) == 2
    err = capsys.readouterr().err
    assert err == f"error: cannot record the run in {report.parent / 'run.json'}: No space left on device\n"
    assert report.read_text() == "<p>last good</p>"
    hidden = {p.name for p in report.parent.iterdir() if p.name.startswith(".")}
    assert hidden <= {".run.json.lock", ".milestones.current", ".milestones.versions"}  # no half-written set left
    assert len(list((report.parent / ".milestones.versions").iterdir())) == 1


def test_a_damaged_run_ledger_is_one_line_naming_it(inputs, capsys):
    ledger = inputs.parent / "reports" / "ledger.sqlite3"
    ledger.parent.mkdir()
    ledger.write_bytes(b"not SQLite at all " * 100)
    for command in (["due", "--on", "2026-10-01"], ["history"]):
        assert cli(inputs, *command) == 2
        err = capsys.readouterr().err
        assert err.startswith(
            f"error: {ledger}: the run ledger cannot be used (file is not a database); restore it from a backup"
        )
        assert err.count("\n") == 1
    assert ledger.read_bytes() == b"not SQLite at all " * 100


def kernel_cannot_be_installed(monkeypatch):
    import ipykernel.kernelspec

    def read_only(**kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), "/opt/venv/share/jupyter/kernels/evalreport")

    monkeypatch.setattr(kernel, "installed_here", lambda: False)
    monkeypatch.setattr(ipykernel.kernelspec, "install", read_only)


def test_a_kernel_that_is_missing_and_cannot_be_installed_is_named(monkeypatch):
    kernel_cannot_be_installed(monkeypatch)
    with pytest.raises(KernelMissing) as caught:
        ensure_kernel()
    assert str(caught.value).endswith("failed: /opt/venv/share/jupyter/kernels/evalreport: Permission denied")


def test_a_kernel_of_another_python_found_first_is_named(monkeypatch, tmp_path):
    import ipykernel.kernelspec

    def install(kernel_name, display_name, prefix):
        spec = Path(prefix) / "share" / "jupyter" / "kernels" / kernel_name
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text("{}")

    shadow = tmp_path / "home" / "kernels" / "evalreport"
    monkeypatch.setattr(kernel.sys, "prefix", str(tmp_path / "venv"))
    monkeypatch.setattr(ipykernel.kernelspec, "install", install)
    monkeypatch.setattr(kernel, "installed_here", lambda: False)  # what Jupyter finds first starts another Python
    monkeypatch.setattr(kernel.KernelSpecManager, "find_kernel_specs", lambda self: {"evalreport": str(shadow)})
    with pytest.raises(KernelMissing) as caught:
        ensure_kernel()
    assert str(caught.value) == (
        f"the Jupyter kernel 'evalreport' in {shadow} does not start {kernel.sys.executable}, and Jupyter "
        "finds it before the one in "
        f"{tmp_path / 'venv' / 'share' / 'jupyter' / 'kernels'}: remove it (jupyter kernelspec remove "
        "evalreport) and run again"
    )
    assert (
        json.loads((tmp_path / "venv" / "share" / "jupyter" / "kernels" / "evalreport" / "kernel.json").read_text())[
            "argv"
        ][0]
        == kernel.sys.executable
    )


def test_a_run_without_a_kernel_fails_in_one_line_and_keeps_the_last_good_report(inputs, monkeypatch, capsys):
    report = inputs.parent / "reports" / os.path.join(*REPORT)
    report.parent.mkdir(parents=True)
    report.write_text("<p>last good</p>")
    kernel_cannot_be_installed(monkeypatch)
    warm.discard_kernel()  # a run's first job starts its kernel; one kept from an earlier test would be reused
    monkeypatch.setenv("COLUMNS", "1000")  # the summary's lines unwrapped
    assert cli(inputs, "run", "good", "--report", "milestones", "--format", "html") == 1
    out = capsys.readouterr().out
    assert "KernelMissing: no Jupyter kernel 'evalreport' starts" in one_line_naming(
        out, "FAILED good/2024-2026/milestones:"
    )
    assert report.read_text() == "<p>last good</p>"


# --- due.log ------------------------------------------------------------------------------------------------


def test_a_name_or_message_with_line_breaks_cannot_forge_lines_of_due_log(inputs, tmp_path):
    project = load_project(inputs / "good")
    committee = project.spec.committees[0].model_copy(
        update={"name": "Udvalget\nmade      good/2099/forged for Nobody (0.1 s)"}
    )
    status = CommitteeStatus(project, committee, None, None, "not due:\r\nFAILED\x1b[31m elsewhere\u2028too")
    lines = plan_lines([status], date(2026, 10, 1), tmp_path)
    assert len("\n".join(lines).splitlines()) == len(lines) == 3
    assert lines[1] == "  good · Udvalget\\nmade      good/2099/forged for Nobody (0.1 s)"
    assert lines[2] == "    not due:\\r\\nFAILED\\x1b[31m elsewhere\\u2028too"
    assert log_line("Helhedsplan Nørrevang – «ok»\t") == "Helhedsplan Nørrevang – «ok»\\t"

    with Ledger.at(tmp_path) as ledger:
        run = ledger.start_run(
            committee.name, "good", "status_report", None, "2026-10-01", "2025-2026", "2026-10-01", None, "forced"
        )
        ledger.finish_run(run, False, "cell 3: ValueError: one\nmade      good/2099/forged")
        console = Console(width=400, record=True, file=io.StringIO())
        console.print(history_table(ledger, tmp_path))
    history = console.export_text()
    assert (
        "Udvalget\\nmade      good/2099/forged for Nobody" in history
        and "ValueError: one\\nmade      good/2099/forged" in history
    )
    assert (
        history.count("made      good/2099/forged") == history.count("\\nmade      good/2099/forged") == 2
    )  # never a line of its own
