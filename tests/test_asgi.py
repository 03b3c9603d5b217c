"""ValidationMiddleware: routing, refusals in the API's words, body handling, response checks."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import msgspec
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

from threadspec import messages
from threadspec._decode import JSON_BODY_ERROR, MAX_DEPTH
from threadspec.asgi import (
    MISSING_KEY,
    STATE_KEY,
    MatchedRequest,
    Message,
    Receive,
    ResponseContractError,
    Scope,
    Send,
    ValidationMiddleware,
    mask_key,
    matched_request,
    route,
)

pytestmark = pytest.mark.anyio
BETA = {"OpenAI-Beta": "assistants=v2"}
THREAD = {"id": "thread_1", "object": "thread", "created_at": 1, "tool_resources": {}, "metadata": {}}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def echo(scope: Scope, receive: Receive, send: Send) -> None:
    """Answers with what the middleware told it and the body it can still read."""
    matched = matched_request(scope)
    message = await receive()
    body = {
        "operation": matched.operation_id,
        "path_params": dict(matched.path_params),
        "query": dict(matched.query),
        "body": matched.body,
        "replayed": message["body"].decode(),
    }
    payload = msgspec.json.encode(body)
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]}
    )
    await send({"type": "http.response.body", "body": payload})


def client(app: Any, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(
        transport=transport, base_url="http://test", headers=BETA if headers is None else headers
    )


def envelope(message: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return messages.error_body(message, param, code)


def deep(levels: int) -> bytes:
    return b'{"metadata":' * 0 + b"[" * (levels - 1) + b"{}" + b"]" * (levels - 1)


REFUSED: list[tuple[str, str, dict[str, str], bytes | None, int, dict[str, Any]]] = [
    ("POST", "/v1/foo", BETA, None, 404, envelope("Invalid URL (POST /v1/foo)")),
    ("GET", "/v1/threads/thread_1/extra", BETA, None, 404, envelope("Invalid URL (GET /v1/threads/thread_1/extra)")),
    ("GET", "/v1/threads", BETA, None, 405, envelope("Invalid method for URL (GET /v1/threads). Supported methods: POST.")),
    ("PUT", "/v1/threads/thread_1", BETA, None, 405,
     envelope("Invalid method for URL (PUT /v1/threads/thread_1). Supported methods: GET, POST, DELETE.")),
    ("POST", "/v1/threads", {}, b"{}", 400, envelope(messages.INVALID_BETA, None, "invalid_beta")),
    ("POST", "/v1/threads", {"OpenAI-Beta": "assistants=v1"}, b"{}", 400, envelope(messages.INVALID_BETA, None, "invalid_beta")),
    ("POST", "/v1/threads", {**BETA, "content-type": "text/plain"}, b"{}", 400,
     envelope("Invalid Content-Type header (text/plain); expected application/json.", None, "invalid_content_type")),
    ("POST", "/v1/threads", BETA, b"{bad", 400, envelope(JSON_BODY_ERROR)),
    ("POST", "/v1/threads", BETA, b'{"metadata": "\xff"}', 400, envelope(JSON_BODY_ERROR)),
    ("POST", "/v1/threads", BETA, b'{"messages": ' + deep(MAX_DEPTH) + b"}", 400, envelope(JSON_BODY_ERROR)),
    ("POST", "/v1/threads", BETA, b"null", 400,
     envelope("Invalid type for body: expected an object, but got null instead.", None, "invalid_type")),
    ("POST", "/v1/threads", BETA, b'{"nope": 1}', 400, envelope("Unknown parameter: 'nope'.", "nope", "unknown_parameter")),
    ("POST", "/v1/threads/thread_1/runs", BETA, b"", 400,
     envelope("Missing required parameter: 'assistant_id'.", "assistant_id", "missing_required_parameter")),
    ("GET", "/v1/threads/thread_1/runs?limit=0", BETA, None, 400,
     envelope("Invalid 'limit': integer below minimum value. Expected a value >= 1, but got 0 instead.", "limit", "integer_below_min_value")),
    ("GET", "/v1/threads/thread_1/runs?limit=101", BETA, None, 400,
     envelope("Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead.", "limit", "integer_above_max_value")),
    ("GET", "/v1/threads/thread_1/runs?limit=ten", BETA, None, 400,
     envelope("Invalid type for 'limit': expected an integer, but got a string instead.", "limit", "invalid_type")),
    ("GET", "/v1/threads/thread_1/runs?order=up", BETA, None, 400,
     envelope("Invalid value: 'up'. Supported values are: 'asc' and 'desc'.", "order", "invalid_value")),
    ("GET", "/v1/threads/msg_1", BETA, None, 400,
     envelope("Invalid 'thread_id': 'msg_1'. Expected an ID that begins with 'thread'.", "thread_id")),
    ("GET", "/v1/threads/thread_a%2Fb", BETA, None, 400,
     envelope("Invalid 'thread_id': string does not match pattern. Expected a string that matches the pattern '^thread_[A-Za-z0-9]+$'.", "thread_id", "invalid_value")),
    ("GET", "/v1/threads/%74hread_1%255F", BETA, None, 400,
     envelope("Invalid 'thread_id': string does not match pattern. Expected a string that matches the pattern '^thread_[A-Za-z0-9]+$'.", "thread_id", "invalid_value")),
    ("GET", "/v1/threads/run%5F1", BETA, None, 400,
     envelope("Invalid 'thread_id': 'run_1'. Expected an ID that begins with 'thread'.", "thread_id")),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "headers", "body", "status", "answer"), REFUSED)
async def test_refusals_in_the_api_words(
    method: str, path: str, headers: dict[str, str], body: bytes | None, status: int, answer: dict[str, Any]
) -> None:
    async with client(ValidationMiddleware(echo), headers) as http:
        response = await http.request(method, path, content=body)
    assert (response.status_code, response.json()) == (status, answer)
    assert response.headers["content-type"] == "application/json"
    if status == 405:
        assert response.headers["allow"] == answer["error"]["message"].split(": ")[1].rstrip(".")


@pytest.mark.parametrize(
    ("path", "operation", "params"),
    [
        ("/v1/threads/runs", "createThreadAndRun", {}),
        ("/threads/runs", "createThreadAndRun", {}),
        ("/v1/threads/thread%5Fx1", "modifyThread", {"thread_id": "thread_x1"}),
        ("/v1/threads/thread_1/runs/run_2/submit_tool_outputs", "submitToolOuputsToRun", {"thread_id": "thread_1", "run_id": "run_2"}),
    ],
)  # fmt: skip
async def test_a_passing_request_reaches_the_app(path: str, operation: str, params: dict[str, str]) -> None:
    body = {"tool_outputs": []} if "submit" in path else {"assistant_id": "a"} if "runs" in path else {}
    raw = msgspec.json.encode(body)
    async with client(ValidationMiddleware(echo)) as http:
        response = await http.post(
            path + "?x=1&x=2", content=raw, headers={"content-type": "application/json; charset=utf-8"}
        )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "operation": operation, "path_params": params, "query": {"x": ["1", "2"]}, "body": body, "replayed": raw.decode(),
    }  # fmt: skip
    assert route("POST", path) is not None


async def test_requests_without_content_type_or_body() -> None:
    async with client(ValidationMiddleware(echo)) as http:
        bare = await http.post("/v1/threads", content=b'{"metadata": {}}', headers={"content-type": ""})
        empty = await http.post("/v1/threads")
        cancel = await http.post("/v1/threads/thread_1/runs/run_1/cancel", content=b"ignored, not JSON")
    assert bare.json()["body"] == {"metadata": {}}
    assert (empty.json()["body"], empty.json()["replayed"]) == (None, "")
    assert cancel.json()["body"] is None


def test_route() -> None:
    found = route("get", "/v1/threads/thread_1/runs/run_1/steps/step_1?include[]=x")
    assert found is not None
    assert (found[0].operation_id, found[1]) == (
        "getRunStep",
        {"thread_id": "thread_1", "run_id": "run_1", "step_id": "step_1"},
    )
    assert route("GET", "/v1/threads") is None
    assert route("GET", "/v2/threads/thread_1") is None
    assert route("GET", "/api/threads/thread_1", prefix="/api") is not None


async def test_state_in_starlette_and_mounts() -> None:
    async def endpoint(request: Request) -> JSONResponse:
        matched: MatchedRequest = getattr(request.state, STATE_KEY)
        return JSONResponse({"operation": matched.operation_id, "limit": matched.query_value("limit")})

    inner = Starlette(routes=[Route("/{path:path}", endpoint, methods=["GET", "POST"])])
    app = Starlette(routes=[Mount("/api", app=ValidationMiddleware(inner))])
    async with client(app) as http:
        response = await http.get("/api/v1/threads/thread_1/messages?limit=5")
        missing = await http.get("/api/v1/nothing")
    assert response.json() == {"operation": "listMessages", "limit": "5"}
    assert missing.json() == envelope("Invalid URL (GET /api/v1/nothing)")


async def test_other_scopes_pass_through() -> None:
    seen: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope["type"])
        with pytest.raises(LookupError):
            matched_request(scope)

    await ValidationMiddleware(app)({"type": "lifespan"}, _never, _nowhere)
    assert seen == ["lifespan"]


async def _never() -> Message:
    raise AssertionError("nothing should be received")


async def _nowhere(message: Message) -> None:
    raise AssertionError("nothing should be sent")


@pytest.mark.parametrize(
    ("authorization", "status", "message"),
    [
        (None, 401, MISSING_KEY),
        ("Basic sk-secret-key-1234567890", 401, MISSING_KEY),
        ("Bearer ", 401, MISSING_KEY),
        ("Bearer sk-wrong-key-1234567890", 401, "Incorrect API key provided: sk-wr**************7890. You can find your API key in your account settings."),
        ("Bearer sk-secret-key-1234567890", 200, None),
        ("bearer  sk-secret-key-1234567890 ", 200, None),
    ],
)  # fmt: skip
async def test_api_key(authorization: str | None, status: int, message: str | None) -> None:
    headers = dict(BETA) if authorization is None else {**BETA, "Authorization": authorization}
    async with client(ValidationMiddleware(echo, api_key="sk-secret-key-1234567890"), headers) as http:
        response = await http.post("/v1/threads", json={})
    assert response.status_code == status
    if message is not None:
        code = "invalid_api_key" if "Incorrect" in message else None
        assert response.json() == envelope(message, None, code)
        assert "sk-wrong-key-1234567890" not in response.text


@pytest.mark.parametrize("key", ["k", "sk-ab", "sk-abcdefgh", "sk-proj-abcdefghijklmnopqrstuvwxyz"])
def test_masked_keys_never_show_the_key(key: str) -> None:
    masked = mask_key(key)
    assert len(masked) == len(key)
    assert masked.count("*") >= len(key) // 2
    assert masked != key


async def test_beta_can_be_optional() -> None:
    async with client(ValidationMiddleware(echo, require_beta=False), {}) as http:
        assert (await http.post("/v1/threads", json={})).status_code == 200


async def test_declared_oversize_bodies_are_refused_unread() -> None:
    async with client(ValidationMiddleware(echo, max_body_bytes=100)) as http:
        response = await http.post("/v1/threads", content=b" " * 101)
        fits = await http.post("/v1/threads", content=b" " * 100)
    assert response.status_code == 413
    assert response.json() == envelope(
        "Request too large: the body may be at most 100 bytes.", None, "request_too_large"
    )
    assert fits.status_code == 200


async def test_streamed_oversize_bodies_stop_being_read() -> None:
    received = 0

    async def receive() -> Message:
        nonlocal received
        received += 1
        return {"type": "http.request", "body": b" " * 60, "more_body": True}

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/threads",
        "headers": [(b"openai-beta", b"assistants=v2")],
    }
    await ValidationMiddleware(echo, max_body_bytes=100)(scope, receive, send)
    assert received == 2
    assert sent[0]["status"] == 413


async def test_a_client_gone_mid_body_gets_nothing() -> None:
    messages_in = iter(
        [{"type": "http.request", "body": b"{", "more_body": True}, {"type": "http.disconnect"}]
    )

    async def receive() -> Message:
        return next(messages_in)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/threads",
        "headers": [(b"openai-beta", b"assistants=v2")],
    }
    await ValidationMiddleware(echo)(scope, receive, _nowhere)


# ------------------------------------------------------------------------------ response checks
def answering(
    status: int, body: bytes, content_type: bytes = b"application/json", chunks: int = 1
) -> Callable[..., Awaitable[None]]:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": status, "headers": [(b"content-type", content_type)]}
        )
        size = -(-len(body) // chunks)
        for start in range(0, len(body), size):
            await send({"type": "http.response.body", "body": body[start : start + size], "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    return app


def sse(*events: tuple[str, Any]) -> bytes:
    return b"".join(
        b"event: "
        + e.encode()
        + b"\ndata: "
        + (d.encode() if isinstance(d, str) else msgspec.json.encode(d))
        + b"\n\n"
        for e, d in events
    )


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


async def _chunks() -> AsyncIterator[bytes]:
    yield b'{"metadata"'
    yield b": {}}"


async def test_chunked_request_bodies_are_joined() -> None:
    async with client(ValidationMiddleware(echo)) as http:
        response = await http.post("/v1/threads", content=_chunks())
    assert response.json()["body"] == {"metadata": {}}
