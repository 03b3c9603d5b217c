"""The contract as a value: bundled profiles, a user's own spec file, and no state shared between contracts."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
import yaml

import threadspec
from tests.limits import too_many_metadata
from threadspec import (
    Contract,
    InvalidSpecError,
    ModelsUnavailableError,
    SpecLookupError,
    ThreadspecError,
    UnknownOperationError,
    UnknownProfileError,
    UnknownRuleError,
    UnknownSchemaError,
    constraints,
    contract_for,
    strategies,
)
from threadspec.facts import beta_version

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "openapi.yaml"

# a user's own small spec: one operation, one limit, one x-threadspec-rules rule, no OpenAI-Beta header
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
        '200':
          description: the thing
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Thing:
      type: object
      additionalProperties: false
      properties:
        name: {type: string, maxLength: 3}
        half: {type: integer, minimum: 0}
        whole: {type: integer, minimum: 0, maximum: 100}
      required: [name]
      x-threadspec-rules:
        - {rule: at_most_half_of, property: half, of: whole}
"""


@pytest.fixture
def own(tmp_path: Path) -> Contract:
    path = tmp_path / "things.yaml"
    path.write_text(OWN_SPEC)
    return Contract.load(path)


# ---------------------------------------------------------------------------------- bundled profiles
def test_the_default_contract_is_the_v2_profile_loaded_once() -> None:
    assert "v2" in threadspec.profiles()
    assert contract_for() is contract_for("v2")
    v2 = contract_for()
    assert (v2.profile, v2.source, v2.has_models) == ("v2", "spec/openapi.yaml", True)
    assert v2.manifest() is not None and v2.manifest()["profile"] == "v2"  # type: ignore[index]
    assert repr(v2) == "Contract(profile='v2')"


def test_an_unknown_profile_is_a_lookup_error_naming_the_profiles() -> None:
    with pytest.raises(UnknownProfileError, match="the bundled profiles are") as caught:
        contract_for("v9")
    assert isinstance(caught.value, SpecLookupError) and isinstance(caught.value, KeyError)
    assert caught.value.known == list(threadspec.profiles())


@pytest.mark.parametrize(
    ("profile", "ask", "said"),
    [
        ("v2", "operation", "unknown operation 'getThred': did you mean 'getThread', 'deleteThread' or "
         "'createThread'? (`threadspec operations` and threadspec.operations() list them)"),
        ("v2", "shared_schema", "unknown schema 'Metdata': did you mean 'Metadata'? (`threadspec schemas` and "
         "threadspec.schema_names() list them)"),
        ("v1", "operation", "unknown operation 'getThred': did you mean 'getThread', 'deleteThread' or "
         "'createThread'? (`threadspec operations --profile v1` and contract_for('v1').operations() list them)"),
        ("v1", "shared_schema", "unknown schema 'Metdata': did you mean 'Metadata'? (`threadspec schemas "
         "--profile v1` and contract_for('v1').schema_names() list them)"),
    ],
)  # fmt: skip
def test_an_unknown_name_says_where_the_profiles_names_are_listed(profile: str, ask: str, said: str) -> None:
    name = {"operation": "getThred", "shared_schema": "Metdata"}[ask]
    with pytest.raises(SpecLookupError) as caught:
        getattr(contract_for(profile), ask)(name)
    assert str(caught.value) == said


def _only_in(profile: str, names: Callable[[Contract], Iterable[str]]) -> str:
    """A name the profile defines and no other bundled profile does."""
    others = {n for p in threadspec.profiles() if p != profile for n in names(contract_for(p))}
    return sorted(set(names(contract_for(profile))) - others)[0]


@pytest.mark.parametrize(
    ("asked", "owner", "ask", "names", "what"),
    [
        ("v2", "v1", "operation", lambda c: c.operations(), "an operation"),
        ("v1", "v2", "operation", lambda c: c.operations(), "an operation"),
        ("v2", "v1", "shared_schema", lambda c: c.schema_names(), "a schema"),
    ],
)
def test_a_name_of_another_profile_says_which_and_suggests_nothing(
    asked: str, owner: str, ask: str, names: Callable[[Contract], Iterable[str]], what: str
) -> None:
    name = _only_in(owner, names)
    with pytest.raises(SpecLookupError) as caught:
        getattr(contract_for(asked), ask)(name)
    kind = what.split()[1]
    assert str(caught.value) == (
        f"unknown {kind} {name!r} (it is {what} of profile {owner}: add --profile {owner}, "
        f"or use contract_for({owner!r}))"
    )
    assert caught.value.known == list(names(contract_for(asked)))


def test_an_unknown_name_in_a_loaded_contract_points_into_its_file(own: Contract) -> None:
    with pytest.raises(UnknownOperationError) as operation:
        own.operation("createThin")
    with pytest.raises(UnknownSchemaError) as schema:
        own.shared_schema("Thin")
    assert str(operation.value) == (
        f"unknown operation 'createThin': did you mean 'createThing'? (see the operationIds in {own.source})"
    )
    assert (
        str(schema.value)
        == f"unknown schema 'Thin': did you mean 'Thing'? (see components/schemas in {own.source})"
    )


def test_the_contract_answers_what_the_module_functions_answer() -> None:
    v2 = contract_for()
    assert v2.schema_names() == threadspec.schema_names()
    assert v2.operations() is threadspec.operations()
    assert v2.operation("createMessage") == threadspec.operation("createMessage")
    assert v2.schema("Metadata") == threadspec.schema("Metadata")
    assert v2.schema("Metadata") is not v2.shared_schema("Metadata")  # the caller's copy
    assert v2.model_class("CreateRunRequest") is threadspec.model_class("CreateRunRequest")
    with pytest.raises(UnknownSchemaError):
        v2.shared_schema("Nope")
    with pytest.raises(UnknownOperationError):
        v2.operation("nope")


def test_profile_facts_come_from_the_spec() -> None:
    v2 = contract_for()
    header = next(p for p in v2.operation("getThread").parameters if p.name == "OpenAI-Beta")
    assert v2.beta_value == header.schema["const"]
    assert v2.beta_version == beta_version(header.schema["const"]) == "v2"
    assert v2.run_statuses == tuple(v2.shared_schema("RunStatus")["enum"])
    assert v2.id_prefixes["thread_id"] == "thread"
    assert v2.prefix_for_object("thread.run") == "run"


def test_every_public_check_takes_a_contract() -> None:
    """The module-level functions and the same calls with contract= agree (here on the default contract)."""
    v2 = contract_for()
    body = {"metadata": too_many_metadata()}
    assert threadspec.validate(body, "ModifyThreadRequest", contract=v2) == threadspec.validate(
        body, "ModifyThreadRequest"
    )
    assert not threadspec.is_valid(body, "ModifyThreadRequest", contract=v2)
    assert list(threadspec.iter_errors(body, "ModifyThreadRequest", contract=v2))
    with pytest.raises(threadspec.InvalidPayloadError):
        threadspec.ensure_valid(body, "ModifyThreadRequest", contract=v2)
    request = threadspec.validate_request(
        "modifyThread", body, path_params={"thread_id": "thread_1"}, contract=v2
    )
    assert request.errors[0].param == "metadata"
    response = threadspec.validate_response("getThread", 200, {"id": "thread_1"}, contract=v2)
    assert not response.valid
    assert threadspec.operation("getThread", contract=v2) is v2.operation("getThread")
    assert threadspec.schema_names(contract=v2) == v2.schema_names()
    assert threadspec.parse({"metadata": {}}, "ModifyThreadRequest", contract=v2) is not None
    assert constraints.inventory("ModifyThreadRequest", contract=v2) == constraints.inventory(
        "ModifyThreadRequest"
    )


# ---------------------------------------------------------------------------------- a user's own spec
def test_a_loaded_spec_validates_words_and_fuzzes_like_a_bundled_one(own: Contract) -> None:
    assert (own.profile, own.has_models, own.beta_version, own.manifest()) == (None, False, None, None)
    errors = threadspec.validate_request("createThing", {"name": "abcd"}, contract=own).errors
    assert [(e.param, e.rule, e.message) for e in errors] == [
        ("name", "maxLength", "Invalid 'name': string too long. Expected a string with maximum length 3, "
                              "but got a string with length 4 instead.")
    ]  # fmt: skip
    broken = threadspec.validate({"name": "a", "half": 6, "whole": 10}, "Thing", contract=own).errors
    assert [(e.param, e.rule, e.limit) for e in broken] == [("half", "at_most_half_of", 5)]
    found = constraints.inventory("Thing", contract=own)
    assert {(c.template, c.keyword) for c in found} >= {("name", "maxLength"), ("", "at_most_half_of")}
    cases = strategies.boundary_cases("Thing", contract=own)
    assert strategies.uncovered(found, cases) == []
    for case in cases:
        assert threadspec.is_valid(case.body, "Thing", contract=own) == case.expect_valid, case


def test_a_loaded_contract_has_no_models(own: Contract) -> None:
    with pytest.raises(ModelsUnavailableError, match="bundled profile"):
        threadspec.parse({"name": "a"}, "Thing", contract=own)
    with pytest.raises(ModelsUnavailableError):
        threadspec.model_class("Thing", contract=own)
    with pytest.raises(UnknownSchemaError):  # an unknown name is still a lookup error first
        own.model_class("Nope")


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_the_v2_spec_loads_into_the_same_contract_as_its_bundle(tmp_path: Path, suffix: str) -> None:
    document = yaml.safe_load(SPEC.read_text())
    path = tmp_path / f"openapi{suffix}"
    path.write_text(json.dumps(document) if suffix == ".json" else SPEC.read_text())
    loaded, bundled = Contract.load(path), contract_for()
    assert loaded.operations() == bundled.operations()
    assert loaded.schema_names() == bundled.schema_names()
    for name in bundled.schema_names():
        expected = {k: v for k, v in bundled.shared_schema(name).items() if k != "$comment"}
        assert loaded.shared_schema(name) == expected, name
    assert (loaded.beta_value, loaded.run_statuses) == (bundled.beta_value, bundled.run_statuses)


MINIMAL = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
INLINE_BODY = (
    MINIMAL
    + """paths:
  /x:
    post:
      operationId: x
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
"""
)
UNKNOWN_RULE = (
    MINIMAL
    + """paths: {}
components:
  schemas:
    A: {type: object, x-threadspec-rules: [{rule: at_most_twice, property: a, of: b}]}
"""
)
SELF_REFERENCE = (
    MINIMAL
    + """paths: {}
components:
  schemas:
    Node: {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}
"""
)

STREAM = (
    MINIMAL
    + """paths:
  /x:
    get:
      operationId: x
      responses:
        '200':
          description: events
          content: {text/event-stream: {schema: {$ref: '#/components/schemas/Ev'}}}
components:
  schemas:
    Thing: {type: object}
    Ev:
      type: object
      properties:
        event: {type: string, const: thing.created}
        data: DATA
"""
)
OLD_STREAM = STREAM.replace("DATA", "{$ref: '#/components/schemas/Thing'}")  # data described as the object
XML_STREAM = STREAM.replace(
    "DATA",
    "{type: string, contentMediaType: application/xml, contentSchema: {$ref: '#/components/schemas/Thing'}}",
)

# (case, file name, content, error class, words the message must contain)
BAD_SPECS: list[tuple[str, str, str | None, type[Exception], str]] = [
    ("missing file", "nope.yaml", None, InvalidSpecError, "cannot read it"),
    ("not YAML", "bad.yaml", "a: [unclosed", InvalidSpecError,
     "not YAML: expected ',' or ']', but got '<stream end>' (line 1, column 13)"),  # one line, no snippet
    ("not JSON", "bad.json", "{", InvalidSpecError, "not JSON"),
    ("a list", "list.yaml", "- a\n- b\n", InvalidSpecError, "the top level is list"),
    ("OpenAPI 3.0", "old.yaml", MINIMAL.replace("3.1.0", "3.0.3") + "paths: {}\n", InvalidSpecError,
     "not an OpenAPI 3.1 document (openapi: 3.0.3)"),
    ("no version", "none.yaml", "info: {title: t}\n", InvalidSpecError, "no `openapi` field"),
    ("invalid 3.1", "invalid.yaml", MINIMAL + "paths: 5\n", InvalidSpecError, "not valid OpenAPI 3.1 at paths"),
    ("inline body", "inline.yaml", INLINE_BODY, InvalidSpecError, "bodies must reference a named component"),
    ("unknown rule", "rule.yaml", UNKNOWN_RULE, UnknownRuleError, "at_most_twice"),
    ("recursive component", "self.yaml", SELF_REFERENCE, InvalidSpecError, "Node refers to itself"),
    ("stream data as an object", "old.yaml", OLD_STREAM, InvalidSpecError,
     "Ev: a stream event needs a const `event` and a string `data`"),
    ("stream data not JSON", "xml.yaml", XML_STREAM, InvalidSpecError,
     "Ev: `data` must carry application/json with a contentSchema, found 'application/xml'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "name", "content", "error", "words"), BAD_SPECS, ids=[b[0] for b in BAD_SPECS]
)
def test_an_unusable_spec_file_is_refused_clearly(
    tmp_path: Path, case: str, name: str, content: str | None, error: type[Exception], words: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(error) as caught:
        Contract.load(path)
    assert isinstance(caught.value, ThreadspecError)
    assert words in str(caught.value) and str(path) in str(caught.value)


# ---------------------------------------------------------------------------------- isolation
def test_a_loaded_stream_names_the_component_each_event_carries(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(
        STREAM.replace(
            "DATA",
            "{type: string, contentMediaType: application/json, contentSchema: {$ref: '#/components/schemas/Thing'}}",
        )
    )
    assert Contract.load(path).operation("x").stream_events == {"200": {"thing.created": "Thing"}}


def test_two_contracts_share_no_compiled_state(own: Contract) -> None:
    """A schema of the same name in two contracts is compiled, and judged, by each on its own."""
    v2 = contract_for()
    assert v2.compiled("Metadata") is not own.compiled("Thing")
    assert v2.compiled("Metadata") is v2.compiled("Metadata")
    with pytest.raises(UnknownSchemaError):
        own.compiled("Metadata")
    body: dict[str, Any] = {"metadata": {"k": "v"}}
    assert threadspec.is_valid(body, "ModifyThreadRequest")
    assert constraints.inventory("Thing", contract=own)[0].contract is own
    assert constraints.inventory("ModifyThreadRequest")[0].contract is v2
