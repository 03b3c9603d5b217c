"""Walking ``$ref`` links between components."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

COMPONENT_PREFIX = "#/components/schemas/"
# Keywords whose values are data, not subschemas: a "$ref" key inside them is not a link.
DATA_KEYWORDS = frozenset({"examples", "example", "default", "const", "enum"})
# Keywords whose values map names to subschemas: their keys are names, never keywords.
NAMED_SUBSCHEMAS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})


def _children(node: dict[str, Any]) -> Iterator[tuple[str, Any, bool]]:
    """Yield (key, value, value_is_data) for a schema object."""
    for key, value in node.items():
        yield key, value, key in DATA_KEYWORDS


def iter_refs(node: Any) -> Iterator[str]:
    """Yield the component names that ``node`` references, at any depth."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(COMPONENT_PREFIX):
            yield ref[len(COMPONENT_PREFIX) :]
        for key, value, is_data in _children(node):
            if is_data:
                continue
            if key in NAMED_SUBSCHEMAS and isinstance(value, dict):
                for sub in value.values():
                    yield from iter_refs(sub)
            else:
                yield from iter_refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from iter_refs(item)


def closure(schemas: dict[str, Any], roots: list[str]) -> list[str]:
    """All components reachable from ``roots`` (roots included), in first-reached order."""
    seen: dict[str, None] = {}
    stack = list(reversed(roots))
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen[name] = None
        stack.extend(reversed(list(iter_refs(schemas[name]))))
    return list(seen)


def rewrite_refs(node: Any, target: str) -> Any:
    """Copy ``node`` with every component ref pointed at ``target + name``."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value, is_data in _children(node):
            if key == "$ref" and isinstance(value, str) and value.startswith(COMPONENT_PREFIX):
                out[key] = target + value[len(COMPONENT_PREFIX) :]
            elif is_data:
                out[key] = value
            elif key in NAMED_SUBSCHEMAS and isinstance(value, dict):
                out[key] = {name: rewrite_refs(sub, target) for name, sub in value.items()}
            else:
                out[key] = rewrite_refs(value, target)
        return out
    if isinstance(node, list):
        return [rewrite_refs(item, target) for item in node]
    return node
