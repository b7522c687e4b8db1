"""The placeholders `evalreport new` writes into project.yaml ("TODO: the project's title"), and finding those left."""

from __future__ import annotations

import yaml

from pipeline.errors import ToFillIn

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
