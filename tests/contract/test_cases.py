"""Boundary cases on a control request: both sides of every constraint, each breaking one rule only."""

from __future__ import annotations

from typing import Any

import pytest

from tests.limits import metadata_keys
from threadspec import Contract, constraints, contract_for, profiles
from threadspec.contract import cases
from threadspec.contract.cases import LimitCase
from threadspec.contract.controls import control_body
from threadspec.contract.graft import graft
from threadspec.contract.limits import compose, refusal
from threadspec.contract.targets import Ids
from threadspec.result import Violation
from threadspec.validate import validate

KEYS = metadata_keys()
ASSISTANT = "asst_configured"
WAITING_RUN = {"required_action": {"submit_tool_outputs": {"tool_calls": [{"id": "call_real"}]}}}
V2 = contract_for("v2")
# every operation of every profile: v1's cases are built from v1's own constraints
OPERATIONS = [(p, op) for p in profiles() for op in contract_for(p).operations()]
OPERATION_IDS = [f"{p}-{op}" for p, op in OPERATIONS]


def cases_for(op: str, contract: Contract = V2) -> Any:
    return cases.cases_for(contract, op)


def _ids(op: str, contract: Contract = V2) -> Ids:
    starts = contract.id_starts
    return {p.name: f"{starts[p.name]}abc123" for p in contract.operation(op).parameters_in("path")}


def _control(op: str, contract: Contract = V2) -> Any:
    return control_body(contract.operation(op), ASSISTANT, WAITING_RUN)


def _case(op: str, constraint_id: str, accepted: bool, variant: str = "") -> LimitCase:
    return next(
        c
        for c in cases_for(op)[0]
        if c.constraint.id == constraint_id and c.accepted is accepted and c.variant == variant
    )


@pytest.mark.parametrize(("profile", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_every_constraint_has_both_sides_or_is_named_unbuildable(profile: str, op: str) -> None:
    contract = contract_for(profile)
    built, missing = cases_for(op, contract)
    sides = {(c.constraint, c.accepted) for c in built} | set(missing)
    for c in cases.universe(contract, op):
        assert (c, True) in sides, c.id
        if c.violable:
            assert (c, False) in sides or (c, True) in missing, c.id


def _places(errors: list[Violation]) -> set[str | None]:
    return {e.param for e in errors}


@pytest.mark.parametrize(("profile", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_every_refused_case_breaks_one_rule_on_the_control(profile: str, op: str) -> None:
    """Grafted onto the control (the configured assistant, real tool call ids), a case past a limit is
    invalid where the case is about and nowhere else, and names the configured assistant."""
    contract = contract_for(profile)
    for case in cases_for(op, contract)[0]:
        assert case.contract is contract
        ids, query, body = compose(case, _ids(op, contract), _control(op, contract))
        expected = refusal(case, ids, query, body)
        if case.accepted:
            assert expected is None, case.constraint.id
            continue
        assert expected is not None, case.constraint.id
        alone = refusal(case, ids, query, case.value if case.location == "body" else body)
        assert alone is not None
        assert set(expected.params) <= set(alone.params), case.constraint.id
        about_assistant = case.constraint.path[:1] == ("assistant_id",) or case.constraint.keyword in (
            "type",
            "required",
        )
        if isinstance(body, dict) and "assistant_id" in body and not about_assistant:
            assert body["assistant_id"] == ASSISTANT, case.constraint.id


def test_the_graft_keeps_the_case_and_takes_the_rest_from_the_control() -> None:
    case = _case("createRun", "CreateRunRequest:temperature:maximum", accepted=False)
    assert case.value["assistant_id"] != ASSISTANT  # built on the smallest valid parents
    _, _, body = compose(case, _ids("createRun"), _control("createRun"))
    assert body == {"assistant_id": ASSISTANT, "temperature": case.node}


def test_a_number_just_past_a_bound_comes_a_whole_step_past_too() -> None:
    exact = _case("createRun", "CreateRunRequest:temperature:maximum", accepted=False)
    whole = _case("createRun", "CreateRunRequest:temperature:maximum", accepted=False, variant="plain")
    assert 2 < exact.node < 2.001
    assert whole.node == 3
    assert whole.describe() == "temperature 3 (limit 2)"


def test_a_missing_property_stays_missing() -> None:
    case = _case("createRun", "CreateRunRequest::required=assistant_id", accepted=False)
    _, _, body = compose(case, _ids("createRun"), _control("createRun"))
    assert "assistant_id" not in body


def test_at_a_shape_rule_the_controls_own_value_serves() -> None:
    """Any list of tool outputs is "at" the type rule: the waiting run's real call ids are sent."""
    case = _case("submitToolOuputsToRun", "SubmitToolOutputsRunRequest::type", accepted=True)
    _, _, body = compose(case, _ids("submitToolOuputsToRun"), _control("submitToolOuputsToRun"))
    assert body["tool_outputs"][0]["tool_call_id"] == "call_real"


def test_at_a_count_limit_the_node_stays_exact() -> None:
    case = _case("modifyThread", "ModifyThreadRequest:metadata:maxProperties", accepted=True)
    c = case.constraint
    grafted = graft(case.value, {"metadata": {"control": "1"}}, case.path, c, accepted=True)
    assert len(grafted["metadata"]) == c.limit  # the control's key is not added


def test_integer_cases_come_plain_too() -> None:
    """256.0 refused is threadspec's reading (strict); a plainly wrong value says what everyone agrees on."""
    strict = _case("createRun", "CreateRunRequest:max_prompt_tokens:type", accepted=False)
    plain = _case("createRun", "CreateRunRequest:max_prompt_tokens:type", accepted=False, variant="plain")
    assert isinstance(strict.node, float) and strict.node.is_integer()
    assert plain.node == "1"
    control, ids = _control("createRun"), _ids("createRun")
    verdicts = [refusal(c, *compose(c, ids, control)) for c in (strict, plain)]
    assert [(v.severity.value, v.key) for v in verdicts if v] == [
        ("strict", "accepted:type:strict|max_prompt_tokens"),
        ("error", "accepted:type|max_prompt_tokens"),
    ]


def test_a_rule_of_threadspec_is_strict() -> None:
    rule = next(c for c in constraints.inventory("CreateThreadRequest") if c.is_rule)
    case = _case("createThread", rule.id, accepted=False)
    verdict = refusal(case, *compose(case, {}, _control("createThread")))
    assert verdict is not None and verdict.severity.value == "strict"
    assert verdict.title.endswith("(at most half of max_chunk_size_tokens 100), which threadspec refuses")


def test_path_ids_of_another_kind() -> None:
    case = _case("getMessage", "getMessage.path:thread_id:pattern", accepted=False, variant="prefix")
    ids, _, _ = compose(case, _ids("getMessage"), _control("getMessage"))
    assert ids == {"thread_id": "msg_abc123", "message_id": "msg_abc123"}
    assert case.describe() == "path thread_id \"msg_abc123\" (an id that begins with 'thread')"


@pytest.mark.parametrize(
    ("op", "constraint_id", "accepted", "described"),
    [
        ("modifyThread", "ModifyThreadRequest:metadata:maxProperties", False, f"{KEYS + 1} metadata keys (limit {KEYS})"),
        ("modifyThread", "ModifyThreadRequest:metadata:maxProperties", True, f"{KEYS} metadata keys (limit {KEYS})"),
        ("createRun", "CreateRunRequest:temperature:maximum", True, "temperature 2 (limit 2)"),
        ("listRuns", "listRuns.query:limit:maximum", False, "query limit 101 (limit 100)"),
        ("createRun", "CreateRunRequest:temperature:maximum", False, "temperature 2.0000000000000004 (limit 2)"),
        ("createRun", "CreateRunRequest:tools:maxItems", True, "20 tools (limit 20)"),
        ("modifyThread", "ModifyThreadRequest:metadata:propertyNames.maxLength", True,
         "a 64-character metadata key (limit 64)"),
        ("createRun", "CreateRunRequest::required=assistant_id", False, "a request body without assistant_id (required)"),
    ],
)  # fmt: skip
def test_cases_describe_what_they_hold(op: str, constraint_id: str, accepted: bool, described: str) -> None:
    assert _case(op, constraint_id, accepted).describe() == described


def test_graft_never_touches_the_case_it_was_given() -> None:
    case = _case("createRun", "CreateRunRequest:temperature:maximum", accepted=False)
    before = repr(case.value)
    compose(case, _ids("createRun"), _control("createRun"))
    assert repr(case.value) == before
    assert validate(case.value, "CreateRunRequest").errors[0].param == "temperature"


def test_a_v1_file_id_of_another_kind() -> None:
    """v1's file ids join prefix and key with a dash: the control's own is valid, one of another kind is not."""
    v1 = contract_for("v1")
    case = next(
        c for c in cases_for("getAssistantFile", v1)[0] if c.variant == "prefix" and c.path == ("file_id",)
    )
    ids, _, _ = compose(case, _ids("getAssistantFile", v1), _control("getAssistantFile", v1))
    assert _ids("getAssistantFile", v1)["file_id"] == "file-abc123"
    assert ids == {"assistant_id": "asst_abc123", "file_id": "msg_abc123"}
    assert case.describe() == "path file_id \"msg_abc123\" (an id that begins with 'file')"
