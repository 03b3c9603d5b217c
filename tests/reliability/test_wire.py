"""Hostile input over a real socket to the served mock (uvicorn): answered, and the server serves on.

What uvicorn's HTTP parser cannot parse at all (a garbage request line, raw non-ASCII bytes or a
request target past its limit) it answers itself with a plain-text 400 before any app runs; everything else reaches the
middleware and is answered in the API's envelope.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.reliability.hostile import DEEP, TEN_MB
from tests.reliability.support import BETA, JSON, envelope_problem, record
from tests.reliability.wire import chunked, exchange, port_of, request
from threadspec.mock import MockConfig, serve_in_thread

ENVELOPED = [
    ("10 MB body, declared", [request("POST", b"/v1/threads", [BETA, JSON], b'{"metadata": {"k": "' + b"v" * TEN_MB + b'"}}')], 413),
    ("10 MB body, chunked", [request("POST", b"/v1/threads", [BETA, JSON, (b"transfer-encoding", b"chunked")]),
                             *chunked(b'{"metadata": {"k": "' + b"v" * TEN_MB + b'"}}', 1 << 16)], 413),
    ("100,000-level nesting", [request("POST", b"/v1/threads", [BETA, JSON], b'{"metadata": ' + b"[" * DEEP + b"]" * DEEP + b"}")], 400),
    ("10,000 headers", [request("GET", b"/v1/threads/thread_abc", [BETA, *((b"x-h%d" % i, b"v") for i in range(10_000))])], 400),
    ("one 1 MB header", [request("GET", b"/v1/threads/thread_abc", [BETA, (b"x-big", b"v" * 1_000_000)])], 400),
    ("60 KB id", [request("GET", b"/v1/threads/thread_" + b"a" * 60_000, [BETA])], 400),
    ("percent-encoded traversal", [request("GET", b"/v1/threads/..%2F..%2Fetc%2Fpasswd", [BETA])], 400),
    ("invalid UTF-8 body", [request("POST", b"/v1/threads", [BETA, JSON], b'{"metadata": {"k": "\xff"}}')], 400),
    ("NaN", [request("POST", b"/v1/threads/thread_abc/runs", [BETA, JSON], b'{"assistant_id": "a", "temperature": NaN}')], 400),
    ("duplicate keys", [request("POST", b"/v1/threads", [BETA, JSON], b'{"metadata": {}, "metadata": {"a": "b"}}')], 400),
]  # fmt: skip
UNPARSED = [
    ("garbage request line", [b"GARBAGE\r\n\r\n"]),
    ("header without a colon", [b"GET /v1/threads HTTP/1.1\r\nhost: x\r\nno colon here\r\n\r\n"]),
    ("1 MB request target", [request("GET", b"/v1/threads/thread_" + b"a" * 1_000_000, [BETA])]),
    ("raw non-ASCII bytes in the path", [request("GET", b"/v1/threads/thread_\xff\xfe", [BETA])]),
    ("NUL in the request line", [b"GET /v1/thr\x00eads HTTP/1.1\r\nhost: x\r\n\r\n"]),
]
ABANDONED = [
    ("body cut short", [b"POST /v1/threads HTTP/1.1\r\nhost: x\r\nopenai-beta: assistants=v2\r\ncontent-length: 1000\r\n\r\n{\"meta"]),
    ("headers cut short", [b"POST /v1/threads HTTP/1.1\r\nhost: x\r\nopenai-be"]),
    ("chunked body cut short", [request("POST", b"/v1/threads", [BETA, (b"transfer-encoding", b"chunked")]), b"ff\r\n{\"me"]),
]  # fmt: skip


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    with serve_in_thread(MockConfig(port=0, max_body_bytes=1024 * 1024)) as url:
        yield url


@pytest.mark.parametrize(("name", "pieces", "status"), ENVELOPED, ids=[c[0] for c in ENVELOPED])
def test_refused_in_the_envelope(served: str, name: str, pieces: list[bytes], status: int) -> None:
    reply = exchange(port_of(served), pieces)
    assert reply is not None
    assert reply.status == status, reply.body[:300]
    assert envelope_problem(reply.status, reply.headers, reply.body) is None


@pytest.mark.parametrize(("name", "pieces"), UNPARSED, ids=[c[0] for c in UNPARSED])
def test_unparseable_requests_get_the_servers_own_400(served: str, name: str, pieces: list[bytes]) -> None:
    reply = exchange(port_of(served), pieces)
    assert reply is not None
    assert reply.status == 400


@pytest.mark.parametrize(("name", "pieces"), ABANDONED, ids=[c[0] for c in ABANDONED])
def test_abandoned_requests_leave_the_server_serving(served: str, name: str, pieces: list[bytes]) -> None:
    assert exchange(port_of(served), pieces, close_early=True) is None
    _still_serving(served)


def test_still_serving_after_all_of_it(served: str) -> None:
    for _, pieces, _ in ENVELOPED:
        exchange(port_of(served), pieces)
    _still_serving(served)
    sent = len(ENVELOPED) * 2 + len(UNPARSED) + len(ABANDONED) * 2 + 4
    record("wire", requests=sent, inputs=len(ENVELOPED) + len(UNPARSED) + len(ABANDONED), server_errors=0)


def _still_serving(url: str) -> None:
    beta = {"OpenAI-Beta": "assistants=v2"}
    created = httpx.post(f"{url}/threads", json={"metadata": {"k": "v"}}, headers=beta, timeout=30)
    assert created.status_code == 200
    fetched = httpx.get(f"{url}/threads/{created.json()['id']}", headers=beta, timeout=30)
    assert fetched.json() == created.json()
