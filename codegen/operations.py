"""The operation index: what the validator, mock and contract runner look operations up in."""

from __future__ import annotations

from typing import Any

from codegen.options import HEADER
from codegen.refs import COMPONENT_PREFIX

METHODS = ("get", "put", "post", "delete", "patch")


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
            for status, raw in op["responses"].items():
                response = _resolve(spec, raw)
                responses[status] = {
                    media: _schema_name(media_obj["schema"])
                    for media, media_obj in response.get("content", {}).items()
                }
            operations[op["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "parameters": params,
                "request_body": request_body,
                "responses": responses,
            }
    return {"$comment": HEADER, "operations": operations}
