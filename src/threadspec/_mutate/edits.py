"""The edits that put a constraint's node exactly at its limit, or past it: one builder per keyword."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from threadspec import rules
from threadspec._branches import tag_of
from threadspec._jsontype import allows_type, json_type
from threadspec._mutate.graft import Edit, copy
from threadspec._mutate.source import Source, Unbuildable
from threadspec._mutate.values import bounds, fresh_key, minimal, number, string
from threadspec._patterns import compiled
from threadspec.constraints import Constraint, Schema
from threadspec.errors import UnknownRuleError

# ---------------------------------------------------------------------------------- edits at a limit
# The largest count of items, keys or characters a payload is built with: a limit above it (the
# 100,000,000 files of a new vector store) cannot be reached by a payload held in memory; the 256,000
# characters of an assistant's instructions (a 256 KB body) are built, and sent.
MAX_BUILT_SIZE = 1_000_000
_SIZES = frozenset({"maxItems", "minItems", "maxProperties", "minProperties", "maxLength", "minLength"})


def beyond_reach(c: Constraint) -> bool:
    """Whether a payload at this constraint's limit is too large to build (a count or length past MAX_BUILT_SIZE)."""
    size_limit = c.keyword in _SIZES or (c.keyword == "propertyNames" and c.facet in _SIZES)
    return size_limit and isinstance(c.limit, int) and c.limit >= MAX_BUILT_SIZE


def edit_for(c: Constraint, valid: bool, source: Source, far: bool = False) -> Edit:
    """The edit that puts the node exactly at the limit (``valid``) or past it: one step, or any
    distance when ``far``. Raises :class:`Unbuildable` for a keyword no builder knows, and for a
    limit :func:`beyond_reach`."""
    if not valid and not c.violable:
        raise Unbuildable(f"{c.id} cannot be broken")
    if beyond_reach(c):
        raise Unbuildable(
            f"{c.id}: a payload at {c.limit:,} is larger than any built ({MAX_BUILT_SIZE:,} at most)"
        )
    builder = _EDITS.get(c.keyword) or (_rule_edit if c.is_rule else None)
    if builder is None:
        raise Unbuildable(f"no generator knows the keyword {c.keyword!r} ({c.id})")
    # far past a count limit stays near it: every extra key or item costs draws, and 17 breaks 16 as well as 1016
    step = source.integer(1, 8 if c.keyword in _COUNTS else 1000) if far else 1
    return builder(c, valid, source, step)


_COUNTS = frozenset({"maxItems", "minItems", "maxProperties", "minProperties"})
_EditBuilder = Callable[[Constraint, bool, Source, int], Edit]


def _same(value: Any) -> tuple[Any, str | None]:
    return value, None


def _integer_node(c: Constraint) -> bool:
    types = c.chooser.node_types(c.schema)
    return "integer" in types and "number" not in types


def perturbed(value: Any, allowed: Sequence[Any], source: Source) -> Any:
    """A value of the same JSON type as ``value`` that is not in ``allowed``."""
    if isinstance(value, str):
        options: list[Any] = [value + "x", value.upper(), " " + value, value + "\n", "", value[:-1]]
    elif isinstance(value, bool):
        options = [not value]
    elif isinstance(value, int | float):
        options = [value + 1, value - 1]
    else:
        options = ["null", 0]
    return source.choice([o for o in options if o not in allowed and type(o) is type(value)] or ["\x00"])


def _type(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    types = list(c.limit)
    if valid:
        kind = source.choice(types)
        return lambda cur: (
            cur if json_type(cur) == kind else minimal(c.schema, c.chooser, source, kind),
            None,
        )
    wrong: list[Any] = [None, True, "1", 1.5, [], {}, 0] if c.location == "body" else ["abc", "1.5", ""]
    if _integer_node(c):  # an integral decimal is a number, not an integer: 256.0 is refused
        wrong.insert(0, float(number(c.schema, True, source)))
    value = source.choice([w for w in wrong if not allows_type(types, w)])
    return lambda cur: (copy(value), None)


def _literal(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    allowed = [c.limit] if c.keyword == "const" else list(c.limit)
    value = source.choice(allowed)
    bad = value if valid else perturbed(value, allowed, source)
    return lambda cur: (bad, None)


def _length(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    above = c.keyword == "maxLength"
    size = c.limit if valid else (c.limit + step if above else max(0, c.limit - step))
    node = {k: v for k, v in c.schema.items() if k not in ("maxLength", "minLength")}
    value = string(node, source, size)
    return lambda cur: (value, None)


def _pattern(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    match = string(c.schema, source)
    if valid:
        return lambda cur: (match, None)
    regex, low, high = compiled(c.limit), c.schema.get("minLength", 0), c.schema.get("maxLength", math.inf)
    # a trailing newline first: "$" in ECMA-262 does not match before it, in Python's re it does
    options = [match + "\n", match + " ", " " + match, "", "!" + match, match + "\u00e9\n"]
    value = source.choice([o for o in options if not regex.search(o) and low <= len(o) <= high] or [None])
    if value is None:
        raise Unbuildable(f"no near miss of {c.limit!r} found")
    return lambda cur: (value, None)


def _bound(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    integer = _integer_node(c)
    limit = c.limit
    down = c.keyword in ("minimum", "exclusiveMinimum")  # breaking it means going below
    exclusive = c.keyword.startswith("exclusive")
    if integer:
        at = (math.floor(limit) + 1 if down else math.ceil(limit) - 1) if exclusive else limit
        value: int | float = at if valid else (at - step if down else at + step)
    elif valid:
        inward = math.nextafter(float(limit), math.inf if down else -math.inf)
        value = inward if exclusive else source.choice([limit, float(limit)])
    elif exclusive:
        value = (
            source.choice([limit, float(limit)])
            if step == 1
            else (limit - step / 7 if down else limit + step / 7)
        )
    else:
        value = math.nextafter(float(limit), -math.inf if down else math.inf)
        value = value if step == 1 else (limit - step / 7 if down else limit + step / 7)
    return lambda cur: (value, None)


def _multiple(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    base = c.limit * source.integer(0, 10)
    off = c.limit / 2 if not _integer_node(c) else (1 if c.limit > 1 else None)
    if not valid and off is None:
        raise Unbuildable(f"{c.id}: every integer is a multiple of 1")
    value = base if valid else base + off
    return lambda cur: (value, None)


def _items(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    size = c.limit if valid else (c.limit + step if c.keyword == "maxItems" else max(0, c.limit - step))
    item = c.chooser.resolver.merged(c.schema.get("items", True))

    def edit(cur: Any) -> tuple[Any, str | None]:
        pool = list(cur) if isinstance(cur, list) and cur else [minimal(item, c.chooser, source)]
        return [copy(pool[i % len(pool)]) for i in range(size)], None

    return edit


def _unique(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    item = c.chooser.resolver.merged(c.schema.get("items", True))
    twin = minimal(item, c.chooser, source)
    return lambda cur: ([twin] if valid else [twin, copy(twin)], None)


def _properties(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    above = c.keyword == "maxProperties"
    size = c.limit if valid else (c.limit + step if above else max(0, c.limit - step))
    values = c.chooser.resolver.merged(c.schema.get("additionalProperties", True))

    def edit(cur: Any) -> tuple[Any, str | None]:
        current = cur if isinstance(cur, dict) else {}
        out = {k: current[k] for k in list(current)[:size]}
        while len(out) < size:
            out[fresh_key(c.schema, out, source)] = minimal(values, c.chooser, source)
        return out, None

    return edit


def _names(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    names = c.schema.get("propertyNames") or {}
    values = c.chooser.resolver.merged(c.schema.get("additionalProperties", True))
    if c.facet == "pattern":
        key = _pattern(_facet(c, names), valid, source, step)(None)[0]
    else:
        above = c.facet == "maxLength"
        size = c.limit if valid else (c.limit + step if above else max(0, c.limit - step))
        key = (
            str(source.integer(0, 9)) + string({**names, "minLength": 0, "maxLength": size}, source, size)
        )[:size]

    def edit(cur: Any) -> tuple[Any, str | None]:
        out = dict(cur) if isinstance(cur, dict) else {}
        out.pop(key, None)
        if c.schema.get("maxProperties") is not None and len(out) >= c.schema["maxProperties"]:
            out.pop(next(iter(out)))
        out[key] = minimal(values, c.chooser, source)
        return out, None

    return edit


def _facet(c: Constraint, names: Schema) -> Constraint:
    return Constraint(c.root, c.location, c.hops, "pattern", c.limit, names, c.declared_in, c.pointer)


def _required(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    if valid:
        return _same
    return lambda cur: ({k: v for k, v in cur.items() if k != c.limit}, None)


def _additional(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    if valid:
        return _same
    known = set(c.schema.get("properties", {}))
    key = source.choice([k for k in ("unknown_field", "extra", "Type", "metadata_", "") if k not in known])
    value: Any = source.choice([1, "x", None, {}])
    return lambda cur: ({**cur, key: copy(value)}, key)


def _groups(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    if valid:
        return _same
    how = source.choice(["all", "none"])
    properties = c.schema.get("properties", {})

    def edit(cur: Any) -> tuple[Any, str | None]:
        out = {k: v for k, v in cur.items() if how == "all" or k not in c.limit}
        for name in c.limit if how == "all" else ():
            if name not in out:
                out[name] = minimal(c.chooser.resolver.merged(properties.get(name, True)), c.chooser, source)
        return out, None

    return edit


def _discriminator(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    prop = str(c.facet)
    if not valid:
        return lambda cur: ({**cur, prop: perturbed(cur.get(prop, ""), list(c.limit), source)}, None)
    tag = source.choice(list(c.limit))
    branch = next(b for b in c.chooser.branches(c.schema) if tag_of(b) == (prop, tag))
    return lambda cur: (cur if cur.get(prop) == tag else minimal(branch, c.chooser, source), None)


def _rule_edit(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    try:
        kind = rules.rule_for(c.limit)
    except UnknownRuleError:
        raise Unbuildable(f"no generator knows the rule {c.keyword!r}") from None
    properties = c.schema.get("properties", {})

    def bounds_of(prop: str) -> tuple[float | None, float | None]:
        return bounds(c.chooser.resolver.merged(properties.get(prop, True)), True)

    values = kind.at_limit(c.limit, bounds_of, source.integer, valid, step)
    return lambda cur: ({**cur, **values}, None)


def _format(c: Constraint, valid: bool, source: Source, step: int) -> Edit:
    asserted = rules.FORMATS[c.limit]
    node = {k: v for k, v in c.schema.items() if k not in ("minLength", "maxLength")}
    low, high = c.schema.get("minLength", 0), c.schema.get("maxLength", math.inf)
    options = [string(node, source)] if valid else [m for m in asserted.near_misses if low <= len(m) <= high]
    if not options:
        raise Unbuildable(f"no near miss of {asserted.name} within the lengths of {c.id}")
    value = source.choice(options)
    return lambda cur: (value, None)


_EDITS: dict[str, _EditBuilder] = {
    "type": _type, "const": _literal, "enum": _literal, "maxLength": _length, "minLength": _length,
    "pattern": _pattern, "minimum": _bound, "maximum": _bound, "exclusiveMinimum": _bound,
    "exclusiveMaximum": _bound, "multipleOf": _multiple, "maxItems": _items, "minItems": _items,
    "uniqueItems": _unique, "maxProperties": _properties, "minProperties": _properties,
    "propertyNames": _names, "required": _required, "additionalProperties": _additional,
    "oneOf": _groups, "discriminator": _discriminator, "format": _format,
}  # fmt: skip
