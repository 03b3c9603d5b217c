"""Query strings: at most 4 KiB and 256 fields; past that a 400 in the envelope, never a crash."""

from __future__ import annotations

import pytest

from tests.asgi.helpers import client, echo
from threadspec.asgi import ValidationMiddleware
from threadspec.asgi.query import MAX_QUERY_BYTES, MAX_QUERY_FIELDS

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("limit=" + "9" * 5000, 400, f"Query string too long: at most {MAX_QUERY_BYTES} bytes are accepted."),
        ("x=" + "a" * (MAX_QUERY_BYTES - 2), 200, None),
        ("&".join(f"f{i}=1" for i in range(MAX_QUERY_FIELDS + 1)), 400,
         f"Too many query parameters: at most {MAX_QUERY_FIELDS} are accepted."),
        ("limit=" + "9" * 4000, 400, "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got "),
    ],
)  # fmt: skip
async def test_limits(query: str, status: int, message: str | None) -> None:
    async with client(ValidationMiddleware(echo)) as http:
        response = await http.get(f"/v1/threads/thread_1/messages?{query}")
    assert response.status_code == status
    if message is not None:
        assert response.json()["error"]["message"].startswith(message)
