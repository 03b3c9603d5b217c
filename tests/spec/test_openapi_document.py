"""The v2 spec's own facts: its operations with their upstream ids, headers, events and names. What every
profile's spec must be (valid, strict, named shapes, envelopes, examples) is in ``test_documents.py``."""

from __future__ import annotations

import json

import pytest

from tests.spec._document import Document

V2 = Document.load("openapi.yaml")
SCHEMAS = V2.schemas

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


def test_all_23_operations_with_their_upstream_ids_methods_and_paths() -> None:
    found = {op_id: (o.method, o.path) for op_id, o in V2.operations().items()}
    assert found == OPERATIONS


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_every_response_declares_its_request_id_and_runs_their_poll_interval(op_id: str) -> None:
    for status, raw in V2.operations()[op_id].op["responses"].items():
        headers = {name: V2.resolve(h) for name, h in V2.resolve(raw).get("headers", {}).items()}
        assert headers["x-request-id"]["required"] is True, (op_id, status)
        assert headers["x-request-id"]["schema"]["type"] == "string"
        returns_run = status == "200" and "RunObject" in json.dumps(
            V2.resolve(raw)["content"]["application/json"]
        )
        assert ("openai-poll-after-ms" in headers) == returns_run, (op_id, status)
        if returns_run:
            assert headers["openai-poll-after-ms"]["schema"] == {"type": "integer", "minimum": 0}


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


def test_stream_events_are_every_v2_event() -> None:
    assert sorted(SCHEMAS["AssistantStreamEvent"]["discriminator"]["mapping"]) == sorted(EVENTS)


@pytest.mark.parametrize("event", EVENTS)
def test_event_data_is_text_described_by_content_keywords(event: str) -> None:
    """Each event is its SSE fields; `data` is text, JSON of the named component (`done`: the literal)."""
    data = V2.resolve({"$ref": SCHEMAS["AssistantStreamEvent"]["discriminator"]["mapping"][event]})[
        "properties"
    ]["data"]
    assert data["type"] == "string"
    if event == "done":
        assert (data["const"], "contentSchema" in data) == ("[DONE]", False)
        return
    assert data["contentMediaType"] == "application/json"
    assert set(data["contentSchema"]) == {"$ref"} and V2.resolve(data["contentSchema"])["type"] == "object"


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
