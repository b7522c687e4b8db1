"""Every path from a user's file stays in its folder, every id that becomes a file name is a safe one, and a report
in another language than the project's does not replace the project's own."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline import paths
from pipeline.cli import main
from pipeline.committees.deliver import status_files
from pipeline.committees.ledger import Run
from pipeline.committees.outbox import outbox_folder
from pipeline.errors import InputError, UnsafePath
from pipeline.paths import confined, name_problem
from pipeline.project import load_project, load_spec
from pipeline.render.cover import logo_data_uri
from pipeline.run.batch import run_job
from pipeline.run.jobs import Job, Workspace, plan_jobs
from pipeline.spec import Unit

PWNED = "x/../../escaped/pwned"
VIBORG = Path(__file__).resolve().parent.parent / "inputs" / "integrationsforum-viborg"


def set_in_yaml(folder, old: str, new: str) -> None:
    yaml_file = folder / "project.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    assert old in text
    yaml_file.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(folder) -> list:
    with pytest.raises(InputError) as caught:
        load_project(folder)
    return caught.value.problems


# --- the one door for paths ------------------------------------------------------------------------------


def test_a_path_is_confined_to_its_folder(tmp_path):
    (tmp_path / "inside.svg").write_text("<svg/>")
    (tmp_path / "leak.svg").symlink_to("/etc/passwd")
    assert confined(tmp_path, "inside.svg", "report.logo") == (tmp_path / "inside.svg").resolve()
    for path, why in [
        ("/etc/passwd", "absolute"),
        ("../inside.svg", "'..'"),
        ("a/../inside.svg", "'..'"),
        ("leak.svg", "/etc/passwd"),
        ("~/x", "absolute"),
    ]:
        with pytest.raises(UnsafePath) as caught:
            confined(tmp_path, path, "report.logo", "the project folder")
        message = str(caught.value)
        assert (
            message.startswith("report.logo: expected a relative path inside the project folder")
            and repr(path) in message
            and why in message
        )


# --- report.logo ---------------------------------------------------------------------------------------------


@pytest.fixture
def secret_svg(tmp_path):
    secret = tmp_path / "secret.svg"  # outside the project folder, readable by the user running evalreport
    secret.write_text("<svg><!-- not for the report --></svg>")
    return secret


@pytest.mark.parametrize("how", ["absolute", "parent", "symlink"])
def test_a_logo_outside_the_project_folder_is_a_validation_error_and_no_report_is_made(
    example_copy, secret_svg, how, capsys
):
    logo = {"absolute": str(secret_svg), "parent": "../../secret.svg", "symlink": "logo.svg"}[how]
    if how == "symlink":
        (example_copy / "logo.svg").symlink_to("/etc/passwd")
    set_in_yaml(example_copy, "report:\n", f"report:\n  logo: {logo}\n")
    [problem] = problems_of(example_copy)
    assert (problem.file, problem.field) == ("project.yaml", "report.logo")
    assert "inside the project folder" in problem.expected and repr(logo) in problem.found

    reports = example_copy.parent.parent / "reports"
    assert main(["--inputs", str(example_copy.parent), "validate", example_copy.name]) == 1
    assert "report.logo" in capsys.readouterr().out
    run = [
        "--inputs",
        str(example_copy.parent),
        "--reports",
        str(reports),
        "run",
        example_copy.name,
        "--report",
        "success_criteria",
        "--format",
        "html",
    ]
    assert main(run) == 2
    assert "report.logo" in capsys.readouterr().err
    assert not list(reports.rglob("*.html"))


def test_a_logo_that_passed_no_validation_is_still_not_embedded(example_copy):
    project = load_project(example_copy)
    (example_copy / "logo.svg").symlink_to("/etc/passwd")
    bypassed = replace(
        project,
        spec=project.spec.model_copy(update={"report": project.spec.report.model_copy(update={"logo": "logo.svg"})}),
    )
    with pytest.raises(UnsafePath, match="report.logo"):
        logo_data_uri(bypassed)


# --- outbox ----------------------------------------------------------------------------------------------------


def test_an_outbox_that_climbs_out_is_a_validation_error(tmp_path):
    yaml_text = (VIBORG / "project.yaml").read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(yaml_text.splitlines(), 1) if "outbox: udvalg/" in row)
    project_file = tmp_path / "project.yaml"
    project_file.write_text(yaml_text.replace("outbox: udvalg/", "outbox: ../../", 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_spec(project_file)
    [problem] = caught.value.problems
    assert (problem.row, problem.field) == (line, "committees.0.delivery.outbox")
    assert "'..'" in problem.expected and "../../" in problem.found


def test_an_outbox_is_refused_outside_its_root(tmp_path):
    reports = tmp_path / "reports"
    (tmp_path / "elsewhere").mkdir()
    reports.mkdir()
    (reports / "udvalg").symlink_to(tmp_path / "elsewhere")
    for outbox in ("../../x", "/srv/x", "udvalg/bi"):
        with pytest.raises(UnsafePath, match="delivery.outbox: expected a relative path inside the reports folder"):
            outbox_folder(outbox, reports, {})
    with pytest.raises(UnsafePath, match=r"inside \$EVALREPORT_OUTBOX_ROOT"):
        outbox_folder("../x", reports, {"EVALREPORT_OUTBOX_ROOT": str(tmp_path / "share")})


# --- ids that become file names --------------------------------------------------------------------------------


def test_ids_in_use_are_safe_names_and_separators_are_not():
    assert [name_problem(n) for n in ("0701", "2015-2016", "end_report", "K-1.2", "Nørrevang")] == [None] * 5
    assert name_problem(PWNED) == "contains '/'"
    assert name_problem("..") == "starts with '.'" and name_problem("a..b") == "contains '..'"
    assert name_problem("") == "is empty" and name_problem("a" * 65) == "has 65 characters"
    assert name_problem("a\\b") == "contains '\\\\'" and name_problem("a b") == "contains ' '"


def test_a_unit_id_that_is_no_file_name_is_a_validation_error_naming_it(example_copy, capsys):
    text = (example_copy / "project.yaml").read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if '"0702"' in row)
    set_in_yaml(example_copy, '"0702"', f'"{PWNED}"')
    [problem] = problems_of(example_copy)
    assert (problem.file, problem.row, problem.field) == ("project.yaml", line, "units.1.id")
    assert "file name" in problem.expected and "contains '/'" in problem.expected and PWNED in problem.found
    assert main(["--inputs", str(example_copy.parent), "validate", example_copy.name]) == 1
    assert "units.1.id': expected an id that can be part of a file name" in capsys.readouterr().out


def test_report_names_and_the_project_folder_are_checked_too(example_copy, tmp_path):
    set_in_yaml(example_copy, "reports: [", "reports: [../../etc/x, ")
    [problem] = problems_of(example_copy)
    assert problem.field == "reports.0" and "../../etc/x" in problem.found
    set_in_yaml(example_copy, "reports: [../../etc/x, ", "reports: [")
    odd = tmp_path / "inputs" / "my project"
    example_copy.rename(odd)
    [problem] = problems_of(odd)
    assert (problem.file, problem.field) == (str(odd), "project folder name") and "contains ' '" in problem.found
    with pytest.raises(UnsafePath, match="project: expected an id"):
        load_project("../bosetting-vestfold", tmp_path / "inputs")


@pytest.fixture
def space(tmp_path):
    return Workspace.default(tmp_path / "inputs", tmp_path / "reports")


def test_a_job_whose_files_would_land_outside_the_reports_folder_is_refused_whatever_came_before(
    example_copy, space, tmp_path
):
    project = load_project(example_copy)
    bypassed = replace(
        project, spec=project.spec.model_copy(update={"units": [Unit.model_construct(id=PWNED, name="Pwned")]})
    )
    with pytest.raises(UnsafePath, match="job unit: expected an id that can be part of a file name"):
        plan_jobs(bypassed, space, ["success_criteria"], per_unit=True)
    job = Job(project.id, "success_criteria", "2015-2016", "nb", PWNED)
    with pytest.raises(UnsafePath, match="job unit"):
        run_job(job, space, ["html"])
    for bad in (replace(job, unit=None, project=".."), replace(job, unit=None, period="../..")):
        with pytest.raises(UnsafePath):
            bad.folder(space)
    assert not (tmp_path / "escaped").exists() and not list(tmp_path.rglob("pwned*"))


def test_import_into_a_project_outside_the_inputs_folder_is_refused(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    assert (
        main(
            [
                "--inputs",
                str(inputs),
                "import",
                "--from",
                "surveyxact",
                str(tmp_path / "export.xlsx"),
                "--project",
                "../x",
            ]
        )
        == 2
    )
    error = capsys.readouterr().err
    assert (
        error.startswith("error: --project: expected an id that can be part of a file name")
        and "found '../x', which contains '/'" in error
    )
    assert not (tmp_path / "x").exists()


# --- a report in another language ------------------------------------------------------------------------------


def test_a_report_in_another_language_than_the_projects_says_so_in_its_name(example_copy, space):
    project = load_project(example_copy)  # nb
    assert [job.name for job in plan_jobs(project, space, ["end_report"])] == ["end_report"]
    assert [job.name for job in plan_jobs(project, space, ["end_report"], language="nb")] == ["end_report"]
    assert [job.name for job in plan_jobs(project, space, ["end_report"], language="en")] == ["end_report.en"]
    assert plan_jobs(project, space, ["end_report"], unit="0701", language="en")[0].name == "end_report-0701.en"


def test_a_committees_status_in_its_own_language_is_delivered_under_that_name(tmp_path):
    reports = tmp_path / "reports"
    folder = reports / "integrationsforum-viborg" / "2025-2026"
    folder.mkdir(parents=True)
    (folder / "status_report.pdf").write_bytes(b"%PDF da")
    (folder / "status_report.en.pdf").write_bytes(b"%PDF en")
    project = load_project("integrationsforum-viborg")  # da
    committee = project.spec.committees[0]  # the one with a yearly status
    run = Run(
        1,
        committee.name,
        project.id,
        "status_report",
        None,
        "2026-10-01",
        "2025-2026",
        "2026-10-01",
        None,
        "",
        "",
        "ok",
        "",
        "",
        (),
    )
    english = committee.model_copy(update={"language": "en"})
    [(name, path)] = status_files(run, english, project, reports, "pdf").items()
    assert (name, path.read_bytes()) == ("integrationsforum-viborg_status_report_2025-2026_en.pdf", b"%PDF en")
    [(name, path)] = status_files(run, committee, project, reports, "pdf").items()
    assert (name, path.read_bytes()) == ("integrationsforum-viborg_status_report_2025-2026.pdf", b"%PDF da")


def test_run_in_english_leaves_the_norwegian_report_in_place(example_copy, capsys):
    reports = example_copy.parent.parent / "reports"
    run = [
        "--inputs",
        str(example_copy.parent),
        "--reports",
        str(reports),
        "run",
        example_copy.name,
        "--report",
        "milestones",
        "--format",
        "html",
        "--jobs",
        "1",
    ]
    assert main(run) == 0
    folder = reports / example_copy.name / "2015-2016"
    norwegian = (folder / "milestones.html").read_bytes()
    assert main([*run, "--language", "en"]) == 0
    assert (folder / "milestones.html").read_bytes() == norwegian
    assert b'<html lang="nb"' in norwegian and b'<html lang="en"' in (folder / "milestones.en.html").read_bytes()
    assert (folder / "milestones.en.results.json").exists() and (folder / "milestones.en.xlsx").exists()
    assert set(json.loads((folder / "run.json").read_text(encoding="utf-8"))) == {"milestones", "milestones.en"}
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "milestones.en.html" in index and "Milepæler (på engelsk)" in index


ASTRAL = "\U0001d400"  # MATHEMATICAL BOLD CAPITAL A: a letter, four bytes in UTF-8


def test_a_name_is_counted_in_the_bytes_a_file_system_counts():
    assert name_problem(ASTRAL * 16) is None and name_problem("æ" * 32) is None and name_problem("a" * 64) is None
    assert name_problem(ASTRAL * 60) == "has 60 characters, 240 bytes in UTF-8"
    assert name_problem("æ" * 33) == "has 33 characters, 66 bytes in UTF-8"


def test_a_unit_id_of_60_letters_outside_the_bmp_is_a_validation_error(example_copy, capsys):
    set_in_yaml(example_copy, '"0702"', f'"{ASTRAL * 60}"')
    problems = problems_of(example_copy)
    assert any(p.field == "units.1.id" and "240 bytes in UTF-8" in p.expected for p in problems)
    assert main(["--inputs", str(example_copy.parent), "validate", example_copy.name]) == 1


def test_in_run_all_a_project_whose_names_cannot_be_files_is_skipped_and_the_others_planned(
    example_copy, monkeypatch, capsys
):
    long_names = example_copy.parent / "lange-navn"
    shutil.copytree(example_copy, long_names)
    for path in long_names.rglob("*"):
        if path.is_file() and path.suffix in (".yaml", ".csv"):
            path.write_text(path.read_text(encoding="utf-8").replace("0702", "Horten-og-omegn-0702"), encoding="utf-8")
    assert main(["--inputs", str(example_copy.parent), "validate", "lange-navn"]) == 0
    # The rule each id keeps (64 bytes) keeps a job's name under the limit; a limit of 20 makes one project's too long.
    monkeypatch.setattr(paths, "MAX_JOB_NAME", 20)
    capsys.readouterr()
    where = ["--inputs", str(example_copy.parent), "--reports", str(example_copy.parent.parent / "r")]
    assert main([*where, "run", "--all", "--per-unit", "--dry-run"]) == 1
    out, err = capsys.readouterr()
    assert "bosetting-vestfold/" in out and "end_report-0702" in out and "lange-navn/" not in out
    [skipped] = [line for line in err.splitlines() if "lange-navn" in line]
    assert skipped.startswith("skipping lange-navn: lange-navn: report name: expected at most 20 bytes")
    assert "Horten-og-omegn-0702" in skipped
