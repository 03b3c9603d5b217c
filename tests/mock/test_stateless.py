"""Stateless mode: every valid request gets a schema-valid answer of its kind, echoing the request."""

from __future__ import annotations

from typing import Any

import pytest

from threadspec import contract_for
from threadspec.mock import MockConfig
from threadspec.mock.memory_store import MemoryStore, ScratchStore
from threadspec.mock.stateless import STAGED_ASSISTANT, STAGED_QUESTION
from threadspec.sse import parse_text

pytestmark = pytest.mark.anyio

A, T, M, R, S = "asst_abc123", "thread_abc123", "msg_abc123", "run_abc123", "step_abc123"
TOOL = {"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}

# (operationId, method, path, body, what the answer must echo)
REQUESTS: list[tuple[str, str, str, Any, dict[str, Any]]] = [
    ("createThread", "POST", "/threads", {"metadata": {"k": "v"}}, {"object": "thread", "metadata": {"k": "v"}}),
    ("createThreadAndRun", "POST", "/threads/runs", {"assistant_id": "asst_9", "model": "gpt-5", "instructions": "Hi"},
     {"object": "thread.run", "assistant_id": "asst_9", "model": "gpt-5", "instructions": "Hi", "status": "queued"}),
    ("getThread", "GET", f"/threads/{T}", None, {"id": T, "object": "thread"}),
    ("modifyThread", "POST", f"/threads/{T}", {"metadata": {"a": "b"}}, {"id": T, "metadata": {"a": "b"}}),
    ("deleteThread", "DELETE", f"/threads/{T}", None, {"id": T, "object": "thread.deleted", "deleted": True}),
    ("listMessages", "GET", f"/threads/{T}/messages", None, {"object": "list", "has_more": False}),
    ("createMessage", "POST", f"/threads/{T}/messages", {"role": "user", "content": "Hey", "metadata": {"m": "1"}},
     {"thread_id": T, "role": "user", "metadata": {"m": "1"}}),
    ("getMessage", "GET", f"/threads/{T}/messages/{M}", None, {"id": M, "thread_id": T}),
    ("modifyMessage", "POST", f"/threads/{T}/messages/{M}", {"metadata": {"x": "y"}}, {"id": M, "metadata": {"x": "y"}}),
    ("deleteMessage", "DELETE", f"/threads/{T}/messages/{M}", None, {"id": M, "object": "thread.message.deleted"}),
    ("listRuns", "GET", f"/threads/{T}/runs", None, {"object": "list"}),
    ("createRun", "POST", f"/threads/{T}/runs", {"assistant_id": "asst_9", "tools": [TOOL], "metadata": {"r": "1"}},
     {"thread_id": T, "assistant_id": "asst_9", "tools": [TOOL], "metadata": {"r": "1"}, "status": "queued"}),
    ("getRun", "GET", f"/threads/{T}/runs/{R}", None, {"id": R, "thread_id": T, "status": "completed"}),
    ("modifyRun", "POST", f"/threads/{T}/runs/{R}", {"metadata": {"z": "1"}}, {"id": R, "metadata": {"z": "1"}}),
    ("cancelRun", "POST", f"/threads/{T}/runs/{R}/cancel", None, {"id": R, "status": "cancelling"}),
    ("listRunSteps", "GET", f"/threads/{T}/runs/{R}/steps", None, {"object": "list"}),
    ("getRunStep", "GET", f"/threads/{T}/runs/{R}/steps/{S}", None, {"id": S, "run_id": R, "thread_id": T}),
    ("submitToolOuputsToRun", "POST", f"/threads/{T}/runs/{R}/submit_tool_outputs",
     {"tool_outputs": [{"tool_call_id": "call_1", "output": "42"}, {"output": "no id"}]}, {"id": R, "status": "queued"}),
    ("createAssistant", "POST", "/assistants", {"model": "gpt-5", "name": "Helper", "tools": [TOOL]},
     {"object": "assistant", "model": "gpt-5", "name": "Helper", "tools": [TOOL]}),
    ("listAssistants", "GET", "/assistants", None, {"object": "list", "has_more": False}),
    ("getAssistant", "GET", f"/assistants/{A}", None, {"id": A, "object": "assistant"}),
    ("modifyAssistant", "POST", f"/assistants/{A}", {"instructions": "Be brief.", "metadata": {"v": "2"}},
     {"id": A, "instructions": "Be brief.", "metadata": {"v": "2"}}),
    ("deleteAssistant", "DELETE", f"/assistants/{A}", None, {"id": A, "object": "assistant.deleted", "deleted": True}),
]  # fmt: skip


F = "file-abc123"
RETRIEVAL = {"type": "retrieval"}
# v1: no message deletion; files on assistants and messages; text content and file ids
REQUESTS_V1: list[tuple[str, str, str, Any, dict[str, Any]]] = [
    r for r in REQUESTS if r[0] not in ("deleteMessage", "createMessage", "createAssistant")
] + [
    ("createMessage", "POST", f"/threads/{T}/messages", {"role": "user", "content": "Hey", "file_ids": [F]},
     {"thread_id": T, "role": "user", "file_ids": [F]}),
    ("createAssistant", "POST", "/assistants", {"model": "gpt-4", "tools": [RETRIEVAL], "file_ids": [F]},
     {"object": "assistant", "tools": [RETRIEVAL], "file_ids": [F]}),
    ("listAssistantFiles", "GET", f"/assistants/{A}/files", None, {"object": "list", "has_more": False}),
    ("createAssistantFile", "POST", f"/assistants/{A}/files", {"file_id": F},
     {"id": F, "object": "assistant.file", "assistant_id": A}),
    ("getAssistantFile", "GET", f"/assistants/{A}/files/{F}", None, {"id": F, "assistant_id": A}),
    ("deleteAssistantFile", "DELETE", f"/assistants/{A}/files/{F}", None,
     {"id": F, "object": "assistant.file.deleted", "deleted": True}),
    ("listMessageFiles", "GET", f"/threads/{T}/messages/{M}/files", None, {"object": "list", "has_more": False}),
    ("getMessageFile", "GET", f"/threads/{T}/messages/{M}/files/{F}", None,
     {"id": F, "object": "thread.message.file", "message_id": M}),
]  # fmt: skip
BY_PROFILE = {"v2": REQUESTS, "v1": REQUESTS_V1}
CASES = [(p, *r) for p, requests in BY_PROFILE.items() for r in requests]


@pytest.mark.parametrize("profile", BY_PROFILE)
def test_every_operation_has_a_request(profile: str) -> None:
    assert sorted(r[0] for r in BY_PROFILE[profile]) == sorted(contract_for(profile).operations())


@pytest.mark.parametrize(
    ("profile", "operation", "method", "path", "body", "echo"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
async def test_every_valid_request_gets_its_kind_of_answer(
    open_mock: Any, profile: str, operation: str, method: str, path: str, body: Any, echo: dict[str, Any]
) -> None:
    """In the shape of the request's profile: the conftest checks each answer against its spec."""
    async with open_mock(MockConfig(mode="stateless"), {"OpenAI-Beta": f"assistants={profile}"}) as client:
        for _ in range(2):  # nothing is kept: the second answer is as good as the first
            response = await client.request(method, path, json=body)
            assert response.status_code == 200, response.text
            answer = response.json()
            assert {k: answer[k] for k in echo} == echo


@pytest.mark.parametrize("profile", BY_PROFILE)
async def test_lists_hold_objects(open_mock: Any, profile: str) -> None:
    paths = ["/assistants", f"/threads/{T}/messages", f"/threads/{T}/runs", f"/threads/{T}/runs/{R}/steps"]
    if profile == "v1":
        paths += [f"/assistants/{A}/files", f"/threads/{T}/messages/{M}/files"]
    async with open_mock(MockConfig(mode="stateless"), {"OpenAI-Beta": f"assistants={profile}"}) as client:
        for path in paths:
            page = (await client.get(path)).json()
            assert page["data"] and page["first_id"] == page["data"][0]["id"], path


async def test_submitted_outputs_land_on_the_calls(open_mock: Any) -> None:
    async with open_mock(MockConfig(mode="stateless")) as client:
        body = {"stream": True, "tool_outputs": [{"tool_call_id": "call_1", "output": "42"}]}
        response = await client.post(f"/threads/{T}/runs/{R}/submit_tool_outputs", json=body)
    first = parse_text(response.content)[0].payload()
    assert first["event"] == "thread.run.step.completed"
    assert first["data"]["step_details"]["tool_calls"][0]["id"] == "call_1"
    assert first["data"]["step_details"]["tool_calls"][0]["function"]["output"] == "42"


@pytest.mark.parametrize(
    ("path", "body", "first"),
    [
        ("/threads/runs", {"assistant_id": "a", "stream": True}, "thread.created"),
        (f"/threads/{T}/runs", {"assistant_id": "a", "stream": True}, "thread.run.created"),
        (f"/threads/{T}/runs", {"assistant_id": "a", "stream": True, "tools": [TOOL]}, "thread.run.created"),
    ],
)
async def test_streams(open_mock: Any, path: str, body: dict[str, Any], first: str) -> None:
    async with open_mock(MockConfig(mode="stateless")) as client:
        response = await client.post(path, json=body)
    assert response.headers["content-type"].startswith("text/event-stream")
    events = [e.event for e in parse_text(response.content)]
    assert events[0] == first
    assert events[-2] == ("thread.run.requires_action" if "tools" in body else "thread.run.completed")


async def test_seeded_answers_repeat(open_mock: Any) -> None:
    async def session() -> list[bytes]:
        async with open_mock(MockConfig(mode="stateless", seed=3)) as client:
            return [
                (await client.request(method, path, json=body)).content
                for _, method, path, body, _ in REQUESTS
            ]

    first, second = await session(), await session()
    assert first == second
    async with open_mock(MockConfig(mode="stateless", seed=4)) as client:
        other = (await client.post("/threads", json={})).content
    assert other != first[0]


async def test_bad_requests_are_still_refused(open_mock: Any) -> None:
    async with open_mock(MockConfig(mode="stateless")) as client:
        response = await client.post(f"/threads/{T}/runs", json={})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Missing required parameter: 'assistant_id'."


async def test_a_reply_file_scripts_what_streamed_runs_say(open_mock: Any, tmp_path: Any) -> None:
    replies = tmp_path / "replies.json"
    replies.write_text('[{"text": "Scripted answer."}]')
    async with open_mock(MockConfig(mode="stateless", reply_file=replies)) as client:
        response = await client.post("/threads/runs", json={"assistant_id": "a", "stream": True})
    [done] = [
        e.payload()["data"] for e in parse_text(response.content) if e.event == "thread.message.completed"
    ]
    assert done["content"][0]["text"]["value"] == "Scripted answer."


# every operation, the streams and the list queries, in one seeded session
_SESSION = [
    *((profile, method, path, body) for profile, requests in BY_PROFILE.items() for _, method, path, body, _ in requests),
    ("v2", "POST", "/threads/runs", {"assistant_id": "a", "stream": True, "thread": {"messages": [{"role": "user", "content": "Hi"}]}}),
    ("v2", "POST", f"/threads/{T}/runs", {"assistant_id": "a", "stream": True, "tools": [TOOL]}),
    ("v2", "POST", f"/threads/{T}/runs", {"assistant_id": "a", "additional_messages": [{"role": "user", "content": "More"}]}),
    ("v2", "POST", f"/threads/{T}/runs/{R}/submit_tool_outputs", {"stream": True, "tool_outputs": [{"output": "1"}]}),
    ("v1", "POST", f"/threads/{T}/runs", {"assistant_id": "a", "stream": True}),
    *(("v2", "GET", f"/threads/{T}/messages?{query}", None)
      for query in ("limit=1", "order=asc", f"after={M}", f"before={M}", "order=asc&limit=100", "after=msg_x")),
    ("v2", "GET", f"/threads/{T}/runs?order=asc&limit=1", None),
    ("v2", "GET", f"/threads/{T}/runs/{R}/steps?order=desc", None),
]  # fmt: skip


async def test_the_scratch_store_answers_as_the_json_store_does(open_mock: Any) -> None:
    """ScratchStore keeps a stateless request's objects as they are, not as JSON: every answer is the one
    the JSON rows of MemoryStore give, byte for byte."""

    async def session(scratch: type[MemoryStore]) -> list[tuple[int, bytes]]:
        async with open_mock(MockConfig(mode="stateless", seed=5)) as client:
            assert type(client.app.state.service.scratch) is ScratchStore
            client.app.state.service.scratch = scratch()
            answers = []
            for profile, method, path, body in _SESSION:
                headers = {"OpenAI-Beta": f"assistants={profile}"}
                response = await client.request(method, path, json=body, headers=headers)
                assert response.status_code == 200, (path, response.text)
                answers.append((response.status_code, response.content))
            return answers

    assert await session(ScratchStore) == await session(MemoryStore)


async def test_nothing_of_one_request_is_there_for_the_next(open_mock: Any) -> None:
    """One scratch store serves every request, emptied first: a list shows what its request staged, never
    what earlier requests made (a failed one included)."""
    async with open_mock(MockConfig(mode="stateless")) as client:
        await client.post("/assistants", json={"model": "gpt-4o", "name": "Made before"})
        assert (await client.post(f"/threads/{T}/runs", json={})).status_code == 400
        for _ in range(2):
            assistants = (await client.get("/assistants")).json()["data"]
            assert [a["id"] for a in assistants] == [STAGED_ASSISTANT]
            messages = (await client.get(f"/threads/{T}/messages")).json()["data"]
            assert [m["content"][0]["text"]["value"] for m in messages] == [STAGED_QUESTION]
