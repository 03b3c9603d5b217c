"""The focused report, on JSON text and on decoded objects: the full road's report, every field, in order;
and really taken."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
import pytest
from hypothesis import given, note
from hypothesis import strategies as st

import threadspec
from tests.limits import limit, too_many_metadata
from tests.test_contract import OWN_SPEC
from tests.test_localize import INPUTS, REQUEST_SCHEMAS, SEVERAL, draw_broken
from threadspec import Contract, contract_for, strategies
from threadspec._decode import MAX_DEPTH
from threadspec._focus import _as_untyped
from threadspec._localize import FAILING
from threadspec.validate import body_errors

VALUE = limit("Metadata", "*", "maxLength")
RUN = "CreateThreadAndRunRequest"


def _full_road(body: Any, schema: str, contract: Contract) -> list[dict[str, Any]]:
    """The report as it was before the focused road: the whole body (decoded) walked from the root."""
    return [e.to_dict() for e in body_errors(contract.compiled(schema), body, False)]


def _report(body: Any, schema: str, contract: Contract) -> list[dict[str, Any]]:
    return [e.to_dict() for e in threadspec.validate(body, schema, contract=contract).errors]


def _focused(body: Any, schema: str, contract: Contract) -> list[Any] | None:
    compiled = contract.compiled(schema)
    verdict, reason = compiled.fast_failure(body)
    assert verdict is False
    found = compiled.focused(reason, body) if reason else None  # no reason, no place to start from
    return None if found is None else list(found)


FORMS = ["text", "object"]


def _as(form: str, value: Any) -> Any:
    return json.dumps(value).encode() if form == "text" else value


CASES = [(case, schema, value) for case, schema, value in [*INPUTS, *SEVERAL]]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("case", "schema", "value"), CASES, ids=[c[0] for c in CASES])
def test_the_report_is_the_full_roads(form: str, case: str, schema: str, value: Any) -> None:
    contract = contract_for()
    body = _as(form, value)
    if threadspec.is_valid(body, schema):
        return
    assert _report(body, schema, contract) == _full_road(body, schema, contract)


ONE_PLACE = [
    ("a metadata object too large", {"assistant_id": "a", "metadata": too_many_metadata()}, ["/metadata"]),
    ("a metadata value too long", {"assistant_id": "a", "metadata": {"k": "v" * (VALUE + 1)}}, ["/metadata/k"]),
    ("deep in an object", {"assistant_id": "a", "thread": {"metadata": too_many_metadata()}}, ["/thread/metadata"]),
    ("in an array's item", {"assistant_id": "a", "thread": {"messages": [{"role": "x", "content": "y"}]}},
     ["/thread/messages/0/role"]),
    ("an unknown key in a member", {"assistant_id": "a", "truncation_strategy": {"type": "auto", "x": 1}},
     ["/truncation_strategy/x"]),
    ("two violations in one member", {"assistant_id": "a", "metadata": {"k" * 70: "v" * (VALUE + 1)}},
     ["/metadata", "/metadata/" + "k" * 70]),
]  # fmt: skip


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("case", "value", "pointers"), ONE_PLACE, ids=[c[0] for c in ONE_PLACE])
def test_a_body_broken_in_one_member_takes_the_focused_road(
    form: str, case: str, value: Any, pointers: list[str]
) -> None:
    contract = contract_for()
    body = _as(form, value)
    found = _focused(body, RUN, contract)
    assert found is not None, "the full road was taken"
    assert [e.pointer for e in found] == pointers
    assert [e.to_dict() for e in found] == _full_road(body, RUN, contract)


@pytest.mark.parametrize("form", FORMS)
def test_a_member_over_its_own_limit_is_read_by_the_second_decode(form: str) -> None:
    """metadata over its count: the second decode reads it without the limit, so nothing is decoded twice."""
    contract = contract_for()
    body = _as(form, {"assistant_id": "a", "metadata": too_many_metadata()})
    assert [e.rule for e in _focused(body, RUN, contract) or []] == ["maxProperties"]
    focus = contract.compiled(RUN)._focus
    assert focus is not None
    road = focus._roads[(((("metadata",), True),), form == "text")]
    assert road is not None and [m.loose for m in road.members] == [True]


@pytest.mark.parametrize(
    ("typ", "untyped"),
    [
        (str, True), (int, True), (bool, True), (None, False), (type(None), True), (Literal["a", "b"], True),
        (dict[str, Annotated[str, msgspec.Meta(max_length=2)]], True), (list[int | None], True),
        (float, False), (dict[str, float], False), (list[int | float], False), (Any, False),
        (msgspec.defstruct("S", [("a", int)]), False), (list[msgspec.Raw], False),
    ],
)  # fmt: skip
def test_only_types_that_decode_to_the_untyped_values_are_read_loose(typ: Any, untyped: bool) -> None:
    """A float reads JSON 1 as 1.0, a struct is no dict: a member of those would be shown as it was not sent."""
    assert _as_untyped(typ) is untyped


SEVERAL_PLACES = [
    ("two members", {"assistant_id": "a", "metadata": too_many_metadata(), "temperature": 9}),
    ("two members, the later one first in the text", {"temperature": 9, "assistant_id": "a", "metadata": {"k": 1}}),
    ("three members at three depths", {"assistant_id": "a", "top_p": -1, "thread": {"metadata": {"k": 1},
     "messages": [{"role": "x", "content": "y"}]}, "truncation_strategy": {"type": "auto", "x": 1}}),
    ("four members", {"assistant_id": 5, "metadata": {"k": 1}, "temperature": 9, "top_p": 9}),
]  # fmt: skip


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("case", "value"), SEVERAL_PLACES, ids=[c[0] for c in SEVERAL_PLACES])
def test_a_body_broken_in_a_few_members_takes_the_focused_road(form: str, case: str, value: Any) -> None:
    """Each decode that fails names the next member to leave out; the members are walked in the full walk's order."""
    contract = contract_for()
    body = _as(form, value)
    found = _focused(body, RUN, contract)
    assert found is not None, "the full road was taken"
    assert [e.to_dict() for e in found] == _full_road(body, RUN, contract)
    assert len({e.pointer.split("/")[1] for e in found}) >= 2


ELSEWHERE = [
    ("five members broken", {"assistant_id": 5, "metadata": {"k": 1}, "temperature": 9, "top_p": 9,
                             "max_prompt_tokens": 1}),
    ("the root itself", {"metadata": {}}),  # a required key missing: nothing to leave out
    ("an unknown key at the root", {"assistant_id": "a", "bogus": 1}),
]  # fmt: skip


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("case", "value"), ELSEWHERE, ids=[c[0] for c in ELSEWHERE])
def test_a_body_broken_elsewhere_takes_the_full_road(form: str, case: str, value: Any) -> None:
    contract = contract_for()
    body = _as(form, value)
    assert _focused(body, RUN, contract) is None
    assert _report(body, RUN, contract) == _full_road(body, RUN, contract) != []


@pytest.mark.parametrize("form", FORMS)
def test_a_member_a_rule_of_its_parent_reads_is_not_left_out(form: str, tmp_path: Path) -> None:
    """`whole` over its maximum, and `half` over half of it: the rule reads both, so both are reported."""
    spec = tmp_path / "things.yaml"
    spec.write_text(OWN_SPEC)
    own = Contract.load(spec)
    body = _as(form, {"name": "a", "half": 60, "whole": 101})
    assert [e["rule"] for e in _report(body, "Thing", own)] == ["maximum", "at_most_half_of"]
    assert _report(body, "Thing", own) == _full_road(body, "Thing", own)


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


TEXTS = [
    # the repeated member: the first occurrence breaks the contract, the last does not, and the reverse
    ("member repeated, first bad", b'{"assistant_id": "a", "metadata": {"k": 1}, "metadata": {"k": "v"}}'),
    ("member repeated, last bad", b'{"assistant_id": "a", "metadata": {"k": "v"}, "metadata": {"k": 1}}'),
    ("key repeated inside the member", b'{"assistant_id": "a", "metadata": {"k": 1, "k": "v"}}'),
    ("repeated elsewhere, one member bad", b'{"assistant_id": "a", "assistant_id": "b", "metadata": {"k": 1}}'),
    ("repeated on the path", b'{"assistant_id": "a", "thread": {"metadata": {"k": 1}}, "thread": {}}'),
    ("a member too deep", ('{"assistant_id": "a", "tools": [{"type": "function", "function": {"name": "f", '
                           '"parameters": {"a": ' + _deep(MAX_DEPTH) + '}}}], "metadata": {"k": 1}}').encode()),
    ("too deep in the failing member", ('{"assistant_id": "a", "metadata": {"k": ' + _deep(MAX_DEPTH) + "}}").encode()),
    ("bad UTF-8 in the failing member", b'{"assistant_id": "a", "metadata": {"k": "\xff"}, "temperature": 1}'),
    ("malformed after the failing member", b'{"assistant_id": "a", "metadata": {"k": 1}, "temperature": }'),
    ("an escaped key", b'{"assistant_id": "a", "meta\\u0064ata": {"k": 1}}'),
    ("a repeated key inside a member over its limit", json.dumps({"assistant_id": "a", "metadata": too_many_metadata()})
     .replace('"metadata": {', '"metadata": {"k0": 1, ').encode()),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text"), TEXTS, ids=[c[0] for c in TEXTS])
def test_hostile_text_gets_the_full_roads_report(case: str, text: bytes) -> None:
    contract = contract_for()
    assert threadspec.is_valid(text, RUN) is False
    assert _report(text, RUN, contract) == _full_road(text, RUN, contract) != []


@pytest.mark.parametrize(("profile", "schema"), REQUEST_SCHEMAS, ids=[f"{p}-{s}" for p, s in REQUEST_SCHEMAS])
@given(data=st.data())
def test_the_report_on_mutated_text_is_the_full_roads(profile: str, schema: str, data: st.DataObject) -> None:
    """One to three mutations, sometimes with a member repeated in the text: the focused road never changes
    a report, on the text or on the object."""
    contract = contract_for(profile)
    body = draw_broken(data, schema, contract)
    text = json.dumps(body)
    if isinstance(body, dict) and body and data.draw(st.booleans(), label="repeat a member"):
        key = data.draw(st.sampled_from(sorted(body)), label="repeated key")
        again = data.draw(strategies.invalid(schema, contract=contract)).body
        value = again.get(key, 0) if isinstance(again, dict) else 0
        text = "{" + json.dumps(key) + ": " + json.dumps(value) + ", " + text[1:]
    note(f"text: {text[:2000]}")
    raw = text.encode()
    if not threadspec.is_valid(raw, schema, contract=contract):
        assert _report(raw, schema, contract) == _full_road(raw, schema, contract)
    if not threadspec.is_valid(body, schema, contract=contract):
        assert _report(body, schema, contract) == _full_road(body, schema, contract)


@pytest.mark.parametrize("form", FORMS)
def test_most_single_mutations_take_the_focused_road(form: str) -> None:
    """Not a road that exists on paper: of bodies broken by one mutation inside a member, most take it."""
    contract = contract_for()
    taken = tried = 0
    for case, _, value in CASES:
        body = _as(form, value)
        if case.startswith("limits:") and not threadspec.is_valid(body, RUN):
            tried += 1
            taken += _focused(body, RUN, contract) is not None
    assert tried >= 20 and taken >= tried // 2, (taken, tried)


def test_a_node_walked_as_failing_that_passes_has_no_violation() -> None:
    """FAILING is a hint: on a value that turns out valid (a repeat fooled the verdict) the walk finds nothing."""
    compiled = contract_for().compiled(RUN)
    node = compiled.body["properties"]["metadata"]
    assert list(compiled.walk.violations({"k": "v"}, node, "body", ["metadata"], FAILING)) == []
    (found,) = compiled.walk.violations(too_many_metadata(), node, "body", ["metadata"], FAILING)
    assert found.rule == "maxProperties"
