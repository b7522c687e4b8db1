"""Committees in project.yaml, their schedules, and the job parameters a status gets: validation with the YAML line,
the scheduled days and the years each covers, and the previous status a new one is compared with."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from pipeline.analysis.schedule import latest_occurrence, next_occurrence
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.paths import default_inputs, notebooks_dir
from pipeline.project import load_project
from pipeline.run.cache import fingerprint, why_run
from pipeline.run.jobs import Job, Workspace, plan_jobs, previous_status
from pipeline.spec import Period, Schedule

VIBORG = "integrationsforum-viborg"


@pytest.fixture
def viborg(tmp_path) -> Path:
    folder = tmp_path / "inputs" / VIBORG
    shutil.copytree(default_inputs() / VIBORG, folder)
    return folder


def with_committees(folder: Path, block: str) -> int:
    """Replace the project's `committees:` block by `block`; return the line number of `committees:`."""
    path = folder / "project.yaml"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("\ncommittees:") + 1]
    path.write_text(head + block, encoding="utf-8")
    return head.count("\n") + 1


def only_problem(folder: Path):
    with pytest.raises(InputError) as caught:
        load_project(folder)
    assert len(caught.value.problems) == 1, caught.value
    return caught.value.problems[0]


# --- project.yaml ------------------------------------------------------------------------------------------


def test_the_viborg_committee_is_read_from_project_yaml():
    committee, recipient = load_project(VIBORG).spec.committees
    assert (
        recipient.name == "Børne- og Ungdomsudvalget" and recipient.schedule is None
    )  # sent recommendations, no status
    assert committee.name == "Beskæftigelses- og Integrationsudvalget"
    assert committee.report == "status_report"
    assert (committee.schedule.every, committee.schedule.on, committee.schedule.covers) == (
        "year",
        "10-01",
        "previous-and-current-year",
    )
    assert committee.language == "da"
    assert committee.delivery.email == ["udvalg@viborg.example"]
    assert committee.delivery.outbox == "udvalg/beskaeftigelses-og-integrationsudvalget"


def test_a_day_can_be_written_in_words_and_the_report_defaults_to_the_status():
    [committee] = load_project("helhedsplan-norrevang").spec.committees
    assert committee.schedule.on == "03-01"  # "1. marts"
    assert committee.report == "status_report"
    assert committee.delivery.email == []


@pytest.mark.parametrize(
    "schedule, expected, found",
    [
        ('{every: year, on: "02-30", covers: previous-year}', "no such day every year", "'02-30'"),
        ('{every: year, on: "29. februar"}', "no such day every year", "'29. februar'"),
        ("{every: year, on: 2026-10-01}", "not a full date", "'2026-10-01'"),
        ("{every: year, on: første oktober}", '"MM-DD"', "'første oktober'"),
    ],
)
def test_a_day_that_does_not_come_every_year_is_refused_with_its_line(viborg, schedule, expected, found):
    line = with_committees(viborg, f"committees:\n  - name: Udvalget\n    schedule: {schedule}\n")
    problem = only_problem(viborg)
    assert (problem.file, problem.row, problem.field) == ("project.yaml", line + 2, "committees.0.schedule.on")
    assert expected in problem.expected
    assert problem.found == found


def test_an_invalid_email_address_is_named_with_its_line(viborg):
    block = (
        "committees:\n  - name: Udvalget\n    schedule: {on: 10-01}\n    delivery:\n      email:\n        - "
        "udvalg@viborg.example\n        - udvalg(at)viborg.dk\n"
    )
    line = with_committees(viborg, block)
    problem = only_problem(viborg)
    assert (problem.row, problem.field) == (line + 6, "committees.0.delivery.email.1")
    assert "an e-mail address" in problem.expected
    assert problem.found == "'udvalg(at)viborg.dk'"


@pytest.mark.parametrize(
    "extra, field, expected",
    [
        ("    covers: last-year\n", "committees.0.covers", "only known keys"),  # a schedule key one level too far out
        ("    schedule_on: 10-01\n", "committees.0.schedule_on", "only known keys"),
        ("    language: sv\n", "committees.0.language", "'da', 'nb' or 'en'"),
        ("    delivery: {outbox: ud, mail: [a@b.dk]}\n", "committees.0.delivery.mail", "only known keys"),
    ],
)
def test_unknown_keys_and_values_are_refused(viborg, extra, field, expected):
    line = with_committees(viborg, f"committees:\n  - name: Udvalget\n    schedule: {{on: 10-01}}\n{extra}")
    problem = only_problem(viborg)
    assert (problem.row, problem.field) == (line + 3, field)
    assert expected in problem.expected


def test_covers_must_be_one_of_three(viborg):
    with_committees(viborg, "committees:\n  - name: Udvalget\n    schedule: {on: 10-01, covers: last-year}\n")
    problem = only_problem(viborg)
    assert problem.field == "committees.0.schedule.covers"
    assert "'previous-year', 'current-year' or 'previous-and-current-year'" in problem.expected
    assert problem.found == "'last-year'"


def test_a_committee_name_twice_and_an_unknown_unit_are_refused(viborg):
    line = with_committees(
        viborg,
        (
            "committees:\n  - {name: Udvalget, schedule: {on: 10-01}}\n  - {name: Udvalget, unit: 791, schedule: "
            "{on: 11-01}}\n"
        ),
    )
    with pytest.raises(InputError) as caught:
        load_project(viborg)
    problems = {p.field: p for p in caught.value.problems}
    assert (
        problems["committees.1.name"].row == line + 2
        and problems["committees.1.name"].found == "'Udvalget' a second time"
    )
    assert problems["committees.1.unit"].found == "'791'" and "units []" in problems["committees.1.unit"].expected


def test_validate_lists_a_committee_problem_on_the_command_line(viborg, capsys):
    with_committees(
        viborg, "committees:\n  - name: Udvalget\n    schedule: {on: 10-01}\n    delivery: {email: nobody}\n"
    )
    assert main(["--inputs", str(viborg.parent), "validate", VIBORG]) == 1
    assert "project.yaml, row" in capsys.readouterr().out


# --- schedules ---------------------------------------------------------------------------------------------

PROJECT = Period(start=2024, end=2026)  # the Viborg integration forum


@pytest.mark.parametrize(
    "covers, on, scheduled, period",
    [
        ("previous-and-current-year", "2026-10-01", "2026-10-01", "2025-2026"),
        ("previous-and-current-year", "2026-10-03", "2026-10-01", "2025-2026"),  # a machine that was off catches up
        ("previous-and-current-year", "2026-09-30", "2025-10-01", "2024-2025"),
        ("previous-and-current-year", "2024-10-01", "2024-10-01", "2024"),  # clipped to the project's first year
        ("previous-and-current-year", "2027-10-01", "2027-10-01", "2026"),  # and to its last
        ("previous-and-current-year", "2024-09-30", "2023-10-01", None),  # before the project began
        ("previous-and-current-year", "2028-10-01", "2028-10-01", None),  # wholly after its end
        ("previous-year", "2026-10-01", "2026-10-01", "2025"),
        ("previous-year", "2024-10-01", "2024-10-01", None),  # would cover 2023
        ("previous-year", "2027-10-01", "2027-10-01", "2026"),
        ("current-year", "2026-10-01", "2026-10-01", "2026"),
        ("current-year", "2027-10-01", "2027-10-01", None),
    ],
)
def test_the_latest_scheduled_status_and_the_years_it_covers(covers, on, scheduled, period):
    day, found = latest_occurrence(Schedule(on="10-01", covers=covers), PROJECT, date.fromisoformat(on))
    assert day == date.fromisoformat(scheduled)
    assert (found.period.label if found else None) == period
    if found:
        assert found.as_of == scheduled  # judged as of the scheduled day, not the day the command runs


def test_the_next_status_and_the_end_of_statuses():
    schedule = Schedule(on="10-01", covers="previous-year")
    assert next_occurrence(schedule, PROJECT, date(2024, 1, 15)).as_of == "2025-10-01"
    assert next_occurrence(schedule, PROJECT, date(2026, 10, 1)).period.label == "2026"
    assert next_occurrence(schedule, PROJECT, date(2027, 10, 1)) is None


# --- job parameters, keys and the previous status ----------------------------------------------------------


@pytest.fixture
def space(tmp_path, viborg) -> Workspace:
    notebooks = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir(), notebooks, ignore=shutil.ignore_patterns("status_report.ipynb"))
    return Workspace(inputs=viborg.parent, reports=tmp_path / "reports", notebooks=notebooks)


def store_status(
    space: Workspace, period: str, as_of: str | None, name: str = "end_report", text: str | None = None
) -> Path:
    path = space.reports / VIBORG / period / f"{name}.results.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        text
        if text is not None
        else json.dumps({"project": VIBORG, "period": period, "as_of": as_of, "summary": {"met": 2, "criteria": 5}})
    )
    return path


def test_other_reports_keep_their_parameters_and_keys(space):
    project = load_project(VIBORG, space.inputs)
    job = Job(VIBORG, "end_report", "2025-2026", "da")
    assert set(job.parameters(space)) == {"project", "unit", "period", "language", "inputs", "reports"}
    # A status's `previous` is no part of another report's key; every report's key has the rest (see test_cache.py).
    assert set(fingerprint(job, space, project)) == {
        "notebook",
        "inputs",
        "parameters",
        "code",
        "as_of",
        "logo",
        "fonts",
        "libraries",
    }


def test_a_changed_previous_status_reruns_the_status(space):
    project = load_project(VIBORG, space.inputs)
    previous = store_status(space, "2024-2025", "2025-10-01")
    job = Job(VIBORG, "end_report", "2025-2026", "da", as_of="2026-10-01", previous=str(previous))
    assert job.parameters(space)["as_of"] == "2026-10-01" and job.parameters(space)["previous"] == str(previous)
    before = fingerprint(job, space, project)
    previous.write_text(previous.read_text().replace('"met": 2', '"met": 3'))
    after = fingerprint(job, space, project)
    assert [part for part in after if after[part] != before[part]] == ["previous"]
    assert why_run(after, {"status": "ok", "key": before}, outputs_exist=True) == "previous status changed"


def test_the_previous_status_is_the_latest_judged_before_and_never_the_one_being_replaced(space):
    store_status(space, "2024", "2024-10-01")
    expected = store_status(space, "2024-2025", "2025-10-01")
    store_status(space, "2025-2026", "2026-09-01")  # the job's own file: it is about to be replaced
    store_status(space, "2026", "2027-10-01")  # judged later
    store_status(space, "2025", None, text="{not json")
    store_status(space, "2023", "2025-12-31", name="milestones")  # another report
    job = Job(VIBORG, "end_report", "2025-2026", "da", as_of="2026-10-01")
    assert previous_status(job, space) == expected
    assert previous_status(Job(VIBORG, "end_report", "2024", "da", as_of="2024-10-01"), space) is None
    assert previous_status(Job(VIBORG, "end_report", "2025-2026", "da"), space) is None  # not a status


def test_a_manual_run_of_a_status_notebook_gets_as_of_and_the_previous_status(space):
    # A notebook that compares with the previous status declares `as_of` and `previous` in its parameters cell.
    notebook = json.loads((space.notebooks / "end_report.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if "parameters" in c["metadata"].get("tags", []))
    cell["source"] = "".join(cell["source"]) + '\nas_of = "2026-10-01"\nprevious = None\n'
    (space.notebooks / "status_like.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    previous = store_status(space, "2024-2025", "2025-10-01", name="status_like")
    project = load_project(VIBORG, space.inputs)

    [status, end_report] = plan_jobs(project, space, ["status_like", "end_report"], period="2025-2026")
    assert (
        status.as_of == min(date.today(), date(2026, 12, 31)).isoformat()
    )  # today, or the period's last day once over
    assert status.previous == str(previous)
    assert (end_report.as_of, end_report.previous) == (None, None)
    [past] = plan_jobs(project, space, ["status_like"], period="2024")
    assert (past.as_of, past.previous) == ("2024-12-31", None)


# --- schedule --cron / --systemd ---------------------------------------------------------------------------


def test_schedule_prints_a_crontab_line_with_absolute_paths(tmp_path, capsys):
    reports = tmp_path / "reports"
    assert (
        main(
            ["--reports", str(reports), "schedule", "--cron", "--at", "05:40", "--env-file", str(tmp_path / "smtp.env")]
        )
        == 0
    )
    comment, line = capsys.readouterr().out.strip().splitlines()
    assert comment.startswith("# evalreport")
    assert line.startswith("40 5 * * * cd /")
    assert f" EVALREPORT_SMTP_ENV_FILE={tmp_path / 'smtp.env'} /" in line  # named, never sourced into the environment
    assert ". /" not in line and "set -a" not in line
    assert f"--reports {reports} due >> {reports / 'due.log'} 2>&1" in line
    assert "/bin/evalreport " in line or " -m pipeline.cli " in line


def test_schedule_prints_systemd_units_and_refuses_a_time_that_is_not_one(capsys):
    assert main(["schedule", "--systemd", "--at", "6:05"]) == 0
    units = capsys.readouterr().out
    assert "Type=oneshot" in units and "OnCalendar=*-*-* 06:05:00" in units and "Persistent=true" in units
    assert "ExecStart=/" in units and units.split("ExecStart=")[1].split("\n")[0].endswith(" due")
    assert main(["schedule", "--cron", "--at", "25:00"]) == 2
    assert "--at: expected a time of day such as 06:15, found '25:00'" in capsys.readouterr().err


HOSTILE_FOLDERS = ["Evaluering%20rapporter", "rapporter %n %h", 'Kari\'s "rapporter"', "pris $HOME ${USER}", "a\\b;c"]


def systemd_arguments(exec_start: str) -> list[str]:
    """ExecStart= split as systemd splits it: words as a shell's, C escapes in quotes, then '%%' and '$$' single."""
    import shlex

    return [word.replace("%%", "%").replace("$$", "$") for word in shlex.split(exec_start)]


@pytest.mark.parametrize("folder", HOSTILE_FOLDERS)
def test_systemd_units_carry_any_folder_name_as_it_is(tmp_path, capsys, folder):
    reports, env_file = tmp_path / folder / "reports", tmp_path / folder / "smtp.env"
    reports.mkdir(parents=True)
    env_file.write_text("EVALREPORT_SMTP_HOST=localhost\n", encoding="utf-8")
    assert main(["--reports", str(reports), "schedule", "--systemd", "--env-file", str(env_file)]) == 0
    units = capsys.readouterr().out
    service = units.split("# /etc/systemd/system/")[1].split("\n", 1)[1]
    settings = dict(line.split("=", 1) for line in service.splitlines() if "=" in line and not line.startswith("#"))
    arguments = systemd_arguments(settings["ExecStart"])
    assert arguments[-3:] == ["--reports", str(reports), "due"]
    assert arguments[arguments.index("--inputs") + 1].startswith("/")
    # The SMTP settings' file is named in Environment= (only the delivering code opens it), as systemd reads it back.
    [assignment] = systemd_arguments(settings["Environment"].replace("$$", "$"))
    name, written = assignment.split("=", 1)
    assert name == "EVALREPORT_SMTP_ENV_FILE" and written == str(env_file)
    analyze = shutil.which("systemd-analyze")
    if analyze:  # systemd's own reading of the unit: a lone '%' is an unknown specifier, an error
        import subprocess

        (tmp_path / "evalreport-due.service").write_text(service, encoding="utf-8")
        unit = str(tmp_path / "evalreport-due.service")
        checked = subprocess.run([analyze, "verify", unit], capture_output=True, text=True, timeout=60)
        assert not any(word in checked.stderr for word in ("specifier", "Invalid", "Failed to")), checked.stderr


@pytest.mark.parametrize("how", ["--systemd", "--cron"])
def test_a_folder_name_with_a_line_break_is_refused_for_a_scheduler(tmp_path, capsys, how):
    reports = tmp_path / "rapporter\n0 * * * * rm -rf ~" / "reports"
    assert main(["--reports", str(reports), "schedule", how]) == 2
    error = capsys.readouterr().err
    assert "--reports: expected a folder whose name is one line" in error and len(error.strip().splitlines()) == 1


def test_a_percent_sign_in_a_crontab_line_is_escaped_for_cron(tmp_path, capsys):
    reports = tmp_path / "Evaluering%20rapporter"
    assert main(["--reports", str(reports), "schedule", "--cron"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[1]
    assert "%" not in line.replace(r"\%", "") and r"Evaluering\%20rapporter" in line
