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
from tests.test_messages import WORDING
from threadspec import Contract, contract_for, profiles, strategies

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
    first = data.draw(strategies.invalid(schema, contract=contract))
    body = first.body
    if isinstance(body, dict) and data.draw(st.booleans(), label="second mutation"):
        second = data.draw(strategies.invalid(schema, contract=contract))
        if isinstance(second.body, dict):
            body = {**second.body, **{k: v for k, v in body.items() if k not in second.body}}
    note(f"body: {json.dumps(body)[:2000]}")
    expected = sorted(map(_key, reference_errors(body, schema, contract)))
    assert sorted(map(_key, localized_violations(body, schema, contract))) == expected
