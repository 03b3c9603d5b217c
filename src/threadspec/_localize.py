"""Full error reports at a fraction of jsonschema's cost, with exactly its findings.

The reference validator walks the whole payload. Here the walk descends only where it must: a
subtree whose compiled msgspec type accepts it has no violations and is skipped. At a failing node
the structural keywords (``type``, ``properties``, ``required``, ``additionalProperties``, ``items``)
(and ``propertyNames``) are applied by hand, in the order jsonschema applies them, and every other keyword runs through a
one-keyword jsonschema validator, so wording and union handling stay the reference's. A
differential test holds this module's output equal to the full reference's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import msgspec

from threadspec import messages, spec
from threadspec._fast import FAILURES, Unsupported, _Compiler
from threadspec._reference import ReferenceValidator
from threadspec._violations import NODE_TYPE, Path, param_of, pointer_of, violations
from threadspec.result import Violation

_STRUCTURAL = frozenset({"type", "properties", "required", "additionalProperties", "items", "propertyNames"})
# Keywords that look into members; and the node's own limits, which a relaxed copy drops.
_CHILDREN = frozenset({"properties", "items", "propertyNames", "additionalProperties"})
_NODE_LIMITS = frozenset(
    {"maxProperties", "minProperties", "maxItems", "minItems", "required", "oneOf", "x-threadspec-rules"}
)
_ANNOTATIONS = frozenset(
    {"description", "title", "examples", "default", "$comment", "$schema", "$id", "$defs", "format"}
)
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "null": (type(None),),
    "number": (int, float),
    "integer": (int,),
}


def _is_type(value: Any, kind: str) -> bool:
    if isinstance(value, bool) and kind in ("number", "integer"):
        return False
    return isinstance(value, _JSON_TYPES.get(kind, ()))


class _Walker:
    def __init__(self, schema_name: str, location: str) -> None:
        self.name = schema_name
        self.root = spec.shared_schema(schema_name)
        self.defs: dict[str, Any] = self.root.get("$defs", {})
        self.location = location

    def resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node and set(node) - {"$ref"} <= _ANNOTATIONS:
            node = self.defs[node["$ref"].rsplit("/", 1)[-1]]
        return node

    def walk(self, value: Any, node: Any, path: Path) -> Iterator[Violation]:
        node = self.resolve(node)
        if node is True or node == {}:
            return
        if node is False:
            yield from self._keyword(value, {"not": {}}, "not", path)
            return
        reason = _rejection(self.name, id(node), node, value)
        if reason is None:
            return
        verified = (
            _verified(reason, value)
            if reason and isinstance(value, dict) and "properties" in node
            else frozenset()
        )
        # when the node passes without its own limits, no child can fail: skip the walk into them
        relaxed = _relaxed(node)
        children_ok = (isinstance(value, dict) and len(verified) == len(value)) or (
            relaxed is not node and _accepts(self.name, id(relaxed), relaxed, value)
        )
        if verified and not children_ok and relaxed is not node:
            # the keys after the first failure, checked together: one convert instead of one each
            stop = _FIELD_AT.search(reason)
            rest = {
                k: v for k, v in value.items() if k not in verified and (stop is None or k != stop.group(1))
            }
            if rest and _accepts(self.name, id(relaxed), relaxed, rest):
                verified = verified | frozenset(rest)
        for keyword in node:
            if keyword in _ANNOTATIONS:
                continue
            if children_ok and keyword in _CHILDREN and node[keyword] is not False:
                continue
            if keyword in ("oneOf", "anyOf"):
                branch = self._branch_for(value, node[keyword])
                if branch is not None:  # the one branch the translator would expand: walk it cheaply
                    yield from self.walk(value, branch, path)
                    continue
            if keyword in _STRUCTURAL:
                yield from self._structural(value, node, keyword, path, verified)
            else:
                yield from self._keyword(value, node, keyword, path)

    def _structural(
        self, value: Any, node: dict[str, Any], keyword: str, path: Path, verified: frozenset[str]
    ) -> Iterator[Violation]:
        spec_value = node[keyword]
        if keyword == "type":
            kinds = [spec_value] if isinstance(spec_value, str) else list(spec_value)
            if not any(_is_type(value, k) for k in kinds):
                worded = messages.wrong_type(param_of(path), kinds, value)
                yield self._violation(path, "type", spec_value, value, worded)
        elif keyword == "properties" and isinstance(value, dict):
            for prop, sub in spec_value.items():
                if prop in value and prop not in verified:
                    yield from self.walk(value[prop], sub, [*path, prop])
        elif keyword == "required" and isinstance(value, dict):
            for prop in spec_value:
                if prop not in value:
                    missing = [*path, prop]
                    worded = messages.missing_parameter(param_of(missing) or prop)
                    yield Violation(
                        pointer_of(missing), param_of(missing), "required", prop, "", *worded, self.location
                    )
        elif keyword == "additionalProperties" and isinstance(value, dict):
            known = node.get("properties", {})
            for key, item in value.items():
                if key in known:
                    continue
                if spec_value is False:
                    unknown = [*path, key]
                    worded = messages.unknown_parameter(param_of(unknown) or key)
                    yield self._violation(unknown, "additionalProperties", False, item, worded)
                else:
                    yield from self.walk(item, spec_value, [*path, key])
        elif keyword == "propertyNames" and isinstance(value, dict):
            # only the keys the compiled type rejects go through jsonschema, which words them
            failing = {key: None for key in value if not _accepts(self.name, id(spec_value), spec_value, key)}
            if failing:
                yield from self._keyword(failing, node, keyword, path)
        elif keyword == "items" and isinstance(value, list):
            for index, item in enumerate(value):
                yield from self.walk(item, spec_value, [*path, index])

    def _branch_for(self, value: Any, branches: list[Any]) -> Any:
        """The only branch ``value`` can be meant for, judged by JSON type and tag; None when unsure.

        The translator reports a union's errors from the branch the payload was meant for; when the
        JSON type (and an object's tag) singles one out, its errors are the union's.
        """
        fitting = []
        for branch in branches:
            target = self.resolve(branch)
            if not isinstance(target, dict) or set(target) <= {"required"}:
                return None  # oneOf groups of `required`: worded by the translator as a whole
            kinds = target.get("type")
            if kinds is None:
                return None  # a nested union or an untyped branch: leave it to the translator
            kinds = [kinds] if isinstance(kinds, str) else kinds
            if any(_is_type(value, k) for k in kinds):
                fitting.append(target)
        if len(fitting) > 1 and isinstance(value, dict):
            fitting = [t for t in fitting if self._tag_matches(t, value)]
        if len(fitting) != 1:
            return None
        chosen = fitting[0]
        return (
            chosen
            if not isinstance(value, dict) or self._tag_matches(chosen, value, absent_ok=True)
            else None
        )

    @staticmethod
    def _tag_matches(target: dict[str, Any], value: dict[str, Any], absent_ok: bool = False) -> bool:
        for tag in ("type", "event"):
            const = target.get("properties", {}).get(tag, {}).get("const")
            if const is not None:
                return value.get(tag) == const if tag in value else absent_ok
        return True

    def _keyword(self, value: Any, node: dict[str, Any], keyword: str, path: Path) -> Iterator[Violation]:
        validator = _one_keyword_validator(self.name, id(node), keyword, node)
        yield from violations(validator.iter_errors(value), self.root, self.location, prefix=path)

    def _violation(
        self, path: Path, rule: str, limit: Any, value: Any, worded: tuple[str, str | None]
    ) -> Violation:
        message, code = worded
        return Violation(
            pointer_of(path),
            param_of(path),
            rule,
            limit,
            messages.preview(value),
            message,
            code,
            self.location,
        )


_RELAXED: dict[int, dict[str, Any]] = {}


def _relaxed(node: dict[str, Any]) -> dict[str, Any]:
    """The node without its own limits (members keep theirs); the node itself when it has none."""
    found = _RELAXED.get(id(node))
    if found is None:
        kinds = node.get("type")
        is_container = kinds in ("object", "array") or (
            isinstance(kinds, list) and {"object", "array"} & set(kinds)
        )
        found = node
        if is_container and (_NODE_LIMITS & set(node) or node.get("additionalProperties") is False):
            found = {k: v for k, v in node.items() if k not in _NODE_LIMITS}
            if found.get("additionalProperties") is False:
                found["additionalProperties"] = True
        _RELAXED[id(node)] = found
    return found


@cache
def _compiler(schema_name: str) -> _Compiler:
    return _Compiler(spec.shared_schema(schema_name))


_TYPES: dict[tuple[str, int], Any] = {}
_NO_FAST_TYPE = object()


def _rejection(schema_name: str, node_id: int, node: dict[str, Any], value: Any) -> str | None:
    """None when this node's compiled type accepts ``value``; else msgspec's reason ("" without a type)."""
    key = (schema_name, node_id)
    box = _TYPES.get(key)
    if box is None:
        try:
            typ = _compiler(schema_name).compile(node, f"Node{node_id}")
            # a one-field struct: msgspec looks a struct up by a C-level hash, where a bare
            # Annotated/Union type costs Python-level typing hashes on every call
            box = msgspec.defstruct(f"Node{node_id}", [("v", typ)])
            msgspec.json.Decoder(box)
        except (Unsupported, TypeError):
            box = _NO_FAST_TYPE
        _TYPES[key] = box
    if box is _NO_FAST_TYPE:
        return ""
    try:
        msgspec.convert({"v": value}, box, strict=True)
    except FAILURES as exc:
        return str(exc)
    return None


def _accepts(schema_name: str, node_id: int, node: dict[str, Any], value: Any) -> bool:
    return _rejection(schema_name, node_id, node, value) is None


_FIELD_AT = re.compile(r" - at `\$\.v\.([A-Za-z0-9_]+)")
_UNKNOWN = re.compile(r"^Object contains unknown field `(.*)` - at `\$\.v`$", re.DOTALL)
# failures msgspec reports only after every field passed: a missing field, and the struct checks of
# _fast (oneOf groups, x-threadspec-rules). Any other message proves nothing about the fields.
_AFTER_FIELDS = re.compile(
    r"^(Object missing required field `|exactly one of |\w+ must be at most )[^\n]* - at `\$\.v`$"
)


def _verified(reason: str, value: dict[str, Any]) -> frozenset[str]:
    """Keys of ``value`` msgspec already found valid before it stopped.

    msgspec converts an object's fields in input order and stops at the first failure, so every key
    before the one it names passed; a failure at the object itself (a missing field, a rule checked
    after the fields) comes after all of them passed.
    """
    keys = list(value)
    field = _FIELD_AT.search(reason)
    unknown = _UNKNOWN.match(reason)
    stop = field.group(1) if field else unknown.group(1) if unknown else None
    if stop is not None:
        return frozenset(keys[: keys.index(stop)]) if stop in value else frozenset()
    return frozenset(keys) if _AFTER_FIELDS.match(reason) else frozenset()


_VALIDATORS: dict[tuple[str, int, str], Any] = {}


def _one_keyword_validator(schema_name: str, node_id: int, keyword: str, node: dict[str, Any]) -> Any:
    key = (schema_name, node_id, keyword)
    validator = _VALIDATORS.get(key)
    if validator is None:
        schema = {keyword: node[keyword], "$defs": spec.shared_schema(schema_name).get("$defs", {})}
        if "type" in node:  # an annotation for the wording (integer or decimal), not a second type check
            schema[NODE_TYPE] = node["type"]
        validator = _VALIDATORS[key] = ReferenceValidator(schema)
    return validator


@cache
def _root(schema_name: str) -> dict[str, Any]:
    """The root schema without its $defs, built once so its identity keys the caches."""
    return {k: v for k, v in spec.shared_schema(schema_name).items() if k != "$defs"}


def localized_violations(value: Any, schema_name: str, location: str = "body") -> Iterator[Violation]:
    """Every violation the reference validator finds, visiting only failing subtrees."""
    yield from _Walker(schema_name, location).walk(value, _root(schema_name), [])
