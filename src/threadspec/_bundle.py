"""What a contract needs at runtime, derived from an OpenAPI 3.1 document: pure functions, no I/O.

``codegen`` writes their results into ``threadspec/_generated/<profile>/`` (one self-contained JSON
Schema per component and the operation index); :meth:`threadspec.Contract.load` computes the same
in memory for a user's own spec file. One derivation, so a loaded contract and a bundled one read
a spec the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from threadspec.facts import EVENT_DATA_MEDIA_TYPE, EVENT_STREAM
from threadspec.rules import RULES_KEYWORD

COMPONENT_PREFIX = "#/components/schemas/"
# Keywords whose values are data, not subschemas: a "$ref" key inside them is not a link.
DATA_KEYWORDS = frozenset({"examples", "example", "default", "const", "enum"})
# Keywords whose values map names to subschemas: their keys are names, never keywords.
NAMED_SUBSCHEMAS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
DIALECT = "https://json-schema.org/draft/2020-12/schema"
# A hierarchical URI, so drafts 4-7 resolvers (which urljoin refs against it) find "#/$defs/..." in the
# document itself; the reserved .invalid TLD guarantees nothing is ever fetched from it.
ID_BASE = "https://threadspec.invalid/schemas/"
# OpenAPI-only keywords that mean nothing to a JSON Schema validator.
OPENAPI_ONLY = frozenset({"discriminator", "xml", "externalDocs", "example"})
METHODS = ("get", "put", "post", "delete", "patch")
ID_PREFIX_KEYWORD = "x-threadspec-id-prefix"


class BundleError(ValueError):
    """A valid OpenAPI document that uses something threadspec does not read (a recursive component,
    an inline request body, a dangling reference)."""


# ---------------------------------------------------------------------------------- $ref links
def iter_refs(node: Any) -> Iterator[str]:
    """The component names that ``node`` references, at any depth."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(COMPONENT_PREFIX):
            yield ref[len(COMPONENT_PREFIX) :]
        for key, value in node.items():
            if key in DATA_KEYWORDS:
                continue
            if key in NAMED_SUBSCHEMAS and isinstance(value, dict):
                for sub in value.values():
                    yield from iter_refs(sub)
            else:
                yield from iter_refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from iter_refs(item)


def closure(schemas: Mapping[str, Any], roots: list[str]) -> list[str]:
    """All components reachable from ``roots`` (roots included), in first-reached order."""
    seen: dict[str, None] = {}
    stack = list(reversed(roots))
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        if name not in schemas:
            raise BundleError(f"{COMPONENT_PREFIX}{name} is referenced but not defined")
        seen[name] = None
        stack.extend(reversed(list(iter_refs(schemas[name]))))
    return list(seen)


def rewrite_refs(node: Any, target: str) -> Any:
    """Copy ``node`` with every component ref pointed at ``target + name``."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(COMPONENT_PREFIX):
                out[key] = target + value[len(COMPONENT_PREFIX) :]
            elif key in DATA_KEYWORDS:
                out[key] = value
            elif key in NAMED_SUBSCHEMAS and isinstance(value, dict):
                out[key] = {name: rewrite_refs(sub, target) for name, sub in value.items()}
            else:
                out[key] = rewrite_refs(value, target)
        return out
    if isinstance(node, list):
        return [rewrite_refs(item, target) for item in node]
    return node


# ---------------------------------------------------------------------------------- component schemas
def _strip_openapi(node: Any) -> Any:
    if isinstance(node, list):
        return [_strip_openapi(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in OPENAPI_ONLY:
            continue
        if key in DATA_KEYWORDS:
            out[key] = value
        elif key in NAMED_SUBSCHEMAS and isinstance(value, dict):
            out[key] = {name: _strip_openapi(sub) for name, sub in value.items()}
        else:
            out[key] = _strip_openapi(value)
    return out


def component_schema(schemas: Mapping[str, Any], name: str, header: str | None = None) -> dict[str, Any]:
    """The component as a standalone 2020-12 schema whose ``$defs`` hold everything it references.

    It stays in the subset that draft 7 tools (schemathesis' generator) read the same way:
    no ``$ref`` siblings at the root, ``$ref`` as plain JSON pointers.
    """
    deps = [dep for dep in closure(schemas, [name]) if dep != name]
    body = rewrite_refs(_strip_openapi(schemas[name]), "#/$defs/")
    if name in {ref for dep in (name, *deps) for ref in iter_refs(schemas[dep])}:
        raise BundleError(f"{name} refers to itself; self-contained schemas need a root alias")
    out: dict[str, Any] = {} if header is None else {"$comment": header}
    out.update({"$schema": DIALECT, "$id": f"{ID_BASE}{name}.json", "title": name})
    out.update(body)
    if deps:
        out["$defs"] = {dep: rewrite_refs(_strip_openapi(schemas[dep]), "#/$defs/") for dep in sorted(deps)}
    return out


def component_schemas(document: Mapping[str, Any], header: str | None = None) -> dict[str, dict[str, Any]]:
    """Every component of the document as a self-contained schema, in spec order."""
    schemas: Mapping[str, Any] = document.get("components", {}).get("schemas", {})
    return {name: component_schema(schemas, name, header) for name in schemas}


# ---------------------------------------------------------------------------------- operation index
def _resolve(document: Mapping[str, Any], node: Any) -> Any:
    """Follow a ``#/components/<kind>/<name>`` ref (parameters and responses are small)."""
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        parts = node["$ref"].split("/")
        found = document.get("components", {}).get(parts[2], {}) if len(parts) == 4 else {}
        if len(parts) != 4 or parts[0] != "#" or parts[3] not in found or seen > 32:
            raise BundleError(f"cannot resolve {node['$ref']!r}")
        node, seen = found[parts[3]], seen + 1
    return node


def _schema_name(schema: Any) -> str:
    ref = schema.get("$ref", "") if isinstance(schema, dict) else ""
    if not ref.startswith(COMPONENT_PREFIX):
        raise BundleError(f"bodies must reference a named component, found {schema!r}")
    return str(ref[len(COMPONENT_PREFIX) :])


def _inline(document: Mapping[str, Any], node: Any, depth: int = 0) -> Any:
    """A parameter's schema with the components it references copied in (parameters stand alone)."""
    if depth > 32:
        raise BundleError("a parameter schema refers to itself")
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str) and node["$ref"].startswith(COMPONENT_PREFIX):
            return _inline(document, _resolve(document, node), depth + 1)
        return {k: v if k in DATA_KEYWORDS else _inline(document, v, depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(document, item, depth + 1) for item in node]
    return node


def _parameter(document: Mapping[str, Any], raw: Any) -> dict[str, Any]:
    param = _resolve(document, raw)
    out: dict[str, Any] = {
        "name": param["name"],
        "in": param["in"],
        "required": bool(param.get("required", False)),
        "schema": _inline(document, dict(param.get("schema", {}))),
    }
    if ID_PREFIX_KEYWORD in param:
        out["id_prefix"] = param[ID_PREFIX_KEYWORD]
    return out


def _event_branches(schemas: Mapping[str, Any], name: str, depth: int = 0) -> list[str]:
    """The event components a stream schema allows: the schema itself, or its union's branches, flattened."""
    if name not in schemas:
        raise BundleError(f"{COMPONENT_PREFIX}{name} is referenced but not defined")
    if depth > 32:
        raise BundleError(f"{name}: a stream's event union refers to itself")
    union = schemas[name].get("oneOf")
    if union is None:
        return [name]
    return [leaf for branch in union for leaf in _event_branches(schemas, _schema_name(branch), depth + 1)]


def stream_events(document: Mapping[str, Any], name: str) -> dict[str, str | None]:
    """Each event a stream of ``name`` events may carry, and the component its ``data`` encodes as JSON.

    Read from the spec's description of one event (the standard one, which tools such as schemathesis
    read too): ``event`` is a ``const``; ``data`` is a string that either carries ``contentMediaType:
    application/json`` and a ``contentSchema`` naming a component (the value is that component), or is
    plain text its own schema pins down (``None``, as ``done``'s ``[DONE]``).
    """
    schemas: Mapping[str, Any] = document.get("components", {}).get("schemas", {})
    events: dict[str, str | None] = {}
    for branch in _event_branches(schemas, name):
        properties = schemas[branch].get("properties", {})
        event, data = properties.get("event", {}), properties.get("data", {})
        if "const" not in event or data.get("type") != "string":
            raise BundleError(f"{branch}: a stream event needs a const `event` and a string `data`")
        media = data.get("contentMediaType")
        if media is None:
            events[event["const"]] = None
        elif media == EVENT_DATA_MEDIA_TYPE and "contentSchema" in data:
            events[event["const"]] = _schema_name(data["contentSchema"])
        else:
            raise BundleError(
                f"{branch}: `data` must carry {EVENT_DATA_MEDIA_TYPE} with a contentSchema, found {media!r}"
            )
    return events


def operation_index(document: Mapping[str, Any], header: str | None = None) -> dict[str, Any]:
    """Every operation by operationId: method, path, one-line summary, parameters, request and response schema names, and
    for each event-stream response the component each event's ``data`` encodes (``stream_events``)."""
    operations: dict[str, Any] = {}
    for path, item in document.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            if "operationId" not in op:
                raise BundleError(f"{method.upper()} {path} has no operationId")
            params = [_parameter(document, p) for p in [*shared, *op.get("parameters", [])]]
            body = _resolve(document, op["requestBody"]) if "requestBody" in op else None
            request_body = None
            if body is not None:
                content = body.get("content", {})
                if "application/json" not in content:
                    raise BundleError(f"{op['operationId']}: only application/json request bodies are read")
                request_body = {
                    "schema": _schema_name(content["application/json"].get("schema")),
                    "required": bool(body.get("required", False)),
                    "content_type": "application/json",
                }
            responses: dict[str, dict[str, str]] = {}
            streams: dict[str, dict[str, str | None]] = {}
            for status, raw in op.get("responses", {}).items():
                response = _resolve(document, raw)
                responses[str(status)] = {
                    media: _schema_name(media_obj.get("schema"))
                    for media, media_obj in response.get("content", {}).items()
                }
                if EVENT_STREAM in responses[str(status)]:
                    streams[str(status)] = stream_events(document, responses[str(status)][EVENT_STREAM])
            operations[op["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "summary": op.get("summary", ""),
                "parameters": params,
                "request_body": request_body,
                "responses": responses,
                "stream_events": streams,
            }
    return {"operations": operations} if header is None else {"$comment": header, "operations": operations}


def unknown_rules(document: Mapping[str, Any], known: frozenset[str]) -> list[str]:
    """``component: entry`` for every ``x-threadspec-rules`` entry whose rule is not in ``known``."""

    def walk(node: Any) -> Iterator[Any]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == RULES_KEYWORD:
                    yield from value if isinstance(value, list) else [value]
                elif key not in DATA_KEYWORDS:
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    schemas = document.get("components", {}).get("schemas", {})
    return [
        f"{name}: {rule!r}"
        for name, schema in schemas.items()
        for rule in walk(schema)
        if not isinstance(rule, dict) or rule.get("rule") not in known
    ]
