"""The report on a body that breaks the contract in one place: the rest proven valid in C, one member walked.

The full road decodes the whole text into Python values and converts them again to learn where the
fast verdict failed, before the walk can start. But the verdict on the text already named the place:
msgspec's path (``$.thread.metadata``). A second typed decode of the same text, with a type in which
the member at that place is left undecoded (a ``msgspec.Raw``), proves every other member and every
object's own checks on the way valid without building a Python value. Only the member is then decoded
and walked, from its own node. When that second decode fails as well, its own failure names a second
place, and a third decode leaves both members out, and so on up to four: the members are then walked
in the order the full walk reaches them (the schema's order of properties, level by level). A body
broken in more places, or nested too deep, takes the full road.

Where the member is a container whose type, without the container's own limits, decodes to exactly the
values an untyped decode gives (metadata: strings under string keys), the second decode reads the member
with that type instead of leaving it undecoded: then it also proves the member's type and children
right, and only the member's own limits are left to word.

A decoded object takes the same road with a conversion instead of a decode: the member's field takes any
value, and holds the object's own.

The answer is the full road's, and does not depend on reading msgspec's message right: whatever places
are named, a decode that passes leaves violations only inside those members. Both decodes check
every occurrence of a repeated key, and the member's value is the occurrence decoding keeps, the last.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Annotated, Any, Literal

import msgspec

from threadspec import rules
from threadspec._decode import MAX_DEPTH
from threadspec._depth import DepthGuard, TooDeep
from threadspec._fast import FAILURES, Compiler, Unsupported, attribute, compile_root
from threadspec._localize import FAILING, LOOSE_OK
from threadspec.result import Violation

if TYPE_CHECKING:
    from threadspec._compiled import CompiledSchema

# the member names leading msgspec's path: `$.thread.messages[0].content` leads with thread, messages
_NAMES = re.compile(r"\$((?:\.[A-Za-z0-9_]+)*)")
_AT = " - at `"
_IN_KEY = "key` in `"  # a failure in an object's key: the path after it is the object's
_untyped = msgspec.json.Decoder()
# distinct paths remembered: one per place a body can fail at, and per array index on the way
_PLACES = 1024
# members left out at most: past that, the full road is as cheap as trying once more
_MOST_MEMBERS = 4

# a place msgspec named: the member names leading its path, and whether it failed at the last of them
_Place = tuple[tuple[str, ...], bool]


class _Member:
    """One member a road leaves out (or reads without its own limits), and where it is."""

    __slots__ = ("attrs", "loose", "node", "order", "steps")

    def __init__(
        self, steps: tuple[str, ...], attrs: tuple[str, ...], order: tuple[int, ...], node: Any
    ) -> None:
        self.steps = steps  # the member's path, property names from the root
        self.attrs = attrs  # the struct attributes holding them
        self.order = order  # each step's place among its parent's properties: the full walk's order
        self.node = node  # the member's schema
        self.loose = False  # the member is read as its type without its own limits reads it


class _Road:
    """How a body is checked with some members left out, and where those members are."""

    __slots__ = ("decoder", "members", "type")

    def __init__(self, typ: Any, members: list[_Member], text: bool) -> None:
        self.type = typ  # converts a decoded object; for text, the guarded type its decoder reads
        self.decoder = msgspec.json.Decoder(typ) if text else None
        self.members = sorted(members, key=lambda m: m.order)


class Focus:
    """The roads of one compiled schema (a struct), built on first use per set of places: for JSON text
    when the schema has a guarded decoder (``guarded_structs``), and for decoded objects."""

    def __init__(self, compiled: CompiledSchema, guarded_structs: dict[Any, Any] | None) -> None:
        self.compiled = compiled
        # the structs of the guarded and of the plain compiler, shared: a road builds only its own path anew
        self.guarded_structs = guarded_structs
        self._roads: dict[tuple[tuple[_Place, ...], bool], _Road | None] = {}
        self._places: dict[str, _Place | None] = {}  # msgspec's paths seen, up to _PLACES of them

    def report(self, reason: str, body: Any, location: str) -> Iterator[Violation] | None:
        """Every violation in ``body`` (JSON bytes or a decoded object), which the fast verdict refused for
        ``reason``, lazily, as the full road yields them; None for the full road."""
        text = type(body) is bytes
        if text and self.guarded_structs is None:
            return None
        places: list[_Place] = []
        for _ in range(_MOST_MEMBERS):
            place = self._place(reason)
            if place is None or place in places:
                return None
            places.append(place)
            road = self._roads.get((tuple(places), text), _UNBUILT)
            if road is _UNBUILT:
                road = self._roads[tuple(places), text] = self._build(places, text)
            if road is None:
                return None
            try:
                obj = (
                    road.decoder.decode(body)
                    if road.decoder
                    else msgspec.convert(body, road.type, strict=True)
                )
            except FAILURES as exc:  # another place fails too: its own failure names it
                reason = str(exc)
                continue
            except TooDeep:
                return None
            return self._walks(road, obj, text, location)
        return None

    def _walks(self, road: _Road, obj: Any, text: bool, location: str) -> Iterator[Violation] | None:
        found: list[tuple[_Member, Any, Any]] = []
        for member in road.members:
            value = obj
            for attr in member.attrs:
                value = getattr(value, attr)
                if value is None or value is msgspec.UNSET:
                    return None
            if member.loose:
                found.append((member, value, LOOSE_OK))
            elif text:  # the member left undecoded; a decoded object's member is its own value
                if type(value) is not msgspec.Raw:
                    return None
                found.append((member, _untyped.decode(value), FAILING))
            else:
                found.append((member, value, FAILING))
        walk = self.compiled.walk
        return chain.from_iterable(walk.violations(v, m.node, location, m.steps, how) for m, v, how in found)

    def _place(self, reason: str) -> _Place | None:
        at = reason.rfind(_AT)
        if at < 0:
            return None
        path = reason[at + len(_AT) :]  # msgspec appends the path last, whatever its message holds
        if path in self._places:
            return self._places[path]
        place = _parse(path)
        if len(self._places) < _PLACES:
            self._places[path] = place
        return place

    def _build(self, places: list[_Place], text: bool) -> _Road | None:
        """The road that leaves out the member at each place: for each, the longest run of its names that
        leads through objects with properties; read loose when msgspec failed at the member itself."""
        members: list[_Member] = []
        cut: list[tuple[tuple[str, ...], Any]] = []
        for names, at_member in places:
            member, nodes = self._member(names)
            if member is None:
                return None
            leaf, member.loose = (
                self._loose(member.node) if at_member and len(member.steps) == len(names) else ({}, False)
            )
            # a rule that reads a member on the way would read the text or a struct made for the road, not
            # the value; a loose member is the very value the rule reads
            changed = len(member.steps) - member.loose
            pairs = zip(member.steps[:changed], nodes[:changed], strict=True)
            if any(_read_by_rules(step, parent) for step, parent in pairs):
                return None
            members.append(member)
            cut.append((member.steps, leaf))
        for one in members:  # a member inside another left out could not fail on its own
            if any(other is not one and one.steps[: len(other.steps)] == other.steps for other in members):
                return None
        guard = DepthGuard(MAX_DEPTH)
        compiler = Compiler(self.compiled.resolver, guard) if text else Compiler(self.compiled.resolver)
        structs = self.guarded_structs if text else None
        compiler.structs = structs if structs is not None else self.compiled.compiler.structs
        name = "+".join(".".join(m.steps) + "~" * m.loose for m in members)
        typ, _ = compile_root(
            compiler, self._without(self.compiled.body, cut), f"{self.compiled.name}@{name}"
        )
        if typ is None or (text and not guard.settle(typ)):
            return None
        return _Road(typ, members, text)

    def _member(self, names: tuple[str, ...]) -> tuple[_Member | None, list[Mapping[str, Any]]]:
        """The member at the longest run of ``names`` through objects with properties, and its parents."""
        steps: list[str] = []
        attrs: list[str] = []
        order: list[int] = []
        nodes: list[Mapping[str, Any]] = []
        node: Any = self.compiled.body
        for name in names:
            resolved = self.compiled.resolver.resolve(node)
            if not _plain_object(resolved) or name not in resolved["properties"]:
                break
            props = list(resolved["properties"])
            steps.append(name)
            attrs.append(attribute(name, props.index(name)))
            order.append(props.index(name))
            nodes.append(resolved)
            node = resolved["properties"][name]
        if not steps:
            return None, nodes
        return _Member(tuple(steps), tuple(attrs), tuple(order), node), nodes

    def _without(self, node: Any, cut: list[tuple[tuple[str, ...], Any]]) -> dict[str, Any]:
        """``node`` with the member at each path of ``cut`` replaced by its schema there (copied on the way)."""
        resolved = self.compiled.resolver.resolve(node)
        props = dict(resolved["properties"])
        deeper: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for steps, leaf in cut:
            if len(steps) == 1:
                props[steps[0]] = leaf
            else:
                deeper.setdefault(steps[0], []).append((steps[1:], leaf))
        for name, rest in deeper.items():
            props[name] = self._without(props[name], rest)
        return {**resolved, "properties": props}

    def _loose(self, node: Any) -> tuple[Any, bool]:
        """What the second decode reads the member as: the member without its own limits when that type
        decodes to the untyped values, else ``{}``, which msgspec reads as Any and a guarded struct
        leaves undecoded."""
        resolved = self.compiled.resolver.resolve(node)
        if not isinstance(resolved, dict):
            return {}, False
        loose = self.compiled.walk.relaxed(resolved)
        if loose is resolved:
            return {}, False
        try:
            typ = Compiler(self.compiled.resolver).compile(loose, "Loose")
        except Unsupported:
            return {}, False
        return (loose, True) if _as_untyped(typ) else ({}, False)


_UNBUILT: Any = object()


def _parse(path: str) -> _Place | None:
    in_key = path.startswith(_IN_KEY)
    if in_key:
        path = path[len(_IN_KEY) :]
    names = _NAMES.match(path)
    if names is None or not names.group(1):
        return None  # the root itself failed: nothing to leave out
    # the failure at the member itself, not inside it: its own limits, most likely
    return tuple(names.group(1)[1:].split(".")), not in_key and path[names.end() :] == "`"


# msgspec types whose decoded values are the untyped decode's: a typed int is never a float's 1.0,
# a string is a string; floats (1 becomes 1.0), structs and free-form values are not among them
_AS_UNTYPED = (str, int, bool, type(None))


def _as_untyped(typ: Any) -> bool:
    """Whether every value msgspec decodes as ``typ`` equals what an untyped decode of the text gives."""
    origin = typing.get_origin(typ)
    if origin is Annotated:
        return _as_untyped(typing.get_args(typ)[0])
    if origin is Literal or typ in _AS_UNTYPED:
        return True
    if origin in (dict, list, typing.Union, types.UnionType):
        return all(_as_untyped(arg) for arg in typing.get_args(typ))
    return False


def _read_by_rules(prop: str, parent: Mapping[str, Any]) -> bool:
    """Whether an ``x-threadspec-rules`` entry of ``parent`` reads its member ``prop``."""
    return any(prop in rules.properties_read(rule) for rule in parent.get(rules.RULES_KEYWORD, ()))


def _plain_object(node: Any) -> bool:
    """Whether the compiler makes a struct of ``node`` (or a struct or null): its members are attributes."""
    if not isinstance(node, dict) or "properties" not in node or "anyOf" in node or "$ref" in node:
        return False
    kinds = node.get("type")
    return kinds == "object" or (isinstance(kinds, list) and sorted(kinds) == ["null", "object"])
