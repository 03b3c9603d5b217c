"""A deliberately broken Assistants server for the proxy to stand in front of.

It checks nothing (any number of metadata keys is welcome), answers some operations in the wrong shape, and
records every request exactly as it arrived, so tests can see what the proxy forwarded.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import anyio
import msgspec

from threadspec.asgi import Receive, Scope, Send
from threadspec.sse import DONE, encode

THREAD = {"id": "thread_abc", "object": "thread", "created_at": 1, "tool_resources": {}, "metadata": {}}
RUN = {
    "id": "run_abc", "object": "thread.run", "created_at": 1, "thread_id": "thread_abc", "assistant_id": "asst_abc",
    "status": "queued", "required_action": None, "last_error": None, "expires_at": None, "started_at": None,
    "cancelled_at": None, "failed_at": None, "completed_at": None, "incomplete_details": None, "model": "gpt-4o",
    "instructions": "", "tools": [], "tool_resources": {}, "metadata": {}, "usage": None, "temperature": 1.0,
    "top_p": 1.0, "max_prompt_tokens": None, "max_completion_tokens": None,
    "truncation_strategy": {"type": "auto", "last_messages": None}, "response_format": "auto",
    "tool_choice": "auto", "parallel_tool_calls": True,
}  # fmt: skip
REQUEST_ID = "req_broken_upstream"


@dataclass(slots=True)
class Received:
    method: str
    raw_path: bytes
    query_string: bytes
    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass(slots=True)
class BrokenUpstream:
    """An ASGI app; with ``hold_streams``, a stream waits after its first event until ``released`` is set."""

    hold_streams: bool = False
    received: list[Received] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)
    released_by_client: bool | None = None

    def __post_init__(self) -> None:
        if not self.hold_streams:
            self.released.set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while (message := await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.received.append(
            Received(scope["method"], scope["raw_path"], scope["query_string"], list(scope["headers"]), body)
        )
        path = scope["path"].removeprefix("/v1")
        method = scope["method"]
        if (method, path) == ("POST", "/threads"):
            # checks nothing: whatever metadata came is kept
            decoded = msgspec.json.decode(body) if body else {}
            await _json(send, 200, {**THREAD, "metadata": decoded.get("metadata", {})})
        elif (method, path) == ("GET", "/threads/thread_abc"):
            await _json(send, 200, {"id": "thread_abc", "object": "thread"})  # no created_at, no metadata
        elif (method, path) == ("GET", "/threads/thread_big"):
            await _json(send, 200, {**THREAD, "id": "thread_big", "metadata": {"note": "x" * 512}})
        elif (method, path) == ("POST", "/threads/thread_abc/runs"):
            await self._stream(send, finish=True)
        elif (method, path) == ("POST", "/threads/thread_cut/runs"):
            await self._stream(send, finish=False)
        elif (method, path) == ("POST", "/threads/thread_capped/runs"):
            await self._capped(send)
        elif (method, path) == ("DELETE", "/threads/thread_abc"):
            await _send(send, 500, b"Internal Server Error", b"text/plain")
        else:
            await _json(
                send,
                404,
                {"error": {"message": "nope", "type": "invalid_request_error", "param": None, "code": None}},
            )

    async def _stream(self, send: Send, finish: bool) -> None:
        head = [(b"content-type", b"text/event-stream"), (b"x-request-id", REQUEST_ID.encode())]
        await send({"type": "http.response.start", "status": 200, "headers": head})
        await send(
            {"type": "http.response.body", "body": encode("thread.run.created", RUN), "more_body": True}
        )
        # bounded: a proxy that held the first event back would never let the client release it
        self.released_by_client = await anyio.to_thread.run_sync(self.released.wait, 10.0)
        broken = {key: value for key, value in RUN.items() if key != "status"}
        frames = encode("thread.run.queued", {**RUN, "status": "queued"}) + encode(
            "thread.run.in_progress", broken
        )
        if finish:
            frames += encode("thread.run.completed", {**RUN, "status": "completed"}) + encode("done", DONE)
        await send({"type": "http.response.body", "body": frames, "more_body": False})

    async def _capped(self, send: Send) -> None:
        """A run that stops at its token cap, ending ``thread.run.incomplete``, as only v2 runs can."""
        head = [(b"content-type", b"text/event-stream"), (b"x-request-id", REQUEST_ID.encode())]
        await send({"type": "http.response.start", "status": 200, "headers": head})
        statuses = ("created", "queued", "in_progress", "incomplete")
        frames = b"".join(
            encode(f"thread.run.{name}", {**RUN, "status": "queued" if name == "created" else name})
            for name in statuses
        )
        await send({"type": "http.response.body", "body": frames + encode("done", DONE), "more_body": False})


async def _send(send: Send, status: int, body: bytes, content_type: bytes) -> None:
    head = [(b"content-type", content_type), (b"x-request-id", REQUEST_ID.encode())]
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _json(send: Send, status: int, body: Any) -> None:
    await _send(send, status, msgspec.json.encode(body), b"application/json")
