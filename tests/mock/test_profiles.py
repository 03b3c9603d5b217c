"""One mock, both API versions: the ``OpenAI-Beta`` header chooses v1 or v2 behaviour and shapes, objects
are served only under the profile they were created in, and every answer is checked against its own
profile's spec (the conftest's hook)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.mock.conftest import BETA, BETA_V1, OpenMock
from threadspec import contract_for, sse
from threadspec.mock import MockConfig

pytestmark = pytest.mark.anyio

V1, V2 = contract_for("v1"), contract_for("v2")
ASSISTANT_FILES = V1.shared_schema("AssistantObject")["properties"]["file_ids"]["maxItems"]
MESSAGE_FILES = V1.shared_schema("CreateMessageRequest")["properties"]["file_ids"]["maxItems"]
ONE_WORD_TOOLS = [{"type": "retrieval"}, {"type": "code_interpreter"}]


def fields(contract: Any, component: str) -> set[str]:
    return set(contract.shared_schema(component)["properties"])


async def test_a_v1_thread_has_v1_fields_and_a_v2_thread_v2_fields(client: httpx.AsyncClient) -> None:
    v1 = (await client.post("/threads", json={"metadata": {"k": "v"}}, headers=BETA_V1)).json()
    v2 = (await client.post("/threads", json={"metadata": {"k": "v"}})).json()
    assert set(v1) == fields(V1, "ThreadObject") == {"id", "object", "created_at", "metadata"}
    assert set(v2) == fields(V2, "ThreadObject")
    for thread, beta in ((v1, BETA_V1), (v2, BETA)):
        assert (await client.get(f"/threads/{thread['id']}", headers=beta)).json() == thread
        modified = (await client.post(f"/threads/{thread['id']}", json={"metadata": {}}, headers=beta)).json()
        assert set(modified) == set(thread)


async def test_v1_messages_take_text_and_file_ids(client: httpx.AsyncClient) -> None:
    thread = (await client.post("/threads", json={}, headers=BETA_V1)).json()
    files = [f"file-{i}" for i in range(MESSAGE_FILES)]
    body = {"role": "user", "content": "Read these.", "file_ids": files}
    message = (await client.post(f"/threads/{thread['id']}/messages", json=body, headers=BETA_V1)).json()
    assert set(message) == fields(V1, "MessageObject")
    assert message["file_ids"] == files and "attachments" not in message
    assert message["content"] == [{"type": "text", "text": {"value": "Read these.", "annotations": []}}]
    listed = await client.get(
        f"/threads/{thread['id']}/messages/{message['id']}/files", params={"order": "asc"}
    )
    assert listed.status_code == 404  # a v2 request: the v1 thread is not there
    path = f"/threads/{thread['id']}/messages/{message['id']}/files"
    page = (await client.get(path, params={"order": "asc", "limit": 3}, headers=BETA_V1)).json()
    assert [f["id"] for f in page["data"]] == files[:3] and page["has_more"] is True
    assert page["data"][0] == {
        "id": files[0], "object": "thread.message.file", "created_at": message["created_at"],
        "message_id": message["id"],
    }  # fmt: skip
    one = await client.get(f"{path}/{files[4]}", headers=BETA_V1)
    assert one.json()["id"] == files[4]
    missing = await client.get(f"{path}/file-nope", headers=BETA_V1)
    assert (missing.status_code, missing.json()["error"]["message"]) == (
        404,
        "No file found with id 'file-nope'.",
    )
    too_many = {**body, "file_ids": [*files, "file-extra"]}
    refused = await client.post(f"/threads/{thread['id']}/messages", json=too_many, headers=BETA_V1)
    assert (refused.status_code, refused.json()["error"]["param"]) == (400, "file_ids")


async def test_v1_has_no_message_deletion(client: httpx.AsyncClient) -> None:
    thread = (
        await client.post("/threads", json={"messages": [{"role": "user", "content": "Hi"}]}, headers=BETA_V1)
    ).json()
    [message] = (await client.get(f"/threads/{thread['id']}/messages", headers=BETA_V1)).json()["data"]
    refused = await client.delete(f"/threads/{thread['id']}/messages/{message['id']}", headers=BETA_V1)
    assert (refused.status_code, refused.headers["allow"]) == (405, "GET, POST")


async def test_v1_assistants_keep_files(client: httpx.AsyncClient) -> None:
    body = {"model": "gpt-4-turbo", "tools": ONE_WORD_TOOLS, "file_ids": ["file-a", "file-b"]}
    assistant = (await client.post("/assistants", json=body, headers=BETA_V1)).json()
    assert set(assistant) == fields(V1, "AssistantObject")
    assert (assistant["tools"], assistant["file_ids"]) == (ONE_WORD_TOOLS, ["file-a", "file-b"])
    path = f"/assistants/{assistant['id']}/files"
    attached = (await client.post(path, json={"file_id": "file-c"}, headers=BETA_V1)).json()
    assert attached["object"] == "assistant.file" and attached["assistant_id"] == assistant["id"]
    again = (await client.post(path, json={"file_id": "file-c"}, headers=BETA_V1)).json()
    assert again == attached  # attaching a file twice attaches it once
    listed = (await client.get(path, params={"order": "asc"}, headers=BETA_V1)).json()
    assert [f["id"] for f in listed["data"]] == ["file-a", "file-b", "file-c"]
    assert (await client.get(f"/assistants/{assistant['id']}", headers=BETA_V1)).json()["file_ids"] == [
        "file-a", "file-b", "file-c",
    ]  # fmt: skip
    gone = (await client.delete(f"{path}/file-b", headers=BETA_V1)).json()
    assert gone == {"id": "file-b", "object": "assistant.file.deleted", "deleted": True}
    again_gone = await client.get(f"{path}/file-b", headers=BETA_V1)
    assert again_gone.status_code == 404
    assert (await client.get(f"{path}/file-c", headers=BETA_V1)).json() == attached


async def test_an_assistant_holds_at_most_its_profiles_number_of_files(client: httpx.AsyncClient) -> None:
    files = [f"file-{i}" for i in range(ASSISTANT_FILES)]
    assistant = (
        await client.post("/assistants", json={"model": "m", "file_ids": files}, headers=BETA_V1)
    ).json()
    refused = await client.post(
        f"/assistants/{assistant['id']}/files", json={"file_id": "file-x"}, headers=BETA_V1
    )
    assert refused.status_code == 400
    assert refused.json()["error"]["message"] == (
        f"Assistant {assistant['id']} already has {ASSISTANT_FILES} files, the most an assistant can have."
    )
    too_many = await client.post(
        "/assistants", json={"model": "m", "file_ids": [*files, "file-x"]}, headers=BETA_V1
    )
    assert (too_many.status_code, too_many.json()["error"]["param"]) == (400, "file_ids")


async def test_a_v1_run_carries_its_assistants_files(client: httpx.AsyncClient) -> None:
    assistant = (
        await client.post(
            "/assistants",
            json={"model": "m", "tools": ONE_WORD_TOOLS, "file_ids": ["file-a"]},
            headers=BETA_V1,
        )
    ).json()
    body = {"assistant_id": assistant["id"], "thread": {"messages": [{"role": "user", "content": "Hi"}]}}
    run = (await client.post("/threads/runs", json=body, headers=BETA_V1)).json()
    assert set(run) == fields(V1, "RunObject")
    assert (run["file_ids"], run["tools"]) == (["file-a"], ONE_WORD_TOOLS)
    ended = (await client.get(f"/threads/{run['thread_id']}/runs/{run['id']}", headers=BETA_V1)).json()
    assert ended["status"] == "completed"
    steps = (await client.get(f"/threads/{run['thread_id']}/runs/{run['id']}/steps", headers=BETA_V1)).json()
    assert all(set(step) == fields(V1, "RunStepObject") for step in steps["data"])
    messages = (await client.get(f"/threads/{run['thread_id']}/messages", headers=BETA_V1)).json()["data"]
    assert all(set(m) == fields(V1, "MessageObject") for m in messages)


@pytest.mark.parametrize(("beta", "status", "end"), [(BETA, "incomplete", "thread.run.incomplete"),
                                                     (BETA_V1, "completed", "thread.run.completed")])  # fmt: skip
async def test_a_run_past_its_token_cap_ends_as_its_profile_says(
    client: httpx.AsyncClient, beta: dict[str, str], status: str, end: str
) -> None:
    """v2 runs end ``incomplete``; v1 runs have no such status and end ``completed``, the details saying why."""
    body = {
        "assistant_id": "asst_abc",
        "max_completion_tokens": 256,
        "thread": {"messages": [{"role": "user", "content": "word " * 600}]},
    }
    run = (await client.post("/threads/runs", json=body, headers=beta)).json()
    ended = (await client.get(f"/threads/{run['thread_id']}/runs/{run['id']}", headers=beta)).json()
    assert (ended["status"], ended["incomplete_details"]) == (status, {"reason": "max_completion_tokens"})
    assert (ended["completed_at"] is not None) is (status == "completed")
    streamed = await client.post("/threads/runs", json={**body, "stream": True}, headers=beta)
    names = [event.event for event in sse.parse_text(streamed.text)]
    assert names[-2:] == [end, "done"]
    assert "thread.message.incomplete" in names


@pytest.mark.parametrize(
    ("mine", "other"), [(BETA_V1, BETA), (BETA, BETA_V1)], ids=["v1-object", "v2-object"]
)
async def test_an_object_is_not_there_for_the_other_profile(
    client: httpx.AsyncClient, mine: dict[str, str], other: dict[str, str]
) -> None:
    """The API kept its versions apart: another profile's thread, message, run or assistant is a 404."""
    assistant = (await client.post("/assistants", json={"model": "m"}, headers=mine)).json()
    body = {"assistant_id": assistant["id"], "thread": {"messages": [{"role": "user", "content": "Hi"}]}}
    run = (await client.post("/threads/runs", json=body, headers=mine)).json()
    tid = run["thread_id"]
    [message] = (await client.get(f"/threads/{tid}/messages", params={"order": "asc", "limit": 1}, headers=mine)).json()["data"]  # fmt: skip
    for method, path, kind, ident in [
        ("GET", f"/threads/{tid}", "thread", tid),
        ("POST", f"/threads/{tid}", "thread", tid),
        ("DELETE", f"/threads/{tid}", "thread", tid),
        ("GET", f"/threads/{tid}/messages", "thread", tid),
        ("GET", f"/threads/{tid}/messages/{message['id']}", "thread", tid),
        ("GET", f"/threads/{tid}/runs/{run['id']}", "thread", tid),
        ("GET", f"/assistants/{assistant['id']}", "assistant", assistant["id"]),
        ("POST", f"/assistants/{assistant['id']}", "assistant", assistant["id"]),
        ("DELETE", f"/assistants/{assistant['id']}", "assistant", assistant["id"]),
    ]:
        answer = await client.request(method, path, json={} if method == "POST" else None, headers=other)
        assert answer.status_code == 404, (method, path, answer.text)
        assert answer.json()["error"]["message"] == f"No {kind} found with id '{ident}'.", path
    # nor does a run of the other profile find the assistant, even where unknown ids stand for an implicit one
    thread = (await client.post("/threads", json={}, headers=other)).json()
    refused = await client.post(
        f"/threads/{thread['id']}/runs", json={"assistant_id": assistant["id"]}, headers=other
    )
    assert refused.status_code == 404
    listed = (await client.get("/assistants", params={"limit": 100}, headers=other)).json()["data"]
    assert assistant["id"] not in {a["id"] for a in listed}
    # and everything is still there for its own profile
    assert (await client.get(f"/threads/{tid}", headers=mine)).status_code == 200
    assert (await client.get(f"/assistants/{assistant['id']}", headers=mine)).json() == assistant


async def test_profiles_survive_a_restart(open_mock: OpenMock, tmp_path: Path) -> None:
    config = MockConfig(db=tmp_path / "mock.sqlite", seed=5)
    async with open_mock(config) as client:
        assistant = (
            await client.post("/assistants", json={"model": "m", "file_ids": ["file-a"]}, headers=BETA_V1)
        ).json()
        v1 = (await client.post("/threads", json={}, headers=BETA_V1)).json()
        v2 = (await client.post("/threads", json={})).json()
    async with open_mock(config) as client:
        assert (await client.get(f"/threads/{v1['id']}", headers=BETA_V1)).json() == v1
        assert (await client.get(f"/threads/{v2['id']}")).json() == v2
        assert (await client.get(f"/threads/{v1['id']}")).status_code == 404
        assert (await client.get(f"/threads/{v2['id']}", headers=BETA_V1)).status_code == 404
        listed = (await client.get(f"/assistants/{assistant['id']}/files", headers=BETA_V1)).json()["data"]
        assert [f["id"] for f in listed] == ["file-a"]
        assert (await client.get("/assistants")).json()["data"] == []


async def test_a_mock_of_one_profile_refuses_the_other(open_mock: OpenMock) -> None:
    async with open_mock(MockConfig(profiles=("v1",))) as client:
        assert (await client.post("/threads", json={}, headers=BETA_V1)).status_code == 200
        refused = await client.post("/threads", json={})
        assert (refused.status_code, refused.json()["error"]["code"]) == (400, "invalid_beta")


@pytest.mark.parametrize("profiles", [("v3",), (), ("v1", "v1")])
def test_profiles_must_be_bundled_ones_each_named_once(profiles: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="profiles must name each of v1, v2 at most once"):
        MockConfig(profiles=profiles)


def test_every_bundled_profile_is_served_by_default_v2_first() -> None:
    assert [c.profile for c in MockConfig().contracts()] == ["v2", "v1"]
    assert [c.profile for c in MockConfig(profiles=("v1", "v2")).contracts()] == ["v1", "v2"]


async def test_validated_responses_are_held_to_their_own_profile(open_mock: OpenMock) -> None:
    """With ``validate_responses`` every answer is checked by its request's contract: v1 answers pass as v1."""
    async with open_mock(MockConfig(validate_responses=True), BETA_V1) as client:
        assistant = (await client.post("/assistants", json={"model": "m", "file_ids": ["file-a"]})).json()
        body = {"assistant_id": assistant["id"], "stream": True,
                "thread": {"messages": [{"role": "user", "content": "Hi", "file_ids": ["file-b"]}]}}  # fmt: skip
        streamed = await client.post("/threads/runs", json=body)
        assert streamed.status_code == 200 and "event: error" not in streamed.text
        run = next(
            e.payload()["data"] for e in sse.parse_text(streamed.text) if e.event == "thread.run.completed"
        )
        assert run["file_ids"] == ["file-a"]
        messages = (await client.get(f"/threads/{run['thread_id']}/messages", params={"order": "asc"})).json()
        first = messages["data"][0]
        files = await client.get(f"/threads/{run['thread_id']}/messages/{first['id']}/files")
        assert [f["id"] for f in files.json()["data"]] == ["file-b"]
