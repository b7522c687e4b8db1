"""evalreport as a package: the wheel carries what a report needs (notebooks, templates, data; the fonts come with
their own package), and an installed copy renders a report from a folder that has nothing to do with the clone.

The wheel is built from a copy of the source (the clone stays as it is), then installed, not editable, into a new
venv. That venv takes the libraries evalreport needs from the test's own environment (a .pth file naming its
site-packages) instead of downloading them again: the thing under test is evalreport's wheel, not PyPI. A plain path
in a .pth adds that folder only, never the editable install in it, so `pipeline` can come from the wheel alone, and
the test checks that it does.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "inputs" / "bosetting-vestfold"
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "reports", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
)

pytestmark = pytest.mark.slow


def run(command: list, cwd: Path, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=900, **kw)
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """evalreport's wheel, built from a copy of the source tree as it is now (PyPI gives the build its setuptools)."""
    source = tmp_path_factory.mktemp("source") / "evalreport"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    wheels = tmp_path_factory.mktemp("wheels")
    run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--quiet", "--wheel-dir", wheels], cwd=source)
    (built,) = wheels.glob("evalreport-*.whl")
    return built


def test_the_wheel_carries_the_notebooks_templates_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    notebooks = {Path(name).name for name in names if "/share/evalreport/notebooks/" in name}
    assert notebooks == {path.name for path in (REPO / "notebooks").glob("*.ipynb")}
    package_files = {path.relative_to(REPO).as_posix() for path in (REPO / "pipeline").rglob("*") if path.is_file()}
    needed = {name for name in package_files if "__pycache__" not in name}
    assert needed - names == set(), "every file of the package, code and templates and data alike"


def test_installed_from_the_wheel_it_renders_an_example_outside_the_clone(wheel, tmp_path):
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=False)
    python = environment / "bin" / "python"
    where_libraries = "import sysconfig; print(sysconfig.get_path('purelib'))"
    own_site = Path(run([python, "-c", where_libraries], cwd=tmp_path).stdout.strip())
    (own_site / "libraries-of-the-test.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    install = [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "--quiet", wheel]
    run(install, cwd=tmp_path)

    work = tmp_path / "work"
    shutil.copytree(EXAMPLE, work / "inputs" / EXAMPLE.name)
    clean = {name: value for name, value in os.environ.items() if not name.startswith(("EVALREPORT_", "PYTHON"))}
    where = run([python, "-c", "import pipeline; print(pipeline.__file__)"], cwd=work, env=clean).stdout.strip()
    assert Path(where).is_relative_to(environment), f"pipeline imported from {where}, not from the wheel"

    run([environment / "bin" / "evalreport", "run", EXAMPLE.name], cwd=work, env=clean)
    folder = work / "reports" / EXAMPLE.name
    (html,) = folder.glob("*/end_report.html")
    assert "Bosetting" in html.read_text(encoding="utf-8")
    assert html.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
