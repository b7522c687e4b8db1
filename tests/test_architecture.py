"""The house's drawing holds: the command line starts without the reports' libraries, the import contract is kept,
and the vocabularies that have one home agree with what reads them."""

from __future__ import annotations

import ast
import builtins
import json
import subprocess
import sys
import typing
from pathlib import Path

from pipeline import errors, spec, text_figures
from pipeline.present import text_figures as figure_values
from pipeline.project import load_project
from pipeline.vocabulary import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pandas", "statsmodels", "matplotlib", "nbformat", "typst", "papermill", "pydantic")


def test_importing_the_command_line_loads_none_of_the_reports_libraries():
    loaded = subprocess.run(
        [sys.executable, "-c", "import json, sys, pipeline.cli; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True, cwd=ROOT, timeout=120,
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
        capture_output=True, text=True, cwd=ROOT, timeout=300,
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
    exceptions = {name for name, value in vars(builtins).items() if isinstance(value, type) and issubclass(value, BaseException)}
    exceptions |= {name for name, value in vars(errors).items() if isinstance(value, type) and issubclass(value, BaseException)}
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
