"""The hand-maintained spec itself: valid OpenAPI 3.1, complete, strict, and every limit a keyword."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate as validate_openapi

from threadspec._reference import ReferenceValidator

SPEC_PATH = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]

OPERATIONS = {
    "createThread": ("post", "/threads"),
    "getThread": ("get", "/threads/{thread_id}"),
    "modifyThread": ("post", "/threads/{thread_id}"),
    "deleteThread": ("delete", "/threads/{thread_id}"),
    "createThreadAndRun": ("post", "/threads/runs"),
    "createMessage": ("post", "/threads/{thread_id}/messages"),
    "listMessages": ("get", "/threads/{thread_id}/messages"),
    "getMessage": ("get", "/threads/{thread_id}/messages/{message_id}"),
    "modifyMessage": ("post", "/threads/{thread_id}/messages/{message_id}"),
    "deleteMessage": ("delete", "/threads/{thread_id}/messages/{message_id}"),
    "createRun": ("post", "/threads/{thread_id}/runs"),
    "listRuns": ("get", "/threads/{thread_id}/runs"),
    "getRun": ("get", "/threads/{thread_id}/runs/{run_id}"),
    "modifyRun": ("post", "/threads/{thread_id}/runs/{run_id}"),
    "cancelRun": ("post", "/threads/{thread_id}/runs/{run_id}/cancel"),
    "submitToolOuputsToRun": ("post", "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs"),
    "listRunSteps": ("get", "/threads/{thread_id}/runs/{run_id}/steps"),
    "getRunStep": ("get", "/threads/{thread_id}/runs/{run_id}/steps/{step_id}"),
    "createAssistant": ("post", "/assistants"),
    "listAssistants": ("get", "/assistants"),
    "getAssistant": ("get", "/assistants/{assistant_id}"),
    "modifyAssistant": ("post", "/assistants/{assistant_id}"),
    "deleteAssistant": ("delete", "/assistants/{assistant_id}"),
}
STREAMING = ("createRun", "createThreadAndRun", "submitToolOuputsToRun")


def _operations() -> dict[str, tuple[str, str, dict[str, Any], dict[str, Any]]]:
    found = {}
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method in ("get", "post", "delete", "put", "patch"):
                found[op["operationId"]] = (method, path, op, item)
    return found


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        _, _, kind, name = node["$ref"].split("/")
        node = SPEC["components"][kind][name]
    return node


def test_openapi_spec_validator_accepts_the_spec() -> None:
    validate_openapi(SPEC)
    assert SPEC["openapi"] == "3.1.0"


def test_all_23_operations_with_their_upstream_ids_methods_and_paths() -> None:
    found = {op_id: (method, path) for op_id, (method, path, _, _) in _operations().items()}
    assert found == OPERATIONS


def test_nullable_keyword_appears_nowhere() -> None:
    assert "nullable" not in SPEC_PATH.read_text(encoding="utf-8")


def _walk(node: Any, path: str = "") -> Any:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("examples", "example", "enum", "const", "default"):
                yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


def test_every_object_shape_is_a_named_component() -> None:
    """Generators name anonymous inline objects Type1, Foo2 …: only component roots may declare properties."""
    anonymous = [
        f"{name}{path}"
        for name, schema in SCHEMAS.items()
        for path, node in _walk(schema)
        # a path ending in /properties is the name->schema mapping itself, not a shape
        if path and isinstance(node, dict) and "properties" in node and not path.endswith("/properties")
    ]
    assert anonymous == []


def test_every_operation_declares_the_beta_header_and_bearer_auth() -> None:
    assert SPEC["components"]["securitySchemes"]["ApiKeyAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": SPEC["components"]["securitySchemes"]["ApiKeyAuth"]["description"],
    }
    assert SPEC["security"] == [{"ApiKeyAuth": []}]
    beta = SPEC["components"]["parameters"]["OpenAIBeta"]
    assert (beta["in"], beta["name"], beta["required"], beta["schema"]["const"]) == (
        "header",
        "OpenAI-Beta",
        True,
        "assistants=v2",
    )
    for op_id, (_, _, op, item) in _operations().items():
        refs = [p.get("$ref") for p in [*item.get("parameters", []), *op.get("parameters", [])]]
        assert "#/components/parameters/OpenAIBeta" in refs, op_id


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_error_responses_use_the_openai_envelope(op_id: str) -> None:
    _, _, op, _ = _operations()[op_id]
    for status in ("400", "401", "404", "429", "500"):
        response = _resolve(op["responses"][status])
        assert response["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ErrorResponse"
        }


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_every_response_declares_its_request_id_and_runs_their_poll_interval(op_id: str) -> None:
    _, _, op, _ = _operations()[op_id]
    for status, raw in op["responses"].items():
        headers = {name: _resolve(h) for name, h in _resolve(raw).get("headers", {}).items()}
        assert headers["x-request-id"]["required"] is True, (op_id, status)
        assert headers["x-request-id"]["schema"]["type"] == "string"
        returns_run = status == "200" and "RunObject" in json.dumps(
            _resolve(raw)["content"]["application/json"]
        )
        assert ("openai-poll-after-ms" in headers) == returns_run, (op_id, status)
        if returns_run:
            assert headers["openai-poll-after-ms"]["schema"] == {"type": "integer", "minimum": 0}


@pytest.mark.parametrize("op_id", STREAMING)
def test_streaming_operations_declare_an_event_stream(op_id: str) -> None:
    _, _, op, _ = _operations()[op_id]
    content = _resolve(op["responses"]["200"])["content"]
    assert content["application/json"]["schema"] == {"$ref": "#/components/schemas/RunObject"}
    assert content["text/event-stream"]["schema"] == {"$ref": "#/components/schemas/AssistantStreamEvent"}


EVENTS = [
    "thread.created",
    *(f"thread.run.{s}" for s in ("created", "queued", "in_progress", "requires_action", "completed",
                                  "incomplete", "failed", "cancelling", "cancelled", "expired")),
    *(f"thread.run.step.{s}" for s in ("created", "in_progress", "delta", "completed", "failed",
                                       "cancelled", "expired")),
    *(f"thread.message.{s}" for s in ("created", "in_progress", "delta", "completed", "incomplete")),
    "error",
    "done",
]  # fmt: skip


def test_stream_events_are_a_discriminated_union_over_every_event() -> None:
    union = SCHEMAS["AssistantStreamEvent"]
    assert union["discriminator"]["propertyName"] == "event"
    assert sorted(union["discriminator"]["mapping"]) == sorted(EVENTS)
    for event, ref in union["discriminator"]["mapping"].items():
        assert _resolve({"$ref": ref})["properties"]["event"]["const"] == event
        assert {"$ref": ref} in union["oneOf"]


@pytest.mark.parametrize("event", EVENTS)
def test_event_data_is_text_described_by_content_keywords(event: str) -> None:
    """Each event is its SSE fields; `data` is text, JSON of the named component (`done`: the literal)."""
    data = _resolve({"$ref": SCHEMAS["AssistantStreamEvent"]["discriminator"]["mapping"][event]})[
        "properties"
    ]["data"]
    assert data["type"] == "string"
    if event == "done":
        assert (data["const"], "contentSchema" in data) == ("[DONE]", False)
        return
    assert data["contentMediaType"] == "application/json"
    assert set(data["contentSchema"]) == {"$ref"} and _resolve(data["contentSchema"])["type"] == "object"


def test_unions_of_tagged_objects_have_discriminators() -> None:
    for name, schema in SCHEMAS.items():
        branches = schema.get("oneOf", [])
        targets = [_resolve(b) for b in branches if "$ref" in b]
        tagged = [
            t for t in targets if "type" in t.get("properties", {}) or "event" in t.get("properties", {})
        ]
        if len(tagged) >= 2 and len(tagged) == len(branches):
            assert "discriminator" in schema, name


def _examples() -> list[tuple[str, Any, Any]]:
    found = []
    for name, schema in SCHEMAS.items():
        for path, node in _walk(schema):
            if isinstance(node, dict) and "examples" in node:
                for index, example in enumerate(node["examples"]):
                    found.append((f"{name}{path}/examples/{index}", example, node))
    return found


def _as_json_schema(node: Any) -> dict[str, Any]:
    text = json.dumps(node).replace("#/components/schemas/", "#/$defs/")
    return {"$defs": json.loads(json.dumps(SCHEMAS).replace("#/components/schemas/", "#/$defs/")),
            **json.loads(text)}  # fmt: skip


@pytest.mark.parametrize(
    ("where", "example", "node"), _examples(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_example_validates_against_its_schema(where: str, example: Any, node: Any) -> None:
    errors = [e.message for e in ReferenceValidator(_as_json_schema(node)).iter_errors(example)]
    assert errors == [], where


def test_the_main_objects_carry_examples() -> None:
    for name in ("ThreadObject", "MessageObject", "RunObject", "RunStepObject", "CreateThreadRequest",
                 "CreateThreadAndRunRequest", "CreateMessageRequest", "CreateRunRequest", "ErrorResponse",
                 "AssistantObject", "CreateAssistantRequest", "ModifyAssistantRequest"):  # fmt: skip
        assert SCHEMAS[name].get("examples"), name


def test_upstream_component_names_are_kept() -> None:
    upstream = {
        "CreateThreadRequest", "CreateThreadAndRunRequest", "CreateMessageRequest", "CreateRunRequest",
        "ModifyThreadRequest", "ModifyMessageRequest", "ModifyRunRequest", "SubmitToolOutputsRunRequest",
        "ThreadObject", "MessageObject", "RunObject", "RunStepObject", "ListMessagesResponse",
        "ListRunsResponse", "ListRunStepsResponse", "DeleteThreadResponse", "DeleteMessageResponse", "Metadata",
        "AssistantToolsCode", "AssistantToolsFileSearch", "AssistantToolsFunction", "FunctionObject",
        "TruncationObject", "AssistantsApiToolChoiceOption", "AssistantsNamedToolChoice",
        "AssistantsApiResponseFormatOption", "MessageDeltaObject", "RunStepDeltaObject", "ErrorResponse",
        "RunToolCallObject", "AssistantStreamEvent", "DoneEvent", "ErrorEvent", "AssistantObject",
        "CreateAssistantRequest", "ModifyAssistantRequest", "DeleteAssistantResponse", "ListAssistantsResponse",
    }  # fmt: skip
    assert upstream <= set(SCHEMAS)
