"""Read an SPSS data file (.sav) as text cells: value labels applied, user-defined missing values left empty."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyreadstat

from pipeline.errors import InputError, Problem
from pipeline.sources.cells import as_text
from pipeline.sources.frame import column_names, to_frame
from pipeline.sources.isolated import Crashed, run_isolated
from pipeline.sources.limits import MAX_FILE_BYTES, MAX_ROWS, check_size


def read_sav(path: Path, required: Iterable[str] = (), *, missing: Iterable[str] = ()) -> pd.DataFrame:
    """Read `path` into a DataFrame of stripped strings, one row per case.

    A coded answer holds its value label ('Helt enig', not 5); a value the file declares as user-missing
    (9 = 'Vil ikke svare', say) is an empty cell, as SPSS itself treats it. `attrs["line"]` is the case number;
    `attrs["labels"]` maps each variable to its label (the question text) and `attrs["value_labels"]` to its
    labels in the order of their codes, user-missing ones left out.
    """
    name = path.name
    check_size(path)
    # ReadStat, the C library under pyreadstat, crashes the interpreter (a segmentation fault) on some damaged
    # files; read in a child process, such a file is a problem like any other, and the command lives on.
    try:
        parsed, error = run_isolated(_parse, str(path))
    except Crashed:
        parsed, error = None, "the SPSS reader crashed on it: the file is damaged"
    if parsed is None:
        raise InputError([Problem(name, None, None, "an SPSS data file (.sav)", f"a file that is not one ({error})")])
    data, meta, missing_ranges = parsed
    columns = column_names(name, [list(data.columns)], required)
    rows = [[as_text(value) for value in record] for record in data.itertuples(index=False, name=None)]
    value_labels = {
        column: [
            str(labels[code]) for code in sorted(labels) if not _user_missing(code, missing_ranges.get(column, []))
        ]
        for column, labels in meta.variable_value_labels.items()
    }
    return to_frame(
        name,
        columns,
        rows,
        list(range(1, len(rows) + 1)),
        missing,
        decimal_comma=False,
        labels={column: label or "" for column, label in meta.column_names_to_labels.items()},
        value_labels=value_labels,
        measure=dict(meta.variable_measure),
    )


def _parse(path: str):
    """pyreadstat's reads, in the child process: ((data, metadata, user-missing ranges), None) or (None, error)."""
    try:
        # The header says how many cases and variables there are (a compressed file may unpack to far more than
        # its size): refused before the data is read, by the limits of a CSV file (each cell a byte at least).
        _, declared = pyreadstat.read_sav(path, metadataonly=True)
        cases, variables = max(declared.number_rows or 0, 0), declared.number_columns or 0
        if cases > MAX_ROWS or cases * (variables + 1) > MAX_FILE_BYTES:
            limit = f"at most {MAX_ROWS:,} cases, and a table that fits a CSV file's limit"
            return None, f"{cases:,} cases of {variables:,} variables; {limit}"
        # user_missing=False turns user-defined missing values into NaN, as SPSS analyses them.
        data, meta = pyreadstat.read_sav(path, apply_value_formats=True, user_missing=False)
        # Only a read that keeps user-missing values reports which they are.
        _, declared = pyreadstat.read_sav(path, metadataonly=True, user_missing=True)
    except (pyreadstat.ReadstatError, pyreadstat.PyreadstatError, OSError) as error:
        return None, str(error)
    return (data, meta, declared.missing_ranges), None


def _user_missing(code, ranges: list[dict]) -> bool:
    """A code the file declares user-missing: its label ('Ikke besvart') is no answer, not a point on the scale."""
    return any(isinstance(code, (int, float)) and r["lo"] <= code <= r["hi"] for r in ranges) or any(
        code == r["lo"] for r in ranges
    )
