"""The emitted JSON Schemas stay in the subset that draft 7 tools read: a draft 7 generator draws from them."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator, Draft202012Validator

from tests.independent import DRAFT_7, from_schema
from threadspec import spec

REQUEST_SCHEMAS = sorted({op.request_schema for op in spec.operations().values() if op.request_schema})
# built once: canonicalising a schema is the expensive part; each gets the file as emitted, no derived view
DRAWS = {name: from_schema(spec.schema(name), DRAFT_7) for name in REQUEST_SCHEMAS}


@pytest.mark.parametrize("name", spec.schema_names())
def test_every_emitted_schema_is_a_valid_draft_7_schema(name: str) -> None:
    Draft7Validator.check_schema(spec.schema(name))
    Draft202012Validator.check_schema(spec.schema(name))


@pytest.mark.parametrize("name", REQUEST_SCHEMAS)
@settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]
)
@given(data=st.data())
def test_a_draft_7_generator_draws_from_the_emitted_request_schema(name: str, data: st.DataObject) -> None:
    body: Any = data.draw(DRAWS[name])
    # the draw honours the schema as draft 7 tools read it (Python regex semantics, as hypothesis uses)
    assert Draft202012Validator(spec.schema(name)).is_valid(body)
