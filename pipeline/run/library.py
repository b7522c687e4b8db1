"""Run inside a kept kernel: whether evalreport's own code is still the code the kernel imported.

A section may patch the library (`Suppression.shows = lambda self, n: True`), by mistake or not. A kernel serves
one project only (see `warm`), so such a patch never reaches another project's report; this check keeps it from the
same project's next report too: before each notebook the kept kernel compares every function, class, method and
constant of `pipeline` with what it imported, and a kernel whose library changed is replaced by a fresh one.
It compares identities (a function replaced, its code swapped, a constant rebound), not the insides of mutable
objects: it guards against a patch, and the one-project rule against the rest.
"""

from __future__ import annotations

import sys
from types import FunctionType, ModuleType

CONSTANT = (int, float, complex, str, bytes, tuple, frozenset)  # bool and None are left out: lazy flags and caches

_imported: dict[str, object] = {}


def remember() -> None:
    """Take the library's fingerprint as imported: once, after the kernel's first imports."""
    _imported.clear()
    _imported.update(fingerprint())


def changed() -> list[str]:
    """The names of the library that are no longer what `remember` found (a module imported since is no change)."""
    now = fingerprint()
    return sorted(name for name, mark in _imported.items() if now.get(name) != mark)


def fingerprint() -> dict[str, object]:
    marks: dict[str, object] = {}
    for name, module in list(sys.modules.items()):
        if not isinstance(module, ModuleType) or not (name == "pipeline" or name.startswith("pipeline.")):
            continue
        for attribute, value in list(vars(module).items()):
            marks[f"{name}.{attribute}"] = _mark(value)
            if isinstance(value, type) and value.__module__ == name:
                for member, inner in list(vars(value).items()):
                    marks[f"{name}.{attribute}.{member}"] = _mark(inner)
    return {name: mark for name, mark in marks.items() if mark is not None}


def _mark(value: object) -> object:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, CONSTANT):
        return (type(value).__name__, value) if not isinstance(value, tuple) else ("tuple", id(value))
    function = getattr(value, "__func__", value)  # a classmethod's, staticmethod's or bound method's function
    if isinstance(function, FunctionType):
        return (id(value), id(function.__code__), id(function.__defaults__), id(function.__kwdefaults__))
    if isinstance(value, (type, property)) or callable(value):
        return id(value)
    return None
