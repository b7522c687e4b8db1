"""A report notebook's own code run as plain Python in this process: no kernel, no executed notebook written, nothing
shown or rendered. This is what the benchmarks call the bare analysis, read from the notebook itself so that it
calls exactly what the report calls, whatever the notebook comes to hold."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import CodeType

import nbformat


def code_cells(notebook: Path) -> list[tuple[CodeType, bool]]:
    """Each code cell of the notebook compiled, with whether it is the `parameters` cell."""
    cells = nbformat.read(notebook, as_version=4).cells
    return [
        (compile(cell.source, f"{notebook.name} cell {number}", "exec"), "parameters" in cell.metadata.get("tags", []))
        for number, cell in enumerate(cells, start=1)
        if cell.cell_type == "code"
    ]


def run_cells(cells: list[tuple[CodeType, bool]], **parameters) -> None:
    """Run the cells in order, with `parameters` set after the parameters cell as papermill sets them. What a cell
    would show is not shown: a value it ends with is dropped, and what it displays is printed to nowhere."""
    namespace: dict = {"__name__": "__main__"}
    with open(os.devnull, "w") as nowhere, contextlib.redirect_stdout(nowhere):
        for code, sets_parameters in cells:
            exec(code, namespace)  # noqa: S102 (the repository's own notebook)
            if sets_parameters:
                namespace.update(parameters)
