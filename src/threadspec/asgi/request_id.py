"""Every response carries an ``x-request-id``, as every answer of the API did (the SDKs expose it as ``_request_id``)."""

from __future__ import annotations

import secrets

from threadspec.asgi.types import Message, Send
from threadspec.facts import REQUEST_ID_HEADER, REQUEST_ID_PREFIX

_HEADER = REQUEST_ID_HEADER.encode("latin-1")


def new_request_id() -> str:
    return f"{REQUEST_ID_PREFIX}{secrets.token_hex(16)}"


def with_request_id(send: Send) -> Send:
    """A ``send`` that gives the response an ``x-request-id``, unless the app already gave it one."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            if not any(name.lower() == _HEADER for name, _ in headers):
                message = {**message, "headers": [*headers, (_HEADER, new_request_id().encode("latin-1"))]}
        await send(message)

    return sending
