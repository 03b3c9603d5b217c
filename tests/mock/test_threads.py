"""Threads and messages in the stateful mock, on both stores."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import httpx
import pytest

from tests.mock.conftest import BETA, BETA_V1, CONTRACTS
from threadspec.asgi import MatchedRequest
from threadspec.mock import MockConfig
from threadspec.mock.paging import page
from threadspec.mock.profile import Profile
from threadspec.mock.records import Kind, to_json, top_level

pytestmark = pytest.mark.anyio


def envelope(message: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}}


async def new_thread(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    response = await client.post("/threads", json=body)
    assert response.status_code == 200, response.text
    thread: dict[str, Any] = response.json()
    return thread


async def test_a_thread_keeps_what_it_was_created_with(client: httpx.AsyncClient) -> None:
    messages = [
        {"role": "user", "content": "Hello"},
        {"role": "assistant", "content": [{"type": "text", "text": "Hi"}]},
    ]
    thread = await new_thread(client, messages=messages, metadata={"topic": "greeting"})
    assert thread["id"].startswith("thread_")
    assert thread["metadata"] == {"topic": "greeting"}
    assert (await client.get(f"/threads/{thread['id']}")).json() == thread
    listed = (await client.get(f"/threads/{thread['id']}/messages", params={"order": "asc"})).json()
    assert [(m["role"], m["content"][0]["text"]["value"]) for m in listed["data"]] == [
        ("user", "Hello"),
        ("assistant", "Hi"),
    ]
    assert all(m["thread_id"] == thread["id"] and m["run_id"] is None for m in listed["data"])


async def test_an_empty_body_creates_a_thread(client: httpx.AsyncClient) -> None:
    response = await client.post("/threads")
    assert response.status_code == 200
    assert response.json()["metadata"] == {}


async def test_vector_stores_to_create_get_ids(client: httpx.AsyncClient) -> None:
    resources = {
        "code_interpreter": {"file_ids": ["file_1"]},
        "file_search": {"vector_stores": [{"file_ids": ["file_2"]}]},
    }
    thread = await new_thread(client, tool_resources=resources)
    assert thread["tool_resources"]["code_interpreter"] == {"file_ids": ["file_1"]}
    [store_id] = thread["tool_resources"]["file_search"]["vector_store_ids"]
    assert store_id.startswith("vs_")


async def test_modify_changes_only_metadata_and_tool_resources(client: httpx.AsyncClient) -> None:
    thread = await new_thread(client, metadata={"a": "1"})
    resources = {"file_search": {"vector_store_ids": ["vs_1"]}}
    changed = (await client.post(f"/threads/{thread['id']}", json={"tool_resources": resources})).json()
    assert changed == {**thread, "tool_resources": resources}
    changed = (await client.post(f"/threads/{thread['id']}", json={"metadata": {"b": "2"}})).json()
    assert changed == {**thread, "tool_resources": resources, "metadata": {"b": "2"}}
    cleared = (await client.post(f"/threads/{thread['id']}", json={"metadata": None})).json()
    assert cleared["metadata"] == {}
    assert (await client.get(f"/threads/{thread['id']}")).json() == cleared


async def test_delete_removes_the_thread_with_everything_in_it(client: httpx.AsyncClient) -> None:
    thread = await new_thread(client, messages=[{"role": "user", "content": "Hi"}])
    run = (await client.post(f"/threads/{thread['id']}/runs", json={"assistant_id": "asst_1"})).json()
    response = await client.delete(f"/threads/{thread['id']}")
    assert response.json() == {"id": thread["id"], "object": "thread.deleted", "deleted": True}
    assert (await client.get(f"/threads/{thread['id']}")).status_code == 404
    store = client.app.state.service.store  # type: ignore[attr-defined]
    assert [store.children(kind, thread["id"]) for kind in ("message", "run", "step")] == [[], [], []]
    assert store.get("run", run["id"]) is None
    assert (await client.delete(f"/threads/{thread['id']}")).status_code == 404


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/threads/thread_none", "No thread found with id 'thread_none'."),
        ("/threads/thread_none/messages", "No thread found with id 'thread_none'."),
        ("/threads/{thread}/messages/msg_none", "No message found with id 'msg_none'."),
        ("/threads/{thread}/runs/run_none", "No run found with id 'run_none'."),
        ("/threads/{thread}/runs/run_none/steps", "No run found with id 'run_none'."),
        ("/threads/{thread}/runs/{run}/steps/step_none", "No run step found with id 'step_none'."),
        ("/threads/{other}/messages/{message}", "No message found with id '{message}'."),
        ("/threads/{other}/runs/{run}", "No run found with id '{run}'."),
    ],
)
async def test_unknown_ids_are_404_in_the_api_words(
    client: httpx.AsyncClient, path: str, message: str
) -> None:
    thread = await new_thread(client, messages=[{"role": "user", "content": "Hi"}])
    other = await new_thread(client)
    run = (await client.post(f"/threads/{thread['id']}/runs", json={"assistant_id": "asst_1"})).json()
    listed = (await client.get(f"/threads/{thread['id']}/messages")).json()
    ids = {
        "thread": thread["id"],
        "other": other["id"],
        "run": run["id"],
        "message": listed["data"][-1]["id"],
    }
    response = await client.get(path.format(**ids))
    assert response.status_code == 404
    assert response.json() == envelope(message.format(**ids))


@pytest.mark.parametrize(
    ("path", "param", "value", "prefix"),
    [
        ("/threads/msg_1", "thread_id", "msg_1", "thread"),
        ("/threads/thread_1/messages/run_1", "message_id", "run_1", "msg"),
        ("/threads/thread_1/runs/thread_1", "run_id", "thread_1", "run"),
        ("/threads/thread_1/runs/run_1/steps/msg_1", "step_id", "msg_1", "step"),
        ("/threads/undefined", "thread_id", "undefined", "thread"),
    ],
)
async def test_ids_of_the_wrong_kind_are_400(
    client: httpx.AsyncClient, path: str, param: str, value: str, prefix: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 400
    assert response.json() == envelope(
        f"Invalid '{param}': '{value}'. Expected an ID that begins with '{prefix}'.", param
    )


# five messages created in the same second: only the store's sequence tells their order
PAGES = [
    ({}, [4, 3, 2, 1, 0], False),
    ({"order": "asc"}, [0, 1, 2, 3, 4], False),
    ({"limit": "2"}, [4, 3], True),
    ({"limit": "2", "after": 3}, [2, 1], True),
    ({"limit": "2", "after": 1}, [0], False),
    ({"order": "asc", "limit": "2", "after": 1}, [2, 3], True),
    ({"order": "asc", "before": 3}, [0, 1, 2], False),
    ({"order": "asc", "limit": "2", "before": 3}, [1, 2], True),
    ({"order": "desc", "limit": "1", "before": 0}, [1], True),
    ({"order": "asc", "after": 0, "before": 4}, [1, 2, 3], False),
    ({"limit": "100"}, [4, 3, 2, 1, 0], False),
    ({"after": "msg_unknown"}, [], False),
]


@pytest.mark.parametrize(("query", "expected", "has_more"), PAGES)
async def test_message_pages(
    open_mock: Any, stateful_config: MockConfig, query: dict[str, Any], expected: list[int], has_more: bool
) -> None:
    config = replace(stateful_config, seed=None, clock=lambda: 1_700_000_000)
    async with open_mock(config) as client:
        thread = await new_thread(client)
        ids = []
        for index in range(5):
            response = await client.post(
                f"/threads/{thread['id']}/messages", json={"role": "user", "content": str(index)}
            )
            ids.append(response.json()["id"])
        params = {k: ids[v] if isinstance(v, int) else v for k, v in query.items()}
        page = (await client.get(f"/threads/{thread['id']}/messages", params=params)).json()
    assert [m["id"] for m in page["data"]] == [ids[i] for i in expected]
    assert page["has_more"] is has_more
    assert page["first_id"] == (ids[expected[0]] if expected else None)
    assert page["last_id"] == (ids[expected[-1]] if expected else None)


async def test_messages_filter_by_run(client: httpx.AsyncClient) -> None:
    thread = await new_thread(client, messages=[{"role": "user", "content": "Hi"}])
    run = (await client.post(f"/threads/{thread['id']}/runs", json={"assistant_id": "asst_1"})).json()
    page = (await client.get(f"/threads/{thread['id']}/messages", params={"run_id": run["id"]})).json()
    assert [(m["role"], m["run_id"]) for m in page["data"]] == [("assistant", run["id"])]


async def test_a_message_is_created_modified_and_deleted(client: httpx.AsyncClient) -> None:
    thread = await new_thread(client)
    body = {
        "role": "user",
        "content": [
            {"type": "text", "text": "Look"},
            {"type": "image_url", "image_url": {"url": "https://x.test/a.png"}},
        ],
        "attachments": [{"file_id": "file_1", "tools": [{"type": "file_search"}]}],
        "metadata": {"k": "v"},
    }
    message = (await client.post(f"/threads/{thread['id']}/messages", json=body)).json()
    assert message["content"] == [
        {"type": "text", "text": {"value": "Look", "annotations": []}},
        {"type": "image_url", "image_url": {"url": "https://x.test/a.png"}},
    ]
    assert (message["attachments"], message["metadata"], message["status"]) == (
        body["attachments"],
        {"k": "v"},
        "completed",
    )
    url = f"/threads/{thread['id']}/messages/{message['id']}"
    assert (await client.get(url)).json() == message
    modified = (await client.post(url, json={"metadata": {"k": "w"}})).json()
    assert modified == {**message, "metadata": {"k": "w"}}
    assert (await client.delete(url)).json() == {
        "id": message["id"],
        "object": "thread.message.deleted",
        "deleted": True,
    }
    assert (await client.get(url)).status_code == 404


async def test_no_message_while_a_run_is_active(client: httpx.AsyncClient) -> None:
    thread = await new_thread(client, messages=[{"role": "user", "content": "Hi"}])
    tools = [{"type": "function", "function": {"name": "lookup"}}]
    run = (
        await client.post(f"/threads/{thread['id']}/runs", json={"assistant_id": "a", "tools": tools})
    ).json()
    response = await client.post(
        f"/threads/{thread['id']}/messages", json={"role": "user", "content": "More"}
    )
    assert response.status_code == 400
    assert response.json() == envelope(
        f"Can't add messages to {thread['id']} while a run {run['id']} is active."
    )


def _decoded_page(
    client: httpx.AsyncClient, beta: dict[str, str], kind: Kind, owner: str, query: dict[str, str]
) -> bytes:
    """A list page built the way it was before pages were spliced from the stored JSON: every stored
    object decoded, the page cut by ``paging.page``, shaped by the request's profile and encoded whole."""
    service = client.app.state.service  # type: ignore[attr-defined]
    contract = CONTRACTS.select(beta["OpenAI-Beta"])
    operation = contract.operations()["listMessages" if kind == "message" else "listAssistants"]
    request = MatchedRequest(
        operation, {"thread_id": owner}, {k: [v] for k, v in query.items()}, contract=contract
    )
    bodies = [record.body for record in service.store.children(kind, owner)]
    return to_json(Profile.of(contract).shape(page(bodies, request)))


_QUERIES: list[dict[str, str]] = [{}, {"order": "asc"}, {"limit": "2"}, {"limit": "100", "order": "desc"}]


async def _pages_hold(
    client: httpx.AsyncClient, beta: dict[str, str], path: str, kind: Kind, owner: str
) -> None:
    ids = [
        item["id"] for item in (await client.get(path, params={"order": "asc"}, headers=beta)).json()["data"]
    ]
    queries = [
        *_QUERIES,
        {"after": ids[1], "limit": "2"},
        {"before": ids[-1], "order": "asc"},
        {"after": "msg_x"},
    ]
    for query in queries:
        for _ in range(2):  # listed afresh, then again from what the store kept
            response = await client.get(path, params=query, headers=beta)
            assert response.content == _decoded_page(client, beta, kind, owner, query), query


@pytest.mark.parametrize("beta", [BETA, BETA_V1], ids=["v2", "v1"])
async def test_a_listed_page_is_byte_for_byte_the_page_of_the_decoded_objects(
    client: httpx.AsyncClient, beta: dict[str, str]
) -> None:
    """Message pages are spliced from each object's served JSON, which a store may keep between requests;
    the page is the one built by decoding every object, before and after the objects change."""
    said = [{"role": "user", "content": f"Message {i}", "metadata": {"n": str(i)}} for i in range(5)]
    thread = (await client.post("/threads", json={"messages": said}, headers=beta)).json()
    path = f"/threads/{thread['id']}/messages"
    await _pages_hold(client, beta, path, "message", thread["id"])
    listed = (await client.get(path, params={"order": "asc"}, headers=beta)).json()["data"]
    changed = await client.post(
        f"{path}/{listed[2]['id']}", json={"metadata": {"n": "changed"}}, headers=beta
    )
    assert changed.status_code == 200
    added = await client.post(path, json={"role": "user", "content": "One more"}, headers=beta)
    assert added.status_code == 200
    if beta is BETA:  # v1 deleted no messages
        assert (await client.delete(f"{path}/{listed[0]['id']}", headers=beta)).status_code == 200
    await _pages_hold(client, beta, path, "message", thread["id"])
    page_now = (await client.get(path, params={"order": "asc"}, headers=beta)).json()["data"]
    assert [m["metadata"] for m in page_now if m["id"] == listed[2]["id"]] == [{"n": "changed"}]


@pytest.mark.parametrize("beta", [BETA, BETA_V1], ids=["v2", "v1"])
async def test_a_listed_page_of_assistants_is_the_page_of_the_decoded_objects(
    client: httpx.AsyncClient, beta: dict[str, str]
) -> None:
    for i in range(4):
        made = await client.post("/assistants", json={"model": "gpt-4o", "name": f"A{i}"}, headers=beta)
        assert made.status_code == 200
    owner = top_level(CONTRACTS.select(beta["OpenAI-Beta"]).profile or "")
    await _pages_hold(client, beta, "/assistants", "assistant", owner)
    first = (await client.get("/assistants", params={"limit": "1"}, headers=beta)).json()["data"][0]
    assert (
        await client.post(f"/assistants/{first['id']}", json={"name": "Renamed"}, headers=beta)
    ).status_code == 200
    await _pages_hold(client, beta, "/assistants", "assistant", owner)
