"""Routing: method and path template to an operation, ids decoded once, with or without the prefix."""

from __future__ import annotations

import pytest

from threadspec import facts, spec
from threadspec.asgi import route
from threadspec.asgi.routing import resolve, segments


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


def _paths() -> dict[str, set[str]]:
    """Every path of the spec, its ids filled in, and the methods the spec lists for it."""
    ids = {name: f"{prefix}_abc" for name, prefix in facts.id_prefixes().items()}
    found: dict[str, set[str]] = {}
    for op in spec.operations().values():
        found.setdefault(op.path.format(**ids), set()).add(op.method)
    return found


@pytest.mark.parametrize(("path", "methods"), sorted(_paths().items()))
def test_a_wrong_method_is_told_exactly_the_methods_of_its_path(path: str, methods: set[str]) -> None:
    """``/threads/runs`` is a resource of its own (POST), not a thread with the id ``runs``."""
    for method in ("OPTIONS", "PATCH", *({"GET", "POST", "DELETE"} - methods)):
        allowed = resolve(method, segments("/v1" + path, "/v1"))
        assert isinstance(allowed, list) and set(allowed) == methods, (method, path)
    for method in methods:
        assert route(method, "/v1" + path) is not None


def test_a_literal_segment_is_never_taken_for_an_id() -> None:
    assert resolve("GET", ["threads", "runs"]) == ["POST"]
    assert resolve("DELETE", ["threads", "runs"]) == ["POST"]
