"""The gates in order: every refusal in the API's words, and what a passing request brings the app."""

from __future__ import annotations

import threading
from typing import Any

import anyio
import httpx
import msgspec
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

from tests.asgi.helpers import BETA, client, deep, echo, envelope, never, nowhere
from threadspec import messages
from threadspec._compiled import CompiledSchema
from threadspec._decode import JSON_BODY_ERROR, MAX_DEPTH
from threadspec.asgi import (
    STATE_KEY,
    MatchedRequest,
    Receive,
    Scope,
    Send,
    ValidationMiddleware,
    matched_request,
    middleware,
    route,
)

pytestmark = pytest.mark.anyio


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

    await ValidationMiddleware(app)({"type": "lifespan"}, never, nowhere)
    assert seen == ["lifespan"]


def _long(body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with a thread message long enough that a refusal of it is worded off the event loop."""
    padded = {**body, "messages": [{"role": "user", "content": "x" * middleware._INLINE_REFUSAL_BYTES}]}
    assert len(msgspec.json.encode(padded)) > middleware._INLINE_REFUSAL_BYTES
    return padded


async def test_a_slow_refusal_does_not_hold_up_other_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wording a large broken body can take long; it happens off the event loop, so others keep being served."""
    others_done = threading.Event()
    original = middleware.request_errors

    def slow(contract: Any, operation: Any, body: Any, **kwargs: Any) -> Any:
        if isinstance(body, dict) and body.get("metadata") == {"slow": 1}:
            # blocks whatever thread it runs on; on the event loop nothing else could run meanwhile
            others_done.wait(timeout=30)
        return original(contract, operation, body, **kwargs)

    monkeypatch.setattr(middleware, "request_errors", slow)
    finished: list[str] = []

    async def request(http: httpx.AsyncClient, name: str, body: Any) -> None:
        response = await http.post("/v1/threads", json=body)
        finished.append(f"{name} {response.status_code}")

    async with client(ValidationMiddleware(echo)) as http, anyio.create_task_group() as group:
        group.start_soon(request, http, "slow", _long({"metadata": {"slow": 1}}))
        await anyio.sleep(0)  # the slow request is under way first
        for i in range(5):
            await request(http, f"quick{i}", {"metadata": {"n": str(i)}})
        others_done.set()
    assert finished == [*(f"quick{i} 200" for i in range(5)), "slow 400"]


async def test_small_refusals_are_worded_on_the_event_loop_large_ones_off_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Up to the threshold a refusal is worded inline, past it on the wording thread; the answer is the same."""
    raw = msgspec.json.encode({"metadata": {"k": "v"}, "messages": [{"role": "robot", "content": "Hi"}]})
    original = middleware.request_errors
    roads: list[bool] = []

    def watched(*args: Any, **kwargs: Any) -> Any:
        roads.append(threading.get_ident() == loop_thread)
        return original(*args, **kwargs)

    monkeypatch.setattr(middleware, "request_errors", watched)
    loop_thread = threading.get_ident()
    answers = []
    for threshold in (len(raw), len(raw) - 1):  # the body at the threshold, then one byte past it
        monkeypatch.setattr(middleware, "_INLINE_REFUSAL_BYTES", threshold)
        async with client(ValidationMiddleware(echo)) as http:
            response = await http.post("/v1/threads", content=raw)
        assert response.status_code == 400
        answers.append((response.json(), response.headers["content-type"]))
    assert roads == [True, False]
    assert answers[0] == answers[1]
    assert answers[0][0]["error"]["message"].startswith("Invalid value: 'robot'.")


@pytest.mark.parametrize(
    ("body", "fast", "walks"), [({"metadata": {"k": "v"}}, 1, 0), ({"metadata": {"k": 1}}, 1, 1)]
)
async def test_a_body_gets_one_fast_verdict(
    monkeypatch: pytest.MonkeyPatch, body: dict[str, Any], fast: int, walks: int
) -> None:
    """The verdict on the bytes settles a valid body; a broken one goes from it straight to the error walk
    (the focused one, from where the verdict failed, or the full one)."""
    calls: list[str] = []
    verdicts = ("fast_verdict", "fast_failure", "is_valid_value", "is_valid_json")
    for name in (*verdicts, "errors", "focused"):
        original = getattr(CompiledSchema, name)

        def counted(self: CompiledSchema, *args: Any, _name: str = name, _original: Any = original) -> Any:
            calls.append(_name)
            return _original(self, *args)

        monkeypatch.setattr(CompiledSchema, name, counted)
    async with client(ValidationMiddleware(echo)) as http:
        response = await http.post("/v1/threads", json=body)
    assert response.status_code == (200 if not walks else 400)
    assert sum(calls.count(name) for name in verdicts) == fast
    assert calls.count("errors") + calls.count("focused") == walks
