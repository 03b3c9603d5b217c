"""The legacy v1 spec: valid OpenAPI 3.1, complete, strict, written like the v2 spec, and v1 where v1 differed."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_spec_validator import validate as validate_openapi

from tests.spec._document import Document, walk
from threadspec._reference import ReferenceValidator

V1 = Document.load("openapi.v1.yaml")
V2 = Document.load("openapi.yaml")
SCHEMAS = V1.schemas

# operationId -> (method, path), as upstream named them in the last v1 spec and SDK (openai-python 1.20.0)
OPERATIONS = {
    "createAssistant": ("post", "/assistants"),
    "listAssistants": ("get", "/assistants"),
    "getAssistant": ("get", "/assistants/{assistant_id}"),
    "modifyAssistant": ("post", "/assistants/{assistant_id}"),
    "deleteAssistant": ("delete", "/assistants/{assistant_id}"),
    "createAssistantFile": ("post", "/assistants/{assistant_id}/files"),
    "listAssistantFiles": ("get", "/assistants/{assistant_id}/files"),
    "getAssistantFile": ("get", "/assistants/{assistant_id}/files/{file_id}"),
    "deleteAssistantFile": ("delete", "/assistants/{assistant_id}/files/{file_id}"),
    "createThread": ("post", "/threads"),
    "getThread": ("get", "/threads/{thread_id}"),
    "modifyThread": ("post", "/threads/{thread_id}"),
    "deleteThread": ("delete", "/threads/{thread_id}"),
    "createThreadAndRun": ("post", "/threads/runs"),
    "createMessage": ("post", "/threads/{thread_id}/messages"),
    "listMessages": ("get", "/threads/{thread_id}/messages"),
    "getMessage": ("get", "/threads/{thread_id}/messages/{message_id}"),
    "modifyMessage": ("post", "/threads/{thread_id}/messages/{message_id}"),
    "listMessageFiles": ("get", "/threads/{thread_id}/messages/{message_id}/files"),
    "getMessageFile": ("get", "/threads/{thread_id}/messages/{message_id}/files/{file_id}"),
    "createRun": ("post", "/threads/{thread_id}/runs"),
    "listRuns": ("get", "/threads/{thread_id}/runs"),
    "getRun": ("get", "/threads/{thread_id}/runs/{run_id}"),
    "modifyRun": ("post", "/threads/{thread_id}/runs/{run_id}"),
    "cancelRun": ("post", "/threads/{thread_id}/runs/{run_id}/cancel"),
    "submitToolOuputsToRun": ("post", "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs"),
    "listRunSteps": ("get", "/threads/{thread_id}/runs/{run_id}/steps"),
    "getRunStep": ("get", "/threads/{thread_id}/runs/{run_id}/steps/{step_id}"),
}
STREAMING = ("createRun", "createThreadAndRun", "submitToolOuputsToRun")
# path parameter -> (x-threadspec-id-prefix, what joins prefix and key); file ids were always `file-…`
ID_PARAMETERS = {
    "assistant_id": ("asst", "_"),
    "thread_id": ("thread", "_"),
    "message_id": ("msg", "_"),
    "run_id": ("run", "_"),
    "step_id": ("step", "_"),
    "file_id": ("file", "-"),
}


def test_openapi_spec_validator_accepts_the_spec() -> None:
    validate_openapi(V1.raw)
    assert V1.raw["openapi"] == "3.1.0"


def test_info_says_this_is_the_legacy_profile() -> None:
    info = V1.raw["info"]
    assert "legacy" in info["description"].lower()
    assert "assistants=v1" in info["description"]
    assert info["version"].startswith("1.")


def test_all_28_operations_with_their_upstream_ids_methods_and_paths() -> None:
    found = {op_id: (o.method, o.path) for op_id, o in V1.operations().items()}
    assert found == OPERATIONS


def test_operations_shared_with_v2_keep_the_v2_id_method_and_path() -> None:
    """The same operation has the same operationId in both profiles, so tools can line them up."""
    v2 = {op_id: (o.method, o.path) for op_id, o in V2.operations().items()}
    shared = sorted(set(v2) & set(OPERATIONS))
    assert shared == sorted(set(v2) - {"deleteMessage"})  # every v2 operation but one v1 never had
    assert {op_id: OPERATIONS[op_id] for op_id in shared} == {op_id: v2[op_id] for op_id in shared}
    assert "deleteMessage" not in OPERATIONS


def test_nullable_keyword_appears_nowhere() -> None:
    assert "nullable" not in V1.path.read_text(encoding="utf-8")


def test_every_object_shape_is_a_named_component() -> None:
    """Generators name anonymous inline objects Type1, Foo2 …: only component roots may declare properties."""
    anonymous = [
        f"{name}{path}"
        for name, schema in SCHEMAS.items()
        for path, node in walk(schema)
        # a path ending in /properties is the name->schema mapping itself, not a shape
        if path and isinstance(node, dict) and "properties" in node and not path.endswith("/properties")
    ]
    assert anonymous == []


def test_request_and_response_bodies_reference_named_components() -> None:
    for op_id, found in V1.operations().items():
        body = found.op.get("requestBody")
        if body is not None:
            assert set(body["content"]["application/json"]["schema"]) == {"$ref"}, op_id
        for status in found.op["responses"]:
            for media in V1.resolve(found.op["responses"][status])["content"]:
                assert set(V1.response_schema(op_id, status, media)) == {"$ref"}, (op_id, status, media)


def test_every_operation_declares_the_v1_beta_header_and_bearer_auth() -> None:
    scheme = V1.raw["components"]["securitySchemes"]["ApiKeyAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert V1.raw["security"] == [{"ApiKeyAuth": []}]
    beta = V1.raw["components"]["parameters"]["OpenAIBeta"]
    assert (beta["in"], beta["name"], beta["required"], beta["schema"]["const"]) == (
        "header",
        "OpenAI-Beta",
        True,
        "assistants=v1",
    )
    for op_id, found in V1.operations().items():
        refs = [p.get("$ref") for p in [*found.item.get("parameters", []), *found.op.get("parameters", [])]]
        assert refs.count("#/components/parameters/OpenAIBeta") == 1, op_id


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_path_id_parameters_carry_their_prefix_and_pattern(op_id: str) -> None:
    path_params = [p for p in V1.parameters(op_id) if p["in"] == "path"]
    assert sorted(p["name"] for p in path_params) == sorted(
        segment.strip("{}") for segment in OPERATIONS[op_id][1].split("/") if segment.startswith("{")
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


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_error_responses_use_the_openai_envelope(op_id: str) -> None:
    for status in ("400", "401", "404", "429", "500"):
        assert V1.response_schema(op_id, status) == {"$ref": "#/components/schemas/ErrorResponse"}
    if V1.operations()[op_id].op.get("requestBody"):
        assert V1.response_schema(op_id, "413") == {"$ref": "#/components/schemas/ErrorResponse"}


@pytest.mark.parametrize("op_id", STREAMING)
def test_streaming_operations_declare_an_event_stream(op_id: str) -> None:
    assert V1.response_schema(op_id, "200") == {"$ref": "#/components/schemas/RunObject"}
    assert V1.response_schema(op_id, "200", "text/event-stream") == {
        "$ref": "#/components/schemas/AssistantStreamEvent"
    }
    request = V1.resolve({"$ref": V1.operations()[op_id].op["requestBody"]["content"]["application/json"]["schema"]["$ref"]})  # fmt: skip
    assert request["properties"]["stream"]["type"] == ["boolean", "null"]


def test_only_the_streaming_operations_answer_with_an_event_stream() -> None:
    streams = {
        op_id
        for op_id, found in V1.operations().items()
        if "text/event-stream" in V1.resolve(found.op["responses"]["200"]).get("content", {})
    }
    assert streams == set(STREAMING)


# The events of the last v1 SDK (openai-python 1.20.0), plus the closing `done` the API sent. v1 had no
# `incomplete` run status, hence no `thread.run.incomplete`; a message could still end incomplete.
EVENTS = [
    "thread.created",
    *(f"thread.run.{s}" for s in ("created", "queued", "in_progress", "requires_action", "completed",
                                  "failed", "cancelling", "cancelled", "expired")),
    *(f"thread.run.step.{s}" for s in ("created", "in_progress", "delta", "completed", "failed",
                                       "cancelled", "expired")),
    *(f"thread.message.{s}" for s in ("created", "in_progress", "delta", "completed", "incomplete")),
    "error",
    "done",
]  # fmt: skip


def test_stream_events_are_a_discriminated_union_over_every_v1_event() -> None:
    union = SCHEMAS["AssistantStreamEvent"]
    assert union["discriminator"]["propertyName"] == "event"
    assert sorted(union["discriminator"]["mapping"]) == sorted(EVENTS)
    assert len(union["oneOf"]) == len(EVENTS)
    for event, ref in union["discriminator"]["mapping"].items():
        assert V1.resolve({"$ref": ref})["properties"]["event"]["const"] == event
        assert {"$ref": ref} in union["oneOf"]


def test_every_run_status_has_its_run_event_and_nothing_more() -> None:
    """Each run status has its `thread.run.<status>` event; the only other run event is `created`."""
    mapping = SCHEMAS["AssistantStreamEvent"]["discriminator"]["mapping"]
    run_events = {
        e.removeprefix("thread.run.") for e in mapping if e.startswith("thread.run.") and e.count(".") == 2
    }
    assert run_events == {"created", *SCHEMAS["RunStatus"]["enum"]}


def test_unions_of_tagged_objects_have_discriminators() -> None:
    for name, schema in SCHEMAS.items():
        branches = schema.get("oneOf", [])
        targets = [V1.resolve(b) for b in branches if "$ref" in b]
        tagged = [t for t in targets if {"type", "event"} & set(t.get("properties", {}))]
        if len(tagged) >= 2 and len(tagged) == len(branches):
            assert "discriminator" in schema, name
            mapping = schema["discriminator"]["mapping"]
            tag = schema["discriminator"]["propertyName"]
            for value, ref in mapping.items():
                assert V1.resolve({"$ref": ref})["properties"][tag]["const"] == value, (name, value)
            assert sorted(mapping.values()) == sorted(b["$ref"] for b in branches), name


@pytest.mark.parametrize(
    ("where", "example", "node"), V1.examples(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_example_validates_against_its_schema(where: str, example: Any, node: Any) -> None:
    errors = [e.message for e in ReferenceValidator(V1.as_json_schema(node)).iter_errors(example)]
    assert errors == [], where


def test_the_main_objects_carry_examples() -> None:
    for name in ("AssistantObject", "CreateAssistantRequest", "ModifyAssistantRequest", "AssistantFileObject",
                 "ThreadObject", "MessageObject", "MessageFileObject", "RunObject", "RunStepObject",
                 "CreateThreadRequest", "CreateThreadAndRunRequest", "CreateMessageRequest", "CreateRunRequest",
                 "SubmitToolOutputsRunRequest", "ErrorResponse"):  # fmt: skip
        assert SCHEMAS[name].get("examples"), name


def test_component_names_match_v2_where_the_concept_is_shared() -> None:
    """Same concept, same name: a diff of the two profiles compares like with like."""
    shared = {
        "CreateThreadRequest", "CreateThreadAndRunRequest", "CreateMessageRequest", "CreateRunRequest",
        "ModifyThreadRequest", "ModifyMessageRequest", "ModifyRunRequest", "SubmitToolOutputsRunRequest",
        "ThreadObject", "MessageObject", "RunObject", "RunStepObject", "ListMessagesResponse", "ListRunsResponse",
        "ListRunStepsResponse", "DeleteThreadResponse", "Metadata", "AssistantTool", "AssistantToolsCode",
        "AssistantToolsFunction", "FunctionObject", "TruncationObject", "AssistantsApiToolChoiceOption",
        "AssistantsNamedToolChoice", "AssistantsApiResponseFormatOption", "MessageContent", "MessageDeltaObject",
        "RunStepDeltaObject", "RunStatus", "ErrorResponse", "Error", "RunToolCallObject", "AssistantStreamEvent",
        "DoneEvent", "ErrorEvent", "AssistantSupportedModels", "AssistantObject", "CreateAssistantRequest",
        "ModifyAssistantRequest", "DeleteAssistantResponse", "ListAssistantsResponse",
    }  # fmt: skip
    assert shared <= set(SCHEMAS) & set(V2.schemas)
    v1_only = {
        "AssistantFileObject", "CreateAssistantFileRequest",
        "DeleteAssistantFileResponse", "ListAssistantFilesResponse", "MessageFileObject",
        "ListMessageFilesResponse", "AssistantToolsRetrieval", "NamedToolChoiceRetrieval",
        "RunStepDetailsToolCallsRetrievalObject", "RunStepDeltaStepDetailsToolCallsRetrievalObject",
    }  # fmt: skip
    assert v1_only <= set(SCHEMAS)
    assert not v1_only & set(V2.schemas)
