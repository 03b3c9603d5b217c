"""Every constraint the contract states, where it applies and how a payload reaches it.

The inventory is read from the bundled JSON Schemas, so a limit added to ``spec/openapi.yaml`` shows up
here (and in every fuzzer and contract check built on it) without anyone writing code::

    >>> from threadspec import constraints
    >>> [c.id for c in constraints.inventory("ModifyThreadRequest") if c.keyword == "maxProperties"]
    ['ModifyThreadRequest:metadata:maxProperties']

A :class:`Constraint` is one keyword at one location. The location is a chain of :class:`Hop` values
from the root: into a property, into any item of an array (``[*]``), into any value of a map (``.*``),
or into one branch of a union (``anyOf``/``oneOf``). Each hop carries the resolved schema of the node it
reaches, so a builder can construct a minimal valid parent chain, and :meth:`Constraint.locate` finds
the concrete places in a payload where the constraint applies. The schemas a constraint and its hops
carry are the package's shared, cached JSON: read them, never mutate them.

Every function reads the default contract (``threadspec.contract_for("v2")``) unless given
``contract=``; the inventory is cached on that contract, and each constraint remembers it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from threadspec import rules
from threadspec._branches import BranchChooser, is_union, tag_of
from threadspec._compiled import CompiledSchema
from threadspec._contract import Contract, resolve_contract
from threadspec._jsontype import allows_type, json_type
from threadspec._refs import Resolver

Schema = Mapping[str, Any]
Segment = str | int
HopKind = Literal["property", "item", "value", "branch"]
Location = Literal["body", "query", "path"]
WILDCARD = "*"
RULES_KEYWORD = rules.RULES_KEYWORD

# Keywords stated on one node and checked against that node's value alone.
NODE_KEYWORDS = (
    "const", "enum", "maxLength", "minLength", "pattern", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "maxItems", "minItems", "uniqueItems",
    "maxProperties", "minProperties",
)  # fmt: skip
# Keywords about the shape around a node; with NODE_KEYWORDS and the rule names, the whole vocabulary.
SHAPE_KEYWORDS = ("type", "propertyNames", "required", "additionalProperties", "oneOf", "discriminator")
# `format` is a constraint where threadspec asserts it (threadspec.rules.FORMATS), an annotation elsewhere
FORMAT_KEYWORD = "format"
__all__ = [
    "FORMAT_KEYWORD", "NODE_KEYWORDS", "RULES_KEYWORD", "SHAPE_KEYWORDS", "WILDCARD", "Constraint", "Hop",
    "all_constraints", "allows_type", "inventory", "is_union", "json_type", "parameter_inventory",
    "request_schemas", "response_schemas", "root_schema", "tag_of",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Hop:
    """One step from the root towards a constraint."""

    kind: HopKind
    key: str | int | None  # the property name, the branch index; None for array items and map values
    schema: Schema  # the resolved schema of the node this hop reaches
    label: str | None = None  # for branches: the component the branch refers to, if any

    @property
    def segment(self) -> str | None:
        """The hop's part of a location path; ``None`` for branches, which stay at the same place."""
        if self.kind == "property":
            return str(self.key)
        return WILDCARD if self.kind in ("item", "value") else None


@dataclass(frozen=True, slots=True, eq=False)
class Constraint:
    """One keyword at one location of one root schema (a component, or an operation's parameters)."""

    root: str  # the component name, or the operationId for query and path parameters
    location: Location
    hops: tuple[Hop, ...]
    keyword: str  # a JSON Schema keyword, "discriminator", or an x-threadspec-rules rule name
    limit: Any  # the keyword's value: 16, the required name, the allowed values, the rule …
    schema: Schema  # the resolved schema node that states the keyword
    declared_in: str  # the component (or operation) whose definition states it
    pointer: str  # JSON pointer to the keyword inside root_schema(root, location)
    facet: str | None = None  # propertyNames: the key keyword; discriminator and rules: the property
    contract: Contract | None = field(default=None, repr=False)  # the contract it belongs to (default: v2)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Constraint) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"Constraint({self.id}, limit={self.limit!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """One line in hypothesis' failure reports, not every hop's schema."""
        printer.text(repr(self))

    @property
    def path(self) -> tuple[str, ...]:
        """The location template as a path: property names, ``*`` for any array item or map value."""
        return tuple(h.segment for h in self.hops if h.segment is not None)

    @property
    def template(self) -> str:
        """The location in the API's ``param`` form, ``thread.messages[*].metadata``; empty for the root."""
        return _render(self.hops, branches=False)

    @property
    def branches(self) -> tuple[str, ...]:
        """The union branches chosen on the way, by component name (or ``#index``)."""
        return tuple(_branch_label(h) for h in self.hops if h.kind == "branch")

    @property
    def id(self) -> str:
        """Unique in the inventory: ``CreateRunRequest:tools[*]<AssistantToolsFunction>.function.name:pattern``."""
        detail = f"={self.limit}" if self.keyword == "required" else f".{self.facet}" if self.facet else ""
        prefix = self.root if self.location == "body" else f"{self.root}.{self.location}"
        return f"{prefix}:{_render(self.hops, branches=True)}:{self.keyword}{detail}"

    @property
    def is_rule(self) -> bool:
        """Whether this is an ``x-threadspec-rules`` rule (its keyword is the rule's name)."""
        return f"/{RULES_KEYWORD}/" in self.pointer

    @property
    def rule(self) -> str:
        """The ``rule`` a :class:`threadspec.Violation` names when a payload breaks this constraint."""
        return "const" if self.keyword == "discriminator" else self.keyword

    @property
    def violable(self) -> bool:
        """Whether some payload breaks it (``minItems: 0`` cannot be broken)."""
        if self.keyword in ("minLength", "minItems", "minProperties"):
            return bool(self.limit > 0)
        if self.keyword == "type" and self.location != "body":
            # parameters arrive as text, and a repeated one as a list: only numbers and booleans can be mistyped
            return not {"string", "array"} & set(self.limit)
        return True

    @property
    def compiled_root(self) -> CompiledSchema:
        """The compiled schema the constraint's hops resolve in (its ``$ref`` resolver and branch chooser)."""
        return _compiled_root(resolve_contract(self.contract), self.root, self.location)

    @property
    def chooser(self) -> BranchChooser:
        return self.compiled_root.chooser

    def report_path(self, path: Sequence[Segment], extra: str | None = None) -> tuple[Segment, ...]:
        """Where a breach of this constraint at concrete ``path`` is reported (``extra``: the unknown key)."""
        if self.keyword == "required":
            return (*path, str(self.limit))
        if self.keyword == "additionalProperties":
            return (*path, extra if extra is not None else WILDCARD)
        if self.keyword == "discriminator" or self.is_rule:
            return (*path, str(self.facet))
        return tuple(path)

    def locate(self, payload: Any) -> Iterator[tuple[Segment, ...]]:
        """Every concrete path in ``payload`` where this constraint applies (its node is present)."""
        yield from _locate(payload, self.hops, (), self.chooser)


def _branch_label(hop: Hop) -> str:
    return hop.label or f"#{hop.key}"


def _render(hops: Sequence[Hop], *, branches: bool) -> str:
    out = ""
    for hop in hops:
        if hop.kind == "branch":
            out += f"<{_branch_label(hop)}>" if branches else ""
        elif hop.kind == "item":
            out += "[*]"
        else:
            out += ("." if out else "") + (str(hop.key) if hop.kind == "property" else WILDCARD)
    return out


def _locate(
    value: Any, hops: Sequence[Hop], at: tuple[Segment, ...], chooser: BranchChooser
) -> Iterator[tuple[Segment, ...]]:
    if not hops:
        yield at
        return
    hop, rest = hops[0], hops[1:]
    if hop.kind == "branch":
        if chooser.is_of(value, hop.schema):
            yield from _locate(value, rest, at, chooser)
    elif hop.kind == "property":
        if isinstance(value, dict) and hop.key in value:
            yield from _locate(value[hop.key], rest, (*at, str(hop.key)), chooser)
    elif hop.kind == "item":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _locate(item, rest, (*at, index), chooser)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _locate(item, rest, (*at, key), chooser)


# ---------------------------------------------------------------------------------- the walk
class _Walker:
    def __init__(self, root: str, location: Location, compiled: CompiledSchema, contract: Contract) -> None:
        self.root = root
        self.location: Location = location
        self.resolver: Resolver = compiled.resolver
        self.chooser = compiled.chooser
        self.contract = contract
        self.out: list[Constraint] = []

    def emit(self, at: tuple[Hop, ...], node: Schema, owner: str, pointer: str, keyword: str, limit: Any,
             facet: str | None = None) -> None:  # fmt: skip
        frozen = tuple(limit) if isinstance(limit, list) else limit
        self.out.append(
            Constraint(
                self.root, self.location, at, keyword, frozen, node, owner, pointer, facet, self.contract
            )
        )

    def follow(self, raw: Any, owner: str, pointer: str, stack: tuple[str, ...]) -> tuple[Any, ...] | None:
        """Resolve a raw subschema; ``None`` when it recurses into a component already on the way."""
        name = Resolver.ref_name(raw)
        if name is not None:
            if name in stack:  # a recursive schema: its constraints are listed at the outer level
                return None
            owner, pointer, stack = name, f"/$defs/{name}", (*stack, name)
        return self.resolver.merged(raw), owner, pointer, stack

    def walk(self, raw: Any, at: tuple[Hop, ...], owner: str, pointer: str, stack: tuple[str, ...]) -> None:
        """Inventory the location reached by ``at`` (whose raw schema is ``raw``) and everything below it."""
        followed = self.follow(raw, owner, pointer, stack)
        if followed is None:
            return
        node, owner, pointer, stack = followed
        types = self.chooser.node_types(node)
        if types and (at or self.location == "body"):
            self.emit(at, node, owner, pointer + "/type", "type", list(types))
        self.node(node, at, owner, pointer, stack)

    def node(
        self, node: Schema, at: tuple[Hop, ...], owner: str, pointer: str, stack: tuple[str, ...]
    ) -> None:
        if is_union(node):
            self.union(node, at, owner, pointer, stack)
            return
        for keyword in NODE_KEYWORDS:
            if keyword in node:
                self.emit(at, node, owner, f"{pointer}/{keyword}", keyword, node[keyword])
        if node.get(FORMAT_KEYWORD) in rules.FORMATS:
            self.emit(at, node, owner, f"{pointer}/{FORMAT_KEYWORD}", FORMAT_KEYWORD, node[FORMAT_KEYWORD])
        self.object(node, at, owner, pointer, stack)
        items = node.get("items")
        if items is not None and items is not True:
            hop = Hop("item", None, self.resolver.merged(items))
            self.walk(items, (*at, hop), owner, pointer + "/items", stack)

    def union(
        self, node: Schema, at: tuple[Hop, ...], owner: str, pointer: str, stack: tuple[str, ...]
    ) -> None:
        key = "anyOf" if "anyOf" in node else "oneOf"
        tags = [tag_of(b) for b in self.chooser.branches(node)]
        names = {t[0] for t in tags if t is not None}
        if key == "oneOf" and all(tags) and len(names) == 1:
            values = [t[1] for t in tags if t is not None]
            self.emit(at, node, owner, f"{pointer}/{key}", "discriminator", values, names.pop())
        for index, raw in enumerate(node[key]):
            followed = self.follow(raw, owner, f"{pointer}/{key}/{index}", stack)
            if followed is not None:
                sub, sub_owner, sub_pointer, sub_stack = followed
                hop = Hop("branch", index, sub, Resolver.ref_name(raw))
                self.node(sub, (*at, hop), sub_owner, sub_pointer, sub_stack)

    def object(
        self, node: Schema, at: tuple[Hop, ...], owner: str, pointer: str, stack: tuple[str, ...]
    ) -> None:
        names = node.get("propertyNames")
        if isinstance(names, Mapping):
            for facet in ("maxLength", "minLength", "pattern"):
                if facet in names:
                    where = f"{pointer}/propertyNames/{facet}"
                    self.emit(at, node, owner, where, "propertyNames", names[facet], facet)
        for name in node.get("required", ()):
            self.emit(at, node, owner, pointer + "/required", "required", name)
        if node.get("additionalProperties") is False:
            self.emit(at, node, owner, pointer + "/additionalProperties", "additionalProperties", False)
        if "oneOf" in node:  # an object with oneOf-of-required groups: exactly one group present
            required = [n for group in node["oneOf"] for n in group.get("required", ())]
            self.emit(at, node, owner, pointer + "/oneOf", "oneOf", required)
        for index, rule in enumerate(node.get(RULES_KEYWORD, ())):
            where = f"{pointer}/{RULES_KEYWORD}/{index}"
            self.emit(at, node, owner, where, rule["rule"], dict(rule), rule.get("property"))
        for prop, raw in node.get("properties", {}).items():
            hop = Hop("property", prop, self.resolver.merged(raw))
            self.walk(raw, (*at, hop), owner, f"{pointer}/properties/{_escape(prop)}", stack)
        extra = node.get("additionalProperties")
        if isinstance(extra, Mapping):
            hop = Hop("value", None, self.resolver.merged(extra))
            self.walk(extra, (*at, hop), owner, pointer + "/additionalProperties", stack)


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


# ---------------------------------------------------------------------------------- public API
def root_schema(
    root: str, location: Location = "body", *, contract: Contract | None = None
) -> Mapping[str, Any]:
    """The JSON Schema a constraint's pointer points into: a component, or an operation's parameters as one object."""
    return _compiled_root(resolve_contract(contract), root, location).root


def _compiled_root(contract: Contract, root: str, location: Location) -> CompiledSchema:
    if location == "body":
        return contract.compiled(root)

    def build() -> CompiledSchema:
        params = contract.operation(root).parameters_in(location)
        schema = {
            "type": "object",
            "properties": {p.name: p.schema for p in params},
            "required": [p.name for p in params if p.required],
        }
        return CompiledSchema(f"{root}.{location}", schema)

    return contract.memo(("parameters", root, location), build)


def inventory(schema_name: str, *, contract: Contract | None = None) -> tuple[Constraint, ...]:
    """Every constraint of one component schema, in schema order."""
    found = resolve_contract(contract)
    compiled = found.compiled(schema_name)

    def build() -> tuple[Constraint, ...]:
        walker = _Walker(schema_name, "body", compiled, found)
        walker.walk(compiled.body, (), schema_name, "", (schema_name,))
        return tuple(walker.out)

    return found.memo(("inventory", schema_name), build)


def parameter_inventory(
    operation_id: str, location: Location = "query", *, contract: Contract | None = None
) -> tuple[Constraint, ...]:
    """Every constraint on the query (or path) parameters of one operation; ``root`` is the operationId."""
    found = resolve_contract(contract)
    compiled = _compiled_root(found, operation_id, location)

    def build() -> tuple[Constraint, ...]:
        walker = _Walker(operation_id, location, compiled, found)
        walker.walk(compiled.root, (), operation_id, "", ())
        return tuple(walker.out)

    return found.memo(("parameter_inventory", operation_id, location), build)


def request_schemas(*, contract: Contract | None = None) -> tuple[str, ...]:
    """The request-body schemas of all operations, in spec order."""
    names = (op.request_schema for op in resolve_contract(contract).operations().values())
    return tuple(dict.fromkeys(n for n in names if n is not None))


def response_schemas(*, contract: Contract | None = None) -> tuple[str, ...]:
    """The schemas of all documented responses (JSON bodies and stream events), in spec order."""
    found = (
        name
        for op in resolve_contract(contract).operations().values()
        for media in op.responses.values()
        for name in media.values()
    )
    return tuple(dict.fromkeys(found))


def all_constraints(*, contract: Contract | None = None) -> tuple[Constraint, ...]:
    """The whole inventory: request and response schemas, and every operation's path and query parameters."""
    found = resolve_contract(contract)

    def build() -> tuple[Constraint, ...]:
        out: list[Constraint] = []
        for name in dict.fromkeys((*request_schemas(contract=found), *response_schemas(contract=found))):
            out.extend(inventory(name, contract=found))
        for op_id in found.operations():
            out.extend(parameter_inventory(op_id, "path", contract=found))
            out.extend(parameter_inventory(op_id, "query", contract=found))
        return tuple(out)

    return found.memo("all_constraints", build)
