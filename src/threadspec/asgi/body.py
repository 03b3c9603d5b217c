"""Reading a request body within its size limit, decoding it as JSON, and replaying it to the app."""

from __future__ import annotations

from typing import Any

from threadspec import messages, spec
from threadspec._decode import JSON_BODY_ERROR, MAX_DEPTH, decode
from threadspec._duplicates import first_repeated_key, repeats_a_key
from threadspec.asgi.refusal import Refusal
from threadspec.asgi.types import Message, Receive
from threadspec.asgi.wording import too_large, wrong_content_type
from threadspec.errors import MalformedPayloadError

DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024


class Disconnected(Exception):
    """The client went away while the body was being read."""


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole body, read chunk by chunk; ``None`` as soon as it grows past ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise Disconnected
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def read_body(receive: Receive, declared: str, limit: int) -> bytes:
    """The body, or a 413 refusal — unread when its declared ``Content-Length`` is already too large."""
    raw = None if declared.isdigit() and int(declared) > limit else await _read_body(receive, limit)
    if raw is None:
        raise Refusal(413, messages.error_body(too_large(limit), None, "request_too_large"))
    return raw


def _is_json(content_type: str | None) -> bool:
    if not content_type:  # none given: read the body as JSON, as most JSON APIs do
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def decode_body(
    operation: spec.Operation, raw: bytes, content_type: str | None, *, depth_checked: bool = False
) -> Any:
    """The decoded JSON body; None for an operation without one or an empty body.

    Empty means no bytes at all: a body of only whitespace was sent, and is not JSON.
    ``depth_checked``: the caller knows ``raw`` nests within the limit (the fast path accepted it).

    Refused (400): a body that is not JSON by its ``Content-Type``, is not JSON (bad UTF-8, ``NaN``,
    numbers beyond a double, nesting past the limit), or repeats a key within one object.
    """
    if operation.request_schema is None or not raw:
        return None
    if not _is_json(content_type):
        error = messages.error_body(wrong_content_type(content_type or ""), None, "invalid_content_type")
        raise Refusal(400, error)
    try:
        value = decode(raw, max_depth=None if depth_checked else MAX_DEPTH)
    except MalformedPayloadError:
        raise Refusal(400, messages.error_body(JSON_BODY_ERROR)) from None
    if repeats_a_key(raw, value):
        raise Refusal(400, messages.error_body(messages.repeated_key(first_repeated_key(raw))))
    return value


def replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the app the body already read, then whatever the server sends next."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
