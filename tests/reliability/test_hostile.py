"""Hostile input to the mock and the middleware: each refused with a 4xx in the error envelope.

Every input of :mod:`tests.reliability.hostile` goes to four apps: the stateful mock in memory and
on SQLite, the stateless mock, and a bare app behind :class:`ValidationMiddleware`. Each must get
its status in the API's envelope, nothing may reach the app behind the middleware, and every app
must still serve a valid request afterwards.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from tests.reliability.hostile import TEN_MB, Hostile, hostile_inputs
from tests.reliability.support import BETA, JSON, ASGIApp, Guarded, Reply, call, envelope_problem, record
from threadspec.asgi import ValidationMiddleware
from threadspec.mock import MockConfig, create_app

pytestmark = pytest.mark.anyio
INPUTS = hostile_inputs()


def _app(target: str, tmp_path: Path) -> tuple[ASGIApp, Guarded | None]:
    if target == "middleware":
        guarded = Guarded()
        return ValidationMiddleware(guarded), guarded
    config = {
        "stateful": MockConfig(seed=1),
        "sqlite": MockConfig(seed=1, db=tmp_path / "mock.sqlite"),
        "stateless": MockConfig(seed=1, mode="stateless"),
    }[target]
    return create_app(config), None


async def _still_serving(app: ASGIApp, target: str) -> None:
    created = await call(app, "POST", b"/v1/threads", body=b'{"metadata": {"after": "hostile"}}')
    assert created.status == 200, created.body
    fetched = await call(app, "GET", b"/v1/threads/" + created.json()["id"].encode())
    assert fetched.status == 200, fetched.body
    if target in ("stateful", "sqlite"):  # kept: the thread comes back as it was made
        assert fetched.json() == created.json()


def _problems(replies: list[tuple[Hostile, Reply | Exception]]) -> list[str]:
    problems = []
    for case, reply in replies:
        if isinstance(reply, Exception):
            problems.append(f"{case.kind} / {case.name}: raised {reply!r}")
            continue
        wrong = envelope_problem(reply.status, reply.headers, reply.body)
        if reply.status != case.status:
            wrong = f"status {reply.status}, not {case.status}: {reply.body[:200]!r}"
        if wrong:
            problems.append(f"{case.kind} / {case.name}: {wrong}")
    return problems


HEAVY = {"10 MB body", "100,000-level nesting"}  # seconds each: in CI only where they tell most


@pytest.mark.parametrize(
    ("target", "heavy"),
    [("stateful", True), ("middleware", True), ("sqlite", False), ("stateless", False),
     pytest.param("sqlite", True, marks=pytest.mark.soak), pytest.param("stateless", True, marks=pytest.mark.soak)],
)  # fmt: skip
async def test_every_hostile_input_is_refused_in_the_envelope(
    target: str, heavy: bool, tmp_path: Path
) -> None:
    app, guarded = _app(target, tmp_path)
    inputs = [case for case in INPUTS if heavy or case.kind not in HEAVY]
    replies: list[tuple[Hostile, Reply | Exception]] = []
    for case in inputs:
        try:
            replies.append((case, await call(app, case.method, case.target, case.headers, case.body)))
        except Exception as exc:  # a crash is a finding, reported with the others
            replies.append((case, exc))
    problems = _problems(replies)
    assert not problems, "\n".join(problems)
    assert guarded is None or guarded.reached == 0
    await _still_serving(app, target)
    kinds = collections.Counter(case.kind for case in inputs)
    record("hostile", target=target, requests=len(inputs) + 2, inputs=len(inputs), kinds=dict(kinds),
           bytes_sent=sum(len(c.body) + len(c.target) for c in inputs), server_errors=0)  # fmt: skip


@pytest.mark.parametrize("chunk", [0, 64 * 1024])
async def test_the_body_limit_refuses_ten_megabytes_declared_or_streamed(chunk: int) -> None:
    guarded = Guarded()
    app = ValidationMiddleware(guarded, max_body_bytes=1024 * 1024)
    body = b'{"metadata": {"k": "' + b"v" * TEN_MB + b'"}}'
    declared = (BETA, JSON, (b"content-length", str(len(body)).encode()))
    reply = await call(app, "POST", b"/v1/threads", declared if chunk == 0 else (BETA, JSON), body, chunk)
    assert reply.status == 413
    assert envelope_problem(reply.status, reply.headers, reply.body) is None
    assert reply.json()["error"]["code"] == "request_too_large"
    assert guarded.reached == 0
