"""The bundled contract: component schemas, the OpenAPI document and the operation index.

Everything is read from ``threadspec/_generated`` (written by ``make generate``), so an installed
package needs no file outside itself. Lookups are cached; the returned objects must not be mutated.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from threadspec.errors import UnknownOperationError, UnknownSchemaError

_GENERATED = resources.files("threadspec") / "_generated"


def _load(relative: str) -> Any:
    return json.loads((_GENERATED / relative).read_text(encoding="utf-8"))


@cache
def openapi() -> dict[str, Any]:
    """The whole spec as a JSON object."""
    document: dict[str, Any] = _load("openapi.json")
    return document


@cache
def schema_names() -> tuple[str, ...]:
    """Every component name, in spec order."""
    return tuple(openapi()["components"]["schemas"])


@cache
def _schema_name_set() -> frozenset[str]:
    return frozenset(schema_names())


@cache
def shared_schema(name: str) -> dict[str, Any]:
    """The cached schema that threadspec's own modules read; never mutate it (use :func:`schema`)."""
    if name not in _schema_name_set():
        raise UnknownSchemaError(name, list(schema_names()))
    document: dict[str, Any] = _load(f"schemas/{name}.json")
    return document


def schema(name: str) -> dict[str, Any]:
    """The self-contained JSON Schema (2020-12) of one component: a fresh copy, the caller's to change.

    Copies, because some consumers rewrite what they are given (hypothesis-jsonschema canonicalises
    schemas in place), and a shared cached dict would carry that into every later validation.
    """
    return copy.deepcopy(shared_schema(name))


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    location: str  # "path", "query" or "header"
    required: bool
    schema: dict[str, Any]
    id_prefix: str | None


@dataclass(frozen=True, slots=True)
class Operation:
    operation_id: str
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    request_schema: str | None
    request_body_required: bool
    responses: dict[str, dict[str, str]]
    # per status with an event stream: each event's name and the component its `data` encodes as
    # JSON (None: the data is plain text its event schema pins down), read from `contentSchema`
    stream_events: dict[str, dict[str, str | None]]

    def parameters_in(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    def response_schema(self, status: int | str, content_type: str = "application/json") -> str | None:
        """The schema of a response, or ``None`` when the spec declares no body for it."""
        media = self.responses.get(str(status), {})
        return media.get(content_type.split(";")[0].strip())

    @property
    def streams(self) -> bool:
        return any("text/event-stream" in media for media in self.responses.values())


@cache
def operations() -> dict[str, Operation]:
    """Every operation by operationId, in spec order."""
    index = _load("operations.json")["operations"]
    return {
        op_id: Operation(
            operation_id=op_id,
            method=raw["method"],
            path=raw["path"],
            parameters=tuple(
                Parameter(p["name"], p["in"], p["required"], p["schema"], p.get("id_prefix"))
                for p in raw["parameters"]
            ),
            request_schema=(raw["request_body"] or {}).get("schema"),
            request_body_required=bool((raw["request_body"] or {}).get("required", False)),
            responses=raw["responses"],
            stream_events=raw["stream_events"],
        )
        for op_id, raw in index.items()
    }


def operation(operation_id: str) -> Operation:
    ops = operations()
    if operation_id not in ops:
        raise UnknownOperationError(operation_id, list(ops))
    return ops[operation_id]


@cache
def manifest() -> dict[str, Any]:
    """Spec hash and generator versions of the bundled artefacts."""
    document: dict[str, Any] = _load("manifest.json")
    return document
