"""Bodies that repeat a key within one object are refused, naming the key; colons in strings are not keys."""

from __future__ import annotations

import msgspec
import pytest

from tests.asgi.helpers import client, echo, envelope
from threadspec._decode import JSON_BODY_ERROR
from threadspec.asgi import ValidationMiddleware
from threadspec.asgi.duplicates import first_repeated_key, repeats_a_key

pytestmark = pytest.mark.anyio

REPEATED = [
    (b'{"role": "user", "content": "x", "role": "assistant"}', "role"),
    (b'{"metadata": {"a": "1", "a": "2"}}', "a"),
    (b'{"messages": [{"role": "user", "content": "a:b", "content": "c"}]}', "content"),
    (b'{"k\\u0065y": 1, "key": 2}', "key"),  # the same key spelled two ways
    (b'{"a": "\\u003a", "a": "\\u003a"}', "a"),  # colons spelled out, so raw and re-encoded texts differ
    (b'[{"x:y": 1}, {"b": {"c": 1, "c": 2}}]', "c"),
]
DISTINCT = [
    b"{}",
    b'{"content": "at 12:00, see http://x"}',
    b'{"a": {"a": {"a": "a:a"}}}',
    b'[{"a": 1}, {"a": 1}]',
    b'{"\\":": ":"}',
    b'"a:b"',
    b"[1, 2, 3]",
]


@pytest.mark.parametrize(("raw", "key"), REPEATED)
def test_repeated_keys_are_found(raw: bytes, key: str) -> None:
    assert repeats_a_key(raw, msgspec.json.decode(raw))
    assert first_repeated_key(raw) == key


@pytest.mark.parametrize("raw", DISTINCT)
def test_distinct_keys_pass(raw: bytes) -> None:
    assert not repeats_a_key(raw, msgspec.json.decode(raw))
    assert first_repeated_key(raw) is None


async def test_the_middleware_refuses_them_before_the_app() -> None:
    async with client(ValidationMiddleware(echo)) as http:
        response = await http.post("/v1/threads/thread_1/messages", content=REPEATED[0][0])
        fine = await http.post(
            "/v1/threads/thread_1/messages", content=b'{"role": "user", "content": "12:00"}'
        )
    message = f'{JSON_BODY_ERROR} It repeats the key "role" within one object; each key may appear only once.'
    assert (response.status_code, response.json()) == (400, envelope(message))
    assert fine.status_code == 200
