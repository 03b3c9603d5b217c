"""Small valid values of a resolved schema node: the parent chains and fillers every case is built from."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from threadspec import constraints, rules
from threadspec._branches import BranchChooser, is_union
from threadspec._mutate.source import Source, Unbuildable
from threadspec._patterns import compiled
from threadspec.constraints import Schema
from threadspec.errors import UnknownRuleError


def minimal(node: Schema, chooser: BranchChooser, source: Source, kind: str | None = None) -> Any:
    """A small valid value of a resolved node (of JSON type ``kind`` when given)."""
    if is_union(node):
        branches = [b for b in chooser.branches(node) if kind is None or _admits(b, chooser, kind)]
        return minimal(source.choice(branches), chooser, source, kind)
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return source.choice(list(node["enum"]))
    types = chooser.node_types(node)
    kind = kind or (source.choice(types) if types else "object")
    if kind == "null":
        return None
    if kind == "boolean":
        return source.choice([False, True])
    if kind in ("integer", "number"):
        return number(node, kind == "integer", source)
    if kind == "string":
        return string(node, source)
    if kind == "array":
        item = chooser.resolver.merged(node.get("items", True))
        return [minimal(item, chooser, source) for _ in range(node.get("minItems", 0))]
    return minimal_object(node, chooser, source)


def _admits(node: Schema, chooser: BranchChooser, kind: str) -> bool:
    types = chooser.node_types(node)
    return not types or kind in types or (kind == "integer" and "number" in types)


def minimal_object(
    node: Schema, chooser: BranchChooser, source: Source, keep: str | None = None
) -> dict[str, Any]:
    names = list(node.get("required", ()))
    groups = [list(g.get("required", ())) for g in node.get("oneOf", ())] if "properties" in node else []
    if groups:
        names += source.choice([g for g in groups if keep is None or keep in g] or groups)
    properties = node.get("properties", {})
    merged = chooser.resolver.merged
    out = {name: minimal(merged(properties.get(name, True)), chooser, source) for name in names}
    for _ in range(node.get("minProperties", 0) - len(out)):
        out[fresh_key(node, out, source)] = minimal(
            merged(node.get("additionalProperties", True)), chooser, source
        )
    for rule in node.get(constraints.RULES_KEYWORD, ()):
        keep_rule(out, rule)
    return out


def bounds(node: Schema, integer: bool) -> tuple[float | None, float | None]:
    """The inclusive range a number node allows (exclusive bounds moved one step inward)."""
    low, high = node.get("minimum"), node.get("maximum")
    if "exclusiveMinimum" in node:
        ex = node["exclusiveMinimum"]
        low = math.floor(ex) + 1 if integer else math.nextafter(ex, math.inf)
    if "exclusiveMaximum" in node:
        ex = node["exclusiveMaximum"]
        high = math.ceil(ex) - 1 if integer else math.nextafter(ex, -math.inf)
    if integer:
        low = None if low is None else math.ceil(low)
        high = None if high is None else math.floor(high)
    return low, high


def number(node: Schema, integer: bool, source: Source) -> int | float:
    low, high = bounds(node, integer)
    start = low if low is not None else (min(0, high) if high is not None else 0)
    end = high if high is not None else start + 1000
    if integer:
        return source.integer(int(start), int(end))
    return source.choice([float(start), float(end), (start + end) / 2])


def string(node: Schema, source: Source, size: int | None = None) -> str:
    """A string valid under the node's pattern, asserted format and lengths, of exactly ``size`` code points when given."""
    asserted = rules.FORMATS.get(node.get("format", ""))
    if asserted is not None:
        examples = [e for e in node.get("examples", ()) if isinstance(e, str) and asserted.check(e)]
        value = source.choice([*examples, asserted.example])
        if size is not None and len(value) != size:
            raise Unbuildable(f"no {asserted.name} of exactly {size} characters is built")
        return value
    pattern = node.get("pattern")
    low, high = node.get("minLength", 0), node.get("maxLength", math.inf)
    if size is None and pattern is not None:
        match = source.matching(pattern, node.get("examples", ()))
        if low <= len(match) <= high:
            return match
        size = min(max(len(match), low), high)
    if size is None:
        size = source.integer(low, int(min(high, low + 8)))
    if pattern is None:
        return source.text(int(size))
    return fit(pattern, int(size), source, node.get("examples", ()))


def fit(pattern: str, size: int, source: Source, examples: Sequence[Any] = ()) -> str:
    """A string of exactly ``size`` code points that matches ``pattern`` (ECMA semantics)."""
    regex = compiled(pattern)
    seeds = [e for e in examples if isinstance(e, str) and regex.search(e)] + [
        source.matching(pattern, examples)
    ]
    for seed in seeds:
        for pad in dict.fromkeys((seed[-1:] or "a", "a", "0", "_")):
            for candidate in ((seed + pad * size)[:size], (pad * size + seed)[-size:] if size else ""):
                if len(candidate) == size and regex.search(candidate):
                    return candidate
    raise Unbuildable(f"no string of {size} characters matching {pattern!r} could be built")


def fresh_key(node: Schema, taken: Mapping[str, Any], source: Source) -> str:
    """A map key that is neither in ``taken`` nor a declared property, and fits ``propertyNames``."""
    names = node.get("propertyNames") or {}
    known = set(node.get("properties", {}))
    longest = names.get("maxLength", 64)
    for attempt in range(64):
        # a counter prefix keeps keys apart even when the source repeats itself
        key = (f"k{attempt}" + string({**names, "maxLength": max(longest - 4, 0)}, source))[:longest]
        if key not in taken and key not in known:
            return key
    raise Unbuildable(f"no fresh key beside {sorted(taken)[:3]}")


def keep_rule(obj: dict[str, Any], rule: Mapping[str, Any]) -> None:
    """Make one object keep one x-threadspec-rules rule, in place (the registry's repair)."""
    try:
        kind = rules.rule_for(rule)
    except UnknownRuleError:
        raise Unbuildable(f"no generator knows the rule {rule.get('rule')!r}") from None
    kind.repair(obj, rule)
