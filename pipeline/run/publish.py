"""Atomic publishing: a report file is replaced whole or not at all, so a failed run leaves the last good one."""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from pathlib import Path


UMASK = os.umask(0o022)
os.umask(UMASK)


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o666 & ~UMASK)  # mkstemp makes 0600; a report folder is shared like any file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def publish(outputs: dict[Path, bytes | str]) -> None:
    """Publish several files only once all of them exist: render everything first, then rename each into place."""
    for path, data in outputs.items():
        write_atomically(path, data)


def record_run(folder: Path, job_name: str, record: dict) -> None:
    """Merge one job's record into the folder's run.json (parameters, input hashes, versions, duration, status)."""
    ledger = folder / "run.json"
    folder.mkdir(parents=True, exist_ok=True)
    # Jobs for several units of one period finish in parallel: the lock keeps each one's record.
    with open(folder / ".run.json.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        runs = json.loads(ledger.read_text(encoding="utf-8")) if ledger.exists() else {}
        runs[job_name] = record
        write_atomically(ledger, json.dumps(runs, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
