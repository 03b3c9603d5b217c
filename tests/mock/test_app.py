"""The mock app as a whole: the middleware in front, limits, failures, response checks."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import httpx
import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.independent import from_schema
from threadspec import spec
from threadspec._decode import JSON_BODY_ERROR
from threadspec._mutate import fix_rules
from threadspec.mock import MockConfig, create_app
from threadspec.mock import service as service_module
from threadspec.mock.events import JsonReply

pytestmark = pytest.mark.anyio
BETA = {"OpenAI-Beta": "assistants=v2"}
TEN_MB = 10 * 1000 * 1000


def raw_client(config: MockConfig) -> httpx.AsyncClient:
    """A client that gets the app's 500s as responses instead of exceptions."""
    transport = httpx.ASGITransport(app=create_app(config), raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://mock/v1", headers=BETA)


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (b"a" * TEN_MB, 400, JSON_BODY_ERROR),
        (b'{"metadata": {"k": "' + b"v" * TEN_MB + b'"}}', 400,
         "Invalid 'metadata.k': string too long. Expected a string with maximum length 512, but got a string with length 10000000 instead."),
        (b"[" * TEN_MB, 400, JSON_BODY_ERROR),
    ],
)  # fmt: skip
async def test_ten_megabyte_bodies_get_a_clean_400(
    open_mock: Any, body: bytes, status: int, message: str
) -> None:
    async with open_mock(MockConfig()) as client:
        response = await client.post("/threads", content=body, headers={"content-type": "application/json"})
    assert (response.status_code, response.json()["error"]["message"]) == (status, message)


async def test_bodies_over_the_limit_get_a_413(open_mock: Any) -> None:
    async with open_mock(MockConfig(max_body_bytes=1024 * 1024)) as client:
        response = await client.post("/threads", content=b" " * TEN_MB)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request_too_large"


async def test_an_unexpected_failure_is_a_500_envelope(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("bug")

    monkeypatch.setitem(service_module.HANDLERS, "createThread", broken)
    async with raw_client(MockConfig()) as client:
        response = await client.post("/threads", json={})
    assert response.status_code == 500
    assert response.headers["x-request-id"].startswith("req_")
    assert response.json() == {
        "error": {
            "message": "The server had an error while processing your request. Sorry about that!",
            "type": "server_error",
            "param": None,
            "code": None,
        }
    }


async def test_validate_responses_replaces_a_broken_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(
        service_module.HANDLERS, "createThread", lambda *args: JsonReply.of({"id": "thread_1"})
    )
    async with raw_client(MockConfig(validate_responses=True)) as client:
        response = await client.post("/threads", json={})
    assert response.status_code == 500
    assert response.headers["x-request-id"].startswith("req_")
    assert "broke the contract" in response.json()["error"]["message"]


async def test_validate_responses_passes_good_answers(open_mock: Any) -> None:
    async with open_mock(MockConfig(validate_responses=True)) as client:
        thread = (
            await client.post("/threads", json={"messages": [{"role": "user", "content": "Hi"}]})
        ).json()
        response = await client.post(
            f"/threads/{thread['id']}/runs", json={"assistant_id": "a", "stream": True}
        )
    assert response.status_code == 200
    assert response.text.endswith("event: done\ndata: [DONE]\n\n")


async def test_api_key_and_beta_settings(open_mock: Any) -> None:
    async with open_mock(MockConfig(api_key="sk-mock-0123456789abcdef")) as client:
        refused = await client.post("/threads", json={})
        allowed = await client.post(
            "/threads", json={}, headers={"Authorization": "Bearer sk-mock-0123456789abcdef"}
        )
    assert (refused.status_code, allowed.status_code) == (401, 200)
    async with open_mock(MockConfig(require_beta=False), headers={}) as client:
        assert (await client.post("/threads", json={})).status_code == 200


async def test_run_answers_tell_pollers_when_to_come_back(open_mock: Any) -> None:
    async with open_mock(MockConfig(poll_after_ms=250)) as client:
        thread = (await client.post("/threads", json={})).json()
        run = await client.post(f"/threads/{thread['id']}/runs", json={"assistant_id": "a"})
        fetched = await client.get(f"/threads/{thread['id']}/runs/{run.json()['id']}")
    assert run.headers["openai-poll-after-ms"] == fetched.headers["openai-poll-after-ms"] == "250"
    assert msgspec.json.decode(fetched.content)["status"] == "completed"


async def test_the_lifespan_closes_the_store(tmp_path: Any) -> None:
    app = create_app(MockConfig(db=tmp_path / "m.sqlite"))
    sent: list[dict[str, Any]] = []
    events = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])

    async def receive() -> dict[str, Any]:
        return next(events)

    async def send(message: dict[str, Any]) -> None:
        sent.append(dict(message))

    await app({"type": "lifespan", "state": {}}, receive, send)
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
    with pytest.raises(Exception, match="closed"):
        app.state.service.store.peek_seq()


# ------------------------------------------------------------------------------ never a 500
_IDS = st.sampled_from(
    ["thread_abc", "msg_abc", "run_abc", "step_abc", "", "%", "%zz", "x%2Fy", "thread_%FF", "runs"]
) | st.text(max_size=8).map(quote)  # fmt: skip
_TEMPLATES = sorted({op.path for op in spec.operations().values()})


def _fill(template: str, ids: list[str]) -> str:
    parts = template.split("/")
    holes = iter(ids)
    return "/".join(next(holes) if p.startswith("{") else p for p in parts)


# mostly the spec's own paths with odd ids in them, sometimes anything at all
_PATHS = st.builds(_fill, st.sampled_from(_TEMPLATES), st.lists(_IDS, min_size=3, max_size=3)) | st.lists(
    _IDS | st.sampled_from(["threads", "messages", "steps", "cancel"]), min_size=1, max_size=5
).map(lambda parts: "/" + "/".join(parts))
_QUERY = st.lists(
    st.tuples(
        st.sampled_from(["limit", "order", "after", "before", "run_id", "include[]", "junk"]),
        st.text(max_size=6),
    ),
    max_size=4,
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)
_KEYS = st.sampled_from(
    ["assistant_id", "messages", "metadata", "tools", "tool_outputs", "role", "content", "stream", "thread"]
)
_BODIES = (
    st.none()
    | st.binary(max_size=40)
    | _JSON.map(lambda v: json.dumps(v).encode())
    | st.dictionaries(_KEYS, _JSON, max_size=4).map(lambda v: json.dumps(v).encode())
)
_CONTENT_TYPES = st.sampled_from(["application/json", "text/plain", "", "application/merge-patch+json"])


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    method=st.sampled_from(["GET", "POST", "POST", "DELETE", "PUT"]),
    path=_PATHS,
    query=_QUERY,
    body=_BODIES,
    content_type=_CONTENT_TYPES,
)
async def test_bad_input_never_gets_a_500(
    open_mock: Any,
    method: str,
    path: str,
    query: list[tuple[str, str]],
    body: bytes | None,
    content_type: str,
) -> None:
    async with open_mock(MockConfig()) as client:
        # a thread that exists, so that ids in the path sometimes lead somewhere
        thread = (
            await client.post("/threads", json={"messages": [{"role": "user", "content": "Hi"}]})
        ).json()
        path = path.replace("thread_abc", thread["id"])
        headers = {"content-type": content_type}
        response = await client.request(method, path, params=query, content=body, headers=headers)
    assert response.status_code in (200, 400, 404, 405), response.text


def _valid(name: str) -> st.SearchStrategy[Any]:
    """Bodies an independent generator draws from the emitted schema, kept to the spec's
    x-threadspec-rules (which JSON Schema cannot state) by the registry's repair."""
    return from_schema(spec.schema(name)).map(lambda body: fix_rules(body, name))


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_valid("CreateThreadAndRunRequest"), stateless=st.booleans())
async def test_any_valid_thread_and_run_is_served(
    open_mock: Any, body: dict[str, Any], stateless: bool
) -> None:
    # the response hook holds every answer to the spec, streamed or not
    async with open_mock(MockConfig(mode="stateless" if stateless else "stateful")) as client:
        response = await client.post(
            "/threads/runs", content=msgspec.json.encode(body), headers={"content-type": "application/json"}
        )
        assert response.status_code == 200, response.text
        if body.get("stream"):
            return
        run = response.json()
        for path in ("", "/steps"):
            assert (
                await client.get(f"/threads/{run['thread_id']}/runs/{run['id']}{path}")
            ).status_code == 200
        assert (await client.get(f"/threads/{run['thread_id']}/messages")).status_code == 200


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_valid("CreateRunRequest"))
async def test_any_valid_run_is_served(open_mock: Any, body: dict[str, Any]) -> None:
    async with open_mock(MockConfig(advance="per_poll")) as client:
        thread = (
            await client.post("/threads", json={"messages": [{"role": "user", "content": "Hi"}]})
        ).json()
        url = f"/threads/{thread['id']}/runs"
        response = await client.post(
            url, content=msgspec.json.encode(body), headers={"content-type": "application/json"}
        )
        assert response.status_code == 200, response.text
        if body.get("stream"):
            return
        run = response.json()
        for _ in range(3):  # per poll: queued → in_progress → settled
            assert (await client.get(f"{url}/{run['id']}")).status_code == 200
        cancel = await client.post(f"{url}/{run['id']}/cancel")
        assert cancel.status_code in (200, 400)
