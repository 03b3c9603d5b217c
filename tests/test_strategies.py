"""The public strategies: valid bodies drawn by construction, the values at each limit, coverage."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings

import threadspec
from tests.limits import limit, metadata_keys
from threadspec import (
    Contract,
    UngeneratableSchemaError,
    UnknownSchemaError,
    _mutate,
    constraints,
    is_valid,
    strategies,
)
from threadspec._mutate import get
from threadspec.strategies import BoundaryCase, Mutation, boundary_cases

_CASES: dict[str, list[BoundaryCase]] = {}

# a user's spec whose one component is a property of SCHEMA
OWN_SPEC = """
openapi: 3.1.0
info: {title: things, version: '1'}
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
      responses:
        '204': {description: made}
components:
  schemas:
    Thing:
      type: object
      properties:
        name: SCHEMA
"""


def cases(root: str, location: constraints.Location = "body") -> list[BoundaryCase]:
    key = f"{root}.{location}"
    if key not in _CASES:
        _CASES[key] = boundary_cases(root, location)
    return _CASES[key]


def at_and_past(
    root: str, template: str, keyword: str, location: constraints.Location = "body"
) -> tuple[Any, Any]:
    """The node values of the accepted and the refused case of one constraint."""
    hits = [
        c
        for c in cases(root, location)
        if c.constraint.template == template and c.constraint.keyword == keyword
    ]
    at = [get(c.body, c.path) for c in hits if c.expect_valid]
    past = [get(c.body, c.path) for c in hits if not c.expect_valid]
    assert len(at) == len(past) == 1, [c.constraint.id for c in hits]
    return at[0], past[0]


# ---------------------------------------------------------------------------------- the values at each limit
def test_metadata_holds_as_many_keys_as_the_limit_and_not_one_more() -> None:
    at, past = at_and_past("ModifyThreadRequest", "metadata", "maxProperties")
    assert (len(at), len(past)) == (metadata_keys(), metadata_keys() + 1)


def test_keys_count_code_points_including_astral_ones() -> None:
    at, past = at_and_past("ModifyThreadRequest", "metadata", "propertyNames")
    key_at, key_past = max(at, key=len), max(past, key=len)
    most = limit("ModifyThreadRequest", "metadata", "propertyNames.maxLength")
    assert (len(key_at), len(key_past)) == (most, most + 1)
    assert any(ord(ch) > 0xFFFF for ch in key_at)  # one code point, two UTF-16 units, four UTF-8 bytes
    assert len(key_at.encode()) > most


def test_values_hold_as_many_characters_as_the_limit_and_not_one_more() -> None:
    at, past = at_and_past("ModifyMessageRequest", "metadata.*", "maxLength")
    most = limit("ModifyMessageRequest", "metadata.*", "maxLength")
    assert (len(at), len(past)) == (most, most + 1)


@pytest.mark.parametrize(
    ("root", "template", "keyword", "at", "past"),
    [
        ("CreateRunRequest", "temperature", "maximum", 2, math.nextafter(2, math.inf)),
        ("CreateRunRequest", "temperature", "minimum", 0, -5e-324),
        ("CreateRunRequest", "top_p", "maximum", 1, math.nextafter(1, math.inf)),
        ("CreateRunRequest", "max_prompt_tokens", "minimum", 256, 255),
        ("CreateRunRequest", "max_completion_tokens", "minimum", 256, 255),
        ("CreateRunRequest", "truncation_strategy.last_messages", "minimum", 1, 0),
        ("CreateRunRequest", "tools[*].file_search.max_num_results", "maximum", 50, 51),
        ("CreateRunRequest", "tools[*].file_search.max_num_results", "minimum", 1, 0),
        ("CreateRunRequest", "tools[*].file_search.ranking_options.score_threshold", "maximum", 1, math.nextafter(1, 2)),
        ("CreateThreadRequest", "tool_resources.file_search.vector_stores[*].chunking_strategy.static.max_chunk_size_tokens", "minimum", 100, 99),
        ("CreateThreadRequest", "tool_resources.file_search.vector_stores[*].chunking_strategy.static.max_chunk_size_tokens", "maximum", 4096, 4097),
    ],
)  # fmt: skip
def test_numbers_at_and_one_step_past(root: str, template: str, keyword: str, at: Any, past: Any) -> None:
    assert at_and_past(root, template, keyword) == (at, past)


@pytest.mark.parametrize(
    ("root", "template", "at", "past"),
    [
        ("CreateRunRequest", "tools", 20, 21),
        ("CreateThreadRequest", "tool_resources.file_search.vector_stores", 1, 2),
        ("CreateThreadRequest", "tool_resources.file_search.vector_store_ids", 1, 2),
        ("CreateThreadRequest", "tool_resources.code_interpreter.file_ids", 20, 21),
    ],
)
def test_arrays_at_and_one_past(root: str, template: str, at: int, past: int) -> None:
    values = at_and_past(root, template, "maxItems")
    assert tuple(len(v) for v in values) == (at, past)


def test_chunk_overlap_at_half_and_one_over() -> None:
    template = "thread.tool_resources.file_search.vector_stores[*].chunking_strategy.static"
    at, past = at_and_past("CreateThreadAndRunRequest", template, "at_most_half_of")
    assert at["chunk_overlap_tokens"] == at["max_chunk_size_tokens"] // 2
    assert past["chunk_overlap_tokens"] == past["max_chunk_size_tokens"] // 2 + 1


def test_a_pattern_is_missed_by_a_trailing_newline() -> None:
    at, past = at_and_past("CreateRunRequest", "tools[*].function.name", "pattern")
    assert past == at + "\n"  # "$" does not match before a final newline in ECMA-262


def test_an_integer_is_refused_as_an_integral_decimal() -> None:
    at, past = at_and_past("CreateRunRequest", "max_prompt_tokens", "type")
    assert (at, past) == (256, 256.0)


def test_list_limit_at_1_and_100() -> None:
    assert at_and_past("listMessages", "limit", "minimum", "query") == (1, 0)
    assert at_and_past("listMessages", "limit", "maximum", "query") == (100, 101)


def test_cases_reach_deep_locations_through_a_minimal_parent_chain() -> None:
    case = next(
        c for c in cases("CreateThreadAndRunRequest")
        if c.constraint.template == "thread.messages[*].attachments[*].tools[*]" and c.constraint.keyword == "discriminator"
        and not c.expect_valid
    )  # fmt: skip
    assert case.path == ("thread", "messages", 0, "attachments", 0, "tools", 0)
    assert case.pointer == "/thread/messages/0/attachments/0/tools/0/type"
    assert case.rule == "const"
    assert is_valid({**case.body, "thread": {}}, "CreateThreadAndRunRequest")


# ---------------------------------------------------------------------------------- coverage
def test_uncovered_reports_a_constraint_no_generator_knows() -> None:
    real = constraints.inventory("ModifyThreadRequest")[0]
    unknown = dataclasses.replace(real, keyword="frobnicate", pointer="/frobnicate")
    found = boundary_cases("ModifyThreadRequest", of=[real, unknown])
    assert strategies.uncovered([real, unknown], found) == [unknown]


def test_uncovered_requires_a_refused_case_for_what_can_be_broken() -> None:
    maximum = next(c for c in constraints.inventory("CreateRunRequest") if c.keyword == "maximum")
    accepted_only = [c for c in boundary_cases("CreateRunRequest", of=[maximum]) if c.expect_valid]
    assert strategies.uncovered([maximum], accepted_only) == [maximum]


def test_every_request_constraint_is_covered() -> None:
    for name in constraints.request_schemas():
        inventory = constraints.inventory(name)
        assert strategies.uncovered(inventory, cases(name)) == strategies.out_of_reach(inventory), name


def test_only_limits_too_large_to_build_are_out_of_reach() -> None:
    """100,000,000 files for a new vector store: no payload at that limit is built, and the gap is named."""
    found = [
        c
        for name in constraints.request_schemas()
        for c in strategies.out_of_reach(constraints.inventory(name))
    ]
    assert {(c.root, c.template, c.keyword) for c in found} == {
        ("CreateThreadRequest", "tool_resources.file_search.vector_stores[*].file_ids", "maxItems"),
        (
            "CreateThreadAndRunRequest",
            "thread.tool_resources.file_search.vector_stores[*].file_ids",
            "maxItems",
        ),
        ("CreateAssistantRequest", "tool_resources.file_search.vector_stores[*].file_ids", "maxItems"),
    }
    assert all(c.limit > _mutate.MAX_BUILT_SIZE for c in found)
    assert boundary_cases("CreateThreadRequest", of=found[:1]) == []


# ---------------------------------------------------------------------------------- valid bodies and the API
@given(strategies.valid("CreateRunRequest"))
def test_valid_bodies_stay_within_the_size_caps(body: dict[str, Any]) -> None:
    assert len(body.get("tools") or []) <= strategies.MAX_ITEMS
    assert len(body.get("metadata") or {}) <= strategies.MAX_MAP_ENTRIES


def test_valid_bodies_reach_the_size_caps_and_every_optional_property() -> None:
    drawn = strategies.valid("CreateRunRequest")
    # the first body found does; shrinking it is slow and adds nothing here
    first = settings(phases=[Phase.generate], database=None, max_examples=1000)

    def found(condition: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        return find(drawn, condition, settings=first)

    assert len(found(lambda b: len(b.get("tools") or []) == strategies.MAX_ITEMS)["tools"]) == 3
    full = found(lambda b: len(b.get("metadata") or {}) == strategies.MAX_MAP_ENTRIES)
    assert len(full["metadata"]) == strategies.MAX_MAP_ENTRIES
    for name in threadspec.schema("CreateRunRequest")["properties"]:
        assert name in found(lambda b, name=name: name in b)


@given(strategies.valid("CreateThreadFileSearchResources"))
def test_valid_bodies_hold_exactly_one_of_the_required_groups(body: dict[str, Any]) -> None:
    assert ("vector_store_ids" in body) != ("vector_stores" in body)


def test_vendor_keywords_are_annotations(tmp_path: Path) -> None:
    path = tmp_path / "things.yaml"
    path.write_text(OWN_SPEC.replace("SCHEMA", "{type: string, maxLength: 2, x-note: hi}"))
    own = Contract.load(path)
    found = find(strategies.valid("Thing", contract=own), lambda b: len(b.get("name", "")) == 2)
    assert is_valid(found, "Thing", contract=own)


@pytest.mark.parametrize(
    ("schema", "words"),
    [
        ("{type: string, not: {const: x}}", "Thing: no generator knows not"),
        ("{type: string, dependentRequired: {a: [b]}}", "Thing: no generator knows dependentRequired"),
        ("{type: array, contains: {type: string}}", "Thing: no generator knows contains"),
    ],
)
def test_a_keyword_no_generator_knows_is_refused_when_the_strategy_is_made(
    tmp_path: Path, schema: str, words: str
) -> None:
    path = tmp_path / "things.yaml"
    path.write_text(OWN_SPEC.replace("SCHEMA", schema))
    with pytest.raises(UngeneratableSchemaError, match=words):
        strategies.valid("Thing", contract=Contract.load(path))


def test_unknown_names_fail_when_the_strategy_is_made() -> None:
    with pytest.raises(UnknownSchemaError):
        strategies.valid("NoSuchSchema")
    with pytest.raises(UnknownSchemaError):
        strategies.invalid("NoSuchSchema")
    with pytest.raises(ValueError, match="no constraint"):
        strategies.boundary("ModifyRunRequest", rule="pattern")


@given(strategies.valid("StaticChunkingStrategy"))
def test_valid_bodies_keep_the_overlap_rule(body: dict[str, int]) -> None:
    assert body["chunk_overlap_tokens"] * 2 <= body["max_chunk_size_tokens"]


@given(strategies.invalid("CreateRunRequest", rule="maxItems"))
def test_invalid_breaks_the_asked_keyword(mutation: Mutation) -> None:
    assert (mutation.rule, mutation.constraint.keyword) == ("maxItems", "maxItems")
    assert mutation.pointer == strategies.pointer(mutation.path)
    assert len(get(mutation.body, mutation.path)) > mutation.constraint.limit


@given(strategies.boundary("CreateThreadRequest", rule="maxProperties", expect_valid=True))
def test_boundary_sits_exactly_at_the_limit(case: BoundaryCase) -> None:
    assert case.expect_valid and case.error_path is None and case.rule is None
    assert len(get(case.body, case.path)) == case.constraint.limit == metadata_keys()
