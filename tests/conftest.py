"""Shared fixtures, and the two lanes: `make test-fast` runs the tests not marked `slow`, `make test` runs all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "bosetting-vestfold"

# Modules whose every test starts a notebook kernel or renders reports (seconds each); their unit tests live
# elsewhere. A test elsewhere that does so carries @pytest.mark.slow itself, and a test that uses
# `rendered_examples` is slow by that alone.
SLOW_MODULES = {
    "test_benchmark.py",
    "test_browser.py",
    "test_cluster.py",
    "test_end_to_end.py",
    "test_exports.py",
    "test_notebooks.py",
    "test_pdf.py",
    "test_status_report.py",
    "test_time_limit.py",
    "test_warm_kernel.py",
}
RENDERED = "rendered_examples"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if RENDERED in getattr(item, "fixturenames", ()):
            # One worker renders the examples and runs every test that reads them (`--dist loadgroup`).
            item.add_marker(pytest.mark.xdist_group(RENDERED))
            item.add_marker(pytest.mark.slow)
        elif item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example report rendered once per test session, by the command line as a user runs it: each example's
    reports in its language and every format, the Norwegian end report in English too, the Danish yearly status
    of 2025-2026, and reports/index.html. Read it; a test that changes reports renders its own."""
    folder = tmp_path_factory.mktemp("rendered-examples")
    base = ["--reports", str(folder), "run"]
    assert main([*base, "--all", "--jobs", "2"]) == 0
    assert main([*base, "bosetting-vestfold", "--report", "end_report", "--language", "en"]) == 0
    assert main([*base, "integrationsforum-viborg", "--report", "status_report", "--period", "2025-2026"]) == 0
    return folder


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled example project, to break one thing in; returns its folder.

    The copy sits in its own inputs folder (`<tmp>/inputs/bosetting-vestfold`), so that its parent can be
    passed as `--inputs` to the command line.
    """
    folder = tmp_path / "inputs" / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder)
    return folder
