"""The house's drawing holds: the command line starts without the reports' libraries, the import contract is kept,
and the vocabularies that have one home agree with what reads them."""

from __future__ import annotations

import ast
import builtins
import hashlib
import json
import subprocess
import sys
import typing
from pathlib import Path

import pytest

import pipeline.project
from pipeline import errors, spec, text_figures
from pipeline.cli import main
from pipeline.present import text_figures as figure_values
from pipeline.project import load_project
from pipeline.run import batch
from pipeline.vocabulary import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pandas", "statsmodels", "matplotlib", "nbformat", "typst", "papermill", "pydantic")


def test_importing_the_command_line_loads_none_of_the_reports_libraries():
    loaded = subprocess.run(
        [sys.executable, "-c", "import json, sys, pipeline.cli; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=120,
    )
    modules = set(json.loads(loaded.stdout))
    assert "pipeline.cli" in modules
    assert [name for name in HEAVY if name in modules] == []


def test_version_and_help_answer_without_loading_the_pipeline():
    code = (
        "import json, sys\nfrom pipeline.cli import main\n"
        "for argv in (['--version'], ['--help'], ['run', '--help']):\n"
        "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "evalreport " in ran.stdout and "--per-unit" in ran.stdout
    modules = set(json.loads(ran.stderr.strip().splitlines()[-1]))
    assert [name for name in HEAVY if name in modules] == []


def test_the_import_contract_is_kept():
    linted = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert linted.returncode == 0, linted.stdout[-3000:]
    assert "Contracts: 2 kept, 0 broken." in linted.stdout


def test_the_languages_have_one_home():
    assert typing.get_args(spec.Language) == LANGUAGES


def test_every_kind_of_figure_a_text_may_name_has_its_value_and_every_value_a_name():
    kinds = set()
    for folder in sorted((ROOT / "inputs").iterdir()):
        if (folder / "project.yaml").exists():
            kinds |= {figure.kind for figure in text_figures.catalogue(load_project(folder).spec).values()}
    assert kinds == set(figure_values.VALUES)


def test_every_exception_class_is_in_errors():
    exceptions = {
        name for name, value in vars(builtins).items() if isinstance(value, type) and issubclass(value, BaseException)
    }
    exceptions |= {
        name for name, value in vars(errors).items() if isinstance(value, type) and issubclass(value, BaseException)
    }
    elsewhere = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        if path.name == "errors.py" and path.parent.name == "pipeline":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {base.id if isinstance(base, ast.Name) else getattr(base, "attr", "") for base in node.bases}
                if bases & exceptions:
                    elsewhere.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert elsewhere == []


@pytest.mark.slow
def test_a_job_runs_on_the_project_the_command_loaded_and_hashes_each_input_once(tmp_path, monkeypatch):
    loads, hashed = [], []
    real_load, real_sha256 = pipeline.project.load_project, hashlib.sha256

    def load(*args, **kwargs):
        loads.append(args[0])
        return real_load(*args, **kwargs)

    def sha256(*data):  # the inputs are hashed with their bytes; the job key's digests start empty
        if data:
            hashed.append(len(data[0]))
        return real_sha256(*data)

    monkeypatch.setattr(pipeline.project, "load_project", load)
    monkeypatch.setattr(batch, "load_project", load)
    monkeypatch.setattr(hashlib, "sha256", sha256)
    reports = tmp_path / "reports"
    argv = ["--reports", str(reports), "run", "bosetting-vestfold", "--report", "milestones", "--format", "html"]
    assert main([*argv, "--jobs", "1"]) == 0

    project = real_load("bosetting-vestfold")
    assert loads == ["bosetting-vestfold"]
    assert len(hashed) == len(project.input_files) + 1  # each file once, then the digest over all of them
    record = json.loads((reports / "bosetting-vestfold" / "2015-2016" / "run.json").read_text(encoding="utf-8"))
    assert record["milestones"]["inputs"] == project.input_hashes()
