"""The legacy v1 spec's own facts: complete, and v1 where v1 differed. What every profile's spec must be
(valid, strict, named shapes, envelopes, examples) is in ``test_documents.py``."""

from __future__ import annotations

from tests.spec._document import Document

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


def test_stream_events_are_every_v1_event() -> None:
    assert sorted(SCHEMAS["AssistantStreamEvent"]["discriminator"]["mapping"]) == sorted(EVENTS)


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
