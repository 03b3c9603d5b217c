"""What the reliability tests share: a raw ASGI driver, the error-envelope check, and figures."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import msgspec

from threadspec import validate
from threadspec.asgi import Receive, Scope, Send

BETA = (b"openai-beta", b"assistants=v2")
JSON = (b"content-type", b"application/json")
ASGIApp = Callable[..., Awaitable[None]]
_figures_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return msgspec.json.decode(self.body)


async def call(
    app: ASGIApp,
    method: str,
    target: bytes,
    headers: Sequence[tuple[bytes, bytes]] = (BETA, JSON),
    body: bytes = b"",
    chunk: int = 0,
    client: tuple[str, int] = ("127.0.0.1", 50000),
) -> Reply:
    """One request straight into an ASGI app, its target sent exactly as given (no URL normalising).

    ``chunk``: hand the body over in pieces of this size (0: in one piece), as servers stream it.
    """
    raw_path, _, query = target.partition(b"?")
    pieces = [body[i : i + chunk] for i in range(0, len(body), chunk)] if chunk and body else [body]
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": unquote(raw_path.decode("latin-1")), "raw_path": raw_path,
        "query_string": query, "root_path": "", "headers": list(headers), "client": client,
        "server": ("127.0.0.1", 80), "state": {},
    }  # fmt: skip
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if pieces:
            piece = pieces.pop(0)
            return {"type": "http.request", "body": piece, "more_body": bool(pieces)}
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    head = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in start.get("headers", [])}
    content = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return Reply(int(start["status"]), head, content)


class Guarded:
    """A bare app behind the middleware that counts what gets through to it."""

    def __init__(self) -> None:
        self.reached = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.reached += 1
        body = (
            b'{"id": "thread_1", "object": "thread", "created_at": 1, "tool_resources": {}, "metadata": {}}'
        )
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})


def envelope_problem(status: int, headers: dict[str, str], body: bytes) -> str | None:
    """Why a refusal is not a 4xx in the API's error envelope; None when it is."""
    if not 400 <= status < 500:
        return f"status {status}"
    if headers.get("content-type", "").split(";")[0] != "application/json":
        return f"content-type {headers.get('content-type')!r}"
    result = validate(body, "ErrorResponse")
    if not result.valid:
        return f"not the error envelope: {result.errors[0].message} in {body[:200]!r}"
    if len(body) > 4096:  # a refusal quotes at most a preview of what it refuses
        return f"a {len(body)}-byte refusal"
    return None


def record(point: str, **figures: Any) -> None:
    """Append one test's figures to ``$THREADSPEC_RELIABILITY_FIGURES`` (JSON lines), when it is set."""
    path = os.environ.get("THREADSPEC_RELIABILITY_FIGURES")
    if not path:
        return
    line = json.dumps({"point": point, **figures}, sort_keys=True)
    with _figures_lock, open(path, "a", encoding="utf-8") as out:
        out.write(line + "\n")
