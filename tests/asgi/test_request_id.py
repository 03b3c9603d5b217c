"""Every response of the middleware, its refusals included, carries an x-request-id."""

from __future__ import annotations

import re

import pytest

from tests.asgi.helpers import BETA, client, echo
from threadspec.asgi import Message, Receive, Scope, Send, ValidationMiddleware

pytestmark = pytest.mark.anyio
REQUEST_ID = re.compile(r"req_[0-9a-f]{32}")


@pytest.mark.parametrize(
    ("method", "path", "headers", "status"),
    [
        ("POST", "/v1/threads", BETA, 200),  # passed to the app
        ("GET", "/v1/threads/msg_1", BETA, 400),  # a bad id
        ("POST", "/v1/threads", {}, 400),  # no beta header
        ("GET", "/v1/nowhere", BETA, 404),
        ("OPTIONS", "/v1/threads/runs", BETA, 405),
        ("POST", "/v1/threads", {**BETA, "Authorization": "Bearer sk-wrong"}, 401),
    ],
)
async def test_every_answer_has_its_own_request_id(
    method: str, path: str, headers: dict[str, str], status: int
) -> None:
    async with client(
        ValidationMiddleware(echo, api_key=None if status != 401 else "sk-right"), headers
    ) as http:
        first = await http.request(method, path, json={})
        second = await http.request(method, path, json={})
    assert (first.status_code, second.status_code) == (status, status)
    ids = first.headers.get_list("x-request-id") + second.headers.get_list("x-request-id")
    assert len(ids) == 2 and all(REQUEST_ID.fullmatch(i) for i in ids) and ids[0] != ids[1]


async def test_an_apps_own_request_id_is_kept() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        start: Message = {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"X-Request-Id", b"mine")],
        }
        await send(start)
        await send({"type": "http.response.body", "body": b"{}"})

    async with client(ValidationMiddleware(app)) as http:
        response = await http.post("/v1/threads", json={})
    assert response.headers.get_list("x-request-id") == ["mine"]
