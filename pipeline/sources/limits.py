"""How large an input file may be: a wrong file (a database dump, a video) is refused at once with a clear problem,
instead of being read into memory for minutes and then failing somewhere less clear."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError, Problem

# Far above any table a project or a survey tool writes (100 000 respondents of 100 answers fit in a tenth of it),
# far below what would make reading slow or run out of memory.
MAX_FILE_BYTES = 100 * 1024 * 1024


def check_size(path: Path, limit: int = MAX_FILE_BYTES) -> None:
    """Raise InputError naming the file when it is larger than `limit` bytes; only its size is looked at."""
    size = path.stat().st_size
    if size > limit:
        raise InputError(
            [Problem(path.name, None, None, f"a file of at most {_megabytes(limit)} (is it the right file?)", f"a file of {_megabytes(size)}")]
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"
