"""Judging one exchange completely: each defect is one problem, with its root cause and severity."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable
from typing import Any

import pytest

from tests.limits import metadata_keys
from threadspec import Contract, constraints, contract_for, spec
from threadspec.contract import judge
from threadspec.contract.exchange import Exchange, Received, SentRequest
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.judge import Refusal

V1, V2 = contract_for("v1"), contract_for("v2")


def judge_success(exchange: Exchange, contract: Contract = V2) -> list[Problem]:
    return judge.judge_success(exchange, contract)


def judge_refusal(exchange: Exchange, expected: Refusal, contract: Contract = V2) -> list[Problem]:
    return judge.judge_refusal(exchange, expected, contract)


NOW = int(time.time())
Body = dict[str, Any]


def example(schema: str, **changes: Any) -> Body:
    """The spec's own example of ``schema``, made now, with ``changes`` (``None`` deletes a key)."""
    body: Body = copy.deepcopy(spec.shared_schema(schema)["examples"][0])
    body["created_at"] = NOW
    for key, value in changes.items():
        if value is None:
            body.pop(key)
        else:
            body[key] = value
    return body


def answer(
    op: str,
    body: Any,
    *,
    status: int = 200,
    path: dict[str, str] | None = None,
    media: str = "application/json",
    sent: Any = None,
) -> Exchange:
    text = body if isinstance(body, str) else json.dumps(body)
    request = SentRequest(
        "POST", "http://api.test/x", (), None if sent is None else json.dumps(sent).encode()
    )
    return Exchange(op, request, Received(status, media, text), path=tuple((path or {}).items()))


THREAD = {"thread_id": "thread_abc123"}
SUCCESS: list[tuple[str, Callable[[], Exchange], list[tuple[str, Severity]]]] = [
    ("a valid thread", lambda: answer("getThread", example("ThreadObject"), path=THREAD), []),
    ("a fractional created_at", lambda: answer("getThread", example("ThreadObject", created_at=NOW + 0.5), path=THREAD),
     [("timestamp:fraction", Severity.ERROR)]),
    ("an integral decimal created_at", lambda: answer("getThread", example("ThreadObject", created_at=float(NOW)), path=THREAD),
     [("timestamp:decimal", Severity.STRICT)]),
    ("milliseconds", lambda: answer("getThread", example("ThreadObject", created_at=NOW * 1000), path=THREAD),
     [("timestamp:milliseconds", Severity.ERROR)]),
    ("a created_at years ago", lambda: answer("getThread", example("ThreadObject", created_at=NOW - 400 * 86_400), path=THREAD),
     [("timestamp:far", Severity.WARNING)]),
    ("an id without its prefix", lambda: answer("getThread", example("ThreadObject", id="abc123"), path={"thread_id": "abc123"}),
     [("id-prefix", Severity.WARNING)]),
    ("another object than asked for", lambda: answer("getThread", example("ThreadObject"), path={"thread_id": "thread_other"}),
     [("wrong-object", Severity.ERROR)]),
    ("a message on another thread", lambda: answer("createMessage", example("MessageObject"), path={"thread_id": "thread_other"}),
     [("wrong-object", Severity.ERROR)]),
    ("a property the spec does not define", lambda: answer("getThread", example("ThreadObject", x_debug=1), path=THREAD),
     [("unknown-property", Severity.WARNING)]),
    ("metadata renamed: the SDK reads it as None", lambda: answer(
        "getThread", example("ThreadObject", metadata=None, meta={}), path=THREAD),
     [("response:required|metadata", Severity.WARNING)]),
    ("a property the SDK reads, missing", lambda: answer("getThread", example("ThreadObject", object=None), path=THREAD),
     [("response:required|object", Severity.ERROR)]),
    ("a status outside the enum", lambda: answer(
        "getRun", example("RunObject", status="done"), path={"thread_id": "thread_abc123", "run_id": "run_abc123"}),
     [("response:enum|RunStatus|" + json.dumps(list(spec.shared_schema("RunStatus")["enum"])), Severity.ERROR)]),
    ("an integral decimal for an integer", lambda: answer(
        "getRun", example("RunObject", max_prompt_tokens=1000.0), path={"thread_id": "thread_abc123", "run_id": "run_abc123"}),
     [('response:type|max_prompt_tokens|["integer", "null"]', Severity.STRICT)]),
    ("a framework's 404", lambda: answer("getThread", {"detail": "Not Found"}, status=404, path=THREAD),
     [("status:getThread:404", Severity.ERROR)]),
    ("a 500", lambda: answer("getThread", "oops", status=500, media="text/plain", path=THREAD),
     [("status:500:oops", Severity.ERROR)]),
    ("an undocumented 2xx", lambda: answer("createThread", example("ThreadObject"), status=201),
     [("undocumented-status:201", Severity.WARNING)]),
    ("HTML", lambda: answer("getThread", "<html>", media="text/html", path=THREAD), [("media:text/html", Severity.ERROR)]),
    ("JSON that does not parse", lambda: answer("getThread", "{", path=THREAD), [("unparsable:application/json", Severity.ERROR)]),
    ("JSON for a stream", lambda: answer("createThreadAndRun", example("RunObject"), sent={"assistant_id": "asst_1", "stream": True}),
     [("stream:media", Severity.ERROR)]),
    ("a refusal of metadata at the key limit", lambda: answer(
        "createThread", {"error": {"message": "no", "type": "invalid_request_error", "param": "metadata", "code": None}},
        status=400, sent={"metadata": {f"k{i}": "v" for i in range(metadata_keys())}}),
     [("refused:maxProperties|Metadata", Severity.ERROR)]),
    ("a refusal of a valid request", lambda: answer(
        "createThread", {"error": {"message": "no", "type": "invalid_request_error", "param": "x", "code": None}},
        status=400, sent={}),
     [("status:400:no", Severity.ERROR)]),
]  # fmt: skip


@pytest.mark.parametrize(("exchange", "expected"), [c[1:] for c in SUCCESS], ids=[c[0] for c in SUCCESS])
def test_each_defect_of_an_answer_is_one_problem(
    exchange: Callable[[], Exchange], expected: list[tuple[str, Severity]]
) -> None:
    assert [(p.key, p.severity) for p in judge_success(exchange())] == expected


def test_the_same_refusal_of_different_objects_is_one_root_cause() -> None:
    """What the server said decides, with ids and numbers blanked: not the operation."""
    error = {"error": {"message": "No assistant found with id 'asst_1' (code 17).", "type": "invalid_request_error",
                       "param": None, "code": None}}  # fmt: skip
    other = {"error": {**error["error"], "message": "No assistant found with id 'asst_2' (code 18)."}}
    keys = {
        judge_success(answer("createRun", error, status=404, path=THREAD, sent={}))[0].key,
        judge_success(answer("createThreadAndRun", other, status=404, sent={}))[0].key,
    }
    assert keys == {"status:404:No assistant found with id '<id>' (code #)."}


def test_a_list_item_and_its_object_break_the_same_place() -> None:
    """``MessageObject.role`` is one place whether the message came alone or in a list."""
    message = example("MessageObject", role=None, content=None)
    alone = judge_success(
        answer("getMessage", message, path={"thread_id": "thread_abc123", "message_id": "msg_abc123"})
    )
    listing = {"object": "list", "data": [message, message], "first_id": "msg_abc123", "last_id": "msg_abc123",
               "has_more": False}  # fmt: skip
    listed = judge_success(answer("listMessages", listing, path=THREAD))
    assert [p.key for p in alone] == ["response:required|content,role"]
    assert [p.key for p in listed] == ["response:required|content,role"] * 2
    assert listed[1].covers == ("/data/1/role", "/data/1/content")
    assert alone[0].title == "MessageObject missing content and role (2 required properties)"


def test_a_rule_of_a_shared_component_names_the_value_and_the_component() -> None:
    exchange = answer(
        "getRun",
        example("RunObject", status="done"),
        path={"thread_id": "thread_abc123", "run_id": "run_abc123"},
    )
    (problem,) = judge_success(exchange)
    assert problem.title.startswith(
        'status (RunStatus): one of "queued", "in_progress", "requires_action", …, got "done"'
    )


def test_a_renamed_property_is_named_in_the_title() -> None:
    exchange = answer("getThread", example("ThreadObject", metadata=None, meta={}), path=THREAD)
    (problem,) = judge_success(exchange)
    assert problem.title == "ThreadObject.metadata missing (required); the object has meta instead"


def test_every_event_of_a_stream_is_judged() -> None:
    run = example("RunObject", id="1", created_at=NOW * 1000)
    events = "".join(
        f"event: thread.run.{s}\ndata: {json.dumps({**run, 'status': s})}\n\n" for s in ("queued",)
    )
    exchange = answer("createRun", events + "event: done\ndata: [DONE]\n\n", media="text/event-stream",
                      path=THREAD, sent={"stream": True})  # fmt: skip
    assert sorted(p.key for p in judge_success(exchange)) == ["id-prefix", "timestamp:milliseconds"]


def test_a_rule_broken_in_a_stream_event_is_the_same_place_as_in_the_object() -> None:
    """An event's data is a body of the component its contentSchema names: ``RunObject.status`` alike."""
    run = example("RunObject", status="done")
    alone = judge_success(answer("getRun", run, path={**THREAD, "run_id": run["id"]}))
    streamed = f"event: thread.run.queued\ndata: {json.dumps(run)}\n\nevent: done\ndata: [DONE]\n\n"
    events = judge_success(
        answer("createRun", streamed, media="text/event-stream", path=THREAD, sent={"stream": True})
    )
    assert [p.key for p in events] == [p.key for p in alone] and len(events) == 1
    assert events[0].covers == ("/0/data/status",)


def test_event_data_that_is_not_json_is_one_unparsable_problem() -> None:
    streamed = "event: thread.run.queued\ndata: {not json\n\nevent: done\ndata: [DONE]\n\n"
    (problem,) = judge_success(
        answer("createRun", streamed, media="text/event-stream", path=THREAD, sent={"stream": True})
    )
    assert (problem.key, problem.severity) == ("unparsable:text/event-stream", Severity.ERROR)
    assert problem.title.startswith(
        "createRun answered a text/event-stream body that does not parse: Invalid"
    )


REFUSAL = Refusal(("metadata",), ("object_above_max_properties",), "accepted:maxProperties|Metadata",
                  Severity.ERROR, "accepted 17 metadata keys (limit 16)", "")  # fmt: skip


def _error(param: Any = "metadata", code: Any = "object_above_max_properties") -> Body:
    return {
        "error": {
            "message": "Invalid 'metadata'.",
            "type": "invalid_request_error",
            "param": param,
            "code": code,
        }
    }


REFUSALS: list[tuple[str, Exchange, list[tuple[str, Severity]]]] = [
    ("refused as the API does", answer("modifyThread", _error(), status=400), []),
    ("accepted", answer("modifyThread", example("ThreadObject")), [("accepted:maxProperties|Metadata", Severity.ERROR)]),
    ("a 500", answer("modifyThread", _error(), status=500), [("invalid-status:500", Severity.ERROR)]),
    ("a 422", answer("modifyThread", {"detail": []}, status=422), [("invalid-status:422", Severity.ERROR)]),
    ("a flat envelope", answer("modifyThread", _error()["error"], status=400), [("envelope", Severity.WARNING)]),
    ("another param", answer("modifyThread", _error(param="body.metadata"), status=400), [("error-param", Severity.WARNING)]),
    ("another code", answer("modifyThread", _error(code="invalid"), status=400), [("error-code", Severity.WARNING)]),
]  # fmt: skip


@pytest.mark.parametrize(("exchange", "expected"), [c[1:] for c in REFUSALS], ids=[c[0] for c in REFUSALS])
def test_each_defect_of_a_refusal_is_one_problem(
    exchange: Exchange, expected: list[tuple[str, Severity]]
) -> None:
    problems = judge_refusal(exchange, REFUSAL)
    assert [(p.key, p.severity) for p in problems] == expected
    if expected and expected[0][0].startswith("accepted"):
        assert problems[0].title == "accepted 17 metadata keys (limit 16)"


def test_every_constraint_of_a_response_maps_to_a_place() -> None:
    """No inventoried response rule falls back to a payload path: each has its component and place."""
    from threadspec.contract import places

    for c in constraints.inventory("ListRunsResponse"):
        place = places.of_constraint(c)
        assert place.component in spec.schema_names(), c.id


def test_each_exchange_is_judged_by_the_contract_of_its_run() -> None:
    """A v1 thread is whole under v1 and misses ``tool_resources`` under v2; v1 file ids begin ``file-``."""
    thread = {"id": "thread_abc123", "object": "thread", "created_at": NOW, "metadata": {}}
    exchange = answer("getThread", thread, path=THREAD)
    assert judge_success(exchange, V1) == []
    assert [p.title for p in judge_success(exchange, V2)] == [
        "ThreadObject.tool_resources missing (required)"
    ]
    attached = {
        "id": "file-abc123",
        "object": "assistant.file",
        "created_at": NOW,
        "assistant_id": "asst_abc123",
    }
    ids = {"assistant_id": "asst_abc123", "file_id": "file-abc123"}
    assert judge_success(answer("getAssistantFile", attached, path=ids), V1) == []
    message = {**example("MessageObject"), "created_at": NOW}
    message = {**copy.deepcopy(V1.shared_schema("MessageObject")["examples"][0]), "created_at": NOW}
    citation = message["content"][0]["text"]["annotations"][0]["file_citation"]
    assert citation["file_id"].startswith("file-")
    citation["file_id"] = "file_abc"
    ids = {**THREAD, "message_id": message["id"]}
    (problem,) = judge_success(answer("getMessage", message, path=ids), V1)
    assert (problem.key, problem.title) == (
        "id-prefix",
        'file ids without their prefix: "file_abc" (expected file-…)',
    )
