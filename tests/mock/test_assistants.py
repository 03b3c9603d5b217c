"""Assistants in the stateful mock, on both stores: kept, listed, changed, deleted, and what runs take from them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from threadspec.mock import MockConfig
from threadspec.mock.objects import INHERITED

pytestmark = pytest.mark.anyio

WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}
SEARCH = {"type": "file_search"}
# every field an assistant can be created with, none at its default
FULL = {
    "model": "gpt-4.1",
    "name": "Weather bot",
    "description": "Answers questions about the weather.",
    "instructions": "You tell people the weather.",
    "reasoning_effort": "low",
    "tools": [WEATHER],
    "tool_resources": {"code_interpreter": {"file_ids": ["file_1"]}},
    "metadata": {"team": "support"},
    "temperature": 0.3,
    "top_p": 0.8,
    "response_format": {"type": "json_object"},
}
# a value for each field a run takes from its assistant, other than FULL's
OVERRIDES: dict[str, Any] = {
    "model": "gpt-4o-mini",
    "instructions": "Answer in French.",
    "tools": [SEARCH],
    "tool_resources": {"file_search": {"vector_store_ids": ["vs_1"]}},
    "temperature": 1.5,
    "top_p": 0.5,
    "response_format": "auto",
}
DEFAULTS = {
    "name": None, "description": None, "model": "gpt-4o", "instructions": None, "tools": [],
    "tool_resources": {}, "metadata": {}, "temperature": 1.0, "top_p": 1.0, "response_format": "auto",
}  # fmt: skip


def not_found(assistant_id: str) -> dict[str, Any]:
    message = f"No assistant found with id '{assistant_id}'."
    return {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": None}}


async def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


async def new_assistant(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    created: dict[str, Any] = await ok(await client.post("/assistants", json={"model": "gpt-4o", **body}))
    return created


async def test_an_assistant_keeps_what_it_was_created_with(client: httpx.AsyncClient) -> None:
    assistant = await new_assistant(client, **FULL)
    assert assistant["id"].startswith("asst_") and assistant["object"] == "assistant"
    assert {k: assistant[k] for k in FULL if k != "reasoning_effort"} == {
        k: v for k, v in FULL.items() if k != "reasoning_effort"
    }
    assert await ok(await client.get(f"/assistants/{assistant['id']}")) == assistant


async def test_fields_left_out_take_the_api_defaults(client: httpx.AsyncClient) -> None:
    assistant = await new_assistant(client)
    assert {k: assistant[k] for k in DEFAULTS} == DEFAULTS


async def test_modify_changes_only_the_fields_named(client: httpx.AsyncClient) -> None:
    assistant = await new_assistant(client, **FULL)
    path = f"/assistants/{assistant['id']}"
    changed = await ok(
        await client.post(path, json={"name": "Renamed", "metadata": None, "description": None})
    )
    assert changed == {**assistant, "name": "Renamed", "metadata": {}, "description": None}
    assert await ok(await client.post(path)) == changed  # no body changes nothing
    assert await ok(await client.get(path)) == changed


async def test_lists_page_through_assistants(client: httpx.AsyncClient) -> None:
    made = [(await new_assistant(client, name=f"n{i}"))["id"] for i in range(5)]
    first = await ok(await client.get("/assistants", params={"limit": 2, "order": "asc"}))
    assert ([a["id"] for a in first["data"]], first["has_more"]) == (made[:2], True)
    rest = await ok(await client.get("/assistants", params={"order": "asc", "after": first["last_id"]}))
    assert ([a["id"] for a in rest["data"]], rest["has_more"]) == (made[2:], False)
    newest = await ok(await client.get("/assistants", params={"limit": 1}))
    assert newest["data"][0]["id"] == made[-1]


async def test_a_deleted_assistant_is_gone_for_good(client: httpx.AsyncClient) -> None:
    assistant = await new_assistant(client)
    path = f"/assistants/{assistant['id']}"
    deleted = await ok(await client.delete(path))
    assert deleted == {"id": assistant["id"], "object": "assistant.deleted", "deleted": True}
    for response in (
        await client.get(path),
        await client.post(path, json={"name": "x"}),
        await client.delete(path),
        await client.post("/threads/runs", json={"assistant_id": assistant["id"]}),
    ):
        assert (response.status_code, response.json()) == (404, not_found(assistant["id"]))
    assert (await ok(await client.get("/assistants")))["data"] == []


async def test_a_run_takes_its_settings_from_its_assistant(client: httpx.AsyncClient) -> None:
    assistant = await new_assistant(client, **FULL)
    thread = await ok(
        await client.post("/threads", json={"messages": [{"role": "user", "content": "Oslo?"}]})
    )
    run = await ok(await client.post(f"/threads/{thread['id']}/runs", json={"assistant_id": assistant["id"]}))
    assert {k: run[k] for k in INHERITED} == {k: FULL[k] for k in INHERITED}
    # the assistant's function tool is what the run calls
    run = await ok(await client.get(f"/threads/{thread['id']}/runs/{run['id']}"))
    assert run["status"] == "requires_action"
    assert run["required_action"]["submit_tool_outputs"]["tool_calls"][0]["function"]["name"] == "get_weather"


@pytest.mark.parametrize("field", INHERITED)
async def test_a_request_overrides_one_setting_and_keeps_the_rest(
    client: httpx.AsyncClient, field: str
) -> None:
    assistant = await new_assistant(client, **FULL)
    body = {"assistant_id": assistant["id"], field: OVERRIDES[field]}
    run = await ok(await client.post("/threads/runs", json=body))
    assert {k: run[k] for k in INHERITED} == {**{k: FULL[k] for k in INHERITED}, field: OVERRIDES[field]}


async def test_additional_instructions_follow_the_instructions(client: httpx.AsyncClient) -> None:
    assistant = await new_assistant(client, instructions="Be kind.")
    thread = await ok(await client.post("/threads"))
    runs = f"/threads/{thread['id']}/runs"
    run = await ok(
        await client.post(
            runs, json={"assistant_id": assistant["id"], "additional_instructions": "Be brief."}
        )
    )
    assert run["instructions"] == "Be kind.\n\nBe brief."
    body = {
        "assistant_id": assistant["id"],
        "instructions": "Be loud.",
        "additional_instructions": "Be brief.",
    }
    assert (await ok(await client.post(runs, json=body)))["instructions"] == "Be loud.\n\nBe brief."


async def test_an_id_nobody_created_is_an_implicit_assistant(client: httpx.AsyncClient) -> None:
    implicit = await ok(await client.get("/assistants/asst_placeholder"))
    assert (implicit["id"], implicit["object"]) == ("asst_placeholder", "assistant")
    assert {k: implicit[k] for k in DEFAULTS} == DEFAULTS
    run = await ok(await client.post("/threads/runs", json={"assistant_id": "asst_placeholder"}))
    assert (run["model"], run["instructions"], run["tools"]) == ("gpt-4o", "", [])
    assert (await ok(await client.get("/assistants")))["data"] == []  # nothing was created
    changed = await ok(await client.post("/assistants/asst_placeholder", json={"name": "Now real"}))
    listed = await ok(await client.get("/assistants"))
    assert [a["id"] for a in listed["data"]] == ["asst_placeholder"] and listed["data"][0] == changed


async def test_strict_assistants_answer_unknown_ids_as_the_api_did(
    open_mock: Any, stateful_config: MockConfig
) -> None:
    async with open_mock(replace(stateful_config, strict_assistants=True)) as client:
        thread = await ok(await client.post("/threads"))
        for response in (
            await client.get("/assistants/asst_x"),
            await client.post("/assistants/asst_x", json={"name": "n"}),
            await client.delete("/assistants/asst_x"),
            await client.post(f"/threads/{thread['id']}/runs", json={"assistant_id": "asst_x"}),
            await client.post("/threads/runs", json={"assistant_id": "asst_x"}),
        ):
            assert (response.status_code, response.json()) == (404, not_found("asst_x"))
        assert (await ok(await client.get(f"/threads/{thread['id']}/runs")))["data"] == []
        assistant = await new_assistant(client, **FULL)  # created ones work as ever
        run = await ok(await client.post("/threads/runs", json={"assistant_id": assistant["id"]}))
        assert run["model"] == FULL["model"]


async def test_assistants_survive_a_restart(open_mock: Any, tmp_path: Path) -> None:
    config = MockConfig(db=tmp_path / "mock.sqlite", seed=5)
    async with open_mock(config) as client:
        kept = await new_assistant(client, **FULL)
        gone = await new_assistant(client)
        await ok(await client.delete(f"/assistants/{gone['id']}"))
    async with open_mock(config) as client:
        assert await ok(await client.get(f"/assistants/{kept['id']}")) == kept
        assert [a["id"] for a in (await ok(await client.get("/assistants")))["data"]] == [kept["id"]]
        assert (await client.get(f"/assistants/{gone['id']}")).status_code == 404
