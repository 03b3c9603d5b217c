"""One self-contained JSON Schema per component."""

from __future__ import annotations

from typing import Any

from codegen.options import HEADER
from codegen.refs import DATA_KEYWORDS, NAMED_SUBSCHEMAS, closure, rewrite_refs

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# A hierarchical URI, so drafts 4-7 resolvers (which urljoin refs against it) find "#/$defs/..." in the
# document itself; the reserved .invalid TLD guarantees nothing is ever fetched from it.
ID_BASE = "https://threadspec.invalid/schemas/"
# OpenAPI-only keywords that mean nothing to a JSON Schema validator.
OPENAPI_ONLY = frozenset({"discriminator", "xml", "externalDocs", "example"})


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


def component_schema(schemas: dict[str, Any], name: str) -> dict[str, Any]:
    """The component as a standalone 2020-12 schema whose ``$defs`` hold everything it references.

    It stays in the subset that drafts 4/6/7 tools (hypothesis-jsonschema) read the same way:
    no ``$ref`` siblings at the root, ``$ref`` as plain JSON pointers.
    """
    deps = [dep for dep in closure(schemas, [name]) if dep != name]
    body = rewrite_refs(_strip_openapi(schemas[name]), "#/$defs/")
    if name in {ref for dep in deps for ref in closure(schemas, [dep])}:
        raise ValueError(f"{name} refers to itself; self-contained schemas need a root alias")
    out: dict[str, Any] = {
        "$comment": HEADER,
        "$schema": DIALECT,
        "$id": f"{ID_BASE}{name}.json",
        "title": name,
    }
    out.update(body)
    if deps:
        out["$defs"] = {dep: rewrite_refs(_strip_openapi(schemas[dep]), "#/$defs/") for dep in sorted(deps)}
    return out


def all_component_schemas(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return {name: component_schema(schemas, name) for name in schemas}
