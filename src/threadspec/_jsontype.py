"""The JSON type of a decoded Python value, with this package's ``integer``: Python ints only, not 256.0."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeGuard

JSON_TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")

# exact types first: one dict lookup on the hot path; subclasses fall through to isinstance
_EXACT: dict[type, str] = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    tuple: "array",
    dict: "object",
}


def json_type(value: Any) -> str | None:
    """``"null"``, ``"boolean"``, ``"integer"``, ``"number"``, ``"string"``, ``"array"`` or ``"object"``;
    ``None`` for a value JSON has no type for."""
    found = _EXACT.get(type(value))
    if found is not None:
        return found
    if isinstance(value, bool):
        return "boolean"
    for kind, names in ((int, "integer"), (float, "number"), (str, "string")):
        if isinstance(value, kind):
            return names
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return "array"
    return None


def is_type(value: Any, kind: str) -> bool:
    """Whether ``value`` is of JSON type ``kind`` (an integer is also a ``number``)."""
    found = json_type(value)
    return found == kind or (kind == "number" and found == "integer")


def is_integer(value: Any) -> TypeGuard[int]:
    """An integer as JSON reads it: a Python int that is not a bool."""
    return is_type(value, "integer")


def allows_type(types: Sequence[str], value: Any) -> bool:
    """Whether a value's JSON type is among ``types`` (an integer is also a number)."""
    return any(is_type(value, kind) for kind in types)
