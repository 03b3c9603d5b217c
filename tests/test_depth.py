"""The depth limit inside the fast path: the guarded decoder agrees with the exact scan, and spares it.

The guarded decoder leaves a free-form value held by a struct field undecoded (``msgspec.Raw``) and
checks its text: the verdict on such bodies must be the reference's, whatever the value holds.
"""

from __future__ import annotations

import json
import math
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadspec import _compiled, _decode, contract_for, is_valid, validate
from threadspec._compiled import CompiledSchema
from threadspec._decode import (
    _STRING,
    MAX_DEPTH,
    SHALLOW_BYTES,
    _outside_strings,
    decode,
    depth_exceeds,
    openers,
)
from threadspec._depth import DepthGuard, holds_free, raw_start, static_depth
from threadspec.errors import MalformedPayloadError


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
    assert openers(raw) > MAX_DEPTH or not padding  # padded: more brackets than the limit, yet no scan
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
    assert compiled.decoder is not None and not compiled._counts
    raw = json.dumps({"messages": _messages(300)}).encode()
    deep = b'{"messages": [{"role": "user", "content": ' + b"[" * 600 + b"]" * 600 + b"}]}"

    def counted(raw: bytes) -> int:
        raise AssertionError("the brackets were counted")

    monkeypatch.setattr(_decode, "openers", counted)
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


def _reference_verdict_of(compiled: CompiledSchema, raw: bytes) -> bool:
    """The verdict without the fast path: JSON the decoder takes, then jsonschema."""
    try:
        value = decode(raw)
    except MalformedPayloadError:
        return False
    return bool(compiled.reference.is_valid(value))


def _reference_verdict(raw: bytes, schema: str) -> bool:
    return _reference_verdict_of(contract_for("v2").compiled(schema), raw)


def _raw_tool(parameters: bytes) -> bytes:
    return (
        b'{"assistant_id": "a", "tools": [{"type": "function", "function": {"name": "f", "parameters": '
        + (parameters + b"}}]}")
    )


def _raw_format(schema: bytes) -> bytes:
    return (
        b'{"assistant_id": "a", "response_format": {"type": "json_schema", "json_schema": {"name": "s", "schema": '
        + (schema + b"}}}")
    )


# the text of a free-form object, as sent: kinds, syntax and encodings a skipped value could hide
FREE_TEXTS = [
    b"{}", b' {"type": "object"} ', b'{"a": [1, {"b": "\\u00e9\\n"}], "c": null}', '{"é": "ünï"}'.encode(),
    b"[]", b"[{}]", b'"{}"', b"1", b"null", b"true",
    b'{"a": "\xff"}', b'{"a": "\xed\xa0\x80"}', b'{"a": "\x01"}', b'{"a": 1,}',
    b'{"a" 1}', b'{"a": "\\q"}', b'{"a": 01}', b'{"a": [1 2]}', b'{"a": "\\ud800"}',
]  # fmt: skip


@pytest.mark.parametrize("text", FREE_TEXTS, ids=repr)
@pytest.mark.parametrize(
    ("schema", "body"), [("CreateRunRequest", _raw_tool), ("CreateThreadAndRunRequest", _raw_tool),
                         ("CreateRunRequest", _raw_format)]
)  # fmt: skip
def test_an_undecoded_free_form_value_gets_the_reference_verdict(schema: str, body: Any, text: bytes) -> None:
    raw = body(text)
    expected = _reference_verdict(raw, schema)
    assert is_valid(raw, schema) is expected
    assert validate(raw, schema).valid is expected
    assert contract_for("v2").compiled(schema).fast_verdict(raw) is expected


def test_the_free_form_value_of_the_bytes_verdict_is_left_undecoded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the whole body's brackets are counted nor the parameters decoded into Python objects."""
    compiled = contract_for("v2").compiled("CreateThreadAndRunRequest")
    # long enough to be counted on the old road (SHALLOW_BYTES), and with more brackets than the limit
    value = json.dumps({"type": "object", "properties": {f"p{i}": {"type": "string"} for i in range(600)}})
    raw = _raw_tool(value.encode())
    assert len(raw) > SHALLOW_BYTES and openers(raw) > MAX_DEPTH
    assert compiled.fast_verdict(raw) is True
    assert compiled.fast_verdict(_raw_tool(b"[]")) is False

    count = _decode.openers

    def counted(text: bytes) -> int:
        assert text != raw, "the whole body's brackets were counted"
        return count(text)  # the value's own: a long value with many brackets gets the exact scan

    monkeypatch.setattr(_decode, "openers", counted)
    assert compiled.fast_verdict(raw) is True
    decoded = msgspec.json.Decoder(compiled.fast_type).decode(raw)
    assert compiled._guarded is not None
    kept = compiled._guarded.decode(raw)
    assert isinstance(decoded.tools[0].function.parameters, dict)
    assert isinstance(kept.tools[0].function.parameters, msgspec.Raw)


@pytest.mark.parametrize(
    ("typ", "start"),
    [
        (Any, b""),
        (dict[str, Any], b"{"),
        (dict[str, int], None),
        (list[Any], None),
        (dict[str, Any] | None, None),
    ],
)
def test_which_free_form_values_are_left_as_text(typ: Any, start: bytes | None) -> None:
    assert raw_start(typ) == start


@pytest.mark.parametrize(
    ("value", "valid"),
    [(b"1", True), (b'"x"', True), (b"[[[]]]", True), (b"null", True), (b'"\xff"', False), (b"[1,]", False),
     (b"[" * 400 + b"]" * 400, True), (b"[" * 600 + b"]" * 600, False)],
)  # fmt: skip
def test_a_value_that_may_be_anything_is_checked_as_text(value: bytes, valid: bool) -> None:
    """A ``{}`` property (no bundled schema has one) takes the same road, any JSON value allowed."""
    compiled = CompiledSchema("Holder", {"type": "object", "properties": {"v": {}}, "required": ["v"]})
    raw = b'{"v": ' + value + b"}"
    assert compiled.fast_verdict(raw) in ((True,) if valid else (False, None))
    assert compiled._guarded is not None
    if len(value) < 1000:  # the reference's own recursion cannot take the deepest
        assert _reference_verdict_of(compiled, raw) is valid
