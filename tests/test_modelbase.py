"""What the generated models build on: NOT_SENT is falsy and not None, maps read like mappings."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

import threadspec
from threadspec import models
from threadspec.models import NOT_SENT

MESSAGE = {"role": "user", "content": "Hello"}


def test_a_field_left_out_holds_not_sent_which_is_falsy_and_not_none() -> None:
    left_out = threadspec.parse(MESSAGE, models.CreateMessageRequest)
    sent_null = threadspec.parse({**MESSAGE, "attachments": None}, models.CreateMessageRequest)
    assert left_out.attachments is NOT_SENT and not left_out.attachments
    assert sent_null.attachments is None and not sent_null.attachments
    assert left_out.attachments != sent_null.attachments
    assert repr(NOT_SENT) == str(NOT_SENT) == "NOT_SENT"


@pytest.mark.parametrize(
    "body",
    [MESSAGE, {**MESSAGE, "attachments": None}, {**MESSAGE, "metadata": {"a": "b"}, "attachments": []}],
)
def test_a_model_dumps_back_to_the_json_it_was_read_from(body: dict[str, Any]) -> None:
    model = threadspec.parse(body, models.CreateMessageRequest)
    assert model.model_dump(mode="json") == body
    assert models.CreateMessageRequest.model_validate_json(model.model_dump_json()) == model


def test_not_sent_passed_to_a_constructor_is_left_out() -> None:
    model = models.CreateMessageRequest(role="user", content="Hello", metadata=NOT_SENT, attachments=None)
    assert model.metadata is NOT_SENT and model.attachments is None
    assert model.model_fields_set == {"role", "content", "attachments"}


def test_not_sent_survives_copies_and_pickles() -> None:
    model = threadspec.parse(MESSAGE, models.CreateMessageRequest)
    assert copy.deepcopy(model).metadata is NOT_SENT
    assert pickle.loads(pickle.dumps(model)).metadata is NOT_SENT


def test_a_json_schema_of_a_model_states_no_default_for_a_field_left_out() -> None:
    schema = models.CreateMessageRequest.model_json_schema()  # the suite turns warnings into errors
    assert "default" not in schema["properties"]["attachments"]
    assert schema["required"] == ["role", "content"]


def test_metadata_reads_like_a_mapping() -> None:
    run = threadspec.parse({"assistant_id": "asst_1", "metadata": {"customer": "cus_42"}}, "CreateRunRequest")
    assert run.metadata
    assert run.metadata["customer"] == "cus_42"
    assert run.metadata.get("other") is None
    assert "customer" in run.metadata and dict(run.metadata) == {"customer": "cus_42"}
    assert run.metadata == {"customer": "cus_42"}
    with pytest.raises(KeyError):
        _ = run.metadata["other"]


def test_null_metadata_is_an_empty_mapping_that_is_not_an_empty_object() -> None:
    cleared = threadspec.parse({"metadata": None}, "ModifyThreadRequest").metadata
    empty = threadspec.parse({"metadata": {}}, "ModifyThreadRequest").metadata
    assert not cleared and not empty and len(cleared) == 0 and list(cleared) == []
    assert cleared != empty  # null clears, {} sets nothing: two different requests
    assert cleared == {} and empty == {}
