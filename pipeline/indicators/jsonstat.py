"""JSON-stat 2.0, what the statistics banks' APIs return (SSB, Statistics Sweden, Statistics Denmark, Eurostat).

The dataset is laid out here as a table, one row per figure, each dimension by its category ids and labels. The
figures are in row-major order of the dimensions (`id`, `size`); `value` is a list of them all, or, for a sparse
table, a mapping from position to figure, and then only the positions given are laid out: a response declaring
a thousand million positions and holding ten figures is ten rows. A figure the bank does not have is null, with
its reason in `status` ('..'): missing, never zero. Every shape the standard does not allow is a problem naming
the part of the document, never a traceback.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.errors import InputError, Problem
from pipeline.indicators.figures import NIL
from pipeline.indicators.source import CONTENT_NAMES, PERIOD_NAMES, UNIT_NAMES, Dimension, Source
from pipeline.sources.cells import as_text
from pipeline.sources.limits import MAX_ROWS, check_size

# Positions a dataset may declare: a sparse one holds far fewer figures, and a position must fit a 64-bit number.
MAX_POSITIONS = 2**62
DATASET = 'a JSON-stat 2.0 dataset ("class": "dataset"), as the statistics banks\' APIs return'


def read(path: Path) -> Source:
    check_size(path)
    document = _parsed(path)
    file = path.name

    def wrong(field: str, expected: str, found) -> InputError:
        return InputError([Problem(file, None, field, expected, _shown(found))])

    if (
        not isinstance(document, dict)
        or document.get("class") != "dataset"
        or not isinstance(document.get("dimension"), dict)
    ):
        found = (
            f"class {document.get('class')!r}" if isinstance(document, dict) else f"a JSON {type(document).__name__}"
        )
        raise InputError([Problem(file, None, "class", DATASET, found)])
    ids, sizes = document.get("id"), document.get("size")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
        raise wrong("id", "a list of the dimensions' ids, each named once", ids)
    if not isinstance(sizes, list) or len(sizes) != len(ids) or not all(type(s) is int and s >= 1 for s in sizes):
        raise wrong("size", f"a list of {len(ids)} whole numbers of at least 1, one per dimension in id", sizes)
    dimensions, codes = [], []
    for dimension_id, size in zip(ids, sizes):
        dimension, order = _dimension(document["dimension"], dimension_id, size, wrong)
        dimensions.append(dimension)
        codes.append(order)
    if len({d.name for d in dimensions}) < len(dimensions):  # two dimensions labelled alike: their ids tell them apart
        dimensions = [Dimension(name=i, aliases=(i,), labels=d.labels) for i, d in zip(ids, dimensions)]

    declared = math.prod(sizes)
    if declared > MAX_POSITIONS:
        raise wrong(
            "size", f"dimensions of at most {MAX_POSITIONS:,} positions in all", " × ".join(f"{s:,}" for s in sizes)
        )
    positions, values = _figures(document.get("value"), declared, sizes, wrong)
    cells = _cells(positions, sizes, codes, [d.name for d in dimensions])
    statuses = [_status(document.get("status"), int(p)) for p in positions]
    figures = [as_text(value) if value is not None else (status or "") for value, status in zip(values, statuses)]
    source = Source(
        file=file, format="jsonstat", dimensions=dimensions, cells=cells, figures=figures, rows=[None] * len(figures)
    )
    # A null with a status is missing whatever the status says, unless it is the nil dash.
    source.declared_missing = tuple(sorted({s for s, v in zip(statuses, values) if s and s != NIL and v is None}))
    roles = _roles(document.get("role"), ids, wrong)
    named = {i: d.name for i, d in zip(ids, dimensions)}

    def role(kind: str) -> str | None:
        return next((named[i] for i in roles.get(kind, [])), None)

    source.units = role("geo") or source.guess(UNIT_NAMES, set())
    source.periods = role("time") or source.guess(PERIOD_NAMES, {source.units})
    source.content = role("metric") or source.guess(CONTENT_NAMES, {source.units, source.periods})
    return source


def _parsed(path: Path):
    """The document as JSON, or a problem: text that is not UTF-8 (which JSON must be), not JSON, or nested deeper
    than Python's parser goes (no dataset nests more than a few levels)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            [
                Problem(
                    path.name,
                    line,
                    None,
                    "text in UTF-8, as JSON is written",
                    f"a byte UTF-8 cannot read ({raw[error.start : error.start + 1]!r})",
                )
            ]
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            [Problem(path.name, error.lineno, None, "JSON-stat 2.0 (JSON)", f"text that is not JSON ({error.msg})")]
        ) from None
    except RecursionError:
        raise InputError(
            [
                Problem(
                    path.name,
                    None,
                    None,
                    "JSON-stat 2.0 (JSON) nested a few levels deep",
                    "lists or objects nested thousands deep",
                )
            ]
        ) from None


def _dimension(dimensions: dict, dimension_id: str, size: int, wrong) -> tuple[Dimension, list[str]]:
    """A dimension with its categories' labels, and its category ids in the order of the figures."""
    field = f"dimension {dimension_id}"
    found = dimensions.get(dimension_id)
    if not isinstance(found, dict) or not isinstance(found.get("category"), dict):
        raise wrong(field, 'an object with a "category" (its "index" and "label")', found)
    category = found["category"]
    index, given = category.get("index"), category.get("label")
    if given is not None and (not isinstance(given, dict) or not all(isinstance(v, str) for v in given.values())):
        raise wrong(f"{field} category label", "an object from category id to its label (text)", given)
    labels: dict[str, str] = given or {}
    if index is None and len(labels) == 1:  # the standard lets a dimension of one category leave out its index
        index = list(labels)
    order: list[str]
    if isinstance(index, list) and all(isinstance(c, str) for c in index):
        order = index
    elif (
        isinstance(index, dict)
        and all(type(p) is int for p in index.values())
        and sorted(index.values()) == list(range(len(index)))
    ):
        order = sorted(index, key=index.__getitem__)
    else:
        raise wrong(
            f"{field} category index", "a list of category ids, or an object from id to its position 0, 1, 2 …", index
        )
    if len(order) != size or len(set(order)) != size:
        raise wrong(f"{field} category index", f"{size:,} different categories, as size says", f"{len(set(order)):,}")
    label = found.get("label")
    name = label if isinstance(label, str) and label.strip() else dimension_id
    return Dimension(name=name, aliases=(dimension_id,), labels={c: labels.get(c, c) for c in order}), order


def _roles(roles, ids: list[str], wrong) -> dict[str, list[str]]:
    """Which dimensions are places, times and measures: an object from role to a list of dimension ids."""
    if roles is None:
        return {}
    expected = 'an object from a role ("geo", "time", "metric") to a list of the ids in id, such as {"geo": ["Region"]}'
    if not isinstance(roles, dict):
        raise wrong("role", expected, roles)
    for kind, listed in roles.items():
        if not isinstance(listed, list) or not all(isinstance(i, str) and i in ids for i in listed):
            raise wrong(f"role {kind}", expected, listed)
    return roles


def _figures(value, declared: int, sizes: list[int], wrong) -> tuple[np.ndarray, list]:
    """The positions that hold a figure and their figures: every position of a list, the keys of a mapping."""
    if isinstance(value, list):
        if len(value) != declared:
            shape = " × ".join(f"{s:,}" for s in sizes)
            raise wrong(
                "value",
                f"{declared:,} figures ({shape}, as size says), or an object from position to figure",
                f"{len(value):,}",
            )
        pairs = list(enumerate(value))
    elif isinstance(value, dict):
        try:
            pairs = sorted((int(key), figure) for key, figure in value.items())
        except ValueError:
            raise wrong(
                "value",
                "an object whose keys are positions 0, 1, 2 …",
                next(k for k in value if not k.strip().lstrip("-").isdigit()),
            ) from None
        outside = [p for p, _ in pairs if not 0 <= p < declared]
        if outside:
            raise wrong("value", f"positions from 0 to {declared - 1:,}, as size says", f"position {outside[0]:,}")
    else:
        raise wrong("value", "a list of the figures, or an object from position to figure", value)
    pairs = [
        (p, None if isinstance(f, float) and math.isnan(f) else f) for p, f in pairs
    ]  # NaN: JSON's null by another name
    if len(pairs) > MAX_ROWS:
        raise wrong("value", f"at most {MAX_ROWS:,} figures", f"{len(pairs):,}")
    odd = next(
        (
            (p, f)
            for p, f in pairs
            if f is not None and (isinstance(f, (bool, list, dict)) or (isinstance(f, float) and not math.isfinite(f)))
        ),
        None,
    )
    if odd:
        raise wrong("value", f"figures: numbers, text such as '..' or null (at position {odd[0]:,})", odd[1])
    return np.array([p for p, _ in pairs], dtype=np.int64), [f for _, f in pairs]


def _cells(positions: np.ndarray, sizes: list[int], codes: list[list[str]], names: list[str]) -> pd.DataFrame:
    """Each figure's category ids, from its position: only the positions there are, never every combination."""
    places = np.unravel_index(positions, sizes) if len(positions) else [np.array([], dtype=np.int64)] * len(sizes)
    return pd.DataFrame(
        {name: np.array(order, dtype=object)[place] for name, order, place in zip(names, codes, places)}
    )


def _status(status, index: int) -> str | None:
    """A figure's status: one string for all, a list by position, or a mapping from position to string."""
    found: object
    if isinstance(status, str):
        found = status
    elif isinstance(status, list):
        found = status[index] if index < len(status) else None
    elif isinstance(status, dict):
        found = status.get(str(index))
    else:
        found = None
    return found if isinstance(found, str) else None


def _shown(found) -> str:
    """What the file holds, short: a JSON value of up to 60 characters."""
    if isinstance(found, (list, dict)) and len(found) > 8:
        return f"a JSON {'list' if isinstance(found, list) else 'object'} of {len(found):,} items"
    text = json.dumps(found, ensure_ascii=False) if not isinstance(found, str) else repr(found)
    return text if len(text) <= 60 else text[:59] + "…"
