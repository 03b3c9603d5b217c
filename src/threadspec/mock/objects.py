"""The API objects (assistant, thread, message, run, run step, file) built from the requests that create them.

Objects carry the fields of every profile the mock serves — a message its v2 ``attachments`` and its v1
``file_ids`` — and :class:`~threadspec.mock.profile.Profile` serves each with the fields its profile
declares. Free-form fields (function ``parameters``, a json_schema ``schema``, metadata) are copied by
reference, never walked: they may nest hundreds of levels deep.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

DEFAULT_MODEL = "gpt-4o"
# the fields an assistant has, and their values unless it was given others (an implicit assistant
# has just these); lists and maps are made fresh where they are used
_ASSISTANT_DEFAULTS: dict[str, Any] = {
    "name": None,
    "description": None,
    "model": DEFAULT_MODEL,
    "instructions": None,
    "tools": (),
    "tool_resources": None,
    "file_ids": (),
    "metadata": None,
    "temperature": 1.0,
    "top_p": 1.0,
    "response_format": "auto",
}
# fields whose null the API answers with an empty object
_EMPTY_WHEN_NULL = frozenset({"tool_resources", "metadata"})
# what a run takes from its assistant unless the request overrides it (a field given and not null)
INHERITED = ("model", "instructions", "tools", "tool_resources", "temperature", "top_p", "response_format")
_RUN_DEFAULTS: dict[str, Any] = {
    "temperature": 1.0,
    "top_p": 1.0,
    "tool_choice": "auto",
    "response_format": "auto",
    "parallel_tool_calls": True,
}


def assistant_object(
    assistant_id: str, created_at: int, request: dict[str, Any], new_id: Callable[[str], str]
) -> dict[str, Any]:
    """A new assistant: what the request set, the defaults for the rest; vector stores to create get ids."""
    body = implicit_assistant(assistant_id, created_at)
    body.update((key, request[key]) for key in _ASSISTANT_DEFAULTS if request.get(key) is not None)
    body["tool_resources"] = thread_tool_resources(request.get("tool_resources"), new_id)
    return body


def _value(key: str, value: Any) -> Any:
    if value is None:
        return {} if key in _EMPTY_WHEN_NULL else None
    return list(value) if isinstance(value, tuple) else value


def implicit_assistant(assistant_id: str, created_at: int) -> dict[str, Any]:
    """The assistant an id nobody created stands for: the defaults, so placeholder ids work."""
    defaults = {key: _value(key, value) for key, value in _ASSISTANT_DEFAULTS.items()}
    return {"id": assistant_id, "object": "assistant", "created_at": created_at, **defaults}


def modified_assistant(assistant: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The assistant with each field the request names replaced (null clears it)."""
    return {**assistant, **{key: _value(key, changes[key]) for key in _ASSISTANT_DEFAULTS if key in changes}}


def thread_object(thread_id: str, created_at: int, tool_resources: Any, metadata: Any) -> dict[str, Any]:
    return {
        "id": thread_id,
        "object": "thread",
        "created_at": created_at,
        "tool_resources": tool_resources if tool_resources is not None else {},
        "metadata": metadata if metadata is not None else {},
    }


def thread_tool_resources(given: Any, new_id: Callable[[str], str]) -> dict[str, Any]:
    """A thread's tool resources from a create request: vector stores to create get ids."""
    if not isinstance(given, dict):
        return {}
    out: dict[str, Any] = {}
    if isinstance(given.get("code_interpreter"), dict):
        out["code_interpreter"] = {"file_ids": list(given["code_interpreter"].get("file_ids", []))}
    search = given.get("file_search")
    if isinstance(search, dict):
        ids = list(search.get("vector_store_ids", []))
        ids += [new_id("vs") for _ in search.get("vector_stores", [])]
        out["file_search"] = {"vector_store_ids": ids}
    return out


def text_content(text: str) -> list[dict[str, Any]]:
    return [{"type": "text", "text": {"value": text, "annotations": []}}]


def request_content(content: Any) -> list[dict[str, Any]]:
    """Stored message content from a create request's string or list of parts."""
    if isinstance(content, str):
        return text_content(content)
    parts = []
    for part in content if isinstance(content, list) else []:
        if part.get("type") == "text":
            parts.extend(text_content(part.get("text", "")))
        else:
            parts.append(part)
    return parts


def message_text(message: dict[str, Any]) -> str:
    """The text parts of a stored message, joined by line breaks."""
    return "\n".join(
        part["text"]["value"] for part in message.get("content", []) if part.get("type") == "text"
    )


def user_message(
    message_id: str, thread_id: str, created_at: int, request: dict[str, Any], run_id: str | None = None
) -> dict[str, Any]:
    return {
        "id": message_id,
        "object": "thread.message",
        "created_at": created_at,
        "thread_id": thread_id,
        "status": "completed",
        "incomplete_details": None,
        "completed_at": created_at,
        "incomplete_at": None,
        "role": request.get("role", "user"),
        "content": request_content(request.get("content", "")),
        "assistant_id": None,
        "run_id": run_id,
        "attachments": request.get("attachments") or [],
        "file_ids": list(request.get("file_ids") or []),
        "metadata": request.get("metadata") or {},
    }


def assistant_message(message_id: str, run: dict[str, Any], created_at: int) -> dict[str, Any]:
    """An assistant message as it starts: in progress and empty."""
    return {
        "id": message_id,
        "object": "thread.message",
        "created_at": created_at,
        "thread_id": run["thread_id"],
        "status": "in_progress",
        "incomplete_details": None,
        "completed_at": None,
        "incomplete_at": None,
        "role": "assistant",
        "content": [],
        "assistant_id": run["assistant_id"],
        "run_id": run["id"],
        "attachments": [],
        "file_ids": [],
        "metadata": {},
    }


def run_settings(request: dict[str, Any], assistant: dict[str, Any]) -> dict[str, Any]:
    """What a run works with: each :data:`INHERITED` field the request gives, else its assistant's.

    ``additional_instructions`` go after the instructions, whichever they are.
    """
    settings = {
        key: request[key] if request.get(key) is not None else assistant.get(key) for key in INHERITED
    }
    parts = [settings["instructions"], request.get("additional_instructions")]
    settings["instructions"] = "\n\n".join(p for p in parts if isinstance(p, str) and p)
    return settings


def run_object(
    run_id: str,
    thread_id: str,
    created_at: int,
    expires_at: int,
    request: dict[str, Any],
    assistant: dict[str, Any],
) -> dict[str, Any]:
    """A new, queued run that echoes what the request set, takes the rest from its assistant and
    fills in the API's defaults."""
    settings = run_settings(request, assistant)
    run: dict[str, Any] = {
        "id": run_id,
        "object": "thread.run",
        "created_at": created_at,
        "thread_id": thread_id,
        "assistant_id": request["assistant_id"],
        "status": "queued",
        "required_action": None,
        "last_error": None,
        "expires_at": expires_at,
        "started_at": None,
        "cancelled_at": None,
        "failed_at": None,
        "completed_at": None,
        "incomplete_details": None,
        "model": settings["model"] or DEFAULT_MODEL,
        "instructions": settings["instructions"],
        "tools": settings["tools"] or [],
        "tool_resources": settings["tool_resources"] or {},
        "file_ids": list(assistant.get("file_ids") or []),  # the assistant's files, as v1 runs had them
        "metadata": request.get("metadata") or {},
        "usage": None,
        "max_prompt_tokens": request.get("max_prompt_tokens"),
        "max_completion_tokens": request.get("max_completion_tokens"),
        "truncation_strategy": request.get("truncation_strategy") or {"type": "auto", "last_messages": None},
    }
    for key, default in _RUN_DEFAULTS.items():
        value = settings[key] if key in settings else request.get(key)
        run[key] = default if value is None else value
    return run


def run_step(step_id: str, run: dict[str, Any], created_at: int, details: dict[str, Any]) -> dict[str, Any]:
    """A step as it starts: in progress, without usage."""
    return {
        "id": step_id,
        "object": "thread.run.step",
        "created_at": created_at,
        "assistant_id": run["assistant_id"],
        "thread_id": run["thread_id"],
        "run_id": run["id"],
        "type": details["type"],
        "status": "in_progress",
        "step_details": details,
        "last_error": None,
        "expired_at": None,
        "cancelled_at": None,
        "failed_at": None,
        "completed_at": None,
        "metadata": {},
        "usage": None,
    }


def usage(prompt: int, completion: int) -> dict[str, int]:
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def assistant_file(file_id: str, assistant_id: str, created_at: int) -> dict[str, Any]:
    return {"id": file_id, "object": "assistant.file", "created_at": created_at, "assistant_id": assistant_id}


def message_file(file_id: str, message_id: str, created_at: int) -> dict[str, Any]:
    return {
        "id": file_id,
        "object": "thread.message.file",
        "created_at": created_at,
        "message_id": message_id,
    }


def deleted(object_id: str, kind: str) -> dict[str, Any]:
    return {"id": object_id, "object": f"{kind}.deleted", "deleted": True}
