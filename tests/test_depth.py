"""The depth limit inside the fast path: the guarded decoder agrees with the exact scan, and spares it."""

from __future__ import annotations

import json
import math
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadspec import _compiled, contract_for, is_valid, validate
from threadspec._decode import _STRING, MAX_DEPTH, _outside_strings, depth_exceeds, openers
from threadspec._depth import DepthGuard, holds_free, static_depth


def nested(levels: int) -> Any:
    """A free-form value ``levels`` deep: objects and arrays in turn."""
    value: Any = 1
    for level in range(levels):
        value = {"a": value} if level % 2 else [value]
    return value


def _function_tool(parameters: Any) -> dict[str, Any]:
    return {"type": "function", "function": {"name": "f", "parameters": {"p": parameters}}}


def _json_schema_format(schema: Any) -> dict[str, Any]:
    return {"type": "json_schema", "json_schema": {"name": "s", "schema": {"s": schema}}}


def _messages(count: int) -> list[dict[str, Any]]:
    """Flat messages of three brackets each: many brackets, no depth."""
    return [{"role": "user", "content": [{"type": "text", "text": f"m{i}"}]} for i in range(count)]


def _pad(key: str, count: int) -> dict[str, Any]:
    if not count:
        return {}
    return {key: _messages(count)} if key != "thread" else {"thread": {"messages": _messages(count)}}


# where the free-form values sit (body, tools, tool, function, parameters, its value), with flat padding
PLACES = [
    ("CreateRunRequest", lambda v, n: {"assistant_id": "a", "tools": [_function_tool(v)],
                                       **_pad("additional_messages", n)}),
    ("CreateRunRequest", lambda v, n: {"assistant_id": "a", "response_format": _json_schema_format(v),
                                       **_pad("additional_messages", n)}),
    ("CreateThreadAndRunRequest", lambda v, n: {"assistant_id": "a", "tools": [_function_tool(v)] * 3,
                                                **_pad("thread", n)}),
]  # fmt: skip


@pytest.mark.parametrize(("schema", "place"), PLACES)
@pytest.mark.parametrize("spare", [-2, -1, 0, 1, 2, 40])
@pytest.mark.parametrize("padding", [0, 200])
def test_the_verdict_on_bytes_agrees_with_the_exact_scan(
    schema: str, place: Any, spare: int, padding: int
) -> None:
    """Around the limit a body is valid exactly when it nests no deeper than the limit, by either road:
    few brackets (counted, then decoded) or many (the guarded decoder)."""
    probe = json.dumps(place(1, 0)).encode()  # how deep the place itself sits, from the exact scan
    below = next(d for d in range(MAX_DEPTH) if not depth_exceeds(probe, d))
    raw = msgspec.json.encode(place(nested(MAX_DEPTH - below - spare), padding))
    too_deep = depth_exceeds(raw)
    assert too_deep == (spare < 0)
    assert openers(raw) > MAX_DEPTH or not padding  # padded: the guarded decoder's road
    assert is_valid(raw, schema) is not too_deep
    errors = validate(raw, schema).errors
    assert [e.rule for e in errors] == (["input"] if too_deep else [])


def test_many_brackets_no_deeper_than_the_limit_skip_the_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long, flat body (more brackets than the limit) is judged by the guarded decoder alone."""
    tools = [_function_tool({"type": "object"})] * 3
    raw = json.dumps({"assistant_id": "a", "tools": tools, "thread": {"messages": _messages(300)}}).encode()
    assert openers(raw) > MAX_DEPTH

    def scanned(raw: bytes, limit: int = MAX_DEPTH) -> bool:
        raise AssertionError("the exact scan ran")

    monkeypatch.setattr(_compiled, "depth_exceeds", scanned)
    assert is_valid(raw, "CreateThreadAndRunRequest")


def test_a_schema_without_free_form_values_needs_no_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its type bounds the depth: no bracket count, and a body nested past the limit still fails."""
    compiled = contract_for("v2").compiled("CreateThreadRequest")
    assert compiled.decoder is not None and compiled._typed_depth
    raw = json.dumps({"messages": _messages(300)}).encode()
    deep = b'{"messages": [{"role": "user", "content": ' + b"[" * 600 + b"]" * 600 + b"}]}"

    def counted(raw: bytes) -> int:
        raise AssertionError("the brackets were counted")

    monkeypatch.setattr(_compiled, "openers", counted)
    assert is_valid(raw, "CreateThreadRequest")
    assert not is_valid(deep, "CreateThreadRequest")
    monkeypatch.undo()
    assert [e.rule for e in validate(deep, "CreateThreadRequest").errors] == ["input"]


def test_schemas_without_a_bound_keep_the_scan() -> None:
    """A free-form value at the root (no struct to check it) leaves the schema to the exact scan."""
    compiled = contract_for("v2").compiled("FunctionParameters")
    assert compiled.decoder is not None and compiled._guarded is None
    deep, shallow = msgspec.json.encode({"a": nested(MAX_DEPTH)}), msgspec.json.encode({"a": nested(10)})
    assert is_valid(deep, "FunctionParameters") is False
    assert is_valid(shallow, "FunctionParameters") is True


class _Leaf(msgspec.Struct):
    free: dict[str, Any]


class _Loop(msgspec.Struct):
    again: list[_Loop]


@pytest.mark.parametrize(
    ("typ", "free", "depth"),
    [
        (Any, True, 0),
        (dict[str, Any], True, 1),
        (list[dict[str, int]], False, 2),
        (_Leaf, False, 2),
        (list[_Leaf] | None, False, 3),
        (_Loop, False, math.inf),
    ],
)
def test_how_deep_a_type_nests_and_whether_it_holds_free_values(typ: Any, free: bool, depth: float) -> None:
    assert holds_free(typ) is free
    assert static_depth(typ) == depth


def test_a_guard_refuses_a_type_it_cannot_bound() -> None:
    assert not DepthGuard(MAX_DEPTH).settle(_Loop)
    assert not DepthGuard(MAX_DEPTH).settle(dict[str, Any])
    guard = DepthGuard(MAX_DEPTH)
    assert guard.settle(_Leaf) and guard.budget == MAX_DEPTH - 2


@given(st.lists(st.sampled_from([b'"', b"[", b"]", b"{", b"}", b":", b"a", b" ", b"\\"]), max_size=40))
def test_strings_are_cut_alike_by_both_roads(pieces: list[bytes]) -> None:
    """The quick cut (no backslash, quotes paired) leaves exactly what the regex leaves, on any text."""
    raw = b"".join(pieces)
    assert _outside_strings(raw) == _STRING.sub(b"", raw)
