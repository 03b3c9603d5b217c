"""Error wording, word for word, for each rule family, as the real API words it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.limits import limit, metadata_keys, too_many_metadata
from threadspec import to_openai_error, validate, validate_request

BASE = {"assistant_id": "asst_1"}
KEYS = metadata_keys()
KEY = limit("ModifyThreadRequest", "metadata", "propertyNames.maxLength")
TOOLS = limit("CreateRunRequest", "tools", "maxItems")

# (case, schema, body, param, code, message)
WORDING: list[tuple[str, str, Any, str | None, str | None, str]] = [
    ("object_above_max_properties", "CreateThreadAndRunRequest", {**BASE, "metadata": too_many_metadata()},
     "metadata", "object_above_max_properties",
     f"Invalid 'metadata': too many properties. Expected an object with at most {KEYS} properties, but got an object with {KEYS + 1} properties instead."),
    ("string_above_max_length", "CreateThreadAndRunRequest", {**BASE, "metadata": {"actual": "x" * 695}},
     "metadata.actual", "string_above_max_length",
     "Invalid 'metadata.actual': string too long. Expected a string with maximum length 512, but got a string with length 695 instead."),
    ("key too long", "ModifyThreadRequest", {"metadata": {"k" * (KEY + 1): "v"}},
     "metadata", "string_above_max_length",
     f"Invalid 'metadata': key too long. Expected a key with maximum length {KEY}, but got a key with length {KEY + 1} instead."),
    ("array_above_max_length", "CreateRunRequest", {**BASE, "tools": [{"type": "code_interpreter"}] * (TOOLS + 1)},
     "tools", "array_above_max_length",
     f"Invalid 'tools': array too long. Expected an array with maximum length {TOOLS}, but got an array with length {TOOLS + 1} instead."),
    ("array_below_min_length", "CreateMessageRequest", {"role": "user", "content": []},
     "content", "array_below_min_length",
     "Invalid 'content': empty array. Expected an array with minimum length 1, but got an empty array instead."),
    ("integer_above_max_value", "CreateRunRequest",
     {**BASE, "tools": [{"type": "file_search", "file_search": {"max_num_results": 130}}]},
     "tools[0].file_search.max_num_results", "integer_above_max_value",
     "Invalid 'tools[0].file_search.max_num_results': integer above maximum value. Expected a value <= 50, but got 130 instead."),
    ("integer_below_min_value", "CreateRunRequest", {**BASE, "max_completion_tokens": -678},
     "max_completion_tokens", "integer_below_min_value",
     "Invalid 'max_completion_tokens': integer below minimum value. Expected a value >= 256, but got -678 instead."),
    ("decimal_above_max_value", "CreateRunRequest", {**BASE, "temperature": 2.5},
     "temperature", "decimal_above_max_value",
     "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5 instead."),
    ("decimal_below_min_value", "CreateRunRequest", {**BASE, "top_p": -0.5},
     "top_p", "decimal_below_min_value",
     "Invalid 'top_p': decimal below minimum value. Expected a value >= 0, but got -0.5 instead."),
    ("unknown_parameter", "CreateThreadAndRunRequest", {**BASE, "thread": {"messages": [{"role": "user", "content": "x", "query": 1}]}},
     "thread.messages[0].query", "unknown_parameter", "Unknown parameter: 'thread.messages[0].query'."),
    ("missing_required_parameter", "CreateThreadAndRunRequest", {**BASE, "thread": {"messages": [{"content": "x"}]}},
     "thread.messages[0].role", "missing_required_parameter", "Missing required parameter: 'thread.messages[0].role'."),
    ("invalid_type", "CreateRunRequest", {**BASE, "temperature": "hot"},
     "temperature", "invalid_type",
     "Invalid type for 'temperature': expected one of a decimal or null, but got a string instead."),
    ("invalid_type union", "CreateMessageRequest", {"role": "user", "content": 5},
     "content", "invalid_type",
     "Invalid type for 'content': expected one of a string or an array, but got an integer instead."),
    ("integer given as decimal", "CreateRunRequest", {**BASE, "max_prompt_tokens": 256.0},
     "max_prompt_tokens", "invalid_type",
     "Invalid type for 'max_prompt_tokens': expected one of an integer or null, but got a decimal instead."),
    ("invalid_value enum", "CreateMessageRequest", {"role": "system", "content": "x"},
     "role", "invalid_value", "Invalid value: 'system'. Supported values are: 'user' and 'assistant'."),
    ("invalid_value discriminator", "CreateRunRequest", {**BASE, "tools": [{"type": "browser"}]},
     "tools[0].type", "invalid_value",
     "Invalid value: 'browser'. Supported values are: 'code_interpreter', 'file_search', and 'function'."),
    ("pattern", "CreateRunRequest", {**BASE, "tools": [{"type": "function", "function": {"name": "get weather"}}]},
     "tools[0].function.name", "invalid_value",
     "Invalid 'tools[0].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]{1,64}$'."),
    ("x-threadspec-rules", "CreateThreadRequest",
     {"tool_resources": {"file_search": {"vector_stores": [{"chunking_strategy": {"type": "static", "static": {
         "max_chunk_size_tokens": 800, "chunk_overlap_tokens": 401}}}]}}},
     "tool_resources.file_search.vector_stores[0].chunking_strategy.static.chunk_overlap_tokens", "integer_above_max_value",
     "Invalid 'tool_resources.file_search.vector_stores[0].chunking_strategy.static.chunk_overlap_tokens': integer above maximum value. Expected a value <= 400, but got 401 instead."),
    ("exactly one of", "CreateThreadRequest",
     {"tool_resources": {"file_search": {"vector_store_ids": ["vs_1"], "vector_stores": []}}},
     "tool_resources.file_search", "invalid_value",
     "Invalid 'tool_resources.file_search': conflicting parameters. Expected exactly one of 'vector_store_ids' or 'vector_stores', but got 2 of them instead."),
    ("tag of the wrong type", "CreateRunRequest", {**BASE, "tools": [{"type": None}]},
     "tools[0].type", "invalid_type", "Invalid type for 'tools[0].type': expected a string, but got null instead."),
    ("enum field named type in a nullable union", "CreateRunRequest", {**BASE, "truncation_strategy": {"type": "x"}},
     "truncation_strategy.type", "invalid_value", "Invalid value: 'x'. Supported values are: 'auto' and 'last_messages'."),
    ("format uri", "CreateMessageRequest",
     {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "example.com/cat.png"}}]},
     "content[0].image_url.url", "invalid_value",
     "Invalid 'content[0].image_url.url'. Expected a valid URL, but got a value with an invalid format."),
    ("body type", "CreateThreadRequest", [1], None, "invalid_type",
     "Invalid type for body: expected an object, but got an array instead."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "schema", "body", "param", "code", "message"), WORDING, ids=[w[0] for w in WORDING]
)
def test_first_error_is_worded_like_the_api(
    case: str, schema: str, body: Any, param: str | None, code: str | None, message: str
) -> None:
    first = validate(body, schema).errors[0]
    assert (first.param, first.code, first.message) == (param, code, message)
    assert to_openai_error(first) == {
        "error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}
    }


def test_wrong_kind_of_id_in_a_path() -> None:
    error = validate_request("getThread", path_params={"thread_id": "undefined"}).errors[0]
    assert (error.param, error.code, error.location) == ("thread_id", None, "path")
    assert error.message == "Invalid 'thread_id': 'undefined'. Expected an ID that begins with 'thread'."


def test_missing_beta_header() -> None:
    error = validate_request("createThread", headers={"Content-Type": "application/json"}).errors[0]
    assert (error.param, error.code, error.location) == (None, "invalid_beta", "header")
    assert error.message == (
        "You must provide the 'OpenAI-Beta' header to access the Assistants API. "
        "Please try again by setting the header 'OpenAI-Beta: assistants=v2'."
    )


@pytest.mark.parametrize(
    ("header", "accepted"),
    [("assistants=v2", True), ("assistants=v2,other=x", True), ("other=x, assistants=v2", True),
     ("assistants=v1", False), ("other=x", False), ("assistants=v2x", False), ("", False)],
)  # fmt: skip
def test_the_beta_header_is_read_as_a_list_of_features(header: str, accepted: bool) -> None:
    errors = validate_request("createThread", headers={"OpenAI-Beta": header}).errors
    assert [e.code for e in errors] == ([] if accepted else ["invalid_beta"])


def test_malformed_json_gets_the_api_sentence() -> None:
    error = validate(b'{"assistant_id": ', "CreateRunRequest").errors[0]
    assert (error.rule, error.param, error.code) == ("input", None, None)
    assert error.message.startswith("We could not parse the JSON body of your request.")
