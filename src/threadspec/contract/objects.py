"""The objects inside a response body, for the detectors that read them one by one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from threadspec.constraints import Segment
from threadspec.strategies import pointer

# Values under these keys are the client's own data, never the API's: no detector looks inside.
OPAQUE = frozenset({"metadata"})

Path = tuple[Segment, ...]


def objects(value: Any, at: Path = ()) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every JSON object in ``value`` with its path, outermost first, skipping client data."""
    if isinstance(value, dict):
        yield at, value
        for key, item in value.items():
            if key not in OPAQUE:
                yield from objects(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from objects(item, (*at, index))


def pointer_of(path: Path) -> str:
    """The RFC 6901 pointer of ``path`` (``/data/0/created_at``)."""
    return pointer(path)
