"""The localized error walk finds exactly what the full reference walk finds."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

import threadspec
from tests.codegen.test_models_vs_schemas import CASES
from tests.limits import limit, too_many_metadata
from tests.test_messages import WORDING
from threadspec import Contract, _localize, contract_for, profiles, strategies
from threadspec._compiled import CompiledSchema

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from corpus import corpus

INPUTS: list[tuple[str, str, Any]] = [
    *((f"limits:{case}", "CreateThreadAndRunRequest", body) for case, body, _ in CASES),
    *((f"wording:{case}", schema, body) for case, schema, body, *_ in WORDING),
    *((f"corpus:{name}", "CreateThreadAndRunRequest", json.loads(raw)) for name, raw in corpus().items()),
    ("unknown empty key before a bad one", "ModifyRunRequest", {"": 1, "metadata": True}),
    ("unknown key with a backtick", "ModifyRunRequest", {"a` - at `$.v": 1, "metadata": True}),
    ("many errors at once", "CreateThreadAndRunRequest", {
        "assistant_id": 1, "bogus": True, "metadata": {"k" * 70: "v" * 600, **{f"k{i}": i for i in range(20)}},
        "thread": {"messages": [{"role": "system", "content": [], "attachments": [{"tools": [{"type": "x"}]}]}, 5],
                   "tool_resources": {"file_search": {}}},
        "tools": [{"type": "function", "function": {"name": "a b", "parameters": 3}}, {"type": "file_search",
                  "file_search": {"max_num_results": 0, "ranking_options": {"score_threshold": 2}}}],
        "temperature": -1, "top_p": "x", "max_prompt_tokens": 255.5, "truncation_strategy": {"type": "x"},
        "tool_choice": {"type": "function", "function": {}}, "response_format": {"type": "json_schema"},
    }),
]  # fmt: skip

VALUE = limit("Metadata", "*", "maxLength")  # a metadata value's longest


def _key(error: Any) -> tuple[str, str, str, str | None]:
    return (error.pointer, error.rule, error.message, error.code)


def localized_violations(value: Any, schema: str, contract: Contract | None = None) -> Any:
    return (contract or contract_for()).compiled(schema).errors(value)


def reference_errors(value: Any, schema: str, contract: Contract | None = None) -> Any:
    return (contract or contract_for()).compiled(schema).reference_errors(value)


@pytest.mark.parametrize(("case", "schema", "value"), INPUTS, ids=[i[0] for i in INPUTS])
def test_localized_walk_equals_reference_walk(case: str, schema: str, value: Any) -> None:
    # jsonschema visits map values in set order, so only the multiset of findings is comparable
    assert sorted(map(_key, localized_violations(value, schema))) == sorted(
        map(_key, reference_errors(value, schema))
    )


def test_the_many_errors_case_really_has_many_errors() -> None:
    assert len(list(localized_violations(INPUTS[-1][2], "CreateThreadAndRunRequest"))) >= 20


# every request schema of every bundled profile: a new profile joins without a new test
REQUEST_SCHEMAS = [
    (profile, schema)
    for profile in profiles()
    for schema in sorted({op.request_schema for op in threadspec.operations(contract=contract_for(profile)).values()
                          if op.request_schema})
]  # fmt: skip


@pytest.mark.parametrize(("profile", "schema"), REQUEST_SCHEMAS, ids=[f"{p}-{s}" for p, s in REQUEST_SCHEMAS])
@given(data=st.data())
def test_localized_walk_equals_reference_walk_on_mutated_bodies(
    profile: str, schema: str, data: st.DataObject
) -> None:
    """One violation anywhere in a generated body, or two: the shortcuts never skip a finding."""
    contract = contract_for(profile)
    body = draw_broken(data, schema, contract, most=1)
    note(f"body: {json.dumps(body)[:2000]}")
    expected = sorted(map(_key, reference_errors(body, schema, contract)))
    assert sorted(map(_key, localized_violations(body, schema, contract))) == expected


# -- the shortcuts taken from msgspec's first failure change nothing ------------------------------
def _full(error: Any) -> dict[str, Any]:
    return error.to_dict()  # type: ignore[no-any-return]


def _walk_without_shortcuts(
    value: Any, schema: str, contract: Contract, monkeypatch: pytest.MonkeyPatch
) -> Any:
    """The localized walk converting every node it enters, reading nothing from msgspec's message."""
    with monkeypatch.context() as patched:
        patched.setattr(_localize, "member_failure", lambda reason: None)
        patched.setattr(_localize, "_verified", lambda reason, value: frozenset())
        return [_full(e) for e in localized_violations(value, schema, contract)]


SEVERAL = [
    ("a failure deep inside a union", "CreateThreadAndRunRequest", {
        "assistant_id": "asst_1",
        "tools": [{"type": "code_interpreter"}, {"type": "function", "function": {"name": "a b"}}],
    }),
    ("failing items before, at and after a valid one", "CreateThreadAndRunRequest", {
        "assistant_id": "asst_1", "thread": {"messages": [
            {"role": "user", "content": "x", "metadata": {"k": "v" * (VALUE + 1)}}, {"role": "user", "content": "ok"},
            {"role": "user", "content": "x", "metadata": {"k" * 70: "v"}},
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "not a url"}}]},
            {"role": "system", "content": "x"}]},
    }),
    ("the members after the failing one fail too", "CreateThreadAndRunRequest", {
        "assistant_id": "asst_1", "metadata": too_many_metadata(), "temperature": 9,
        "top_p": -1, "bogus": 1, "truncation_strategy": {"type": "last_messages", "last_messages": 0},
    }),
    ("the failing member is the last", "CreateThreadAndRunRequest", {
        "assistant_id": "asst_1", "model": "gpt-4o", "metadata": dict.fromkeys(too_many_metadata(), "v" * (VALUE + 1)),
    }),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "schema", "value"), [*INPUTS, *SEVERAL], ids=[i[0] for i in [*INPUTS, *SEVERAL]]
)
def test_the_shortcuts_report_what_converting_every_node_reports(
    case: str, schema: str, value: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same violations, in the same order, with every field; not only the same multiset as the reference."""
    contract = contract_for()
    found = [_full(e) for e in localized_violations(value, schema, contract)]
    assert found == _walk_without_shortcuts(value, schema, contract, monkeypatch)
    assert sorted(map(_key, localized_violations(value, schema))) == sorted(
        map(_key, reference_errors(value, schema))
    )


def test_several_violations_are_found_past_the_first_failure() -> None:
    found = [e.pointer for e in localized_violations(SEVERAL[2][2], "CreateThreadAndRunRequest")]
    # the unknown key first: the schema lists additionalProperties before properties
    assert found == ["/bogus", "/metadata", "/temperature", "/top_p", "/truncation_strategy/last_messages"]


def draw_broken(data: st.DataObject, schema: str, contract: Contract, most: int = 2) -> Any:
    """A body with one mutation and up to ``most`` more merged: several failing members, in any order."""
    body = data.draw(strategies.invalid(schema, contract=contract)).body
    for _ in range(data.draw(st.integers(0, most), label="more mutations")):
        more = data.draw(strategies.invalid(schema, contract=contract)).body
        if isinstance(body, dict) and isinstance(more, dict):
            body = {**more, **{k: v for k, v in body.items() if k not in more}}
    return body


@pytest.mark.parametrize(("profile", "schema"), REQUEST_SCHEMAS, ids=[f"{p}-{s}" for p, s in REQUEST_SCHEMAS])
@given(data=st.data())
def test_the_shortcuts_report_what_converting_every_node_reports_on_mutated_bodies(
    profile: str, schema: str, data: st.DataObject
) -> None:
    """Up to three mutations merged into one body: several failing members, in any order."""
    contract = contract_for(profile)
    body = draw_broken(data, schema, contract)
    note(f"body: {json.dumps(body)[:2000]}")
    found = [_full(e) for e in localized_violations(body, schema, contract)]
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert found == _walk_without_shortcuts(body, schema, contract, monkeypatch)


def test_a_failure_cut_down_to_a_member_is_what_converting_the_member_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The walk hands a failing member its parent's failure instead of converting it: the two agree."""
    handed: list[tuple[Any, str, str | None]] = []
    walk = _localize._Walk.walk

    def checked(self: Any, value: Any, node: Any, path: Any, reason: Any = _localize._UNTRIED) -> Any:
        if reason is not _localize._UNTRIED:
            handed.append((list(path), reason, self.s.rejection(self.s.resolve(node), value)))
        return walk(self, value, node, path, reason)

    monkeypatch.setattr(_localize._Walk, "walk", checked)
    for _, schema, value in [*INPUTS, *SEVERAL]:
        list(localized_violations(value, schema))
    assert len(handed) > 50
    assert [(path, given) for path, given, _ in handed] == [(path, real) for path, _, real in handed]


def test_repeated_keys_in_bytes_are_judged_as_decoded() -> None:
    """The last of a repeated key wins, as in the decoded value: the report is the reference's on it."""
    keys = ", ".join(f'"{k}": "v"' for k in too_many_metadata())
    raw = ('{"assistant_id": 1, "metadata": {' + keys + '}, "assistant_id": "asst_1", "temperature": 9,'
           ' "metadata": {"a": "b"}, "top_p": 5, "top_p": 0.5}').encode()  # fmt: skip
    decoded = json.loads(raw)
    report = [_full(e) for e in threadspec.validate(raw, "CreateThreadAndRunRequest").errors]
    assert report == [_full(e) for e in localized_violations(decoded, "CreateThreadAndRunRequest")]
    assert [e["pointer"] for e in report] == ["/temperature"]


BOUND_CASES = [
    (keyword, kind, value)
    for keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
    for kind in ("integer", "number", ["number", "null"])
    for value in (4, 5, 6, 4.5, 5.0, True, "6", None)
]


@pytest.mark.parametrize(("keyword", "kind", "value"), BOUND_CASES)
def test_the_walk_words_number_bounds_as_the_reference_does(
    keyword: str, kind: Any, value: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bound is checked and worded by the walk itself (jsonschema's comparisons, the translator's words)."""
    compiled = CompiledSchema("Bounded", {"type": "object", "properties": {"n": {"type": kind, keyword: 5}}})
    reference = [_full(e) for e in compiled.reference_errors({"n": value})]

    def no_validator(node: Any, name: str) -> Any:
        if name == keyword:
            raise AssertionError(f"a jsonschema validator built for {name}")
        return original(node, name)

    original = compiled.walk.keyword_validator
    monkeypatch.setattr(compiled.walk, "keyword_validator", no_validator)
    assert [_full(e) for e in compiled.errors({"n": value})] == reference
