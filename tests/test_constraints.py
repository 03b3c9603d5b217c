"""The constraint inventory: complete, located, and reachable in real payloads."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from tests.limits import metadata_keys
from threadspec import constraints, spec
from threadspec.constraints import NODE_KEYWORDS, Constraint, json_type

RUN = "CreateThreadAndRunRequest"
STATIC = "thread.tool_resources.file_search.vector_stores[*].chunking_strategy.static"


def find(root: str, template: str, keyword: str, facet: str | None = None) -> Constraint:
    hits = [
        c
        for c in constraints.inventory(root)
        if c.template == template and c.keyword == keyword and (facet is None or c.facet == facet)
    ]
    assert len(hits) == 1, [c.id for c in hits]
    return hits[0]


@pytest.mark.parametrize(
    ("template", "keyword", "limit"),
    [
        ("thread.messages[*].metadata", "maxProperties", metadata_keys()),
        ("thread.messages[*].metadata", "propertyNames", 64),
        ("thread.messages[*].metadata.*", "maxLength", 512),
        ("thread.messages[*].content", "minItems", 1),
        ("thread.messages[*].attachments[*].tools[*]", "discriminator", ("code_interpreter", "file_search")),
        ("thread.tool_resources.file_search", "oneOf", ("vector_store_ids", "vector_stores")),
        ("thread.tool_resources.file_search.vector_stores", "maxItems", 1),
        ("thread.tool_resources.file_search.vector_stores[*].file_ids", "maxItems", 100_000_000),
        ("thread.messages[*].content[*].image_url.url", "format", "uri"),
        (STATIC + ".max_chunk_size_tokens", "minimum", 100),
        (STATIC + ".max_chunk_size_tokens", "maximum", 4096),
        ("tools", "maxItems", 20),
        ("tools[*]", "discriminator", ("code_interpreter", "file_search", "function")),
        ("tools[*].file_search.max_num_results", "maximum", 50),
        ("tools[*].file_search.ranking_options.score_threshold", "maximum", 1),
        ("tools[*].function.name", "pattern", "^[a-zA-Z0-9_-]{1,64}$"),
        ("temperature", "maximum", 2),
        ("max_prompt_tokens", "minimum", 256),
        ("max_prompt_tokens", "type", ("integer", "null")),
        ("truncation_strategy.last_messages", "minimum", 1),
        ("tool_choice", "enum", ("none", "auto", "required")),
        ("", "additionalProperties", False),
        ("", "type", ("object",)),
    ],
)
def test_inventory_lists_the_documented_limits(template: str, keyword: str, limit: Any) -> None:
    assert find(RUN, template, keyword).limit == limit


def test_a_rule_is_listed_with_its_property_and_the_branches_that_reach_it() -> None:
    rule = find(RUN, STATIC, "at_most_half_of")
    assert rule.is_rule
    assert rule.facet == "chunk_overlap_tokens"
    assert rule.limit == {
        "rule": "at_most_half_of",
        "property": "chunk_overlap_tokens",
        "of": "max_chunk_size_tokens",
    }
    assert rule.branches == ("CreateThreadToolResources", "StaticChunkingStrategyRequestParam")
    assert rule.path == (
        "thread", "tool_resources", "file_search", "vector_stores", "*", "chunking_strategy", "static",
    )  # fmt: skip
    assert rule.declared_in == "StaticChunkingStrategy"
    assert rule.report_path(("a", 0)) == ("a", 0, "chunk_overlap_tokens")


def test_required_names_are_one_constraint_each() -> None:
    required = find(RUN, "", "required")
    assert required.limit == "assistant_id"
    assert required.id == f"{RUN}::required=assistant_id"
    assert required.report_path(()) == ("assistant_id",)


def test_where_breaches_are_reported() -> None:
    assert find(RUN, "", "additionalProperties").report_path((), "bogus") == ("bogus",)
    assert find(RUN, "tools[*]", "discriminator").report_path(("tools", 3)) == ("tools", 3, "type")
    assert find(RUN, "tools[*]", "discriminator").rule == "const"
    names = find(RUN, "metadata", "propertyNames")
    assert (names.rule, names.facet, names.report_path(("metadata",))) == (
        "propertyNames",
        "maxLength",
        ("metadata",),
    )


def _schema_keywords(node: Any, pointer: str) -> Iterator[tuple[str, str]]:
    """(pointer, keyword) of every constraint keyword in a JSON Schema document, walked independently."""
    if not isinstance(node, dict):
        return
    for key in NODE_KEYWORDS:
        if key in node:
            yield f"{pointer}/{key}", key
    if node.get("additionalProperties") is False:
        yield f"{pointer}/additionalProperties", "additionalProperties"
    if node.get("required"):
        yield f"{pointer}/required", "required"
    for facet in ("maxLength", "minLength", "pattern"):
        if facet in node.get("propertyNames", {}):
            yield f"{pointer}/propertyNames/{facet}", "propertyNames"
    for index, _ in enumerate(node.get("x-threadspec-rules", ())):
        yield f"{pointer}/x-threadspec-rules/{index}", "rule"
    for key in ("properties", "$defs"):
        for name, sub in node.get(key, {}).items():
            yield from _schema_keywords(sub, f"{pointer}/{key}/{name.replace('~', '~0').replace('/', '~1')}")
    for key in ("items", "additionalProperties", "propertyNames"):
        yield from _schema_keywords(node.get(key), f"{pointer}/{key}")
    if "properties" in node and "oneOf" in node:  # oneOf-of-required groups: one constraint on the object
        yield f"{pointer}/oneOf", "oneOf"
        return
    for key in ("anyOf", "oneOf"):
        for index, sub in enumerate(node.get(key, ())):
            yield from _schema_keywords(sub, f"{pointer}/{key}/{index}")


def _asserted(document: dict[str, Any]) -> dict[str, Any]:
    """The document with only the ``$defs`` its ``$ref`` links reach: a ``contentSchema`` describes JSON
    inside a string (an event's ``data``), which is inventoried as a root of its own, not here."""
    defs, reached, stack = document.get("$defs", {}), set(), [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.rsplit("/", 1)[-1] not in reached:
                reached.add(ref.rsplit("/", 1)[-1])
                stack.append(defs[ref.rsplit("/", 1)[-1]])
            stack.extend(v for k, v in node.items() if k not in ("$defs", "contentSchema"))
    return {**document, "$defs": {k: v for k, v in defs.items() if k in reached}}


@pytest.mark.parametrize("name", [*constraints.request_schemas(), *constraints.response_schemas()])
def test_every_keyword_of_the_document_is_inventoried(name: str) -> None:
    listed = {c.pointer for c in constraints.inventory(name)}
    missing = [p for p, _ in _schema_keywords(_asserted(spec.schema(name)), "") if p not in listed]
    assert missing == []


def _resolve(document: Any, pointer: str) -> Any:
    for part in pointer.lstrip("/").split("/") if pointer else ():
        key = part.replace("~1", "/").replace("~0", "~")
        document = document[int(key)] if isinstance(document, list) else document[key]
    return document


def test_every_pointer_points_at_its_limit() -> None:
    for c in constraints.all_constraints():
        if c.keyword in ("type", "discriminator", "oneOf", "required") or c.is_rule:
            continue
        stated = _resolve(constraints.root_schema(c.root, c.location), c.pointer)
        assert (tuple(stated) if isinstance(stated, list) else stated) == c.limit, c.id


def test_ids_are_unique_across_the_whole_contract() -> None:
    counts = Counter(c.id for c in constraints.all_constraints())
    assert [i for i, n in counts.items() if n > 1] == []


def test_the_whole_contract_is_inventoried() -> None:
    everything = constraints.all_constraints()
    roots = {(c.root, c.location) for c in everything}
    assert {(n, "body") for n in constraints.request_schemas()} <= roots
    assert ("RunObject", "body") in roots
    assert ("AssistantStreamEvent", "body") in roots
    assert ("listMessages", "query") in roots
    assert ("getRunStep", "path") in roots


def test_parameters_are_inventoried_per_operation() -> None:
    query = {
        (c.template, c.keyword): c.limit for c in constraints.parameter_inventory("listMessages", "query")
    }
    assert query[("limit", "minimum")] == 1
    assert query[("limit", "maximum")] == 100
    assert query[("order", "enum")] == ("asc", "desc")
    path = {(c.template, c.keyword): c.limit for c in constraints.parameter_inventory("getMessage", "path")}
    assert path[("thread_id", "pattern")] == "^thread_[A-Za-z0-9]+$"
    assert path[("message_id", "maxLength")] == 64
    assert path[("", "required")] in ("thread_id", "message_id")


def test_locate_finds_every_place_and_only_in_the_right_branch() -> None:
    body = {
        "assistant_id": "a",
        "thread": {"messages": [{"role": "user", "content": "x", "metadata": {}}, {"role": "user", "content": "y"},
                                {"role": "user", "content": "z", "metadata": None}]},
        "tools": [{"type": "function", "function": {"name": "f"}}, {"type": "file_search", "file_search": {"max_num_results": 3}}],
    }  # fmt: skip
    metadata = find(RUN, "thread.messages[*].metadata", "maxProperties")
    assert list(metadata.locate(body)) == [
        ("thread", "messages", 0, "metadata"),
        ("thread", "messages", 2, "metadata"),
    ]
    results = find(RUN, "tools[*].file_search.max_num_results", "maximum")
    assert list(results.locate(body)) == [("tools", 1, "file_search", "max_num_results")]
    assert list(find(RUN, "tools[*].function.name", "pattern").locate(body)) == [
        ("tools", 0, "function", "name")
    ]
    assert list(find(RUN, "", "required").locate(body)) == [()]


def test_what_cannot_be_broken() -> None:
    content = find(RUN, "thread.messages[*].content", "minItems")
    assert content.violable
    assert not dataclasses.replace(content, limit=0).violable
    limit = [c for c in constraints.parameter_inventory("listRuns", "query") if c.keyword == "type"]
    assert {c.template: c.violable for c in limit} == {
        "limit": True,
        "order": False,
        "after": False,
        "before": False,
    }


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (None, "null"),
        (True, "boolean"),
        (256, "integer"),
        (256.0, "number"),
        ("", "string"),
        ([], "array"),
        ({}, "object"),
    ],
)
def test_json_types_follow_the_validator(value: Any, kind: str) -> None:
    assert json_type(value) == kind
    assert constraints.allows_type(("number",), 3)
    assert not constraints.allows_type(("integer",), 3.0)
