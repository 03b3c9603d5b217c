"""The fast verdict: schemas compiled into msgspec types.

msgspec decodes JSON straight into typed structs and checks lengths, ranges, patterns and tags
on the way, in C, which is why a valid payload costs about as much as parsing it. The compiler
accepts only constructs whose msgspec meaning equals the JSON Schema meaning and raises
:class:`Unsupported` for the rest; such a schema simply has no fast path. A test runs this path and
the reference validator over the same inputs and requires the same verdict.
"""

from __future__ import annotations

import keyword
import re
import typing
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal

import msgspec

from threadspec import rules
from threadspec._branches import branch_list, is_union, tag_of
from threadspec._depth import DepthGuard, holds_free, raw_start
from threadspec._patterns import to_python_pattern
from threadspec._refs import ANNOTATIONS, Resolver, UnresolvableRefError

# Keywords that never change a verdict here; `format` is read by the string compiler (asserted ones).
_IGNORED = ANNOTATIONS | {"$schema", "$id", "$defs", "format"}
_STRING_KEYS = frozenset({"type", "minLength", "maxLength", "pattern", "enum", "const", "format"})
_NUMBER_KEYS = frozenset(
    {"type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "enum", "const"}
)
_ARRAY_KEYS = frozenset({"type", "items", "minItems", "maxItems"})
_OBJECT_KEYS = frozenset(
    {
        "type", "properties", "required", "additionalProperties", "propertyNames",
        "maxProperties", "minProperties", "oneOf", rules.RULES_KEYWORD,
    }
)  # fmt: skip
FAILURES = (msgspec.ValidationError, msgspec.DecodeError, RecursionError, ValueError, TypeError)


class Unsupported(Exception):
    """The schema uses a construct msgspec cannot check exactly as JSON Schema does."""


def _meta(**constraints: Any) -> msgspec.Meta | None:
    given = {k: v for k, v in constraints.items() if v is not None}
    return msgspec.Meta(**given) if given else None


def _annotate(base: Any, meta: msgspec.Meta | None) -> Any:
    return Annotated[base, meta] if meta is not None else base


def _check_keys(node: Mapping[str, Any], allowed: frozenset[str]) -> None:
    extra = set(node) - allowed - _IGNORED
    if any(not key.startswith("x-") or key == rules.RULES_KEYWORD for key in extra):
        raise Unsupported(f"keywords {sorted(extra)}")


def attribute(prop: str, index: int) -> str:
    """The struct attribute of the ``index``-th property: its name, unless Python cannot spell it."""
    return prop if prop.isidentifier() and not keyword.iskeyword(prop) else f"field_{index}"


class Compiler:
    """Compiles the nodes of one bundled schema; structs are built once per definition."""

    def __init__(self, resolver: Resolver, guard: DepthGuard | None = None) -> None:
        self.resolver = resolver
        self.guard = guard  # when given, structs holding free-form values check how deep they nest
        self.structs: dict[tuple[str, str | None, str | None], Any] = {}

    def compile(self, node: Any, name: str) -> Any:
        if node is True or node == {}:
            return Any
        if not isinstance(node, dict):
            raise Unsupported(f"schema {node!r}")
        if "$ref" in node:
            if not self.resolver.is_pure_ref(node):
                raise Unsupported("$ref with siblings")
            return self._ref(node["$ref"])
        if "anyOf" in node or ("oneOf" in node and "type" not in node):
            return self._union(node, name)
        kinds = node.get("type")
        if isinstance(kinds, list):
            rest = [k for k in kinds if k != "null"]
            if len(rest) != 1:
                raise Unsupported(f"type {kinds}")
            inner = self._typed(node, rest[0], name)
            return inner | None if "null" in kinds else inner
        if isinstance(kinds, str):
            return self._typed(node, kinds, name)
        if "const" in node or "enum" in node:
            return _literal(node)
        raise Unsupported(f"untyped schema {sorted(node)}")

    def _target(self, ref: str) -> tuple[str, Any]:
        name = Resolver.ref_name({"$ref": ref})
        try:
            return str(name), self.resolver.target(ref)
        except UnresolvableRefError as exc:
            raise Unsupported(str(exc)) from None

    def _ref(self, ref: str, tag: tuple[str, str] | None = None) -> Any:
        name, target = self._target(ref)
        return self._struct(target, name, tag) if tag is not None else self.compile(target, name)

    def _typed(self, node: dict[str, Any], kind: str, name: str) -> Any:
        build = _BY_TYPE.get(kind)
        if build is None:
            raise Unsupported(f"type {kind}")
        return build(self, node, name)

    # -- containers -------------------------------------------------------------------------
    def _array(self, node: dict[str, Any], name: str) -> Any:
        _check_keys(node, _ARRAY_KEYS)
        items: Any = self.compile(node.get("items", True), name + "Item")
        meta = _meta(min_length=node.get("minItems"), max_length=node.get("maxItems"))
        return _annotate(list.__class_getitem__(items), meta)

    def _object(self, node: dict[str, Any], name: str) -> Any:
        if "properties" in node or node.get("additionalProperties") is False:
            return self._struct(node, name, None)
        return self._map(node, name)

    def _map(self, node: dict[str, Any], name: str) -> Any:
        _check_keys(node, _OBJECT_KEYS - {"properties", "required", "oneOf", rules.RULES_KEYWORD})
        value = self.compile(node.get("additionalProperties", True), name + "Value")
        key: Any = str
        names = node.get("propertyNames")
        if names is not None:
            if not isinstance(names, dict) or names.get("type", "string") != "string":
                raise Unsupported("propertyNames")
            key = _string(self, {**names, "type": "string"}, name + "Key")
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
        free: list[str] = []
        raws: dict[str, bytes] = {}
        for index, (prop, sub) in enumerate(properties.items()):
            if tag is not None and prop == tag[0]:
                continue
            attr = attribute(prop, index)
            attrs[prop] = attr
            typ = self.compile(sub, name + prop.title())
            if self.guard is not None and holds_free(typ):
                start = raw_start(typ)
                if start is None:
                    free.append(attr)
                else:  # left undecoded: the guard checks its text (_depth)
                    raws[attr], typ = start, msgspec.Raw
            if prop in required:
                default: Any = msgspec.field(name=prop) if attr != prop else msgspec.NODEFAULT
                fields.append((attr, typ, default))
            else:
                default = msgspec.field(default=msgspec.UNSET, name=prop if attr != prop else None)
                fields.append((attr, typ | msgspec.UnsetType, default))
        checks = _object_checks(node, name, attrs)
        if (free or raws) and self.guard is not None:
            checks.append(self.guard.check(free, raws))
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
            # decoded JSON never forms a cycle, and these structs are dropped once judged: untracked by
            # the garbage collector, they cost less to make and set off fewer collections
            gc=False,
        )
        self.structs[cache_key] = struct
        return struct

    def _union(self, node: dict[str, Any], name: str) -> Any:
        _check_keys(node, frozenset({"anyOf", "oneOf"}))
        flat = [leaf for branch in branch_list(node) for leaf in self._flatten(branch)]
        objects = [leaf for leaf in flat if isinstance(leaf, str)]
        members: list[Any] = []
        for index, leaf in enumerate(flat):
            if not isinstance(leaf, str):
                members.append(self.compile(leaf, f"{name}{index}"))
            elif len(objects) == 1:
                members.append(self._ref(leaf))
            else:  # several objects: msgspec tells them apart only by a tag
                tag = tag_of(self._target(leaf)[1])
                if tag is None or not isinstance(tag[1], str):
                    raise Unsupported("union of objects without a required const discriminator")
                members.append(self._ref(leaf, (tag[0], tag[1])))
        union: Any = members[0]
        for member in members[1:]:
            union = union | member
        return union

    def _flatten(self, branch: dict[str, Any]) -> list[Any]:
        """Leaves of nested unions: refs to objects as their ref string, other schemas as they are."""
        if "$ref" in branch:
            target = self._target(branch["$ref"])[1]
            if isinstance(target, dict) and is_union(target):
                return [leaf for sub in branch_list(target) for leaf in self._flatten(sub)]
            if isinstance(target, dict) and target.get("type") == "object" and "properties" in target:
                return [branch["$ref"]]
            return [branch]
        if "anyOf" in branch or ("oneOf" in branch and "type" not in branch):
            return [leaf for sub in branch_list(branch) for leaf in self._flatten(sub)]
        return [branch]


# -- scalars --------------------------------------------------------------------------------
def _literal(node: Mapping[str, Any]) -> Any:
    values = [node["const"]] if "const" in node else list(node["enum"])
    if not values or not all(isinstance(v, str) for v in values):
        raise Unsupported("non-string enum")
    return Literal[tuple(values)]


def _string(compiler: Compiler, node: dict[str, Any], name: str) -> Any:
    _check_keys(node, _STRING_KEYS)
    if "const" in node or "enum" in node:
        if {"minLength", "maxLength", "pattern"} & set(node):
            raise Unsupported("enum with string constraints")
        return _literal(node)
    pattern = node.get("pattern")
    asserted = rules.FORMATS.get(node.get("format", ""))
    if asserted is not None and pattern is not None:
        raise Unsupported("a pattern beside an asserted format")  # msgspec takes one pattern
    regex = asserted.pattern if asserted else (to_python_pattern(pattern) if pattern is not None else None)
    meta = _meta(min_length=node.get("minLength"), max_length=node.get("maxLength"), pattern=regex)
    return _annotate(str, meta)


def _number(base: type) -> Callable[[Compiler, dict[str, Any], str], Any]:
    def build(compiler: Compiler, node: dict[str, Any], name: str) -> Any:
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

    return build


def _only_type(result: Any) -> Callable[[Compiler, dict[str, Any], str], Any]:
    def build(compiler: Compiler, node: dict[str, Any], name: str) -> Any:
        _check_keys(node, frozenset({"type"}))
        return result

    return build


# one builder per JSON type, as jsonschema dispatches keywords
_BY_TYPE: dict[str, Callable[[Compiler, dict[str, Any], str], Any]] = {
    "string": _string,
    "integer": _number(int),
    "number": _number(float),
    "boolean": _only_type(bool),
    "null": _only_type(None),
    "array": Compiler._array,
    "object": Compiler._object,
}


def _object_checks(node: Mapping[str, Any], name: str, attrs: dict[str, str]) -> list[Callable[[Any], None]]:
    """The struct checks msgspec runs after the fields (``__post_init__``): rules and oneOf groups."""
    checks: list[Callable[[Any], None]] = []
    spec_rules = node.get(rules.RULES_KEYWORD, [])
    if spec_rules:
        for rule in spec_rules:
            rules.rule_for(rule)  # an unknown rule fails here, at compile time, not per call

        def check_rules(obj: Any) -> None:
            def get(prop: str) -> Any:
                value = getattr(obj, attrs.get(prop, prop), None)
                return None if value is msgspec.UNSET else value

            for breach in rules.breaches(spec_rules, get):
                raise ValueError(breach.describe())

        checks.append(check_rules)
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
                raise ValueError(f"{rules.FAILURE_PREFIX}exactly one of {names} is required")

        checks.append(exactly_one)
    return checks


def _search(pattern: str) -> Callable[[Any], bool]:
    search = re.compile(pattern).search  # msgspec searches, as JSON Schema does: anchors are the pattern's
    return lambda v: search(v) is not None


# A scalar's constraints as plain tests, for values that arrive one at a time (path ids, query values):
# msgspec.convert reads a bare scalar type afresh on every call, which costs more than the tests. Only
# constraints whose Python reading is msgspec's own are listed; a type with any other gets no predicate.
_SCALAR_TESTS: dict[str, Callable[[Any], Callable[[Any], bool]]] = {
    "min_length": lambda n: lambda v: len(v) >= n,  # code points, as msgspec counts them
    "max_length": lambda n: lambda v: len(v) <= n,
    "pattern": _search,
    "ge": lambda n: lambda v: v >= n,
    "le": lambda n: lambda v: v <= n,
    "gt": lambda n: lambda v: v > n,
    "lt": lambda n: lambda v: v < n,
}
_SCALAR_BASES: dict[type, frozenset[str]] = {
    str: frozenset({"min_length", "max_length", "pattern"}),
    int: frozenset({"ge", "le", "gt", "lt"}),
}
_META_FIELDS = ("gt", "ge", "lt", "le", "multiple_of", "pattern", "min_length", "max_length", "tz")


def scalar_check(typ: Any) -> Callable[[Any], bool] | None:
    """The verdict of ``typ`` on one decoded value as a plain function, for a string or integer type."""
    metas: list[Any]
    base, metas = typ, []
    if typing.get_origin(typ) is Annotated:
        base, *metas = typing.get_args(typ)
    if (
        not isinstance(base, type)
        or base not in _SCALAR_BASES
        or not all(isinstance(m, msgspec.Meta) for m in metas)
    ):
        return None
    given = [(k, getattr(m, k)) for m in metas for k in _META_FIELDS if getattr(m, k) is not None]
    if any(k not in _SCALAR_BASES[base] for k, _ in given):
        return None
    tests = tuple(_SCALAR_TESTS[k](arg) for k, arg in given)

    def check(value: Any) -> bool:
        if type(value) is not base:  # exact: msgspec's strict conversion takes no bool for an int
            return False
        for test in tests:  # noqa: SIM110 -- a loop, not all() over a generator: this runs per request
            if not test(value):
                return False
        return True

    return check


def compile_root(compiler: Compiler, body: Mapping[str, Any], name: str) -> tuple[Any | None, str | None]:
    """The msgspec type of a whole schema (without its ``$defs``), or ``None`` and why it has no fast path."""
    try:
        typ = compiler.compile(dict(body), name)
        msgspec.json.Decoder(typ)  # msgspec refuses ambiguous unions here
    except (Unsupported, TypeError) as exc:
        return None, str(exc)
    return typ, None
