# generated from spec/openapi.v1.yaml by `make generate` — do not edit

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    MISSING,
    BaseModel,
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

MetadataAdditionalProperty = TypeAliasType(
    "MetadataAdditionalProperty", Annotated[StrictStr, Field(max_length=512)]
)


class Metadata(
    RootModel[
        dict[Annotated[str, StringConstraints(max_length=64, strict=True)], MetadataAdditionalProperty] | None
    ]
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


class AssistantToolsCode(BaseModel):
    """
    The code interpreter tool, which runs Python in a sandbox and can read the attached files.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["code_interpreter"]


class AssistantToolsRetrieval(BaseModel):
    """
    The retrieval tool, v1's way of letting the model look things up in the attached files.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["retrieval"]


class FunctionParameters(BaseModel):
    """
    A JSON Schema object describing the function's arguments; left out, the function takes none.
    """

    model_config = ConfigDict(extra="allow")


class NamedFunction(BaseModel):
    """
    The function a tool choice names.
    """

    model_config = ConfigDict(extra="forbid")
    name: Annotated[StrictStr, Field(pattern="^[a-zA-Z0-9_-]{1,64}$")]


class NamedToolChoiceCodeInterpreter(BaseModel):
    """
    Forces use of the code interpreter.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["code_interpreter"]


class NamedToolChoiceRetrieval(BaseModel):
    """
    Forces use of retrieval.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["retrieval"]


class AssistantsApiResponseFormat(BaseModel):
    """
    An explicit response format. `json_object` turns on JSON mode, in which the model answers with valid JSON
    (the instructions or a message must also ask for JSON). Without `type`, the format is `text`.

    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["text", "json_object"] = "text"


class TruncationObject(BaseModel):
    """
    How the thread is cut down to fit the model's context before a run.
    """

    model_config = ConfigDict(extra="forbid")
    type: Literal["auto", "last_messages"]
    """
    `auto` drops messages from the middle; `last_messages` keeps only the newest ones.
    """
    last_messages: Annotated[StrictInt | None | MISSING, Field(ge=1)] = MISSING
    """
    With `last_messages`, how many of the newest messages to keep.
    """


class DeleteAssistantResponse(BaseModel):
    """
    Confirms that an assistant is gone.
    """

    id: StrictStr
    object: Literal["assistant.deleted"]
    deleted: StrictBool


class CreateAssistantFileRequest(BaseModel):
    """
    The uploaded file to attach to the assistant.
    """

    model_config = ConfigDict(extra="forbid")
    file_id: StrictStr
    """
    An uploaded file's id; the file must have been uploaded for the `assistants` purpose.
    """


class AssistantFileObject(BaseModel):
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


class DeleteAssistantFileResponse(BaseModel):
    """
    Confirms that a file is no longer attached to the assistant.
    """

    id: StrictStr
    object: Literal["assistant.file.deleted"]
    deleted: StrictBool


class ListAssistantFilesResponse(BaseModel):
    """
    One page of assistant files; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[AssistantFileObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class MessageContentImageFile(BaseModel):
    """
    The uploaded image file.
    """

    file_id: StrictStr


class MessageContentFileCitation(BaseModel):
    """
    The file a citation points to and the passage it quotes.
    """

    file_id: StrictStr
    quote: StrictStr
    """
    The quoted passage of the file.
    """


class MessageContentFilePath(BaseModel):
    """
    The file a path annotation points to.
    """

    file_id: StrictStr


class CreateMessageRequest(BaseModel):
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
    file_ids: Annotated[list[StrictStr] | MISSING, Field(max_length=10)] = MISSING
    """
    Uploaded files the retrieval and code interpreter tools may read with this message; at most 10.
    """
    metadata: Metadata | MISSING = MISSING


class ModifyMessageRequest(BaseModel):
    """
    The only change a message allows, its metadata.
    """

    model_config = ConfigDict(extra="forbid")
    metadata: Metadata | MISSING = MISSING


class MessageIncompleteDetails(BaseModel):
    """
    Why a message stopped before it was complete.
    """

    reason: Literal["content_filter", "max_tokens", "run_cancelled", "run_expired", "run_failed"]


class MessageFileObject(BaseModel):
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


class ListMessageFilesResponse(BaseModel):
    """
    One page of message files; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[MessageFileObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class MessageDeltaContentImageFile(BaseModel):
    """
    The changed fields of an image-file part.
    """

    file_id: StrictStr | MISSING = MISSING


class MessageDeltaFileCitation(BaseModel):
    """
    The cited file and the quoted passage.
    """

    file_id: StrictStr | MISSING = MISSING
    quote: StrictStr | MISSING = MISSING


class MessageDeltaFilePath(BaseModel):
    """
    The file a new path annotation points to.
    """

    file_id: StrictStr | MISSING = MISSING


class CreateThreadRequest(BaseModel):
    """
    A new thread, optionally with its first messages.
    """

    model_config = ConfigDict(extra="forbid")
    messages: list[CreateMessageRequest] | MISSING = MISSING
    """
    Messages to start the thread with.
    """
    metadata: Metadata | MISSING = MISSING


class ModifyThreadRequest(BaseModel):
    """
    The only change a v1 thread allows, its metadata.
    """

    model_config = ConfigDict(extra="forbid")
    metadata: Metadata | MISSING = MISSING


class ThreadObject(BaseModel):
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


class DeleteThreadResponse(BaseModel):
    """
    Confirms that a thread is gone.
    """

    id: StrictStr
    object: Literal["thread.deleted"]
    deleted: StrictBool


class ModifyRunRequest(BaseModel):
    """
    The only change a run allows, its metadata.
    """

    model_config = ConfigDict(extra="forbid")
    metadata: Metadata | MISSING = MISSING


class RunToolOutput(BaseModel):
    """
    The output of one function call.
    """

    model_config = ConfigDict(extra="forbid")
    tool_call_id: StrictStr | MISSING = MISSING
    """
    The id of the call, from the run's `required_action`.
    """
    output: StrictStr | MISSING = MISSING
    """
    What the function returned, as text.
    """


class RunToolCallFunction(BaseModel):
    """
    The function to call and its arguments as a JSON string.
    """

    name: StrictStr
    arguments: StrictStr


class RunLastError(BaseModel):
    """
    Why the run failed.
    """

    code: Literal["server_error", "rate_limit_exceeded", "invalid_prompt"]
    message: StrictStr


class RunIncompleteDetails(BaseModel):
    """
    Which token limit the run ran into.
    """

    reason: Literal["max_completion_tokens", "max_prompt_tokens"] | MISSING = MISSING


class RunCompletionUsage(BaseModel):
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


class RunStepLastError(BaseModel):
    """
    Why the step failed.
    """

    code: Literal["server_error", "rate_limit_exceeded"]
    message: StrictStr


class RunStepCompletionUsage(BaseModel):
    """
    Tokens a finished step used.
    """

    completion_tokens: Annotated[StrictInt, Field(ge=0)]
    prompt_tokens: Annotated[StrictInt, Field(ge=0)]
    total_tokens: Annotated[StrictInt, Field(ge=0)]


class RunStepDetailsMessageCreation(BaseModel):
    """
    The message the step wrote.
    """

    message_id: StrictStr


class RunStepDetailsToolCallsCodeOutputLogsObject(BaseModel):
    """
    Text the code printed.
    """

    type: Literal["logs"]
    logs: StrictStr


class RunStepDetailsCodeOutputImage(BaseModel):
    """
    The file that holds the image.
    """

    file_id: StrictStr


class RunStepDetailsToolCallsRetrievalObject(BaseModel):
    """
    A use of the retrieval tool.
    """

    id: StrictStr
    type: Literal["retrieval"]
    retrieval: dict[str, Any]
    """
    Always an empty object.
    """


class RunStepDetailsFunction(BaseModel):
    """
    The function, its arguments, and its output once submitted.
    """

    name: StrictStr
    arguments: StrictStr
    output: StrictStr | None


class RunStepDeltaMessageCreation(BaseModel):
    """
    The message the step writes.
    """

    message_id: StrictStr | MISSING = MISSING


class RunStepDeltaStepDetailsToolCallsCodeOutputLogsObject(BaseModel):
    """
    New printed text.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["logs"]
    logs: StrictStr | MISSING = MISSING


class RunStepDeltaCodeOutputImage(BaseModel):
    """
    The file that holds the new image.
    """

    file_id: StrictStr | MISSING = MISSING


class RunStepDeltaStepDetailsToolCallsRetrievalObject(BaseModel):
    """
    A change to a retrieval call.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    id: StrictStr | MISSING = MISSING
    type: Literal["retrieval"]
    retrieval: dict[str, Any] | MISSING = MISSING
    """
    Always an empty object.
    """


class RunStepDeltaFunction(BaseModel):
    """
    More of the function's name or arguments, or its output.
    """

    name: StrictStr | MISSING = MISSING
    arguments: StrictStr | MISSING = MISSING
    output: StrictStr | None | MISSING = MISSING


class Error(BaseModel):
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


class ErrorResponse(BaseModel):
    """
    The envelope every error comes in.
    """

    error: Error


class ErrorEvent(BaseModel):
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


class DoneEvent(BaseModel):
    """
    The last event of every stream.
    """

    event: Literal["done"]
    data: Literal["[DONE]"]


class ThreadCreatedEvent(BaseModel):
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


class RunCreatedEvent(BaseModel):
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


class RunQueuedEvent(BaseModel):
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


class RunInProgressEvent(BaseModel):
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


class RunRequiresActionEvent(BaseModel):
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


class RunCompletedEvent(BaseModel):
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


class RunFailedEvent(BaseModel):
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


class RunCancellingEvent(BaseModel):
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


class RunCancelledEvent(BaseModel):
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


class RunExpiredEvent(BaseModel):
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


class RunStepCreatedEvent(BaseModel):
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


class RunStepInProgressEvent(BaseModel):
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


class RunStepDeltaEvent(BaseModel):
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


class RunStepCompletedEvent(BaseModel):
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


class RunStepFailedEvent(BaseModel):
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


class RunStepCancelledEvent(BaseModel):
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


class RunStepExpiredEvent(BaseModel):
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


class MessageCreatedEvent(BaseModel):
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


class MessageInProgressEvent(BaseModel):
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


class MessageDeltaEvent(BaseModel):
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


class MessageCompletedEvent(BaseModel):
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


class MessageIncompleteEvent(BaseModel):
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


class FunctionObject(BaseModel):
    """
    A function's name, purpose and JSON Schema of its arguments.
    """

    model_config = ConfigDict(extra="forbid")
    name: Annotated[StrictStr, Field(pattern="^[a-zA-Z0-9_-]{1,64}$")]
    """
    Letters, digits, underscores and dashes, 1 to 64 of them.
    """
    description: StrictStr | MISSING = MISSING
    """
    What the function does, so the model knows when to call it.
    """
    parameters: FunctionParameters | MISSING = MISSING


class NamedToolChoiceFunction(BaseModel):
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


class MessageContentImageFileObject(BaseModel):
    """
    An image, given as an uploaded file, inside a stored message.
    """

    type: Literal["image_file"]
    image_file: MessageContentImageFile


class MessageContentTextAnnotationsFileCitationObject(BaseModel):
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


class MessageContentTextAnnotationsFilePathObject(BaseModel):
    """
    Marks text that links to a file the code interpreter produced.
    """

    type: Literal["file_path"]
    text: StrictStr
    file_path: MessageContentFilePath
    start_index: Annotated[StrictInt, Field(ge=0)]
    end_index: Annotated[StrictInt, Field(ge=0)]


class MessageDeltaContentImageFileObject(BaseModel):
    """
    A change to an image-file part.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["image_file"]
    image_file: MessageDeltaContentImageFile | MISSING = MISSING


class MessageDeltaContentTextAnnotationsFileCitationObject(BaseModel):
    """
    A new file citation.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["file_citation"]
    text: StrictStr | MISSING = MISSING
    file_citation: MessageDeltaFileCitation | MISSING = MISSING
    start_index: Annotated[StrictInt | MISSING, Field(ge=0)] = MISSING
    end_index: Annotated[StrictInt | MISSING, Field(ge=0)] = MISSING


class MessageDeltaContentTextAnnotationsFilePathObject(BaseModel):
    """
    A new file path annotation.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["file_path"]
    text: StrictStr | MISSING = MISSING
    file_path: MessageDeltaFilePath | MISSING = MISSING
    start_index: Annotated[StrictInt | MISSING, Field(ge=0)] = MISSING
    end_index: Annotated[StrictInt | MISSING, Field(ge=0)] = MISSING


class SubmitToolOutputsRunRequest(BaseModel):
    """
    The outputs of the function calls a run asked for.
    """

    model_config = ConfigDict(extra="forbid")
    tool_outputs: list[RunToolOutput]
    stream: StrictBool | None | MISSING = MISSING
    """
    Answer with a stream of server-sent events instead of the run object.
    """


class RunToolCallObject(BaseModel):
    """
    A function call the run waits on.
    """

    id: StrictStr
    """
    Quote this id in the matching tool output.
    """
    type: Literal["function"]
    function: RunToolCallFunction


class RunRequiredActionSubmitToolOutputs(BaseModel):
    """
    The function calls whose outputs the run waits for.
    """

    tool_calls: list[RunToolCallObject]


class RunStepDetailsMessageCreationObject(BaseModel):
    """
    The step wrote a message.
    """

    type: Literal["message_creation"]
    message_creation: RunStepDetailsMessageCreation


class RunStepDetailsToolCallsCodeOutputImageObject(BaseModel):
    """
    An image the code made.
    """

    type: Literal["image"]
    image: RunStepDetailsCodeOutputImage


class RunStepDetailsToolCallsFunctionObject(BaseModel):
    """
    A function call.
    """

    id: StrictStr
    type: Literal["function"]
    function: RunStepDetailsFunction


class RunStepDeltaStepDetailsMessageCreationObject(BaseModel):
    """
    A change to a message-creation step.
    """

    type: Literal["message_creation"]
    message_creation: RunStepDeltaMessageCreation | MISSING = MISSING


class RunStepDeltaStepDetailsToolCallsCodeOutputImageObject(BaseModel):
    """
    A new image.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["image"]
    image: RunStepDeltaCodeOutputImage | MISSING = MISSING


class RunStepDeltaStepDetailsToolCallsFunctionObject(BaseModel):
    """
    A change to a function call.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    id: StrictStr | MISSING = MISSING
    type: Literal["function"]
    function: RunStepDeltaFunction | MISSING = MISSING


class AssistantToolsFunction(BaseModel):
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


class CreateAssistantRequest(BaseModel):
    """
    A new assistant; only the model is required.
    """

    model_config = ConfigDict(extra="forbid")
    model: Annotated[StrictStr, Field(examples=["gpt-4-turbo"])]
    """
    The model the assistant runs on; any model name the server knows.
    """
    name: Annotated[StrictStr | None | MISSING, Field(max_length=256)] = MISSING
    """
    A name for people, at most 256 characters.
    """
    description: Annotated[StrictStr | None | MISSING, Field(max_length=512)] = MISSING
    """
    What the assistant is for, at most 512 characters.
    """
    instructions: Annotated[StrictStr | None | MISSING, Field(max_length=256000)] = MISSING
    """
    The system instructions the assistant follows, at most 256,000 characters.
    """
    tools: Annotated[list[AssistantTool] | MISSING, Field(max_length=128)] = MISSING
    """
    The tools the assistant may use, at most 128.
    """
    file_ids: Annotated[list[StrictStr] | MISSING, Field(max_length=20)] = MISSING
    """
    Uploaded files for the retrieval and code interpreter tools, at most 20.
    """
    metadata: Metadata | MISSING = MISSING


class ModifyAssistantRequest(BaseModel):
    """
    The changes to an assistant; fields left out keep their value. A `file_ids` list replaces the attached
    files as a whole.

    """

    model_config = ConfigDict(extra="forbid")
    model: Annotated[StrictStr | MISSING, Field(examples=["gpt-4-turbo"])] = MISSING
    """
    The model the assistant runs on.
    """
    name: Annotated[StrictStr | None | MISSING, Field(max_length=256)] = MISSING
    """
    A name for people, at most 256 characters.
    """
    description: Annotated[StrictStr | None | MISSING, Field(max_length=512)] = MISSING
    """
    What the assistant is for, at most 512 characters.
    """
    instructions: Annotated[StrictStr | None | MISSING, Field(max_length=256000)] = MISSING
    """
    The system instructions the assistant follows, at most 256,000 characters.
    """
    tools: Annotated[list[AssistantTool] | MISSING, Field(max_length=128)] = MISSING
    """
    The tools the assistant may use, at most 128.
    """
    file_ids: Annotated[list[StrictStr] | MISSING, Field(max_length=20)] = MISSING
    """
    The files the assistant keeps, at most 20; the others are detached.
    """
    metadata: Metadata | MISSING = MISSING


class AssistantObject(BaseModel):
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


class ListAssistantsResponse(BaseModel):
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


class RunRequiredAction(BaseModel):
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


class MessageContentText(BaseModel):
    """
    The text and the citations inside it.
    """

    value: StrictStr
    annotations: list[MessageContentTextAnnotation]


class MessageDeltaContentText(BaseModel):
    """
    The text written since the last delta.
    """

    value: StrictStr | MISSING = MISSING
    annotations: list[MessageDeltaContentTextAnnotation] | MISSING = MISSING


class CreateRunRequest(BaseModel):
    """
    Starts an assistant on an existing thread; any field given overrides the assistant's own setting for this run.
    """

    model_config = ConfigDict(extra="forbid")
    assistant_id: StrictStr
    """
    The assistant that does the work.
    """
    model: Annotated[StrictStr | None | MISSING, Field(examples=["gpt-4-turbo"])] = MISSING
    """
    The model to use instead of the assistant's.
    """
    instructions: StrictStr | None | MISSING = MISSING
    """
    Replaces the assistant's instructions for this run.
    """
    additional_instructions: StrictStr | None | MISSING = MISSING
    """
    Added after the assistant's instructions for this run.
    """
    additional_messages: list[CreateMessageRequest] | None | MISSING = MISSING
    """
    Messages appended to the thread before the run starts.
    """
    tools: Annotated[list[AssistantTool] | None | MISSING, Field(max_length=20)] = MISSING
    """
    Replaces the assistant's tools for this run; at most 20.
    """
    metadata: Metadata | MISSING = MISSING
    temperature: Annotated[StrictFloat | None, Field(ge=0.0, le=2.0)] = 1
    """
    Sampling temperature from 0 to 2; higher is more random.
    """
    stream: StrictBool | None | MISSING = MISSING
    """
    Answer with a stream of server-sent events instead of the run object.
    """
    max_prompt_tokens: Annotated[StrictInt | None | MISSING, Field(ge=256)] = MISSING
    """
    The most prompt tokens the run may use over all its turns; at least 256.
    """
    max_completion_tokens: Annotated[StrictInt | None | MISSING, Field(ge=256)] = MISSING
    """
    The most completion tokens the run may use over all its turns; at least 256.
    """
    truncation_strategy: TruncationObject | None | MISSING = MISSING
    tool_choice: AssistantsApiToolChoiceOption | None | MISSING = MISSING
    response_format: AssistantsApiResponseFormatOption | None | MISSING = MISSING


class CreateThreadAndRunRequest(BaseModel):
    """
    A new thread and a run on it, in one request.
    """

    model_config = ConfigDict(extra="forbid")
    assistant_id: StrictStr
    """
    The assistant that does the work.
    """
    thread: CreateThreadRequest | MISSING = MISSING
    model: Annotated[StrictStr | None | MISSING, Field(examples=["gpt-4-turbo"])] = MISSING
    """
    The model to use instead of the assistant's.
    """
    instructions: StrictStr | None | MISSING = MISSING
    """
    Replaces the assistant's instructions for this run.
    """
    tools: Annotated[list[AssistantTool] | None | MISSING, Field(max_length=20)] = MISSING
    """
    Replaces the assistant's tools for this run; at most 20.
    """
    metadata: Metadata | MISSING = MISSING
    temperature: Annotated[StrictFloat | None, Field(ge=0.0, le=2.0)] = 1
    """
    Sampling temperature from 0 to 2; higher is more random.
    """
    stream: StrictBool | None | MISSING = MISSING
    """
    Answer with a stream of server-sent events instead of the run object.
    """
    max_prompt_tokens: Annotated[StrictInt | None | MISSING, Field(ge=256)] = MISSING
    """
    The most prompt tokens the run may use over all its turns; at least 256.
    """
    max_completion_tokens: Annotated[StrictInt | None | MISSING, Field(ge=256)] = MISSING
    """
    The most completion tokens the run may use over all its turns; at least 256.
    """
    truncation_strategy: TruncationObject | None | MISSING = MISSING
    tool_choice: AssistantsApiToolChoiceOption | None | MISSING = MISSING
    response_format: AssistantsApiResponseFormatOption | None | MISSING = MISSING


class RunObject(BaseModel):
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
    temperature: StrictFloat | None | MISSING = MISSING
    max_prompt_tokens: Annotated[StrictInt | None, Field(ge=256)]
    max_completion_tokens: Annotated[StrictInt | None, Field(ge=256)]
    truncation_strategy: TruncationObject | None
    tool_choice: AssistantsApiToolChoiceOption | None
    response_format: AssistantsApiResponseFormatOption | None


class ListRunsResponse(BaseModel):
    """
    One page of runs; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[RunObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class RunStepDetailsCodeInterpreter(BaseModel):
    """
    The code that ran and what it produced.
    """

    input: StrictStr
    outputs: list[RunStepDetailsCodeInterpreterOutput]


class RunStepDeltaCodeInterpreter(BaseModel):
    """
    More code, or new outputs.
    """

    input: StrictStr | MISSING = MISSING
    outputs: list[RunStepDeltaCodeInterpreterOutput] | MISSING = MISSING


class MessageContentTextObject(BaseModel):
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


class MessageObject(BaseModel):
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


class ListMessagesResponse(BaseModel):
    """
    One page of messages; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[MessageObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class MessageDeltaContentTextObject(BaseModel):
    """
    More text, and any new annotations.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    type: Literal["text"]
    text: MessageDeltaContentText | MISSING = MISSING


class RunStepDetailsToolCallsCodeObject(BaseModel):
    """
    A run of the code interpreter.
    """

    id: StrictStr
    type: Literal["code_interpreter"]
    code_interpreter: RunStepDetailsCodeInterpreter


class RunStepDeltaStepDetailsToolCallsCodeObject(BaseModel):
    """
    A change to a code interpreter call.
    """

    index: Annotated[StrictInt, Field(ge=0)]
    id: StrictStr | MISSING = MISSING
    type: Literal["code_interpreter"]
    code_interpreter: RunStepDeltaCodeInterpreter | MISSING = MISSING


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


class MessageDelta(BaseModel):
    """
    The fields of the message that changed.
    """

    role: Literal["user", "assistant"] | MISSING = MISSING
    content: list[MessageDeltaContent] | MISSING = MISSING
    file_ids: Annotated[list[StrictStr] | MISSING, Field(max_length=10)] = MISSING


class RunStepDetailsToolCallsObject(BaseModel):
    """
    The step called tools.
    """

    type: Literal["tool_calls"]
    tool_calls: list[RunStepDetailsToolCall]


class RunStepDeltaStepDetailsToolCallsObject(BaseModel):
    """
    A change to a tool-calls step.
    """

    type: Literal["tool_calls"]
    tool_calls: list[RunStepDeltaToolCall] | MISSING = MISSING


class MessageDeltaObject(BaseModel):
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


class RunStepObject(BaseModel):
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


class ListRunStepsResponse(BaseModel):
    """
    One page of run steps; `first_id` and `last_id` are the cursors for the pages around it.
    """

    object: Literal["list"]
    data: list[RunStepObject]
    first_id: StrictStr | None
    last_id: StrictStr | None
    has_more: StrictBool


class RunStepDelta(BaseModel):
    """
    The changed fields of the step.
    """

    step_details: RunStepDeltaStepDetails | MISSING = MISSING


class RunStepDeltaObject(BaseModel):
    """
    The part of a run step that changed since the last delta.
    """

    id: StrictStr
    object: Literal["thread.run.step.delta"]
    delta: RunStepDelta
