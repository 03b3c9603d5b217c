"""Building payloads around a constraint: minimal valid values, values at and past a limit, grafting.

Everything here takes a :class:`Source` for its choices, so the same code yields one deterministic case
per constraint (:class:`FirstSource`, for the coverage meta-test and the contract runner) and random
cases that hypothesis can shrink (:class:`DrawSource`, for the public strategies).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from hypothesis import strategies as st

from threadspec import constraints, rules
from threadspec._branches import BranchChooser, is_union, tag_of
from threadspec._contract import Contract
from threadspec._jsontype import allows_type, json_type
from threadspec._patterns import compiled, to_python_pattern
from threadspec.constraints import Constraint, Hop, Schema, Segment
from threadspec.errors import UnknownRuleError

T = TypeVar("T")
ABSENT: Any = object()  # a property or item that is not there (yet)
# Characters for boundary strings: lengths count code points, so multibyte and astral ones must be in play.
WIDE = ("a", "é", "中", "😀", "𝔸")


class Unbuildable(Exception):
    """No value at (or past) this constraint's limit can be built; the coverage meta-test reports it."""


class Source(Protocol):
    """Where the builders' choices come from."""

    def choice(self, options: Sequence[T]) -> T: ...
    def integer(self, low: int, high: int) -> int: ...
    def text(self, size: int) -> str: ...
    def matching(self, pattern: str, examples: Sequence[Any] = ()) -> str: ...


class FirstSource:
    """Deterministic choices: the first option, the low end, a fixed mix of wide characters."""

    def choice(self, options: Sequence[T]) -> T:
        return options[0]

    def integer(self, low: int, high: int) -> int:
        return low

    def text(self, size: int) -> str:
        return "".join(WIDE[i % len(WIDE)] for i in range(size))

    def matching(self, pattern: str, examples: Sequence[Any] = ()) -> str:
        regex = compiled(pattern)
        for candidate in (*examples, *_SEEDS):
            if isinstance(candidate, str) and regex.search(candidate):
                return candidate
        raise Unbuildable(f"no example or built-in string matches {pattern!r}: add `examples` to the spec")


# Strings tried against a pattern that has no `examples`; the spec gives examples where these fail.
_SEEDS = ("a", "a1", "abc123", "0", "a_b-c")


class DrawSource:
    """Choices drawn by hypothesis, so failures shrink."""

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self.draw = draw

    def choice(self, options: Sequence[T]) -> T:
        value: T = self.draw(st.sampled_from(options))
        return value

    def integer(self, low: int, high: int) -> int:
        value: int = self.draw(st.integers(low, high))
        return value

    def text(self, size: int) -> str:
        if size == 0:
            return ""
        # A short drawn unit, repeated: cheap for 256,000 characters, and it shrinks to plain ASCII.
        unit: str = self.draw(
            st.text(st.sampled_from(WIDE) | st.characters(codec="utf-8"), min_size=1, max_size=6)
        )
        return (unit * (size // len(unit) + 1))[:size]

    def matching(self, pattern: str, examples: Sequence[Any] = ()) -> str:
        value: str = self.draw(st.from_regex(to_python_pattern(pattern), fullmatch=True))
        return value


# ---------------------------------------------------------------------------------- minimal values
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
    return _object(node, chooser, source)


def _admits(node: Schema, chooser: BranchChooser, kind: str) -> bool:
    types = chooser.node_types(node)
    return not types or kind in types or (kind == "integer" and "number" in types)


def _object(node: Schema, chooser: BranchChooser, source: Source, keep: str | None = None) -> dict[str, Any]:
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


# ---------------------------------------------------------------------------------- grafting
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
                dict(value) if isinstance(value, dict) else _object(node, self.chooser, self.source, keep=key)
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


def keep_rule(obj: dict[str, Any], rule: Mapping[str, Any]) -> None:
    """Make one object keep one x-threadspec-rules rule, in place (the registry's repair)."""
    try:
        kind = rules.rule_for(rule)
    except UnknownRuleError:
        raise Unbuildable(f"no generator knows the rule {rule.get('rule')!r}") from None
    kind.repair(obj, rule)


def _rules_of(root: str, location: constraints.Location, contract: Contract | None) -> list[Constraint]:
    found = (
        constraints.inventory(root, contract=contract)
        if location == "body"
        else constraints.parameter_inventory(root, location, contract=contract)
    )
    return [c for c in found if c.is_rule]


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
