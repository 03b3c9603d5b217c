"""Full error reports at a fraction of jsonschema's cost, with exactly its findings.

The reference validator walks the whole payload. Here the walk descends only where it must: a
subtree whose compiled msgspec type accepts it has no violations and is skipped. msgspec stops at the
first failure and names its path, so one conversion at a node also tells which members before that
one passed, and what the failing member's own conversion would say: the walk hands it that failure
instead of converting it again, and checks the members after it together. At a failing node
the structural keywords (``type``, ``properties``, ``required``, ``additionalProperties``, ``items``,
``propertyNames``) are applied by hand, in the order jsonschema applies them, and every other keyword
runs through a one-keyword jsonschema validator, so wording and union handling stay the reference's.
A differential test holds this module's output equal to the full reference's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import msgspec

from threadspec import messages, rules
from threadspec._branches import BranchChooser
from threadspec._fast import FAILURES, Compiler, Unsupported
from threadspec._jsontype import json_type
from threadspec._reference import reference_validator
from threadspec._refs import ANNOTATIONS, Resolver
from threadspec._violations import (
    ABSENT,
    BOUNDS,
    NODE_TYPE,
    SIZES,
    Path,
    bound_violation,
    param_of,
    size_violation,
    violation,
    violations,
)
from threadspec.result import Violation

_SKIPPED = ANNOTATIONS | {"$schema", "$id", "$defs"}
# Keywords that look into members; and the node's own limits, which a relaxed copy drops.
_CHILDREN = frozenset({"properties", "items", "propertyNames", "additionalProperties"})
_NODE_LIMITS = frozenset(
    {"maxProperties", "minProperties", "maxItems", "minItems", "required", "oneOf", rules.RULES_KEYWORD}
)
_NO_FAST_TYPE = object()
_UNTRIED: Any = object()  # no reason given: the walk converts the node to learn it
# a node known to fail, most likely: the walk tries it without its own limits first, which settles
# at once the common failure of a container, one of its own limits
FAILING: Any = object()
LOOSE_OK: Any = object()  # a node known to pass without its own limits (a typed decode said so)
# where msgspec's failure lies: its path (after the one-field box `v`) ends the message, behind a
# "`key` in" when the failure is in an object's key
_AT = " - at `"
_AT_NODE = _AT + "$.v`"
_GOT = ", got `"
_PATH = re.compile(r"(?:key` in `)?\$\.v")
# the first step of that path: a member name or an array index, then the rest of the path
_STEP = re.compile(r"\.([A-Za-z0-9_]+)(?=[.\[`])|\[([0-9]+)\]")
_UNKNOWN = re.compile(r"^Object contains unknown field `(.*)` - at `\$\.v`$", re.DOTALL)
# failures msgspec reports only after every field passed: a missing field, and the struct checks of
# _fast (oneOf groups, x-threadspec-rules). Any other message proves nothing about the fields.
_AFTER_FIELDS = re.compile(
    rf"^(Object missing required field `|{re.escape(rules.FAILURE_PREFIX)})[^\n]* - at `\$\.v`$"
)


class LocalizedWalk:
    """The error walk of one schema, with the per-node compiled types and validators it builds on the way."""

    def __init__(
        self, root: Mapping[str, Any], resolver: Resolver, chooser: BranchChooser, compiler: Compiler
    ) -> None:
        self.root = root
        self.defs = resolver.defs
        self.resolver = resolver
        self.chooser = chooser
        self.compiler = compiler
        self._types: dict[int, Any] = {}
        self._relaxed: dict[int, Mapping[str, Any]] = {}
        self._validators: dict[tuple[int, str], Any] = {}
        self._resolved: dict[int, tuple[Any, Any]] = {}
        self._keywords: dict[int, tuple[Mapping[str, Any], tuple[str, ...]]] = {}

    def violations(
        self, value: Any, node: Any, location: str, path: Path = (), reason: Any = _UNTRIED
    ) -> Iterator[Violation]:
        """Every violation the reference validator finds in ``value`` under ``node``, visiting only failing
        subtrees; ``reason`` as :meth:`_Walk.walk` takes it."""
        return _Walk(self, location).walk(value, node, list(path), reason)

    # -- what the walk keeps per node -------------------------------------------------------
    def keywords(self, node: Mapping[str, Any]) -> tuple[str, ...]:
        """The node's keywords the walk reads (annotations left out), in the node's order."""
        found = self._keywords.get(id(node))
        if found is None or found[0] is not node:
            found = self._keywords[id(node)] = (node, tuple(k for k in node if k not in _SKIPPED))
        return found[1]

    def resolve(self, node: Any) -> Any:
        """``resolver.resolve``, remembered per node (the node is kept, so its id is never reused)."""
        found = self._resolved.get(id(node))
        if found is None or found[0] is not node:
            found = self._resolved[id(node)] = (node, self.resolver.resolve(node))
        return found[1]

    def rejection(self, node: Mapping[str, Any], value: Any) -> str | None:
        """None when this node's compiled type accepts ``value``; else msgspec's reason ("" without a type)."""
        box = self._types.get(id(node))
        if box is None:
            try:
                typ = self.compiler.compile(node, f"Node{id(node)}")
                # a one-field struct: msgspec looks a struct up by a C-level hash, where a bare
                # Annotated/Union type costs Python-level typing hashes on every call
                box = msgspec.defstruct(f"Node{id(node)}", [("v", typ)])
                msgspec.json.Decoder(box)
            except (Unsupported, TypeError):
                box = _NO_FAST_TYPE
            self._types[id(node)] = box
        if box is _NO_FAST_TYPE:
            return ""
        try:
            msgspec.convert({"v": value}, box, strict=True)
        except FAILURES as exc:
            return str(exc)
        return None

    def accepts(self, node: Mapping[str, Any], value: Any) -> bool:
        return self.rejection(node, value) is None

    def relaxed(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """The node without its own limits (members keep theirs); the node itself when it has none."""
        found = self._relaxed.get(id(node))
        if found is None:
            kinds = node.get("type")
            is_container = kinds in ("object", "array") or (
                isinstance(kinds, list) and bool({"object", "array"} & set(kinds))
            )
            found = node
            if is_container and (_NODE_LIMITS & set(node) or node.get("additionalProperties") is False):
                loose = {k: v for k, v in node.items() if k not in _NODE_LIMITS}
                if loose.get("additionalProperties") is False:
                    loose["additionalProperties"] = True
                found = loose
            self._relaxed[id(node)] = found
        return found

    def keyword_validator(self, node: Mapping[str, Any], keyword: str) -> Any:
        key = (id(node), keyword)
        validator = self._validators.get(key)
        if validator is None:
            schema = {keyword: node[keyword], "$defs": self.defs}
            if "type" in node:  # an annotation for the wording (integer or decimal), not a second type check
                schema[NODE_TYPE] = node["type"]
            validator = self._validators[key] = reference_validator(schema)
        return validator


def member_failure(reason: str) -> tuple[str | int, str] | None:
    """The member (name or index) msgspec's failure lies in, and that failure as the member's own
    conversion words it; None when the failure is at the node itself or names no member.

    msgspec appends the path last, so the last ``" - at `"`` starts it, whatever the message holds.
    """
    if reason.endswith(_AT_NODE):  # the failure of the node itself: the common case, told at once
        return None
    head, at, path = reason.rpartition(_AT)
    start = _PATH.match(path) if at else None
    step = _STEP.match(path, start.end()) if start else None
    if start is None or step is None:
        return None
    name, index = step.groups()
    return (name if name is not None else int(index)), f"{head}{_AT}{path[: start.end()]}{path[step.end() :]}"


def _verified(reason: str, value: dict[str, Any]) -> frozenset[str]:
    """Keys of ``value`` msgspec already found valid before it stopped at the object itself.

    msgspec converts an object's fields in input order and stops at the first failure, so every key
    before an unknown one passed; a failure at the object itself (a missing field, a rule checked
    after the fields) comes after all of them passed.
    """
    unknown = _UNKNOWN.match(reason)
    if unknown is not None:
        keys = list(value)
        stop = unknown.group(1)
        return frozenset(keys[: keys.index(stop)]) if stop in value else frozenset()
    return frozenset(value) if _AFTER_FIELDS.match(reason) else frozenset()


class _Known:
    """What a node's failure already tells about its members."""

    __slots__ = ("member", "only", "reason", "verified")

    def __init__(self, verified: frozenset[str], member: str | int | None, reason: Any, only: bool) -> None:
        self.verified = verified  # object keys that passed
        self.member = member  # the member msgspec failed in (a key or an index), when it named one
        self.reason = reason  # that member's own failure, or _UNTRIED
        self.only = only  # every other member passed: the failing one is the only one to walk into


_NOTHING_KNOWN = _Known(frozenset(), None, _UNTRIED, False)


class _Walk:
    def __init__(self, schema: LocalizedWalk, location: str) -> None:
        self.s = schema
        self.location = location

    def walk(self, value: Any, node: Any, path: Path, reason: Any = _UNTRIED) -> Iterator[Violation]:
        """The violations under ``node``; ``reason`` is msgspec's failure of this node, when already known
        (its parent's failure, cut down to this member: a conversion of its own would stop at the same place),
        or :data:`FAILING` for a node that most likely fails, for a reason not known, or :data:`LOOSE_OK`."""
        node = self.s.resolve(node)
        if node is True or node == {}:
            return
        if node is False:
            yield from self.keyword(value, {"not": {}}, "not", path)
            return
        loose = self.s.relaxed(node)
        if reason is LOOSE_OK or (reason is FAILING and loose is not node and self.s.accepts(loose, value)):
            # the node passes without its own limits: its type and every child are right, and no
            # conversion of the whole is needed to learn where it fails
            known, type_ok, children_ok = _NOTHING_KNOWN, True, True
        else:
            if reason is _UNTRIED or reason is FAILING:
                reason = self.s.rejection(node, value)
                if reason is None:
                    return
            known = self.known(value, node, reason)
            # msgspec got past the node's type: into its members, or to a limit of the node itself (it
            # words a type it did not get as "Expected `…`, got `…`")
            type_ok = known.member is not None or (bool(reason) and _GOT not in reason)
            # when the node passes without its own limits, no child can fail: skip the walk into them.
            # When msgspec named a member it failed in, a child fails: no need to convert the whole again
            children_ok = (isinstance(value, dict) and len(known.verified) == len(value)) or (
                known.member is None and loose is not node and self.s.accepts(loose, value)
            )
        for keyword in self.s.keywords(node):
            if (children_ok and keyword in _CHILDREN and node[keyword] is not False) or (
                type_ok and keyword == "type"
            ):
                continue
            if keyword in ("oneOf", "anyOf"):
                branch = self.branch_for(value, node[keyword])
                if branch is not None:  # the one branch the translator would expand: walk it cheaply
                    yield from self.walk(value, branch, path)
                    continue
            structural = _STRUCTURAL.get(keyword)
            if structural is not None:
                yield from structural(self, value, node, path, known)
            else:
                yield from self.keyword(value, node, keyword, path)

    def known(self, value: Any, node: Mapping[str, Any], reason: str) -> _Known:
        step = member_failure(reason) if reason else None
        if step is None:
            if reason and isinstance(value, dict) and "properties" in node:
                return _Known(_verified(reason, value), None, _UNTRIED, False)
            return _NOTHING_KNOWN
        member, member_reason = step
        # members before the failing one passed (msgspec converts in order); the ones after it are
        # checked together against the node without its own limits, which keeps every member's schema:
        # one convert instead of one each
        if type(member) is str and isinstance(value, dict) and member in value:
            if "properties" not in node:
                return _Known(frozenset(), member, member_reason, False)
            keys = list(value)
            at = keys.index(member)
            rest = keys[at + 1 :]
            if not rest or self.s.accepts(self.s.relaxed(node), {k: value[k] for k in rest}):
                return _Known(frozenset(), member, member_reason, True)
            return _Known(frozenset(keys[:at]), member, member_reason, False)
        if type(member) is int and isinstance(value, list) and member < len(value):
            tail = value[member + 1 :]
            only = "items" in node and (not tail or self.s.accepts(self.s.relaxed(node), tail))
            return _Known(frozenset(), member, member_reason, only)
        return _NOTHING_KNOWN

    def branch_for(self, value: Any, branches: list[Any]) -> Any:
        """The one branch the translator would report from, when the chooser singles it out; else None."""
        resolved = [self.s.resolver.resolve(b) for b in branches]
        if any(isinstance(b, dict) and set(b) <= {"required"} for b in resolved):
            return None  # oneOf groups of `required`: worded by the translator as a whole
        index = self.s.chooser.choose(value, branches)
        return None if index is None else resolved[index]

    def keyword(self, value: Any, node: Mapping[str, Any], keyword: str, path: Path) -> Iterator[Violation]:
        if keyword in SIZES and isinstance(
            node[keyword], int
        ):  # a length against a number: no validator needed
            found = size_violation(keyword, node[keyword], value, path, self.location)
            if found is not None:
                yield found
            return
        if keyword in BOUNDS and type(node[keyword]) in (int, float):  # a number against a number, likewise
            found = bound_violation(keyword, node[keyword], value, path, self.location, node)
            if found is not None:
                yield found
            return
        errors = self.s.keyword_validator(node, keyword).iter_errors(value)
        yield from violations(errors, self.s.chooser, self.location, prefix=path)

    # -- the structural keywords, applied by hand ---------------------------------------------
    def type(self, value: Any, node: Mapping[str, Any], path: Path, known: _Known) -> Iterator[Violation]:
        spec_value = node["type"]
        kinds = [spec_value] if isinstance(spec_value, str) else list(spec_value)
        found = json_type(value)  # as is_type: an integer is a number too
        if found not in kinds and not (found == "integer" and "number" in kinds):
            worded = messages.wrong_type(param_of(path), kinds, value)
            yield violation(path, "type", spec_value, value, worded, self.location)

    def properties(
        self, value: Any, node: Mapping[str, Any], path: Path, known: _Known
    ) -> Iterator[Violation]:
        if isinstance(value, dict):
            verified, member, props = known.verified, known.member, node["properties"]
            if known.only:
                if isinstance(member, str) and member in props:
                    yield from self.walk(value[member], props[member], [*path, member], known.reason)
                return
            for prop, sub in props.items():
                if prop in value and prop not in verified:
                    reason = known.reason if prop == member else _UNTRIED
                    yield from self.walk(value[prop], sub, [*path, prop], reason)

    def required(self, value: Any, node: Mapping[str, Any], path: Path, known: _Known) -> Iterator[Violation]:
        if isinstance(value, dict):
            for prop in node["required"]:
                if prop not in value:
                    missing = [*path, prop]
                    worded = messages.missing_parameter(param_of(missing) or prop, self.location)
                    yield violation(missing, "required", prop, ABSENT, worded, self.location)

    def additional(
        self, value: Any, node: Mapping[str, Any], path: Path, known: _Known
    ) -> Iterator[Violation]:
        if not isinstance(value, dict):
            return
        spec_value, props = node["additionalProperties"], node.get("properties", {})
        for key, item in value.items():
            if key in props:
                continue
            if spec_value is False:
                unknown = [*path, key]
                worded = messages.unknown_parameter(param_of(unknown) or key, self.location)
                yield violation(unknown, "additionalProperties", False, item, worded, self.location)
            else:
                yield from self.walk(item, spec_value, [*path, key])

    def names(self, value: Any, node: Mapping[str, Any], path: Path, known: _Known) -> Iterator[Violation]:
        if isinstance(value, dict):
            # only the keys the compiled type rejects go through jsonschema, which words them
            failing = {key: None for key in value if not self.s.accepts(node["propertyNames"], key)}
            if failing:
                yield from self.keyword(failing, node, "propertyNames", path)

    def items(self, value: Any, node: Mapping[str, Any], path: Path, known: _Known) -> Iterator[Violation]:
        if not isinstance(value, list):
            return
        member = known.member
        if type(member) is not int:
            for index, item in enumerate(value):
                yield from self.walk(item, node["items"], [*path, index])
            return
        # msgspec converts items in order: the ones before the failing item passed
        yield from self.walk(value[member], node["items"], [*path, member], known.reason)
        if not known.only:
            for index in range(member + 1, len(value)):
                yield from self.walk(value[index], node["items"], [*path, index])


_Structural = Callable[[_Walk, Any, Mapping[str, Any], Path, _Known], Iterator[Violation]]
_STRUCTURAL: dict[str, _Structural] = {
    "type": _Walk.type,
    "properties": _Walk.properties,
    "required": _Walk.required,
    "additionalProperties": _Walk.additional,
    "propertyNames": _Walk.names,
    "items": _Walk.items,
}
