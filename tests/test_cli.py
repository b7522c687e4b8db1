"""The command line: planning, refusing bad parameters before any kernel starts, isolating bad projects."""

import os
import shutil

import pytest

from pipeline.cli import main, parser
from pipeline.paths import default_inputs


def test_dry_run_lists_one_job_per_unit(capsys):
    assert main(["run", "bosetting-vestfold", "--per-unit", "--report", "success_criteria", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "10 job(s)" in out
    assert "bosetting-vestfold/2015-2016/success_criteria-0701  (nb)" in out


def test_a_period_outside_the_project_is_refused(capsys):
    assert main(["run", "bosetting-vestfold", "--period", "2019", "--dry-run"]) == 2
    assert "expected years within the project's 2015-2016, found '2019'" in capsys.readouterr().err


def test_an_unknown_unit_or_report_is_refused(capsys):
    assert main(["run", "bosetting-vestfold", "--unit", "9999", "--dry-run"]) == 2
    assert "unit: expected one of" in capsys.readouterr().err
    assert main(["run", "bosetting-vestfold", "--report", "nonsense", "--dry-run"]) == 2
    assert "found nonsense" in capsys.readouterr().err


def test_reports_at_once_are_evalreport_jobs_else_the_cores_this_command_may_use(monkeypatch, capsys):
    monkeypatch.setenv("EVALREPORT_JOBS", "3")
    assert parser().parse_args(["run", "--all"]).jobs == 3
    assert parser().parse_args(["due", "--jobs", "1"]).jobs == 1
    monkeypatch.delenv("EVALREPORT_JOBS")
    assert parser().parse_args(["due"]).jobs == len(os.sched_getaffinity(0))
    monkeypatch.setenv("EVALREPORT_JOBS", "two")
    with pytest.raises(SystemExit):
        parser().parse_args(["run", "--all"])
    assert "(--jobs, or $EVALREPORT_JOBS), found 'two'" in capsys.readouterr().err


def test_list_shows_every_example(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for project in ("bosetting-vestfold", "integrationsforum-viborg", "helhedsplan-norrevang"):
        assert project in out


def test_run_all_skips_an_invalid_project_renders_the_rest_and_fails(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    shutil.copytree(default_inputs() / "bosetting-vestfold", inputs / "good")
    shutil.copytree(default_inputs() / "bosetting-vestfold", inputs / "broken")
    (inputs / "broken" / "indicators.csv").write_text(
        "unit,indicator,period,value\n0701,anmodet,2015,tretti\n", encoding="utf-8"
    )
    code = main(
        [
            "--inputs",
            str(inputs),
            "--reports",
            str(tmp_path / "reports"),
            "run",
            "--all",
            "--report",
            "milestones",
            "--format",
            "html",
        ]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert (tmp_path / "reports" / "good" / "2015-2016" / "milestones.html").exists()
    assert not (tmp_path / "reports" / "broken").exists()
    assert "indicators.csv, row 2, field 'value'" in captured.err
    assert "NOT RUN broken" in captured.out


def test_an_unchanged_job_is_skipped_and_a_changed_input_reruns_it(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    shutil.copytree(default_inputs() / "bosetting-vestfold", inputs / "p")
    run = [
        "--inputs",
        str(inputs),
        "--reports",
        str(tmp_path / "reports"),
        "run",
        "p",
        "--report",
        "milestones",
        "--format",
        "html",
    ]
    assert main(run) == 0
    assert "1 made, 0 failed, 0 unchanged" in capsys.readouterr().out
    html = tmp_path / "reports" / "p" / "2015-2016" / "milestones.html"
    made = html.stat().st_mtime_ns

    assert main(run) == 0
    assert "0 made, 0 failed, 1 unchanged (skipped)" in capsys.readouterr().out
    assert html.stat().st_mtime_ns == made

    milestones = inputs / "p" / "milestones.csv"
    milestones.write_text(
        milestones.read_text(encoding="utf-8").replace("Nettverksmøte 1", "Første nettverksmøte"), encoding="utf-8"
    )
    assert main([*run, "--dry-run"]) == 0
    assert "milestones  (nb)  input changed" in capsys.readouterr().out
    assert main(run) == 0
    assert "input changed" in capsys.readouterr().out
    assert "Første nettverksmøte" in html.read_text(encoding="utf-8")


def test_a_failure_reason_holding_rich_markup_is_printed_as_written():
    from rich.console import Console

    from pipeline.run.batch import JobResult
    from pipeline.run.jobs import Job
    from pipeline.run.progress import summary_table

    console = Console(record=True, width=200)
    reason = "survey.csv row 3: expected a label, found '[/] [bold red]x[/]'"
    console.print(
        summary_table([JobResult(Job("p", "end_report", "2016", "nb"), False, 1.0, reason=reason, why="new")])
    )
    assert "'[/] [bold red]x[/]'" in console.export_text()
