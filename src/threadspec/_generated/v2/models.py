# generated from spec/openapi.yaml by `make generate` — do not edit

from __future__ import annotations

from collections.abc import Mapping as _Mapping
from typing import Annotated, Any, ClassVar, Literal
from typing import Self as _Self

from pydantic import (
    ConfigDict,
    Field,
    RootModel,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    model_validator,
)
from pydantic import model_validator as _model_validator
from typing_extensions import TypeAliasType

from threadspec import rules as _rules
from threadspec._modelbase import NOT_SENT, Omittable, RootMapping, SentModel


class _JsonSchemaRuntimeValidationBase(SentModel):
    __json_schema_one_of_required_groups__: ClassVar[tuple[Any, ...]] = ()
    __json_schema_any_of_required_groups__: ClassVar[tuple[Any, ...]] = ()

    @model_validator(mode="before")
    @classmethod
    def _validate_json_schema_runtime_rules(cls, data: Any) -> Any:
        data = cls._validate_json_schema_required_groups(
            data, required_group_rules=cls.__json_schema_one_of_required_groups__, require_exactly_one=True
        )
        data = cls._validate_json_schema_required_groups(
            data, required_group_rules=cls.__json_schema_any_of_required_groups__, require_exactly_one=False
        )
        return data

    @classmethod
    def _validate_json_schema_required_groups(
        cls, data: Any, *, required_group_rules: tuple[Any, ...], require_exactly_one: bool
    ) -> Any:
        if not required_group_rules:
            return data
        if not (isinstance(data, dict) or isinstance(data, _Mapping)):
            return data
        for required_groups in required_group_rules:
            matches = sum(
                all(any(name in data for name in names) for names in group) for group in required_groups
            )
            if require_exactly_one:
                if matches != 1:
                    raise ValueError("Expected exactly one required property group to be present")
            elif matches == 0:
                raise ValueError("Expected at least one required property group to be present")
        return data


MetadataAdditionalProperty = TypeAliasType(
    "MetadataAdditionalProperty", Annotated[StrictStr, Field(max_length=512)]
)


class Metadata(
    RootMapping[MetadataAdditionalProperty],
    RootModel[
        dict[Annotated[str, StringConstraints(max_length=64, strict=True)], MetadataAdditionalProperty] | None
    ],
):
    root: Annotated[
        dict[Annotated[str, StringConstraints(max_length=64, strict=True)], MetadataAdditionalProperty]
        | None,
        Field(examples=[{"customer": "cus_42", "priority": "high"}], max_length=16),
    ]
    """
    Up to 16 string key-value pairs a caller attaches to an object for its own bookkeeping. Keys are at most
    64 characters long, values at most 512 (lengths count Unicode code points). `null` clears it.

    """


class ParallelToolCalls(RootModel[StrictBool]):
    root: StrictBool
    """
    Whether the model may call several functions at once while it uses tools.
    """


class ReasoningEffort(RootModel[Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None]):
    root: Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None
    """
    How much a reasoning model thinks before it answers; less is faster and cheaper.
    """


class AssistantSupportedModels(
    RootModel[
        Literal[
            "gpt-5",
            "gpt-5-mini",
            "gpt-5-nano",
            "gpt-5-2025-08-07",
            "gpt-5-mini-2025-08-07",
            "gpt-5-nano-2025-08-07",
            "gpt-4.1",
            "gpt-4.1-mini",
            "gpt-4.1-nano",
            "gpt-4.1-2025-04-14",
            "gpt-4.1-mini-2025-04-14",
            "gpt-4.1-nano-2025-04-14",
            "o3-mini",
            "o3-mini-2025-01-31",
            "o1",
            "o1-2024-12-17",
            "gpt-4o",
            "gpt-4o-2024-11-20",
            "gpt-4o-2024-08-06",
            "gpt-4o-2024-05-13",
            "gpt-4o-mini",
            "gpt-4o-mini-2024-07-18",
            "gpt-4.5-preview",
            "gpt-4.5-preview-2025-02-27",
            "gpt-4-turbo",
            "gpt-4-turbo-2024-04-09",
            "gpt-4-0125-preview",
            "gpt-4-turbo-preview",
            "gpt-4-1106-preview",
            "gpt-4-vision-preview",
            "gpt-4",
            "gpt-4-0314",
            "gpt-4-0613",
            "gpt-4-32k",
            "gpt-4-32k-0314",
            "gpt-4-32k-0613",
            "gpt-3.5-turbo",
            "gpt-3.5-turbo-16k",
            "gpt-3.5-turbo-0613",
            "gpt-3.5-turbo-1106",
            "gpt-3.5-turbo-0125",
            "gpt-3.5-turbo-16k-0613",
        ]
    ]
):
    root: Literal[
        "gpt-5",
        "gpt-5-mini",
        "gpt-5-nano",
        "gpt-5-2025-08-07",
        "gpt-5-mini-2025-08-07",
        "gpt-5-nano-2025-08-07",
        "gpt-4.1",
        "gpt-4.1-mini",
        "gpt-4.1-nano",
        "gpt-4.1-2025-04-14",
        "gpt-4.1-mini-2025-04-14",
        "gpt-4.1-nano-2025-04-14",
        "o3-mini",
        "o3-mini-2025-01-31",
        "o1",
        "o1-2024-12-17",
        "gpt-4o",
        "gpt-4o-2024-11-20",
        "gpt-4o-2024-08-06",
        "gpt-4o-2024-05-13",
        "gpt-4o-mini",
        "gpt-4o-mini-2024-07-18",
        "gpt-4.5-preview",
        "gpt-4.5-preview-2025-02-27",
        "gpt-4-turbo",
        "gpt-4-turbo-2024-04-09",
        "gpt-4-0125-preview",
        "gpt-4-turbo-preview",
        "gpt-4-1106-preview",
        "gpt-4-vision-preview",
        "gpt-4",
        "gpt-4-0314",
        "gpt-4-0613",
        "gpt-4-32k",
        "gpt-4-32k-0314",
        "gpt-4-32k-0613",
        "gpt-3.5-turbo",
        "gpt-3.5-turbo-16k",
        "gpt-3.5-turbo-0613",
        "gpt-3.5-turbo-1106",
        "gpt-3.5-turbo-0125",
        "gpt-3.5-turbo-16k-0613",
    ]
    """
    Model names the Assistants API knew. Fields that take a model accept any string; these are the well-known ones.
    """


class RunStepInclude(RootModel[Literal["step_details.tool_calls[*].file_search.results[*].content"]]):
    root: Literal["step_details.tool_calls[*].file_search.results[*].content"]
    """
    A field of run steps that is left out unless asked for.
    """


class AssistantToolsCode(SentModel):
    """
    The code interpreter tool, which runs Python in a sandbox.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["code_interpreter"]


class FileSearchRanker(RootModel[Literal["auto", "default_2024_08_21"]]):
    root: Literal["auto", "default_2024_08_21"]
    """
    The ranker that orders file search results; `auto` lets the server pick.
    """


class AssistantToolsFileSearchTypeOnly(SentModel):
    """
    The file search tool named without options, as message attachments name it.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["file_search"]


class FunctionParameters(SentModel):
    """
    A JSON Schema object describing the function's arguments; left out, the function takes none.
    """

    model_config = ConfigDict(extra="allow")


class MessageAttachmentTool(RootModel[AssistantToolsCode | AssistantToolsFileSearchTypeOnly]):
    root: Annotated[AssistantToolsCode | AssistantToolsFileSearchTypeOnly, Field(discriminator="type")]
    """
    A tool a message attachment is made available to.
    """


class NamedFunction(SentModel):
    """
    The function a tool choice names; any name (the name pattern is a rule of function definitions).
    """

    model_config = ConfigDict(extra="forbid")
    name: StrictStr


class NamedToolChoiceCodeInterpreter(SentModel):
    """
    Forces use of the code interpreter; a `function` beside it is accepted, as the published shape does.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["code_interpreter"]
    function: Omittable[NamedFunction] = NOT_SENT


class NamedToolChoiceFileSearch(SentModel):
    """
    Forces use of file search; a `function` beside it is accepted, as the published shape does.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["file_search"]
    function: Omittable[NamedFunction] = NOT_SENT


class ResponseFormatText(SentModel):
    """
    Answer in plain text.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["text"]


class ResponseFormatJsonObject(SentModel):
    """
    Answer with a JSON object of any shape.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["json_object"]


class ResponseFormatJsonSchemaSchema(SentModel):
    """
    The schema itself, as a JSON Schema object.
    """

    model_config = ConfigDict(extra="allow")


class TruncationObject(SentModel):
    """
    How the thread is cut down to fit the model's context before a run.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["auto", "last_messages"]
    """
    `auto` drops messages from the middle; `last_messages` keeps only the newest ones.
    """
    last_messages: Omittable[Annotated[StrictInt | None, Field(ge=1)]] = NOT_SENT
    """
    With `last_messages`, how many of the newest messages to keep.
    """


class ToolResourcesCodeInterpreter(SentModel):
    """
    Files the code interpreter can read, at most 20.
    """

    model_config = ConfigDict(extra="forbid")
    file_ids: Omittable[Annotated[list[StrictStr], Field(max_length=20)]] = NOT_SENT


class ToolResourcesFileSearch(SentModel):
    """
    The vector store file search reads from; at most one.
    """

    model_config = ConfigDict(extra="forbid")
    vector_store_ids: Omittable[Annotated[list[StrictStr], Field(max_length=1)]] = NOT_SENT


class ThreadToolResources(SentModel):
    """
    Resources the tools can use on a thread, or in every run of an assistant.
    """

    model_config = ConfigDict(extra="forbid")
    code_interpreter: Omittable[ToolResourcesCodeInterpreter] = NOT_SENT
    file_search: Omittable[ToolResourcesFileSearch] = NOT_SENT


class AutoChunkingStrategyRequestParam(SentModel):
    """
    Let the server choose chunk size and overlap.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["auto"]


class StaticChunkingStrategy(SentModel):
    """
    Chunk size and overlap in tokens. The overlap may be at most half the chunk size; JSON Schema cannot
    compare two properties, so that rule is stated in `x-threadspec-rules` and enforced by the validator.

    """

    model_config = ConfigDict(extra="forbid")
    max_chunk_size_tokens: Annotated[StrictInt, Field(ge=100, le=4096)]
    chunk_overlap_tokens: Annotated[StrictInt, Field(ge=0)]

    @_model_validator(mode="after")
    def _check_threadspec_rules(self) -> _Self:
        return _rules.check_model(
            self,
            rules=[
                {"rule": "at_most_half_of", "property": "chunk_overlap_tokens", "of": "max_chunk_size_tokens"}
            ],
        )


class ImageDetail(RootModel[Literal["auto", "low", "high"]]):
    root: Literal["auto", "low", "high"]
    """
    `low` is cheaper, `high` reads more of the image, `auto` lets the server choose.
    """


class MessageRequestContentTextObject(SentModel):
    """
    A piece of text in a message being created.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["text"]
    text: StrictStr


class MessageContentFileCitation(SentModel):
    """
    The file a citation points to.
    """

    file_id: StrictStr


class MessageContentFilePath(SentModel):
    """
    The file a path annotation points to.
    """

    file_id: StrictStr


class MessageContentRefusalObject(SentModel):
    """
    The model declined to answer.
    """

    type: Literal["refusal"]
    refusal: StrictStr


class MessageAttachment(SentModel):
    """
    A file attached to a message and the tools it is given to; the file may be left out, as the SDK allows.
    """

    model_config = ConfigDict(extra="forbid")
    file_id: Omittable[StrictStr] = NOT_SENT
    tools: Omittable[list[MessageAttachmentTool]] = NOT_SENT


class DeleteAssistantResponse(SentModel):
    """
    Confirms that an assistant is gone.
    """

    id: StrictStr
    object: Literal["assistant.deleted"]
    deleted: StrictBool


class ModifyMessageRequest(SentModel):
    """
    The only change a message allows, its metadata.
    """

    model_config = ConfigDict(extra="forbid")
    metadata: Omittable[Metadata] = NOT_SENT


class MessageIncompleteDetails(SentModel):
    """
    Why a message stopped before it was complete.
    """

    reason: Literal["content_filter", "max_tokens", "run_cancelled", "run_expired", "run_failed"]


class DeleteMessageResponse(SentModel):
    """
    Confirms that a message is gone.
    """

    id: StrictStr
    object: Literal["thread.message.deleted"]
    deleted: StrictBool


class MessageDeltaContentImageFile(SentModel):
    """
    The changed fields of an image-file part.
    """

    file_id: Omittable[StrictStr] = NOT_SENT
    detail: Omittable[ImageDetail] = NOT_SENT


class MessageDeltaContentImageUrl(SentModel):
    """
    The changed fields of an image-URL part.
    """

    url: Omittable[StrictStr] = NOT_SENT
    detail: Omittable[ImageDetail] = NOT_SENT


class MessageDeltaContentRefusalObject(SentModel):
    """
    More of a refusal.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["refusal"]
    refusal: Omittable[StrictStr] = NOT_SENT


class MessageDeltaFileCitation(SentModel):
    """
    The cited file and the quoted passage.
    """

    file_id: Omittable[StrictStr] = NOT_SENT
    quote: Omittable[StrictStr] = NOT_SENT


class MessageDeltaFilePath(SentModel):
    """
    The file a new path annotation points to.
    """

    file_id: Omittable[StrictStr] = NOT_SENT


class ModifyThreadRequest(SentModel):
    """
    The changes a thread allows, its tool resources and metadata.
    """

    model_config = ConfigDict(extra="forbid")
    tool_resources: Omittable[ThreadToolResources | None] = NOT_SENT
    metadata: Omittable[Metadata] = NOT_SENT


class ThreadObject(SentModel):
    """
    A thread, the container of a conversation's messages.
    """

    id: StrictStr
    object: Literal["thread"]
    created_at: StrictInt
    """
    Unix time in seconds.
    """
    tool_resources: ThreadToolResources | None
    metadata: Metadata


class DeleteThreadResponse(SentModel):
    """
    Confirms that a thread is gone.
    """

    id: StrictStr
    object: Literal["thread.deleted"]
    deleted: StrictBool


class ModifyRunRequest(SentModel):
    """
    The only change a run allows, its metadata.
    """

    model_config = ConfigDict(extra="forbid")
    metadata: Omittable[Metadata] = NOT_SENT


class RunToolOutput(SentModel):
    """
    The output of one function call.
    """

    model_config = ConfigDict(extra="forbid")
    tool_call_id: Omittable[StrictStr] = NOT_SENT
    """
    The id of the call, from the run's `required_action`.
    """
    output: Omittable[StrictStr] = NOT_SENT
    """
    What the function returned, as text.
    """


class RunToolCallFunction(SentModel):
    """
    The function to call and its arguments as a JSON string.
    """

    name: StrictStr
    arguments: StrictStr


class RunLastError(SentModel):
    """
    Why the run failed.
    """

    code: Literal["server_error", "rate_limit_exceeded", "invalid_prompt"]
    message: StrictStr


class RunIncompleteDetails(SentModel):
    """
    Which token limit ended the run early.
    """

    reason: Omittable[Literal["max_completion_tokens", "max_prompt_tokens"]] = NOT_SENT


class RunCompletionUsage(SentModel):
    """
    Tokens a finished run used.
    """

    completion_tokens: Annotated[StrictInt, Field(ge=0)]
    prompt_tokens: Annotated[StrictInt, Field(ge=0)]
    total_tokens: Annotated[StrictInt, Field(ge=0)]


class RunStatus(
    RootModel[
        Literal[
            "queued",
            "in_progress",
            "requires_action",
            "cancelling",
            "cancelled",
            "failed",
            "completed",
            "incomplete",
            "expired",
        ]
    ]
):
    root: Literal[
        "queued",
        "in_progress",
        "requires_action",
        "cancelling",
        "cancelled",
        "failed",
        "completed",
        "incomplete",
        "expired",
    ]
    """
    Where a run is in its life: `queued` → `in_progress` → `completed`, or `requires_action` while it waits
    for tool outputs, `cancelling` → `cancelled`, `incomplete` at a token limit, `failed` or `expired`.

    """


class RunStepLastError(SentModel):
    """
    Why the step failed.
    """

    code: Literal["server_error", "rate_limit_exceeded"]
    message: StrictStr


class RunStepCompletionUsage(SentModel):
    """
    Tokens a finished step used.
    """

    completion_tokens: Annotated[StrictInt, Field(ge=0)]
    prompt_tokens: Annotated[StrictInt, Field(ge=0)]
    total_tokens: Annotated[StrictInt, Field(ge=0)]


class RunStepDetailsMessageCreation(SentModel):
    """
    The message the step wrote.
    """

    message_id: StrictStr


class RunStepDetailsToolCallsCodeOutputLogsObject(SentModel):
    """
    Text the code printed.
    """

    type: Literal["logs"]
    logs: StrictStr


class RunStepDetailsCodeOutputImage(SentModel):
    """
    The file that holds the image.
    """

    file_id: StrictStr


class RunStepDetailsToolCallsFileSearchRankingOptionsObject(SentModel):
    """
    The ranking the search used.
    """

    ranker: FileSearchRanker
    score_threshold: Annotated[StrictFloat, Field(ge=0.0, le=1.0)]


class RunStepDetailsFileSearchResultContent(SentModel):
    """
    Text of a found passage.
    """

    type: Omittable[Literal["text"]] = NOT_SENT
    text: Omittable[StrictStr] = NOT_SENT


class RunStepDetailsFunction(SentModel):
    """
    The function, its arguments, and its output once submitted.
    """

    name: StrictStr
    arguments: StrictStr
    output: StrictStr | None


class RunStepDeltaMessageCreation(SentModel):
    """
    The message the step writes.
    """

    message_id: Omittable[StrictStr] = NOT_SENT


class RunStepDeltaStepDetailsToolCallsCodeOutputLogsObject(SentModel):
    """
    New printed text.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["logs"]
    logs: Omittable[StrictStr] = NOT_SENT


class RunStepDeltaCodeOutputImage(SentModel):
    """
    The file that holds the new image.
    """

    file_id: Omittable[StrictStr] = NOT_SENT


class RunStepDeltaStepDetailsToolCallsFileSearchObject(SentModel):
    """
    A change to a file search call.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    id: Omittable[StrictStr] = NOT_SENT
    type: Literal["file_search"]
    file_search: dict[str, Any]
    """
    Always an empty object for now.
    """


class RunStepDeltaFunction(SentModel):
    """
    More of the function's name or arguments, or its output.
    """

    name: Omittable[StrictStr] = NOT_SENT
    arguments: Omittable[StrictStr] = NOT_SENT
    output: Omittable[StrictStr | None] = NOT_SENT


class Error(SentModel):
    """
    What went wrong, in the API's words.
    """

    message: StrictStr
    """
    A sentence for people.
    """
    type: StrictStr
    """
    The family of the error, e.g. `invalid_request_error`.
    """
    param: StrictStr | None
    """
    The offending location, with dots for keys and brackets for indexes (`thread.messages[2].content`).
    """
    code: StrictStr | None
    """
    A stable code for programs, e.g. `object_above_max_properties`.
    """


class ErrorResponse(SentModel):
    """
    The envelope every error comes in.
    """

    error: Error


class ErrorEvent(SentModel):
    """
    Sent when the stream fails; `data` is the Error as JSON text.
    """

    event: Literal["error"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/Error"},
            }
        ),
    ]


class DoneEvent(SentModel):
    """
    The last event of every stream.
    """

    event: Literal["done"]
    data: Literal["[DONE]"]


class ThreadCreatedEvent(SentModel):
    """
    Sent when a new thread was created; `data` is the ThreadObject as JSON text.
    """

    event: Literal["thread.created"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/ThreadObject"},
            }
        ),
    ]


class RunCreatedEvent(SentModel):
    """
    Sent when a run was created; `data` is the RunObject as JSON text.
    """

    event: Literal["thread.run.created"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunObject"},
            }
        ),
    ]


class RunQueuedEvent(SentModel):
    """
    Sent when a run entered the queue; `data` is the RunObject as JSON text.
    """

    event: Literal["thread.run.queued"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunObject"},
            }
        ),
    ]


class RunInProgressEvent(SentModel):
    """
    Sent when a run started working; `data` is the RunObject as JSON text.
    """

    event: Literal["thread.run.in_progress"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunObject"},
            }
        ),
    ]


class RunRequiresActionEvent(SentModel):
    """
    Sent when a run is waiting for tool outputs; `data` is the RunObject as JSON text.
    """

    event: Literal["thread.run.requires_action"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunObject"},
            }
        ),
    ]


class RunCompletedEvent(SentModel):
    """
    Sent when a run finished; `data` is the RunObject as JSON text.
    """

    event: Literal["thread.run.completed"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunObject"},
            }
        ),
    ]


class RunIncompleteEvent(SentModel):
    """
    Sent when a run ended before finishing its answer; `data` is the RunObject as JSON text.
    """

    event: Literal["thread.run.incomplete"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunObject"},
            }
        ),
    ]


class RunFailedEvent(SentModel):
    """
    Sent when a run failed; `data` is the RunObject as JSON text.
    """

    event: Literal["thread.run.failed"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunObject"},
            }
        ),
    ]


class RunCancellingEvent(SentModel):
    """
    Sent when a run is being cancelled; `data` is the RunObject as JSON text.
    """

    event: Literal["thread.run.cancelling"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunObject"},
            }
        ),
    ]


class RunCancelledEvent(SentModel):
    """
    Sent when a run was cancelled; `data` is the RunObject as JSON text.
    """

    event: Literal["thread.run.cancelled"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunObject"},
            }
        ),
    ]


class RunExpiredEvent(SentModel):
    """
    Sent when a run expired; `data` is the RunObject as JSON text.
    """

    event: Literal["thread.run.expired"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunObject"},
            }
        ),
    ]


class RunStepCreatedEvent(SentModel):
    """
    Sent when a run step was created; `data` is the RunStepObject as JSON text.
    """

    event: Literal["thread.run.step.created"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunStepObject"},
            }
        ),
    ]


class RunStepInProgressEvent(SentModel):
    """
    Sent when a run step started; `data` is the RunStepObject as JSON text.
    """

    event: Literal["thread.run.step.in_progress"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunStepObject"},
            }
        ),
    ]


class RunStepDeltaEvent(SentModel):
    """
    Sent when a part of a run step changed; `data` is the RunStepDeltaObject as JSON text.
    """

    event: Literal["thread.run.step.delta"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunStepDeltaObject"},
            }
        ),
    ]


class RunStepCompletedEvent(SentModel):
    """
    Sent when a run step finished; `data` is the RunStepObject as JSON text.
    """

    event: Literal["thread.run.step.completed"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunStepObject"},
            }
        ),
    ]


class RunStepFailedEvent(SentModel):
    """
    Sent when a run step failed; `data` is the RunStepObject as JSON text.
    """

    event: Literal["thread.run.step.failed"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunStepObject"},
            }
        ),
    ]


class RunStepCancelledEvent(SentModel):
    """
    Sent when a run step was cancelled; `data` is the RunStepObject as JSON text.
    """

    event: Literal["thread.run.step.cancelled"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunStepObject"},
            }
        ),
    ]


class RunStepExpiredEvent(SentModel):
    """
    Sent when a run step expired; `data` is the RunStepObject as JSON text.
    """

    event: Literal["thread.run.step.expired"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/RunStepObject"},
            }
        ),
    ]


class MessageCreatedEvent(SentModel):
    """
    Sent when a message was created; `data` is the MessageObject as JSON text.
    """

    event: Literal["thread.message.created"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/MessageObject"},
            }
        ),
    ]


class MessageInProgressEvent(SentModel):
    """
    Sent when a message is being written; `data` is the MessageObject as JSON text.
    """

    event: Literal["thread.message.in_progress"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/MessageObject"},
            }
        ),
    ]


class MessageDeltaEvent(SentModel):
    """
    Sent when a part of a message was written; `data` is the MessageDeltaObject as JSON text.
    """

    event: Literal["thread.message.delta"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/MessageDeltaObject"},
            }
        ),
    ]


class MessageCompletedEvent(SentModel):
    """
    Sent when a message is complete; `data` is the MessageObject as JSON text.
    """

    event: Literal["thread.message.completed"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/MessageObject"},
            }
        ),
    ]


class MessageIncompleteEvent(SentModel):
    """
    Sent when a message ended before it was complete; `data` is the MessageObject as JSON text.
    """

    event: Literal["thread.message.incomplete"]
    data: Annotated[
        StrictStr,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/MessageObject"},
            }
        ),
    ]


class ThreadStreamEvent(RootModel[ThreadCreatedEvent]):
    root: Annotated[ThreadCreatedEvent, Field(discriminator="event")]
    """
    Any of the `thread.*` stream events.
    """


class RunStreamEvent(
    RootModel[
        RunCreatedEvent
        | RunQueuedEvent
        | RunInProgressEvent
        | RunRequiresActionEvent
        | RunCompletedEvent
        | RunIncompleteEvent
        | RunFailedEvent
        | RunCancellingEvent
        | RunCancelledEvent
        | RunExpiredEvent
    ]
):
    root: Annotated[
        RunCreatedEvent
        | RunQueuedEvent
        | RunInProgressEvent
        | RunRequiresActionEvent
        | RunCompletedEvent
        | RunIncompleteEvent
        | RunFailedEvent
        | RunCancellingEvent
        | RunCancelledEvent
        | RunExpiredEvent,
        Field(discriminator="event"),
    ]
    """
    Any of the `thread.run.*` stream events.
    """


class RunStepStreamEvent(
    RootModel[
        RunStepCreatedEvent
        | RunStepInProgressEvent
        | RunStepDeltaEvent
        | RunStepCompletedEvent
        | RunStepFailedEvent
        | RunStepCancelledEvent
        | RunStepExpiredEvent
    ]
):
    root: Annotated[
        RunStepCreatedEvent
        | RunStepInProgressEvent
        | RunStepDeltaEvent
        | RunStepCompletedEvent
        | RunStepFailedEvent
        | RunStepCancelledEvent
        | RunStepExpiredEvent,
        Field(discriminator="event"),
    ]
    """
    Any of the `thread.run.step.*` stream events.
    """


class MessageStreamEvent(
    RootModel[
        MessageCreatedEvent
        | MessageInProgressEvent
        | MessageDeltaEvent
        | MessageCompletedEvent
        | MessageIncompleteEvent
    ]
):
    root: Annotated[
        MessageCreatedEvent
        | MessageInProgressEvent
        | MessageDeltaEvent
        | MessageCompletedEvent
        | MessageIncompleteEvent,
        Field(discriminator="event"),
    ]
    """
    Any of the `thread.message.*` stream events.
    """


class AssistantStreamEvent(
    RootModel[
        ThreadCreatedEvent
        | RunCreatedEvent
        | RunQueuedEvent
        | RunInProgressEvent
        | RunRequiresActionEvent
        | RunCompletedEvent
        | RunIncompleteEvent
        | RunFailedEvent
        | RunCancellingEvent
        | RunCancelledEvent
        | RunExpiredEvent
        | RunStepCreatedEvent
        | RunStepInProgressEvent
        | RunStepDeltaEvent
        | RunStepCompletedEvent
        | RunStepFailedEvent
        | RunStepCancelledEvent
        | RunStepExpiredEvent
        | MessageCreatedEvent
        | MessageInProgressEvent
        | MessageDeltaEvent
        | MessageCompletedEvent
        | MessageIncompleteEvent
        | ErrorEvent
        | DoneEvent
    ]
):
    root: Annotated[
        ThreadCreatedEvent
        | RunCreatedEvent
        | RunQueuedEvent
        | RunInProgressEvent
        | RunRequiresActionEvent
        | RunCompletedEvent
        | RunIncompleteEvent
        | RunFailedEvent
        | RunCancellingEvent
        | RunCancelledEvent
        | RunExpiredEvent
        | RunStepCreatedEvent
        | RunStepInProgressEvent
        | RunStepDeltaEvent
        | RunStepCompletedEvent
        | RunStepFailedEvent
        | RunStepCancelledEvent
        | RunStepExpiredEvent
        | MessageCreatedEvent
        | MessageInProgressEvent
        | MessageDeltaEvent
        | MessageCompletedEvent
        | MessageIncompleteEvent
        | ErrorEvent
        | DoneEvent,
        Field(discriminator="event"),
    ]
    """
    One server-sent event of a streamed run, as the wire carries it: the SSE `event` field names it and
    `data` is text, the JSON encoding (`contentMediaType`) of the object its `contentSchema` names, except
    for `done`, whose data is the literal `[DONE]`.

    """


class FileSearchRankingOptions(SentModel):
    """
    How file search results are ranked and which are kept.
    """

    model_config = ConfigDict(extra="forbid")
    ranker: Omittable[FileSearchRanker] = NOT_SENT
    score_threshold: Annotated[StrictFloat, Field(ge=0.0, le=1.0)]
    """
    Results scoring below this are dropped.
    """


class FunctionObject(SentModel):
    """
    A function's name, purpose and JSON Schema of its arguments.
    """

    model_config = ConfigDict(extra="forbid")
    name: Annotated[StrictStr, Field(pattern="^[a-zA-Z0-9_-]{1,64}$")]
    """
    Letters, digits, underscores and dashes, 1 to 64 of them.
    """
    description: Omittable[StrictStr] = NOT_SENT
    """
    What the function does, so the model knows when to call it.
    """
    parameters: Omittable[FunctionParameters] = NOT_SENT
    strict: Omittable[StrictBool | None] = NOT_SENT
    """
    Whether the model must follow `parameters` exactly.
    """


class NamedToolChoiceFunction(SentModel):
    """
    Forces a call of the named function.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["function"]
    function: NamedFunction


class JsonSchemaFormat(SentModel):
    """
    A named JSON Schema the answer must follow.
    """

    model_config = ConfigDict(serialize_by_alias=True, extra="forbid")
    name: Annotated[StrictStr, Field(pattern="^[a-zA-Z0-9_-]{1,64}$")]
    """
    Letters, digits, underscores and dashes, 1 to 64 of them.
    """
    description: Omittable[StrictStr] = NOT_SENT
    schema_: Omittable[Annotated[ResponseFormatJsonSchemaSchema, Field(alias="schema")]] = NOT_SENT
    strict: Omittable[StrictBool | None] = NOT_SENT
    """
    Whether the answer must match the schema exactly.
    """


class StaticChunkingStrategyRequestParam(SentModel):
    """
    Fixed chunk size and overlap.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["static"]
    static: StaticChunkingStrategy


class MessageContentImageFile(SentModel):
    """
    The uploaded image file and the detail the model looks at it in.
    """

    model_config = ConfigDict(extra="forbid")
    file_id: StrictStr
    detail: Annotated[ImageDetail, Field(validate_default=True)] = "auto"


class MessageContentImageUrl(SentModel):
    """
    Where the image is and the detail the model looks at it in.
    """

    model_config = ConfigDict(extra="forbid")
    url: StrictStr
    """
    The URL of an image in a supported format (jpeg, png, gif, webp); a URI, as the API checks.
    """
    detail: Annotated[ImageDetail, Field(validate_default=True)] = "auto"

    @_model_validator(mode="after")
    def _check_threadspec_rules(self) -> _Self:
        return _rules.check_model(self, formats={"url": "uri"})


class MessageContentTextAnnotationsFileCitationObject(SentModel):
    """
    Marks text that quotes a file that file search found.
    """

    type: Literal["file_citation"]
    text: StrictStr
    """
    The marker in the message text that this annotation replaces.
    """
    file_citation: MessageContentFileCitation
    start_index: Annotated[StrictInt, Field(ge=0)]
    end_index: Annotated[StrictInt, Field(ge=0)]


class MessageContentTextAnnotationsFilePathObject(SentModel):
    """
    Marks text that links to a file the code interpreter produced.
    """

    type: Literal["file_path"]
    text: StrictStr
    file_path: MessageContentFilePath
    start_index: Annotated[StrictInt, Field(ge=0)]
    end_index: Annotated[StrictInt, Field(ge=0)]


class MessageDeltaContentImageFileObject(SentModel):
    """
    A change to an image-file part.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["image_file"]
    image_file: Omittable[MessageDeltaContentImageFile] = NOT_SENT


class MessageDeltaContentImageUrlObject(SentModel):
    """
    A change to an image-URL part.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["image_url"]
    image_url: Omittable[MessageDeltaContentImageUrl] = NOT_SENT


class MessageDeltaContentTextAnnotationsFileCitationObject(SentModel):
    """
    A new file citation.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["file_citation"]
    text: Omittable[StrictStr] = NOT_SENT
    file_citation: Omittable[MessageDeltaFileCitation] = NOT_SENT
    start_index: Omittable[Annotated[StrictInt, Field(ge=0)]] = NOT_SENT
    end_index: Omittable[Annotated[StrictInt, Field(ge=0)]] = NOT_SENT


class MessageDeltaContentTextAnnotationsFilePathObject(SentModel):
    """
    A new file path annotation.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["file_path"]
    text: Omittable[StrictStr] = NOT_SENT
    file_path: Omittable[MessageDeltaFilePath] = NOT_SENT
    start_index: Omittable[Annotated[StrictInt, Field(ge=0)]] = NOT_SENT
    end_index: Omittable[Annotated[StrictInt, Field(ge=0)]] = NOT_SENT


class SubmitToolOutputsRunRequest(SentModel):
    """
    The outputs of the function calls a run asked for.
    """

    model_config = ConfigDict(extra="forbid")
    tool_outputs: list[RunToolOutput]
    stream: Omittable[StrictBool | None] = NOT_SENT
    """
    Answer with a stream of server-sent events instead of the run object.
    """


class RunToolCallObject(SentModel):
    """
    A function call the run waits on.
    """

    id: StrictStr
    """
    Quote this id in the matching tool output.
    """
    type: Literal["function"]
    function: RunToolCallFunction


class RunRequiredActionSubmitToolOutputs(SentModel):
    """
    The function calls whose outputs the run waits for.
    """

    tool_calls: list[RunToolCallObject]


class RunStepDetailsMessageCreationObject(SentModel):
    """
    The step wrote a message.
    """

    type: Literal["message_creation"]
    message_creation: RunStepDetailsMessageCreation


class RunStepDetailsToolCallsCodeOutputImageObject(SentModel):
    """
    An image the code made.
    """

    type: Literal["image"]
    image: RunStepDetailsCodeOutputImage


class RunStepDetailsToolCallsFileSearchResultObject(SentModel):
    """
    One passage the search found.
    """

    file_id: StrictStr
    file_name: StrictStr
    score: Annotated[StrictFloat, Field(ge=0.0, le=1.0)]
    content: Omittable[list[RunStepDetailsFileSearchResultContent]] = NOT_SENT
    """
    Filled in only when `include[]` asks for it.
    """


class RunStepDetailsToolCallsFunctionObject(SentModel):
    """
    A function call.
    """

    id: StrictStr
    type: Literal["function"]
    function: RunStepDetailsFunction


class RunStepDeltaStepDetailsMessageCreationObject(SentModel):
    """
    A change to a message-creation step.
    """

    type: Literal["message_creation"]
    message_creation: Omittable[RunStepDeltaMessageCreation] = NOT_SENT


class RunStepDeltaStepDetailsToolCallsCodeOutputImageObject(SentModel):
    """
    A new image.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["image"]
    image: Omittable[RunStepDeltaCodeOutputImage] = NOT_SENT


class RunStepDeltaStepDetailsToolCallsFunctionObject(SentModel):
    """
    A change to a function call.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    id: Omittable[StrictStr] = NOT_SENT
    type: Literal["function"]
    function: Omittable[RunStepDeltaFunction] = NOT_SENT


class FileSearchToolOptions(SentModel):
    """
    Tuning for the file search tool.
    """

    model_config = ConfigDict(extra="forbid")
    max_num_results: Omittable[Annotated[StrictInt, Field(ge=1, le=50)]] = NOT_SENT
    """
    How many results the tool may return at most.
    """
    ranking_options: Omittable[FileSearchRankingOptions] = NOT_SENT


class AssistantToolsFunction(SentModel):
    """
    A function the model may ask the caller to run.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["function"]
    function: FunctionObject


class AssistantsNamedToolChoice(
    RootModel[NamedToolChoiceFunction | NamedToolChoiceCodeInterpreter | NamedToolChoiceFileSearch]
):
    root: Annotated[
        NamedToolChoiceFunction | NamedToolChoiceCodeInterpreter | NamedToolChoiceFileSearch,
        Field(discriminator="type"),
    ]
    """
    Forces one particular tool, as published; naming a function requires its name.
    """


class ResponseFormatJsonSchema(SentModel):
    """
    Answer with JSON that matches the given schema.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["json_schema"]
    json_schema: JsonSchemaFormat


class ChunkingStrategyRequestParam(
    RootModel[AutoChunkingStrategyRequestParam | StaticChunkingStrategyRequestParam]
):
    root: Annotated[
        AutoChunkingStrategyRequestParam | StaticChunkingStrategyRequestParam, Field(discriminator="type")
    ]
    """
    How files are cut into chunks; `auto` unless given.
    """


class MessageContentImageFileObject(SentModel):
    """
    An image, given as an uploaded file, inside a message.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["image_file"]
    image_file: MessageContentImageFile


class MessageContentImageUrlObject(SentModel):
    """
    An image, given by URL, inside a message.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["image_url"]
    image_url: MessageContentImageUrl


class MessageRequestContentPart(
    RootModel[MessageContentImageFileObject | MessageContentImageUrlObject | MessageRequestContentTextObject]
):
    root: Annotated[
        MessageContentImageFileObject | MessageContentImageUrlObject | MessageRequestContentTextObject,
        Field(discriminator="type"),
    ]
    """
    One part of the content of a message being created.
    """


class MessageRequestContentPartList(RootModel[list[MessageRequestContentPart]]):
    """
    The content of a message being created as a list of parts; it may not be empty.
    """

    root: Annotated[list[MessageRequestContentPart], Field(min_length=1)]
    """
    The content of a message being created as a list of parts; it may not be empty.
    """


class MessageContentTextAnnotation(
    RootModel[MessageContentTextAnnotationsFileCitationObject | MessageContentTextAnnotationsFilePathObject]
):
    root: Annotated[
        MessageContentTextAnnotationsFileCitationObject | MessageContentTextAnnotationsFilePathObject,
        Field(discriminator="type"),
    ]
    """
    A citation inside message text.
    """


class CreateMessageRequest(SentModel):
    """
    A message to add to a thread.
    """

    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"]
    """
    `user` for what the user says; `assistant` to insert turns as if the assistant had said them.
    """
    content: StrictStr | MessageRequestContentPartList
    """
    Plain text, or a non-empty list of text and image parts.
    """
    attachments: Omittable[list[MessageAttachment] | None] = NOT_SENT
    """
    Files to hand to tools along with this message.
    """
    metadata: Omittable[Metadata] = NOT_SENT


class MessageDeltaContentTextAnnotation(
    RootModel[
        MessageDeltaContentTextAnnotationsFileCitationObject
        | MessageDeltaContentTextAnnotationsFilePathObject
    ]
):
    root: Annotated[
        MessageDeltaContentTextAnnotationsFileCitationObject
        | MessageDeltaContentTextAnnotationsFilePathObject,
        Field(discriminator="type"),
    ]
    """
    A citation that appeared in the new text.
    """


class RunRequiredAction(SentModel):
    """
    What the run needs from the caller before it can go on.
    """

    type: Literal["submit_tool_outputs"]
    submit_tool_outputs: RunRequiredActionSubmitToolOutputs


class RunStepDetailsCodeInterpreterOutput(
    RootModel[RunStepDetailsToolCallsCodeOutputLogsObject | RunStepDetailsToolCallsCodeOutputImageObject]
):
    root: Annotated[
        RunStepDetailsToolCallsCodeOutputLogsObject | RunStepDetailsToolCallsCodeOutputImageObject,
        Field(discriminator="type"),
    ]
    """
    One output of the code interpreter.
    """


class RunStepDetailsFileSearch(SentModel):
    """
    How the search ranked and what it found.
    """

    ranking_options: Omittable[RunStepDetailsToolCallsFileSearchRankingOptionsObject] = NOT_SENT
    results: Omittable[list[RunStepDetailsToolCallsFileSearchResultObject]] = NOT_SENT


class RunStepDeltaCodeInterpreterOutput(
    RootModel[
        RunStepDeltaStepDetailsToolCallsCodeOutputLogsObject
        | RunStepDeltaStepDetailsToolCallsCodeOutputImageObject
    ]
):
    root: Annotated[
        RunStepDeltaStepDetailsToolCallsCodeOutputLogsObject
        | RunStepDeltaStepDetailsToolCallsCodeOutputImageObject,
        Field(discriminator="type"),
    ]
    """
    A new output of the code interpreter.
    """


class AssistantToolsFileSearch(SentModel):
    """
    The file search tool, which retrieves passages from the attached vector stores.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["file_search"]
    file_search: Omittable[FileSearchToolOptions] = NOT_SENT


class AssistantTool(RootModel[AssistantToolsCode | AssistantToolsFileSearch | AssistantToolsFunction]):
    root: Annotated[
        AssistantToolsCode | AssistantToolsFileSearch | AssistantToolsFunction, Field(discriminator="type")
    ]
    """
    One tool an assistant may use during a run.
    """


class AssistantsApiToolChoiceOption(
    RootModel[Literal["none", "auto", "required"] | AssistantsNamedToolChoice]
):
    root: Literal["none", "auto", "required"] | AssistantsNamedToolChoice
    """
    Which tool the model must use: `none` (answer in text), `auto` (its own choice), `required` (at least
    one tool), or one named tool.

    """


class AssistantsApiResponseFormat(
    RootModel[ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema]
):
    root: Annotated[
        ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema, Field(discriminator="type")
    ]
    """
    An explicit response format.
    """


class CreateThreadVectorStore(SentModel):
    """
    A vector store to create from files and attach to the new thread or assistant.
    """

    model_config = ConfigDict(extra="forbid")
    file_ids: Omittable[Annotated[list[StrictStr], Field(max_length=100000000)]] = NOT_SENT
    """
    The files to put in the store, at most 100,000,000 (10,000 for stores made before November 2025).
    """
    chunking_strategy: Omittable[ChunkingStrategyRequestParam] = NOT_SENT
    metadata: Omittable[Metadata] = NOT_SENT


class MessageContentText(SentModel):
    """
    The text and the citations inside it.
    """

    value: StrictStr
    annotations: list[MessageContentTextAnnotation]


class MessageDeltaContentText(SentModel):
    """
    The text written since the last delta.
    """

    value: Omittable[StrictStr] = NOT_SENT
    annotations: Omittable[list[MessageDeltaContentTextAnnotation]] = NOT_SENT


class RunStepDetailsCodeInterpreter(SentModel):
    """
    The code that ran and what it produced.
    """

    input: StrictStr
    outputs: list[RunStepDetailsCodeInterpreterOutput]


class RunStepDetailsToolCallsFileSearchObject(SentModel):
    """
    A file search.
    """

    id: StrictStr
    type: Literal["file_search"]
    file_search: RunStepDetailsFileSearch


class RunStepDeltaCodeInterpreter(SentModel):
    """
    More code, or new outputs.
    """

    input: Omittable[StrictStr] = NOT_SENT
    outputs: Omittable[list[RunStepDeltaCodeInterpreterOutput]] = NOT_SENT


class AssistantsApiResponseFormatOption(RootModel[Literal["auto"] | AssistantsApiResponseFormat]):
    root: Literal["auto"] | AssistantsApiResponseFormat
    """
    The shape of the model's answer: `auto`, plain text, any JSON object, or JSON that matches a given
    schema (structured outputs).

    """


class CreateThreadFileSearchResources(_JsonSchemaRuntimeValidationBase):
    """
    Either attach an existing vector store or create one from files — exactly one of the two.
    """

    model_config = ConfigDict(extra="forbid")

    __json_schema_one_of_required_groups__: ClassVar[tuple[Any, ...]] = (
        ((("vector_store_ids",),), (("vector_stores",),)),
    )

    vector_store_ids: Omittable[Annotated[list[StrictStr], Field(max_length=1)]] = NOT_SENT
    vector_stores: Omittable[Annotated[list[CreateThreadVectorStore], Field(max_length=1)]] = NOT_SENT


class MessageContentTextObject(SentModel):
    """
    A piece of text in a stored message, with its annotations.
    """

    type: Literal["text"]
    text: MessageContentText


class MessageContent(
    RootModel[
        MessageContentImageFileObject
        | MessageContentImageUrlObject
        | MessageContentTextObject
        | MessageContentRefusalObject
    ]
):
    root: Annotated[
        MessageContentImageFileObject
        | MessageContentImageUrlObject
        | MessageContentTextObject
        | MessageContentRefusalObject,
        Field(discriminator="type"),
    ]
    """
    One part of the content of a stored message.
    """


class ModifyAssistantRequest(SentModel):
    """
    The changes to an assistant; fields left out keep their values.
    """

    model_config = ConfigDict(extra="forbid")
    model: Omittable[Annotated[StrictStr, Field(examples=["gpt-4o"])]] = NOT_SENT
    """
    The model the assistant runs on; any model name (AssistantSupportedModels lists the well-known ones).
    """
    name: Omittable[Annotated[StrictStr | None, Field(max_length=256)]] = NOT_SENT
    """
    A name for people, at most 256 characters.
    """
    description: Omittable[Annotated[StrictStr | None, Field(max_length=512)]] = NOT_SENT
    """
    What the assistant is for, at most 512 characters.
    """
    instructions: Omittable[Annotated[StrictStr | None, Field(max_length=256000)]] = NOT_SENT
    """
    The system instructions every run of the assistant starts from, at most 256,000 characters.
    """
    reasoning_effort: Omittable[ReasoningEffort] = NOT_SENT
    tools: Omittable[Annotated[list[AssistantTool], Field(max_length=128)]] = NOT_SENT
    """
    Replaces the assistant's tools, at most 128.
    """
    tool_resources: Omittable[ThreadToolResources | None] = NOT_SENT
    """
    Replaces the resources for the tools.
    """
    metadata: Omittable[Metadata] = NOT_SENT
    temperature: Omittable[Annotated[StrictFloat | None, Field(ge=0.0, le=2.0)]] = NOT_SENT
    """
    Sampling temperature from 0 to 2; higher is more random.
    """
    top_p: Omittable[Annotated[StrictFloat | None, Field(ge=0.0, le=1.0)]] = NOT_SENT
    """
    Nucleus sampling; only the tokens within this top probability mass are considered.
    """
    response_format: Omittable[AssistantsApiResponseFormatOption | None] = NOT_SENT


class AssistantObject(SentModel):
    """
    An assistant, the model, instructions and tools its runs start from.
    """

    id: StrictStr
    object: Literal["assistant"]
    created_at: StrictInt
    """
    Unix time in seconds.
    """
    name: Annotated[StrictStr | None, Field(max_length=256)]
    description: Annotated[StrictStr | None, Field(max_length=512)]
    model: StrictStr
    instructions: Annotated[StrictStr | None, Field(max_length=256000)]
    tools: Annotated[list[AssistantTool], Field(max_length=128)]
    tool_resources: Omittable[ThreadToolResources | None] = NOT_SENT
    metadata: Metadata
    temperature: Omittable[Annotated[StrictFloat | None, Field(ge=0.0, le=2.0)]] = NOT_SENT
    top_p: Omittable[Annotated[StrictFloat | None, Field(ge=0.0, le=1.0)]] = NOT_SENT
    response_format: Omittable[AssistantsApiResponseFormatOption | None] = NOT_SENT


class ListAssistantsResponse(SentModel):
    """
    One page of assistants; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[AssistantObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class MessageObject(SentModel):
    """
    A message in a thread.
    """

    id: StrictStr
    object: Literal["thread.message"]
    created_at: StrictInt
    """
    Unix time in seconds.
    """
    thread_id: StrictStr
    status: Literal["in_progress", "incomplete", "completed"]
    incomplete_details: MessageIncompleteDetails | None
    completed_at: StrictInt | None
    incomplete_at: StrictInt | None
    role: Literal["user", "assistant"]
    content: list[MessageContent]
    assistant_id: StrictStr | None
    """
    The assistant that wrote this message, when one did.
    """
    run_id: StrictStr | None
    """
    The run that wrote this message, when one did.
    """
    attachments: list[MessageAttachment] | None
    metadata: Metadata


class ListMessagesResponse(SentModel):
    """
    One page of messages; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[MessageObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class MessageDeltaContentTextObject(SentModel):
    """
    More text, and any new annotations.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["text"]
    text: Omittable[MessageDeltaContentText] = NOT_SENT


class CreateRunRequest(SentModel):
    """
    Starts an assistant on an existing thread; any field given overrides the assistant's own setting for this run.
    """

    model_config = ConfigDict(extra="forbid")
    assistant_id: StrictStr
    """
    The assistant that does the work.
    """
    model: Omittable[Annotated[StrictStr | None, Field(examples=["gpt-4o"])]] = NOT_SENT
    """
    The model to use instead of the assistant's.
    """
    reasoning_effort: Omittable[ReasoningEffort] = NOT_SENT
    instructions: Omittable[StrictStr | None] = NOT_SENT
    """
    Replaces the assistant's instructions for this run (no length limit is documented for it).
    """
    additional_instructions: Omittable[StrictStr | None] = NOT_SENT
    """
    Added after the assistant's instructions for this run (no length limit is documented for it).
    """
    additional_messages: Omittable[list[CreateMessageRequest] | None] = NOT_SENT
    """
    Messages appended to the thread before the run starts.
    """
    tools: Omittable[Annotated[list[AssistantTool] | None, Field(max_length=20)]] = NOT_SENT
    """
    Replaces the assistant's tools for this run; at most 20.
    """
    metadata: Omittable[Metadata] = NOT_SENT
    temperature: Annotated[StrictFloat | None, Field(ge=0.0, le=2.0)] = 1
    """
    Sampling temperature from 0 to 2; higher is more random.
    """
    top_p: Annotated[StrictFloat | None, Field(ge=0.0, le=1.0)] = 1
    """
    Nucleus sampling; only the tokens within this top probability mass are considered.
    """
    stream: Omittable[StrictBool | None] = NOT_SENT
    """
    Answer with a stream of server-sent events instead of the run object.
    """
    max_prompt_tokens: Omittable[Annotated[StrictInt | None, Field(ge=256)]] = NOT_SENT
    """
    The most prompt tokens the run may use over all its turns; at least 256.
    """
    max_completion_tokens: Omittable[Annotated[StrictInt | None, Field(ge=256)]] = NOT_SENT
    """
    The most completion tokens the run may use over all its turns; at least 256.
    """
    truncation_strategy: Omittable[TruncationObject | None] = NOT_SENT
    tool_choice: Omittable[AssistantsApiToolChoiceOption | None] = NOT_SENT
    parallel_tool_calls: Annotated[ParallelToolCalls, Field(validate_default=True)] = True
    response_format: Omittable[AssistantsApiResponseFormatOption | None] = NOT_SENT


class RunObject(SentModel):
    """
    An assistant's work on a thread.
    """

    id: StrictStr
    object: Literal["thread.run"]
    created_at: StrictInt
    """
    Unix time in seconds.
    """
    thread_id: StrictStr
    assistant_id: StrictStr
    status: RunStatus
    required_action: RunRequiredAction | None
    last_error: RunLastError | None
    expires_at: StrictInt | None
    started_at: StrictInt | None
    cancelled_at: StrictInt | None
    failed_at: StrictInt | None
    completed_at: StrictInt | None
    incomplete_details: RunIncompleteDetails | None
    model: StrictStr
    instructions: StrictStr
    tools: Annotated[list[AssistantTool], Field(max_length=128)]
    """
    The tools of this run, the request's or else its assistant's.
    """
    tool_resources: Omittable[ThreadToolResources | None] = NOT_SENT
    metadata: Metadata
    usage: RunCompletionUsage | None
    temperature: Omittable[StrictFloat | None] = NOT_SENT
    top_p: Omittable[StrictFloat | None] = NOT_SENT
    max_prompt_tokens: Annotated[StrictInt | None, Field(ge=256)]
    max_completion_tokens: Annotated[StrictInt | None, Field(ge=256)]
    truncation_strategy: TruncationObject | None
    tool_choice: AssistantsApiToolChoiceOption | None
    parallel_tool_calls: ParallelToolCalls
    response_format: AssistantsApiResponseFormatOption | None


class ListRunsResponse(SentModel):
    """
    One page of runs; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[RunObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class RunStepDetailsToolCallsCodeObject(SentModel):
    """
    A run of the code interpreter.
    """

    id: StrictStr
    type: Literal["code_interpreter"]
    code_interpreter: RunStepDetailsCodeInterpreter


class RunStepDeltaStepDetailsToolCallsCodeObject(SentModel):
    """
    A change to a code interpreter call.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    id: Omittable[StrictStr] = NOT_SENT
    type: Literal["code_interpreter"]
    code_interpreter: Omittable[RunStepDeltaCodeInterpreter] = NOT_SENT


class CreateThreadToolResources(SentModel):
    """
    Resources for a new thread or assistant; file search may also create its vector store on the spot.
    """

    model_config = ConfigDict(extra="forbid")
    code_interpreter: Omittable[ToolResourcesCodeInterpreter] = NOT_SENT
    file_search: Omittable[CreateThreadFileSearchResources] = NOT_SENT


class CreateAssistantRequest(SentModel):
    """
    A new assistant; only the model is required.
    """

    model_config = ConfigDict(extra="forbid")
    model: Annotated[StrictStr, Field(examples=["gpt-4o"])]
    """
    The model the assistant runs on; any model name (AssistantSupportedModels lists the well-known ones).
    """
    name: Omittable[Annotated[StrictStr | None, Field(max_length=256)]] = NOT_SENT
    """
    A name for people, at most 256 characters.
    """
    description: Omittable[Annotated[StrictStr | None, Field(max_length=512)]] = NOT_SENT
    """
    What the assistant is for, at most 512 characters.
    """
    instructions: Omittable[Annotated[StrictStr | None, Field(max_length=256000)]] = NOT_SENT
    """
    The system instructions every run of the assistant starts from, at most 256,000 characters.
    """
    reasoning_effort: Omittable[ReasoningEffort] = NOT_SENT
    tools: Annotated[list[AssistantTool], Field(max_length=128, validate_default=True)] = []
    """
    The tools the assistant may use, at most 128.
    """
    tool_resources: Omittable[CreateThreadToolResources | None] = NOT_SENT
    """
    Resources for the tools; file search may also create its vector store on the spot.
    """
    metadata: Omittable[Metadata] = NOT_SENT
    temperature: Annotated[StrictFloat | None, Field(ge=0.0, le=2.0)] = 1
    """
    Sampling temperature from 0 to 2; higher is more random.
    """
    top_p: Annotated[StrictFloat | None, Field(ge=0.0, le=1.0)] = 1
    """
    Nucleus sampling; only the tokens within this top probability mass are considered.
    """
    response_format: Omittable[AssistantsApiResponseFormatOption | None] = NOT_SENT


class MessageDeltaContent(
    RootModel[
        MessageDeltaContentImageFileObject
        | MessageDeltaContentTextObject
        | MessageDeltaContentRefusalObject
        | MessageDeltaContentImageUrlObject
    ]
):
    root: Annotated[
        MessageDeltaContentImageFileObject
        | MessageDeltaContentTextObject
        | MessageDeltaContentRefusalObject
        | MessageDeltaContentImageUrlObject,
        Field(discriminator="type"),
    ]
    """
    A changed part of the message content, addressed by its index.
    """


class CreateThreadRequest(SentModel):
    """
    A new thread, optionally with its first messages.
    """

    model_config = ConfigDict(extra="forbid")
    messages: Omittable[list[CreateMessageRequest]] = NOT_SENT
    """
    Messages to start the thread with.
    """
    tool_resources: Omittable[CreateThreadToolResources | None] = NOT_SENT
    metadata: Omittable[Metadata] = NOT_SENT


class CreateThreadAndRunRequest(SentModel):
    """
    A new thread and a run on it, in one request.
    """

    model_config = ConfigDict(extra="forbid")
    assistant_id: StrictStr
    """
    The assistant that does the work.
    """
    thread: Omittable[CreateThreadRequest] = NOT_SENT
    model: Omittable[Annotated[StrictStr | None, Field(examples=["gpt-4o"])]] = NOT_SENT
    """
    The model to use instead of the assistant's.
    """
    instructions: Omittable[StrictStr | None] = NOT_SENT
    """
    Replaces the assistant's instructions for this run (no length limit is documented for it).
    """
    tools: Omittable[Annotated[list[AssistantTool] | None, Field(max_length=20)]] = NOT_SENT
    """
    Replaces the assistant's tools for this run; at most 20.
    """
    tool_resources: Omittable[ThreadToolResources | None] = NOT_SENT
    """
    Resources for the tools, replacing the assistant's for this run.
    """
    metadata: Omittable[Metadata] = NOT_SENT
    temperature: Annotated[StrictFloat | None, Field(ge=0.0, le=2.0)] = 1
    """
    Sampling temperature from 0 to 2; higher is more random.
    """
    top_p: Annotated[StrictFloat | None, Field(ge=0.0, le=1.0)] = 1
    """
    Nucleus sampling; only the tokens within this top probability mass are considered.
    """
    stream: Omittable[StrictBool | None] = NOT_SENT
    """
    Answer with a stream of server-sent events instead of the run object.
    """
    max_prompt_tokens: Omittable[Annotated[StrictInt | None, Field(ge=256)]] = NOT_SENT
    """
    The most prompt tokens the run may use over all its turns; at least 256.
    """
    max_completion_tokens: Omittable[Annotated[StrictInt | None, Field(ge=256)]] = NOT_SENT
    """
    The most completion tokens the run may use over all its turns; at least 256.
    """
    truncation_strategy: Omittable[TruncationObject | None] = NOT_SENT
    tool_choice: Omittable[AssistantsApiToolChoiceOption | None] = NOT_SENT
    parallel_tool_calls: Annotated[ParallelToolCalls, Field(validate_default=True)] = True
    response_format: Omittable[AssistantsApiResponseFormatOption | None] = NOT_SENT


class RunStepDetailsToolCall(
    RootModel[
        RunStepDetailsToolCallsCodeObject
        | RunStepDetailsToolCallsFileSearchObject
        | RunStepDetailsToolCallsFunctionObject
    ]
):
    root: Annotated[
        RunStepDetailsToolCallsCodeObject
        | RunStepDetailsToolCallsFileSearchObject
        | RunStepDetailsToolCallsFunctionObject,
        Field(discriminator="type"),
    ]
    """
    One tool call of a step.
    """


class RunStepDeltaToolCall(
    RootModel[
        RunStepDeltaStepDetailsToolCallsCodeObject
        | RunStepDeltaStepDetailsToolCallsFileSearchObject
        | RunStepDeltaStepDetailsToolCallsFunctionObject
    ]
):
    root: Annotated[
        RunStepDeltaStepDetailsToolCallsCodeObject
        | RunStepDeltaStepDetailsToolCallsFileSearchObject
        | RunStepDeltaStepDetailsToolCallsFunctionObject,
        Field(discriminator="type"),
    ]
    """
    A changed tool call, addressed by its index.
    """


class MessageDelta(SentModel):
    """
    The fields of the message that changed.
    """

    role: Omittable[Literal["user", "assistant"]] = NOT_SENT
    content: Omittable[list[MessageDeltaContent]] = NOT_SENT


class RunStepDetailsToolCallsObject(SentModel):
    """
    The step called tools.
    """

    type: Literal["tool_calls"]
    tool_calls: list[RunStepDetailsToolCall]


class RunStepDeltaStepDetailsToolCallsObject(SentModel):
    """
    A change to a tool-calls step.
    """

    type: Literal["tool_calls"]
    tool_calls: Omittable[list[RunStepDeltaToolCall]] = NOT_SENT


class MessageDeltaObject(SentModel):
    """
    The part of a message that was written since the last delta.
    """

    id: StrictStr
    object: Literal["thread.message.delta"]
    delta: MessageDelta


class RunStepDetails(RootModel[RunStepDetailsMessageCreationObject | RunStepDetailsToolCallsObject]):
    root: Annotated[
        RunStepDetailsMessageCreationObject | RunStepDetailsToolCallsObject, Field(discriminator="type")
    ]
    """
    What the step did.
    """


class RunStepDeltaStepDetails(
    RootModel[RunStepDeltaStepDetailsMessageCreationObject | RunStepDeltaStepDetailsToolCallsObject]
):
    root: Annotated[
        RunStepDeltaStepDetailsMessageCreationObject | RunStepDeltaStepDetailsToolCallsObject,
        Field(discriminator="type"),
    ]
    """
    What changed in the step's details.
    """


class RunStepObject(SentModel):
    """
    One thing a run did, either writing a message or calling tools.
    """

    id: StrictStr
    object: Literal["thread.run.step"]
    created_at: StrictInt
    """
    Unix time in seconds.
    """
    assistant_id: StrictStr
    thread_id: StrictStr
    run_id: StrictStr
    type: Literal["message_creation", "tool_calls"]
    status: Literal["in_progress", "cancelled", "failed", "completed", "expired"]
    step_details: RunStepDetails
    last_error: RunStepLastError | None
    expired_at: StrictInt | None
    cancelled_at: StrictInt | None
    failed_at: StrictInt | None
    completed_at: StrictInt | None
    metadata: Metadata
    usage: RunStepCompletionUsage | None


class ListRunStepsResponse(SentModel):
    """
    One page of run steps; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[RunStepObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class RunStepDelta(SentModel):
    """
    The changed fields of the step.
    """

    step_details: Omittable[RunStepDeltaStepDetails] = NOT_SENT


class RunStepDeltaObject(SentModel):
    """
    The part of a run step that changed since the last delta.
    """

    id: StrictStr
    object: Literal["thread.run.step.delta"]
    delta: RunStepDelta


__all__ = [
    "AssistantObject",
    "AssistantStreamEvent",
    "AssistantSupportedModels",
    "AssistantTool",
    "AssistantToolsCode",
    "AssistantToolsFileSearch",
    "AssistantToolsFileSearchTypeOnly",
    "AssistantToolsFunction",
    "AssistantsApiResponseFormat",
    "AssistantsApiResponseFormatOption",
    "AssistantsApiToolChoiceOption",
    "AssistantsNamedToolChoice",
    "AutoChunkingStrategyRequestParam",
    "ChunkingStrategyRequestParam",
    "CreateAssistantRequest",
    "CreateMessageRequest",
    "CreateRunRequest",
    "CreateThreadAndRunRequest",
    "CreateThreadFileSearchResources",
    "CreateThreadRequest",
    "CreateThreadToolResources",
    "CreateThreadVectorStore",
    "DeleteAssistantResponse",
    "DeleteMessageResponse",
    "DeleteThreadResponse",
    "DoneEvent",
    "Error",
    "ErrorEvent",
    "ErrorResponse",
    "FileSearchRanker",
    "FileSearchRankingOptions",
    "FileSearchToolOptions",
    "FunctionObject",
    "FunctionParameters",
    "ImageDetail",
    "JsonSchemaFormat",
    "ListAssistantsResponse",
    "ListMessagesResponse",
    "ListRunStepsResponse",
    "ListRunsResponse",
    "MessageAttachment",
    "MessageAttachmentTool",
    "MessageCompletedEvent",
    "MessageContent",
    "MessageContentFileCitation",
    "MessageContentFilePath",
    "MessageContentImageFile",
    "MessageContentImageFileObject",
    "MessageContentImageUrl",
    "MessageContentImageUrlObject",
    "MessageContentRefusalObject",
    "MessageContentText",
    "MessageContentTextAnnotation",
    "MessageContentTextAnnotationsFileCitationObject",
    "MessageContentTextAnnotationsFilePathObject",
    "MessageContentTextObject",
    "MessageCreatedEvent",
    "MessageDelta",
    "MessageDeltaContent",
    "MessageDeltaContentImageFile",
    "MessageDeltaContentImageFileObject",
    "MessageDeltaContentImageUrl",
    "MessageDeltaContentImageUrlObject",
    "MessageDeltaContentRefusalObject",
    "MessageDeltaContentText",
    "MessageDeltaContentTextAnnotation",
    "MessageDeltaContentTextAnnotationsFileCitationObject",
    "MessageDeltaContentTextAnnotationsFilePathObject",
    "MessageDeltaContentTextObject",
    "MessageDeltaEvent",
    "MessageDeltaFileCitation",
    "MessageDeltaFilePath",
    "MessageDeltaObject",
    "MessageInProgressEvent",
    "MessageIncompleteDetails",
    "MessageIncompleteEvent",
    "MessageObject",
    "MessageRequestContentPart",
    "MessageRequestContentPartList",
    "MessageRequestContentTextObject",
    "MessageStreamEvent",
    "Metadata",
    "ModifyAssistantRequest",
    "ModifyMessageRequest",
    "ModifyRunRequest",
    "ModifyThreadRequest",
    "NamedFunction",
    "NamedToolChoiceCodeInterpreter",
    "NamedToolChoiceFileSearch",
    "NamedToolChoiceFunction",
    "ParallelToolCalls",
    "ReasoningEffort",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonSchema",
    "ResponseFormatJsonSchemaSchema",
    "ResponseFormatText",
    "RunCancelledEvent",
    "RunCancellingEvent",
    "RunCompletedEvent",
    "RunCompletionUsage",
    "RunCreatedEvent",
    "RunExpiredEvent",
    "RunFailedEvent",
    "RunInProgressEvent",
    "RunIncompleteDetails",
    "RunIncompleteEvent",
    "RunLastError",
    "RunObject",
    "RunQueuedEvent",
    "RunRequiredAction",
    "RunRequiredActionSubmitToolOutputs",
    "RunRequiresActionEvent",
    "RunStatus",
    "RunStepCancelledEvent",
    "RunStepCompletedEvent",
    "RunStepCompletionUsage",
    "RunStepCreatedEvent",
    "RunStepDelta",
    "RunStepDeltaCodeInterpreter",
    "RunStepDeltaCodeInterpreterOutput",
    "RunStepDeltaCodeOutputImage",
    "RunStepDeltaEvent",
    "RunStepDeltaFunction",
    "RunStepDeltaMessageCreation",
    "RunStepDeltaObject",
    "RunStepDeltaStepDetails",
    "RunStepDeltaStepDetailsMessageCreationObject",
    "RunStepDeltaStepDetailsToolCallsCodeObject",
    "RunStepDeltaStepDetailsToolCallsCodeOutputImageObject",
    "RunStepDeltaStepDetailsToolCallsCodeOutputLogsObject",
    "RunStepDeltaStepDetailsToolCallsFileSearchObject",
    "RunStepDeltaStepDetailsToolCallsFunctionObject",
    "RunStepDeltaStepDetailsToolCallsObject",
    "RunStepDeltaToolCall",
    "RunStepDetails",
    "RunStepDetailsCodeInterpreter",
    "RunStepDetailsCodeInterpreterOutput",
    "RunStepDetailsCodeOutputImage",
    "RunStepDetailsFileSearch",
    "RunStepDetailsFileSearchResultContent",
    "RunStepDetailsFunction",
    "RunStepDetailsMessageCreation",
    "RunStepDetailsMessageCreationObject",
    "RunStepDetailsToolCall",
    "RunStepDetailsToolCallsCodeObject",
    "RunStepDetailsToolCallsCodeOutputImageObject",
    "RunStepDetailsToolCallsCodeOutputLogsObject",
    "RunStepDetailsToolCallsFileSearchObject",
    "RunStepDetailsToolCallsFileSearchRankingOptionsObject",
    "RunStepDetailsToolCallsFileSearchResultObject",
    "RunStepDetailsToolCallsFunctionObject",
    "RunStepDetailsToolCallsObject",
    "RunStepExpiredEvent",
    "RunStepFailedEvent",
    "RunStepInProgressEvent",
    "RunStepInclude",
    "RunStepLastError",
    "RunStepObject",
    "RunStepStreamEvent",
    "RunStreamEvent",
    "RunToolCallFunction",
    "RunToolCallObject",
    "RunToolOutput",
    "StaticChunkingStrategy",
    "StaticChunkingStrategyRequestParam",
    "SubmitToolOutputsRunRequest",
    "ThreadCreatedEvent",
    "ThreadObject",
    "ThreadStreamEvent",
    "ThreadToolResources",
    "ToolResourcesCodeInterpreter",
    "ToolResourcesFileSearch",
    "TruncationObject",
]
