"""Request bodies: the size limit (declared and streamed), disconnects, chunked bodies."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.asgi.helpers import client, echo, envelope, nowhere
from threadspec._decode import JSON_BODY_ERROR
from threadspec.asgi import Message, ValidationMiddleware

pytestmark = pytest.mark.anyio


async def test_declared_oversize_bodies_are_refused_unread() -> None:
    async with client(ValidationMiddleware(echo, max_body_bytes=100)) as http:
        response = await http.post("/v1/threads", content=b" " * 101)
        fits = await http.post("/v1/threads", content=b"{}".ljust(100))  # JSON, padded to the limit
    assert response.status_code == 413
    assert response.json() == envelope(
        "Request too large: the body may be at most 100 bytes.", None, "request_too_large"
    )
    assert fits.status_code == 200


async def test_streamed_oversize_bodies_stop_being_read() -> None:
    received = 0

    async def receive() -> Message:
        nonlocal received
        received += 1
        return {"type": "http.request", "body": b" " * 60, "more_body": True}

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/threads",
        "headers": [(b"openai-beta", b"assistants=v2")],
    }
    await ValidationMiddleware(echo, max_body_bytes=100)(scope, receive, send)
    assert received == 2
    assert sent[0]["status"] == 413


async def test_a_client_gone_mid_body_gets_nothing() -> None:
    messages_in = iter(
        [{"type": "http.request", "body": b"{", "more_body": True}, {"type": "http.disconnect"}]
    )

    async def receive() -> Message:
        return next(messages_in)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/threads",
        "headers": [(b"openai-beta", b"assistants=v2")],
    }
    await ValidationMiddleware(echo)(scope, receive, nowhere)


async def _chunks() -> AsyncIterator[bytes]:
    yield b'{"metadata"'
    yield b": {}}"


async def test_chunked_request_bodies_are_joined() -> None:
    async with client(ValidationMiddleware(echo)) as http:
        response = await http.post("/v1/threads", content=_chunks())
    assert response.json()["body"] == {"metadata": {}}


async def test_a_body_of_whitespace_is_not_an_absent_body() -> None:
    async with client(ValidationMiddleware(echo)) as http:
        absent = await http.post("/v1/threads", content=b"")
        blank = await http.post("/v1/threads", content=b" \r\n")
    assert absent.status_code == 200
    assert (blank.status_code, blank.json()) == (400, envelope(JSON_BODY_ERROR))


@pytest.mark.parametrize(
    "path", ["/v1/threads", "/v1/threads/thread_1", "/v1/threads/thread_1/messages/msg_1"]
)
@pytest.mark.parametrize(
    ("sent", "found"),
    [
        (b'""', "a string"),
        (b'"x"', "a string"),
        (b"[]", "an array"),
        (b"123", "an integer"),
        (b"null", "null"),
    ],
)
async def test_a_body_that_is_not_an_object_is_refused_even_where_the_body_is_optional(
    path: str, sent: bytes, found: str
) -> None:
    async with client(ValidationMiddleware(echo)) as http:
        response = await http.post(path, content=sent)
    message = f"Invalid type for body: expected an object, but got {found} instead."
    assert (response.status_code, response.json()) == (400, envelope(message, None, "invalid_type"))
