"""The mock's error answers, worded like the API's, in the envelope of :func:`messages.error_body`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from threadspec import messages
from threadspec.facts import SERVER_ERROR as SERVER_ERROR

_NOUNS = {
    "assistant": "assistant",
    "thread": "thread",
    "message": "message",
    "run": "run",
    "step": "run step",
    "file": "file",
}


class ApiError(Exception):
    """An answer other than 200: its HTTP status and error envelope."""

    def __init__(self, status: int, message: str, param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = messages.error_body(message, param, code)


def not_found(kind: str, object_id: str) -> ApiError:
    return ApiError(
        404, f"No {_NOUNS.get(kind, kind)} found with id '{messages.preview(object_id).strip(chr(34))}'."
    )


def active_run(thread_id: str, run_id: str) -> ApiError:
    return ApiError(400, f"Thread {thread_id} already has an active run {run_id}.")


def message_during_run(thread_id: str, run_id: str) -> ApiError:
    return ApiError(400, f"Can't add messages to {thread_id} while a run {run_id} is active.")


def too_many_files(assistant_id: str, limit: int) -> ApiError:
    return ApiError(
        400, f"Assistant {assistant_id} already has {limit} files, the most an assistant can have.", "file_id"
    )


def cannot_cancel(status: str) -> ApiError:
    return ApiError(400, f"Cannot cancel run with status '{status}'.")


def no_tool_outputs_expected(status: str) -> ApiError:
    return ApiError(400, f'Runs in status "{status}" do not accept tool outputs.')


def tool_outputs_mismatch(expected: Sequence[str], got: Sequence[str | None]) -> ApiError:
    shown = [g if g is not None else "None" for g in got]
    return ApiError(
        400,
        f"Expected tool outputs for call_ids {list(expected)!r}, got {shown!r}.",
        "tool_outputs",
        "invalid_value",
    )


def missing_tool_call_id(index: int) -> ApiError:
    param = f"tool_outputs[{index}].tool_call_id"
    message, code = messages.missing_parameter(param)
    return ApiError(400, message, param, code)
