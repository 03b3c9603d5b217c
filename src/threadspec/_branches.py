"""The one union-branch chooser: which branch of an ``anyOf``/``oneOf`` a value was meant for.

A value is meant for a branch when its JSON type fits the branch and, for a tagged object (a required
``type`` or ``event`` property with a ``const``), its tag names that branch. The error wording, the
localized walk, the constraint inventory and the payload builders all decide it here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from threadspec._jsontype import JSON_TYPES, allows_type, json_type
from threadspec._refs import Resolver

TAG_PROPERTIES = ("type", "event")


def is_union(node: Mapping[str, Any]) -> bool:
    """A node whose meaning is its branches (not an object that carries oneOf-of-required groups)."""
    return ("anyOf" in node or "oneOf" in node) and "type" not in node and "properties" not in node


def branch_list(node: Mapping[str, Any]) -> list[Any]:
    """The raw branches of a union node."""
    return list(node.get("anyOf") or node.get("oneOf") or [])


def tag_of(node: Any) -> tuple[str, Any] | None:
    """The tag of a tagged object, a required property with a ``const``: ``("type", "function")``."""
    if not isinstance(node, Mapping):
        return None
    properties = node.get("properties", {})
    for prop in TAG_PROPERTIES:
        sub = properties.get(prop)
        if isinstance(sub, Mapping) and "const" in sub and prop in node.get("required", ()):
            return prop, sub["const"]
    return None


class BranchChooser:
    """Decides union branches within one bundled schema."""

    __slots__ = ("resolver",)

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver

    def branches(self, node: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        """The branches of a union node, resolved."""
        return [self.resolver.merged(b) for b in branch_list(node)]

    def node_types(self, node: Any) -> tuple[str, ...]:
        """The JSON types a node accepts, through unions; empty when it accepts any type."""
        node = self.resolver.merged(node)
        if is_union(node):
            found = {t for b in self.branches(node) for t in (self.node_types(b) or JSON_TYPES)}
            return tuple(t for t in JSON_TYPES if t in found)
        kinds = node.get("type")
        if isinstance(kinds, str):
            return (kinds,)
        if isinstance(kinds, list):
            return tuple(kinds)
        values = [node["const"]] if "const" in node else node.get("enum")
        if values is not None:
            return tuple(sorted({json_type(v) or "object" for v in values}))
        return ()

    def listed_types(self, branches: Sequence[Any]) -> list[str]:
        """The JSON types of the branches in branch order, through nested unions (for wording)."""
        out: list[str] = []
        for branch in branches:
            node = self.resolver.merged(branch)
            out.extend(self.listed_types(branch_list(node)) if is_union(node) else self.node_types(node))
        return out

    def fits(self, value: Any, branch: Any) -> bool:
        """Whether ``value`` may be meant for ``branch``: its type fits and no tag it carries says otherwise.

        A tagged object whose tag is missing is not ruled out (its error is the missing tag, inside the branch).
        """
        return self._fits(value, branch, tag_needed=False)

    def is_of(self, value: Any, branch: Any) -> bool:
        """Whether ``value`` is positively of ``branch``: as :meth:`fits`, and a tagged branch's tag is present."""
        return self._fits(value, branch, tag_needed=True)

    def _fits(self, value: Any, branch: Any, tag_needed: bool) -> bool:
        node = self.resolver.merged(branch)
        if is_union(node):
            return any(self._fits(value, sub, tag_needed) for sub in self.branches(node))
        types = self.node_types(node)
        if types and not allows_type(types, value):
            return False
        tag = tag_of(node)
        if tag is None or not isinstance(value, dict):
            return True
        return value[tag[0]] == tag[1] if tag[0] in value else not tag_needed

    def candidates(self, value: Any, branches: Sequence[Any]) -> list[int]:
        """The indexes of the branches ``value`` may be meant for."""
        return [index for index, branch in enumerate(branches) if self.fits(value, branch)]

    def choose(self, value: Any, branches: Sequence[Any]) -> int | None:
        """The one branch ``value`` may be meant for; ``None`` when no branch or several do."""
        found = self.candidates(value, branches)
        return found[0] if len(found) == 1 else None

    def tag_values(self, branches: Sequence[Any], prop: str) -> list[Any]:
        """The values the branches (through nested unions) accept for tag property ``prop``."""
        values: list[Any] = []
        for branch in branches:
            node = self.resolver.merged(branch)
            if is_union(node):
                values.extend(self.tag_values(branch_list(node), prop))
                continue
            sub = node.get("properties", {}).get(prop, {})
            if isinstance(sub, Mapping) and "const" in sub:
                values.append(sub["const"])
        return values
