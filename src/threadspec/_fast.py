"""The fast verdict: component schemas compiled into msgspec types.

msgspec decodes JSON straight into typed structs and checks lengths, ranges, patterns and tags
on the way, in C, which is why a valid payload costs about as much as parsing it. The compiler
accepts only constructs whose msgspec meaning equals the JSON Schema meaning and raises
:class:`Unsupported` for the rest; such a schema simply has no fast path. A test runs this path and
the reference validator over the same inputs and requires the same verdict.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, Literal

import msgspec

from threadspec import spec
from threadspec._patterns import to_python_pattern
from threadspec.rules import struct_rule_checks

# Keywords that never change a verdict here: annotations, and `format` and the content keywords (not
# asserted in 2020-12; an event's JSON `data` is checked against its contentSchema by the response
# validation, which decodes it).
_IGNORED = frozenset(
    {
        "description", "title", "examples", "default", "$comment", "$schema", "$id", "$defs",
        "format", "deprecated", "readOnly", "writeOnly", "contentMediaType", "contentSchema",
    }
)  # fmt: skip
_STRING_KEYS = frozenset({"type", "minLength", "maxLength", "pattern", "enum", "const"})
_NUMBER_KEYS = frozenset(
    {"type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "enum", "const"}
)
_ARRAY_KEYS = frozenset({"type", "items", "minItems", "maxItems"})
_OBJECT_KEYS = frozenset(
    {
        "type", "properties", "required", "additionalProperties", "propertyNames",
        "maxProperties", "minProperties", "oneOf", "x-threadspec-rules",
    }
)  # fmt: skip


class Unsupported(Exception):
    """The schema uses a construct msgspec cannot check exactly as JSON Schema does."""


def _meta(**constraints: Any) -> msgspec.Meta | None:
    given = {k: v for k, v in constraints.items() if v is not None}
    return msgspec.Meta(**given) if given else None


def _annotate(base: Any, meta: msgspec.Meta | None) -> Any:
    return Annotated[base, meta] if meta is not None else base


def _check_keys(node: dict[str, Any], allowed: frozenset[str]) -> None:
    extra = set(node) - allowed - _IGNORED
    if any(not key.startswith("x-") or key == "x-threadspec-rules" for key in extra):
        raise Unsupported(f"keywords {sorted(extra)}")


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.defs: dict[str, Any] = root.get("$defs", {})
        self.structs: dict[tuple[str, str | None, str | None], Any] = {}

    # -- dispatch ---------------------------------------------------------------------------
    def compile(self, node: Any, name: str) -> Any:
        if node is True or node == {}:
            return Any
        if not isinstance(node, dict):
            raise Unsupported(f"schema {node!r}")
        if "$ref" in node:
            if set(node) - {"$ref"} - _IGNORED:
                raise Unsupported("$ref with siblings")
            return self._ref(node["$ref"])
        if "anyOf" in node or ("oneOf" in node and "type" not in node):
            return self._union(node, name)
        kinds = node.get("type")
        if isinstance(kinds, list):
            nullable = "null" in kinds
            rest = [k for k in kinds if k != "null"]
            if len(rest) != 1:
                raise Unsupported(f"type {kinds}")
            inner = self._typed(node, rest[0], name)
            return inner | None if nullable else inner
        if isinstance(kinds, str):
            return self._typed(node, kinds, name)
        if "const" in node or "enum" in node:
            return self._literal(node)
        raise Unsupported(f"untyped schema {sorted(node)}")

    def _ref(self, ref: str, tag: tuple[str, str] | None = None) -> Any:
        if not ref.startswith("#/$defs/"):
            raise Unsupported(f"ref {ref}")
        name = ref[len("#/$defs/") :]
        target = self.defs[name]
        return self._struct(target, name, tag) if tag is not None else self.compile(target, name)

    def _typed(self, node: dict[str, Any], kind: str, name: str) -> Any:
        if kind == "string":
            return self._string(node)
        if kind in ("integer", "number"):
            return self._number(node, int if kind == "integer" else float)
        if kind == "boolean":
            _check_keys(node, frozenset({"type"}))
            return bool
        if kind == "null":
            _check_keys(node, frozenset({"type"}))
            return None
        if kind == "array":
            _check_keys(node, _ARRAY_KEYS)
            items: Any = self.compile(node.get("items", True), name + "Item")
            return _annotate(
                list.__class_getitem__(items),
                _meta(min_length=node.get("minItems"), max_length=node.get("maxItems")),
            )
        if kind == "object":
            if "properties" in node or node.get("additionalProperties") is False:
                return self._struct(node, name, None)
            return self._map(node, name)
        raise Unsupported(f"type {kind}")

    # -- scalars ----------------------------------------------------------------------------
    def _literal(self, node: dict[str, Any]) -> Any:
        values = [node["const"]] if "const" in node else list(node["enum"])
        if not values or not all(isinstance(v, str) for v in values):
            raise Unsupported("non-string enum")
        return Literal[tuple(values)]

    def _string(self, node: dict[str, Any]) -> Any:
        _check_keys(node, _STRING_KEYS)
        if "const" in node or "enum" in node:
            if {"minLength", "maxLength", "pattern"} & set(node):
                raise Unsupported("enum with string constraints")
            return self._literal(node)
        pattern = node.get("pattern")
        meta = _meta(
            min_length=node.get("minLength"),
            max_length=node.get("maxLength"),
            pattern=to_python_pattern(pattern) if pattern is not None else None,
        )
        return _annotate(str, meta)

    def _number(self, node: dict[str, Any], base: type) -> Any:
        _check_keys(node, _NUMBER_KEYS)
        if "const" in node or "enum" in node:
            raise Unsupported("numeric enum")
        meta = _meta(
            ge=node.get("minimum"),
            le=node.get("maximum"),
            gt=node.get("exclusiveMinimum"),
            lt=node.get("exclusiveMaximum"),
            multiple_of=node.get("multipleOf"),
        )
        return _annotate(base, meta)

    # -- containers -------------------------------------------------------------------------
    def _map(self, node: dict[str, Any], name: str) -> Any:
        _check_keys(node, _OBJECT_KEYS - {"properties", "required", "oneOf", "x-threadspec-rules"})
        value = self.compile(node.get("additionalProperties", True), name + "Value")
        key: Any = str
        names = node.get("propertyNames")
        if names is not None:
            if not isinstance(names, dict) or names.get("type", "string") != "string":
                raise Unsupported("propertyNames")
            key = self._string({**names, "type": "string"})
        meta = _meta(min_length=node.get("minProperties"), max_length=node.get("maxProperties"))
        return _annotate(dict.__class_getitem__((key, value)), meta)

    def _struct(self, node: dict[str, Any], name: str, tag: tuple[str, str] | None) -> Any:
        cache_key = (name, *(tag or (None, None)))
        if cache_key in self.structs:
            return self.structs[cache_key]
        _check_keys(node, _OBJECT_KEYS)
        if node.get("type") != "object" or {"propertyNames", "maxProperties", "minProperties"} & set(node):
            raise Unsupported(f"{name}: object constraints")
        extra = node.get("additionalProperties", True)
        if extra not in (True, False):
            raise Unsupported(f"{name}: additionalProperties schema")
        required = set(node.get("required", ()))
        properties: dict[str, Any] = node.get("properties", {})
        if required - set(properties):
            raise Unsupported(f"{name}: required names without properties")
        fields: list[tuple[str, Any, Any]] = []
        attrs: dict[str, str] = {}
        for index, (prop, sub) in enumerate(properties.items()):
            if tag is not None and prop == tag[0]:
                continue
            attr = prop if prop.isidentifier() and not keyword.iskeyword(prop) else f"field_{index}"
            attrs[prop] = attr
            typ = self.compile(sub, name + prop.title())
            if prop in required:
                default: Any = msgspec.field(name=prop) if attr != prop else msgspec.NODEFAULT
                fields.append((attr, typ, default))
            else:
                default = msgspec.field(default=msgspec.UNSET, name=prop if attr != prop else None)
                fields.append((attr, typ | msgspec.UnsetType, default))
        checks = self._object_checks(node, name, attrs)
        namespace: dict[str, Callable[..., None]] = {}
        if checks:

            def __post_init__(self: Any) -> None:
                for check in checks:
                    check(self)

            namespace["__post_init__"] = __post_init__
        struct = msgspec.defstruct(
            name,
            [(a, t) if d is msgspec.NODEFAULT else (a, t, d) for a, t, d in fields],
            kw_only=True,
            forbid_unknown_fields=extra is False,
            tag_field=tag[0] if tag else None,
            tag=tag[1] if tag else None,
            namespace=namespace,
        )
        self.structs[cache_key] = struct
        return struct

    def _object_checks(
        self, node: dict[str, Any], name: str, attrs: dict[str, str]
    ) -> list[Callable[[Any], None]]:
        checks = list(struct_rule_checks(node.get("x-threadspec-rules", []), attrs))
        groups = node.get("oneOf")
        if groups is not None:
            names: list[str] = []
            for group in groups:
                if set(group) - {"required"} or len(group["required"]) != 1:
                    raise Unsupported(f"{name}: oneOf beside properties")
                names.append(attrs[group["required"][0]])

            def exactly_one(obj: Any) -> None:
                present = sum(getattr(obj, n, msgspec.UNSET) is not msgspec.UNSET for n in names)
                if present != 1:
                    raise ValueError(f"exactly one of {names} is required")

            checks.append(exactly_one)
        return checks

    def _union(self, node: dict[str, Any], name: str) -> Any:
        _check_keys(node, frozenset({"anyOf", "oneOf"}))
        branches = node.get("anyOf") or node.get("oneOf") or []
        flat = [leaf for branch in branches for leaf in self._flatten(branch)]
        objects = [leaf for leaf in flat if isinstance(leaf, str)]
        members: list[Any] = []
        for index, leaf in enumerate(flat):
            if not isinstance(leaf, str):
                members.append(self.compile(leaf, f"{name}{index}"))
            elif len(objects) == 1:
                members.append(self._ref(leaf))
            else:  # several objects: msgspec tells them apart only by a tag
                members.append(self._ref(leaf, self._tag_of(self.defs[leaf[len("#/$defs/") :]])))
        union: Any = members[0]
        for member in members[1:]:
            union = union | member
        return union

    def _flatten(self, branch: dict[str, Any]) -> list[Any]:
        """Leaves of nested unions: refs to objects as their ref string, other schemas as they are."""
        if "$ref" in branch:
            target = self.defs[branch["$ref"][len("#/$defs/") :]]
            if "oneOf" in target and "type" not in target:
                return [leaf for sub in target["oneOf"] for leaf in self._flatten(sub)]
            if target.get("type") == "object" and "properties" in target:
                return [branch["$ref"]]
            return [branch]
        if "anyOf" in branch or ("oneOf" in branch and "type" not in branch):
            subs = branch.get("anyOf") or branch.get("oneOf") or []
            return [leaf for sub in subs for leaf in self._flatten(sub)]
        return [branch]

    @staticmethod
    def _tag_of(target: dict[str, Any]) -> tuple[str, str]:
        for prop in ("type", "event"):
            sub = target.get("properties", {}).get(prop, {})
            if isinstance(sub.get("const"), str) and prop in target.get("required", ()):
                return prop, sub["const"]
        raise Unsupported("union of objects without a required const discriminator")


@cache
def fast_type(schema_name: str) -> Any | None:
    """The msgspec type for a component, or ``None`` when it has no exact fast path."""
    root = spec.shared_schema(schema_name)
    compiler = _Compiler(root)
    try:
        typ = compiler.compile({k: v for k, v in root.items() if k != "$defs"}, schema_name)
        msgspec.json.Decoder(typ)  # msgspec refuses ambiguous unions here
    except (Unsupported, TypeError) as exc:
        _UNSUPPORTED[schema_name] = str(exc)
        return None
    return typ


_UNSUPPORTED: dict[str, str] = {}


@cache
def decoder(schema_name: str) -> msgspec.json.Decoder[Any] | None:
    """The cached decoder; raises UnknownSchemaError (via spec.schema) for names the spec lacks."""
    typ = fast_type(schema_name)
    return None if typ is None else msgspec.json.Decoder(typ)


FAILURES = (msgspec.ValidationError, msgspec.DecodeError, RecursionError, ValueError, TypeError)


def is_valid_json(raw: bytes, schema_name: str) -> bool | None:
    """Fast verdict on JSON text; ``None`` when this schema has no fast path."""
    dec = decoder(schema_name)
    if dec is None:
        return None
    try:
        dec.decode(raw)
    except FAILURES:
        return False
    return True


def is_valid_value(value: Any, schema_name: str) -> bool | None:
    """Fast verdict on decoded JSON values; ``None`` when this schema has no fast path."""
    typ = fast_type(schema_name)
    if typ is None:
        return None
    try:
        msgspec.convert(value, typ, strict=True)
    except FAILURES:
        return False
    return True
