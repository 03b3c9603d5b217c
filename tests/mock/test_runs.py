"""Runs and run steps in the stateful mock, on both stores: lifecycle, tools, limits, streams."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import msgspec
import pytest

from threadspec._decode import JSON_BODY_ERROR, MAX_DEPTH
from threadspec.mock import MockConfig
from threadspec.sse import parse_text

pytestmark = pytest.mark.anyio

WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            },
            "required": ["city", "unit"],
        },
    },
}
TIME = {"type": "function", "function": {"name": "get_time"}}
MESSAGE_EVENTS = [
    "thread.run.step.created",
    "thread.run.step.in_progress",
    "thread.message.created",
    "thread.message.in_progress",
]
END_EVENTS = ["thread.message.completed", "thread.run.step.completed", "thread.run.completed", "done"]


def envelope(message: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}}


async def thread_with(client: httpx.AsyncClient, text: str = "What is the weather in Oslo?") -> str:
    response = await client.post("/threads", json={"messages": [{"role": "user", "content": text}]})
    thread_id: str = response.json()["id"]
    return thread_id


async def start(client: httpx.AsyncClient, thread_id: str, **body: Any) -> dict[str, Any]:
    response = await client.post(f"/threads/{thread_id}/runs", json={"assistant_id": "asst_1", **body})
    assert response.status_code == 200, response.text
    run: dict[str, Any] = response.json()
    return run


async def fetch(client: httpx.AsyncClient, thread_id: str, run_id: str) -> dict[str, Any]:
    run: dict[str, Any] = (await client.get(f"/threads/{thread_id}/runs/{run_id}")).json()
    return run


async def steps(client: httpx.AsyncClient, thread_id: str, run_id: str) -> list[dict[str, Any]]:
    page = (await client.get(f"/threads/{thread_id}/runs/{run_id}/steps", params={"order": "asc"})).json()
    data: list[dict[str, Any]] = page["data"]
    return data


async def last_message(client: httpx.AsyncClient, thread_id: str) -> dict[str, Any]:
    message: dict[str, Any] = (await client.get(f"/threads/{thread_id}/messages")).json()["data"][0]
    return message


def names(response: httpx.Response) -> list[str]:
    return [event.event for event in parse_text(response.content)]


def payloads(response: httpx.Response, name: str) -> list[Any]:
    return [event.payload()["data"] for event in parse_text(response.content) if event.event == name]


async def test_a_run_is_queued_then_completed_with_an_echo(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client, "Say something nice")
    run = await start(
        client, thread_id, instructions="Be brief.", model="gpt-4.1", metadata={"t": "1"}, temperature=0.5
    )
    assert (run["status"], run["started_at"], run["usage"]) == ("queued", None, None)
    assert (run["instructions"], run["model"], run["metadata"], run["temperature"]) == (
        "Be brief.",
        "gpt-4.1",
        {"t": "1"},
        0.5,
    )
    assert run["expires_at"] == run["created_at"] + 600
    done = await fetch(client, thread_id, run["id"])
    assert done["status"] == "completed"
    assert done["completed_at"] >= done["started_at"] >= done["created_at"]
    assert done["expires_at"] is None
    message = await last_message(client, thread_id)
    assert (message["role"], message["run_id"], message["assistant_id"]) == ("assistant", run["id"], "asst_1")
    assert message["content"][0]["text"]["value"] == "Say something nice"
    [step] = await steps(client, thread_id, run["id"])
    assert step["step_details"] == {
        "type": "message_creation",
        "message_creation": {"message_id": message["id"]},
    }
    # tokens are words: "Be brief." + "Say something nice" in, the echo out
    assert step["usage"] == {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8}
    assert done["usage"] == step["usage"]
    fetched = (await client.get(f"/threads/{thread_id}/runs/{run['id']}/steps/{step['id']}")).json()
    assert fetched == step


async def test_additional_messages_and_instructions(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client, "first")
    extra = [{"role": "user", "content": "second"}]
    run = await start(
        client, thread_id, instructions="A", additional_instructions="B", additional_messages=extra
    )
    assert run["instructions"] == "A\n\nB"
    await fetch(client, thread_id, run["id"])
    assert (await last_message(client, thread_id))["content"][0]["text"]["value"] == "second"


async def test_a_thread_without_user_messages_gets_a_greeting(client: httpx.AsyncClient) -> None:
    thread_id = (await client.post("/threads")).json()["id"]
    run = await start(client, thread_id)
    await fetch(client, thread_id, run["id"])
    assert (await last_message(client, thread_id))["content"][0]["text"][
        "value"
    ] == "Hello! How can I help you today?"


async def test_per_poll_moves_one_status_per_retrieval(open_mock: Any, stateful_config: MockConfig) -> None:
    async with open_mock(replace(stateful_config, advance="per_poll")) as client:
        thread_id = await thread_with(client)
        run = await start(client, thread_id)
        seen = [(await fetch(client, thread_id, run["id"]))["status"] for _ in range(3)]
        assert seen == ["in_progress", "completed", "completed"]
        run = await start(client, thread_id, tools=[WEATHER])
        seen = [(await fetch(client, thread_id, run["id"]))["status"] for _ in range(3)]
        assert seen == ["in_progress", "requires_action", "requires_action"]
        # listing does not advance a run
        listed = (await client.get(f"/threads/{thread_id}/runs")).json()
        assert listed["data"][0]["status"] == "requires_action"


async def test_function_tools_require_action_then_complete(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client)
    run = await start(client, thread_id, tools=[WEATHER, TIME, {"type": "code_interpreter"}])
    waiting = await fetch(client, thread_id, run["id"])
    assert waiting["status"] == "requires_action"
    calls = waiting["required_action"]["submit_tool_outputs"]["tool_calls"]
    assert [(c["function"]["name"], json.loads(c["function"]["arguments"])) for c in calls] == [
        ("get_weather", {"city": "example", "unit": "celsius"}),
        ("get_time", {}),
    ]
    assert all(c["id"].startswith("call_") and c["type"] == "function" for c in calls)
    [tool_step] = await steps(client, thread_id, run["id"])
    assert (tool_step["type"], tool_step["status"]) == ("tool_calls", "in_progress")
    outputs = [
        {"tool_call_id": calls[1]["id"], "output": "noon"},
        {"tool_call_id": calls[0]["id"], "output": "sunny"},
    ]
    url = f"/threads/{thread_id}/runs/{run['id']}/submit_tool_outputs"
    queued = (await client.post(url, json={"tool_outputs": outputs})).json()
    assert (queued["status"], queued["required_action"]) == ("queued", None)
    done = await fetch(client, thread_id, run["id"])
    assert done["status"] == "completed"
    tool_step, message_step = await steps(client, thread_id, run["id"])
    assert tool_step["status"] == "completed"
    assert [c["function"]["output"] for c in tool_step["step_details"]["tool_calls"]] == ["sunny", "noon"]
    assert message_step["type"] == "message_creation"
    assert (await last_message(client, thread_id))["content"][0]["text"]["value"] == "sunny\nnoon"
    assert (
        done["usage"]["completion_tokens"]
        == tool_step["usage"]["completion_tokens"] + message_step["usage"]["completion_tokens"]
    )


@pytest.mark.parametrize(
    ("choice", "parallel", "called"),
    [
        ({"type": "function", "function": {"name": "get_time"}}, True, ["get_time"]),
        ("auto", False, ["get_weather"]),
        ("required", True, ["get_weather", "get_time"]),
        ("none", True, []),
    ],
)
async def test_tool_choice_decides_the_calls(
    client: httpx.AsyncClient, choice: Any, parallel: bool, called: list[str]
) -> None:
    thread_id = await thread_with(client)
    run = await start(
        client, thread_id, tools=[WEATHER, TIME], tool_choice=choice, parallel_tool_calls=parallel
    )
    run = await fetch(client, thread_id, run["id"])
    action = run["required_action"]
    calls = action["submit_tool_outputs"]["tool_calls"] if action else []
    assert [c["function"]["name"] for c in calls] == called
    assert run["status"] == ("requires_action" if called else "completed")


async def waiting_run(client: httpx.AsyncClient) -> tuple[str, dict[str, Any]]:
    thread_id = await thread_with(client)
    run = await start(client, thread_id, tools=[WEATHER])
    return thread_id, await fetch(client, thread_id, run["id"])


@pytest.mark.parametrize(
    ("outputs", "message", "param", "code"),
    [
        ([{"tool_call_id": "call_wrong", "output": "x"}], "Expected tool outputs for call_ids ['{call}'], got ['call_wrong'].", "tool_outputs", "invalid_value"),
        ([], "Expected tool outputs for call_ids ['{call}'], got [].", "tool_outputs", "invalid_value"),
        ([{"tool_call_id": "{call}"}, {"tool_call_id": "{call}"}], "Expected tool outputs for call_ids ['{call}'], got ['{call}', '{call}'].", "tool_outputs", "invalid_value"),
        ([{"output": "x"}], "Missing required parameter: 'tool_outputs[0].tool_call_id'.", "tool_outputs[0].tool_call_id", "missing_required_parameter"),
    ],
)  # fmt: skip
async def test_tool_outputs_must_answer_the_pending_calls(
    client: httpx.AsyncClient, outputs: list[dict[str, str]], message: str, param: str, code: str
) -> None:
    thread_id, run = await waiting_run(client)
    call = run["required_action"]["submit_tool_outputs"]["tool_calls"][0]["id"]
    given = [{k: v.format(call=call) for k, v in o.items()} for o in outputs]
    response = await client.post(
        f"/threads/{thread_id}/runs/{run['id']}/submit_tool_outputs", json={"tool_outputs": given}
    )
    assert response.status_code == 400
    assert response.json() == envelope(message.format(call=call), param, code)
    assert (await fetch(client, thread_id, run["id"]))["status"] == "requires_action"


async def test_only_a_waiting_run_takes_tool_outputs(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client)
    run = await start(client, thread_id)
    response = await client.post(
        f"/threads/{thread_id}/runs/{run['id']}/submit_tool_outputs", json={"tool_outputs": []}
    )
    assert response.status_code == 400
    assert response.json() == envelope('Runs in status "completed" do not accept tool outputs.')


async def test_one_active_run_per_thread(client: httpx.AsyncClient) -> None:
    thread_id, run = await waiting_run(client)
    response = await client.post(f"/threads/{thread_id}/runs", json={"assistant_id": "asst_1"})
    assert response.status_code == 400
    assert response.json() == envelope(f"Thread {thread_id} already has an active run {run['id']}.")


async def test_cancel_a_waiting_run(client: httpx.AsyncClient) -> None:
    thread_id, run = await waiting_run(client)
    url = f"/threads/{thread_id}/runs/{run['id']}"
    cancelling = (await client.post(url + "/cancel")).json()
    assert cancelling["status"] == "cancelling"
    cancelled = await fetch(client, thread_id, run["id"])
    assert (cancelled["status"], cancelled["required_action"]) == ("cancelled", None)
    assert cancelled["cancelled_at"] is not None
    [step] = await steps(client, thread_id, run["id"])
    assert (step["status"], step["cancelled_at"]) == ("cancelled", cancelled["cancelled_at"])
    again = await client.post(url + "/cancel")
    assert again.status_code == 400
    assert again.json() == envelope("Cannot cancel run with status 'cancelled'.")
    await start(client, thread_id)  # the thread is free again


async def test_cancel_per_poll_passes_through_cancelling(open_mock: Any, stateful_config: MockConfig) -> None:
    async with open_mock(replace(stateful_config, advance="per_poll")) as client:
        thread_id = await thread_with(client)
        run = await start(client, thread_id)
        assert (await client.post(f"/threads/{thread_id}/runs/{run['id']}/cancel")).json()[
            "status"
        ] == "cancelling"
        assert [(await fetch(client, thread_id, run["id"]))["status"] for _ in range(2)] == [
            "cancelled",
            "cancelled",
        ]


async def test_a_completed_run_cannot_be_cancelled(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client)
    run = await start(client, thread_id)
    assert (await fetch(client, thread_id, run["id"]))["status"] == "completed"
    response = await client.post(f"/threads/{thread_id}/runs/{run['id']}/cancel")
    assert response.status_code == 400
    assert response.json() == envelope("Cannot cancel run with status 'completed'.")


@pytest.mark.parametrize("made_by", ["createRun", "createThreadAndRun"])
async def test_a_cancel_right_after_create_finds_the_run_queued(
    client: httpx.AsyncClient, made_by: str
) -> None:
    """An instant mock answers `queued` and settles the run before anyone sees it again, except a cancel."""
    if made_by == "createRun":
        thread_id = await thread_with(client)
        run = await start(client, thread_id)
    else:
        body = {"assistant_id": "asst_1", "thread": {"messages": [{"role": "user", "content": "Hi"}]}}
        run = (await client.post("/threads/runs", json=body)).json()
        thread_id = run["thread_id"]
    assert run["status"] == "queued"
    cancelling = await client.post(f"/threads/{thread_id}/runs/{run['id']}/cancel")
    assert (cancelling.status_code, cancelling.json()["status"]) == (200, "cancelling")
    cancelled = await fetch(client, thread_id, run["id"])
    assert (cancelled["status"], cancelled["started_at"], cancelled["usage"]) == ("cancelled", None, None)
    assert await steps(client, thread_id, run["id"]) == []  # it never started: no step, no answer
    assert [m["role"] for m in (await client.get(f"/threads/{thread_id}/messages")).json()["data"]] == [
        "user"
    ]
    await start(client, thread_id)  # the thread is free again


async def test_a_run_not_cancelled_has_settled_by_the_next_request(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client)
    run = await start(client, thread_id)
    listed = (await client.get(f"/threads/{thread_id}/messages")).json()["data"]
    assert [m["role"] for m in listed] == ["assistant", "user"]  # answered, though nobody polled the run
    assert (await fetch(client, thread_id, run["id"]))["status"] == "completed"


async def test_a_waiting_run_expires(open_mock: Any, with_clock: MockConfig, clock: Any) -> None:
    async with open_mock(with_clock) as client:
        thread_id, run = await waiting_run(client)
        assert run["expires_at"] == int(clock.now) + 600
        clock.now = run["expires_at"] - 1
        assert (await fetch(client, thread_id, run["id"]))["status"] == "requires_action"
        clock.now = run["expires_at"]
        expired = await fetch(client, thread_id, run["id"])
        assert (expired["status"], expired["required_action"]) == ("expired", None)
        [step] = await steps(client, thread_id, run["id"])
        assert (step["status"], step["expired_at"]) == ("expired", run["expires_at"])
        submit = await client.post(
            f"/threads/{thread_id}/runs/{run['id']}/submit_tool_outputs", json={"tool_outputs": []}
        )
        assert submit.json() == envelope('Runs in status "expired" do not accept tool outputs.')
        await start(client, thread_id)


async def test_an_expired_run_frees_the_thread_without_being_fetched(
    open_mock: Any, with_clock: MockConfig, clock: Any
) -> None:
    async with open_mock(with_clock) as client:
        thread_id, run = await waiting_run(client)
        clock.now += 601
        again = await start(client, thread_id)
        assert again["id"] != run["id"]
        assert (await fetch(client, thread_id, run["id"]))["status"] == "expired"


async def test_max_completion_tokens_makes_the_run_incomplete(client: httpx.AsyncClient) -> None:
    words = " ".join(f"w{i}" for i in range(300))
    thread_id = await thread_with(client, words)
    run = await start(client, thread_id, max_completion_tokens=256)
    run = await fetch(client, thread_id, run["id"])
    assert (run["status"], run["incomplete_details"]) == ("incomplete", {"reason": "max_completion_tokens"})
    assert run["usage"]["completion_tokens"] == 256
    message = await last_message(client, thread_id)
    assert (message["status"], message["incomplete_details"]) == ("incomplete", {"reason": "max_tokens"})
    assert message["content"][0]["text"]["value"] == " ".join(f"w{i}" for i in range(256))
    assert message["incomplete_at"] is not None and message["completed_at"] is None


async def test_max_prompt_tokens_makes_the_run_incomplete(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client, "word " * 300)
    run = await start(client, thread_id, max_prompt_tokens=256)
    run = await fetch(client, thread_id, run["id"])
    assert (run["status"], run["incomplete_details"]) == ("incomplete", {"reason": "max_prompt_tokens"})
    assert await steps(client, thread_id, run["id"]) == []


async def test_truncation_keeps_the_last_messages(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client, "word " * 300)
    await client.post(f"/threads/{thread_id}/messages", json={"role": "user", "content": "short"})
    strategy = {"type": "last_messages", "last_messages": 1}
    run = await start(client, thread_id, max_prompt_tokens=256, truncation_strategy=strategy)
    run = await fetch(client, thread_id, run["id"])
    assert (run["status"], run["usage"]["prompt_tokens"]) == ("completed", 1)


async def test_modify_run_changes_only_metadata(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client)
    run = await fetch(client, thread_id, (await start(client, thread_id))["id"])
    changed = (
        await client.post(f"/threads/{thread_id}/runs/{run['id']}", json={"metadata": {"x": "y"}})
    ).json()
    assert changed == {**run, "metadata": {"x": "y"}}


async def test_runs_are_listed_newest_first(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client)
    ids = [(await start(client, thread_id))["id"] for _ in range(3)]
    page = (await client.get(f"/threads/{thread_id}/runs", params={"limit": 2})).json()
    assert ([r["id"] for r in page["data"]], page["has_more"]) == (ids[:0:-1], True)


async def test_create_thread_and_run(client: httpx.AsyncClient) -> None:
    body = {
        "assistant_id": "asst_1",
        "thread": {"messages": [{"role": "user", "content": "Hi all"}]},
        "tool_resources": {"code_interpreter": {"file_ids": ["f"]}},
    }
    run = (await client.post("/threads/runs", json=body)).json()
    assert (run["status"], run["tool_resources"]) == ("queued", {"code_interpreter": {"file_ids": ["f"]}})
    assert (await fetch(client, run["thread_id"], run["id"]))["status"] == "completed"
    assert (await last_message(client, run["thread_id"]))["content"][0]["text"]["value"] == "Hi all"


async def test_stream_of_a_run(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client, "one two three four")
    response = await client.post(
        f"/threads/{thread_id}/runs", json={"assistant_id": "asst_1", "stream": True}
    )
    assert response.headers["content-type"].startswith("text/event-stream")
    head = ["thread.run.created", "thread.run.queued", "thread.run.in_progress", *MESSAGE_EVENTS]
    assert names(response) == [*head, *["thread.message.delta"] * 4, *END_EVENTS]
    deltas = payloads(response, "thread.message.delta")
    assert "".join(d["delta"]["content"][0]["text"]["value"] for d in deltas) == "one two three four"
    [completed] = payloads(response, "thread.run.completed")
    assert completed == await fetch(client, thread_id, completed["id"])


async def test_stream_of_create_thread_and_run_starts_with_the_thread(client: httpx.AsyncClient) -> None:
    body = {
        "assistant_id": "asst_1",
        "stream": True,
        "thread": {"messages": [{"role": "user", "content": "Hello"}]},
    }
    response = await client.post("/threads/runs", json=body)
    assert names(response)[:3] == ["thread.created", "thread.run.created", "thread.run.queued"]
    assert names(response)[-4:] == END_EVENTS


async def test_stream_of_a_tool_run_and_its_outputs(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client)
    response = await client.post(
        f"/threads/{thread_id}/runs", json={"assistant_id": "a", "stream": True, "tools": [WEATHER]}
    )
    head = ["thread.run.created", "thread.run.queued", "thread.run.in_progress", *MESSAGE_EVENTS[:2]]
    deltas = ["thread.run.step.delta"] * 4
    assert names(response) == [*head, *deltas, "thread.run.requires_action", "done"]
    step_deltas = [
        d["delta"]["step_details"]["tool_calls"][0] for d in payloads(response, "thread.run.step.delta")
    ]
    [run] = payloads(response, "thread.run.requires_action")
    [call] = run["required_action"]["submit_tool_outputs"]["tool_calls"]
    assert step_deltas[0]["id"] == call["id"]
    assert "".join(d["function"]["arguments"] for d in step_deltas) == call["function"]["arguments"]
    body = {"stream": True, "tool_outputs": [{"tool_call_id": call["id"], "output": "sunny"}]}
    response = await client.post(f"/threads/{thread_id}/runs/{run['id']}/submit_tool_outputs", json=body)
    head = ["thread.run.step.completed", "thread.run.queued", "thread.run.in_progress", *MESSAGE_EVENTS]
    assert names(response) == [*head, "thread.message.delta", *END_EVENTS]


async def test_stream_of_an_incomplete_run(client: httpx.AsyncClient) -> None:
    thread_id = await thread_with(client, "w " * 300)
    body = {"assistant_id": "a", "stream": True, "max_completion_tokens": 256}
    response = await client.post(f"/threads/{thread_id}/runs", json=body)
    assert names(response)[-4:] == [
        "thread.message.incomplete",
        "thread.run.step.completed",
        "thread.run.incomplete",
        "done",
    ]


def nested(levels: int) -> dict[str, Any]:
    """A JSON object ``levels`` deep."""
    value: dict[str, Any] = {}
    for _ in range(levels - 1):
        value = {"n": value}
    return value


@pytest.mark.parametrize("depth", [500, MAX_DEPTH - 5])
async def test_deeply_nested_function_parameters_round_trip(client: httpx.AsyncClient, depth: int) -> None:
    # the request nests 5 levels above the parameters: {"tools": [{"function": {"parameters": …}}]}
    tool = {"type": "function", "function": {"name": "deep", "parameters": nested(depth)}}
    thread_id = await thread_with(client)

    async def post(path: str, body: dict[str, Any]) -> httpx.Response:
        content = msgspec.json.encode(body)  # the stdlib encoder runs out of stack this deep
        return await client.post(path, content=content, headers={"content-type": "application/json"})

    response = await post(f"/threads/{thread_id}/runs", {"assistant_id": "a", "tools": [tool]})
    run = msgspec.json.decode(response.content)
    assert run["tools"] == [tool]
    for path in (f"/threads/{thread_id}/runs/{run['id']}", f"/threads/{thread_id}/runs"):
        fetched = msgspec.json.decode((await client.get(path)).content)
        assert fetched.get("tools", fetched.get("data", [{}])[0].get("tools")) == [tool]
    await client.post(f"/threads/{thread_id}/runs/{run['id']}/cancel")
    response = await post(
        f"/threads/{thread_id}/runs", {"assistant_id": "a", "stream": True, "tools": [tool]}
    )
    created = next(e for e in parse_text(response.content) if e.event == "thread.run.created")
    assert msgspec.json.decode(created.data)["tools"] == [tool]


async def test_nesting_past_the_limit_is_refused(client: httpx.AsyncClient) -> None:
    tool = {"type": "function", "function": {"name": "deep", "parameters": nested(MAX_DEPTH)}}
    body = msgspec.json.encode({"assistant_id": "a", "tools": [tool]})
    thread_id = await thread_with(client)
    response = await client.post(
        f"/threads/{thread_id}/runs", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == envelope(JSON_BODY_ERROR)


async def test_scripted_replies(open_mock: Any, stateful_config: MockConfig, tmp_path: Path) -> None:
    script = [
        {"match": "WEATHER", "tool_calls": [{"name": "get_weather", "arguments": {"city": "Oslo"}}], "text": "Sunny in Oslo."},
        {"match": "boom", "error": "The model is overloaded."},
        {"match": "time", "tool_calls": [{"name": "get_time"}]},
        "Fallback answer.",
    ]  # fmt: skip
    path = tmp_path / "replies.json"
    path.write_text(json.dumps({"replies": script}))
    async with open_mock(replace(stateful_config, reply_file=path)) as client:
        thread_id = await thread_with(client, "How is the weather?")
        run = await fetch(client, thread_id, (await start(client, thread_id, tools=[WEATHER]))["id"])
        [call] = run["required_action"]["submit_tool_outputs"]["tool_calls"]
        assert json.loads(call["function"]["arguments"]) == {"city": "Oslo"}
        outputs = {"tool_outputs": [{"tool_call_id": call["id"], "output": "20C"}]}
        await client.post(f"/threads/{thread_id}/runs/{run['id']}/submit_tool_outputs", json=outputs)
        assert (await last_message(client, thread_id))["content"][0]["text"]["value"] == "Sunny in Oslo."
        # without the function on offer the rule is passed over
        run = await fetch(client, thread_id, (await start(client, thread_id))["id"])
        assert (await last_message(client, thread_id))["content"][0]["text"]["value"] == "Fallback answer."
        thread_id = await thread_with(client, "boom")
        run = await fetch(client, thread_id, (await start(client, thread_id))["id"])
        assert (run["status"], run["last_error"]) == (
            "failed",
            {"code": "server_error", "message": "The model is overloaded."},
        )
        assert run["failed_at"] is not None
