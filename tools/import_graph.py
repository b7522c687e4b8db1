"""How the house stands: modules, lines, imports that run up the layers, and import loops.

`python tools/import_graph.py` prints the four counts the architecture note quotes. The layers are read from the
import-linter contract in pyproject.toml, so the count and `lint-imports` judge by the same drawing.
Function-level imports count like any other (grimp reads every import in a module); imports under
`if TYPE_CHECKING:` do not, as in the contract (they never run). `python tools/import_graph.py OTHER_CLONE` counts
another checkout by the same drawing.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import grimp

ROOT = (
    Path(sys.argv[1]).resolve()
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-")
    else Path(__file__).resolve().parent.parent
)


def layers() -> list[list[str]]:
    """The contract's layers, top first; each layer a list of modules (`a | b` are siblings)."""
    config = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["tool"][
        "importlinter"
    ]
    contract = next(c for c in config["contracts"] if c["type"] == "layers")
    container = contract.get("containers", [""])[0]
    out = []
    for layer in contract["layers"]:
        names = [n.strip().strip("()") for n in layer.replace(":", "|").split("|")]
        out.append([f"{container}.{n}" if container else n for n in names if n])
    return out


def layer_of(module: str, drawing: list[list[str]]) -> int | None:
    for index, names in enumerate(drawing):
        if any(module == n or module.startswith(n + ".") for n in names):
            return index
    return None


def loops(graph: grimp.ImportGraph, modules: set[str]) -> list[set[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    counter = 0
    for start in sorted(modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start) & modules)))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child) & modules))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(group)
    return found


def main() -> int:
    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph(
        "pipeline", cache_dir=None, exclude_type_checking_imports="--with-annotations" not in sys.argv
    )
    modules = set(graph.modules)
    drawing = layers()
    lines = sum(
        len((ROOT / (m.replace(".", "/") + ".py")).read_text().splitlines())
        if (ROOT / (m.replace(".", "/") + ".py")).exists()
        else len((ROOT / m.replace(".", "/") / "__init__.py").read_text().splitlines())
        for m in modules
    )
    unplaced = sorted(m for m in modules if layer_of(m, drawing) is None and m != "pipeline")
    up = []
    for importer in sorted(modules):
        below = layer_of(importer, drawing)
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            above = layer_of(imported, drawing)
            if below is not None and above is not None and above < below:
                up.append((importer, imported))
    groups = loops(graph, modules)
    print(f"modules: {len(modules)}")
    print(f"lines: {lines}")
    print(f"modules in no layer: {len(unplaced)} {' '.join(unplaced)}")
    print(f"imports running up: {len(up)}")
    for importer, imported in up:
        print(f"  {importer} -> {imported}")
    print(f"loops: {len(groups)}")
    for group in groups:
        print(f"  {len(group)} modules: {' '.join(sorted(group))}")
    return 1 if up or groups or unplaced else 0


if __name__ == "__main__":
    sys.exit(main())
