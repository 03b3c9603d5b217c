"""What the positive check sends: generated valid requests, with the values a server decides for itself
(the assistant a run names, the model) set to ones it has."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threadspec import contract_for, spec, validate
from threadspec.contract.positive import request_strategy
from threadspec.contract.resources import MODEL


@pytest.mark.parametrize(
    "operation_id", ["createAssistant", "modifyAssistant", "createRun", "createThreadAndRun"]
)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_generated_bodies_are_valid_and_name_a_model_the_server_has(operation_id: str, data: Any) -> None:
    operation = spec.operation(operation_id)
    _, body = data.draw(request_strategy(contract_for("v2"), operation, "asst_theirs"))
    assert operation.request_schema is not None
    assert validate(body, operation.request_schema).valid
    assert body.get("model") in (MODEL, None)
    if operation_id.startswith("create") and operation_id != "createAssistant":
        assert body["assistant_id"] == "asst_theirs"
    if operation_id == "createAssistant":
        assert body["model"] == MODEL  # required there: always named
