"""Valid payloads drawn from a compiled schema: a hypothesis strategy built keyword by keyword.

Every keyword the constraint inventory knows (:mod:`threadspec.constraints`) has a builder here, so a
drawn value meets each one by construction, never by filtering whole payloads; a keyword without a
builder is refused when the strategy is built (:class:`UngeneratableSchemaError`), so a new keyword in a
spec cannot make ``valid()`` draw payloads the validator refuses. ``x-threadspec-rules`` are kept by
the registry's repair, applied to each drawn payload by the caller (:func:`threadspec._mutate.fix_rules`).
Arrays hold at most :data:`MAX_ITEMS` items and maps at most :data:`MAX_MAP_ENTRIES` entries (more
when a minimum says so), so that drawing stays fast; the boundary builders reach the real limits.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import strategies as st

from threadspec import constraints, rules
from threadspec._branches import BranchChooser, branch_list, is_union
from threadspec._mutate.values import bounds
from threadspec._patterns import compiled, to_python_pattern
from threadspec._refs import ANNOTATIONS, Resolver
from threadspec.errors import UngeneratableSchemaError

MAX_ITEMS = 3
MAX_MAP_ENTRIES = 4
Strategy = st.SearchStrategy[Any]

# Keywords that say nothing about which values are valid, besides the annotations `$ref` may sit with.
_IGNORED = ANNOTATIONS | {"$schema", "$id", "$defs", "format", constraints.RULES_KEYWORD}
# What a string node may state: its lengths, a pattern, an asserted format, or content to encode.
_STRING = frozenset({"minLength", "maxLength", "pattern"})
_NUMBER = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"})
_ARRAY = frozenset({"items", "minItems", "maxItems", "uniqueItems"})
_OBJECT = frozenset({"properties", "required", "additionalProperties", "propertyNames", "minProperties",
                     "maxProperties", "oneOf"})  # fmt: skip
_KNOWN = _IGNORED | _STRING | _NUMBER | _ARRAY | _OBJECT | {"type", "const", "enum", "anyOf"}

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
# any JSON value, small: what a node without constraints (a free-form object's values) holds
ANY_JSON: Strategy = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=MAX_ITEMS) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _canonical(value: Any) -> str:
    """One text per JSON value, for uniqueItems (``1`` and ``True`` are different JSON values)."""
    return json.dumps(value, sort_keys=True) + type(value).__name__


class ValidValues:
    """Strategies for the nodes of one compiled schema (its resolver and branch chooser), built once each."""

    def __init__(self, chooser: BranchChooser, where: str) -> None:
        self.chooser = chooser
        self.resolver: Resolver = chooser.resolver
        self.where = where
        self._built: dict[int, Strategy] = {}
        self._on_the_way: set[int] = set()

    def of(self, raw: Any) -> Strategy:
        """Values valid under the raw (unresolved) schema ``raw``."""
        node = self.resolver.merged(raw)
        key = id(node)
        found = self._built.get(key)
        if found is None:
            if key in self._on_the_way:
                raise UngeneratableSchemaError(
                    f"{self.where}: a recursive schema has no value built by construction"
                )
            self._on_the_way.add(key)
            try:
                found = self._built[key] = self._node(node)
            finally:
                self._on_the_way.discard(key)
        return found

    def _node(self, node: Mapping[str, Any]) -> Strategy:
        unknown = sorted(_said(node) - _KNOWN - {"not"})
        if unknown or "not" in node:
            raise UngeneratableSchemaError(f"{self.where}: no generator knows {', '.join(unknown) or 'not'}")
        if is_union(node):
            return st.one_of([self.of(branch) for branch in branch_list(node)])
        if "const" in node:
            return st.just(node["const"])
        if "enum" in node:
            return st.sampled_from(list(node["enum"]))
        kinds = self.chooser.node_types(node)
        if not kinds:
            return ANY_JSON if not _said(node) else st.one_of([self._typed(node, k) for k in _ALL_TYPES])
        return st.one_of([self._typed(node, kind) for kind in kinds])

    def _typed(self, node: Mapping[str, Any], kind: str) -> Strategy:
        return _BY_TYPE[kind](self, node)

    # -- one builder per JSON type ------------------------------------------------------------------
    def _null(self, node: Mapping[str, Any]) -> Strategy:
        return st.none()

    def _boolean(self, node: Mapping[str, Any]) -> Strategy:
        return st.booleans()

    def _integer(self, node: Mapping[str, Any]) -> Strategy:
        low, high = bounds(node, integer=True)
        step = node.get("multipleOf")
        if step is None:
            return st.integers(_int_or_none(low), _int_or_none(high))
        if not (isinstance(step, int) and step > 0):
            raise UngeneratableSchemaError(f"{self.where}: an integer multipleOf {step!r}")
        first = None if low is None else math.ceil(low / step)
        last = None if high is None else math.floor(high / step)
        return st.integers(first, last).map(lambda n: n * step)

    def _number(self, node: Mapping[str, Any]) -> Strategy:
        if "multipleOf" in node:
            return self._integer(node)  # a multiple of a number, drawn as an integral one
        low, high = bounds(node, integer=False)
        decimals = st.floats(
            low, high, allow_nan=False, allow_infinity=False, exclude_min=False, exclude_max=False
        )
        whole_low, whole_high = bounds(node, integer=True)
        if whole_low is not None and whole_high is not None and whole_low > whole_high:
            return decimals
        return decimals | st.integers(_int_or_none(whole_low), _int_or_none(whole_high))

    def _string(self, node: Mapping[str, Any]) -> Strategy:
        low, high = node.get("minLength", 0), node.get("maxLength")
        asserted = rules.FORMATS.get(node.get("format", ""))
        if asserted is not None:
            examples = [
                e for e in (*node.get("examples", ()), asserted.example) if _fits(e, node, asserted.check)
            ]
            if not examples:
                raise UngeneratableSchemaError(f"{self.where}: no {asserted.name} fits {dict(node)}")
            return st.sampled_from(examples)
        content = node.get("contentSchema")
        if content is not None and node.get("contentMediaType") == "application/json":
            return self.of(content).map(lambda value: json.dumps(value, ensure_ascii=False))
        pattern = node.get("pattern")
        if pattern is not None:
            drawn = st.from_regex(to_python_pattern(pattern), fullmatch=True)
            return drawn.filter(lambda s: low <= len(s) <= (math.inf if high is None else high))
        return st.text(st.characters(codec="utf-8"), min_size=low, max_size=high)

    def _array(self, node: Mapping[str, Any]) -> Strategy:
        low, high = node.get("minItems", 0), node.get("maxItems")
        most = max(low, MAX_ITEMS if high is None else min(high, MAX_ITEMS))
        items = self.of(node.get("items", True))
        if node.get("uniqueItems"):
            return st.lists(items, min_size=low, max_size=most, unique_by=_canonical)
        return st.lists(items, min_size=low, max_size=most)

    def _object(self, node: Mapping[str, Any]) -> Strategy:
        properties: Mapping[str, Any] = node.get("properties", {})
        required = list(node.get("required", ()))
        groups = [list(g.get("required", ())) for g in node.get("oneOf", ())]
        if "oneOf" in node and (not properties or any(set(g) - {"required"} for g in node["oneOf"])):
            raise UngeneratableSchemaError(
                f"{self.where}: a oneOf beside properties holds more than required groups"
            )
        if not groups:
            return self._fields(node, required, frozenset())
        # exactly one group present: its names are required, the names only other groups hold are left out
        return st.one_of(
            [
                self._fields(node, required + group, frozenset(n for g in groups for n in g) - set(group))
                for group in groups
            ]
        )

    def _fields(self, node: Mapping[str, Any], required: list[str], banned: frozenset[str]) -> Strategy:
        properties: Mapping[str, Any] = node.get("properties", {})
        extra = node.get("additionalProperties", not properties)  # no extras beside declared properties
        must = {name: self.of(properties.get(name, extra)) for name in dict.fromkeys(required)}
        may = {
            name: self.of(raw) for name, raw in properties.items() if name not in must and name not in banned
        }
        fixed = st.fixed_dictionaries(must, optional=may)
        if extra is False:
            return self._sized(node, fixed, extra_keys=None)
        keys = self._keys(node, taken=frozenset(properties) | banned)
        values = ANY_JSON if extra is True else self.of(extra)
        return self._sized(node, fixed, extra_keys=(keys, values))

    def _keys(self, node: Mapping[str, Any], taken: frozenset[str]) -> Strategy:
        names = self.resolver.merged(node.get("propertyNames", True))
        unknown = _said(names) - _STRING - {"type"}
        if unknown or names.get("type", "string") != "string":
            raise UngeneratableSchemaError(
                f"{self.where}: propertyNames beyond a string's lengths and pattern"
            )
        return self._string(names).filter(lambda key: key not in taken)

    def _sized(
        self, node: Mapping[str, Any], fixed: Strategy, extra_keys: tuple[Strategy, Strategy] | None
    ) -> Strategy:
        low, high = node.get("minProperties", 0), node.get("maxProperties")
        if extra_keys is None:
            return fixed.filter(lambda d: low <= len(d) <= (math.inf if high is None else high))
        keys, values = extra_keys
        cap = max(low, MAX_MAP_ENTRIES if high is None else min(high, MAX_MAP_ENTRIES))

        def with_extras(base: dict[str, Any]) -> Strategy:
            room = cap - len(base)
            if room < 0:
                return st.nothing()
            extras = st.dictionaries(keys.filter(lambda k: k not in base), values, min_size=max(0, low - len(base)),
                                     max_size=room)  # fmt: skip
            return extras.map(lambda more: {**base, **more})

        return fixed.flatmap(with_extras)


def _said(node: Mapping[str, Any]) -> set[str]:
    """The keywords of a node that say which values are valid: not annotations, not vendor ``x-`` ones."""
    return {key for key in node if key not in _IGNORED and not key.startswith("x-")}


def _int_or_none(bound: float | None) -> int | None:
    return None if bound is None else int(bound)


def _fits(value: Any, node: Mapping[str, Any], check: Callable[[str], bool]) -> bool:
    if not isinstance(value, str) or not check(value):
        return False
    low, high = node.get("minLength", 0), node.get("maxLength", math.inf)
    pattern = node.get("pattern")
    return low <= len(value) <= high and (pattern is None or compiled(pattern).search(value) is not None)


_BY_TYPE: dict[str, Callable[[ValidValues, Mapping[str, Any]], Strategy]] = {
    "null": ValidValues._null, "boolean": ValidValues._boolean, "integer": ValidValues._integer,
    "number": ValidValues._number, "string": ValidValues._string, "array": ValidValues._array,
    "object": ValidValues._object,
}  # fmt: skip
_ALL_TYPES = tuple(_BY_TYPE)
