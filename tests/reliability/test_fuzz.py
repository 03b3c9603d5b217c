"""Fuzzing raw requests into the mock and the middleware: whatever comes in, no 5xx comes out.

Hypothesis builds requests from raw bytes: methods, paths of API segments mixed with dots,
slashes and percent-escapes, query strings, header sets and bodies (arbitrary bytes, JSON values,
and JSON broken by a flipped, cut or inserted byte). Every answer must be a 2xx that keeps the
contract or a 4xx in the API's envelope, and the app must still serve a valid request afterwards.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import msgspec
import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.independent import from_schema
from tests.reliability.support import BETA, ASGIApp, Guarded, Reply, call, envelope_problem, record
from threadspec import facts, spec, validate_response
from threadspec.asgi import ValidationMiddleware, route
from threadspec.mock import MockConfig, create_app

CI_EXAMPLES = 200
SOAK_EXAMPLES = 5_000

SEGMENTS = [
    "v1", "threads", "runs", "messages", "steps", "cancel", "submit_tool_outputs", "assistants", "thread_abc",
    "msg_abc", "run_abc", "step_abc", "asst_abc", "thread_", "..", ".", "", "%2F", "%2e%2e", "%00", "%ff", "%", "%25",
    "thread_abc%0A", "%74hread_abc", "thread_" + "a" * 80, ";", "?", "#", "\\", "~", "%C3%A9",
]  # fmt: skip
METHODS = ["GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS", "TRACE", "get", "POST "]
CONTENT_TYPES = [
    b"application/json",
    b"application/json; charset=utf-8",
    b"text/plain",
    b"",
    b"application/x+json",
    b"\xff",
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
known_keys = st.sampled_from(["role", "content", "metadata", "assistant_id", "messages", "tool_outputs",
                              "thread", "stream", "temperature", "tools", "type", "text", "tool_call_id"])  # fmt: skip
api_shaped = st.dictionaries(known_keys, json_values, max_size=6)


SCHEMAS = {
    op.request_schema: from_schema(spec.schema(op.request_schema))
    for op in spec.operations().values()
    if op.request_schema
}
TEMPLATES = sorted((op.method.upper(), op.path, op.request_schema or "") for op in spec.operations().values())
PLACEHOLDERS = {name: f"{prefix}_abc" for name, prefix in facts.id_prefixes().items()}


def _broken(raw: bytes, draw: st.DrawFn) -> bytes:
    """JSON text with a byte flipped, cut or inserted, a few times over."""
    out = bytearray(raw)
    for _ in range(draw(st.integers(1, 3))):
        action, at = (
            draw(st.sampled_from(["flip", "cut", "insert"])),
            draw(st.integers(0, max(len(out) - 1, 0))),
        )
        if action == "flip" and out:
            out[at] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del out[at:]
        else:
            out[at:at] = draw(st.binary(min_size=1, max_size=4))
    return bytes(out)


@st.composite
def bodies(draw: st.DrawFn, schema: str) -> bytes:
    shaped = (SCHEMAS[schema] | api_shaped) if schema else (api_shaped | json_values)
    kind = draw(st.sampled_from(["valid", "valid", "broken", "bytes", "none"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "none":
        return b""
    raw = msgspec.json.encode(draw(shaped))
    return _broken(raw, draw) if kind == "broken" else raw


@st.composite
def paths(draw: st.DrawFn, ids: dict[str, str]) -> tuple[str, bytes, str]:
    """A method, a request target and the operation's body schema ("" for none, or no operation)."""
    if draw(st.integers(0, 9)) < 2:  # anywhere at all
        parts = draw(st.lists(st.sampled_from(SEGMENTS) | st.text(max_size=8), max_size=7))
        return draw(st.sampled_from(METHODS)), ("/" + "/".join(parts)).encode("utf-8", "surrogatepass"), ""
    method, template, schema = draw(st.sampled_from(TEMPLATES))
    parts = []
    for part in template.strip("/").split("/"):
        if part.startswith("{"):
            real = ids[part[1:-1]]
            # the real id half the time, so that requests also get past the path and reach the store
            part = draw(
                st.one_of(
                    st.just(real), st.just(real), st.sampled_from(SEGMENTS), st.text(max_size=10).map(quote)
                )
            )
        parts.append(part)
    if draw(st.integers(0, 9)) == 0:
        method = draw(st.sampled_from(METHODS))
    prefix = draw(st.sampled_from(["/v1/", "/v1/", "/"]))
    return method, (prefix + "/".join(parts)).encode("utf-8", "surrogatepass"), schema


@st.composite
def requests(draw: st.DrawFn, ids: dict[str, str]) -> tuple[str, bytes, list[tuple[bytes, bytes]], bytes]:
    method, target, schema = draw(paths(ids))
    if draw(st.booleans()):
        query = draw(st.lists(st.tuples(st.sampled_from(["limit", "order", "after", "before", "run_id", "include[]", "x"]),
                                        st.text(max_size=8) | st.sampled_from(["1", "100", "101", "asc", "0", "-1"])), max_size=4))  # fmt: skip
        target += (
            b"?" + urlencode(query).encode()
            if draw(st.booleans())
            else b"?" + draw(st.binary(max_size=40)).replace(b"#", b"")
        )
    headers = [BETA] if draw(st.integers(0, 9)) else []
    if draw(st.booleans()):
        headers.append((b"content-type", draw(st.sampled_from(CONTENT_TYPES))))
    headers += draw(
        st.lists(st.tuples(st.binary(min_size=1, max_size=10), st.binary(max_size=20)), max_size=3)
    )
    return method, target, headers, draw(bodies(schema))


def _problem(method: str, target: bytes, reply: Reply, mock: bool) -> str | None:
    if reply.status >= 400:
        return envelope_problem(reply.status, reply.headers, reply.body)
    if not mock:  # the stand-in app behind the bare middleware answers everything with one thread
        return None
    found = route(method, target.decode("latin-1"))
    if found is None:
        return f"{reply.status} for a request that routes nowhere"
    content_type = reply.headers.get("content-type", "")
    result = validate_response(found[0].operation_id, reply.status, reply.body, content_type)
    return None if result.valid else f"{reply.status} breaking the contract: {result.errors[0].message}"


@pytest.fixture(scope="module")
def portal() -> Iterator[BlockingPortal]:
    with start_blocking_portal() as running:
        yield running


def _app(target: str, tmp_path: Path) -> ASGIApp:
    if target == "middleware":
        return ValidationMiddleware(Guarded())
    db = tmp_path / "fuzz.sqlite" if target == "sqlite" else None
    return create_app(MockConfig(seed=3, mode="stateless" if target == "stateless" else "stateful", db=db))


def _ids(app: ASGIApp, portal: BlockingPortal) -> dict[str, str]:
    """Ids of an assistant and a thread with a message, a run and its step, for the fuzzed paths to hit now and then."""
    made = portal.call(
        call,
        app,
        "POST",
        b"/v1/threads/runs",
        [BETA],
        b'{"assistant_id": "asst_1", "thread": {"messages": [{"role": "user", "content": "hi"}]}}',
    )
    if made.status != 200 or made.json().get("object") != "thread.run":
        return PLACEHOLDERS
    run = made.json()
    base = f"/v1/threads/{run['thread_id']}".encode()
    messages = portal.call(call, app, "GET", base + b"/messages", [BETA]).json()["data"]
    steps = portal.call(call, app, "GET", base + f"/runs/{run['id']}/steps".encode(), [BETA]).json()["data"]
    assistant = portal.call(call, app, "POST", b"/v1/assistants", [BETA], b'{"model": "gpt-4o"}').json()
    return {
        "assistant_id": assistant["id"],
        "thread_id": run["thread_id"],
        "message_id": messages[-1]["id"],
        "run_id": run["id"],
        "step_id": steps[0]["id"],
    }


def _fuzz(target: str, examples: int, portal: BlockingPortal, tmp_path: Path, fresh: bool = False) -> None:
    """``fresh``: new random inputs each run (soak), instead of the CI profile's fixed ones."""
    app = _app(target, tmp_path)
    ids = _ids(app, portal)
    statuses: collections.Counter[int] = collections.Counter()

    @settings(max_examples=examples, derandomize=not fresh, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
    @given(requests(ids))
    def one(request: tuple[str, bytes, list[tuple[bytes, bytes]], bytes]) -> None:
        method, target_, headers, body = request
        reply: Any = portal.call(call, app, method, target_, headers, body)
        statuses[reply.status] += 1
        problem = _problem(method, target_, reply, target != "middleware")
        assert problem is None, f"{method} {target_!r} {body[:200]!r}: {problem}"

    one()
    served = portal.call(call, app, "POST", b"/v1/threads", [BETA], b"{}")
    assert served.status == 200
    record("fuzz", target=target, requests=sum(statuses.values()) + 1, inputs=sum(statuses.values()),
           statuses={str(k): v for k, v in sorted(statuses.items())}, server_errors=0)  # fmt: skip


@pytest.mark.parametrize("target", ["stateful", "middleware"])
def test_fuzzed_requests_never_get_a_server_error(
    target: str, portal: BlockingPortal, tmp_path: Path
) -> None:
    _fuzz(target, CI_EXAMPLES, portal, tmp_path)


@pytest.mark.soak
@pytest.mark.parametrize("target", ["stateful", "sqlite", "stateless", "middleware"])
def test_fuzzed_requests_never_get_a_server_error_soak(
    target: str, portal: BlockingPortal, tmp_path: Path
) -> None:
    _fuzz(target, SOAK_EXAMPLES, portal, tmp_path, fresh=True)
