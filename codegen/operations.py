"""The operation index: what the validator, mock and contract runner look operations up in."""

from __future__ import annotations

from typing import Any

from codegen.options import HEADER
from codegen.refs import COMPONENT_PREFIX

METHODS = ("get", "put", "post", "delete", "patch")
STREAM_MEDIA = "text/event-stream"
# the only content an event's `data` may declare (threadspec.facts.EVENT_DATA_MEDIA_TYPE, which the
# validator decodes); anything else is refused at generation time
EVENT_CONTENT = "application/json"


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow a ``#/components/...`` ref one level (parameters and responses are small)."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        _, _, kind, name = node["$ref"].split("/")
        return spec["components"][kind][name]
    return node


def _schema_name(schema: dict[str, Any]) -> str:
    ref = schema.get("$ref", "")
    if not ref.startswith(COMPONENT_PREFIX):
        raise ValueError(f"bodies must reference a named component, found {schema!r}")
    return str(ref[len(COMPONENT_PREFIX) :])


def _parameter(spec: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    param = _resolve(spec, raw)
    schema = dict(param["schema"])
    items = schema.get("items")
    if isinstance(items, dict) and "$ref" in items:
        schema["items"] = spec["components"]["schemas"][_schema_name(items)]
    out: dict[str, Any] = {
        "name": param["name"],
        "in": param["in"],
        "required": bool(param.get("required", False)),
        "schema": schema,
    }
    if "x-threadspec-id-prefix" in param:
        out["id_prefix"] = param["x-threadspec-id-prefix"]
    return out


def _event_branches(spec: dict[str, Any], name: str) -> list[str]:
    """The event components a stream schema allows: the schema itself, or its union's branches, flattened."""
    schema = spec["components"]["schemas"][name]
    if "oneOf" not in schema:
        return [name]
    return [leaf for branch in schema["oneOf"] for leaf in _event_branches(spec, _schema_name(branch))]


def stream_events(spec: dict[str, Any], name: str) -> dict[str, str | None]:
    """Each event a stream of ``name`` events may carry, and the component its ``data`` encodes as JSON.

    Read from the spec's description of one event: ``event`` is a ``const``; ``data`` is a string
    that either carries ``contentMediaType: application/json`` and a ``contentSchema`` naming a
    component (the value is that component), or is plain text its own schema pins down (``None``).
    """
    events: dict[str, str | None] = {}
    for branch in _event_branches(spec, name):
        properties = spec["components"]["schemas"][branch].get("properties", {})
        event, data = properties.get("event", {}), properties.get("data", {})
        if "const" not in event or data.get("type") != "string":
            raise ValueError(f"{branch}: a stream event needs a const `event` and a string `data`")
        media = data.get("contentMediaType")
        if media is None:
            events[event["const"]] = None
        elif media == EVENT_CONTENT and "contentSchema" in data:
            events[event["const"]] = _schema_name(data["contentSchema"])
        else:
            raise ValueError(
                f"{branch}: `data` must carry {EVENT_CONTENT} with a contentSchema, found {media!r}"
            )
    return events


def operation_index(spec: dict[str, Any]) -> dict[str, Any]:
    operations: dict[str, Any] = {}
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            params = [_parameter(spec, p) for p in [*shared, *op.get("parameters", [])]]
            body = op.get("requestBody")
            request_body = None
            if body is not None:
                content = body["content"]["application/json"]
                request_body = {
                    "schema": _schema_name(content["schema"]),
                    "required": bool(body.get("required", False)),
                    "content_type": "application/json",
                }
            responses: dict[str, dict[str, str]] = {}
            streams: dict[str, dict[str, str | None]] = {}
            for status, raw in op["responses"].items():
                response = _resolve(spec, raw)
                responses[status] = {
                    media: _schema_name(media_obj["schema"])
                    for media, media_obj in response.get("content", {}).items()
                }
                if STREAM_MEDIA in responses[status]:
                    streams[status] = stream_events(spec, responses[status][STREAM_MEDIA])
            operations[op["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "parameters": params,
                "request_body": request_body,
                "responses": responses,
                "stream_events": streams,
            }
    return {"$comment": HEADER, "operations": operations}
