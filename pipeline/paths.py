"""Where notebooks, inputs and reports live: beside the package in a source checkout, or where the environment says."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def default_inputs() -> Path:
    return Path(os.environ.get("EVALREPORT_INPUTS", REPO_ROOT / "inputs"))


def default_reports() -> Path:
    return Path(os.environ.get("EVALREPORT_REPORTS", REPO_ROOT / "reports"))


def notebooks_dir() -> Path:
    return Path(os.environ.get("EVALREPORT_NOTEBOOKS", REPO_ROOT / "notebooks"))
