# generated from spec/openapi.v1.yaml by `make generate` — do not edit

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    ConfigDict,
    Field,
    RootModel,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
)
from typing_extensions import TypeAliasType

from threadspec._modelbase import NOT_SENT, Omittable, RootMapping, SentModel

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


class AssistantSupportedModels(
    RootModel[
        Literal[
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
    Model names the v1 Assistants API knew at its last release. Fields that take a model accept any string;
    these are the well-known ones.

    """


class AssistantToolsCode(SentModel):
    """
    The code interpreter tool, which runs Python in a sandbox and can read the attached files.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["code_interpreter"]


class AssistantToolsRetrieval(SentModel):
    """
    The retrieval tool, v1's way of letting the model look things up in the attached files.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["retrieval"]


class FunctionParameters(SentModel):
    """
    A JSON Schema object describing the function's arguments; left out, the function takes none.
    """

    model_config = ConfigDict(extra="allow")


class NamedFunction(SentModel):
    """
    The function a tool choice names.
    """

    model_config = ConfigDict(extra="forbid")
    name: Annotated[StrictStr, Field(pattern="^[a-zA-Z0-9_-]{1,64}$")]


class NamedToolChoiceCodeInterpreter(SentModel):
    """
    Forces use of the code interpreter.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["code_interpreter"]


class NamedToolChoiceRetrieval(SentModel):
    """
    Forces use of retrieval.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["retrieval"]


class AssistantsApiResponseFormat(SentModel):
    """
    An explicit response format. `json_object` turns on JSON mode, in which the model answers with valid JSON
    (the instructions or a message must also ask for JSON). Without `type`, the format is `text`.

    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["text", "json_object"] = "text"


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


class DeleteAssistantResponse(SentModel):
    """
    Confirms that an assistant is gone.
    """

    id: StrictStr
    object: Literal["assistant.deleted"]
    deleted: StrictBool


class CreateAssistantFileRequest(SentModel):
    """
    The uploaded file to attach to the assistant.
    """

    model_config = ConfigDict(extra="forbid")
    file_id: StrictStr
    """
    An uploaded file's id; the file must have been uploaded for the `assistants` purpose.
    """


class AssistantFileObject(SentModel):
    """
    A file attached to an assistant.
    """

    id: StrictStr
    """
    The file's own id.
    """
    object: Literal["assistant.file"]
    created_at: StrictInt
    """
    Unix time in seconds of the attachment.
    """
    assistant_id: StrictStr


class DeleteAssistantFileResponse(SentModel):
    """
    Confirms that a file is no longer attached to the assistant.
    """

    id: StrictStr
    object: Literal["assistant.file.deleted"]
    deleted: StrictBool


class ListAssistantFilesResponse(SentModel):
    """
    One page of assistant files; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[AssistantFileObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class MessageContentImageFile(SentModel):
    """
    The uploaded image file.
    """

    file_id: StrictStr


class MessageContentFileCitation(SentModel):
    """
    The file a citation points to and the passage it quotes.
    """

    file_id: StrictStr
    quote: StrictStr
    """
    The quoted passage of the file.
    """


class MessageContentFilePath(SentModel):
    """
    The file a path annotation points to.
    """

    file_id: StrictStr


class CreateMessageRequest(SentModel):
    """
    A message to add to a thread; in v1 its content is text and files come by id.
    """

    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"]
    """
    `user` for what the user says; `assistant` to insert turns as if the assistant had said them.
    """
    content: Annotated[StrictStr, Field(max_length=256000, min_length=1)]
    """
    The text of the message, 1 to 256,000 characters.
    """
    file_ids: Omittable[Annotated[list[StrictStr], Field(max_length=10)]] = NOT_SENT
    """
    Uploaded files the retrieval and code interpreter tools may read with this message; at most 10.
    """
    metadata: Omittable[Metadata] = NOT_SENT


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


class MessageFileObject(SentModel):
    """
    A file attached to a message.
    """

    id: StrictStr
    """
    The file's own id.
    """
    object: Literal["thread.message.file"]
    created_at: StrictInt
    """
    Unix time in seconds of the attachment.
    """
    message_id: StrictStr


class ListMessageFilesResponse(SentModel):
    """
    One page of message files; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[MessageFileObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class MessageDeltaContentImageFile(SentModel):
    """
    The changed fields of an image-file part.
    """

    file_id: Omittable[StrictStr] = NOT_SENT


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


class CreateThreadRequest(SentModel):
    """
    A new thread, optionally with its first messages.
    """

    model_config = ConfigDict(extra="forbid")
    messages: Omittable[list[CreateMessageRequest]] = NOT_SENT
    """
    Messages to start the thread with.
    """
    metadata: Omittable[Metadata] = NOT_SENT


class ModifyThreadRequest(SentModel):
    """
    The only change a v1 thread allows, its metadata.
    """

    model_config = ConfigDict(extra="forbid")
    metadata: Omittable[Metadata] = NOT_SENT


class ThreadObject(SentModel):
    """
    A thread, the container of a conversation's messages. A v1 thread has no tool resources.
    """

    id: StrictStr
    object: Literal["thread"]
    created_at: StrictInt
    """
    Unix time in seconds.
    """
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
    Which token limit the run ran into.
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
        "expired",
    ]
    """
    Where a run is in its life: `queued` → `in_progress` → `completed`, or `requires_action` while it waits
    for tool outputs, `cancelling` → `cancelled`, `failed` or `expired`. v1 has no `incomplete` status.

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


class RunStepDetailsToolCallsRetrievalObject(SentModel):
    """
    A use of the retrieval tool.
    """

    id: StrictStr
    type: Literal["retrieval"]
    retrieval: dict[str, Any]
    """
    Always an empty object.
    """


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


class RunStepDeltaStepDetailsToolCallsRetrievalObject(SentModel):
    """
    A change to a retrieval call.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    id: Omittable[StrictStr] = NOT_SENT
    type: Literal["retrieval"]
    retrieval: Omittable[dict[str, Any]] = NOT_SENT
    """
    Always an empty object.
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
    The offending location, with dots for keys and brackets for indexes (`thread.messages[2].file_ids`).
    """
    code: StrictStr | None
    """
    A stable code for programs, e.g. `array_above_max_length`.
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


class NamedToolChoiceFunction(SentModel):
    """
    Forces a call of the named function.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["function"]
    function: NamedFunction


class AssistantsApiResponseFormatOption(RootModel[Literal["none", "auto"] | AssistantsApiResponseFormat]):
    root: Literal["none", "auto"] | AssistantsApiResponseFormat
    """
    The shape of the model's answer: `none` or `auto` as strings, or an explicit format object. v1 knows
    plain text and JSON mode; structured outputs (`json_schema`) came later.

    """


class MessageContentImageFileObject(SentModel):
    """
    An image, given as an uploaded file, inside a stored message.
    """

    type: Literal["image_file"]
    image_file: MessageContentImageFile


class MessageContentTextAnnotationsFileCitationObject(SentModel):
    """
    Marks text that quotes a file that retrieval found.
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


class AssistantToolsFunction(SentModel):
    """
    A function the model may ask the caller to run.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["function"]
    function: FunctionObject


class AssistantTool(RootModel[AssistantToolsCode | AssistantToolsRetrieval | AssistantToolsFunction]):
    root: Annotated[
        AssistantToolsCode | AssistantToolsRetrieval | AssistantToolsFunction, Field(discriminator="type")
    ]
    """
    One tool an assistant may use during a run.
    """


class AssistantsNamedToolChoice(
    RootModel[NamedToolChoiceFunction | NamedToolChoiceCodeInterpreter | NamedToolChoiceRetrieval]
):
    root: Annotated[
        NamedToolChoiceFunction | NamedToolChoiceCodeInterpreter | NamedToolChoiceRetrieval,
        Field(discriminator="type"),
    ]
    """
    Forces one particular tool; naming a function requires its name.
    """


class CreateAssistantRequest(SentModel):
    """
    A new assistant; only the model is required.
    """

    model_config = ConfigDict(extra="forbid")
    model: Annotated[StrictStr, Field(examples=["gpt-4-turbo"])]
    """
    The model the assistant runs on; any model name the server knows.
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
    The system instructions the assistant follows, at most 256,000 characters.
    """
    tools: Omittable[Annotated[list[AssistantTool], Field(max_length=128)]] = NOT_SENT
    """
    The tools the assistant may use, at most 128.
    """
    file_ids: Omittable[Annotated[list[StrictStr], Field(max_length=20)]] = NOT_SENT
    """
    Uploaded files for the retrieval and code interpreter tools, at most 20.
    """
    metadata: Omittable[Metadata] = NOT_SENT


class ModifyAssistantRequest(SentModel):
    """
    The changes to an assistant; fields left out keep their value. A `file_ids` list replaces the attached
    files as a whole.

    """

    model_config = ConfigDict(extra="forbid")
    model: Omittable[Annotated[StrictStr, Field(examples=["gpt-4-turbo"])]] = NOT_SENT
    """
    The model the assistant runs on.
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
    The system instructions the assistant follows, at most 256,000 characters.
    """
    tools: Omittable[Annotated[list[AssistantTool], Field(max_length=128)]] = NOT_SENT
    """
    The tools the assistant may use, at most 128.
    """
    file_ids: Omittable[Annotated[list[StrictStr], Field(max_length=20)]] = NOT_SENT
    """
    The files the assistant keeps, at most 20; the others are detached.
    """
    metadata: Omittable[Metadata] = NOT_SENT


class AssistantObject(SentModel):
    """
    An assistant, a model configured with instructions, tools and files.
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
    file_ids: Annotated[list[StrictStr], Field(max_length=20)]
    """
    The attached files, oldest first.
    """
    metadata: Metadata


class ListAssistantsResponse(SentModel):
    """
    One page of assistants; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[AssistantObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


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


class AssistantsApiToolChoiceOption(RootModel[Literal["none", "auto"] | AssistantsNamedToolChoice]):
    root: Literal["none", "auto"] | AssistantsNamedToolChoice
    """
    Which tool the model must use: `none` (answer in text), `auto` (its own choice, the default), or one
    named tool. v1 has no `required`.

    """


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


class CreateRunRequest(SentModel):
    """
    Starts an assistant on an existing thread; any field given overrides the assistant's own setting for this run.
    """

    model_config = ConfigDict(extra="forbid")
    assistant_id: StrictStr
    """
    The assistant that does the work.
    """
    model: Omittable[Annotated[StrictStr | None, Field(examples=["gpt-4-turbo"])]] = NOT_SENT
    """
    The model to use instead of the assistant's.
    """
    instructions: Omittable[StrictStr | None] = NOT_SENT
    """
    Replaces the assistant's instructions for this run.
    """
    additional_instructions: Omittable[StrictStr | None] = NOT_SENT
    """
    Added after the assistant's instructions for this run.
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
    response_format: Omittable[AssistantsApiResponseFormatOption | None] = NOT_SENT


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
    model: Omittable[Annotated[StrictStr | None, Field(examples=["gpt-4-turbo"])]] = NOT_SENT
    """
    The model to use instead of the assistant's.
    """
    instructions: Omittable[StrictStr | None] = NOT_SENT
    """
    Replaces the assistant's instructions for this run.
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
    tools: Annotated[list[AssistantTool], Field(max_length=20)]
    file_ids: list[StrictStr]
    """
    The assistant's files that the run used.
    """
    metadata: Metadata
    usage: RunCompletionUsage | None
    temperature: Omittable[StrictFloat | None] = NOT_SENT
    max_prompt_tokens: Annotated[StrictInt | None, Field(ge=256)]
    max_completion_tokens: Annotated[StrictInt | None, Field(ge=256)]
    truncation_strategy: TruncationObject | None
    tool_choice: AssistantsApiToolChoiceOption | None
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


class RunStepDetailsCodeInterpreter(SentModel):
    """
    The code that ran and what it produced.
    """

    input: StrictStr
    outputs: list[RunStepDetailsCodeInterpreterOutput]


class RunStepDeltaCodeInterpreter(SentModel):
    """
    More code, or new outputs.
    """

    input: Omittable[StrictStr] = NOT_SENT
    outputs: Omittable[list[RunStepDeltaCodeInterpreterOutput]] = NOT_SENT


class MessageContentTextObject(SentModel):
    """
    A piece of text in a stored message, with its annotations.
    """

    type: Literal["text"]
    text: MessageContentText


class MessageContent(RootModel[MessageContentImageFileObject | MessageContentTextObject]):
    root: Annotated[MessageContentImageFileObject | MessageContentTextObject, Field(discriminator="type")]
    """
    One part of the content of a stored message.
    """


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
    file_ids: Annotated[list[StrictStr], Field(max_length=10)]
    """
    The files attached to the message, at most 10.
    """
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


class MessageDeltaContent(RootModel[MessageDeltaContentImageFileObject | MessageDeltaContentTextObject]):
    root: Annotated[
        MessageDeltaContentImageFileObject | MessageDeltaContentTextObject, Field(discriminator="type")
    ]
    """
    A changed part of the message content, addressed by its index.
    """


class RunStepDetailsToolCall(
    RootModel[
        RunStepDetailsToolCallsCodeObject
        | RunStepDetailsToolCallsRetrievalObject
        | RunStepDetailsToolCallsFunctionObject
    ]
):
    root: Annotated[
        RunStepDetailsToolCallsCodeObject
        | RunStepDetailsToolCallsRetrievalObject
        | RunStepDetailsToolCallsFunctionObject,
        Field(discriminator="type"),
    ]
    """
    One tool call of a step.
    """


class RunStepDeltaToolCall(
    RootModel[
        RunStepDeltaStepDetailsToolCallsCodeObject
        | RunStepDeltaStepDetailsToolCallsRetrievalObject
        | RunStepDeltaStepDetailsToolCallsFunctionObject
    ]
):
    root: Annotated[
        RunStepDeltaStepDetailsToolCallsCodeObject
        | RunStepDeltaStepDetailsToolCallsRetrievalObject
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
    file_ids: Omittable[Annotated[list[StrictStr], Field(max_length=10)]] = NOT_SENT


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
    "AssistantFileObject",
    "AssistantObject",
    "AssistantStreamEvent",
    "AssistantSupportedModels",
    "AssistantTool",
    "AssistantToolsCode",
    "AssistantToolsFunction",
    "AssistantToolsRetrieval",
    "AssistantsApiResponseFormat",
    "AssistantsApiResponseFormatOption",
    "AssistantsApiToolChoiceOption",
    "AssistantsNamedToolChoice",
    "CreateAssistantFileRequest",
    "CreateAssistantRequest",
    "CreateMessageRequest",
    "CreateRunRequest",
    "CreateThreadAndRunRequest",
    "CreateThreadRequest",
    "DeleteAssistantFileResponse",
    "DeleteAssistantResponse",
    "DeleteThreadResponse",
    "DoneEvent",
    "Error",
    "ErrorEvent",
    "ErrorResponse",
    "FunctionObject",
    "FunctionParameters",
    "ListAssistantFilesResponse",
    "ListAssistantsResponse",
    "ListMessageFilesResponse",
    "ListMessagesResponse",
    "ListRunStepsResponse",
    "ListRunsResponse",
    "MessageCompletedEvent",
    "MessageContent",
    "MessageContentFileCitation",
    "MessageContentFilePath",
    "MessageContentImageFile",
    "MessageContentImageFileObject",
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
    "MessageDeltaContentText",
    "MessageDeltaContentTextAnnotation",
    "MessageDeltaContentTextAnnotationsFileCitationObject",
    "MessageDeltaContentTextAnnotationsFilePathObject",
    "MessageDeltaContentTextObject",
    "MessageDeltaEvent",
    "MessageDeltaFileCitation",
    "MessageDeltaFilePath",
    "MessageDeltaObject",
    "MessageFileObject",
    "MessageInProgressEvent",
    "MessageIncompleteDetails",
    "MessageIncompleteEvent",
    "MessageObject",
    "MessageStreamEvent",
    "Metadata",
    "ModifyAssistantRequest",
    "ModifyMessageRequest",
    "ModifyRunRequest",
    "ModifyThreadRequest",
    "NamedFunction",
    "NamedToolChoiceCodeInterpreter",
    "NamedToolChoiceFunction",
    "NamedToolChoiceRetrieval",
    "RunCancelledEvent",
    "RunCancellingEvent",
    "RunCompletedEvent",
    "RunCompletionUsage",
    "RunCreatedEvent",
    "RunExpiredEvent",
    "RunFailedEvent",
    "RunInProgressEvent",
    "RunIncompleteDetails",
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
    "RunStepDeltaStepDetailsToolCallsFunctionObject",
    "RunStepDeltaStepDetailsToolCallsObject",
    "RunStepDeltaStepDetailsToolCallsRetrievalObject",
    "RunStepDeltaToolCall",
    "RunStepDetails",
    "RunStepDetailsCodeInterpreter",
    "RunStepDetailsCodeInterpreterOutput",
    "RunStepDetailsCodeOutputImage",
    "RunStepDetailsFunction",
    "RunStepDetailsMessageCreation",
    "RunStepDetailsMessageCreationObject",
    "RunStepDetailsToolCall",
    "RunStepDetailsToolCallsCodeObject",
    "RunStepDetailsToolCallsCodeOutputImageObject",
    "RunStepDetailsToolCallsCodeOutputLogsObject",
    "RunStepDetailsToolCallsFunctionObject",
    "RunStepDetailsToolCallsObject",
    "RunStepDetailsToolCallsRetrievalObject",
    "RunStepExpiredEvent",
    "RunStepFailedEvent",
    "RunStepInProgressEvent",
    "RunStepLastError",
    "RunStepObject",
    "RunStepStreamEvent",
    "RunStreamEvent",
    "RunToolCallFunction",
    "RunToolCallObject",
    "RunToolOutput",
    "SubmitToolOutputsRunRequest",
    "ThreadCreatedEvent",
    "ThreadObject",
    "ThreadStreamEvent",
    "TruncationObject",
]
