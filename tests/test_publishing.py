"""A failed or timed-out job leaves the last good report in place and says what failed; a job's files are published
together, even by a publisher killed half-way or refused by a full disk."""

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from pipeline.errors import MachineFault
from pipeline.paths import default_inputs, notebooks_dir
from pipeline.run.batch import run_job
from pipeline.run.jobs import Job, Workspace
from pipeline.run.lock import project_lock
from pipeline.run.publish import publish, recover, write_atomically

JOB = Job(project="bosetting-vestfold", report="end_report", period="2015-2016", language="nb")


def workspace(tmp_path: Path) -> Workspace:
    notebooks = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir(), notebooks)
    return Workspace(inputs=default_inputs(), reports=tmp_path / "reports", notebooks=notebooks)


def break_notebook(path: Path, source: str) -> None:
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.insert(4, new_code_cell(source))
    nbformat.write(notebook, path)


def test_a_failing_cell_keeps_the_last_good_report_and_names_the_error(tmp_path):
    space = workspace(tmp_path)
    good = run_job(JOB, space, formats=("html",))
    assert good.ok, good.reason
    report = space.reports / "bosetting-vestfold" / "2015-2016" / "end_report.html"
    before = report.read_bytes()

    break_notebook(space.notebooks / "end_report.ipynb", "raise RuntimeError('indicators.csv was half copied')")
    failed = run_job(JOB, space, formats=("html",))

    assert not failed.ok
    assert "RuntimeError: indicators.csv was half copied" in failed.reason
    assert failed.reason.startswith("cell ")
    assert report.read_bytes() == before
    folder = report.parent
    assert (folder / "audit" / "end_report.failed.ipynb").exists()
    assert (folder / "audit" / "end_report.ipynb").exists()  # the audit copy of the good report stays too
    record = json.loads((folder / "run.json").read_text())["end_report"]
    assert record["status"] == "failed" and "half copied" in record["reason"]
    assert not list(folder.glob(".*.tmp"))


def test_a_hanging_cell_is_stopped_by_the_time_limit(tmp_path):
    space = workspace(tmp_path)
    break_notebook(space.notebooks / "end_report.ipynb", "import time\ntime.sleep(600)")
    result = run_job(JOB, space, formats=("html",), timeout=3)
    assert not result.ok
    assert "Timeout" in result.reason or "timed out" in result.reason
    assert result.seconds < 300  # a hang guard, not a speed test: without the limit the cell sleeps 600 s


def test_write_atomically_replaces_whole_files_and_leaves_no_temporaries(tmp_path):
    target = tmp_path / "a" / "report.html"
    write_atomically(target, "first")
    write_atomically(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]
    assert target.stat().st_mode & 0o044 == 0o044  # readable by others, like a file written plainly


# --- a job's files are published as a set ---------------------------------------------------------------------

SET = ("end_report.html", "end_report.pdf", "end_report.results.json", "end_report.xlsx")

# Publishes a new set, killed (os._exit, no clean-up of any kind) just before its k-th step: a flush, rename or removal.
KILLED_PUBLISHER = """
import os, sys
from pathlib import Path
from pipeline.run.publish import publish

folder, k = Path(sys.argv[1]), int(sys.argv[2])
steps = 0

def killed_before(real):
    def step(*args, **kwargs):
        global steps
        steps += 1
        if steps == k:
            os._exit(9)
        return real(*args, **kwargs)
    return step

for name in ("fsync", "replace", "rename", "unlink"):
    setattr(os, name, killed_before(getattr(os, name)))
publish({folder / name: f"new {name}" for name in sys.argv[3:]}, "end_report")
"""


def publish_killed_at(folder: Path, step: int) -> int:
    return subprocess.run([sys.executable, "-c", KILLED_PUBLISHER, str(folder), str(step), *SET], timeout=120).returncode


def contents(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text() for path in sorted(folder.iterdir())}


def test_a_publisher_killed_between_any_two_steps_leaves_the_old_set_or_the_new_one(tmp_path):
    old = {name: f"old {name}" for name in SET}
    new = {name: f"new {name}" for name in SET}
    seen = []
    for step in range(1, 100):
        folder = tmp_path / str(step) / "p" / "2016"
        folder.mkdir(parents=True)
        for name, text in old.items():
            (folder / name).write_text(text)
        code = publish_killed_at(folder, step)
        if code == 0:
            break  # the publisher ran to its end before step `step`
        assert code == 9
        with project_lock(tmp_path / str(step), "p"):  # the next run locks the project and finishes what was left
            after = contents(folder)
        assert after in (old, new), f"killed before step {step}: {after}"
        seen.append(after == new)
    assert contents(folder) == new
    assert len(seen) >= 8 and not seen[0] and seen[-1]  # killed early: the old set; after the commit point: the new


def test_the_next_publish_of_a_job_finishes_a_killed_one_before_its_own(tmp_path):
    folder = tmp_path / "p" / "2016"
    folder.mkdir(parents=True)
    for step in range(1, 100):
        assert publish_killed_at(folder, step) == 9
        if (folder / ".end_report.publish.json").exists():
            break  # killed after the commit point, with renames left to do
    publish({folder / "end_report.html": "newest html"}, "end_report")
    published = {name: text for name, text in contents(folder).items() if not name.startswith(".")}
    assert published == {**{name: f"new {name}" for name in SET}, "end_report.html": "newest html"}
    recover(folder)  # the killed runs' temporary files, when a run next locks the project
    assert contents(folder) == published


def test_a_full_disk_while_publishing_keeps_the_last_set_and_says_what_and_where(tmp_path, monkeypatch):
    folder = tmp_path / "p" / "2016"
    publish({folder / name: f"old {name}" for name in SET}, "end_report")
    real_fsync, calls = os.fsync, []

    def full_at_the_third_file(handle):
        calls.append(handle)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", full_at_the_third_file)
    with pytest.raises(MachineFault) as caught:
        publish({folder / name: f"new {name}" for name in SET}, "end_report")
    assert str(caught.value) == f"cannot write {folder / SET[2]}: No space left on device; the last good report is kept"
    assert contents(folder) == {name: f"old {name}" for name in SET}
