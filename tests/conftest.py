"""Shared fixtures."""

import shutil
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "bosetting-vestfold"


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled example project, to break one thing in; returns its folder.

    The copy sits in its own inputs folder (`<tmp>/inputs/bosetting-vestfold`), so that its parent can be
    passed as `--inputs` to the command line.
    """
    folder = tmp_path / "inputs" / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder)
    return folder
