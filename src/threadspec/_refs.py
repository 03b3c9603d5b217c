"""The one ``$ref`` resolver: every module that walks a bundled schema follows references through it.

Bundled schemas are self-contained: a component's dependencies sit in its ``$defs`` and every
reference is a local ``#/$defs/Name`` pointer (``threadspec._bundle`` writes them so).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFS_PREFIX = "#/$defs/"
# Keywords that never change a verdict: a `$ref` beside only these is just the referenced schema.
# The content keywords are annotations in 2020-12: an event's JSON `data` is checked against its
# contentSchema by the response validation, which decodes it (the operation index's `stream_events`).
ANNOTATIONS = frozenset(
    {
        "description", "title", "examples", "default", "$comment", "deprecated", "readOnly", "writeOnly",
        "contentMediaType", "contentEncoding", "contentSchema",
    }
)  # fmt: skip


class UnresolvableRefError(ValueError):
    """A reference that is not a local ``#/$defs/`` pointer to a definition the schema has."""


class Resolver:
    """Follows ``$ref`` within one bundled schema (its ``$defs``)."""

    __slots__ = ("_merged", "defs")

    def __init__(self, defs: Mapping[str, Any]) -> None:
        self.defs = defs
        self._merged: dict[int, dict[str, Any]] = {}

    @staticmethod
    def ref_name(node: Any) -> str | None:
        """The definition a ``{"$ref": "#/$defs/Name"}`` node names, else ``None``."""
        ref = node.get("$ref") if isinstance(node, Mapping) else None
        return ref[len(DEFS_PREFIX) :] if isinstance(ref, str) and ref.startswith(DEFS_PREFIX) else None

    def target(self, ref: str) -> Any:
        """The definition ``ref`` points at."""
        name = ref[len(DEFS_PREFIX) :] if ref.startswith(DEFS_PREFIX) else None
        if name is None or name not in self.defs:
            raise UnresolvableRefError(f"cannot resolve {ref!r}: only local #/$defs/ references are read")
        return self.defs[name]

    @staticmethod
    def is_pure_ref(node: Any) -> bool:
        """A ``$ref`` beside annotations only: it means exactly the referenced schema."""
        return (
            isinstance(node, Mapping)
            and "$ref" in node
            and all(k == "$ref" or k in ANNOTATIONS for k in node)
        )

    def resolve(self, node: Any) -> Any:
        """The node a pure reference stands for (the definition itself, never a copy); any other node as is.

        A ``$ref`` beside constraining keywords stays unresolved: both apply, and callers treat ``$ref``
        there as one keyword among the others.
        """
        while self.is_pure_ref(node):
            node = self.target(node["$ref"])
        return node

    def merged(self, node: Any) -> Mapping[str, Any]:
        """The node as one mapping: ``True`` reads as ``{}``, ``False`` as ``{"not": {}}``, a pure reference
        as its definition, and a ``$ref`` with constraining siblings as the definition with them laid over it."""
        if not isinstance(node, Mapping):
            return {} if node is True else {"not": {}}
        node = self.resolve(node)
        if not isinstance(node, Mapping):
            return {} if node is True else {"not": {}}
        if "$ref" not in node:
            return node
        found = self._merged.get(id(node))
        if found is None:  # built once per node, so the result keeps one identity like resolved ones
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            found = self._merged[id(node)] = {**self.merged(self.target(node["$ref"])), **siblings}
        return found
