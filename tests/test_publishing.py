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
    return subprocess.run(
        [sys.executable, "-c", KILLED_PUBLISHER, str(folder), str(step), *SET], timeout=120
    ).returncode


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


# --- a report's set: version folders and one pointer, switched while others read ----------------------------------

OUTPUTS = ("html", "pdf", "results.json", "xlsx", "figures.csv")


def report_set(tag: str) -> dict[str, str]:
    """A set whose every file says which set it is, long enough that reading one takes a while."""
    return {output: f"{tag} {output}\n" + "x" * 200_000 for output in OUTPUTS}


# Publishes the "new" set, killed (os._exit, no clean-up) just before its k-th step: a flush, link, rename or removal.
KILLED_REPORT_PUBLISHER = """
import os, sys
from pathlib import Path
from pipeline.run.files import ReportFiles
from pipeline.run.publish import publish_report

folder, k, outputs = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
steps = 0

def killed_before(real):
    def step(*args, **kwargs):
        global steps
        steps += 1
        if steps == k:
            os._exit(9)
        return real(*args, **kwargs)
    return step

for name in ("fsync", "replace", "rename", "symlink", "link", "unlink", "rmdir", "mkdir"):
    setattr(os, name, killed_before(getattr(os, name)))
publish_report(ReportFiles(folder, "end_report"), {o: f"new {o}\\n" + "x" * 200_000 for o in outputs})
"""

# Reads the published files until told to stop: each public name must open, whole, as one set's file, and once one
# file of the new set was read, no file of the old set may follow (all switch at one instant); the files of the set
# the pointer names, resolved once, must all be of one set. Prints how many sets it read of each kind.
READER = """
import json, os, sys, time
folder, stop = sys.argv[1], sys.argv[2]
suffixes = {"html": ".html", "pdf": ".pdf", "results.json": ".results.json", "xlsx": ".xlsx", "figures.csv":
".figures.csv"}
names = {output: "end_report" + suffix for output, suffix in suffixes.items()}
seen = {"old": 0, "new": 0, "public": 0}
def tag(path, output):
    with open(path) as file:
        text = file.read()
    first = text.split("\\n", 1)[0]
    kind = first.split()[0]
    assert first == f"{kind} {output}" and kind in ("old", "new"), (path, first)
    assert len(text) == len(first) + 1 + 200_000, (path, len(text))
    return kind
switched = False
while not os.path.exists(stop):
    for output, name in names.items():
        kind = tag(os.path.join(folder, name), output)  # never missing, never half, never another file's
        assert not (switched and kind == "old"), f"{name}: the old set after a file of the new one"
        switched = switched or kind == "new"
        seen["public"] += 1
    version = os.path.join(folder, os.readlink(os.path.join(folder, ".end_report.current")))
    kinds = {tag(os.path.join(version, name), output) for output, name in names.items()}
    assert len(kinds) == 1, kinds
    seen[kinds.pop()] += 1
print(json.dumps(seen))
"""


def published_now(files) -> dict[str, str]:
    return {output: files.published(output).read_text().split("\n", 1)[0] for output in OUTPUTS}


def test_a_report_publisher_killed_at_any_step_while_others_read_leaves_the_old_set_or_the_new(tmp_path):
    from pipeline.run.files import ReportFiles
    from pipeline.run.publish import publish_report

    old, new = {o: f"old {o}" for o in OUTPUTS}, {o: f"new {o}" for o in OUTPUTS}
    outcomes, read = [], {"old": 0, "new": 0, "public": 0}
    for step in range(1, 200):
        folder = tmp_path / str(step) / "p" / "2016"
        files = ReportFiles(folder, "end_report")
        publish_report(files, report_set("old"))
        publish_report(files, report_set("old"))  # two versions before: the killed publish has one to prune
        stop = tmp_path / str(step) / "stop"
        reader = [sys.executable, "-c", READER, str(folder), str(stop)]
        reader = subprocess.Popen(reader, stdout=subprocess.PIPE, text=True)
        publisher = [sys.executable, "-c", KILLED_REPORT_PUBLISHER, str(folder), str(step), *OUTPUTS]
        code = subprocess.run(publisher, timeout=120).returncode
        stop.touch()
        out, _ = reader.communicate(timeout=120)
        assert reader.returncode == 0, f"a reader saw a mix or a missing file, the publisher killed before step {step}"
        for kind, count in json.loads(out).items():
            read[kind] += count
        after = published_now(files)
        assert after in (old, new), f"killed before step {step}: {after}"
        with project_lock(tmp_path / str(step), "p"):  # the next run locks the project and clears what was left
            assert published_now(files) == after
        versions = sorted(p.name for p in files.versions.iterdir())
        assert len(versions) <= 2 and files.current_version().name in versions  # the current set and the one before
        assert not list(folder.rglob("*.tmp"))
        if code == 0:
            break  # the publisher ran to its end before step `step`
        assert code == 9
        outcomes.append(after == new)
    assert published_now(files) == new
    assert len(outcomes) >= 8 and not outcomes[0] and outcomes[-1]  # killed early: the old set; after the switch, new
    assert read["public"] > 0 and read["old"] + read["new"] > 0  # the readers did read while the publishers ran


def test_a_report_is_read_under_its_public_names_and_a_run_for_one_format_keeps_the_others(tmp_path):
    from pipeline.run.files import ReportFiles
    from pipeline.run.publish import publish_report

    folder = tmp_path / "p" / "2016"
    folder.mkdir(parents=True)
    (folder / "end_report.html").write_text("written by an earlier evalreport")  # a plain file: replaced by its link
    files = ReportFiles(folder, "end_report")
    publish_report(files, {"html": "first html", "pdf": "first pdf"})
    first = files.current_version()
    publish_report(files, {"pdf": "second pdf"})
    assert (files.html.read_text(), files.pdf.read_text()) == ("first html", "second pdf")
    assert os.readlink(files.html) == ".end_report.current/end_report.html"
    assert first.is_dir()  # the previous set is kept until the next switch
    publish_report(files, {"pdf": "third pdf"})
    assert not first.exists() and len(list(files.versions.iterdir())) == 2
    public = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert public == ["end_report.html", "end_report.pdf"]
