"""Every constraint of every request body, fuzzed from the spec: valid, boundary and broken payloads.

Each payload is judged by all four implementations of the contract, which must agree: the public
validator (``threadspec.validate``), the msgspec fast path (JSON bytes and decoded values), the
jsonschema reference validator and the generated Pydantic model. A broken payload must also be
refused at the right place for the right reason, and a valid one must round-trip through the model.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import msgspec
import pytest
from hypothesis import currently_in_test_context, given, note
from pydantic import ValidationError

import threadspec
from threadspec import _fast, constraints, spec, strategies
from threadspec._reference import reference_validator
from threadspec.strategies import BoundaryCase, Mutation

REQUESTS = constraints.request_schemas()
QUERIES = [op for op in spec.operations() if constraints.parameter_inventory(op, "query")]


# ---------------------------------------------------------------------------------- the judge
def model_accepts(name: str, body: Any) -> bool:
    try:
        threadspec.model_class(name).model_validate(body)
    except ValidationError:
        return False
    return True


def verdicts(name: str, body: Any) -> dict[str, bool | None]:
    """Each implementation's verdict; ``None`` where a schema has no fast path."""
    return {
        "validate": threadspec.validate(body, name).valid,
        "fast_json": _fast.is_valid_json(msgspec.json.encode(body), name),
        "fast_value": _fast.is_valid_value(body, name),
        "reference": not any(True for _ in reference_validator(name).iter_errors(body)),
        "model": model_accepts(name, body),
    }


def _note(text: str) -> None:
    if currently_in_test_context():  # the deterministic tests print their payloads in the assertion
        note(text)


def shown(value: Any) -> Any:
    """The payload for a failure report, with 256,000-character strings and 10,000-item lists cut short."""
    if isinstance(value, str) and len(value) > 120:
        return f"{value[:40]}…<{len(value)} code points>"
    if isinstance(value, list):
        head = [shown(v) for v in value[:20]]
        return head if len(value) <= 20 else [*head, f"…<{len(value)} items>"]
    if isinstance(value, dict):
        return {shown(k): shown(v) for k, v in value.items()}
    return value


def judge(
    name: str,
    body: Any,
    expect_valid: bool,
    where: tuple[str | None, str | None] = (None, None),
) -> list[str]:
    """What is wrong with how the implementations treat a payload; empty when all is right."""
    # hypothesis 6.170.9 prints falsifying arguments as `case=,`: the payload is noted explicitly
    _note(f"payload ({name}, expect_valid={expect_valid}): {shown(body)!r}")
    found = verdicts(name, body)
    _note(f"verdicts: {found}")
    out = [f"{who} says valid={v}" for who, v in found.items() if v is not None and v != expect_valid]
    if not expect_valid:
        errors = threadspec.validate(body, name).errors
        _note(f"errors: {[(e.pointer, e.rule, e.message) for e in errors[:3]]}")
        if errors and (errors[0].pointer, errors[0].rule) != where:
            out.append(f"first error {(errors[0].pointer, errors[0].rule)}, expected {where}")
    return out


def problems(case: BoundaryCase) -> list[str]:
    _note(
        f"constraint: {case.constraint.id} = {case.constraint.limit!r}, at {case.path}, reported at {case.pointer}"
    )
    return judge(case.constraint.root, case.body, case.expect_valid, (case.pointer, case.rule))


def as_case(mutation: Mutation) -> BoundaryCase:
    return BoundaryCase(mutation.constraint, mutation.body, False, mutation.path, mutation.path)


# ---------------------------------------------------------------------------------- every constraint
@pytest.mark.parametrize("name", REQUESTS)
def test_every_constraint_has_an_accepted_and_a_refused_case(name: str) -> None:
    """The meta-test: a limit added to the spec gets boundary cases, and they behave, with no new test."""
    cases = strategies.boundary_cases(name)
    assert strategies.uncovered(constraints.inventory(name), cases) == []
    failures = {
        case.constraint.id + (" at" if case.expect_valid else " past"): problems(case) for case in cases
    }
    assert {k: v for k, v in failures.items() if v} == {}


def test_the_judge_fails_a_case_with_a_wrong_expectation() -> None:
    """The meta-test can fail: a past-limit case mislabelled as accepted, or misplaced, is caught."""
    case = next(c for c in strategies.boundary_cases("ModifyThreadRequest") if not c.expect_valid)
    assert problems(dataclasses.replace(case, expect_valid=True))
    assert problems(dataclasses.replace(case, error_path=("elsewhere",)))


@pytest.mark.parametrize("op", QUERIES)
def test_every_query_constraint_has_cases(op: str) -> None:
    cases = strategies.boundary_cases(op, "query")
    assert strategies.uncovered(constraints.parameter_inventory(op, "query"), cases) == []
    for case in cases:
        errors = [
            e for e in threadspec.validate_request(op, None, query=case.body).errors if e.location == "query"
        ]
        assert (not errors) == case.expect_valid, (case, errors)
        if errors:
            assert (errors[0].pointer, errors[0].rule) == (case.pointer, case.rule), (case, errors)


# ---------------------------------------------------------------------------------- property tests
@pytest.mark.parametrize("name", REQUESTS)
def test_valid_bodies_are_accepted_parsed_and_round_trip(name: str) -> None:
    @given(strategies.valid(name))
    def check(body: Any) -> None:
        assert judge(name, body, True) == []
        assert (
            threadspec.model_class(name).model_validate(body).model_dump(mode="json", exclude_unset=True)
            == body
        )

    check()


@pytest.mark.parametrize("name", REQUESTS)
def test_at_the_limit_accepted_one_past_refused(name: str) -> None:
    @given(strategies.boundary(name))
    def check(case: BoundaryCase) -> None:
        assert problems(case) == []

    check()


@pytest.mark.parametrize("name", REQUESTS)
def test_one_mutation_is_refused_where_it_was_made(name: str) -> None:
    @given(strategies.invalid(name))
    def check(mutation: Mutation) -> None:
        assert problems(as_case(mutation)) == []

    check()


@pytest.mark.parametrize("op", QUERIES)
def test_query_parameters_at_and_past_their_limits(op: str) -> None:
    @given(strategies.boundary(op, location="query"))
    def check(case: BoundaryCase) -> None:
        errors = [
            e for e in threadspec.validate_request(op, None, query=case.body).errors if e.location == "query"
        ]
        note(f"query: {case.body!r} for {case.constraint.id}; errors: {errors}")
        assert (not errors) == case.expect_valid
        if errors:
            assert (errors[0].pointer, errors[0].rule) == (case.pointer, case.rule)

    check()


# ---------------------------------------------------------------------------------- bugs these tests found
@pytest.mark.parametrize(
    ("name", "body", "where"),
    [
        ("CreateRunRequest", {"assistant_id": "asst_1", "parallel_tool_calls": None}, "/parallel_tool_calls"),
        ("CreateMessageRequest", {"role": "user", "content": [{"type": "image_file", "image_file": {"file_id": "f", "detail": None}}]},
         "/content/0/image_file/detail"),
    ],
)  # fmt: skip
def test_null_is_refused_where_a_referenced_component_had_a_default(name: str, body: Any, where: str) -> None:
    assert judge(name, body, False, (where, "type")) == []


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"assistant_id": "a", "tools": [{"type": None}]}, ("/tools/0/type", "type")),
        (
            {"assistant_id": "a", "truncation_strategy": {"type": "autox"}},
            ("/truncation_strategy/type", "enum"),
        ),
    ],
)
def test_a_bad_tag_inside_a_union_is_reported_at_the_tag(body: Any, where: tuple[str, str]) -> None:
    assert judge("CreateRunRequest", body, False, where) == []


def test_an_aliased_field_round_trips() -> None:
    body = {
        "assistant_id": "a",
        "response_format": {"type": "json_schema", "json_schema": {"name": "n", "schema": {}}},
    }
    model = threadspec.model_class("CreateRunRequest").model_validate(body)
    assert model.model_dump(mode="json", exclude_unset=True) == body


def test_the_meta_test_fails_for_a_limit_nobody_enforces() -> None:
    """A limit in the inventory that the implementations ignore gets cases, and the judge flags them."""
    found = constraints.inventory("CreateRunRequest")
    assistant = next(c for c in found if c.template == "assistant_id" and c.keyword == "type")
    invented = dataclasses.replace(
        assistant, keyword="maxLength", limit=10, pointer="/properties/assistant_id/maxLength"
    )
    cases = strategies.boundary_cases("CreateRunRequest", of=[invented])
    assert strategies.uncovered([invented], cases) == []
    assert [problems(c) for c in cases] == [[], ["validate says valid=True", "fast_json says valid=True",
            "fast_value says valid=True", "reference says valid=True", "model says valid=True"]]  # fmt: skip
