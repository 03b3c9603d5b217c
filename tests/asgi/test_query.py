"""Query strings: at most 4 KiB and 256 fields; past that a 400 in the envelope, never a crash; read as
``parse_qs`` reads them, whichever road."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.asgi.helpers import client, echo
from threadspec.asgi import ValidationMiddleware
from threadspec.asgi.query import MAX_QUERY_BYTES, MAX_QUERY_FIELDS, parse_query
from threadspec.asgi.refusal import Refusal

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


# -- the plain road: parse_query is parse_qs, exactly ------------------------------------------------
def _parse_qs(raw: bytes) -> dict[str, list[str]] | str:
    """What the query was read as before the plain road: parse_qs on the latin-1 text, or the refusal."""
    if len(raw) > MAX_QUERY_BYTES:
        return "too long"
    try:
        return parse_qs(
            raw.decode("latin-1"), keep_blank_values=True, errors="replace", max_num_fields=MAX_QUERY_FIELDS
        )
    except ValueError:
        return "too many"


def _parsed(raw: bytes) -> dict[str, list[str]] | str:
    try:
        return parse_query(raw)
    except Refusal as refusal:
        message = refusal.body["error"]["message"]
        return "too long" if message.startswith("Query string too long") else "too many"


# the bytes a query's reading turns on (separators, escapes, `+`, bytes past ASCII, `;` that is no
# separator), beside plain ones
_PIECES = [b"a", b"limit", b"20", b"=", b"&", b"&&", b"+", b"%", b"%2", b"%20", b"%2B", b"%26", b"%3D",
           b"%C3%A9", b"%E9", b"%zz", b"\xe9", b"\xc3\xa9", b";", b" ", b"[]", b"order", b"asc", b"~.-_"]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES) | st.binary(max_size=4), max_size=30).map(b"".join))
def test_a_query_reads_as_parse_qs_reads_it(raw: bytes) -> None:
    assert _parsed(raw) == _parse_qs(raw)


@pytest.mark.parametrize(
    "raw",
    [b"", b"&", b"=", b"==", b"a", b"a=", b"=1", b"a=1=2", b"a=1&a=2&a=", b"a=1&&b=2&", b"&a", b"a+b=c+d",
     b"a%3D=1", b"a=%zz", b"a=%C3", b"a=\xe9", b"a;b=1", b"limit=20&order=desc&after=msg_1&before=msg_2",
     b"&" * (MAX_QUERY_FIELDS - 1), b"&" * MAX_QUERY_FIELDS, b"a&" * MAX_QUERY_FIELDS,
     b"a&" * (MAX_QUERY_FIELDS - 1) + b"a", b"a&" * (MAX_QUERY_FIELDS - 1) + b"a+",
     b"a&" * MAX_QUERY_FIELDS + b"%20", b"x=" + b"a" * (MAX_QUERY_BYTES - 2), b"x=" + b"a" * (MAX_QUERY_BYTES - 1)],
)  # fmt: skip
def test_a_query_at_the_edges_reads_as_parse_qs_reads_it(raw: bytes) -> None:
    assert _parsed(raw) == _parse_qs(raw)
