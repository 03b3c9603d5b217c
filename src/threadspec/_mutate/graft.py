"""Grafting an edit onto a payload: reach a constraint's node, building a minimal parent chain where it is
missing, and keep every ``x-threadspec-rules`` rule elsewhere in the payload."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from threadspec import constraints
from threadspec._branches import BranchChooser
from threadspec._contract import Contract
from threadspec._mutate.source import ABSENT, Source
from threadspec._mutate.values import fresh_key, keep_rule, minimal, minimal_object
from threadspec.constraints import Constraint, Hop, Schema, Segment


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a graft made: the new payload, the concrete path of the node, the unknown key it added."""

    body: Any
    path: tuple[Segment, ...]
    extra: str | None = None


Edit = Callable[[Any], tuple[Any, str | None]]


def copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy(v) for v in value]
    return value


def graft(body: Any, constraint: Constraint, edit: Edit, source: Source) -> Outcome:
    """Reach the constraint's node in (a copy of) ``body``, building a minimal parent chain where it is
    missing, and replace the node by ``edit(node)``; the rest of the body stays as it was."""
    compiled_root = constraint.compiled_root
    chooser, root = compiled_root.chooser, compiled_root.body
    start = copy(body) if body is not ABSENT else minimal(root, chooser, source)  # callers keep their body
    grafter = _Grafter(chooser, edit, source)
    new = grafter.run(start, root, constraint.hops, ())
    return Outcome(new, grafter.path, grafter.extra)


class _Grafter:
    def __init__(self, chooser: BranchChooser, edit: Edit, source: Source) -> None:
        self.chooser, self.edit, self.source = chooser, edit, source
        self.path: tuple[Segment, ...] = ()
        self.extra: str | None = None

    def run(self, value: Any, node: Schema, hops: Sequence[Hop], at: tuple[Segment, ...]) -> Any:
        if not hops:
            self.path = at
            new, self.extra = self.edit(value)
            return new
        hop, rest = hops[0], hops[1:]
        if hop.kind == "branch":
            if not self.chooser.is_of(value, hop.schema):
                value = minimal(hop.schema, self.chooser, self.source)
            return self.run(value, hop.schema, rest, at)
        if hop.kind == "property":
            key = str(hop.key)
            obj = (
                dict(value)
                if isinstance(value, dict)
                else minimal_object(node, self.chooser, self.source, keep=key)
            )
            _keep_one_group(obj, node, key)
            child = obj.get(key, ABSENT)
            obj[key] = self.run(self._present(child, hop), hop.schema, rest, (*at, key))
            return obj
        if hop.kind == "item":
            items = list(value) if isinstance(value, list) else []
            room = node.get("maxItems") is None or len(items) < node["maxItems"]
            index = self.source.choice(list(range(len(items))) + ([len(items)] if room or not items else []))
            if index == len(items):
                items.append(ABSENT)
            items[index] = self.run(self._present(items[index], hop), hop.schema, rest, (*at, index))
            return items
        mapping = dict(value) if isinstance(value, dict) else {}
        keys = [k for k in mapping if k not in node.get("properties", {})]
        room = node.get("maxProperties") is None or len(mapping) < node["maxProperties"]
        key = self.source.choice(keys + ([ABSENT] if room or not keys else []))
        if key is ABSENT:
            key = fresh_key(node, mapping, self.source)
        mapping[key] = self.run(self._present(mapping.get(key, ABSENT), hop), hop.schema, rest, (*at, key))
        return mapping

    def _present(self, value: Any, hop: Hop) -> Any:
        return minimal(hop.schema, self.chooser, self.source) if value is ABSENT else value


def _keep_one_group(obj: dict[str, Any], node: Schema, key: str) -> None:
    """Under oneOf-of-required groups, reaching into one group's property drops the other groups'."""
    groups = [list(g.get("required", ())) for g in node.get("oneOf", ())] if "properties" in node else []
    if any(key in g for g in groups):
        for group in groups:
            if key not in group:
                for name in group:
                    obj.pop(name, None)


def get(body: Any, path: Sequence[Segment]) -> Any:
    for part in path:
        body = body[part]
    return body


def fix_rules(
    body: Any,
    root: str,
    location: constraints.Location = "body",
    skip: Sequence[Segment] | None = None,
    contract: Contract | None = None,
) -> Any:
    """Make every x-threadspec-rules object in ``body`` keep its rule (in place), except the one at ``skip``."""
    for rule in _rules_of(root, location, contract):
        for path in list(rule.locate(body)):
            if skip is not None and tuple(path) == tuple(skip):
                continue
            obj = get(body, path)
            if not isinstance(obj, dict):
                continue
            keep_rule(obj, rule.limit)
    return body


def _rules_of(root: str, location: constraints.Location, contract: Contract | None) -> list[Constraint]:
    found = (
        constraints.inventory(root, contract=contract)
        if location == "body"
        else constraints.parameter_inventory(root, location, contract=contract)
    )
    return [c for c in found if c.is_rule]
