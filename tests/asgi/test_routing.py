"""Routing: method and path template to an operation, ids decoded once, with or without the prefix."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadspec import contract_for, facts, spec
from threadspec._contract import Contract
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


# -- resolve and segments against their plain definitions --------------------------------------------
def _resolve_by_scan(method: str, parts: list[str], contract: Contract) -> object:
    """Every template of the spec tried in turn, most literal segments first: what resolve must find."""
    templates: dict[str, dict[str, spec.Operation]] = {}
    for op in contract.operations().values():
        templates.setdefault(op.path, {})[op.method.upper()] = op
    for path, by_method in sorted(
        templates.items(), key=lambda t: -sum("{" not in p for p in t[0].split("/"))
    ):
        pattern = path.strip("/").split("/")
        if len(pattern) != len(parts) or any(
            "{" not in want and want != got for want, got in zip(pattern, parts, strict=True)
        ):
            continue
        if method not in by_method:
            return list(by_method)
        params = {want[1:-1]: got for want, got in zip(pattern, parts, strict=True) if "{" in want}
        return by_method[method], params
    return None


_PATTERNS = sorted({tuple(op.path.strip("/").split("/")) for op in spec.operations().values()})
_WORDS = sorted({p for pattern in _PATTERNS for p in pattern if "{" not in p})
_SEGMENT = st.sampled_from([*_WORDS, "thread_abc", "msg_abc", "", "x"])
# the spec's paths with any segment filled with a word (a literal of another path, an id, nothing),
# and lists of such words
_PARTS = st.sampled_from(_PATTERNS).flatmap(
    lambda pattern: st.tuples(*(_SEGMENT if "{" in p else st.just(p) | _SEGMENT for p in pattern)).map(list)
) | st.lists(_SEGMENT, max_size=7)


@pytest.mark.parametrize("profile", ["v2", "v1"])
@given(method=st.sampled_from(["GET", "POST", "DELETE", "PATCH"]), parts=_PARTS)
def test_resolve_finds_what_a_scan_of_every_template_finds(
    profile: str, method: str, parts: list[str]
) -> None:
    contract = contract_for(profile)
    assert resolve(method, parts, contract) == _resolve_by_scan(method, parts, contract)


@given(st.lists(st.sampled_from(["v1", "threads", "thread_1", "%", "%2F", "%E9", "%zz", "\xe9", "", "a b"]),
                max_size=6).map(lambda parts: "/" + "/".join(parts)))  # fmt: skip
def test_segments_decode_each_segment_once(raw_path: str) -> None:
    parts = raw_path.split("/")[1:]
    if parts[:1] == ["v1"]:
        parts = parts[1:]
    assert segments(raw_path, "/v1") == [unquote(p, errors="replace") for p in parts]
