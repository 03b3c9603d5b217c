"""One edit, one diff: each case edits ONE thing in a copy of ``fixture.yaml`` and states the exact changes.

The fixture uses every keyword the constraint inventory knows; ``test_every_inventory_keyword_has_a_case``
holds the table to that, so a keyword added to the inventory needs a case here. Components used on both
sides (``Metadata``, ``Tool``) are judged for requests and responses; ``CreateThingRequest`` and
``Chunking`` only for requests, ``ThingObject`` and ``ThingEvent`` only for responses.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from threadspec import Contract, constraints, rules
from threadspec.diff import BREAKING_CLIENTS, BREAKING_SERVERS, COMPATIBLE, compare

FIXTURE = Path(__file__).with_name("fixture.yaml")
DOCUMENT: dict[str, Any] = yaml.safe_load(FIXTURE.read_text())
BASE = Contract.load(FIXTURE)
Edit = Callable[[dict[str, Any]], None]


def schema(doc: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = doc["components"]["schemas"][name]
    return found


def prop(doc: dict[str, Any], name: str, prop_name: str) -> dict[str, Any]:
    found: dict[str, Any] = schema(doc, name)["properties"][prop_name]
    return found


def query(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(p for p in doc["paths"]["/things"]["get"]["parameters"] if p.get("name") == name)


def setting(getter: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: Any) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        getter(doc)[key] = value

    return edit


def dropping(getter: Callable[[dict[str, Any]], dict[str, Any]], key: str) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        del getter(doc)[key]

    return edit


def on_prop(name: str, prop_name: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda doc: prop(doc, name, prop_name)


def on_schema(name: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda doc: schema(doc, name)


def doing(*edits: Edit) -> Edit:
    """Several steps of one edit (a property added and required; a schema renamed everywhere)."""

    def edit(doc: dict[str, Any]) -> None:
        for step in edits:
            step(doc)

    return edit


@dataclass(frozen=True)
class Case:
    id: str
    edit: Edit
    expected: list[str]  # every change's message, in the diff's order
    keyword: str | None = None  # the inventory keyword the case covers
    classifications: list[str] = field(default_factory=list)  # when given: each change's verdict


BOTH_LOOSENED = (
    "(request loosened: compatible for clients; response widened: breaking for response consumers)"
)
BOTH_TIGHTENED = (
    "(request tightened: breaking for clients; response narrowed: compatible for response consumers)"
)
REQUEST_TIGHTENED = "(request tightened: breaking for clients)"
REQUEST_LOOSENED = "(request loosened: compatible for clients)"
REQUEST_CHANGED = "(request changed: breaking for clients)"
RESPONSE_WIDENED = "(response widened: breaking for response consumers)"
RESPONSE_NARROWED = "(response narrowed: compatible for response consumers)"
A_NAME = "(compatible: a name only, not on the wire)"

KEYWORD_CASES = [
    Case("maxLength lowered", setting(on_prop("CreateThingRequest", "name"), "maxLength", 128),
         [f"CreateThingRequest.name: maxLength 256 → 128 {REQUEST_TIGHTENED}"], "maxLength", [BREAKING_CLIENTS]),
    Case("maxLength of map values raised, both sides", setting(lambda d: schema(d, "Metadata")["additionalProperties"], "maxLength", 1024),
         [f"Metadata.*: maxLength 512 → 1024 {BOTH_LOOSENED}"], "maxLength", [BREAKING_SERVERS]),
    Case("minLength raised", setting(on_prop("CreateThingRequest", "name"), "minLength", 2),
         [f"CreateThingRequest.name: minLength 1 → 2 {REQUEST_TIGHTENED}"], "minLength"),
    Case("maxItems raised", setting(on_prop("CreateThingRequest", "tags"), "maxItems", 20),
         [f"CreateThingRequest.tags: maxItems 10 → 20 {REQUEST_LOOSENED}"], "maxItems", [COMPATIBLE]),
    Case("minItems dropped", dropping(on_prop("CreateThingRequest", "tags"), "minItems"),
         [f"CreateThingRequest.tags: minItems 1 → 0 {REQUEST_LOOSENED}"], "minItems"),
    Case("maxProperties raised, both sides", setting(on_schema("Metadata"), "maxProperties", 20),
         [f"Metadata: maxProperties 16 → 20 {BOTH_LOOSENED}"], "maxProperties", [BREAKING_SERVERS]),
    Case("maxProperties lowered, both sides", setting(on_schema("Metadata"), "maxProperties", 8),
         [f"Metadata: maxProperties 16 → 8 {BOTH_TIGHTENED}"], "maxProperties", [BREAKING_CLIENTS]),
    Case("minProperties raised", setting(on_prop("CreateThingRequest", "options"), "minProperties", 2),
         [f"CreateThingRequest.options: minProperties 1 → 2 {REQUEST_TIGHTENED}"], "minProperties"),
    Case("maximum lowered", setting(on_prop("CreateThingRequest", "temperature"), "maximum", 1),
         [f"CreateThingRequest.temperature: maximum 2 → 1 {REQUEST_TIGHTENED}"], "maximum"),
    Case("minimum raised", setting(on_prop("Chunking", "max_chunk_size_tokens"), "minimum", 200),
         [f"Chunking.max_chunk_size_tokens: minimum 100 → 200 {REQUEST_TIGHTENED}"], "minimum"),
    Case("minimum of a query parameter lowered", setting(lambda d: query(d, "limit")["schema"], "minimum", 0),
         [f"listThings: query parameter limit: minimum 1 → 0 {REQUEST_LOOSENED}"], "minimum"),
    Case("maximum of a query parameter dropped", dropping(lambda d: query(d, "limit")["schema"], "maximum"),
         [f"listThings: query parameter limit: maximum 100 → no limit {REQUEST_LOOSENED}"], "maximum"),
    Case("exclusiveMaximum dropped", dropping(on_prop("CreateThingRequest", "top_p"), "exclusiveMaximum"),
         [f"CreateThingRequest.top_p: exclusiveMaximum 1 → no limit {REQUEST_LOOSENED}"], "exclusiveMaximum"),
    Case("exclusiveMinimum raised", setting(on_prop("CreateThingRequest", "top_p"), "exclusiveMinimum", 0.5),
         [f"CreateThingRequest.top_p: exclusiveMinimum 0 → 0.5 {REQUEST_TIGHTENED}"], "exclusiveMinimum"),
    Case("multipleOf to a multiple", setting(on_prop("CreateThingRequest", "batch"), "multipleOf", 4),
         [f"CreateThingRequest.batch: multipleOf 2 → 4 {REQUEST_TIGHTENED}"], "multipleOf"),
    Case("multipleOf to neither", setting(on_prop("CreateThingRequest", "batch"), "multipleOf", 3),
         [f"CreateThingRequest.batch: multipleOf 2 → 3 {REQUEST_CHANGED}"], "multipleOf", [BREAKING_CLIENTS]),
    Case("pattern narrowed, both sides", setting(on_prop("FunctionTool", "name"), "pattern", "^[a-zA-Z0-9_-]{1,32}$"),
         [f"FunctionTool.name: pattern ^[a-zA-Z0-9_-]{{1,64}}$ → ^[a-zA-Z0-9_-]{{1,32}}$ {BOTH_TIGHTENED}"], "pattern"),
    Case("pattern of a path parameter narrowed",
         setting(lambda d: d["components"]["parameters"]["ThingId"]["schema"], "pattern", "^thing_[a-z0-9]+$"),
         [f"getThing, modifyThing: path parameter thing_id: pattern ^thing_[A-Za-z0-9]+$ → ^thing_[a-z0-9]+$ {REQUEST_TIGHTENED}"], "pattern"),
    Case("pattern rewritten", setting(on_prop("FunctionTool", "name"), "pattern", "^fn_[a-z]+$"),
         ["FunctionTool.name: pattern ^[a-zA-Z0-9_-]{1,64}$ → ^fn_[a-z]+$ (request changed: breaking for clients; "
          "response changed: breaking for response consumers)"], "pattern", [BREAKING_CLIENTS]),
    Case("enum value added to a request", setting(on_prop("CreateThingRequest", "kind"), "enum", ["small", "medium", "large"]),
         [f'CreateThingRequest.kind: enum values added: "medium" {REQUEST_LOOSENED}'], "enum"),
    Case("enum value added to a response", setting(on_prop("ThingObject", "status"), "enum", ["active", "archived", "deleted"]),
         [f'ThingObject.status: enum values added: "deleted" {RESPONSE_WIDENED}'], "enum", [BREAKING_SERVERS]),
    Case("enum value removed from a response", setting(on_prop("ThingObject", "status"), "enum", ["active"]),
         [f'ThingObject.status: enum values removed: "archived" {RESPONSE_NARROWED}'], "enum", [COMPATIBLE]),
    Case("enum value removed from a query parameter", setting(lambda d: query(d, "order")["schema"], "enum", ["asc"]),
         [f'listThings: query parameter order: enum values removed: "desc" {REQUEST_TIGHTENED}'], "enum", [BREAKING_CLIENTS]),
    Case("enum swapped for const", doing(dropping(on_prop("CreateThingRequest", "kind"), "enum"),
                                         setting(on_prop("CreateThingRequest", "kind"), "const", "small")),
         [f'CreateThingRequest.kind: enum values removed: "large" {REQUEST_TIGHTENED}'], "enum"),
    Case("const changed", setting(on_prop("ThingObject", "object"), "const", "thing.v2"),
         ['ThingObject.object: const "thing" → "thing.v2" (response changed: breaking for response consumers)'],
         "const", [BREAKING_SERVERS]),
    Case("required added to a request", setting(on_schema("CreateThingRequest"), "required", ["name", "kind"]),
         ["CreateThingRequest.kind: optional → required (request field made required: breaking for clients)"],
         "required", [BREAKING_CLIENTS]),
    Case("required removed from a response",
         setting(on_schema("ThingObject"), "required", ["id", "object", "name", "status", "metadata"]),
         ["ThingObject.note: required → optional (response field made optional: breaking for response consumers)"],
         "required", [BREAKING_SERVERS]),
    Case("additionalProperties opened", dropping(on_schema("CreateThingRequest"), "additionalProperties"),
         [f"CreateThingRequest: additionalProperties false → true {REQUEST_LOOSENED}"], "additionalProperties"),
    Case("additionalProperties closed on a response", setting(on_schema("ThingObject"), "additionalProperties", False),
         [f"ThingObject: additionalProperties true → false {RESPONSE_NARROWED}"], "additionalProperties", [COMPATIBLE]),
    Case("additionalProperties closed on a request", setting(on_prop("CreateThingRequest", "source"), "additionalProperties", False),
         [f"CreateThingRequest.source: additionalProperties true → false {REQUEST_TIGHTENED}"], "additionalProperties"),
    Case("propertyNames shortened, both sides", setting(lambda d: schema(d, "Metadata")["propertyNames"], "maxLength", 32),
         [f"Metadata: propertyNames.maxLength 64 → 32 {BOTH_TIGHTENED}"], "propertyNames"),
    Case("type made nullable in a response", setting(on_prop("ThingObject", "name"), "type", ["string", "null"]),
         [f"ThingObject.name: type string → null | string {RESPONSE_WIDENED}"], "type", [BREAKING_SERVERS]),
    Case("type made non-nullable in a response", setting(on_prop("ThingObject", "note"), "type", "string"),
         [f"ThingObject.note: type null | string → string {RESPONSE_NARROWED}"], "type"),
    Case("integer widened to number", setting(on_prop("CreateThingRequest", "batch"), "type", "number"),
         [f"CreateThingRequest.batch: type integer → number {REQUEST_LOOSENED}"], "type"),
    Case("array restructured as a string: one line, not one per constraint",
         setting(lambda d: schema(d, "CreateThingRequest")["properties"], "tags", {"type": "string", "maxLength": 100}),
         [f"CreateThingRequest.tags: type array → string {REQUEST_CHANGED}"], "type"),
    Case("discriminator value renamed, both sides", setting(on_prop("FunctionTool", "type"), "const", "func"),
         [f'Tool.type: discriminator values removed: "function" {BOTH_TIGHTENED}',
          f'Tool.type: discriminator values added: "func" {BOTH_LOOSENED}'], "discriminator",
         [BREAKING_CLIENTS, BREAKING_SERVERS]),
    Case("stream event renamed", setting(on_prop("DoneEvent", "event"), "const", "finished"),
         [f'ThingEvent.event: discriminator values removed: "done" {RESPONSE_NARROWED}',
          f'ThingEvent.event: discriminator values added: "finished" {RESPONSE_WIDENED}'], "discriminator"),
    Case("rule removed", dropping(on_schema("Chunking"), rules.RULES_KEYWORD),
         [f"Chunking.chunk_overlap_tokens: x-threadspec-rules at_most_half_of max_chunk_size_tokens → none {REQUEST_LOOSENED}"],
         rules.RULES_KEYWORD),
    Case("format dropped", dropping(on_prop("CreateThingRequest", "url"), "format"),
         [f"CreateThingRequest.url: format uri → none {REQUEST_LOOSENED}"], "format"),
    Case("format added", setting(on_prop("CreateThingRequest", "name"), "format", "uri"),
         [f"CreateThingRequest.name: format none → uri {REQUEST_TIGHTENED}"], "format"),
    Case("format threadspec does not assert", setting(on_prop("CreateThingRequest", "name"), "format", "email"),
         [], "format"),
    Case("uniqueItems dropped", dropping(on_prop("CreateThingRequest", "tags"), "uniqueItems"),
         [f"CreateThingRequest.tags: uniqueItems true → false {REQUEST_LOOSENED}"], "uniqueItems"),
    Case("one-of groups dropped", dropping(on_prop("CreateThingRequest", "source"), "oneOf"),
         [f"CreateThingRequest.source: oneOf exactly one of file_id, link → none {REQUEST_LOOSENED}"], "oneOf"),
]  # fmt: skip


def _operation(method: str, path: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda doc: doc["paths"][path][method]


def _rename_schema(old: str, new: str) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        schemas = doc["components"]["schemas"]
        doc["components"]["schemas"] = {new if k == old else k: v for k, v in schemas.items()}
        text = json.dumps(doc).replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
        doc.clear()
        doc.update(json.loads(text))

    return edit


def _add_query(required: bool) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        param = {"name": "after", "in": "query", "required": required, "schema": {"type": "string"}}
        doc["paths"]["/things"]["get"]["parameters"].append(param)

    return edit


def _rename_path_parameter(doc: dict[str, Any]) -> None:
    doc["paths"]["/things/{id}"] = doc["paths"].pop("/things/{thing_id}")
    doc["components"]["parameters"]["ThingId"]["name"] = "id"


def _move_modify(doc: dict[str, Any]) -> None:
    item = doc["paths"]["/things/{thing_id}"]
    item["patch"] = item.pop("post")


def _add_delete(doc: dict[str, Any]) -> None:
    doc["paths"]["/things/{thing_id}"]["delete"] = {
        "operationId": "deleteThing",
        "responses": {"200": {"description": "Gone."}},
    }


def _remove_status(doc: dict[str, Any]) -> None:
    del doc["paths"]["/things/{thing_id}"]["get"]["responses"]["400"]


def _remove_stream(doc: dict[str, Any]) -> None:
    del doc["paths"]["/things"]["post"]["responses"]["200"]["content"]["text/event-stream"]


def _add_union_branch(doc: dict[str, Any]) -> None:
    custom = {"type": "object", "properties": {"custom": {"type": "string"}}}
    schema(doc, "Tool")["oneOf"].append(custom)


STRUCTURE_CASES = [
    Case("optional request field added",
         setting(lambda d: schema(d, "CreateThingRequest")["properties"], "color", {"type": "string"}),
         ["CreateThingRequest.color: property added (optional; string) (request field added: compatible for clients)"],
         classifications=[COMPATIBLE]),
    Case("required request field added",
         doing(setting(lambda d: schema(d, "CreateThingRequest")["properties"], "color", {"type": "string"}),
               setting(on_schema("CreateThingRequest"), "required", ["name", "color"])),
         ["CreateThingRequest.color: property added (required; string) (required request field added: breaking for clients)"],
         classifications=[BREAKING_CLIENTS]),
    Case("request field removed", dropping(lambda d: schema(d, "CreateThingRequest")["properties"], "kind"),
         ['CreateThingRequest.kind: property removed (was optional; "small" | "large") '
          "(request field removed: breaking for clients)"], classifications=[BREAKING_CLIENTS]),
    Case("response field removed",
         doing(dropping(lambda d: schema(d, "ThingObject")["properties"], "note"),
               setting(on_schema("ThingObject"), "required", ["id", "object", "name", "status", "metadata"])),
         ["ThingObject.note: property removed (was required; string | null) "
          "(response field removed: breaking for response consumers)"], classifications=[BREAKING_SERVERS]),
    Case("response field added",
         setting(lambda d: schema(d, "ThingObject")["properties"], "created_at", {"type": "integer"}),
         ["ThingObject.created_at: property added (optional; integer) (response field added: compatible for "
          "response consumers)"], classifications=[COMPATIBLE]),
    Case("field added to a component on both sides",
         setting(lambda d: schema(d, "FunctionTool")["properties"], "strict", {"type": "boolean"}),
         ["FunctionTool.strict: property added (optional; boolean) (request field added: compatible for clients; "
          "response field added: compatible for response consumers)"], classifications=[COMPATIBLE]),
    Case("union branch added", _add_union_branch,
         [f'Tool.type: discriminator "code_interpreter", "function" → none {BOTH_LOOSENED}',
          f"Tool: union branch object added {BOTH_LOOSENED}"]),
    Case("operation removed", dropping(lambda d: d["paths"]["/things/{thing_id}"], "get"),
         ["getThing: operation removed (GET /things/{thing_id}) (breaking for clients)"],
         classifications=[BREAKING_CLIENTS]),
    Case("operation added", _add_delete,
         ["deleteThing: operation added (DELETE /things/{thing_id}) (compatible for clients)"],
         classifications=[COMPATIBLE]),
    Case("operation moved to another method", _move_modify,
         ["modifyThing: moved: POST /things/{thing_id} → PATCH /things/{thing_id} (breaking for clients)"],
         classifications=[BREAKING_CLIENTS]),
    Case("operationId renamed", setting(_operation("get", "/things/{thing_id}"), "operationId", "retrieveThing"),
         [f"retrieveThing: operationId getThing → retrieveThing {A_NAME}"], classifications=[COMPATIBLE]),
    Case("optional query parameter added", _add_query(required=False),
         ["listThings: query parameter after added (optional; string) (request parameter added: compatible for clients)"]),
    Case("required query parameter added", _add_query(required=True),
         ["listThings: query parameter after added (required; string) (required request parameter added: "
          "breaking for clients)"], classifications=[BREAKING_CLIENTS]),
    Case("query parameter removed",
         lambda d: d["paths"]["/things"]["get"].__setitem__(
             "parameters", [p for p in d["paths"]["/things"]["get"]["parameters"] if p.get("name") != "limit"]),
         ["listThings: query parameter limit removed (request parameter removed: breaking for clients)"],
         classifications=[BREAKING_CLIENTS]),
    Case("query parameter made required", setting(lambda d: query(d, "limit"), "required", True),
         [f"listThings: query parameter limit: optional → required {REQUEST_TIGHTENED}"]),
    Case("path parameter renamed", _rename_path_parameter,
         [f"getThing, modifyThing: path parameter {{thing_id}} → {{id}} {A_NAME}"], classifications=[COMPATIBLE]),
    Case("id prefix changed",
         setting(lambda d: d["components"]["parameters"]["ThingId"], "x-threadspec-id-prefix", "thg"),
         [f"getThing, modifyThing: path parameter thing_id: id prefix thing → thg {REQUEST_CHANGED}"],
         classifications=[BREAKING_CLIENTS]),
    Case("request body made required",
         setting(lambda d: d["paths"]["/things/{thing_id}"]["post"]["requestBody"], "required", True),
         [f"modifyThing: request body optional → required {REQUEST_TIGHTENED}"]),
    Case("request body removed", dropping(_operation("post", "/things/{thing_id}"), "requestBody"),
         [f"modifyThing: request body removed (was ModifyThingRequest) {REQUEST_CHANGED}"]),
    Case("response status removed", _remove_status,
         ["getThing: response 400 removed (was application/json ErrorResponse) (breaking for servers)"],
         classifications=[BREAKING_SERVERS]),
    Case("stream removed from a response", _remove_stream,
         ["createThing: response 200 text/event-stream removed (ThingEvent) (breaking for servers)"],
         classifications=[BREAKING_SERVERS]),
    Case("API version changed", setting(lambda d: d["components"]["parameters"]["OpenAIBeta"]["schema"], "const", "assistants=v3"),
         [f"OpenAI-Beta: assistants=v2 → assistants=v3 {REQUEST_CHANGED}"], classifications=[BREAKING_CLIENTS]),
    Case("component added, used nowhere",
         setting(lambda d: d["components"]["schemas"], "Unused", {"type": "string"}),
         [f"Unused: schema added {A_NAME}"], classifications=[COMPATIBLE]),
    Case("component renamed everywhere", _rename_schema("ErrorResponse", "ApiError"),
         [f"listThings, createThing and 2 more operations: response 400 application/json schema ErrorResponse → "
          f"ApiError {A_NAME}", f"ErrorResponse: schema renamed to ApiError {A_NAME}"]),
]  # fmt: skip


def _edited(case: Case, tmp_path: Path) -> Contract:
    document = copy.deepcopy(DOCUMENT)
    case.edit(document)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document))
    return Contract.load(path)


@pytest.mark.parametrize("case", KEYWORD_CASES + STRUCTURE_CASES, ids=lambda c: c.id)
def test_one_edit_gives_exactly_its_changes(case: Case, tmp_path: Path) -> None:
    found = compare(BASE, _edited(case, tmp_path))
    assert [c.message for c in found.changes] == case.expected
    if case.classifications:
        assert [c.classification for c in found.changes] == case.classifications


def test_every_inventory_keyword_has_a_case() -> None:
    known = {
        *constraints.NODE_KEYWORDS,
        *constraints.SHAPE_KEYWORDS,
        constraints.FORMAT_KEYWORD,
        rules.RULES_KEYWORD,
    }
    covered = {c.keyword for c in KEYWORD_CASES}
    assert known - covered == set()
    in_fixture = {c.keyword for c in constraints.all_constraints(contract=BASE)}
    assert in_fixture - set(rules.RULES) <= known  # the fixture states every keyword it is edited for
    assert known - {rules.RULES_KEYWORD} <= in_fixture


def test_the_same_contract_twice_has_no_changes(tmp_path: Path) -> None:
    found = compare(BASE, _edited(Case("nothing", lambda doc: None, []), tmp_path))
    assert found.changes == ()
    assert not found.fails("any")


def test_a_change_on_both_sides_lists_where_it_applies(tmp_path: Path) -> None:
    case = KEYWORD_CASES[5]  # Metadata maxProperties 16 → 20
    (change,) = compare(BASE, _edited(case, tmp_path)).changes
    assert (change.schema, change.path, change.keyword, change.old, change.new) == (
        "Metadata",
        "",
        "maxProperties",
        16,
        20,
    )
    assert change.sides == ("request", "response")
    assert [i.classification for i in change.impacts] == [COMPATIBLE, BREAKING_SERVERS]
    assert set(change.used_in) == {
        "createThing request: metadata", "modifyThing request: metadata", "createThing response 200: metadata",
        "createThing response 200 stream: data.metadata", "listThings response 200: data[*].metadata",
        "getThing response 200: metadata", "modifyThing response 200: metadata",
    }  # fmt: skip
    assert change.operations == (
        "listThings",
        "createThing",
        "getThing",
        "modifyThing",
    )  # in the spec's order


REVERSED = {"tightened": "loosened", "loosened": "tightened", "changed": "changed"}


@pytest.mark.parametrize("case", KEYWORD_CASES, ids=lambda c: c.id)
def test_undoing_an_edit_reverses_every_direction(case: Case, tmp_path: Path) -> None:
    edited = _edited(case, tmp_path)
    forward, backward = compare(BASE, edited).changes, compare(edited, BASE).changes
    assert sorted(c.location for c in forward) == sorted(c.location for c in backward)
    there = sorted((c.location, c.sides, tuple(REVERSED[i.direction] for i in c.impacts)) for c in forward)
    back = sorted((c.location, c.sides, tuple(i.direction for i in c.impacts)) for c in backward)
    assert there == back
