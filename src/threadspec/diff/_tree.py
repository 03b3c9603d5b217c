"""The constraint inventory of one root (a component, or an operation's parameters) as a tree of nodes.

Each node is one place of the root schema: the root, a property, any array item (``[*]``), any map
value (``.*``) or one union branch. It holds the inventory's constraints stated at that place and knows
its owner, the component whose definition states it (``Metadata`` for ``messages[*].metadata``), so a
change is reported once where it is written, however many roots reach it. Places the inventory lists
nothing under are made on demand from the schema, so the two sides of a diff can always be walked
together. The tree is cached on the contract, like the inventory it is read from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from threadspec._branches import TAG_PROPERTIES, BranchChooser, branch_list, is_union
from threadspec._contract import Contract
from threadspec._refs import ANNOTATIONS, Resolver
from threadspec.constraints import Constraint, HopKind, Location, inventory, parameter_inventory, root_schema

HopKey = tuple[HopKind, str | int | None]
# the keywords that name a place below the node rather than the node: stated at the node, reported there
_FACETED = frozenset({"propertyNames", "discriminator"})
# OpenAPI 3.0's `nullable` means nothing in 3.1; specs carried over still write `allOf: [X, {nullable: true}]`
_INERT = ANNOTATIONS | {"nullable"}


def constraint_key(constraint: Constraint) -> tuple[str, Any]:
    """What identifies a constraint within its node: the keyword and, where a node states several, which."""
    if constraint.keyword == "required":
        return "required", constraint.limit
    if constraint.keyword in _FACETED or constraint.is_rule:
        return constraint.keyword, constraint.facet
    return constraint.keyword, None


def _segment(kind: HopKind, key: str | int | None) -> str:
    if kind == "property":
        return f".{key}"
    return {"item": "[*]", "value": ".*"}.get(kind, "")


class Node:
    """One place of a root schema, with the constraints the inventory lists there."""

    __slots__ = (
        "chooser", "components", "constraints", "known", "label", "local", "owner", "parameter", "parameters",
        "resolver", "schema",
    )  # fmt: skip

    def __init__(
        self,
        schema: Mapping[str, Any],
        owner: str,
        local: str,
        resolver: Resolver,
        chooser: BranchChooser,
        label: str | None = None,
        parameters: str | None = None,
        parameter: bool = False,
        components: Callable[[str], Node] | None = None,
    ) -> None:
        self.schema = schema
        self.owner = owner  # the component (or parameter) whose definition states this place
        self.local = local  # the place inside the owner, param style: ".content[*].text"
        self.resolver = resolver
        self.chooser = chooser
        self.label = label  # a branch: the component it refers to
        self.parameters = parameters  # the root of an operation's parameters: "path" or "query"
        self.parameter = parameter  # owned by a parameter, not by a component
        self.components = components  # a component's own tree, by name (for what the inventory does not walk)
        self.constraints: dict[tuple[str, Any], Constraint] = {}
        self.known: dict[HopKey, Node] = {}

    def __repr__(self) -> str:
        return f"Node({self.location!r})"

    @property
    def schema_name(self) -> str | None:
        """The component that states this place; ``None`` for a parameter's."""
        return None if self.parameter else self.owner

    @property
    def location(self) -> str:
        """``Metadata``, ``CreateMessageRequest.attachments[*]``, ``query parameter limit``."""
        return f"{self.owner}{self.local}"

    def at(self, suffix: str) -> str:
        """The location of a place below this node (``.name``), for what has no node of its own."""
        return f"{self.location}{suffix}"

    @property
    def types(self) -> tuple[str, ...]:
        return self.chooser.node_types(self.schema)

    @property
    def is_union(self) -> bool:
        return is_union(self.schema)

    @property
    def tags(self) -> tuple[str, tuple[Any, ...]] | None:
        """The tag property of a tagged object and the values it allows (``const`` or ``enum``).

        The tag need not be required: an optional ``type`` with a default still says which shapes the
        object stands for (the inventory's discriminator, stricter, reads required ``const`` tags only).
        An object that picks one of several shapes (``type: object`` with ``oneOf`` of tagged shapes, as
        specs converted from OpenAPI 3.0 write a union) allows the tags of all its shapes.
        """
        own = _tags(self.schema, self.resolver)
        if own is not None or self.is_union:
            return own
        shapes = self.schema.get("oneOf") or self.schema.get("anyOf")
        found = (
            [_tags(self.resolver.merged(s), self.resolver) for s in shapes]
            if isinstance(shapes, list)
            else []
        )
        if not found or any(f is None for f in found) or len({f[0] for f in found if f}) != 1:
            return None
        return found[0][0] if found[0] else "", tuple(v for f in found if f for v in f[1])

    def properties(self) -> Mapping[str, Any]:
        found = self.schema.get("properties", {})
        return found if isinstance(found, Mapping) else {}

    def raw(self, kind: HopKind, key: str | int | None) -> Any:
        """The schema a hop reaches, as written (a ``$ref`` stays one); ``None`` when there is none."""
        if kind == "property":
            return self.properties().get(str(key))
        if kind == "item":
            items = self.schema.get("items")
            return None if items is None or items is True else items
        if kind == "value":
            extra = self.schema.get("additionalProperties")
            return extra if isinstance(extra, Mapping) else None
        branches = branch_list(self.schema) if self.is_union else []
        return branches[int(key or 0)] if isinstance(key, int) and key < len(branches) else None

    def child(self, kind: HopKind, key: str | int | None = None) -> Node | None:
        """The node one hop below, made from the schema when the inventory listed nothing there."""
        found = self.known.get((kind, key))
        if found is not None:
            return found
        raw = self.raw(kind, key)
        if raw is None:
            return None
        name = Resolver.ref_name(raw)
        alias = _alias(self.resolver.merged(raw))
        if alias is None and kind == "property":
            # a stream event's `data` is JSON text: what its reader gets, and what changes, is the decoded value
            decoded = self.resolver.merged(raw).get("contentSchema")
            alias = Resolver.ref_name(decoded) if Resolver.is_pure_ref(decoded) else None
        if alias is not None and self.components is not None:  # allOf: [X]: the inventory stops there
            node = self.known[(kind, key)] = self.components(alias)
            return node
        parameter = self.parameter or self.parameters is not None
        if self.parameters is not None:
            owner, local = f"{self.parameters} parameter {key}", ""
        elif name is not None and not self.parameter:
            owner, local = name, ""
        else:
            owner, local = self.owner, self.local + _segment(kind, key)
        node = Node(
            self.resolver.merged(raw),
            owner,
            local,
            self.resolver,
            self.chooser,
            label=name if kind == "branch" else None,
            parameter=parameter,
            components=self.components,
        )
        self.known[(kind, key)] = node
        return node

    def branches(self) -> list[Node]:
        if not self.is_union:
            return []
        found = (self.child("branch", index) for index in range(len(branch_list(self.schema))))
        return [node for node in found if node is not None]


def _tags(schema: Mapping[str, Any], resolver: Resolver) -> tuple[str, tuple[Any, ...]] | None:
    properties = schema.get("properties", {})
    for prop in TAG_PROPERTIES:
        raw = properties.get(prop) if isinstance(properties, Mapping) else None
        if raw is None:
            continue
        node = resolver.merged(raw)
        values = [node["const"]] if "const" in node else node.get("enum")
        if isinstance(values, list) and values:
            return prop, tuple(values)
    return None


def _alias(node: Mapping[str, Any]) -> str | None:
    """The component an ``allOf`` of one component (and inert neighbours) stands for."""
    members = node.get("allOf")
    if not isinstance(members, list) or any(k not in _INERT and k != "allOf" for k in node):
        return None
    real = [m for m in members if not (isinstance(m, Mapping) and set(m) <= _INERT)]
    return Resolver.ref_name(real[0]) if len(real) == 1 and Resolver.is_pure_ref(real[0]) else None


def _build(contract: Contract, root: str, location: Location) -> Node:
    if location == "body":
        compiled = contract.compiled(root)
        resolver, chooser, schema = compiled.resolver, compiled.chooser, compiled.body
        found = inventory(root, contract=contract)
        top = Node(schema, root, "", resolver, chooser, components=lambda name: tree(contract, name))
    else:
        schema = root_schema(root, location, contract=contract)
        resolver = Resolver(schema.get("$defs", {}))
        found = parameter_inventory(root, location, contract=contract)
        top = Node(schema, root, "", resolver, BranchChooser(resolver), parameters=location)
    for constraint in found:
        node: Node | None = top
        for hop in constraint.hops:
            node = node.child(hop.kind, hop.key) if node is not None else None
        if node is not None:
            node.constraints[constraint_key(constraint)] = constraint
    return top


def tree(contract: Contract, root: str, location: Location = "body") -> Node:
    """The node tree of a component (``location="body"``) or of an operation's path or query parameters."""
    return contract.memo(("diff-tree", root, location), lambda: _build(contract, root, location))
