"""What every hand-maintained spec must be, whatever its profile: valid OpenAPI 3.1, strict, every shape named,
every error in the API's envelope, every example valid. Each profile's own facts are in its own file."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_spec_validator import validate as validate_openapi

from tests.spec._document import Document, walk
from threadspec._reference import ReferenceValidator

# document -> the OpenAI-Beta value it requires
DOCUMENTS = {"openapi.yaml": "assistants=v2", "openapi.v1.yaml": "assistants=v1"}
LOADED = {name: Document.load(name) for name in DOCUMENTS}
OPERATIONS = [(name, op_id) for name, doc in LOADED.items() for op_id in sorted(doc.operations())]
STREAMING = {"createRun", "createThreadAndRun", "submitToolOuputsToRun"}
ERROR_STATUSES = ("400", "401", "404", "429", "500")
# path parameter -> (x-threadspec-id-prefix, what joins prefix and key); file ids were always `file-…`
ID_PARAMETERS = {
    "assistant_id": ("asst", "_"),
    "thread_id": ("thread", "_"),
    "message_id": ("msg", "_"),
    "run_id": ("run", "_"),
    "step_id": ("step", "_"),
    "file_id": ("file", "-"),
}
EXAMPLES = [(name, *found) for name, doc in LOADED.items() for found in doc.examples()]


@pytest.fixture(params=DOCUMENTS)
def doc(request: pytest.FixtureRequest) -> Document:
    return LOADED[request.param]


def test_openapi_spec_validator_accepts_the_spec(doc: Document) -> None:
    validate_openapi(doc.raw)
    assert doc.raw["openapi"] == "3.1.0"


def test_nullable_keyword_appears_nowhere(doc: Document) -> None:
    assert "nullable" not in doc.path.read_text(encoding="utf-8")


def test_every_object_shape_is_a_named_component(doc: Document) -> None:
    """Generators name anonymous inline objects Type1, Foo2 …: only component roots may declare properties."""
    anonymous = [
        f"{name}{path}"
        for name, schema in doc.schemas.items()
        for path, node in walk(schema)
        # a path ending in /properties is the name->schema mapping itself, not a shape
        if path and isinstance(node, dict) and "properties" in node and not path.endswith("/properties")
    ]
    assert anonymous == []


def test_request_and_response_bodies_reference_named_components(doc: Document) -> None:
    for op_id, found in doc.operations().items():
        body = found.op.get("requestBody")
        if body is not None:
            assert set(body["content"]["application/json"]["schema"]) == {"$ref"}, op_id
        for status in found.op["responses"]:
            for media in doc.resolve(found.op["responses"][status])["content"]:
                assert set(doc.response_schema(op_id, status, media)) == {"$ref"}, (op_id, status, media)


def test_every_operation_declares_its_beta_header_and_bearer_auth(doc: Document) -> None:
    scheme = doc.raw["components"]["securitySchemes"]["ApiKeyAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert doc.raw["security"] == [{"ApiKeyAuth": []}]
    beta = doc.raw["components"]["parameters"]["OpenAIBeta"]
    assert (beta["in"], beta["name"], beta["required"], beta["schema"]["const"]) == (
        "header",
        "OpenAI-Beta",
        True,
        DOCUMENTS[doc.path.name],
    )
    for op_id, found in doc.operations().items():
        refs = [p.get("$ref") for p in [*found.item.get("parameters", []), *found.op.get("parameters", [])]]
        assert refs.count("#/components/parameters/OpenAIBeta") == 1, op_id


@pytest.mark.parametrize(("name", "op_id"), OPERATIONS)
def test_path_id_parameters_carry_their_prefix_and_pattern(name: str, op_id: str) -> None:
    doc = LOADED[name]
    path_params = [p for p in doc.parameters(op_id) if p["in"] == "path"]
    assert sorted(p["name"] for p in path_params) == sorted(
        segment.strip("{}") for segment in doc.operations()[op_id].path.split("/") if segment.startswith("{")
    )
    for param in path_params:
        prefix, joiner = ID_PARAMETERS[param["name"]]
        assert param["x-threadspec-id-prefix"] == prefix
        assert param["schema"]["pattern"].startswith(f"^{prefix}{joiner}"), param["name"]
        for example in param["schema"]["examples"]:
            assert ReferenceValidator(param["schema"]).is_valid(example)
        assert not ReferenceValidator(param["schema"]).is_valid(
            f"{prefix}{'-' if joiner == '_' else '_'}abc123"
        )


@pytest.mark.parametrize(("name", "op_id"), OPERATIONS)
def test_error_responses_use_the_openai_envelope(name: str, op_id: str) -> None:
    doc = LOADED[name]
    statuses = [*ERROR_STATUSES, *(["413"] if doc.operations()[op_id].op.get("requestBody") else [])]
    for status in statuses:
        assert doc.response_schema(op_id, status) == {"$ref": "#/components/schemas/ErrorResponse"}, status


def test_the_streaming_operations_and_only_they_answer_with_an_event_stream(doc: Document) -> None:
    streams = {
        op_id
        for op_id, found in doc.operations().items()
        if "text/event-stream" in doc.resolve(found.op["responses"]["200"]).get("content", {})
    }
    assert streams == STREAMING
    for op_id in STREAMING:
        assert doc.response_schema(op_id, "200") == {"$ref": "#/components/schemas/RunObject"}
        assert doc.response_schema(op_id, "200", "text/event-stream") == {
            "$ref": "#/components/schemas/AssistantStreamEvent"
        }
        request = doc.resolve(
            doc.operations()[op_id].op["requestBody"]["content"]["application/json"]["schema"]
        )
        assert request["properties"]["stream"]["type"] == ["boolean", "null"]


def test_stream_events_are_a_discriminated_union(doc: Document) -> None:
    union = doc.schemas["AssistantStreamEvent"]
    assert union["discriminator"]["propertyName"] == "event"
    assert len(union["oneOf"]) == len(union["discriminator"]["mapping"])
    for event, ref in union["discriminator"]["mapping"].items():
        assert doc.resolve({"$ref": ref})["properties"]["event"]["const"] == event
        assert {"$ref": ref} in union["oneOf"]


def test_every_run_status_has_its_run_event_and_nothing_more(doc: Document) -> None:
    """Each run status has its `thread.run.<status>` event; the only other run event is `created`."""
    mapping = doc.schemas["AssistantStreamEvent"]["discriminator"]["mapping"]
    run_events = {
        e.removeprefix("thread.run.") for e in mapping if e.startswith("thread.run.") and e.count(".") == 2
    }
    assert run_events == {"created", *doc.schemas["RunStatus"]["enum"]}


def test_unions_of_tagged_objects_have_discriminators(doc: Document) -> None:
    for name, schema in doc.schemas.items():
        branches = schema.get("oneOf", [])
        targets = [doc.resolve(b) for b in branches if "$ref" in b]
        tagged = [t for t in targets if {"type", "event"} & set(t.get("properties", {}))]
        if len(tagged) >= 2 and len(tagged) == len(branches):
            assert "discriminator" in schema, name
            mapping = schema["discriminator"]["mapping"]
            tag = schema["discriminator"]["propertyName"]
            for value, ref in mapping.items():
                assert doc.resolve({"$ref": ref})["properties"][tag]["const"] == value, (name, value)
            assert sorted(mapping.values()) == sorted(b["$ref"] for b in branches), name


@pytest.mark.parametrize(
    ("name", "where", "example", "node"), EXAMPLES, ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_example_validates_against_its_schema(name: str, where: str, example: Any, node: Any) -> None:
    errors = [e.message for e in ReferenceValidator(LOADED[name].as_json_schema(node)).iter_errors(example)]
    assert errors == [], where
