"""The header gates: the bearer API key, its masked echo, and the beta header."""

from __future__ import annotations

import pytest

from tests.asgi.helpers import BETA, client, echo, envelope
from threadspec.asgi import MISSING_KEY, ValidationMiddleware, mask_key

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("authorization", "status", "message"),
    [
        (None, 401, MISSING_KEY),
        ("Basic sk-secret-key-1234567890", 401, MISSING_KEY),
        ("Bearer ", 401, MISSING_KEY),
        ("Bearer sk-wrong-key-1234567890", 401, "Incorrect API key provided: sk-wr**************7890. You can find your API key in your account settings."),
        ("Bearer sk-secret-key-1234567890", 200, None),
        ("bearer  sk-secret-key-1234567890 ", 200, None),
    ],
)  # fmt: skip
async def test_api_key(authorization: str | None, status: int, message: str | None) -> None:
    headers = dict(BETA) if authorization is None else {**BETA, "Authorization": authorization}
    async with client(ValidationMiddleware(echo, api_key="sk-secret-key-1234567890"), headers) as http:
        response = await http.post("/v1/threads", json={})
    assert response.status_code == status
    if message is not None:
        code = "invalid_api_key" if "Incorrect" in message else None
        assert response.json() == envelope(message, None, code)
        assert "sk-wrong-key-1234567890" not in response.text


@pytest.mark.parametrize("key", ["k", "sk-ab", "sk-abcdefgh", "sk-proj-abcdefghijklmnopqrstuvwxyz"])
def test_masked_keysnever_show_the_key(key: str) -> None:
    masked = mask_key(key)
    assert len(masked) == len(key)
    assert masked.count("*") >= len(key) // 2
    assert masked != key


async def test_beta_can_be_optional() -> None:
    async with client(ValidationMiddleware(echo, require_beta=False), {}) as http:
        assert (await http.post("/v1/threads", json={})).status_code == 200


@pytest.mark.parametrize(
    ("beta", "status"),
    [
        ("assistants=v2", 200),
        (" assistants=v2 ", 200),
        ("assistants=v2,other=x", 200),
        ("other=x, assistants=v2", 200),
        ("assistants=v1,assistants=v2", 200),  # the last pair for a feature wins
        ("assistants=v1", 400),
        ("assistants=v2x", 400),
        ("other=x", 400),
        ("", 400),
    ],
)
async def test_beta_header_is_a_list_of_features(beta: str, status: int) -> None:
    async with client(ValidationMiddleware(echo), {"OpenAI-Beta": beta}) as http:
        response = await http.post("/v1/threads", json={})
    assert response.status_code == status
    if status == 400:
        assert response.json()["error"]["code"] == "invalid_beta"
