"""Header floods are refused in the envelope: more than 256 fields, or more bytes than allowed."""

from __future__ import annotations

import pytest

from tests.asgi.helpers import BETA, client, echo
from threadspec.asgi import ValidationMiddleware
from threadspec.asgi.headers import MAX_HEADER_FIELDS

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("extra", "limit", "status"),
    [
        ({f"x-h{i}": "v" for i in range(MAX_HEADER_FIELDS - 10)}, 64 * 1024, 200),
        ({f"x-h{i}": "v" for i in range(MAX_HEADER_FIELDS + 1)}, 64 * 1024, 400),
        ({"x-big": "v" * 1000}, 1500, 200),
        ({"x-big": "v" * 2000}, 1500, 400),
    ],
)
async def test_limits(extra: dict[str, str], limit: int, status: int) -> None:
    async with client(ValidationMiddleware(echo, max_header_bytes=limit), {**BETA, **extra}) as http:
        response = await http.post("/v1/threads", json={})
    assert response.status_code == status
    if status == 400:
        error = response.json()["error"]
        assert error["code"] == "request_headers_too_large"
        assert error["message"] == (
            f"Request headers too large: at most {MAX_HEADER_FIELDS} fields and {limit} bytes are accepted."
        )
