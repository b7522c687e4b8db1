"""Where notebooks, inputs and reports live (beside the package in a source checkout, or where the environment says),
and the one door every path and file-name id from a user passes: `confined` and `safe_name`."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from pipeline.errors import UnsafePath

REPO_ROOT = Path(__file__).resolve().parent.parent


def default_inputs() -> Path:
    return Path(os.environ.get("EVALREPORT_INPUTS", REPO_ROOT / "inputs"))


def default_reports() -> Path:
    return Path(os.environ.get("EVALREPORT_REPORTS", REPO_ROOT / "reports"))


def notebooks_dir() -> Path:
    return Path(os.environ.get("EVALREPORT_NOTEBOOKS", REPO_ROOT / "notebooks"))


# One rule for every id that becomes part of a file or folder name (project, unit, report, period, language):
# letters (Nørrevang is fine), digits, '.', '_' and '-', starting with a letter or digit. No separator, no '..'.
MAX_NAME = 64
NAME_RULE = f"an id that can be part of a file name: at most {MAX_NAME} letters, digits, '.', '_' or '-', starting with a letter or digit"


def name_problem(name: str) -> str | None:
    """Why `name` cannot be part of a file name, or None when it can."""
    if not name:
        return "is empty"
    odd = sorted({c for c in name if not (c.isalnum() or c in "._-")})
    if odd:
        return "contains " + ", ".join(repr(c) for c in odd)
    if not name[0].isalnum():
        return f"starts with {name[0]!r}"
    if ".." in name:
        return "contains '..'"
    if len(name) > MAX_NAME:
        return f"has {len(name)} characters"
    return None


def safe_name(name: str, what: str) -> str:
    """`name`, when it can be part of a file name; UnsafePath naming `what` and why otherwise."""
    reason = name_problem(str(name))
    if reason:
        raise UnsafePath(what, NAME_RULE, f"{str(name)!r}, which {reason}")
    return name


def path_problem(relative: str) -> str | None:
    """Why the text `relative` cannot name a place inside a folder, or None when it may (symbolic links aside)."""
    text = str(relative)
    if not text.strip():
        return "is empty"
    if "\0" in text:
        return "contains a NUL character"
    if PurePath(text).is_absolute() or text.startswith("~"):
        return "is an absolute path"
    if ".." in PurePath(text).parts:
        return "climbs out of the folder with '..'"
    return None


def confined(root: Path, relative: str, what: str, root_is: str = "the folder") -> Path:
    """`root / relative` with symbolic links followed: the one door for every path a user's file or command names.

    Refused with UnsafePath (naming `what`, the value and `root`) when it is absolute, climbs with '..', or leads
    out of `root` through a symbolic link: a logo that is /etc/shadow would otherwise be published in the report.
    """
    reason = path_problem(relative)
    if reason is None:
        try:
            path = (root / relative).resolve()
        except (OSError, RuntimeError):  # a loop of symbolic links
            reason = "cannot be followed (a loop of symbolic links?)"
        else:
            if path.is_relative_to(root.resolve()):
                return path
            reason = f"leads to {path} through a symbolic link"
    raise UnsafePath(what, f"a relative path inside {root_is} {root}", f"{str(relative)!r}, which {reason}")
