"""The report on a body that breaks the contract in one place: the rest proven valid in C, one member walked.

The full road decodes the whole text into Python values and converts them again to learn where the
fast verdict failed, before the walk can start. But the verdict on the text already named the place:
msgspec's path (``$.thread.metadata``). A second typed decode of the same text, with a type in which
the member at that place is left undecoded (a ``msgspec.Raw``), proves every other member and every
object's own checks on the way valid without building a Python value. Only the member is then decoded
and walked, from its own node. When that second decode fails as well, the text breaks the contract
in more than one place (or nests too deep) and takes the full road.

Where the member is a container whose type, without the container's own limits, decodes to exactly the
values an untyped decode gives (metadata: strings under string keys), the second decode reads the member
with that type instead of leaving it undecoded: then it also proves the member's type and children
right, and only the member's own limits are left to word.

A decoded object takes the same road with a conversion instead of a decode: the member's field takes any
value, and holds the object's own.

The answer is the full road's, and does not depend on reading msgspec's message right: whatever place
is named, a second decode that passes leaves violations only inside that member. Both decodes check
every occurrence of a repeated key, and the member's value is the occurrence decoding keeps, the last.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator, Mapping
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


class _Road:
    """How a body is checked with one member left out (or read without its own limits), and where that
    member is."""

    __slots__ = ("attrs", "decoder", "loose", "node", "steps", "type")

    def __init__(
        self,
        typ: Any,
        steps: tuple[str, ...],
        attrs: tuple[str, ...],
        node: Any,
        loose: bool,
        text: bool,
    ) -> None:
        self.type = typ  # converts a decoded object; for text, the guarded type its decoder reads
        self.decoder = msgspec.json.Decoder(typ) if text else None
        self.steps = steps  # the member's path, property names from the root
        self.attrs = attrs  # the struct attributes holding them
        self.node = node  # the member's schema
        self.loose = loose  # the member is read as its type without its own limits reads it


class Focus:
    """The one-member roads of one compiled schema (a struct), built on first use per place: for JSON text
    when the schema has a guarded decoder (``guarded_structs``), and for decoded objects."""

    def __init__(self, compiled: CompiledSchema, guarded_structs: dict[Any, Any] | None) -> None:
        self.compiled = compiled
        # the structs of the guarded and of the plain compiler, shared: a road builds only its own path anew
        self.guarded_structs = guarded_structs
        self._roads: dict[tuple[tuple[str, ...], bool, bool], _Road | None] = {}
        self._places: dict[tuple[str, bool], _Road | None] = {}  # msgspec's paths seen, up to _PLACES

    def report(self, reason: str, body: Any, location: str) -> Iterator[Violation] | None:
        """Every violation in ``body`` (JSON bytes or a decoded object), which the fast verdict refused for
        ``reason``, lazily, as the full road yields them; None for the full road."""
        text = type(body) is bytes
        if text and self.guarded_structs is None:
            return None
        at = reason.rfind(_AT)
        if at < 0:
            return None
        place = reason[at + len(_AT) :], text  # msgspec appends the path last, whatever its message holds
        road = self._places.get(place, _UNBUILT)
        if road is _UNBUILT:
            road = self._road_at(*place)
            if len(self._places) < _PLACES:
                self._places[place] = road
        if road is None:
            return None
        try:
            obj = (
                road.decoder.decode(body)
                if road.decoder is not None
                else msgspec.convert(body, road.type, strict=True)
            )
        except (*FAILURES, TooDeep):
            return None
        for attr in road.attrs:
            obj = getattr(obj, attr)
            if obj is None or obj is msgspec.UNSET:
                return None
        if road.loose:
            return self.compiled.walk.violations(obj, road.node, location, road.steps, LOOSE_OK)
        if text:  # the member left undecoded; a decoded object's member is its own value
            if type(obj) is not msgspec.Raw:
                return None
            obj = _untyped.decode(obj)
        return self.compiled.walk.violations(obj, road.node, location, road.steps, FAILING)

    def _road_at(self, place: str, text: bool) -> _Road | None:
        in_key = place.startswith(_IN_KEY)
        if in_key:
            place = place[len(_IN_KEY) :]
        names = _NAMES.match(place)
        if names is None or not names.group(1):
            return None  # the root itself failed: nothing to leave out
        # the failure at the member itself, not inside it: its own limits, most likely
        at_member = not in_key and place[names.end() :] == "`"
        key = (tuple(names.group(1)[1:].split(".")), at_member, text)
        if key not in self._roads:
            self._roads[key] = self._build(*key)
        return self._roads[key]

    def _build(self, names: tuple[str, ...], at_member: bool, text: bool) -> _Road | None:
        """The road for the longest run of ``names`` that leads through objects with properties;
        ``at_member``: msgspec failed at the last of ``names`` itself, not inside it; ``text``: the road
        for JSON text (else for decoded objects)."""
        resolver = self.compiled.resolver
        steps: list[str] = []
        attrs: list[str] = []
        nodes: list[Mapping[str, Any]] = []
        node: Any = self.compiled.body
        for name in names:
            resolved = resolver.resolve(node)
            if not _plain_object(resolved) or name not in resolved["properties"]:
                break
            props = resolved["properties"]
            steps.append(name)
            attrs.append(attribute(name, list(props).index(name)))
            nodes.append(resolved)
            node = props[name]
        if not steps:
            return None
        member, loose = self._loose(node) if at_member and len(steps) == len(names) else ({}, False)
        # a rule that reads a member on the way would read the text or a struct made for the road, not the
        # value; a loose member is the very value the rule reads
        changed = len(steps) - loose
        if any(
            _read_by_rules(step, parent)
            for step, parent in zip(steps[:changed], nodes[:changed], strict=True)
        ):
            return None
        for name, parent in zip(reversed(steps), reversed(nodes), strict=True):
            member = {**parent, "properties": {**parent["properties"], name: member}}
        guard = DepthGuard(MAX_DEPTH)
        compiler = Compiler(resolver, guard) if text else Compiler(resolver)
        compiler.structs = (
            self.guarded_structs
            if text and self.guarded_structs is not None
            else self.compiled.compiler.structs
        )
        typ, _ = compile_root(compiler, member, f"{self.compiled.name}@{'.'.join(steps)}{'~' * loose}")
        if typ is None or (text and not guard.settle(typ)):
            return None
        return _Road(typ, tuple(steps), tuple(attrs), node, loose, text)

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
