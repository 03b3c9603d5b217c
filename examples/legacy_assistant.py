"""A legacy Assistants API application, written against the official ``openai`` SDK as it always was.

It creates an assistant with a function tool, starts a thread, asks a question, lets a run call the
function, hands the output back and reads the answer — polled (``create_and_poll`` and
``submit_tool_outputs_and_poll``) or streamed (``runs.stream`` with an ``AssistantEventHandler``),
with the sync or the async client. Nothing in it knows about threadspec: point it at the mock and
it runs unchanged::

    make mock                                       # in one terminal: http://127.0.0.1:4010/v1
    python examples/legacy_assistant.py             # polled, sync
    python examples/legacy_assistant.py --stream --async

The SDK reads ``OPENAI_BASE_URL`` and ``OPENAI_API_KEY`` as usual; without them the program talks
to the mock's default address with a placeholder key. The mock makes up the function's arguments
from its JSON Schema (``{"city": "example"}``) unless ``--reply-file`` scripts them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openai import AssistantEventHandler, AsyncAssistantEventHandler, AsyncOpenAI, OpenAI
from openai.types.beta import Assistant, AssistantStreamEvent
from openai.types.beta.threads import Run

MOCK_URL = "http://127.0.0.1:4010/v1"
QUESTION = "What is the weather in Oslo right now?"
WEATHER_TOOL: Any = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The current weather in a city.",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}
ASSISTANT: Any = {
    "name": "Weather bot",
    "instructions": "You tell people the weather. Call get_weather for current conditions.",
    "model": "gpt-4o",
    "tools": [WEATHER_TOOL],
}


def get_weather(city: str) -> str:
    """The application's own function, which the model asks it to call."""
    return f"Sunny and 21 degrees in {city}."


@dataclass
class Outcome:
    """What the workflow saw, for the caller to print or check."""

    assistant: Assistant
    run: Run | None = None
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    messages: list[tuple[str, str]] = field(default_factory=list)  # (role, text), oldest first


def _outputs(run: Run, outcome: Outcome) -> list[Any]:
    """Run every function the run asks for and answer each call with its output."""
    assert run.required_action is not None
    outputs = []
    for call in run.required_action.submit_tool_outputs.tool_calls:
        arguments = json.loads(call.function.arguments)
        outcome.calls.append((call.function.name, arguments))
        outputs.append({"tool_call_id": call.id, "output": get_weather(**arguments)})
    return outputs


def _texts(page: Any) -> list[tuple[str, str]]:
    return [(m.role, "".join(p.text.value for p in m.content if p.type == "text")) for m in page.data]


# ------------------------------------------------------------------------------------ sync
class Handler(AssistantEventHandler):
    """Streams a run; when it needs tool outputs, streams their submission with a new handler."""

    def __init__(self, client: OpenAI, outcome: Outcome) -> None:
        super().__init__()
        self.client, self.outcome = client, outcome

    def on_event(self, event: AssistantStreamEvent) -> None:
        self.outcome.events.append(event.event)
        if event.event == "thread.run.requires_action":
            run = event.data
            with self.client.beta.threads.runs.submit_tool_outputs_stream(
                thread_id=run.thread_id,
                run_id=run.id,
                tool_outputs=_outputs(run, self.outcome),
                event_handler=Handler(self.client, self.outcome),
            ) as stream:
                stream.until_done()
        elif event.event in ("thread.run.completed", "thread.run.failed", "thread.run.incomplete"):
            self.outcome.run = event.data


def workflow(client: OpenAI, *, stream: bool) -> Outcome:
    """The whole conversation with the sync client; the thread and the assistant are deleted after."""
    outcome = Outcome(client.beta.assistants.create(**ASSISTANT))
    thread = client.beta.threads.create()
    try:
        client.beta.threads.messages.create(thread_id=thread.id, role="user", content=QUESTION)
        if stream:
            with client.beta.threads.runs.stream(
                thread_id=thread.id, assistant_id=outcome.assistant.id, event_handler=Handler(client, outcome)
            ) as events:
                events.until_done()
        else:
            run = client.beta.threads.runs.create_and_poll(
                thread_id=thread.id, assistant_id=outcome.assistant.id
            )
            while run.status == "requires_action":
                run = client.beta.threads.runs.submit_tool_outputs_and_poll(
                    thread_id=thread.id, run_id=run.id, tool_outputs=_outputs(run, outcome)
                )
            outcome.run = run
        outcome.messages = _texts(client.beta.threads.messages.list(thread_id=thread.id, order="asc"))
    finally:
        client.beta.threads.delete(thread.id)
        client.beta.assistants.delete(outcome.assistant.id)
    return outcome


# ------------------------------------------------------------------------------------ async
class AsyncHandler(AsyncAssistantEventHandler):
    def __init__(self, client: AsyncOpenAI, outcome: Outcome) -> None:
        super().__init__()
        self.client, self.outcome = client, outcome

    async def on_event(self, event: AssistantStreamEvent) -> None:
        self.outcome.events.append(event.event)
        if event.event == "thread.run.requires_action":
            run = event.data
            async with self.client.beta.threads.runs.submit_tool_outputs_stream(
                thread_id=run.thread_id,
                run_id=run.id,
                tool_outputs=_outputs(run, self.outcome),
                event_handler=AsyncHandler(self.client, self.outcome),
            ) as stream:
                await stream.until_done()
        elif event.event in ("thread.run.completed", "thread.run.failed", "thread.run.incomplete"):
            self.outcome.run = event.data


async def workflow_async(client: AsyncOpenAI, *, stream: bool) -> Outcome:
    """The same conversation with the async client."""
    outcome = Outcome(await client.beta.assistants.create(**ASSISTANT))
    thread = await client.beta.threads.create()
    try:
        await client.beta.threads.messages.create(thread_id=thread.id, role="user", content=QUESTION)
        if stream:
            async with client.beta.threads.runs.stream(
                thread_id=thread.id,
                assistant_id=outcome.assistant.id,
                event_handler=AsyncHandler(client, outcome),
            ) as events:
                await events.until_done()
        else:
            run = await client.beta.threads.runs.create_and_poll(
                thread_id=thread.id, assistant_id=outcome.assistant.id
            )
            while run.status == "requires_action":
                run = await client.beta.threads.runs.submit_tool_outputs_and_poll(
                    thread_id=thread.id, run_id=run.id, tool_outputs=_outputs(run, outcome)
                )
            outcome.run = run
        page = await client.beta.threads.messages.list(thread_id=thread.id, order="asc")
        outcome.messages = _texts(page)
    finally:
        await client.beta.threads.delete(thread.id)
        await client.beta.assistants.delete(outcome.assistant.id)
    return outcome


# ------------------------------------------------------------------------------------ main
async def _converse(base_url: str, api_key: str, *, stream: bool) -> Outcome:
    async with AsyncOpenAI(base_url=base_url, api_key=api_key) as client:
        return await workflow_async(client, stream=stream)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stream", action="store_true", help="stream the runs instead of polling them")
    parser.add_argument("--async", dest="use_async", action="store_true", help="use the async client")
    args = parser.parse_args(argv)
    base_url = os.environ.get("OPENAI_BASE_URL") or MOCK_URL
    api_key = os.environ.get("OPENAI_API_KEY") or "sk-placeholder"
    if args.use_async:
        outcome = asyncio.run(_converse(base_url, api_key, stream=args.stream))
    else:
        with OpenAI(base_url=base_url, api_key=api_key) as client:
            outcome = workflow(client, stream=args.stream)
    for name, arguments in outcome.calls:
        print(f"[called {name}({json.dumps(arguments)})]")
    for role, text in outcome.messages:
        print(f"{role}: {text}")
    status = outcome.run.status if outcome.run is not None else "no run"
    print(f"[run {status}]")
    return 0 if status == "completed" else 1


if __name__ == "__main__":
    sys.exit(main())
