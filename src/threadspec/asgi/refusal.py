"""Answering a request the app never sees: one complete JSON response in the API's error envelope."""

from __future__ import annotations

from typing import Any

import msgspec

from threadspec.asgi.types import Send

Headers = list[tuple[bytes, bytes]]


class Refusal(Exception):
    """A request the app never sees, and the answer it gets instead."""

    def __init__(self, status: int, body: dict[str, Any], headers: Headers | None = None):
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers


async def send_json(send: Send, status: int, body: Any, headers: Headers | None = None) -> None:
    """Send one complete JSON response."""
    payload = msgspec.json.encode(body)
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": head + (headers or [])})
    await send({"type": "http.response.body", "body": payload, "more_body": False})
