"""The official openai SDK against the mock: assistants, threads, messages, runs, tools, streams — sync and async."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from openai import AssistantEventHandler, AsyncAssistantEventHandler, AsyncOpenAI, NotFoundError, OpenAI
from openai.types.beta import AssistantStreamEvent
from openai.types.beta.threads import Text, TextDelta

from threadspec.mock import MockConfig, create_app, serve_in_thread

pytestmark = [
    pytest.mark.filterwarnings("ignore:The Assistants API is deprecated:DeprecationWarning"),
    pytest.mark.anyio,
]
KEY = "sk-mock-key-for-the-sdk-tests"
WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}
EXPECTED_EVENTS = [
    "thread.run.created", "thread.run.queued", "thread.run.in_progress", "thread.run.step.created",
    "thread.run.step.in_progress", "thread.message.created", "thread.message.in_progress",
    "thread.message.delta", "thread.message.delta", "thread.message.completed", "thread.run.step.completed",
    "thread.run.completed",
]  # fmt: skip


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve_in_thread(MockConfig(port=0, api_key=KEY, poll_after_ms=0)) as url:
        yield url


class Recorder(AssistantEventHandler):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []
        self.text: list[str] = []

    def on_event(self, event: AssistantStreamEvent) -> None:
        self.events.append(event.event)

    def on_text_delta(self, delta: TextDelta, snapshot: Text) -> None:
        self.text.append(delta.value or "")


def test_sync_sdk(base_url: str) -> None:
    client = OpenAI(base_url=base_url, api_key=KEY, max_retries=0)
    threads = client.beta.threads
    thread = threads.create(metadata={"suite": "sdk"})
    threads.messages.create(thread.id, role="user", content="What is two plus two?")
    run = threads.runs.create_and_poll(thread_id=thread.id, assistant_id="asst_sdk")
    assert (run.status, run.usage is not None) == ("completed", True)
    listed = threads.messages.list(thread.id, order="asc")
    assert [(m.role, m.content[0].text.value) for m in listed.data] == [  # type: ignore[union-attr]
        ("user", "What is two plus two?"),
        ("assistant", "What is two plus two?"),
    ]

    run = threads.runs.create_and_poll(thread_id=thread.id, assistant_id="asst_sdk", tools=[WEATHER])  # type: ignore[list-item]
    assert run.status == "requires_action" and run.required_action is not None
    [call] = run.required_action.submit_tool_outputs.tool_calls
    assert (call.function.name, json.loads(call.function.arguments)) == ("get_weather", {"city": "example"})
    run = threads.runs.submit_tool_outputs_and_poll(
        thread_id=thread.id, run_id=run.id, tool_outputs=[{"tool_call_id": call.id, "output": "21 degrees"}]
    )
    assert run.status == "completed"
    steps = threads.runs.steps.list(run_id=run.id, thread_id=thread.id, order="asc")
    assert [s.type for s in steps.data] == ["tool_calls", "message_creation"]

    threads.messages.create(thread.id, role="user", content="Stream this back")
    recorder = Recorder()
    with threads.runs.stream(thread_id=thread.id, assistant_id="asst_sdk", event_handler=recorder) as stream:
        stream.until_done()
        final = stream.get_final_run()
    assert recorder.events == [*EXPECTED_EVENTS[:7], "thread.message.delta", *EXPECTED_EVENTS[7:]]
    assert "".join(recorder.text) == "Stream this back"
    assert final.status == "completed"

    assert threads.delete(thread.id).deleted is True


def test_sync_sdk_errors(base_url: str) -> None:
    import openai

    with pytest.raises(openai.AuthenticationError, match="Incorrect API key provided"):
        OpenAI(base_url=base_url, api_key="sk-not-the-right-key-at-all", max_retries=0).beta.threads.create()
    client = OpenAI(base_url=base_url, api_key=KEY, max_retries=0)
    with pytest.raises(openai.NotFoundError, match="No thread found with id 'thread_missing'"):
        client.beta.threads.retrieve("thread_missing")
    with pytest.raises(openai.BadRequestError, match="Expected an ID that begins with 'thread'") as caught:
        client.beta.threads.retrieve("msg_wrongkind")
    assert caught.value.param == "thread_id"  # type: ignore[attr-defined]


class AsyncRecorder(AsyncAssistantEventHandler):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []

    async def on_event(self, event: AssistantStreamEvent) -> None:
        self.events.append(event.event)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_async_sdk_in_process() -> None:
    app = create_app(MockConfig(poll_after_ms=0))
    http_client = httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app))
    client = AsyncOpenAI(base_url="http://mock/v1", api_key=KEY, http_client=http_client, max_retries=0)
    threads = client.beta.threads
    thread = await threads.create(messages=[{"role": "user", "content": "Hello async"}])
    run = await threads.runs.create_and_poll(thread_id=thread.id, assistant_id="asst_sdk", tools=[WEATHER])  # type: ignore[list-item]
    assert run.status == "requires_action" and run.required_action is not None
    outputs: list[Any] = [
        {"tool_call_id": c.id, "output": "sunny"} for c in run.required_action.submit_tool_outputs.tool_calls
    ]
    recorder = AsyncRecorder()
    async with threads.runs.submit_tool_outputs_stream(
        thread_id=thread.id, run_id=run.id, tool_outputs=outputs, event_handler=recorder
    ) as stream:
        await stream.until_done()
    assert recorder.events[:3] == ["thread.run.step.completed", "thread.run.queued", "thread.run.in_progress"]
    assert recorder.events[-1] == "thread.run.completed"
    messages = await threads.messages.list(thread.id)
    assert messages.data[0].content[0].text.value == "sunny"  # type: ignore[union-attr]
    cancelled = await threads.runs.create(thread_id=thread.id, assistant_id="asst_sdk", tools=[WEATHER])  # type: ignore[list-item]
    assert (await threads.runs.cancel(run_id=cancelled.id, thread_id=thread.id)).status == "cancelling"
    assert (await threads.runs.retrieve(run_id=cancelled.id, thread_id=thread.id)).status == "cancelled"
    assert (await threads.delete(thread.id)).deleted is True
    await client.close()
    await http_client.aclose()


# ------------------------------------------------------------------------------------ assistants
_SDK_ONLY = {"self", "assistant_id", "extra_headers", "extra_query", "extra_body", "timeout"}
CREATE: dict[str, Any] = {
    "model": "gpt-4o",
    "description": "Answers weather questions.",
    "instructions": "You tell people the weather.",
    "metadata": {"team": "support"},
    "name": "Weather bot",
    "reasoning_effort": "low",
    "response_format": {"type": "json_object"},
    "temperature": 0.4,
    "tool_resources": {
        "code_interpreter": {"file_ids": ["file_1"]},
        "file_search": {
            "vector_stores": [
                {
                    "file_ids": ["file_2"],
                    "chunking_strategy": {
                        "type": "static",
                        "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400},
                    },
                    "metadata": {"k": "v"},
                }
            ]
        },
    },
    "tools": [
        {"type": "code_interpreter"},
        {
            "type": "file_search",
            "file_search": {"max_num_results": 5, "ranking_options": {"score_threshold": 0.5}},
        },
        WEATHER,
    ],
    "top_p": 0.9,
}
UPDATE: dict[str, Any] = {
    "description": None,
    "instructions": "You tell people the weather, in Celsius.",
    "metadata": {"team": "weather"},
    "model": "gpt-4.1",
    "name": "Weather bot 2",
    "reasoning_effort": "high",
    "response_format": {
        "type": "json_schema",
        "json_schema": {"name": "forecast", "schema": {"type": "object"}, "strict": True},
    },
    "temperature": 1.2,
    "tool_resources": {"code_interpreter": {"file_ids": []}, "file_search": {"vector_store_ids": ["vs_1"]}},
    "tools": [WEATHER],
    "top_p": 0.5,
}
LIST: dict[str, Any] = {"limit": 5, "order": "asc"}
SHOWN = ("model", "description", "instructions", "metadata", "name", "temperature", "top_p")  # echoed as sent


def test_every_parameter_of_every_assistants_method_is_exercised() -> None:
    """The tables above name every parameter the SDK can send: a new one fails this test."""
    from openai.resources.beta.assistants import Assistants

    for method, given in (
        ("create", CREATE),
        ("update", UPDATE),
        ("list", {**LIST, "after": 1, "before": 1}),
    ):
        assert set(inspect.signature(getattr(Assistants, method)).parameters) - _SDK_ONLY == set(given), (
            method
        )


@pytest.fixture(scope="module", params=["stateful", "stateless"])
def served(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    """(mode, base URL) of a mock on a real port, in each mode."""
    with serve_in_thread(MockConfig(port=0, api_key=KEY, mode=request.param)) as url:
        yield request.param, url


def _check_created(created: Any) -> None:
    assert {k: getattr(created, k) for k in SHOWN} == {k: CREATE[k] for k in SHOWN}
    assert [t.type for t in created.tools] == ["code_interpreter", "file_search", "function"]
    assert created.tool_resources.code_interpreter.file_ids == ["file_1"]
    [store] = created.tool_resources.file_search.vector_store_ids
    assert store.startswith("vs_")  # the vector store to create got an id


def _check_updated(updated: Any, created: Any) -> None:
    assert updated.id == created.id
    assert {k: getattr(updated, k) for k in SHOWN} == {k: UPDATE[k] for k in SHOWN}
    assert updated.response_format.json_schema.name == "forecast"
    assert updated.tool_resources.file_search.vector_store_ids == ["vs_1"]


@pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")
def test_sync_sdk_assistants_with_every_parameter(served: tuple[str, str]) -> None:
    mode, url = served
    with OpenAI(base_url=url, api_key=KEY, max_retries=0) as client:
        assistants = client.beta.assistants
        created = assistants.create(**CREATE)
        _check_created(created)
        assert assistants.retrieve(created.id).id == created.id
        updated = assistants.update(created.id, **UPDATE)
        _check_updated(updated, created)
        listed = assistants.list(**LIST)
        assert listed.data and all(a.object == "assistant" for a in listed.data)
        assert assistants.list(**LIST, after=listed.data[-1].id, before="asst_zzz").data == []
        deleted = assistants.delete(created.id)
        assert (deleted.id, deleted.deleted, deleted.object) == (created.id, True, "assistant.deleted")
        if mode == "stateful":  # it kept what it was told, and forgets what was deleted
            assert created.id in [a.id for a in listed.data]
            with pytest.raises(NotFoundError):
                assistants.retrieve(created.id)


@pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")
@pytest.mark.parametrize("mode", ["stateful", "stateless"])
async def test_async_sdk_assistants_with_every_parameter(mode: str) -> None:
    app = create_app(MockConfig(mode=mode))  # type: ignore[arg-type]
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app)) as http_client:
        client = AsyncOpenAI(base_url="http://mock/v1", api_key=KEY, http_client=http_client, max_retries=0)
        assistants = client.beta.assistants
        created = await assistants.create(**CREATE)
        _check_created(created)
        retrieved = await assistants.retrieve(created.id)
        updated = await assistants.update(created.id, **UPDATE)
        _check_updated(updated, created)
        listed = await assistants.list(**LIST)
        assert [a async for a in assistants.list(**LIST, before="asst_zzz")] == []
        deleted = await assistants.delete(created.id)
        assert (deleted.id, deleted.deleted) == (created.id, True)
        if mode == "stateful":
            assert retrieved == created and [a.id for a in listed.data] == [created.id]
