"""Two schemas walked together, place by place: every constraint, property, union branch and type that differs.

The walk starts at a pair of roots (the request bodies of one operation in both contracts, a response,
a parameter) and descends through the places both sides have. What only one side has is reported at the
highest place it differs, never below it: a property added is one finding, not one per constraint inside
it, and a place whose type changed entirely (a string that became an array) is one type change.

Unions are read as the set of their branches, nested unions flattened, and a single schema as a union of
one, so ``anyOf: [X, null]`` and ``type: [object, null]`` compare as the same thing. Branches are matched
by their tag values, then component, then type. What a tagged union allows is the set of its tag values
(the ``discriminator`` of the inventory, read from every branch, ``const`` or ``enum``): values that come
and go are reported there, not as branches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from threadspec._refs import ANNOTATIONS, Resolver
from threadspec.constraints import Constraint, HopKind
from threadspec.diff._keywords import ABSENT, VALUE_KEYWORDS, applies, comparator, show_value, widened
from threadspec.diff._model import Direction, Finding
from threadspec.diff._tree import Node

Constraints = Mapping[tuple[str, Any], Constraint]
MAX_DEPTH = 64  # bundles refuse recursive components; this only bounds a malformed one
_BELOW: tuple[tuple[HopKind, str], ...] = (("item", "[*]"), ("value", ".*"))
# a branch that says nothing beyond its type: it adds the values of that type, nothing else
_BARE = ANNOTATIONS | {"type", "nullable"}


def _join(at: str, segment: str) -> str:
    return segment.lstrip(".") if not at else f"{at}{segment}"


def describe(raw: Any, resolver: Resolver) -> str:
    """A schema in a few words: its component, its values, its types (``array of string``)."""
    name = Resolver.ref_name(raw)
    if name is not None:
        return name
    node = resolver.merged(raw)
    branches = node.get("anyOf") or node.get("oneOf")
    if isinstance(branches, list) and "type" not in node and "properties" not in node:
        return " | ".join(describe(branch, resolver) for branch in branches)
    if "const" in node:
        return show_value(node["const"])
    if isinstance(node.get("enum"), list):
        return " | ".join(show_value(v) for v in node["enum"])
    kinds = node.get("type")
    found = [kinds] if isinstance(kinds, str) else list(kinds) if isinstance(kinds, list) else []
    words = [f"array of {describe(node.get('items', True), resolver)}" if t == "array" else t for t in found]
    return " | ".join(words) or "any"


def _values(constraints: Constraints) -> tuple[str, list[Any]] | None:
    """The values a node allows by ``const`` and ``enum`` together, with the keyword that states them."""
    const, enum = constraints.get(("const", None)), constraints.get(("enum", None))
    if enum is None:
        return None if const is None else ("const", [const.limit])
    allowed = list(enum.limit)
    if const is not None:
        allowed = [v for v in allowed if v == const.limit]
    return "enum", allowed


def _shown(values: Iterable[Any]) -> str:
    return ", ".join(show_value(v) for v in values)


def _flatten(node: Node, parent: Node | None = None, depth: int = 0) -> list[tuple[Node, Node]]:
    """A union's branches through nested unions, each with the union that holds it; a single schema is a
    union of one."""
    if not node.is_union or depth > MAX_DEPTH:
        return [(node, parent or node)]
    return [leaf for branch in node.branches() for leaf in _flatten(branch, node, depth + 1)]


def _home(leaves: list[tuple[Node, Node]], fallback: Node) -> Node:
    """Where the tags of a union are written: the one union that holds every tagged branch, else ``fallback``."""
    holders = {id(parent): parent for leaf, parent in leaves if leaf.tags is not None}
    return next(iter(holders.values())) if len(holders) == 1 else fallback


def _tag_set(branches: list[Node]) -> tuple[str, list[Any]] | None:
    """The tag property the object branches share and every value they allow for it, or ``None``."""
    objects = [b for b in branches if "object" in b.types or b.properties()]
    found = [b.tags for b in objects]
    if not objects or any(f is None for f in found) or len({f[0] for f in found if f}) != 1:
        return None
    values = [v for f in found if f for v in f[1]]
    return found[0][0] if found[0] else "", list(dict.fromkeys(values))


class SchemaWalk:
    """Compares one pair of roots; :attr:`found` holds the findings in the order of the new schema."""

    def __init__(self) -> None:
        self.found: list[Finding] = []

    def emit(self, node: Node, kind: str, keyword: str | None, old: Any, new: Any, what: str,
             direction: Direction, at: str, suffix: str = "") -> None:  # fmt: skip
        self.found.append(
            Finding(
                kind=kind,
                keyword=keyword,
                location=node.at(suffix),
                schema=node.schema_name,
                path=(node.local + suffix).lstrip("."),
                old=_plain(old),
                new=_plain(new),
                what=what,
                direction=direction,
                at=at,
            )
        )

    # -- the walk ---------------------------------------------------------------------------------
    def compare(self, old: Node, new: Node, at: str = "", depth: int = 0) -> None:
        """Everything that differs at this place and below it."""
        if depth > MAX_DEPTH:
            return
        self._types(old, new, at)
        if old.is_union or new.is_union:
            self._unions(old, new, at, depth)
        elif not _restructured(old, new):
            self._pair(old, new, at, depth)

    def _pair(self, old: Node, new: Node, at: str, depth: int) -> None:
        """Two non-union places: their constraints, their properties, their items and map values."""
        before, after = old.properties(), new.properties()
        changed = {name: "added" for name in after if name not in before}
        changed.update({name: "removed" for name in before if name not in after})
        self._constraints(old, new, at, changed)
        self._properties(old, new, at, depth, changed)
        for kind, segment in _BELOW:
            first, second = old.child(kind), new.child(kind)
            if first is not None and second is not None:
                self.compare(first, second, _join(at, segment), depth + 1)

    def _types(self, old: Node, new: Node, at: str) -> None:
        label, compare = comparator("type")
        direction = compare.compare(old.types or ABSENT, new.types or ABSENT)
        if direction is not None:
            what = f"type {compare.show(old.types or ABSENT)} → {compare.show(new.types or ABSENT)}"
            self.emit(new, "constraint", label, list(old.types), list(new.types), what, direction, at)

    def _unions(self, old: Node, new: Node, at: str, depth: int) -> None:
        old_leaves, new_leaves = _flatten(old), _flatten(new)
        old_branches, new_branches = [b for b, _ in old_leaves], [b for b, _ in new_leaves]
        old_tags, new_tags = _tag_set(old_branches), _tag_set(new_branches)
        self._tags(old_tags, new_tags, _home(new_leaves, new), at)
        if _restructured(old, new):
            return
        pairs, gone, came = _pair_branches(old_branches, new_branches)
        for before, after in pairs:
            if not _restructured(before, after):
                self._pair(before, after, at, depth + 1)
        sides = (
            (gone, new, new_branches, new_tags, "branch-removed"),
            (came, old, old_branches, old_tags, "branch-added"),
        )
        for branches, other, others, tags, kind in sides:
            for branch in branches:
                if _explained(branch, other, others, tags):
                    continue
                name = branch.label or describe(branch.schema, branch.resolver)
                what = f"union branch {name} {'removed' if kind == 'branch-removed' else 'added'}"
                direction: Direction = "tightened" if kind == "branch-removed" else "loosened"
                gone_name, came_name = (name, None) if kind == "branch-removed" else (None, name)
                self.emit(new, kind, None, gone_name, came_name, what, direction, at)

    # -- constraints --------------------------------------------------------------------------------
    def _constraints(self, old: Node, new: Node, at: str, changed: Mapping[str, str]) -> None:
        types = new.types or old.types
        before = {k: c for k, c in old.constraints.items() if applies(c.keyword, old.types)}
        after = {k: c for k, c in new.constraints.items() if applies(c.keyword, types)}
        self._allowed_values(before, after, new, at)
        for key in dict.fromkeys([*after, *before]):
            keyword, detail = key
            if keyword in VALUE_KEYWORDS or keyword == "type":  # said by _allowed_values, _tags and _types
                continue
            first, second = before.get(key), after.get(key)
            if keyword == "required":
                if detail not in changed:
                    self._required(first, second, new, at, str(detail))
                continue
            label, compare = comparator(keyword, detail)
            old_limit = ABSENT if first is None else first.limit
            new_limit = ABSENT if second is None else second.limit
            direction = compare.compare(old_limit, new_limit)
            if direction is not None:
                suffix = f".{detail}" if detail is not None and keyword != "propertyNames" else ""
                what = f"{label} {compare.show(old_limit)} → {compare.show(new_limit)}"
                self.emit(new, "constraint", label, old_limit, new_limit, what, direction, at, suffix)

    def _allowed_values(self, old: Constraints, new: Constraints, node: Node, at: str) -> None:
        before, after = _values(old), _values(new)
        if before is None and after is None:
            return
        keyword = "const" if {v[0] for v in (before, after) if v is not None} == {"const"} else "enum"
        if before is None or after is None:
            values = (after or before or ("", []))[1]
            direction: Direction = "tightened" if before is None else "loosened"
            what = f"{keyword} {'none' if before is None else _shown(values)} → {'none' if after is None else _shown(values)}"
            self.emit(node, "constraint", keyword, None if before is None else values,
                      None if after is None else values, what, direction, at)  # fmt: skip
            return
        self._value_sets(before[1], after[1], node, at, keyword, "")

    def _tags(self, old: tuple[str, list[Any]] | None, new: tuple[str, list[Any]] | None, node: Node,
              at: str) -> None:  # fmt: skip
        if old is None and new is None:
            return
        if old is not None and new is not None and old[0] == new[0]:
            self._value_sets(old[1], new[1], node, at, "discriminator", f".{new[0]}")
            return
        prop = (new or old or ("", []))[0]
        direction: Direction = "tightened" if old is None else "loosened" if new is None else "changed"
        shown = [
            f"{t[0]} {_shown(t[1])}" if t is not None and t[0] != prop else _shown(t[1]) if t else "none"
            for t in (old, new)
        ]
        what = f"discriminator {shown[0]} → {shown[1]}"
        self.emit(
            node,
            "constraint",
            "discriminator",
            old and old[1],
            new and new[1],
            what,
            direction,
            at,
            f".{prop}",
        )

    def _value_sets(
        self, old: list[Any], new: list[Any], node: Node, at: str, keyword: str, suffix: str
    ) -> None:
        old_keys, new_keys = {show_value(v) for v in old}, {show_value(v) for v in new}
        removed = [v for v in old if show_value(v) not in new_keys]
        added = [v for v in new if show_value(v) not in old_keys]
        if keyword == "const" and removed and added:
            what = f"const {show_value(old[0])} → {show_value(new[0])}"
            self.emit(node, "constraint", keyword, old[0], new[0], what, "changed", at, suffix)
            return
        if removed:
            what = f"{keyword} values removed: {_shown(removed)}"
            self.emit(node, "values-removed", keyword, removed, None, what, "tightened", at, suffix)
        if added:
            what = f"{keyword} values added: {_shown(added)}"
            self.emit(node, "values-added", keyword, None, added, what, "loosened", at, suffix)

    def _required(
        self, old: Constraint | None, new: Constraint | None, node: Node, at: str, name: str
    ) -> None:
        if (old is None) == (new is None):
            return
        if old is None:
            self.emit(
                node,
                "required-added",
                "required",
                False,
                True,
                "optional → required",
                "tightened",
                at,
                f".{name}",
            )
        else:
            self.emit(
                node,
                "required-removed",
                "required",
                True,
                False,
                "required → optional",
                "loosened",
                at,
                f".{name}",
            )

    # -- properties ---------------------------------------------------------------------------------
    def _properties(self, old: Node, new: Node, at: str, depth: int, changed: Mapping[str, str]) -> None:
        before, after = old.properties(), new.properties()
        for name in dict.fromkeys([*after, *before]):
            where = _join(at, f".{name}")
            change = changed.get(name)
            if change == "added":
                required = ("required", name) in new.constraints
                shape = describe(after[name], new.resolver)
                what = f"property added ({'required' if required else 'optional'}; {shape})"
                direction: Direction = "tightened" if required else "loosened"
                self.emit(new, "property-added", None, None, name, what, direction, where, f".{name}")
            elif change == "removed":
                required = ("required", name) in old.constraints
                shape = describe(before[name], old.resolver)
                what = f"property removed (was {'required' if required else 'optional'}; {shape})"
                self.emit(new, "property-removed", None, name, None, what, "changed", where, f".{name}")
            else:
                first, second = old.child("property", name), new.child("property", name)
                if first is not None and second is not None:
                    self.compare(first, second, where, depth + 1)


def _restructured(old: Node, new: Node) -> bool:
    """Whether two places share no type: the type change says it all."""
    return bool(old.types and new.types) and not widened(old.types) & widened(new.types)


def _explained(branch: Node, other: Node, others: list[Node], tags: tuple[str, list[Any]] | None) -> bool:
    """Whether a branch only one side has changes nothing the type change or the tag values do not say."""
    if branch.tags is not None and tags is not None:
        return True
    types, accepted = widened(branch.types), widened(other.types)
    if set(branch.schema) <= _BARE and types <= accepted:
        return True  # the same values, written as a type instead of a branch
    # every value it accepts is accepted by a branch that takes its whole type, or is a type change
    covered = {t for b in others if set(b.schema) <= _BARE for t in widened(b.types)}
    return bool(branch.types) and types <= covered | (widened(()) - accepted)


def _plain(value: Any) -> Any:
    """A limit as JSON: tuples (the inventory freezes lists) become lists, absence ``None``."""
    if value is ABSENT:
        return None
    if isinstance(value, tuple):
        return list(value)
    return value


def _pair_branches(
    old: list[Node], new: list[Node]
) -> tuple[list[tuple[Node, Node]], list[Node], list[Node]]:
    """Branches paired by tag values, then component, then exact types, then shared types; and the rest.

    Branches with tags pair only by their tags: two tagged shapes of different tags are different
    things, whatever else they share (the tag values say what changed).
    """
    pairs: list[tuple[Node, Node]] = []
    left, right = list(old), list(new)
    keys: list[Callable[[Node], Any]] = [
        lambda b: b.tags[1] if b.tags is not None else None,
        lambda b: None if b.tags is not None else b.label,
        lambda b: None if b.tags is not None else b.types or None,
        lambda b: None if b.tags is not None else tuple(sorted(set(b.types) - {"null"})) or None,
    ]
    for key in keys:
        old_keys, new_keys = _unique(left, key), _unique(right, key)
        for value, before in old_keys.items():
            after = new_keys.get(value)
            if after is not None:
                pairs.append((before, after))
                left.remove(before)
                right.remove(after)
    order = {id(b): i for i, b in enumerate(new)}
    pairs.sort(key=lambda p: order[id(p[1])])
    return pairs, left, right


def _unique(nodes: list[Node], key: Callable[[Node], Any]) -> dict[Any, Node]:
    seen: dict[Any, list[Node]] = {}
    for node in nodes:
        value = key(node)
        if value is not None:
            seen.setdefault(show_value(list(value)) if isinstance(value, tuple) else value, []).append(node)
    return {value: found[0] for value, found in seen.items() if len(found) == 1}
