"""Publishing: a job's files (HTML, PDF, results, workbook, figures) become current together, so that a reader
finds the last good set or the new one, never a mix — SQLite's and git's way: write everything new beside the old,
then switch one pointer.

A report's set (`publish_report`), in the folder `ReportFiles` names:

1. The new files are written into a new version folder, `.<name>.versions/<version>/`, and flushed to disk.
2. The pointer `.<name>.current`, a symbolic link to the current version folder, is replaced by a new link
   through one rename. That rename is the switch: before it readers see the old set, after it the new one.
3. Each public name, `<name>.html`, `<name>.pdf`, ..., is a symbolic link to `.<name>.current/<file>`: made once,
   it never changes again, so readers' links, bookmarks, the index and the outboxes' copies keep their paths.
4. Version folders other than the current one and the one before it are removed. The previous set is kept until
   the next switch, so a reader that resolved the pointer just before this one still finds every file of its set.

Why a pointer per job, not the period folder as one link to a version of the whole folder: the jobs of one period
(one per unit, several reports, other languages) are published by parallel workers, each at its own moment; one
link for the period would make each of them copy and re-link every other job's files, racing with the others. A
link per job switches exactly that job's set with one rename, and nothing else changes.

A run killed before the switch leaves the old set and a half-written version folder, removed when the project is
next locked (`recover`) or the job next published; killed after it, the new set is current, and `recover` makes
any public link still missing. A folder written by an earlier evalreport holds plain files: its first versioned
publish replaces each by its link (one rename each), after the switch. run.json is written after the set
(`record_run`); a run killed in between leaves the new set with the previous record, which at worst makes the
next run make the same report again.

A reader that needs several files of one set resolves the pointer once (`ReportFiles.current_version`) and reads
them there; one that opens the public names one by one sees each file whole, from the set current when it opened it.

Other sets of files (an import's table and its draft codebook, in a project's inputs folder, which readers do not
follow by links) are published with a journal (`publish`):

1. Each new file is written under a temporary name in the folder and flushed to disk.
2. A journal, `.<job>.publish.json`, lists the renames (temporary name → file); it is flushed and renamed into
   place. That rename is the commit point.
3. The files are renamed into place, the folder is flushed, and the journal removed.

A run killed before the commit point leaves the old set (and temporary files, removed by `recover`). Killed after
it, the journal says what is left, and it is rolled FORWARD: by the next publish of the set, and by `recover`.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pipeline.errors import EvalreportError, MachineFault
from pipeline.run.files import ReportFiles

UMASK = os.umask(0o022)
os.umask(UMASK)

JOURNAL_SUFFIX = ".publish.json"


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`."""
    temporary = _write_temporary(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def holds_rows(path: Path) -> bool:
    """Whether a table has any row below its header: a table `evalreport new` wrote, headers only, does not."""
    if not path.is_file():
        return False
    if path.suffix.casefold() != ".csv":
        return True
    with path.open("rb") as file:
        lines = [line for _, line in zip(range(3), file) if line.strip()]
    return len(lines) > 1


def refuse_to_replace(paths: list[Path], force: bool) -> None:
    """Stop an import before it reads anything when a file it would write holds data and `force` was not given."""
    existing = [path for path in paths if holds_rows(path)]
    if existing and not force:
        held = " and ".join(map(str, existing))
        raise EvalreportError(
            f"{held} already {'holds' if len(existing) == 1 else 'hold'} data: "
            "give --append to add to it, or --force to replace it"
        )


def publish(outputs: dict[Path, bytes | str], name: str | None = None) -> None:
    """Make `outputs` (files of one folder) current together, as the module says; `name` (default: the first
    file's stem) names the journal. A write the machine refuses raises MachineFault, and the old set stays."""
    if not outputs:
        return
    folders = {path.parent for path in outputs}
    if len(folders) != 1:
        raise ValueError(f"a set of files is published into one folder, not {sorted(map(str, folders))}")
    [folder] = folders
    journal = folder / f".{name or next(iter(outputs)).stem}{JOURNAL_SUFFIX}"
    writing = folder  # for the message, should the machine refuse
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if journal.exists():
            roll_forward(journal)  # a killed run's set, finished before this one replaces it
        temporaries: list[Path] = []
        try:
            for writing, data in outputs.items():
                temporaries.append(_write_temporary(writing, data))
            writing = journal
            renames = {path.name: temporary.name for path, temporary in zip(outputs, temporaries)}
            write_atomically(journal, json.dumps({"renames": renames}, indent=1) + "\n")
            _flush_folder(folder)
        except BaseException:
            if not journal.exists():  # not committed: the old set stays, the new files go
                for temporary in temporaries:
                    temporary.unlink(missing_ok=True)
            raise
    except OSError as error:
        raise MachineFault(f"cannot write {writing}: {error.strerror or error}; the last good report is kept") from None
    try:
        roll_forward(journal)
    except OSError as error:
        raise MachineFault(
            f"cannot rename the new files into place in {folder}: {error.strerror or error}; the next run finishes it"
        ) from None


def publish_report(files: ReportFiles, outputs: Mapping[str, bytes | str]) -> None:
    """Make a job's `outputs` (by output name: html, pdf, docx, xlsx, figures.csv, results.json) its current set, as
    the module
    says. Outputs this run did not make (a run for `--format pdf` alone) are kept from the current set, linked into
    the new one. A write the machine refuses raises MachineFault, and the old set stays current."""
    if not outputs:
        return
    writing, version = files.folder, None  # for the message, should the machine refuse; the folder begun
    try:
        files.versions.mkdir(parents=True, exist_ok=True)
        # Versions sort by when they were begun: `recover` keeps the newest before the current one.
        version = Path(tempfile.mkdtemp(dir=files.versions, prefix=f"{time.time_ns():020d}-"))
        os.chmod(version, 0o777 & ~UMASK)  # mkdtemp makes 0700; a report folder is shared like any file
        for output, data in outputs.items():
            writing = version / files.file_name(output)
            _write_new(writing, data)
        old = files.current_version()
        for kept in sorted(old.iterdir()) if old and old.is_dir() else []:
            if not (version / kept.name).exists():
                writing = version / kept.name
                try:
                    os.link(kept, writing)
                except OSError:  # a share without hard links: a copy, flushed like the new files
                    _write_new(writing, kept.read_bytes())
        _flush_folder(version)
        _flush_folder(files.versions)
        writing = files.current
        _replace_by_link(files.current, os.path.relpath(version, files.folder))  # the switch
    except OSError as error:
        if version is not None and files.current_version() != version:  # not switched: the new set goes
            shutil.rmtree(version, ignore_errors=True)
        raise MachineFault(f"cannot write {writing}: {error.strerror or error}; the last good report is kept") from None
    try:
        link_public_names(files)
        prune(files)
    except OSError as error:
        problem = error.strerror or error
        raise MachineFault(f"cannot link the new files in {files.folder}: {problem}; the next run does it") from None


def link_public_names(files: ReportFiles) -> None:
    """Make each file of the current set readable under its public name (once: the link leads through the pointer)."""
    version = files.current_version()
    if version is None or not version.is_dir():
        return
    missing = [file.name for file in sorted(version.iterdir()) if not _linked(files, file.name)]
    for name in missing:
        _replace_by_link(files.folder / name, _link_target(files, name))
    if missing:
        _flush_folder(files.folder)


def _link_target(files: ReportFiles, name: str) -> str:
    return os.path.join(files.current.name, name)


def _linked(files: ReportFiles, name: str) -> bool:
    public = files.folder / name
    return public.is_symlink() and os.readlink(public) == _link_target(files, name)


def prune(files: ReportFiles) -> None:
    """Remove the version folders but the current one and the newest before it (the set readers may still be in)."""
    current = files.current_version()
    if current is None or not files.versions.is_dir():
        return
    older = sorted(v.name for v in files.versions.iterdir() if v.name < current.name)
    keep = {current.name, *older[-1:]}
    for version in files.versions.iterdir():
        if version.name not in keep:
            shutil.rmtree(version, ignore_errors=True)


def _replace_by_link(path: Path, target: str) -> None:
    """Make `path` a symbolic link to `target` with one rename: readers find the old `path` or the new, never none."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.link.tmp")
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def roll_forward(journal: Path) -> None:
    """Finish a committed publish: rename each file its journal lists that is not in place yet, then drop the
    journal."""
    folder = journal.parent
    try:
        renames = json.loads(journal.read_text(encoding="utf-8"))["renames"]
    except (ValueError, KeyError, TypeError):
        raise MachineFault(
            f"{journal}: a publishing journal that cannot be read; move it aside and run again"
        ) from None
    for final, temporary in renames.items():
        if (folder / temporary).exists():
            os.replace(folder / temporary, folder / final)
    _flush_folder(folder)
    journal.unlink(missing_ok=True)


def recover(root: Path) -> None:
    """Finish what runs killed while publishing under `root` left: roll every journal forward, then remove the
    temporary files still there (written before a commit point, or by `write_atomically`). Only while nothing else
    writes under `root`: the project's lock is held."""
    if not root.is_dir():
        return
    for journal in sorted(root.rglob(f".*{JOURNAL_SUFFIX}")):
        roll_forward(journal)
    for temporary in root.rglob(".*.tmp"):
        temporary.unlink(missing_ok=True)
    for pointer in sorted(root.rglob(".*.current")):  # a report's set: its links made, its stale versions removed
        files = ReportFiles(pointer.parent, pointer.name[1 : -len(".current")])
        link_public_names(files)
        prune(files)


def record_run(files: ReportFiles, record: dict[str, Any]) -> None:
    """Merge one job's record into the folder's run.json (parameters, input hashes, versions, duration, status)."""
    folder, job_name, ledger = files.folder, files.name, files.record
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Jobs for several units of one period finish in parallel: the lock keeps each one's record.
        with open(folder / ".run.json.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            runs = json.loads(ledger.read_text(encoding="utf-8")) if ledger.exists() else {}
            runs[job_name] = record
            write_atomically(ledger, json.dumps(runs, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    except OSError as error:
        raise MachineFault(f"cannot record the run in {ledger}: {error.strerror or error}") from None


def _write_new(path: Path, data: bytes | str) -> None:
    """`data` in the new file `path` (in a version folder no reader sees yet), flushed to disk."""
    with open(path, "xb") as file:
        file.write(data.encode("utf-8") if isinstance(data, str) else data)
        file.flush()
        os.fsync(file.fileno())


def _write_temporary(path: Path, data: bytes | str) -> Path:
    """`data` in a new file beside `path`, flushed to disk, readable like a file written plainly; removed on failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o666 & ~UMASK)  # mkstemp makes 0600; a report folder is shared like any file
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _flush_folder(folder: Path) -> None:
    """Make the renames in `folder` survive a power cut, not only a killed process."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
