"""A PC-Axis file (.px): the format SSB, Statistics Denmark, Statistics Sweden and Statistics Finland export.

pyaxis reads the keywords (quoted values over several lines, several languages) and the DATA block; the codes of
each variable (CODES, e.g. municipality numbers) are laid out here in the same order as its VALUES (the labels).
"""

from __future__ import annotations

import contextlib
import io
import math
import re
from pathlib import Path

import pandas as pd

from pipeline.errors import InputError, Problem
from pipeline.indicators.source import CONTENT_NAMES, PERIOD_NAMES, UNIT_NAMES, Dimension, Source
from pipeline.sources.limits import MAX_ROWS, check_size

_CODEPAGE = re.compile(rb'CODEPAGE\s*=\s*"([^"]+)"')
NEVER = r"(?!)"  # a pattern no value matches: the missing symbols are the importer's to read


def read(path: Path) -> Source:
    # pyaxis reads the keywords; its DATA table is not used, since it lays out every combination of the variables'
    # values before it counts the figures: a file declaring 1,000 × 1,000 × 1,000 values and holding one figure
    # would be 10⁹ rows. The figures are counted against the declared values first, and laid out only then.
    from pyaxis.metadata_processing import metadata_extract, metadata_split_to_dict, multilingual_parse

    check_size(path)
    encoding = _codepage(path)
    raw = path.read_bytes()
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        found = f"a byte {encoding} cannot read ({raw[error.start : error.start + 1]!r})"
        expected = f"text in {encoding}, the encoding the file declares"
        raise InputError([Problem(path.name, line, "CODEPAGE", expected, found)]) from None
    if text.count("DATA=") != 1:
        expected = "a PC-Axis file (.px): keywords, then DATA= once, then the figures"
        raise InputError([Problem(path.name, None, "DATA", expected, f"DATA= {text.count('DATA=')} times")])
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # pyaxis prints "Multilingual PX file"
            elements, data = metadata_extract(text)
            meta, _ = multilingual_parse(metadata_split_to_dict(elements), None)
    except Exception as error:  # pyaxis passes on whatever its parsing meets: a split that fails, a length that differs
        found = f"keywords pyaxis cannot read ({type(error).__name__}: {str(error)[:120]})"
        expected = "a PC-Axis file (.px) with keywords, then DATA="
        raise InputError([Problem(path.name, None, None, expected, found)]) from None
    names = _listed(meta, "STUB") + _listed(meta, "HEADING")
    _check_variables(path.name, meta, names)
    dimensions = [_dimension(meta, name) for name in names]
    codes = [list(d.labels) for d in dimensions]
    figures = data.split()
    declared = math.prod(len(c) for c in codes)
    if len(figures) != declared:
        shape = " × ".join(f"{len(c):,}" for c in codes)
        expected = f"{declared:,} figures in DATA ({shape}, the values of {', '.join(names)})"
        raise InputError([Problem(path.name, None, "DATA", expected, f"{len(figures):,}")])
    if declared > MAX_ROWS:
        raise InputError([Problem(path.name, None, "DATA", f"at most {MAX_ROWS:,} figures", f"{declared:,}")])
    cells = pd.MultiIndex.from_product(codes, names=names).to_frame(index=False).astype(str)
    source = Source(
        file=path.name, format="px", dimensions=dimensions, cells=cells, figures=figures, rows=[None] * len(figures)
    )
    source.units = _typed(meta, names, "G", "MAP") or source.guess(UNIT_NAMES, set())
    source.periods = _typed(meta, names, "T", "TIMEVAL") or source.guess(PERIOD_NAMES, {source.units})
    source.content = next(iter(_listed(meta, "CONTVARIABLE")), None) or source.guess(
        CONTENT_NAMES, {source.units, source.periods}
    )
    source.declared_missing = tuple(
        symbol for key in meta if re.fullmatch(r"DATASYMBOL(\d|SUM)", key) for symbol in _listed(meta, key)
    )
    return source


def _check_variables(file: str, meta: dict, names: list[str]) -> None:
    """Each variable in STUB and HEADING named once, with its VALUES: what the figures are laid out by."""
    if not names:
        expected = "the variables the figures are split by (STUB=, HEADING=)"
        raise InputError([Problem(file, None, "STUB", expected, "none")])
    repeated = next((name for name in names if names.count(name) > 1), None)
    if repeated is not None:
        raise InputError([Problem(file, None, "STUB", "each variable once in STUB and HEADING", f"{repeated!r} twice")])
    without = next((name for name in names if not _listed(meta, f"VALUES({name})")), None)
    if without is not None:
        raise InputError([Problem(file, None, f"VALUES({without})", f"the values of the variable {without!r}", "none")])


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
        raise InputError(
            [Problem(path.name, None, "CODEPAGE", "an encoding Python knows, such as iso-8859-1 or utf-8", repr(name))]
        ) from None


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
