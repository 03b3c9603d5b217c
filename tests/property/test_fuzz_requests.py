"""Every constraint of every request body, fuzzed from the spec: valid, boundary and broken payloads.

Each payload is judged by all four implementations of the contract, which must agree: the public
validator (``threadspec.validate``), the msgspec fast path (JSON bytes and decoded values), the
jsonschema reference validator and the generated Pydantic model. A broken payload must also be
refused at the right place for the right reason, and a valid one must round-trip through the model.
The spec-driven tests run for every bundled profile (``threadspec.profiles()``): a new profile is
fuzzed without a new test.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import msgspec
import pytest
from hypothesis import currently_in_test_context, given, note
from pydantic import ValidationError

import threadspec
from threadspec import Contract, constraints, contract_for, profiles, strategies
from threadspec.strategies import BoundaryCase, Mutation

REQUESTS = [(p, n) for p in profiles() for n in constraints.request_schemas(contract=contract_for(p))]
QUERIES = [
    (p, op)
    for p in profiles()
    for op in contract_for(p).operations()
    if constraints.parameter_inventory(op, "query", contract=contract_for(p))
]
REQUEST_IDS = [f"{p}-{n}" for p, n in REQUESTS]
QUERY_IDS = [f"{p}-{op}" for p, op in QUERIES]


# ---------------------------------------------------------------------------------- the judge
def model_accepts(contract: Contract, name: str, body: Any) -> bool:
    try:
        contract.model_class(name).model_validate(body)
    except ValidationError:
        return False
    return True


def verdicts(contract: Contract, name: str, body: Any) -> dict[str, bool | None]:
    """Each implementation's verdict; ``None`` where a schema has no fast path."""
    compiled = contract.compiled(name)
    return {
        "validate": threadspec.validate(body, name, contract=contract).valid,
        "fast_json": compiled.is_valid_json(msgspec.json.encode(body)),
        "fast_value": compiled.is_valid_value(body),
        "reference": not any(True for _ in compiled.reference.iter_errors(body)),
        "model": model_accepts(contract, name, body),
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
    contract: Contract | None = None,
) -> list[str]:
    """What is wrong with how the implementations treat a payload; empty when all is right."""
    contract = contract or contract_for()
    # hypothesis 6.170.9 prints falsifying arguments as `case=,`: the payload is noted explicitly
    _note(f"payload ({contract.profile}:{name}, expect_valid={expect_valid}): {shown(body)!r}")
    found = verdicts(contract, name, body)
    _note(f"verdicts: {found}")
    out = [f"{who} says valid={v}" for who, v in found.items() if v is not None and v != expect_valid]
    if not expect_valid:
        errors = threadspec.validate(body, name, contract=contract).errors
        _note(f"errors: {[(e.pointer, e.rule, e.message) for e in errors[:3]]}")
        if errors and (errors[0].pointer, errors[0].rule) != where:
            out.append(f"first error {(errors[0].pointer, errors[0].rule)}, expected {where}")
    return out


def problems(case: BoundaryCase) -> list[str]:
    _note(
        f"constraint: {case.constraint.id} = {case.constraint.limit!r}, at {case.path}, reported at {case.pointer}"
    )
    return judge(
        case.constraint.root,
        case.body,
        case.expect_valid,
        (case.pointer, case.rule),
        case.constraint.contract,
    )


def as_case(mutation: Mutation) -> BoundaryCase:
    return BoundaryCase(mutation.constraint, mutation.body, False, mutation.path, mutation.path)


# ---------------------------------------------------------------------------------- every constraint
@pytest.mark.parametrize(("profile", "name"), REQUESTS, ids=REQUEST_IDS)
def test_every_constraint_has_an_accepted_and_a_refused_case(profile: str, name: str) -> None:
    """The meta-test: a limit added to the spec gets boundary cases, and they behave, with no new test."""
    contract = contract_for(profile)
    cases = strategies.boundary_cases(name, contract=contract)
    inventory = constraints.inventory(name, contract=contract)
    # what a payload in memory cannot reach (100,000,000 files) is named, not silently skipped
    assert strategies.uncovered(inventory, cases) == strategies.out_of_reach(inventory)
    failures = {
        case.constraint.id + (" at" if case.expect_valid else " past"): problems(case) for case in cases
    }
    assert {k: v for k, v in failures.items() if v} == {}


def test_the_judge_fails_a_case_with_a_wrong_expectation() -> None:
    """The meta-test can fail: a past-limit case mislabelled as accepted, or misplaced, is caught."""
    case = next(c for c in strategies.boundary_cases("ModifyThreadRequest") if not c.expect_valid)
    assert problems(dataclasses.replace(case, expect_valid=True))
    assert problems(dataclasses.replace(case, error_path=("elsewhere",)))


@pytest.mark.parametrize(("profile", "op"), QUERIES, ids=QUERY_IDS)
def test_every_query_constraint_has_cases(profile: str, op: str) -> None:
    contract = contract_for(profile)
    cases = strategies.boundary_cases(op, "query", contract=contract)
    assert strategies.uncovered(constraints.parameter_inventory(op, "query", contract=contract), cases) == []
    for case in cases:
        result = threadspec.validate_request(op, None, query=case.body, contract=contract)
        errors = [e for e in result.errors if e.location == "query"]
        assert (not errors) == case.expect_valid, (case, errors)
        if errors:
            assert (errors[0].pointer, errors[0].rule) == (case.pointer, case.rule), (case, errors)


# ---------------------------------------------------------------------------------- property tests
@pytest.mark.parametrize(("profile", "name"), REQUESTS, ids=REQUEST_IDS)
def test_valid_bodies_are_accepted_parsed_and_round_trip(profile: str, name: str) -> None:
    contract = contract_for(profile)

    @given(strategies.valid(name, contract=contract))
    def check(body: Any) -> None:
        assert judge(name, body, True, contract=contract) == []
        model = contract.model_class(name).model_validate(body)
        assert model.model_dump(mode="json", exclude_unset=True) == body

    check()


@pytest.mark.parametrize(("profile", "name"), REQUESTS, ids=REQUEST_IDS)
def test_at_the_limit_accepted_one_past_refused(profile: str, name: str) -> None:
    @given(strategies.boundary(name, contract=contract_for(profile)))
    def check(case: BoundaryCase) -> None:
        assert problems(case) == []

    check()


@pytest.mark.parametrize(("profile", "name"), REQUESTS, ids=REQUEST_IDS)
def test_one_mutation_is_refused_where_it_was_made(profile: str, name: str) -> None:
    @given(strategies.invalid(name, contract=contract_for(profile)))
    def check(mutation: Mutation) -> None:
        assert problems(as_case(mutation)) == []

    check()


@pytest.mark.parametrize(("profile", "op"), QUERIES, ids=QUERY_IDS)
def test_query_parameters_at_and_past_their_limits(profile: str, op: str) -> None:
    contract = contract_for(profile)

    @given(strategies.boundary(op, location="query", contract=contract))
    def check(case: BoundaryCase) -> None:
        result = threadspec.validate_request(op, None, query=case.body, contract=contract)
        errors = [e for e in result.errors if e.location == "query"]
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
