"""Reading a hand-maintained OpenAPI document in tests: refs, operations, examples, and limit locations.

Each profile's tests use it, so that a check is written once whatever document it reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC_DIR = ROOT / "spec"
# keys whose values are data, not schemas: walking into them would report example objects as shapes
DATA_KEYS = ("examples", "example", "enum", "const", "default")
METHODS = ("get", "post", "delete", "put", "patch")
# a row of a limits table: (schema, location, keyword, the value the API documented)
Row = tuple[str, str, str, Any]


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    op: dict[str, Any]
    item: dict[str, Any]


@dataclass(frozen=True)
class Document:
    path: Path
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def load(cls, name: str) -> Document:
        path = SPEC_DIR / name
        return cls(path, yaml.safe_load(path.read_text(encoding="utf-8")))

    @property
    def schemas(self) -> dict[str, Any]:
        schemas: dict[str, Any] = self.raw["components"]["schemas"]
        return schemas

    def resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            _, _, kind, name = node["$ref"].split("/")
            node = self.raw["components"][kind][name]
        return node

    def operations(self) -> dict[str, Operation]:
        return {
            op["operationId"]: Operation(method, path, op, item)
            for path, item in self.raw["paths"].items()
            for method, op in item.items()
            if method in METHODS
        }

    def parameters(self, op_id: str) -> list[dict[str, Any]]:
        found = self.operations()[op_id]
        return [self.resolve(p) for p in [*found.item.get("parameters", []), *found.op.get("parameters", [])]]

    def response_schema(self, op_id: str, status: str, media: str = "application/json") -> dict[str, Any]:
        response = self.resolve(self.operations()[op_id].op["responses"][status])
        schema: dict[str, Any] = response["content"][media]["schema"]
        return schema

    def examples(self) -> list[tuple[str, Any, Any]]:
        """Every example under a component, with where it sits and the schema node it illustrates."""
        return [
            (f"{name}{where}/examples/{index}", example, node)
            for name, schema in self.schemas.items()
            for where, node in walk(schema)
            if isinstance(node, dict) and "examples" in node
            for index, example in enumerate(node["examples"])
        ]

    def as_json_schema(self, node: Any) -> dict[str, Any]:
        """``node`` as a standalone JSON Schema whose ``$defs`` are the components."""
        return {"$defs": _relink(self.schemas), **_relink(node)}

    def alternatives(self, node: Any) -> list[Any]:
        """The schema and, recursively, the branches of its unions, refs resolved."""
        node = self.resolve(node)
        out = [node]
        for key in ("anyOf", "oneOf"):
            for branch in node.get(key, []) if isinstance(node, dict) else []:
                if set(self.resolve(branch)) != {"required"}:
                    out.extend(self.alternatives(branch))
        return out

    def locate(self, schema: str, location: str) -> list[Any]:
        """The schema nodes at a dotted location (``thread.messages[*].file_ids``), through unions and refs."""
        nodes = self.alternatives(self.schemas[schema])
        for part in filter(None, location.replace("[*]", ".[*]").split(".")):
            step = []
            for node in nodes:
                if part == "[*]" and "items" in node:
                    step.extend(self.alternatives(node["items"]))
                elif part in node.get("properties", {}):
                    step.extend(self.alternatives(node["properties"][part]))
            assert step, f"{schema}: nothing at {location!r} (stuck at {part!r})"
            nodes = step
        return nodes


def _relink(value: Any) -> Any:
    return json.loads(json.dumps(value).replace("#/components/schemas/", "#/$defs/"))


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every schema node below ``node`` with its JSON-pointer-like path; data values are not entered."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in DATA_KEYS:
                yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


def keyword(node: Any, dotted: str) -> Any:
    """``node["a"]["b"]`` for ``"a.b"``, or None when any part is missing."""
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def documented_facts(rows: list[Row]) -> dict[str, list[Row]]:
    """The rows of a limits table by documented fact: the field, the keyword and the API's value.

    One fact is one test, so a documented limit changed in the spec fails one test, which lists every
    location that no longer states the API's value.
    """
    facts: dict[str, list[Row]] = {}
    for row in rows:
        _, location, name, expected = row
        field_name = location.rsplit(".", 1)[-1] or "<root>"
        facts.setdefault(f"{field_name}:{name}={json.dumps(expected)}", []).append(row)
    return facts


def states(name: str, expected: Any, found: list[Any]) -> bool:
    """Whether one of the nodes at a location states the documented value (a subset, for ``required``)."""
    if name == "required":
        return any(isinstance(f, list) and set(expected) <= set(f) for f in found)
    return expected in found


def not_as_documented(fact: str, wrong: list[str], table: str) -> str:
    """The failure message of a fidelity table: which locations differ, and that failing is its purpose."""
    return (
        f"{fact} is what the API documented, but the spec states otherwise at: {'; '.join(wrong)}. This is a "
        "fidelity test: it fails on purpose when a documented limit changes in the spec. If the change is "
        f"deliberate, change the documented value in {table} too (README: Changing the spec)."
    )
