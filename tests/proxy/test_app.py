"""The proxy in process, in front of a broken upstream: what it forwards, refuses, logs and counts."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from tests.proxy.conftest import BETA, OpenProxy, lines
from tests.proxy.upstream import REQUEST_ID, THREAD, BrokenUpstream
from threadspec import messages, spec, validate
from threadspec.asgi import ValidationMiddleware
from threadspec.proxy import ProxyConfig, render_summary

pytestmark = pytest.mark.anyio

LIMIT = spec.shared_schema("Metadata")["maxProperties"]
TOO_MANY = {"metadata": {f"key{i}": "v" for i in range(LIMIT + 1)}}


def _expected_refusal(body: object) -> dict[str, object]:
    """What the middleware (and so the API) answers such a body: its first violation, in the envelope."""
    return messages.to_openai_error(validate(body, "CreateThreadRequest").errors[0])


async def test_observe_forwards_an_invalid_request_and_logs_that_the_upstream_took_it(
    open_proxy: OpenProxy, upstream: BrokenUpstream, log: Path
) -> None:
    async with open_proxy() as (client, app):
        response = await client.post("/threads", json=TOO_MANY)
    assert (response.status_code, response.json()["metadata"]) == (200, TOO_MANY["metadata"])
    assert msgspec.json.decode(upstream.received[0].body) == TOO_MANY
    # the upstream kept every key, so its answer breaks the contract too
    line, answer = lines(log)
    assert (answer["direction"], answer["rule"], answer["pointer"]) == (
        "response",
        "maxProperties",
        "/metadata",
    )
    assert {k: v for k, v in line.items() if k != "timestamp"} == {
        "method": "POST", "path": "/v1/threads", "operation": "createThread", "direction": "request",
        "status": 200, "refused": False, "request_id": REQUEST_ID, "event": None, "location": "body",
        "pointer": "/metadata", "param": "metadata", "rule": "maxProperties", "limit": LIMIT,
        "value": line["value"], "message": _expected_refusal(TOO_MANY)["error"]["message"],  # type: ignore[index]
        "code": "object_above_max_properties",
    }  # fmt: skip
    assert line["timestamp"].endswith("Z")
    tally = app.recorder.tallies["createThread"]
    assert (tally.requests, tally.invalid_requests, tally.accepted_invalid, tally.invalid_responses) == (
        1,
        1,
        1,
        1,
    )
    summary = render_summary(app.recorder)
    assert "the upstream answered 2xx to 1 request that breaks the contract: createThread 1" in summary


async def test_enforce_refuses_as_the_middleware_does_and_the_upstream_never_sees_it(
    open_proxy: OpenProxy, upstream: BrokenUpstream, log: Path
) -> None:
    async with open_proxy(mode="enforce") as (client, app):
        refused = await client.post("/threads", json=TOO_MANY)
        no_beta = await client.post("/threads", json={}, headers={"OpenAI-Beta": "assistants=v3"})
        unknown = await client.get("/nowhere")
        wrong_method = await client.put("/threads")
        passed = await client.post("/threads", json={"metadata": {"a": "b"}})
    assert (refused.status_code, refused.json()) == (400, _expected_refusal(TOO_MANY))
    assert no_beta.json() == messages.error_body(messages.INVALID_BETA, None, "invalid_beta")
    assert (unknown.status_code, unknown.json()["error"]["message"]) == (404, "Invalid URL (GET /v1/nowhere)")
    assert (wrong_method.status_code, wrong_method.headers["allow"]) == (405, "POST")
    assert passed.status_code == 200
    assert [r.body for r in upstream.received] == [b'{"metadata":{"a":"b"}}']
    logged = lines(log)
    assert [(x["rule"], x["status"], x["refused"]) for x in logged] == [
        ("maxProperties", 400, True),
        ("invalid_beta", 400, True),
        ("route", 404, True),
        ("method", 405, True),
    ]
    assert app.recorder.tallies["createThread"].refused == 2
    assert app.recorder.tallies[None].refused == 2  # an unknown path, and a known one with a wrong method


async def test_every_violation_of_a_request_is_logged_and_enforce_answers_the_first(
    open_proxy: OpenProxy, log: Path
) -> None:
    body = {**TOO_MANY, "tool_resources": {"code_interpreter": {"file_ids": 1}}}
    async with open_proxy(mode="enforce") as (client, _):
        refused = await client.post("/threads", json=body)
    expected = [(v.param, v.rule) for v in validate(body, "CreateThreadRequest").errors]
    assert len(expected) == 2
    assert [(x["param"], x["rule"]) for x in lines(log)] == expected
    assert refused.json() == _expected_refusal(body)


async def test_the_proxy_judges_requests_exactly_as_the_middleware_refuses_them(
    open_proxy: OpenProxy, upstream: BrokenUpstream
) -> None:
    # one request per gate: both must answer the same envelope with the same status
    cases = [
        ("POST", "/threads", {"content-type": "text/plain"}, b"{}"),
        ("POST", "/threads", {}, b"{bad"),
        ("POST", "/threads", {}, b'{"metadata": {}, "metadata": {}}'),
        ("GET", "/threads/run_abc", {}, b""),
        ("GET", "/threads/thread_abc/runs?limit=0", {}, b""),
        ("GET", "/threads/thread_abc/runs?" + "&".join(["a=1"] * 300), {}, b""),
    ]
    middleware = ValidationMiddleware(upstream)
    import httpx

    async with (
        open_proxy(mode="enforce") as (client, _),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=middleware), base_url="http://m/v1", headers=BETA
        ) as direct,
    ):
        for method, path, headers, body in cases:
            through = await client.request(method, path, headers=headers, content=body)
            reference = await direct.request(method, path, headers=headers, content=body)
            assert (through.status_code, through.json()) == (reference.status_code, reference.json()), path
            assert through.status_code == 400
    assert upstream.received == []


async def test_the_request_reaches_the_upstream_as_sent(
    open_proxy: OpenProxy, upstream: BrokenUpstream
) -> None:
    body = b'{"metadata":  {"b": "1"}}'
    headers = {
        "Authorization": "Bearer sk-the-clients-own-key",
        "OpenAI-Organization": "org_1",
        "Connection": "keep-alive, x-hop",
        "x-hop": "only this hop",
        "content-type": "application/json",
    }
    async with open_proxy() as (client, _):
        await client.post("/threads?x=%2F&y=1", content=body, headers=headers)
    [received] = upstream.received
    got = {k.decode().lower(): v.decode() for k, v in received.headers}
    assert (received.method, received.raw_path, received.query_string, received.body) == (
        "POST", b"/v1/threads", b"x=%2F&y=1", body,
    )  # fmt: skip
    assert got["authorization"] == "Bearer sk-the-clients-own-key"
    assert (got["openai-beta"], got["openai-organization"], got["content-type"]) == (
        "assistants=v2", "org_1", "application/json",
    )  # fmt: skip
    assert "x-hop" not in got  # named by Connection: this hop's only
    assert got["host"] == "upstream.test"


async def test_responses_pass_through_unchanged_and_their_violations_are_logged(
    open_proxy: OpenProxy, log: Path
) -> None:
    async with open_proxy() as (client, app):
        wrong = await client.get("/threads/thread_abc")
        failing = await client.delete("/threads/thread_abc")
    assert wrong.json() == {"id": "thread_abc", "object": "thread"}
    assert (failing.status_code, failing.text, failing.headers["x-request-id"]) == (
        500,
        "Internal Server Error",
        REQUEST_ID,
    )
    logged = [(x["operation"], x["direction"], x["status"], x["rule"], x["pointer"]) for x in lines(log)]
    assert ("getThread", "response", 200, "required", "/created_at") in logged
    assert ("deleteThread", "response", 500, "status", "") in logged
    assert app.recorder.tallies["getThread"].invalid_responses == 1


async def test_stream_events_are_checked_one_by_one(open_proxy: OpenProxy, log: Path) -> None:
    async with open_proxy() as (client, _):
        complete = await client.post(
            "/threads/thread_abc/runs", json={"assistant_id": "asst_abc", "stream": True}
        )
        cut = await client.post("/threads/thread_cut/runs", json={"assistant_id": "asst_abc", "stream": True})
    assert complete.text.count("event: ") == 5
    assert cut.text.count("event: ") == 3  # passed through as sent, however it ends
    logged = [(x["path"], x["event"], x["rule"], x["pointer"]) for x in lines(log)]
    # a run event without its status breaks the event's schema, and the order (it must say in_progress)
    assert logged == [
        ("/v1/threads/thread_abc/runs", "thread.run.in_progress", "required", "/2/data/status"),
        ("/v1/threads/thread_abc/runs", "thread.run.in_progress", "stream_order", "/2"),
        ("/v1/threads/thread_cut/runs", "thread.run.in_progress", "required", "/2/data/status"),
        ("/v1/threads/thread_cut/runs", "thread.run.in_progress", "stream_order", "/2"),
        ("/v1/threads/thread_cut/runs", None, "stream_end", ""),
    ]
    assert lines(log)[1]["message"] == (
        "The event stream broke the order of a run's events at event 2 (thread.run.in_progress): "
        "carries status None, expected 'in_progress'."
    )
    assert (
        lines(log)[-1]["message"]
        == "The event stream ended without the 'done' event (its last event was 'thread.run.in_progress')."
    )


@pytest.mark.parametrize(
    ("beta", "order"), [("assistants=v2", []), ("assistants=v1", [("thread.run.incomplete", "/3")])]
)
async def test_the_order_of_a_stream_is_its_profiles(
    open_proxy: OpenProxy, log: Path, beta: str, order: list[tuple[str, str]]
) -> None:
    """A run may end ``incomplete`` in v2; v1 runs have no such status, so a v1 stream may not end so."""
    async with open_proxy() as (client, app):
        streamed = await client.post(
            "/threads/thread_capped/runs", json={"assistant_id": "asst_abc", "stream": True},
            headers={"OpenAI-Beta": beta},
        )  # fmt: skip
    assert streamed.text.count("event: ") == 5
    logged = lines(log) if log.exists() else []
    assert [(x["event"], x["pointer"]) for x in logged if x["rule"] == "stream_order"] == order
    if order:
        assert [x["message"] for x in logged if x["rule"] == "stream_order"] == [
            "The event stream broke the order of a run's events at event 3 (thread.run.incomplete): not allowed "
            "after 'active'; expected thread.run.cancelled, thread.run.cancelling, thread.run.completed, "
            "thread.run.expired, thread.run.failed, thread.run.requires_action."
        ]
    assert "createRun" in render_summary(app.recorder)


async def test_a_json_response_past_the_limit_passes_unchecked(open_proxy: OpenProxy, log: Path) -> None:
    async with open_proxy(max_checked_response_bytes=256) as (client, app):
        big = await client.get("/threads/thread_big")
    assert big.json()["metadata"]["note"] == "x" * 512
    assert lines(log) == []
    assert app.recorder.tallies["getThread"].unchecked == 1
    assert "unchecked" in render_summary(app.recorder)


@pytest.mark.parametrize(("mode", "status"), [("observe", 200), ("enforce", 413)])
async def test_a_body_past_the_limit(
    open_proxy: OpenProxy, upstream: BrokenUpstream, log: Path, mode: str, status: int
) -> None:
    body = msgspec.json.encode({"metadata": {"note": "x" * 400}})
    async with open_proxy(mode=mode, max_body_bytes=100) as (client, _):
        response = await client.post("/threads", content=body)
    assert response.status_code == status
    assert [r.body for r in upstream.received] == ([body] if mode == "observe" else [])
    assert [(x["rule"], x["code"]) for x in lines(log)] == [("request_too_large", "request_too_large")]


async def test_an_unknown_route_is_forwarded_in_observe_mode(
    open_proxy: OpenProxy, upstream: BrokenUpstream, log: Path
) -> None:
    async with open_proxy() as (client, app):
        response = await client.get("/vector_stores")
    assert response.json()["error"]["message"] == "nope"  # the upstream's own answer
    assert [(x["operation"], x["rule"], x["status"]) for x in lines(log)] == [(None, "route", 404)]
    assert app.recorder.tallies[None].requests == 1


async def test_a_valid_exchange_logs_nothing(open_proxy: OpenProxy, log: Path) -> None:
    async with open_proxy() as (client, app):
        response = await client.post("/threads", json={"metadata": {"a": "b"}})
    assert response.json() == {**THREAD, "metadata": {"a": "b"}}
    assert (lines(log), app.recorder.violations) == ([], 0)


async def test_each_request_is_held_to_the_profile_its_header_names(
    open_proxy: OpenProxy, upstream: BrokenUpstream, log: Path
) -> None:
    v1, message = {"OpenAI-Beta": "assistants=v1"}, {"role": "user", "content": "Hi", "attachments": []}
    async with open_proxy(mode="enforce") as (client, app):
        under_v1 = await client.post("/threads/thread_abc/messages", json=message, headers=v1)
        under_v2 = await client.post("/threads/thread_abc/messages", json=message)
        files = await client.get("/threads/thread_abc/messages/msg_abc/files", headers=v1)
    assert (under_v1.status_code, under_v1.json()["error"]["param"]) == (
        400,
        "attachments",
    )  # v1 has file_ids
    assert under_v2.status_code == 404  # valid under v2: forwarded, and the upstream knows no such thread
    assert files.status_code == 404  # v1's message files: forwarded too
    assert [r.raw_path for r in upstream.received] == [
        b"/v1/threads/thread_abc/messages", b"/v1/threads/thread_abc/messages/msg_abc/files",
    ]  # fmt: skip
    summary = render_summary(app.recorder)
    assert (
        "listMessageFiles" in summary and "of 29 operations" in summary
    )  # v2's 23 and v1's 6 file operations
    async with open_proxy(mode="enforce", profiles=("v1",)) as (client, app):
        refused = await client.post("/threads", json={})  # a v2 request to a proxy of v1 traffic
    assert (refused.status_code, refused.json()["error"]["code"]) == (400, "invalid_beta")
    assert "of 28 operations" in render_summary(app.recorder)


@pytest.mark.parametrize("profiles", [("v3",), (), ("v2", "v2")])
def test_proxy_profiles_must_be_bundled_ones_each_named_once(profiles: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="profiles must name each of v1, v2 at most once"):
        ProxyConfig(upstream="http://up/v1", profiles=profiles)
