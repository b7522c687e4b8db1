"""Where notebooks, inputs and reports live (beside the package in a source checkout, or where the environment says),
and the one door every path and file-name id from a user passes: `confined` and `safe_name`."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

from pipeline.errors import UnsafePath

REPO_ROOT = Path(__file__).resolve().parent.parent
# Installed from the wheel, no checkout surrounds the package: the notebooks come with it, here, and inputs/ and
# reports/ are those of the folder the command runs in.
INSTALLED_NOTEBOOKS = Path(sys.prefix) / "share" / "evalreport" / "notebooks"


def _home() -> Path:
    """The checkout around the package, or the folder the command runs in when evalreport is installed."""
    return REPO_ROOT if (REPO_ROOT / "notebooks").is_dir() else Path.cwd()


def default_inputs() -> Path:
    return Path(os.environ.get("EVALREPORT_INPUTS", _home() / "inputs"))


def default_reports() -> Path:
    return Path(os.environ.get("EVALREPORT_REPORTS", _home() / "reports"))


def notebooks_dir() -> Path:
    beside = REPO_ROOT / "notebooks"
    return Path(os.environ.get("EVALREPORT_NOTEBOOKS", beside if beside.is_dir() else INSTALLED_NOTEBOOKS))


# One rule for every id that becomes part of a file or folder name (project, unit, report, period, language; a fiscal
# year's period, labelled 2018/19, is named 2018-19: pipeline.periods.ReportPeriod.name):
# letters (Nørrevang is fine), digits, '.', '_' and '-', starting with a letter or digit. No separator, no '..'.
# File systems count a name's bytes (255 at most), not its letters: an id is at most 64 bytes in UTF-8 (64 letters
# a–z, 32 such as æ, 16 outside the Basic Multilingual Plane), so that the longest name a job writes, three ids and
# the longest ending (`.<report>-<unit>.<language>.publish.json`, a temporary name's marks), stays under 255.
MAX_NAME = 64
NAME_RULE = (
    f"an id that can be part of a file name: at most {MAX_NAME} bytes in UTF-8 ({MAX_NAME} letters a–z, "
    "fewer such as æ), "
    "letters, digits, '.', '_' or '-', starting with a letter or digit"
)
# A job's name (`end_report-0701.en`): the file names made from it add at most some 50 bytes of ending.
MAX_JOB_NAME = 200


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
    size = len(name.encode("utf-8", "surrogatepass"))
    if size > MAX_NAME:
        return f"has {len(name)} characters" + (f", {size} bytes in UTF-8" if size != len(name) else "")
    return None


def safe_job_name(name: str, project: str) -> str:
    """A job's name (report, unit, language), whose files must fit a file system's 255 bytes with their endings;
    UnsafePath naming the project and the name otherwise. Each id within is at most MAX_NAME bytes already, so this
    holds unless an id was let past that rule."""
    size = len(str(name).encode("utf-8", "surrogatepass"))
    if size > MAX_JOB_NAME:
        expected = f"at most {MAX_JOB_NAME} bytes in UTF-8 for a report's files to fit a file system"
        raise UnsafePath(f"{project}: report name", expected, f"{str(name)[:40]!r}… of {size} bytes")
    return name


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
