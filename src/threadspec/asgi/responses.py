"""Holding the app's responses to the contract on their way out (``validate_responses=True``).

JSON responses are buffered and checked whole; event streams are checked frame by frame as they
pass. A response that breaks the contract is logged (logger ``threadspec.asgi``) and replaced by a
500 envelope (streams end with an ``error`` event instead), or raises :class:`ResponseContractError`.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

import msgspec

from threadspec import messages
from threadspec.asgi.refusal import send_json
from threadspec.asgi.types import Message, Send
from threadspec.asgi.wording import invalid_response
from threadspec.errors import InvalidPayloadError
from threadspec.result import Violation
from threadspec.sse import DONE, encode, parse
from threadspec.validate import iter_response_errors

# the package's name, not this module's: it is the logger the docs tell users to configure
logger = logging.getLogger("threadspec.asgi")
OnInvalid = Literal["replace", "raise"]


class ResponseContractError(InvalidPayloadError):
    """A response of the wrapped app broke the contract (raised with ``on_invalid_response="raise"``)."""

    def __init__(self, operation_id: str, status: int, errors: list[Violation]) -> None:
        self.operation_id = operation_id
        self.status = status
        super().__init__(errors)

    def __str__(self) -> str:
        first = self.errors[0]
        return f"{self.operation_id} answered {self.status} breaking the contract at '{first.pointer}': {first.message}"


class ResponseChecker:
    """A ``send`` that holds the app's responses to the contract on their way out."""

    def __init__(self, operation_id: str, send: Send, mode: OnInvalid) -> None:
        self.operation_id = operation_id
        self._send = send
        self.mode = mode
        self.start: Message | None = None
        self.stream = False
        self.closed = False
        self.buffer = b""
        self.content_type = ""

    async def send(self, message: Message) -> None:
        if self.closed:
            return
        if message["type"] == "http.response.start":
            self.start = message
            headers = {
                k.decode("latin-1").lower(): v.decode("latin-1") for k, v in message.get("headers", [])
            }
            self.content_type = headers.get("content-type", "")
            self.stream = self.content_type.split(";")[0].strip().lower() == "text/event-stream"
            if self.stream:
                await self._send(message)
            return
        if message["type"] != "http.response.body":
            await self._send(message)
            return
        self.buffer += message.get("body", b"")
        more = bool(message.get("more_body", False))
        if self.stream:
            await self._frames(more)
        elif not more:
            await self._whole()

    @property
    def status(self) -> int:
        return int(self.start["status"]) if self.start is not None else 500

    def _violations(self, body: Any, content_type: str) -> list[Violation]:
        return list(iter_response_errors(self.operation_id, self.status, body, content_type))

    def _complain(self, errors: list[Violation]) -> str:
        first = errors[0]
        logger.error(
            "%s answered %s breaking the contract at '%s': %s (%d violations)",
            self.operation_id, self.status, first.pointer, first.message, len(errors),
        )  # fmt: skip
        if self.mode == "raise":
            raise ResponseContractError(self.operation_id, self.status, errors)
        return invalid_response(self.operation_id, self.status, first)

    async def _whole(self) -> None:
        try:
            # decoded without the request depth limit: a list of deeply nested runs is deeper than its runs
            value: Any = msgspec.json.decode(self.buffer)
            errors = self._violations(value, self.content_type or "application/json")
        except (msgspec.DecodeError, RecursionError):
            errors = self._violations(self.buffer, self.content_type or "application/json")
        if errors:
            message = self._complain(errors)
            await send_json(self._send, 500, messages.error_body(message, None, None, "server_error"))
            return
        assert self.start is not None
        await self._send(self.start)
        await self._send({"type": "http.response.body", "body": self.buffer, "more_body": False})

    async def _frames(self, more: bool) -> None:
        text = self.buffer.replace(b"\r\n", b"\n")
        *frames, rest = text.split(b"\n\n")
        self.buffer = rest if more else b""
        passed: list[bytes] = []
        for frame in [*frames, rest] if not more and rest.strip() else frames:
            try:
                events = [e.fields() for e in parse(frame.decode("utf-8").split("\n"))]
                errors = [v for e in events for v in self._violations([e], "text/event-stream")]
            except (ValueError, UnicodeDecodeError):
                errors = self._violations(frame, "text/event-stream")
            if errors:
                message = self._complain(errors)
                error = messages.error_body(message, None, None, "server_error")["error"]
                tail = b"".join(passed) + encode("error", error) + encode("done", DONE)
                await self._send({"type": "http.response.body", "body": tail, "more_body": False})
                self.closed = True
                return
            passed.append(frame + b"\n\n")
        await self._send({"type": "http.response.body", "body": b"".join(passed), "more_body": more})
