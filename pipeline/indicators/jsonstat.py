"""JSON-stat 2.0, what the statistics banks' APIs return (SSB, Statistics Sweden, Statistics Denmark, Eurostat).

pyjstat lays the dataset out as a table, one row per figure, each dimension by its category ids and labels. A
figure the bank does not have is null, with its reason in `status` ('..'): missing, never zero.
"""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

from pipeline.errors import InputError, Problem
from pipeline.indicators.figures import NIL
from pipeline.indicators.source import CONTENT_NAMES, PERIOD_NAMES, UNIT_NAMES, Dimension, Source
from pipeline.sources.cells import as_text
from pipeline.sources.limits import check_size


def read(path: Path) -> Source:
    from pyjstat import pyjstat  # loaded only when a JSON-stat file is imported

    check_size(path)
    text = path.read_text(encoding="utf-8-sig")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError([Problem(path.name, error.lineno, None, "JSON-stat 2.0 (JSON)", f"text that is not JSON ({error.msg})")]) from None
    if not isinstance(document, dict) or document.get("class") != "dataset" or "dimension" not in document:
        found = f"class {document.get('class')!r}" if isinstance(document, dict) else type(document).__name__
        raise InputError([Problem(path.name, None, "class", 'a JSON-stat 2.0 dataset ("class": "dataset"), as the statistics banks\' APIs return', found)])
    try:
        with warnings.catch_warnings():  # pyjstat's write() calls its own function it marks deprecated
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset = pyjstat.Dataset.read(text)
            by_id = dataset.write("dataframe", naming="id")
            by_label = dataset.write("dataframe", naming="label")
    except Exception as error:  # pyjstat passes on what its reshaping meets: sizes that do not fit the values
        found = f"a dataset pyjstat cannot read ({type(error).__name__}: {str(error)[:120]})"
        raise InputError([Problem(path.name, None, None, "a JSON-stat 2.0 dataset", found)]) from None

    ids = list(document["id"])
    dimensions = []
    for dimension_id, label_column in zip(ids, by_label.columns):
        labels = dict(zip(by_id[dimension_id].astype(str), by_label[label_column].astype(str)))
        dimensions.append(Dimension(name=label_column, aliases=(dimension_id,), labels=labels))
    cells = by_id[ids].astype(str).set_axis([d.name for d in dimensions], axis=1).reset_index(drop=True)
    statuses = [_status(document.get("status"), i) for i in range(len(cells))]
    figures = [as_text(value) if not _null(value) else (status or "") for value, status in zip(by_id["value"], statuses)]
    source = Source(file=path.name, format="jsonstat", dimensions=dimensions, cells=cells, figures=figures, rows=[None] * len(figures))
    # A null with a status is missing whatever the status says, unless it is the nil dash.
    source.declared_missing = tuple(sorted({s for s, f in zip(statuses, by_id["value"]) if s and s != NIL and _null(f)}))
    roles = document.get("role") or {}
    named = {i: d.name for i, d in zip(ids, dimensions)}
    source.units = next((named[i] for i in roles.get("geo", []) if i in named), None) or source.guess(UNIT_NAMES, set())
    source.periods = next((named[i] for i in roles.get("time", []) if i in named), None) or source.guess(PERIOD_NAMES, {source.units})
    source.content = next((named[i] for i in roles.get("metric", []) if i in named), None) or source.guess(CONTENT_NAMES, {source.units, source.periods})
    return source


def _status(status, index: int) -> str | None:
    """A figure's status: one string for all, a list by position, or a mapping from position to string."""
    if isinstance(status, str):
        return status
    if isinstance(status, list):
        return status[index] if index < len(status) else None
    if isinstance(status, dict):
        return status.get(str(index))
    return None


def _null(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
