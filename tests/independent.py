"""A second opinion on what a schema allows: schemathesis' own JSON Schema generator, not threadspec's.

Tests that hold threadspec's validator, models and mock to the JSON Schemas it emits draw their payloads
here, so that a mistake shared by threadspec's strategies and its validator cannot hide itself. The
engine is schemathesis 4's (``schemathesis.generation.jsonschema``, pinned with schemathesis in the dev
extra); it knows JSON Schema, not threadspec's own semantics (ECMA-262 ``$``, ``x-threadspec-rules``).
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs
from hypothesis import strategies as st
from schemathesis.generation.jsonschema.builder import build
from schemathesis.specs.openapi.formats import get_default_format_strategies

DRAFT_7 = jsonschema_rs.Draft7
DRAFT_2020_12 = jsonschema_rs.Draft202012


def from_schema(schema: dict[str, Any], draft: int = DRAFT_2020_12) -> st.SearchStrategy[Any]:
    """Values ``schema`` accepts, read as ``draft`` reads it; ``format`` asserted as schemathesis asserts it
    (``uri``: an https URL)."""
    return build(schema, draft=draft, formats=get_default_format_strategies())
