"""Every documented limit is a schema keyword at every location where the API applies it.

A fidelity table: the values are the figures the API documented, written down on purpose, so a changed
limit in ``spec/openapi.yaml`` fails the one test of that fact, and it says so.
"""

from __future__ import annotations

import pytest

from tests.spec._document import Document, Row, documented_facts, not_as_documented, states
from tests.spec._document import keyword as keyword_at

V2 = Document.load("openapi.yaml")
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
RESOURCE_CREATORS = {**THREAD_INPUTS, "CreateAssistantRequest": ""}  # may create a vector store on the spot
METADATA_AT = [
    *((schema, f"{prefix}metadata") for schema, prefix in MESSAGE_INPUTS.items()),
    *((schema, f"{prefix}metadata") for schema, prefix in THREAD_INPUTS.items()),
    *((schema, f"{prefix}tool_resources.file_search.vector_stores[*].metadata") for schema, prefix in RESOURCE_CREATORS.items()),
    *((schema, "metadata") for schema in ("CreateRunRequest", "CreateThreadAndRunRequest", "ModifyThreadRequest",
                                         "ModifyMessageRequest", "ModifyRunRequest", "ThreadObject",
                                         "MessageObject", "RunObject", "RunStepObject", *ASSISTANTS)),
]  # fmt: skip
FILE_IDS_AT = [
    *((s, f"{p}tool_resources.code_interpreter.file_ids") for s, p in RESOURCE_CREATORS.items()),
    *((s, "tool_resources.code_interpreter.file_ids") for s in ("ModifyAssistantRequest", "AssistantObject")),
    ("CreateThreadAndRunRequest", "tool_resources.code_interpreter.file_ids"),
    ("ModifyThreadRequest", "tool_resources.code_interpreter.file_ids"),
    ("ThreadObject", "tool_resources.code_interpreter.file_ids"),
]
VECTOR_STORE_IDS_AT = [
    *((s, f"{p}tool_resources.file_search.vector_store_ids") for s, p in RESOURCE_CREATORS.items()),
    *(
        (s, "tool_resources.file_search.vector_store_ids")
        for s in ("ModifyAssistantRequest", "AssistantObject")
    ),
    ("CreateThreadAndRunRequest", "tool_resources.file_search.vector_store_ids"),
    ("ModifyThreadRequest", "tool_resources.file_search.vector_store_ids"),
    ("ThreadObject", "tool_resources.file_search.vector_store_ids"),
]
STATIC = "tool_resources.file_search.vector_stores[*].chunking_strategy.static"

# (schema, location, keyword, expected value); "required" rows check a subset.
LIMITS: list[Row] = [
    *((s, loc, "maxProperties", 16) for s, loc in METADATA_AT),
    *((s, loc, "propertyNames.maxLength", 64) for s, loc in METADATA_AT),
    *((s, loc, "additionalProperties.maxLength", 512) for s, loc in METADATA_AT),
    *((s, loc, "type", ["object", "null"]) for s, loc in METADATA_AT),
    *((s, "temperature", "minimum", 0) for s in (*RUN_INPUTS, *ASSISTANTS)),
    *((s, "temperature", "maximum", 2) for s in (*RUN_INPUTS, *ASSISTANTS)),
    *((s, "top_p", "minimum", 0) for s in (*RUN_INPUTS, *ASSISTANTS)),
    *((s, "top_p", "maximum", 1) for s in (*RUN_INPUTS, *ASSISTANTS)),
    *((s, "name", "maxLength", 256) for s in ASSISTANTS),
    *((s, "description", "maxLength", 512) for s in ASSISTANTS),
    *((s, "instructions", "maxLength", 256000) for s in ASSISTANTS),
    *((s, "tools", "maxItems", 128) for s in (*ASSISTANTS, "RunObject")),
    ("CreateAssistantRequest", "", "required", ["model"]),
    *((s, "model", "type", "string") for s in ASSISTANTS),
    *((s, "reasoning_effort", "enum", ["none", "minimal", "low", "medium", "high", "xhigh", "max"])
      for s in (*ASSISTANT_INPUTS, "CreateRunRequest")),
    *((s, f, "minimum", 256) for s in (*RUN_INPUTS, "RunObject") for f in ("max_prompt_tokens", "max_completion_tokens")),
    *((s, f, "type", ["integer", "null"]) for s in RUN_INPUTS for f in ("max_prompt_tokens", "max_completion_tokens")),
    *((s, "tools", "maxItems", 20) for s in RUN_INPUTS),
    *((s, loc, "maxItems", 20) for s, loc in FILE_IDS_AT),
    *((s, loc, "maxItems", 1) for s, loc in VECTOR_STORE_IDS_AT),
    *((s, f"{p}tool_resources.file_search.vector_stores", "maxItems", 1) for s, p in RESOURCE_CREATORS.items()),
    *((s, f"{p}tool_resources.file_search", "oneOf", [{"required": ["vector_store_ids"]}, {"required": ["vector_stores"]}])
      for s, p in RESOURCE_CREATORS.items()),
    *((s, f"{p}{STATIC}.max_chunk_size_tokens", "minimum", 100) for s, p in RESOURCE_CREATORS.items()),
    *((s, f"{p}{STATIC}.max_chunk_size_tokens", "maximum", 4096) for s, p in RESOURCE_CREATORS.items()),
    *((s, f"{p}{STATIC}", "x-threadspec-rules",
       [{"rule": "at_most_half_of", "property": "chunk_overlap_tokens", "of": "max_chunk_size_tokens"}])
      for s, p in RESOURCE_CREATORS.items()),
    *((s, "tools[*].function.name", "pattern", "^[a-zA-Z0-9_-]{1,64}$") for s in (*RUN_INPUTS, *ASSISTANTS, "RunObject")),
    *((s, "tool_choice", "enum", ["none", "auto", "required"]) for s in RUN_INPUTS),
    *((s, "tool_choice", "required", ["type", "function"]) for s in RUN_INPUTS),
    *((s, "response_format.json_schema.name", "pattern", "^[a-zA-Z0-9_-]{1,64}$") for s in (*RUN_INPUTS, *ASSISTANTS)),
    *((s, "truncation_strategy.type", "enum", ["auto", "last_messages"]) for s in RUN_INPUTS),
    *((s, "truncation_strategy.last_messages", "minimum", 1) for s in RUN_INPUTS),
    *((s, "tools[*].file_search.max_num_results", "minimum", 1) for s in (*RUN_INPUTS, *ASSISTANTS)),
    *((s, "tools[*].file_search.max_num_results", "maximum", 50) for s in (*RUN_INPUTS, *ASSISTANTS)),
    *((s, "tools[*].file_search.ranking_options.score_threshold", "minimum", 0) for s in RUN_INPUTS),
    *((s, "tools[*].file_search.ranking_options.score_threshold", "maximum", 1) for s in RUN_INPUTS),
    *((s, f"{p}role", "enum", ["user", "assistant"]) for s, p in MESSAGE_INPUTS.items()),
    *((s, f"{p}content", "minItems", 1) for s, p in MESSAGE_INPUTS.items()),
    *((s, f"{p}content", "type", "string") for s, p in MESSAGE_INPUTS.items()),
    *((s, f"{p}content[*].image_url.url", "format", "uri") for s, p in MESSAGE_INPUTS.items()),
    *((s, f"{p}tool_resources.file_search.vector_stores[*].file_ids", "maxItems", 100_000_000)
      for s, p in RESOURCE_CREATORS.items()),
    *((s, "", "additionalProperties", False) for s in (
        "CreateThreadRequest", "CreateThreadAndRunRequest", "CreateMessageRequest", "CreateRunRequest",
        "ModifyThreadRequest", "ModifyMessageRequest", "ModifyRunRequest", "SubmitToolOutputsRunRequest",
        *ASSISTANT_INPUTS)),
    *((s, f"{p}messages[*]", "additionalProperties", False) for s, p in THREAD_INPUTS.items()),
    ("RunObject", "status", "enum", ["queued", "in_progress", "requires_action", "cancelling", "cancelled",
                                     "failed", "completed", "incomplete", "expired"]),
]  # fmt: skip


FACTS = documented_facts(LIMITS)


@pytest.mark.parametrize("fact", FACTS)
def test_documented_limit_is_a_schema_keyword_everywhere(fact: str) -> None:
    """Fidelity: the figures are the API's documented ones, written down on purpose (not read from the spec)."""
    wrong = []
    for schema, location, keyword, expected in FACTS[fact]:
        found = [keyword_at(node, keyword) for node in V2.locate(schema, location)]
        if not states(keyword, expected, found):
            wrong.append(f"{schema}:{location or '<root>'} {found}")
    assert not wrong, not_as_documented(fact, wrong, "tests/spec/test_limits.py")


# (schema, location, keyword): limits the API does not have, at every location (spec fixes of issue 13)
NOT_LIMITED: list[tuple[str, str, str]] = [
    *((s, "instructions", "maxLength") for s in RUN_INPUTS),  # 256,000 is the assistant's own limit
    ("CreateRunRequest", "additional_instructions", "maxLength"),
    *((s, "tool_choice.function.name", "pattern") for s in RUN_INPUTS),  # a rule of function definitions
    *((s, f"{p}attachments[*]", "required") for s, p in MESSAGE_INPUTS.items()),  # file_id may be absent
    ("MessageObject", "attachments[*]", "required"),
]


@pytest.mark.parametrize(("schema", "location", "keyword"), NOT_LIMITED,
                         ids=[f"{s}:{loc}:{k}" for s, loc, k in NOT_LIMITED])  # fmt: skip
def test_no_limit_where_the_api_has_none(schema: str, location: str, keyword: str) -> None:
    assert [keyword_at(node, keyword) for node in V2.locate(schema, location)] == [None] * len(
        V2.locate(schema, location)
    )


def test_list_limit_parameter_is_1_to_100_default_20() -> None:
    limit = V2.raw["components"]["parameters"]["Limit"]["schema"]
    assert (limit["type"], limit["minimum"], limit["maximum"], limit["default"]) == ("integer", 1, 100, 20)
    order = V2.raw["components"]["parameters"]["Order"]["schema"]
    assert (order["enum"], order["default"]) == (["asc", "desc"], "desc")


def test_the_table_would_catch_a_missing_limit() -> None:
    """The locator fails loudly on a location the spec does not have, rather than passing vacuously."""
    with pytest.raises(AssertionError, match="nothing at"):
        V2.locate("CreateRunRequest", "tools[*].function.no_such_field")
