"""The objects checks need to exist first: threads, messages, runs in a given state, run steps.

Each is created through the API and must come back as the spec says; when the server will not
cooperate, the check fails at its setup with the exchange that shows why.
"""

from __future__ import annotations

import time
from typing import Any

import anyio

from threadspec.contract.client import ContractClient
from threadspec.contract.verdict import CheckSkippedError, fail, usable
from threadspec.facts import TERMINAL_RUN_STATUSES as TERMINAL

FUNCTION_NAME = "get_weather"
FUNCTION_TOOL: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": FUNCTION_NAME,
        "description": "The current weather in a city.",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}
QUESTION = {"role": "user", "content": "What is the weather in Oslo?"}


class Resources:
    """Creates and waits for the objects a check works on."""

    def __init__(
        self, client: ContractClient, assistant_id: str, *, stateful: bool, poll_seconds: float
    ) -> None:
        self.client = client
        self.assistant_id = assistant_id
        self.stateful = stateful
        self.poll_seconds = poll_seconds

    def run_body(self, *, tool: bool = False, stream: bool = False) -> dict[str, Any]:
        """A run request: a plain one, or one whose model must call :data:`FUNCTION_TOOL`."""
        body: dict[str, Any] = {"assistant_id": self.assistant_id}
        if tool:
            body["tools"] = [FUNCTION_TOOL]
            body["tool_choice"] = {"type": "function", "function": {"name": FUNCTION_NAME}}
        if stream:
            body["stream"] = True
        return body

    async def assistant(self) -> dict[str, Any]:
        exchange = await self.client.call("createAssistant", body={"model": "gpt-4o", "name": "threadspec"})
        assistant: dict[str, Any] = usable(exchange, "setup: create an assistant")
        return assistant

    async def thread(self, body: dict[str, Any] | None = None) -> dict[str, Any]:
        exchange = await self.client.call("createThread", body=body if body is not None else {})
        thread: dict[str, Any] = usable(exchange, "setup: create a thread")
        return thread

    async def message(self, thread_id: str, content: str = "Hello.") -> dict[str, Any]:
        exchange = await self.client.call(
            "createMessage", {"thread_id": thread_id}, body={"role": "user", "content": content}
        )
        message: dict[str, Any] = usable(exchange, "setup: create a message")
        return message

    async def run(self, thread_id: str, *, tool: bool = False) -> dict[str, Any]:
        exchange = await self.client.call(
            "createRun", {"thread_id": thread_id}, body=self.run_body(tool=tool)
        )
        run: dict[str, Any] = usable(exchange, "setup: create a run")
        return run

    async def wait(
        self, run: dict[str, Any], until: frozenset[str] = TERMINAL, case: str = "setup"
    ) -> dict[str, Any]:
        """Poll the run until its status is in ``until`` (or terminal); fail when that takes too long.

        Against a server that keeps no state, whatever the server answered first is all there is.
        """
        if not self.stateful:
            return run
        deadline = time.monotonic() + self.poll_seconds
        interval = 0.02
        ids = {"thread_id": run["thread_id"], "run_id": run["id"]}
        while run.get("status") not in until | TERMINAL:
            if not isinstance(run.get("status"), str):
                raise fail(case, "the run has no status to wait on")
            if time.monotonic() > deadline:
                raise fail(case, f"run still {run.get('status')!r} after {self.poll_seconds:.0f}s of polling")
            await anyio.sleep(interval)
            interval = min(interval * 2, 1.0)
            exchange = await self.client.call("getRun", ids)
            run = usable(exchange, f"{case}: poll the run")
        return run

    async def finished_run(self) -> dict[str, Any]:
        """A run (on a new thread with one message) that has reached a terminal state."""
        thread = await self.thread({"messages": [{"role": "user", "content": "Say hello."}]})
        return await self.wait(await self.run(thread["id"]), case="setup: wait for the run to end")

    async def any_run(self) -> dict[str, Any]:
        """A run on a new thread, in whatever state the server answers with."""
        thread = await self.thread({"messages": [{"role": "user", "content": "Say hello."}]})
        return await self.run(thread["id"])

    async def waiting_run(self) -> dict[str, Any]:
        """A run (on a new thread) that stopped to ask for the output of :data:`FUNCTION_TOOL`."""
        thread = await self.thread({"messages": [QUESTION]})
        run = await self.run(thread["id"], tool=True)
        run = await self.wait(run, frozenset({"requires_action"}), case="setup: wait for requires_action")
        if self.stateful and run.get("status") != "requires_action":
            raise fail(
                "setup: wait for requires_action",
                f"a run with a required function tool ended {run.get('status')!r} without asking for tool outputs",
            )
        return run

    async def step(self, run: dict[str, Any]) -> dict[str, Any]:
        """The first step of ``run``; a check that needs one is skipped when the server lists none."""
        ids = {"thread_id": run["thread_id"], "run_id": run["id"]}
        listing = (await self.client.call("listRunSteps", ids)).json()
        steps = listing.get("data") if isinstance(listing, dict) else None
        if not steps or not isinstance(steps, list) or not isinstance(steps[0], dict):
            raise CheckSkippedError("the server listed no run steps to read")
        first: dict[str, Any] = steps[0]
        return first


def tool_outputs(run: dict[str, Any], outputs: list[str] | None = None) -> list[dict[str, str]]:
    """One output per tool call the run waits on (``call_threadspec`` when the server named none)."""
    action = run.get("required_action") or {}
    calls = (action.get("submit_tool_outputs") or {}).get("tool_calls") or [{"id": "call_threadspec"}]
    texts = outputs or ["Sunny, 21 degrees."]
    return [
        {"tool_call_id": str(call.get("id")), "output": texts[i % len(texts)]} for i, call in enumerate(calls)
    ]
