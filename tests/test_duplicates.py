"""Bodies that repeat a key within one object are refused, naming the key; colons in strings are not keys."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.asgi.helpers import client, echo, envelope
from threadspec._decode import JSON_BODY_ERROR
from threadspec._duplicates import first_repeated_key, repeats_a_key
from threadspec.asgi import ValidationMiddleware

pytestmark = pytest.mark.anyio

REPEATED = [
    (b'{"role": "user", "content": "x", "role": "assistant"}', "role"),
    (b'{"metadata": {"a": "1", "a": "2"}}', "a"),
    (b'{"messages": [{"role": "user", "content": "a:b", "content": "c"}]}', "content"),
    (b'{"k\\u0065y": 1, "key": 2}', "key"),  # the same key spelled two ways
    (b'{"a": "\\u003a", "a": "\\u003a"}', "a"),  # colons spelled out, so raw and re-encoded texts differ
    (b'[{"x:y": 1}, {"b": {"c": 1, "c": 2}}]', "c"),
    # no backslash: the counting road
    (b'{"a": ":x", "a": 1}', "a"),  # the dropped value opens with a colon
    (b'{"a" : 1, "a": 2}', "a"),  # a space before the colon: the counting road is not taken
    (b'{"a":\n1,\n"a"\t:\t2}', "a"),
    (b'{"u": "https://x", "v": {"u": ":", "u": ":"}}', "u"),
]
DISTINCT = [
    b"{}",
    b'{"content": "at 12:00, see http://x"}',
    b'{"a": {"a": {"a": "a:a"}}}',
    b'[{"a": 1}, {"a": 1}]',
    b'{"\\":": ":"}',
    b'"a:b"',
    b"[1, 2, 3]",
    b'{"a": ":", "b": ":", ":": {"c": ": :"}}',
    b'{"a" : " :", "b": "x"}',
    b'{"t": "12:00", "u": "https://example.com/a:b"}',
]


@pytest.mark.parametrize(("raw", "key"), REPEATED)
def test_repeated_keys_are_found(raw: bytes, key: str) -> None:
    assert repeats_a_key(raw, msgspec.json.decode(raw))
    assert first_repeated_key(raw) == key


@pytest.mark.parametrize("raw", DISTINCT)
def test_distinct_keys_pass(raw: bytes) -> None:
    assert not repeats_a_key(raw, msgspec.json.decode(raw))
    assert first_repeated_key(raw) is None


KEYS = st.sampled_from(["a", "b", ":", "a:", " :", ":b"])
VALUES = st.sampled_from([1, ":", ": x", "a\\:b", "12:00", None])


@given(
    st.lists(st.tuples(KEYS, VALUES | st.lists(st.tuples(KEYS, VALUES), max_size=3)), max_size=5),
    st.sampled_from([(", ", ": "), (",", ":"), (",", " : "), (",\n", ":\t")]),
)
def test_repeats_agree_with_a_first_wins_parser(
    pairs: list[tuple[str, Any]], separators: tuple[str, str]
) -> None:
    """Objects written pair by pair (repeats kept), in several spellings: both roads against json's own pairs."""
    comma, colon = separators

    def text(items: list[tuple[str, Any]]) -> str:
        inner = [
            json.dumps(k) + colon + (text(v) if isinstance(v, list) else json.dumps(v)) for k, v in items
        ]
        return "{" + comma.join(inner) + "}"

    raw = text(pairs).encode()
    assert repeats_a_key(raw, msgspec.json.decode(raw)) == (first_repeated_key(raw) is not None)


async def test_the_middleware_refuses_them_before_the_app() -> None:
    async with client(ValidationMiddleware(echo)) as http:
        response = await http.post("/v1/threads/thread_1/messages", content=REPEATED[0][0])
        fine = await http.post(
            "/v1/threads/thread_1/messages", content=b'{"role": "user", "content": "12:00"}'
        )
    message = f'{JSON_BODY_ERROR} It repeats the key "role" within one object; each key may appear only once.'
    assert (response.status_code, response.json()) == (400, envelope(message))
    assert fine.status_code == 200
