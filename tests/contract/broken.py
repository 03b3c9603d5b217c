"""Broken copies of the mock: each wraps a correct mock in an ASGI layer that adds exactly one defect.

A wrapper sees the whole request and the whole response, so a defect is a small function of them:
change the request before the mock judges it (the mock then accepts what it should refuse), or change
the response after (the mock's answer then breaks the contract).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(slots=True)
class Seen:
    """A request as the wrapper got it, and the response it is about to send."""

    method: str
    path: str
    query: list[tuple[str, str]]
    body: bytes
    headers: dict[str, str]
    status: int = 0
    content_type: str = ""
    response: bytes = b""
    extra_headers: list[tuple[str, str]] = field(default_factory=list)

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def response_json(self) -> Any:
        try:
            return json.loads(self.response)
        except ValueError:
            return None


Hook = Callable[[Seen], None]


class Broken:
    """An ASGI app: ``before`` may edit the request, ``after`` the response, of every HTTP call."""

    def __init__(self, app: App, *, before: Hook | None = None, after: Hook | None = None) -> None:
        self.app = app
        self.before = before
        self.after = after
        self.seen: list[Seen] = []
        self.state = getattr(app, "state", None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        query = parse_qsl(scope.get("query_string", b"").decode(), keep_blank_values=True)
        seen = Seen(scope["method"], scope["path"], query, body, headers)
        self.seen.append(seen)
        if self.before is not None:
            self.before(seen)
        scope = dict(scope, query_string=urlencode(seen.query).encode())
        scope["headers"] = [(k, v) for k, v in scope["headers"] if k.lower() != b"content-length"]
        scope["headers"].append((b"content-length", str(len(seen.body)).encode()))
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": seen.body, "more_body": False}

        chunks: list[bytes] = []
        start: Message = {}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, replay, capture)
        seen.status = start["status"]
        response_headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        seen.content_type = {k.lower(): v for k, v in response_headers}.get(b"content-type", b"").decode()
        seen.response = b"".join(chunks)
        if self.after is not None:
            self.after(seen)
        response_headers.append((b"content-length", str(len(seen.response)).encode()))
        response_headers += [(k.encode(), v.encode()) for k, v in seen.extra_headers]
        await send({"type": "http.response.start", "status": seen.status, "headers": response_headers})
        await send({"type": "http.response.body", "body": seen.response, "more_body": False})


# ------------------------------------------------------------------------------- one defect each
def _edit_body(seen: Seen, edit: Callable[[dict[str, Any]], None]) -> None:
    body = seen.json()
    if isinstance(body, dict):
        edit(body)
        seen.body = json.dumps(body).encode()


def accepts_17_metadata_keys(seen: Seen) -> None:
    """Before: quietly keeps the first 16 of too many metadata keys, so 17 are accepted."""

    def trim(body: dict[str, Any]) -> None:
        metadata = body.get("metadata")
        if isinstance(metadata, dict) and len(metadata) > 16:
            body["metadata"] = dict(list(metadata.items())[:16])

    _edit_body(seen, trim)


def accepts_temperature_3(seen: Seen) -> None:
    """Before: clamps a temperature above 2 instead of refusing it."""

    def clamp(body: dict[str, Any]) -> None:
        temperature = body.get("temperature")
        if isinstance(temperature, int | float) and not isinstance(temperature, bool) and temperature > 2:
            body["temperature"] = 2

    _edit_body(seen, clamp)


def run_without_status(seen: Seen) -> None:
    """After: a run object (as JSON, not in streams) comes back without its ``status``."""
    body = seen.response_json()
    if isinstance(body, dict) and body.get("object") == "thread.run":
        body.pop("status", None)
        seen.response = json.dumps(body).encode()


def error_500_on_bad_body(seen: Seen) -> None:
    """After: a refused request gets a 500 instead of its 400."""
    if seen.status == 400:
        seen.status = 500
        error = {"message": "The server had an error.", "type": "server_error", "param": None, "code": None}
        seen.response = json.dumps({"error": error}).encode()


def loses_a_message(seen: Seen) -> None:
    """After: a list of three or more messages leaves out its last one."""
    body = seen.response_json()
    if seen.method == "GET" and seen.path.endswith("/messages") and isinstance(body, dict):
        data = body.get("data", [])
        if len(data) >= 3:
            body["data"] = data[:-1]
            body["last_id"] = data[-2]["id"]
            seen.response = json.dumps(body).encode()


def ignores_after_cursor(seen: Seen) -> None:
    """Before: ``after`` is dropped, so every later page starts from the beginning again."""
    seen.query = [(k, v) for k, v in seen.query if k != "after"]


def stream_out_of_order(seen: Seen) -> None:
    """After: in a stream, ``thread.run.queued`` comes before ``thread.run.created``."""
    if not seen.content_type.startswith("text/event-stream"):
        return
    frames = seen.response.split(b"\n\n")
    names = [frame.split(b"\n", 1)[0] for frame in frames]
    created, queued = b"event: thread.run.created", b"event: thread.run.queued"
    if created in names and queued in names:
        i, j = names.index(created), names.index(queued)
        frames[i], frames[j] = frames[j], frames[i]
        seen.response = b"\n\n".join(frames)


def flat_error_envelope(seen: Seen) -> None:
    """After: errors come as ``{"message", "type", "param", "code"}`` without the ``error`` envelope."""
    body = seen.response_json()
    if seen.status >= 400 and isinstance(body, dict) and isinstance(body.get("error"), dict):
        seen.response = json.dumps(body["error"]).encode()


def echoes_the_key(seen: Seen) -> None:
    """After: error messages quote the Authorization header (some servers do)."""
    body = seen.response_json()
    if seen.status >= 400 and isinstance(body, dict) and isinstance(body.get("error"), dict):
        body["error"]["message"] += f" (you sent {seen.headers.get('authorization')})"
        seen.response = json.dumps(body).encode()
