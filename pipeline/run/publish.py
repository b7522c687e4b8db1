"""Publishing: a job's files (HTML, PDF, results, workbook) become current together, so that a reader finds the
last good set or the new one, never a mix.

SQLite's and git's way: write everything new beside the old, then switch once.

1. Each new file is written under a temporary name in the report folder and flushed to disk.
2. A journal, `.<job>.publish.json`, lists the renames (temporary name → file); it is flushed and renamed into
   place. That rename is the commit point.
3. The files are renamed into place, the folder is flushed, and the journal removed.

A run killed before the commit point leaves the old set (and temporary files, removed when the project is next
locked, see `recover`). Killed after it, the journal says what is left, and it is rolled FORWARD: by the job's next
publish, and by `recover` whenever a run locks the project. Forward, because every file it names exists from
the commit point on (the journal is written only after them), no old file has to be kept, and a rename done
twice is harmless. run.json is written after the set (`record_run`); a run killed in between leaves the new set
with the previous record, which at worst makes the next run make the same report again.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from pathlib import Path

from pipeline.errors import EvalreportError, MachineFault

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
        raise MachineFault(f"cannot rename the new files into place in {folder}: {error.strerror or error}; the next run finishes it") from None


def roll_forward(journal: Path) -> None:
    """Finish a committed publish: rename each file its journal lists that is not in place yet, then drop the journal."""
    folder = journal.parent
    try:
        renames = json.loads(journal.read_text(encoding="utf-8"))["renames"]
    except (ValueError, KeyError, TypeError):
        raise MachineFault(f"{journal}: a publishing journal that cannot be read; move it aside and run again") from None
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


def record_run(folder: Path, job_name: str, record: dict) -> None:
    """Merge one job's record into the folder's run.json (parameters, input hashes, versions, duration, status)."""
    ledger = folder / "run.json"
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
