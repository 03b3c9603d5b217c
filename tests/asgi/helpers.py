"""What the middleware tests share: a stand-in app that echoes what it was told, and clients of it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import msgspec

from threadspec import messages
from threadspec.asgi import Message, Receive, Scope, Send, matched_request

BETA = {"OpenAI-Beta": "assistants=v2"}
THREAD = {"id": "thread_1", "object": "thread", "created_at": 1, "tool_resources": {}, "metadata": {}}


async def echo(scope: Scope, receive: Receive, send: Send) -> None:
    """Answers with what the middleware told it and the body it can still read."""
    matched = matched_request(scope)
    message = await receive()
    body = {
        "operation": matched.operation_id,
        "path_params": dict(matched.path_params),
        "query": dict(matched.query),
        "body": matched.body,
        "replayed": message["body"].decode(),
    }
    payload = msgspec.json.encode(body)
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]}
    )
    await send({"type": "http.response.body", "body": payload})


def client(app: Any, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(
        transport=transport, base_url="http://test", headers=BETA if headers is None else headers
    )


def envelope(message: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return messages.error_body(message, param, code)


def deep(levels: int) -> bytes:
    return b'{"metadata":' * 0 + b"[" * (levels - 1) + b"{}" + b"]" * (levels - 1)


async def never() -> Message:
    raise AssertionError("nothing should be received")


async def nowhere(message: Message) -> None:
    raise AssertionError("nothing should be sent")


def answering(
    status: int, body: bytes, content_type: bytes = b"application/json", chunks: int = 1
) -> Callable[..., Awaitable[None]]:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": status, "headers": [(b"content-type", content_type)]}
        )
        size = -(-len(body) // chunks)
        for start in range(0, len(body), size):
            await send({"type": "http.response.body", "body": body[start : start + size], "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    return app


def sse(*events: tuple[str, Any]) -> bytes:
    return b"".join(
        b"event: "
        + e.encode()
        + b"\ndata: "
        + (d.encode() if isinstance(d, str) else msgspec.json.encode(d))
        + b"\n\n"
        for e, d in events
    )
