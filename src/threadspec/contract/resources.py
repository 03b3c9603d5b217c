"""The objects checks need to exist first: assistants, threads, messages, runs in a given state, run steps.

Each is created through the API and judged like any answer to a valid request; a check that cannot
get what it needs is :class:`~threadspec.contract.verdict.Blocked`, with the problem on record.
"""

from __future__ import annotations

import time
from typing import Any

import anyio

from threadspec.contract import titles
from threadspec.contract.context import CheckContext
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.verdict import Blocked, Empty, body_of, usable
from threadspec.facts import TERMINAL_RUN_STATUSES as TERMINAL
from threadspec.facts import WAITING_RUN_STATUSES

FUNCTION_NAME = "get_weather"
FUNCTION_TOOL: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": FUNCTION_NAME,
        "description": "The current weather in a city.",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}
# The model requests name (every example of the spec names it): which models exist is a deployment's
# business, not the contract's, so a model name is never generated.
MODEL = "gpt-4o"
# What an assistant the runner makes is created with.
ASSISTANT: dict[str, Any] = {"model": MODEL, "name": "threadspec"}
# The file attached where an operation needs one (v1's assistant and message files): which files were
# uploaded is a deployment's business, and the contract has no operation to upload one.
FILE_ID = "file-threadspec"
QUESTION = {"role": "user", "content": "What is the weather in Oslo?"}
GREETING = {"role": "user", "content": "Say hello."}
Body = dict[str, Any]


class Resources:
    """Creates and waits for the objects one check works on, recording what it sees on the way."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.client = ctx.client

    @property
    def assistant_id(self) -> str:
        return self.ctx.run.assistant_id

    def run_body(self, *, tool: bool = False, stream: bool = False) -> Body:
        """A run request: a plain one, or one whose model must call :data:`FUNCTION_TOOL`."""
        body: Body = {"assistant_id": self.assistant_id}
        if tool:
            body["tools"] = [FUNCTION_TOOL]
            body["tool_choice"] = {"type": "function", "function": {"name": FUNCTION_NAME}}
        if stream:
            body["stream"] = True
        return body

    def behaviour(self, key: str, title: str, exchange: Any = None) -> Blocked:
        """Record a problem with how the server behaves; the :class:`Blocked` to raise for it."""
        self.ctx.verdict.record([Problem(key, Severity.ERROR, title, key.split(":")[-1], exchange)])
        return Blocked(title)

    def with_file(self, schema: str, body: Body) -> Body:
        """``body`` with :data:`FILE_ID` in its ``file_ids``, where the request schema has them (v1)."""
        if "file_ids" not in self.ctx.contract.shared_schema(schema).get("properties", {}):
            raise Blocked(f"{schema} takes no file_ids: the contract offers no way to attach a file")
        return {**body, "file_ids": [FILE_ID]}

    async def assistant(self, *, files: bool = False) -> Body:
        """A new assistant of the check's own (the run's assistant is never changed or deleted by a check),
        holding :data:`FILE_ID` with ``files``."""
        body = self.with_file("CreateAssistantRequest", ASSISTANT) if files else dict(ASSISTANT)
        exchange = await self.client.call("createAssistant", body=body)
        return usable(self.ctx, exchange, "create an assistant")

    async def thread(self, body: Body | None = None) -> Body:
        exchange = await self.client.call("createThread", body=body if body is not None else {})
        return usable(self.ctx, exchange, "create a thread")

    async def message(self, thread_id: str, content: str = "Hello.", *, files: bool = False) -> Body:
        body: Body = {"role": "user", "content": content}
        if files:
            body = self.with_file("CreateMessageRequest", body)
        exchange = await self.client.call("createMessage", {"thread_id": thread_id}, body=body)
        return usable(self.ctx, exchange, "create a message")

    def file_of(self, made: Body) -> str:
        """The file an object was created with; a problem when it came back without it."""
        files = made.get("file_ids")
        if isinstance(files, list) and FILE_ID in files:
            return FILE_ID
        kind = str(made.get("object"))
        raise self.behaviour("behaviour:file-kept", titles.file_not_kept(kind, FILE_ID, files))

    async def run(self, thread_id: str, *, tool: bool = False) -> Body:
        exchange = await self.client.call(
            "createRun", {"thread_id": thread_id}, body=self.run_body(tool=tool)
        )
        return usable(self.ctx, exchange, "create a run")

    async def wait(self, run: Body, until: frozenset[str] = TERMINAL) -> Body:
        """Poll the run until its status is in ``until`` (or terminal); a problem when that takes too long.

        Against a server that keeps no state, whatever the server answered first is all there is.
        """
        if not self.ctx.stateful:
            return run
        seconds = self.ctx.run.poll_seconds
        deadline = time.monotonic() + seconds
        interval = 0.02
        ids = {"thread_id": str(run.get("thread_id")), "run_id": str(run["id"])}
        learned = self.ctx.run.learned
        while run.get("status") not in until | TERMINAL:
            if not isinstance(run.get("status"), str):  # the schema problem is on record already
                raise Blocked("the run has no status to wait on")
            if learned.stuck or time.monotonic() > deadline:
                if not learned.stuck:
                    learned.stuck, learned.stuck_status = True, run.get("status")
                raise self.behaviour("behaviour:settle", titles.run_stuck(learned.stuck_status, seconds))
            await anyio.sleep(interval)
            interval = min(interval * 2, 1.0)
            run = usable(self.ctx, await self.client.call("getRun", ids), "poll the run")
        return run

    async def finished_run(self, body: Body | None = None) -> Body:
        """A run (on a new thread with one message) that has reached a terminal state."""
        thread = await self.thread(body or {"messages": [GREETING]})
        return await self.wait(await self.run(thread["id"]))

    async def any_run(self) -> Body:
        """A run on a new thread, in whatever state the server answers with."""
        thread = await self.thread({"messages": [GREETING]})
        return await self.run(thread["id"])

    async def waiting_run(self) -> Body:
        """A run (on a new thread) that stopped to ask for the output of :data:`FUNCTION_TOOL`."""
        thread = await self.thread({"messages": [QUESTION]})
        run = await self.wait(await self.run(thread["id"], tool=True), WAITING_RUN_STATUSES)
        if self.ctx.stateful and run.get("status") not in WAITING_RUN_STATUSES:
            raise self.behaviour("behaviour:requires-action", titles.no_tool_call(run.get("status")))
        return run

    async def steps(self, run: Body) -> list[Body]:
        """The steps of ``run``, judged as a list answer."""
        ids = {"thread_id": str(run.get("thread_id")), "run_id": str(run["id"])}
        listing = body_of(self.ctx, await self.client.call("listRunSteps", ids), "list the run's steps")
        data = listing.get("data")
        return [s for s in data if isinstance(s, dict)] if isinstance(data, list) else []

    async def step(self, run: Body) -> Body:
        """The first step of ``run``: a finished run on a server that keeps state has at least one."""
        steps = [s for s in await self.steps(run) if isinstance(s.get("id"), str)]
        if steps:
            return steps[0]
        if self.ctx.stateful:
            raise self.behaviour("behaviour:no-steps", titles.no_steps(str(run.get("status"))))
        raise Empty("the server listed no run steps to read")


def tool_outputs(run: Body, outputs: list[str] | None = None) -> list[dict[str, str]]:
    """One output per tool call the run waits on (``call_threadspec`` when the server named none)."""
    action = run.get("required_action") or {}
    calls = (action.get("submit_tool_outputs") or {}).get("tool_calls") or [{"id": "call_threadspec"}]
    texts = outputs or ["Sunny, 21 degrees."]
    return [
        {"tool_call_id": str(call.get("id")), "output": texts[i % len(texts)]} for i, call in enumerate(calls)
    ]
