"""Every limit v1 documented is a schema keyword at every location where the API applied it, and the v2-only
fields are absent."""

from __future__ import annotations

import pytest

from tests.spec._document import Row, documented_facts, keyword, not_as_documented, states
from tests.spec.test_openapi_v1_document import SCHEMAS, V1

THREAD_INPUTS = {  # where a CreateThreadRequest-shaped object sits
    "CreateThreadRequest": "",
    "CreateThreadAndRunRequest": "thread.",
}
MESSAGE_INPUTS = {  # where a CreateMessageRequest-shaped object sits
    "CreateMessageRequest": "",
    "CreateThreadRequest": "messages[*].",
    "CreateThreadAndRunRequest": "thread.messages[*].",
    "CreateRunRequest": "additional_messages[*].",
}
RUN_INPUTS = ("CreateRunRequest", "CreateThreadAndRunRequest")
ASSISTANT_INPUTS = ("CreateAssistantRequest", "ModifyAssistantRequest")
ASSISTANTS = (*ASSISTANT_INPUTS, "AssistantObject")
METADATA_AT = [
    *((schema, f"{prefix}metadata") for schema, prefix in MESSAGE_INPUTS.items()),
    *((schema, f"{prefix}metadata") for schema, prefix in THREAD_INPUTS.items()),
    *((schema, "metadata") for schema in (*RUN_INPUTS, *ASSISTANTS, "ModifyThreadRequest", "ModifyMessageRequest",
                                         "ModifyRunRequest", "ThreadObject", "MessageObject", "RunObject",
                                         "RunStepObject")),
]  # fmt: skip
MESSAGE_FILE_IDS_AT = [
    *((schema, f"{prefix}file_ids") for schema, prefix in MESSAGE_INPUTS.items()),
    ("MessageObject", "file_ids"),
    ("MessageDeltaObject", "delta.file_ids"),
]
FUNCTION_NAME = "^[a-zA-Z0-9_-]{1,64}$"

# (schema, location, keyword, expected value); "required" rows check a subset.
LIMITS: list[Row] = [
    *((s, loc, "maxProperties", 16) for s, loc in METADATA_AT),
    *((s, loc, "propertyNames.maxLength", 64) for s, loc in METADATA_AT),
    *((s, loc, "additionalProperties.maxLength", 512) for s, loc in METADATA_AT),
    *((s, loc, "type", ["object", "null"]) for s, loc in METADATA_AT),
    # a message: text content, files by id
    *((s, f"{p}role", "enum", ["user", "assistant"]) for s, p in MESSAGE_INPUTS.items()),
    *((s, f"{p}content", "type", "string") for s, p in MESSAGE_INPUTS.items()),
    *((s, f"{p}content", "minLength", 1) for s, p in MESSAGE_INPUTS.items()),
    *((s, f"{p}content", "maxLength", 256000) for s, p in MESSAGE_INPUTS.items()),
    *((s, loc, "maxItems", 10) for s, loc in MESSAGE_FILE_IDS_AT),
    *((s, f"{loc}[*]", "type", "string") for s, loc in MESSAGE_FILE_IDS_AT),
    # an assistant
    *((s, "file_ids", "maxItems", 20) for s in ASSISTANTS),
    *((s, "tools", "maxItems", 128) for s in ASSISTANTS),
    *((s, "name", "maxLength", 256) for s in ASSISTANTS),
    *((s, "description", "maxLength", 512) for s in ASSISTANTS),
    *((s, "instructions", "maxLength", 256000) for s in ASSISTANTS),
    *((s, f, "type", ["string", "null"]) for s in ASSISTANT_INPUTS for f in ("name", "description", "instructions")),
    ("CreateAssistantRequest", "", "required", ["model"]),
    ("CreateAssistantFileRequest", "", "required", ["file_id"]),
    # tools: code_interpreter, retrieval, function
    *((s, "tools[*].type", "const", tool) for s in (*RUN_INPUTS, *ASSISTANTS, "RunObject")
      for tool in ("code_interpreter", "retrieval", "function")),
    *((s, "tools[*].function.name", "pattern", FUNCTION_NAME) for s in (*RUN_INPUTS, *ASSISTANTS, "RunObject")),
    *((s, "tools[*].function", "required", ["name"]) for s in (*RUN_INPUTS, *ASSISTANTS)),
    *((s, "tools", "maxItems", 20) for s in (*RUN_INPUTS, "RunObject")),
    # a run
    *((s, "", "required", ["assistant_id"]) for s in RUN_INPUTS),
    *((s, "temperature", "minimum", 0) for s in RUN_INPUTS),
    *((s, "temperature", "maximum", 2) for s in RUN_INPUTS),
    *((s, f, "minimum", 256) for s in (*RUN_INPUTS, "RunObject") for f in ("max_prompt_tokens", "max_completion_tokens")),
    *((s, f, "type", ["integer", "null"]) for s in (*RUN_INPUTS, "RunObject") for f in ("max_prompt_tokens", "max_completion_tokens")),
    *((s, "tool_choice", "enum", ["none", "auto"]) for s in (*RUN_INPUTS, "RunObject")),
    *((s, "tool_choice", "required", ["type", "function"]) for s in RUN_INPUTS),
    *((s, "tool_choice.type", "const", tool) for s in RUN_INPUTS for tool in ("function", "code_interpreter", "retrieval")),
    *((s, "tool_choice.function.name", "pattern", FUNCTION_NAME) for s in RUN_INPUTS),
    *((s, "response_format", "enum", ["none", "auto"]) for s in (*RUN_INPUTS, "RunObject")),
    *((s, "response_format.type", "enum", ["text", "json_object"]) for s in (*RUN_INPUTS, "RunObject")),
    *((s, "truncation_strategy.type", "enum", ["auto", "last_messages"]) for s in (*RUN_INPUTS, "RunObject")),
    *((s, "truncation_strategy.last_messages", "minimum", 1) for s in RUN_INPUTS),
    ("RunObject", "file_ids[*]", "type", "string"),
    ("RunObject", "status", "enum", ["queued", "in_progress", "requires_action", "cancelling", "cancelled",
                                     "failed", "completed", "expired"]),
    ("SubmitToolOutputsRunRequest", "", "required", ["tool_outputs"]),
    # run steps: a retrieval call is an empty object
    ("RunStepObject", "step_details.tool_calls[*].type", "const", "retrieval"),
    ("RunStepObject", "step_details.tool_calls[*].retrieval", "type", "object"),
    # requests are closed: unknown fields are refused
    *((s, "", "additionalProperties", False) for s in (
        "CreateThreadRequest", "CreateThreadAndRunRequest", "CreateMessageRequest", "CreateRunRequest",
        "ModifyThreadRequest", "ModifyMessageRequest", "ModifyRunRequest", "SubmitToolOutputsRunRequest",
        "CreateAssistantRequest", "ModifyAssistantRequest", "CreateAssistantFileRequest")),
    *((s, f"{p}messages[*]", "additionalProperties", False) for s, p in THREAD_INPUTS.items()),
    *((s, "additional_messages[*]", "additionalProperties", False) for s in ("CreateRunRequest",)),
    # object types
    *((s, "object", "const", value) for s, value in (
        ("AssistantObject", "assistant"), ("AssistantFileObject", "assistant.file"), ("ThreadObject", "thread"),
        ("MessageObject", "thread.message"), ("MessageFileObject", "thread.message.file"),
        ("RunObject", "thread.run"), ("RunStepObject", "thread.run.step"),
        ("DeleteAssistantResponse", "assistant.deleted"), ("DeleteAssistantFileResponse", "assistant.file.deleted"),
        ("DeleteThreadResponse", "thread.deleted"))),
]  # fmt: skip


FACTS = documented_facts(LIMITS)


@pytest.mark.parametrize("fact", FACTS)
def test_documented_limit_is_a_schema_keyword_everywhere(fact: str) -> None:
    """Fidelity: the figures are the API's documented ones, written down on purpose (not read from the spec)."""
    wrong = []
    for schema, location, keyword_, expected in FACTS[fact]:
        found = [keyword(node, keyword_) for node in V1.locate(schema, location)]
        if not states(keyword_, expected, found):
            wrong.append(f"{schema}:{location or '<root>'} {found}")
    assert not wrong, not_as_documented(fact, wrong, "tests/spec/test_limits_v1.py")


# Fields v2 added or renamed; a v1 body that sends one is refused (the request schemas are closed), and a v1
# server never answers with one.
V2_ONLY: list[tuple[str, str]] = [
    *((s, f"{p}tool_resources") for s, p in THREAD_INPUTS.items()),
    *((s, "tool_resources") for s in ("ModifyThreadRequest", "ThreadObject", "RunObject", *ASSISTANTS)),
    *((s, f"{p}attachments") for s, p in MESSAGE_INPUTS.items()),
    ("MessageObject", "attachments"),
    *(
        (s, f)
        for s in (*RUN_INPUTS, "RunObject")
        for f in ("top_p", "parallel_tool_calls", "reasoning_effort")
    ),
    *((s, f) for s in ASSISTANTS for f in ("temperature", "top_p", "response_format")),
    ("CreateThreadAndRunRequest", "additional_messages"),  # v1 had them on createRun only
]


@pytest.mark.parametrize(("schema", "location"), V2_ONLY, ids=[f"{s}:{loc}" for s, loc in V2_ONLY])
def test_v2_only_field_is_absent(schema: str, location: str) -> None:
    *parents, leaf = location.split(".")
    for node in V1.locate(schema, ".".join(parents)):
        assert leaf not in node.get("properties", {}), f"{schema}.{location}"


V2_ONLY_SHAPES = [
    "AssistantToolsFileSearch", "MessageAttachment", "ThreadToolResources", "CreateThreadToolResources",
    "MessageContentImageUrlObject", "MessageContentRefusalObject", "ResponseFormatJsonSchema", "ReasoningEffort",
    "RunStepDetailsToolCallsFileSearchObject", "RunIncompleteEvent", "RunStepInclude",
]  # fmt: skip


def test_v2_only_shapes_are_absent() -> None:
    assert [name for name in V2_ONLY_SHAPES if name in SCHEMAS] == []
    assert "Include" not in V1.raw["components"]["parameters"]


def test_message_content_is_text_or_an_image_file_only() -> None:
    mapping = SCHEMAS["MessageContent"]["discriminator"]["mapping"]
    assert sorted(mapping) == ["image_file", "text"]
    assert set(SCHEMAS["MessageContentImageFile"]["properties"]) == {"file_id"}  # no `detail` in v1


def test_a_file_citation_quotes_its_passage() -> None:
    assert SCHEMAS["MessageContentFileCitation"]["required"] == ["file_id", "quote"]


def test_list_limit_parameter_is_1_to_100_default_20() -> None:
    limit = V1.raw["components"]["parameters"]["Limit"]["schema"]
    assert (limit["type"], limit["minimum"], limit["maximum"], limit["default"]) == ("integer", 1, 100, 20)
    order = V1.raw["components"]["parameters"]["Order"]["schema"]
    assert (order["enum"], order["default"]) == (["asc", "desc"], "desc")


@pytest.mark.parametrize("op_id", ["listAssistants", "listAssistantFiles", "listMessages", "listMessageFiles",
                                   "listRuns", "listRunSteps"])  # fmt: skip
def test_every_list_operation_pages_the_same_way(op_id: str) -> None:
    names = [p["name"] for p in V1.parameters(op_id) if p["in"] == "query"]
    assert names[:4] == ["limit", "order", "after", "before"]
    assert names[4:] == (["run_id"] if op_id == "listMessages" else [])


def test_the_table_would_catch_a_missing_limit() -> None:
    """The locator fails loudly on a location the spec does not have, rather than passing vacuously."""
    with pytest.raises(AssertionError, match="nothing at"):
        V1.locate("CreateRunRequest", "tools[*].function.no_such_field")
