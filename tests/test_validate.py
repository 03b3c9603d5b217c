"""The public validation API: verdicts, locations, raise-first, bytes or values, hostile input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import threadspec
from tests.limits import too_many_metadata
from threadspec import (
    ForeignModelError,
    InvalidPayloadError,
    MalformedPayloadError,
    PayloadError,
    ThreadspecError,
    UnknownOperationError,
    UnknownSchemaError,
    contract_for,
    ensure_valid,
    ensure_valid_request,
    ensure_valid_response,
    is_valid,
    models,
    parse,
    validate,
    validate_request,
    validate_response,
)
from threadspec._decode import MAX_DEPTH, depth_exceeds

VALID = {"assistant_id": "asst_1", "thread": {"messages": [{"role": "user", "content": "hi"}]}}
TWO_ERRORS = {"assistant_id": 5, "temperature": 9}


@pytest.mark.parametrize("form", ["dict", "bytes", "str", "bytearray", "memoryview"])
def test_bytes_text_or_values_give_the_same_verdict(form: str) -> None:
    text = json.dumps(TWO_ERRORS)
    body: Any = {
        "dict": TWO_ERRORS,
        "bytes": text.encode(),
        "str": text,
        "bytearray": bytearray(text.encode()),
        "memoryview": memoryview(text.encode()),
    }[form]
    result = validate(body, "CreateThreadAndRunRequest")
    assert not result.valid and not result
    assert [(e.pointer, e.param, e.rule, e.limit) for e in result.errors] == [
        ("/assistant_id", "assistant_id", "type", "string"),
        ("/temperature", "temperature", "maximum", 2),
    ]
    assert is_valid(body, "CreateThreadAndRunRequest") is False


def test_valid_payload_has_no_errors() -> None:
    result = validate(VALID, "CreateThreadAndRunRequest")
    assert result.valid and result.errors == [] and result.schema == "CreateThreadAndRunRequest"
    assert result.to_dict() == {"valid": True, "errors": []}
    assert is_valid(json.dumps(VALID).encode(), "CreateThreadAndRunRequest")


@pytest.mark.parametrize("check", [validate, is_valid, ensure_valid, threadspec.iter_errors, parse])
def test_the_schema_is_always_named_never_assumed(check: Any) -> None:
    with pytest.raises(TypeError, match="schema"):
        check(VALID)


def test_a_model_class_names_its_schema_and_its_contract() -> None:
    assert validate(VALID, models.CreateThreadAndRunRequest).schema == "CreateThreadAndRunRequest"
    assert not is_valid({"assistant_id": 1}, models.CreateThreadAndRunRequest)
    over = {"metadata": too_many_metadata(profile="v1")}
    assert [e.rule for e in validate(over, models.v1.ModifyThreadRequest).errors] == ["maxProperties"]


def test_violation_carries_pointer_param_rule_limit_value_and_message() -> None:
    body = {
        **VALID,
        "thread": {"messages": [{}, {}, {"role": "user", "content": "x" * 0, "metadata": {"k": "v" * 600}}]},
    }
    error = next(e for e in validate(body, "CreateThreadAndRunRequest").errors if e.rule == "maxLength")
    assert error.pointer == "/thread/messages/2/metadata/k"
    assert error.param == "thread.messages[2].metadata.k"
    assert (error.limit, error.code, error.location) == (512, "string_above_max_length", "body")
    assert len(error.value) <= 80 and error.value.endswith("…")
    assert error.to_dict()["message"] == error.message


def test_json_pointer_escapes_slash_and_tilde() -> None:
    error = validate({"metadata": {"a/b~c": "v" * 513}}, "ModifyThreadRequest").errors[0]
    assert error.pointer == "/metadata/a~1b~0c"


def test_collect_all_finds_every_error() -> None:
    body = {"assistant_id": "a", "metadata": too_many_metadata(), "top_p": 2, "x": 1, "y": 2}
    rules = sorted(e.rule for e in validate(body, "CreateRunRequest").errors)
    assert rules == ["additionalProperties", "additionalProperties", "maxProperties", "maximum"]


def test_raise_first_raises_the_first_violation_in_the_payload_error_family() -> None:
    with pytest.raises(InvalidPayloadError) as raised:
        ensure_valid(TWO_ERRORS, "CreateThreadAndRunRequest")
    assert isinstance(raised.value, PayloadError) and isinstance(raised.value, ThreadspecError)
    assert [e.param for e in raised.value.errors] == ["assistant_id"]
    assert str(raised.value) == raised.value.first.message
    ensure_valid(VALID, "CreateThreadAndRunRequest")  # returns quietly


def test_malformed_input_raises_malformed_payload_error() -> None:
    with pytest.raises(MalformedPayloadError) as raised:
        ensure_valid(b"{nope", "CreateThreadRequest")
    assert raised.value.first.rule == "input"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{",
        b"nope",
        b'{"a": NaN}',
        b'{"a": Infinity}',
        b"\xff\xfe{}",
        b'{"a": 1e400}',
        b'{"a": "\\ud800"}x',
    ],
)
def test_undecodable_bodies_are_one_input_error(raw: bytes) -> None:
    errors = validate(raw, "CreateThreadRequest").errors
    assert [(e.rule, e.param, e.code) for e in errors] == [("input", None, None)]


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    deep = (
        b'{"assistant_id": "a", "tools": [{"type": "function", "function": {"name": "f", "parameters": '
        + (b'{"a":' * 10_000 + b"1" + b"}" * 10_000)
        + b"}}]}"
    )
    errors = validate(deep, "CreateRunRequest").errors
    assert [e.rule for e in errors] == ["input"]
    assert f"deeper than {MAX_DEPTH} levels" in errors[0].message
    assert validate(b"[" * 100_000, "CreateRunRequest").errors[0].rule == "input"


def test_nesting_up_to_the_limit_is_accepted() -> None:
    depth = MAX_DEPTH - 5  # body, tools, tool, function, parameters
    params = '{"a":' * depth + "1" + "}" * depth
    body = f'{{"assistant_id": "a", "tools": [{{"type": "function", "function": {{"name": "f", "parameters": {params}}}}}]}}'
    assert validate(body.encode(), "CreateRunRequest").valid


def test_depth_check_ignores_brackets_inside_strings() -> None:
    assert not depth_exceeds(json.dumps({"s": "[" * 5000}).encode())
    assert depth_exceeds(b"[" * 600 + b"]" * 600)


def test_huge_input_is_judged_not_crashed() -> None:
    body = {"assistant_id": "a", "metadata": {"k": "x" * 5_000_000}}
    errors = validate(json.dumps(body).encode(), "CreateRunRequest").errors
    assert [(e.rule, e.limit) for e in errors] == [("maxLength", 512)]


def test_big_integers_are_judged_exactly() -> None:
    assert validate(
        b'{"assistant_id": "a", "max_prompt_tokens": 123456789012345678901234567890}', "CreateRunRequest"
    ).valid
    assert not validate(
        b'{"assistant_id": "a", "temperature": 123456789012345678901234567890}', "CreateRunRequest"
    ).valid


def test_unknown_names_raise_lookup_errors_that_are_key_errors() -> None:
    with pytest.raises(UnknownSchemaError) as raised:
        validate({}, "NoSuchSchema")
    assert isinstance(raised.value, KeyError) and "NoSuchSchema" in str(raised.value)
    with pytest.raises(UnknownOperationError):
        validate_request("noSuchOperation")


def test_parse_returns_the_generated_model() -> None:
    for schema in (models.CreateThreadAndRunRequest, "CreateThreadAndRunRequest"):
        parsed = parse(json.dumps(VALID).encode(), schema)
        assert type(parsed) is models.CreateThreadAndRunRequest
        assert parsed.model_dump(mode="json", exclude_unset=True) == VALID
        with pytest.raises(InvalidPayloadError):
            parse(TWO_ERRORS, schema)
    assert parse.__name__ == "parse" and threadspec.model_class.__name__ == "model_class"


def test_parse_with_a_model_of_another_profile_checks_that_profile() -> None:
    v1_only = {"role": "user", "content": "hi", "file_ids": ["file_1"]}  # file_ids left the API in v2
    assert type(parse(v1_only, models.v1.CreateMessageRequest)) is models.v1.CreateMessageRequest
    assert type(parse(v1_only, models.v1.CreateMessageRequest, contract=contract_for("v1"))) is (
        models.v1.CreateMessageRequest
    )
    with pytest.raises(InvalidPayloadError):
        parse(v1_only, models.CreateMessageRequest)


def test_a_class_that_is_not_the_contracts_model_is_refused() -> None:
    with pytest.raises(ForeignModelError, match="is not a model of Contract\\(profile='v2'\\)"):
        parse(VALID, models.v1.CreateThreadAndRunRequest, contract=contract_for("v2"))

    class Mine(models.CreateThreadAndRunRequest):
        pass

    with pytest.raises(ForeignModelError, match="is not a generated threadspec model"):
        validate(VALID, Mine)


def test_validate_request_checks_path_query_headers_and_body() -> None:
    result = validate_request(
        "listMessages",
        path_params={"thread_id": "run_1"},
        query={"limit": "0", "order": "sideways", "after": "msg_1"},
        headers={"OpenAI-Beta": "assistants=v2"},
    )
    assert [(e.location, e.param, e.rule) for e in result.errors] == [
        ("path", "thread_id", "pattern"),
        ("query", "limit", "minimum"),
        ("query", "order", "enum"),
    ]
    ok = validate_request(
        "listMessages", path_params={"thread_id": "thread_1"}, query={"limit": "100", "order": "asc"}
    )
    assert ok.valid


def test_query_limit_must_be_an_integer() -> None:
    error = validate_request(
        "listRuns", path_params={"thread_id": "thread_1"}, query={"limit": "ten"}
    ).errors[0]
    assert (error.param, error.rule, error.message) == (
        "limit",
        "type",
        "Invalid type for 'limit': expected an integer, but got a string instead.",
    )


def test_validate_request_body_and_missing_path_ids() -> None:
    result = validate_request("createMessage", {"role": "user"})
    assert [(e.location, e.param, e.rule) for e in result.errors] == [
        ("path", "thread_id", "required"),
        ("body", "content", "required"),
    ]
    with pytest.raises(InvalidPayloadError):
        ensure_valid_request(
            "createMessage", {"role": "user", "content": "x"}, path_params={"thread_id": "msg_1"}
        )
    ensure_valid_request("createThread", b"", headers={"openai-beta": "assistants=v2"})


def test_path_ids_too_long_are_refused() -> None:
    error = validate_request("getThread", path_params={"thread_id": "thread_" + "a" * 100}).errors[0]
    assert (error.param, error.rule, error.limit) == ("thread_id", "maxLength", 64)


THREAD = {"id": "thread_1", "object": "thread", "created_at": 1, "tool_resources": None, "metadata": {}}


def test_validate_response_by_status_and_content_type() -> None:
    assert validate_response("getThread", 200, THREAD).valid
    missing = validate_response("getThread", 200, {k: v for k, v in THREAD.items() if k != "metadata"})
    assert [e.param for e in missing.errors] == ["metadata"]
    envelope = {"error": {"message": "m", "type": "invalid_request_error", "param": None, "code": None}}
    assert validate_response("getThread", 404, envelope).valid
    undocumented = validate_response("getThread", 418, {})
    assert [e.rule for e in undocumented.errors] == ["status"]
    with pytest.raises(InvalidPayloadError):
        ensure_valid_response("getThread", 200, {})


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ({k: v for k, v in THREAD.items() if k != "metadata"},
         ("metadata", "missing_required_property", "Missing required property: 'metadata'.", "response")),
        ({**THREAD, "tool_resources": {"extra": 1}},
         ("tool_resources.extra", "unknown_property", "Unknown property: 'tool_resources.extra'.", "response")),
    ],
)  # fmt: skip
def test_a_response_has_properties_not_parameters(body: dict[str, Any], found: tuple[str, ...]) -> None:
    [error] = validate_response("getThread", 200, body).errors
    assert (error.param, error.code, error.message, error.location) == found
    request = validate({"tool_resources": {"extra": 1}}, "ModifyThreadRequest")  # the same key in a request
    assert [(e.code, e.message) for e in request.errors] == [
        ("unknown_parameter", "Unknown parameter: 'tool_resources.extra'.")
    ]


def test_a_stream_event_has_properties_too() -> None:
    events = [{"event": "thread.created", "data": json.dumps({k: v for k, v in THREAD.items() if k != "id"})}]
    [error] = validate_response("createThreadAndRun", 200, events, "text/event-stream").errors
    assert (error.param, error.message) == ("[0].data.id", "Missing required property: 'id'.")


def test_validate_response_reads_event_streams() -> None:
    stream = "event: thread.created\ndata: " + json.dumps(THREAD) + "\n\nevent: done\ndata: [DONE]\n\n"
    assert validate_response("createThreadAndRun", 200, stream, "text/event-stream").valid
    bad = 'event: thread.created\ndata: {"id": 1}\n\nevent: done\ndata: [DONE]\n\n'
    errors = validate_response("createThreadAndRun", 200, bad, "text/event-stream; charset=utf-8").errors
    assert errors and all(e.location == "stream" and e.pointer.startswith("/0/") for e in errors)


@pytest.mark.parametrize(
    ("events", "found"),
    [
        ([{"event": "thread.created", "data": json.dumps(THREAD)}], []),  # as the wire carries it
        ([{"event": "thread.created", "data": THREAD}], []),  # data already decoded
        ([{"event": "done", "data": "[DONE]"}], []),
        ([{"event": "done", "data": "DONE"}], [("/0/data", "[0].data", "const")]),
        ([{"event": "thread.created", "data": "{not json"}], [("/0/data", "[0].data", "contentMediaType")]),
        ([{"event": "thread.created", "data": json.dumps({**THREAD, "object": "run"})}],
         [("/0/data/object", "[0].data.object", "const")]),
        ([{"event": "thread.created", "data": "{}"}, {"event": "thread.gone", "data": "{}"}],
         [(f"/0/data/{k}", f"[0].data.{k}", "required") for k in THREAD] + [("/1/event", "[1].event", "const")]),
    ],
)  # fmt: skip
def test_stream_events_are_sse_fields_whose_json_data_meets_its_content_schema(
    events: list[dict[str, Any]], found: list[tuple[str, str, str]]
) -> None:
    errors = validate_response("createThreadAndRun", 200, events, "text/event-stream").errors
    assert [(e.pointer, e.param, e.rule) for e in errors] == found
    assert all(e.location == "stream" for e in errors)


def test_undecodable_event_data_is_worded_like_any_limit() -> None:
    stream = "event: thread.created\ndata: {not json\n\n"
    [error] = validate_response("createThreadAndRun", 200, stream, "text/event-stream").errors
    assert (error.message, error.code) == (
        "Invalid '[0].data': undecodable content. Expected application/json text, but got \"{not json\" instead.",
        "invalid_content",
    )


def test_public_names_resolve() -> None:
    assert threadspec.schema("Metadata")["title"] == "Metadata"
    assert len(threadspec.operations()) == 23
    assert threadspec.operation("createRun").streams


def test_schemas_handed_out_are_copies_so_callers_cannot_corrupt_validation() -> None:
    """A schema generator may rewrite the schema it is given; that must not leak into the validators."""
    mine = threadspec.schema("ModifyThreadRequest")
    mine["properties"]["metadata"] = {"type": "integer"}
    mine.setdefault("$defs", {}).clear()
    assert threadspec.is_valid({"metadata": {"k": "v"}}, "ModifyThreadRequest")
    assert threadspec.schema("ModifyThreadRequest") != mine


@pytest.mark.parametrize(
    ("operation", "status", "media", "said"),
    [
        ("getThread", 418, "application/json", "Response status 418 with application/json is not in the "
         "contract; it documents 200, 400, 401, 404, 429, 500 with application/json."),
        ("createRun", 200, "text/html", "Response status 200 with text/html is not in the contract; it "
         "documents 200 with application/json or text/event-stream; 400, 401, 404, 413, 429, 500 with "
         "application/json."),
        ("getThread", 200, "", "Response status 200 with no content type is not in the contract; it documents "
         "200, 400, 401, 404, 429, 500 with application/json."),
    ],
)  # fmt: skip
def test_an_undocumented_status_lists_what_the_operation_documents(
    operation: str, status: int, media: str, said: str
) -> None:
    """Read from the contract: each documented status once, grouped by the content types it answers with."""
    documented = contract_for().operation(operation).responses
    (error,) = validate_response(operation, status, {}, media).errors
    assert (error.rule, error.value, error.limit, error.message) == (
        "status",
        str(status),
        sorted(documented),
        said,
    )


def _pairs_pool() -> list[str]:
    """Members of a CreateThreadRequest, each valid or not, to be repeated in any order."""
    too_many = json.dumps(too_many_metadata())
    return [
        '"metadata": {}', f'"metadata": {too_many}', '"metadata": "x"', '"messages": []',
        '"messages": [{"role": "user", "content": "hi"}]', '"messages": [{"role": "robot", "content": "hi"}]',
        '"tool_resources": null', '"tool_resources": 5',
    ]  # fmt: skip


@given(st.lists(st.sampled_from(_pairs_pool()), max_size=5))
def test_the_verdict_and_the_report_agree_on_repeated_keys(members: list[str]) -> None:
    """The verdict on text reads every occurrence of a repeated key, the report the last one decoded: when
    only an earlier occurrence breaks the contract, the report names the repeat."""
    raw = ("{" + ", ".join(members) + "}").encode()
    verdict = is_valid(raw, "CreateThreadRequest")
    report = validate(raw, "CreateThreadRequest")
    assert report.valid is verdict
    last = {m.split(":", 1)[0]: m for m in members}
    if not verdict and is_valid(("{" + ", ".join(last.values()) + "}").encode(), "CreateThreadRequest"):
        (error,) = report.errors
        assert error.rule == "input" and "It repeats the key" in error.message
