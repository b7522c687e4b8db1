"""A PC-Axis file (.px): the format SSB, Statistics Denmark, Statistics Sweden and Statistics Finland export.

pyaxis reads the keywords (quoted values over several lines, several languages) and the DATA block; the codes of
each variable (CODES, e.g. municipality numbers) are laid out here in the same order as its VALUES (the labels).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import re
from pathlib import Path

import pandas as pd

from pipeline.errors import InputError, Problem
from pipeline.indicators.source import CONTENT_NAMES, PERIOD_NAMES, UNIT_NAMES, Dimension, Source
from pipeline.sources.limits import check_size

_CODEPAGE = re.compile(rb'CODEPAGE\s*=\s*"([^"]+)"')
NEVER = r"(?!)"  # a pattern no value matches: the missing symbols are the importer's to read


def read(path: Path) -> Source:
    from pyaxis import pyaxis  # loaded only when a PX file is imported

    check_size(path)
    encoding = _codepage(path)
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # pyaxis prints "Multilingual PX file"
            parsed = pyaxis.parse(uri=str(path), encoding=encoding, null_values=NEVER, sd_values=NEVER)
    except Exception as error:  # pyaxis passes on whatever its parsing meets: a split that fails, a length that differs
        found = f"a file pyaxis cannot read ({type(error).__name__}: {str(error)[:120]})"
        raise InputError([Problem(path.name, None, None, "a PC-Axis file (.px) with keywords, then DATA=", found)]) from None
    meta = parsed["METADATA"]
    names = _listed(meta, "STUB") + _listed(meta, "HEADING")
    dimensions = [_dimension(meta, name) for name in names]
    codes = [list(d.labels) for d in dimensions]
    cells = pd.DataFrame(list(itertools.product(*codes)), columns=names, dtype=str)
    figures = list(parsed["DATA"]["DATA"])
    if len(figures) != len(cells):
        expected = f"{len(cells):,} figures in DATA ({' × '.join(str(len(c)) for c in codes)})"
        raise InputError([Problem(path.name, None, "DATA", expected, f"{len(figures):,}")])
    source = Source(file=path.name, format="px", dimensions=dimensions, cells=cells, figures=figures, rows=[None] * len(figures))
    source.units = _typed(meta, names, "G", "MAP") or source.guess(UNIT_NAMES, set())
    source.periods = _typed(meta, names, "T", "TIMEVAL") or source.guess(PERIOD_NAMES, {source.units})
    source.content = (_listed(meta, "CONTVARIABLE") or [None])[0] or source.guess(CONTENT_NAMES, {source.units, source.periods})
    source.declared_missing = tuple(symbol for key in meta if re.fullmatch(r"DATASYMBOL(\d|SUM)", key) for symbol in _listed(meta, key))
    return source


def _codepage(path: Path) -> str:
    """The encoding the file declares (CODEPAGE), or PC-Axis's default, ISO 8859-1."""
    with path.open("rb") as file:
        head = file.read(64 * 1024)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    declared = _CODEPAGE.search(head)
    if not declared:
        return "iso-8859-1"
    name = declared.group(1).decode("ascii", "replace")
    try:
        return io.TextIOWrapper(io.BytesIO(), encoding=name).encoding
    except LookupError:
        raise InputError([Problem(path.name, None, "CODEPAGE", "an encoding Python knows, such as iso-8859-1 or utf-8", repr(name))]) from None


def _listed(meta: dict, key: str) -> list[str]:
    value = meta.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def _dimension(meta: dict, name: str) -> Dimension:
    labels = _listed(meta, f"VALUES({name})")
    codes = _listed(meta, f"CODES({name})") or labels
    return Dimension(name=name, aliases=tuple(_listed(meta, f"VARIABLECODE({name})")), labels=dict(zip(codes, labels)))


def _typed(meta: dict, names: list[str], variable_type: str, keyword: str) -> str | None:
    """The variable PX marks as geographic ('G', or with a MAP) or as time ('T', or with a TIMEVAL)."""
    for name in names:
        if variable_type in _listed(meta, f"VARIABLE-TYPE({name})") or f"{keyword}({name})" in meta:
            return name
    return None
