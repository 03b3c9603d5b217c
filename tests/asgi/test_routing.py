"""Routing: method and path template to an operation, ids decoded once, with or without the prefix."""

from __future__ import annotations

from threadspec.asgi import route


def test_route() -> None:
    found = route("get", "/v1/threads/thread_1/runs/run_1/steps/step_1?include[]=x")
    assert found is not None
    assert (found[0].operation_id, found[1]) == (
        "getRunStep",
        {"thread_id": "thread_1", "run_id": "run_1", "step_id": "step_1"},
    )
    assert route("GET", "/v1/threads") is None
    assert route("GET", "/v2/threads/thread_1") is None
    assert route("GET", "/api/threads/thread_1", prefix="/api") is not None
