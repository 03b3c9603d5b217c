"""The emitted JSON Schemas stay in the subset that drafts 4/6/7 tools read, hypothesis-jsonschema first."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft7Validator, Draft202012Validator

from threadspec import spec

REQUEST_SCHEMAS = sorted({op.request_schema for op in spec.operations().values() if op.request_schema})
# built once: canonicalising a schema is the expensive part; each gets the file as emitted (a copy,
# since hypothesis-jsonschema rewrites what it is given), no derived view
DRAWS = {name: from_schema(spec.schema(name)) for name in REQUEST_SCHEMAS}


@pytest.mark.parametrize("name", spec.schema_names())
def test_every_emitted_schema_is_a_valid_draft_7_schema(name: str) -> None:
    Draft7Validator.check_schema(spec.schema(name))
    Draft202012Validator.check_schema(spec.schema(name))


@pytest.mark.parametrize("name", REQUEST_SCHEMAS)
@settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]
)
@given(data=st.data())
def test_hypothesis_jsonschema_draws_from_the_emitted_request_schema(name: str, data: st.DataObject) -> None:
    body: Any = data.draw(DRAWS[name])
    # the draw honours the schema as drafts 4-7 tools read it (Python regex semantics, as hypothesis uses)
    assert Draft202012Validator(spec.schema(name)).is_valid(body)
