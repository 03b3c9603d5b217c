"""Response properties the spec does not define, found by walking a body alongside its schema.

Objects of the API are open (a newer API may add fields), so unknown properties do not break the
schema; they are reported as a warning. An object that lacks a required property *and* carries
unknown ones most likely renamed it: the unknown names go with the missing property's finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from threadspec._branches import BranchChooser, branch_list, is_union
from threadspec._contract import Contract
from threadspec._refs import Resolver
from threadspec.contract import titles
from threadspec.contract.exchange import Exchange
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.objects import OPAQUE, Path, pointer_of

KEY = "unknown-property"


@dataclass(slots=True)
class Unknown:
    problems: list[Problem] = field(default_factory=list)
    # pointer of an object missing a required property → the unknown names it carries instead
    renamed: dict[str, list[str]] = field(default_factory=dict)


def unknown_properties(
    schema: str, body: Any, exchange: Exchange, contract: Contract, base: Path = ()
) -> Unknown:
    compiled = contract.compiled(schema)
    found = Unknown()
    _Walk(compiled.resolver, compiled.chooser, exchange, found).walk(body, compiled.root, schema, base)
    return found


@dataclass(slots=True)
class _Walk:
    resolver: Resolver
    chooser: BranchChooser
    exchange: Exchange
    found: Unknown

    def walk(self, value: Any, raw: Any, component: str, at: Path) -> None:
        component = self.resolver.ref_name(raw) or component
        node = self.resolver.merged(raw)
        if is_union(node):
            for branch in branch_list(node):
                if self.chooser.is_of(value, branch):
                    self.walk(value, branch, component, at)
                    return
            return
        if isinstance(value, dict):
            self.object(value, node, component, at)
        elif isinstance(value, list) and isinstance(node.get("items"), dict):
            for index, item in enumerate(value):
                self.walk(item, node["items"], component, (*at, index))

    def object(self, value: dict[str, Any], node: Mapping[str, Any], component: str, at: Path) -> None:
        properties = node.get("properties")
        if not isinstance(properties, dict):
            return
        for name, sub in properties.items():
            if name in value and name not in OPAQUE:
                self.walk(value[name], sub, component, (*at, name))
        if "additionalProperties" in node and node["additionalProperties"] is not True:
            return  # closed (the schema reports extras) or a map (any key is data)
        extra = [name for name in value if name not in properties]
        if not extra:
            return
        if any(name not in value for name in node.get("required", ())):
            self.found.renamed[pointer_of(at)] = extra
            return
        for name in extra:
            where = f"{component}.{name}"
            title = titles.unknown_property(where)
            self.found.problems.append(
                Problem(KEY, Severity.WARNING, title, where, self.exchange, (pointer_of((*at, name)),))
            )
