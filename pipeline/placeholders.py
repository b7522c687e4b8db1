"""The placeholders `evalreport new` writes into project.yaml ("TODO: the project's title") and into the texts of
text/ ("TODO: write the introduction …"), and finding those left."""

from __future__ import annotations

from pathlib import Path

import yaml

from pipeline.errors import ToFillIn
from pipeline.narrative import FOLDER, MAX_TEXT_BYTES

MARK = "TODO"


def placeholders(file: str, tree: yaml.Node | None) -> dict[tuple[str, ...], ToFillIn]:
    """Each value of the composed document that is still a placeholder, by the keys leading to it, in the order of
    the file, as a thing to fill in: the text after 'TODO:' says what."""
    found: dict[tuple[str, ...], ToFillIn] = {}
    stack: list[tuple[yaml.Node, tuple[str, ...]]] = [(tree, ())] if tree is not None else []
    while stack:
        node, location = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            text = str(node.value).strip()
            if text.startswith(MARK):
                what = text.removeprefix(MARK).lstrip(" :").strip() or "a value"
                found[location] = ToFillIn(file, node.start_mark.line + 1, ".".join(location), what, text)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, location + (str(i),)) for i, child in reversed(list(enumerate(node.value))))
        elif isinstance(node, yaml.MappingNode):
            stack.extend((value, location + (str(key.value),)) for key, value in reversed(node.value))
    return found


def is_placeholder_error(location: tuple, found: dict[tuple[str, ...], ToFillIn]) -> bool:
    """Whether a validation error at `location` (pydantic's loc) is about a placeholder itself ("TODO" is no year):
    it is listed once, as the placeholder. Pydantic adds the tags of union members to the keys
    (criteria.0.measure.indicator.target.float), so the placeholder's keys need only appear in order, from the first."""
    parts = [str(part) for part in location]
    for keys in found:
        if keys and parts[:1] == [keys[0]]:
            rest = iter(parts)
            if all(key in rest for key in keys):
                return True
    return False


def text_placeholders(folder: Path) -> list[ToFillIn]:
    """Each Markdown file under the project's text/ that still holds a line starting with TODO, at its first such
    line. Read here as well as by pipeline.narrative, which needs a valid project.yaml first: a checklist is whole."""
    found = []
    for path in sorted((folder / FOLDER).rglob("*.md")):
        if not path.is_file() or path.stat().st_size > MAX_TEXT_BYTES:
            continue  # a file too big to be a text: pipeline.narrative says so
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            if line.strip().startswith(MARK):
                what = line.strip().removeprefix(MARK).lstrip(" :").strip() or "the text"
                found.append(ToFillIn(path.relative_to(folder).as_posix(), number, None, what, line.strip()))
                break
    return found
