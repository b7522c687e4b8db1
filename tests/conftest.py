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


# The tests read a section as the report's page draws it, `shown.data`: the kernel itself emits only the document
# (`pipeline.render` draws it after execution), so the section's HTML is drawn here, by the page's own renderer.
def _section_html(shown) -> str:
    from pipeline.render import html

    return html.section(shown.section)


def pytest_configure(config):
    from pipeline.present.report import Shown

    Shown.data = property(_section_html)
