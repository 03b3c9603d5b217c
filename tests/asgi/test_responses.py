"""Response checks: valid responses pass unchanged, broken ones are replaced, logged or raised."""

from __future__ import annotations

import logging
from typing import Any

import msgspec
import pytest

from tests.asgi.helpers import THREAD, answering, client, sse
from threadspec.asgi import ResponseContractError, ValidationMiddleware
from threadspec.asgi.responses import EventFrames

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("chunks", [1, 7])
async def test_valid_responses_pass_unchanged(chunks: int) -> None:
    stream = sse(("thread.created", THREAD), ("done", "[DONE]"))
    for app, path, body in [
        (
            answering(200, msgspec.json.encode(THREAD), chunks=chunks),
            "/v1/threads",
            msgspec.json.encode(THREAD),
        ),
        (answering(200, stream, b"text/event-stream", chunks), "/v1/threads/runs", stream),
    ]:
        async with client(
            ValidationMiddleware(app, validate_responses=True, on_invalid_response="raise")
        ) as http:
            response = await http.post(path, json={"assistant_id": "a"} if "runs" in path else {})
        assert (response.status_code, response.content) == (200, body)


@pytest.mark.parametrize(
    ("status", "body", "pointer"),
    [(200, {**THREAD, "object": "run"}, "/object"), (418, THREAD, ""), (200, b"{not json", "")],
)
async def test_broken_json_responses_are_replaced(
    status: int, body: Any, pointer: str, caplog: pytest.LogCaptureFixture
) -> None:
    raw = body if isinstance(body, bytes) else msgspec.json.encode(body)
    app = ValidationMiddleware(answering(status, raw), validate_responses=True)
    with caplog.at_level(logging.ERROR, logger="threadspec.asgi"):
        async with client(app) as http:
            response = await http.post("/v1/threads", json={})
    assert response.status_code == 500
    error = response.json()["error"]
    assert (error["type"], error["param"], error["code"]) == ("server_error", None, None)
    assert error["message"].startswith(
        f"The server's {status} response to createThread broke the contract at {pointer or 'the body'}"
    )
    assert "createThread answered" in caplog.text


async def test_broken_responses_raise_when_asked() -> None:
    app = ValidationMiddleware(
        answering(200, b'{"id": 1}'), validate_responses=True, on_invalid_response="raise"
    )
    async with client(app) as http:
        with pytest.raises(ResponseContractError, match="createThread answered 200 breaking the contract"):
            await http.post("/v1/threads", json={})


async def test_a_broken_event_ends_the_stream_with_an_error() -> None:
    stream = sse(("thread.created", THREAD), ("thread.run.created", THREAD), ("done", "[DONE]"))
    app = ValidationMiddleware(answering(200, stream, b"text/event-stream", 3), validate_responses=True)
    async with client(app) as http:
        response = await http.post("/v1/threads/runs", json={"assistant_id": "a"})
    events = response.text.split("\n\n")
    assert events[0] == "event: thread.created\ndata: " + msgspec.json.encode(THREAD).decode()
    assert events[1].startswith("event: error\ndata: ")
    error = msgspec.json.decode(events[1].split("data: ", 1)[1])
    assert (
        error["type"] == "server_error" and "thread.run.created" not in response.text.split("event: error")[0]
    )
    assert events[2:] == ["event: done\ndata: [DONE]", ""]


def test_event_frames_cut_a_stream_however_it_is_chunked_and_place_violations_in_it() -> None:
    broken = {**THREAD, "object": "run"}
    stream = sse(
        ("thread.created", THREAD), ("thread.created", THREAD), ("thread.created", broken), ("done", "[DONE]")
    )
    for size in (1, 5, len(stream)):
        frames = EventFrames("createThreadAndRun", 200)
        chunks = [stream[i : i + size] for i in range(0, len(stream), size)]
        found = [f for i, chunk in enumerate(chunks) for f in frames.feed(chunk, more=i < len(chunks) - 1)]
        assert [f.events for f in found] == [
            ("thread.created",),
            ("thread.created",),
            ("thread.created",),
            ("done",),
        ]
        assert b"".join(f.raw + b"\n\n" for f in found) == stream
        errors = [e for f in found for e in f.errors]
        assert [(e.pointer, e.param, e.location) for e in errors] == [
            ("/2/data/object", "[2].data.object", "stream")
        ]


def test_an_unparsable_frame_is_one_violation() -> None:
    [frame] = EventFrames("createThreadAndRun", 200).feed(b"event: thread.created\n\xff\n\n", more=False)
    assert (frame.events, [e.rule for e in frame.errors]) == ((), ["input"])


def test_event_data_that_is_not_json_is_one_violation_of_its_event() -> None:
    """The frame is a well-formed event; its data is not the JSON its contentMediaType says."""
    [frame] = EventFrames("createThreadAndRun", 200).feed(
        b"event: thread.created\ndata: {nope\n\n", more=False
    )
    assert (frame.events, [(e.pointer, e.rule) for e in frame.errors]) == (
        ("thread.created",), [("/0/data", "contentMediaType")],
    )  # fmt: skip
