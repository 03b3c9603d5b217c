"""An operation of the contract as the validator, middleware, mock and runner read it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from threadspec.facts import EVENT_STREAM


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
    summary: str = ""  # the spec's one line on what the operation does

    def parameters_in(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    def response_schema(self, status: int | str, content_type: str = "application/json") -> str | None:
        """The schema of a response, or ``None`` when the spec declares no body for it."""
        media = self.responses.get(str(status), {})
        return media.get(content_type.split(";")[0].strip())

    @property
    def streams(self) -> bool:
        return any(EVENT_STREAM in media for media in self.responses.values())

    @classmethod
    def from_index(cls, operation_id: str, raw: Mapping[str, Any]) -> Operation:
        """The operation from its entry in the operation index (``operations.json``)."""
        body = raw["request_body"] or {}
        return cls(
            operation_id=operation_id,
            method=raw["method"],
            path=raw["path"],
            parameters=tuple(
                Parameter(p["name"], p["in"], p["required"], p["schema"], p.get("id_prefix"))
                for p in raw["parameters"]
            ),
            request_schema=body.get("schema"),
            request_body_required=bool(body.get("required", False)),
            responses=raw["responses"],
            stream_events=raw["stream_events"],
            summary=raw["summary"],
        )
