"""The runner's HTTP client: headers, 429 handling, the budget, the key kept out of records, thread tracking."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from threadspec.contract.client import Budget, BudgetExhaustedError, ContractClient, api_root, encode_body
from threadspec.sse import encode

pytestmark = pytest.mark.anyio
KEY = "sk-client-test-0011223344"


def _client(handler: httpx.MockTransport, **options: Any) -> tuple[ContractClient, list[float]]:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    client = ContractClient("http://api.test/v1", KEY, transport=handler, sleep=sleep, **options)
    return client, waits


def _json(status: int, body: object, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers or {})


async def test_requests_carry_auth_beta_and_json() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _json(200, {"id": "msg_1", "object": "thread.message"})

    client, _ = _client(httpx.MockTransport(handler))
    exchange = await client.call(
        "listRunSteps",
        {"thread_id": "thread_1", "run_id": "run/2"},
        query={"limit": 5, "include[]": ["a", "b"]},
    )
    await client.aclose()
    request = seen[0]
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["openai-beta"] == "assistants=v2"
    assert request.url.raw_path.split(b"?")[0] == b"/v1/threads/thread_1/runs/run%2F2/steps"
    assert request.url.params.get_list("include[]") == ["a", "b"]
    assert exchange.status == 200
    assert all(name.lower() != "authorization" for name, _ in exchange.request.headers)


async def test_429_is_retried_after_the_servers_wait_within_bounds() -> None:
    answers = iter(
        [
            _json(429, {}, {"retry-after": "7"}),
            _json(429, {}, {"retry-after-ms": "250", "retry-after": "1"}),
            _json(200, {"id": "thread_1", "object": "thread"}),
        ]
    )
    client, waits = _client(httpx.MockTransport(lambda _: next(answers)), max_retry_wait=2.0)
    exchange = await client.call("getThread", {"thread_id": "thread_1"})
    assert exchange.status == 200
    assert exchange.attempts == 3
    assert waits == [2.0, 0.25]


async def test_429_retries_give_up() -> None:
    client, waits = _client(httpx.MockTransport(lambda _: _json(429, {}, {"retry-after": "0"})), retries=2)
    exchange = await client.call("getThread", {"thread_id": "thread_1"})
    assert (exchange.status, exchange.attempts, waits) == (429, 3, [0.0, 0.0])


async def test_a_spent_budget_sends_nothing() -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return _json(200, {})

    client, _ = _client(httpx.MockTransport(handler), budget=Budget(0))
    with pytest.raises(BudgetExhaustedError):
        await client.call("getThread", {"thread_id": "thread_1"})
    assert sent == []


async def test_a_stopped_budget_refuses_the_next_request() -> None:
    """Ctrl-C stops the budget: whatever a check sends next is refused before it leaves."""
    client, _ = _client(httpx.MockTransport(lambda _: _json(200, {})))
    assert (await client.call("getThread", {"thread_id": "thread_1"})).status == 200
    client.budget.stop()
    with pytest.raises(BudgetExhaustedError):
        await client.call("getThread", {"thread_id": "thread_1"})


async def test_the_path_ids_and_the_date_header_are_recorded() -> None:
    date = "Mon, 30 Nov 2026 01:56:34 GMT"
    client, _ = _client(httpx.MockTransport(lambda _: _json(200, {}, {"date": date, "x-other": "1"})))
    exchange = await client.call(
        "getRunStep", {"step_id": "step_3", "thread_id": "thread_1", "run_id": "run_2"}
    )
    assert exchange.path == (("thread_id", "thread_1"), ("run_id", "run_2"), ("step_id", "step_3"))
    assert exchange.response is not None
    assert exchange.response.header("Date") == date
    assert exchange.response.header("x-other") is None  # only what judging needs is kept


async def test_transport_errors_are_exchanges_without_the_key() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"refused; header was {request.headers['authorization']}")

    client, _ = _client(httpx.MockTransport(handler))
    exchange = await client.call("getThread", {"thread_id": "thread_1"})
    assert exchange.response is None
    assert exchange.error is not None and "ConnectError" in exchange.error
    assert KEY not in exchange.error and "<redacted>" in exchange.error


async def test_an_echoed_key_is_redacted_from_the_record() -> None:
    client, _ = _client(
        httpx.MockTransport(lambda r: _json(401, {"error": {"message": r.headers["authorization"]}}))
    )
    exchange = await client.call("getThread", {"thread_id": "thread_1"})
    assert exchange.response is not None
    assert KEY not in exchange.response.text and "Bearer <redacted>" in exchange.response.text


async def test_created_threads_are_remembered_and_deleted() -> None:
    deleted: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "DELETE":
            thread_id = request.url.path.rsplit("/", 1)[1]
            deleted.append(thread_id)
            return _json(
                200 if thread_id != "thread_gone" else 404,
                {"id": thread_id, "object": "thread.deleted", "deleted": True},
            )
        if request.url.path.endswith("/threads/runs"):
            stream = encode("thread.created", {"id": "thread_streamed", "object": "thread"}) + encode(
                "done", "[DONE]"
            )
            return httpx.Response(200, content=stream, headers={"content-type": "text/event-stream"})
        body = json.loads(request.content)
        if request.url.path.endswith("/runs"):
            return _json(200, {"id": "run_1", "object": "thread.run", "thread_id": body["thread"]})
        return _json(200, {"id": body["id"], "object": "thread"})

    client, _ = _client(httpx.MockTransport(handler))
    await client.call("createThread", body={"id": "thread_a"})
    await client.call("createThread", body={"id": "thread_gone"})
    await client.call("createRun", {"thread_id": "thread_b"}, body={"thread": "thread_b"})
    await client.call("createThreadAndRun", body={"stream": True})
    assert list(client.threads) == ["thread_a", "thread_gone", "thread_b", "thread_streamed"]
    assert await client.delete_created() == []
    assert deleted == ["thread_a", "thread_gone", "thread_b", "thread_streamed"]
    assert client.threads == {}


async def test_created_assistants_are_remembered_deleted_and_leftovers_reported() -> None:
    deleted: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        ident = request.url.path.rsplit("/", 1)[1]
        if request.method == "DELETE":
            deleted.append(ident)
            status = 500 if ident == "asst_stuck" else 200
            return _json(status, {"id": ident, "object": "assistant.deleted", "deleted": True})
        body = json.loads(request.content)
        return _json(200, {"id": body["name"], "object": "assistant", "model": "gpt-4o"})

    client, _ = _client(httpx.MockTransport(handler))
    for name in ("asst_a", "asst_b", "asst_stuck"):
        await client.call("createAssistant", body={"model": "gpt-4o", "name": name})
    await client.call("deleteAssistant", {"assistant_id": "asst_b"})  # deleted by a check: forgotten
    assert list(client.assistants) == ["asst_a", "asst_stuck"]
    assert await client.delete_created() == ["asst_stuck"]
    assert deleted == ["asst_b", "asst_a", "asst_stuck"]


@pytest.mark.parametrize(
    ("given", "root"),
    [
        ("http://127.0.0.1:4010", "http://127.0.0.1:4010"),  # as given: no silent /v1
        ("http://127.0.0.1:4010/", "http://127.0.0.1:4010"),
        ("http://127.0.0.1:4010/v1/", "http://127.0.0.1:4010/v1"),
        ("https://gateway.test/openai/v1", "https://gateway.test/openai/v1"),
    ],
)
def test_api_root_is_the_base_url_as_given(given: str, root: str) -> None:
    assert api_root(given) == root


def test_bodies_with_lone_surrogates_still_encode() -> None:
    assert json.loads(encode_body({"content": "a\ud800b"})) == {"content": "a\ud800b"}
    assert encode_body({"content": "é"}) == '{"content": "é"}'.encode()
