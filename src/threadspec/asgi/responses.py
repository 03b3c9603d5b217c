"""Holding the app's responses to the contract on their way out (``validate_responses=True``).

JSON responses are buffered and checked whole (:func:`body_violations`); event streams are checked
frame by frame as they pass (:class:`EventFrames`, which the proxy uses too). A response that breaks the contract is logged (logger ``threadspec.asgi``) and replaced by a
500 envelope (streams end with an ``error`` event instead), or raises :class:`ResponseContractError`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any, Literal

import msgspec

from threadspec import messages
from threadspec._contract import Contract
from threadspec._counting import counted
from threadspec.asgi.refusal import send_json
from threadspec.asgi.types import Message, Send
from threadspec.asgi.wording import invalid_response
from threadspec.errors import InvalidPayloadError
from threadspec.facts import EVENT_STREAM, STREAM_DONE_EVENT
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

    def __init__(
        self, operation_id: str, send: Send, mode: OnInvalid, contract: Contract | None = None
    ) -> None:
        self.operation_id = operation_id
        self.contract = contract
        self._send = send
        self.mode = mode
        self.start: Message | None = None
        self.stream = False
        self.closed = False
        self.buffer = b""
        self.content_type = ""
        self.frames: EventFrames | None = None

    async def send(self, message: Message) -> None:
        if self.closed:
            return
        if message["type"] == "http.response.start":
            self.start = message
            headers = {
                k.decode("latin-1").lower(): v.decode("latin-1") for k, v in message.get("headers", [])
            }
            self.content_type = headers.get("content-type", "")
            self.stream = self.content_type.split(";")[0].strip().lower() == EVENT_STREAM
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

    def _complain(self, errors: list[Violation]) -> str:
        first = errors[0]
        logger.error(
            "%s answered %s breaking the contract at '%s': %s (%s)",
            self.operation_id, self.status, first.pointer, first.message, counted(len(errors), "violation"),
        )  # fmt: skip
        if self.mode == "raise":
            raise ResponseContractError(self.operation_id, self.status, errors)
        return invalid_response(self.operation_id, self.status, first)

    async def _whole(self) -> None:
        errors = body_violations(
            self.operation_id, self.status, self.buffer, self.content_type, contract=self.contract
        )
        if errors:
            message = self._complain(errors)
            await send_json(self._send, 500, messages.error_body(message, None, None, "server_error"))
            return
        assert self.start is not None
        await self._send(self.start)
        await self._send({"type": "http.response.body", "body": self.buffer, "more_body": False})

    async def _frames(self, more: bool) -> None:
        if self.frames is None:
            self.frames = EventFrames(self.operation_id, self.status, self.contract)
        passed: list[bytes] = []
        for frame in self.frames.feed(self.buffer, more):
            if frame.errors:
                message = self._complain(frame.errors)
                error = messages.error_body(message, None, None, "server_error")["error"]
                tail = b"".join(passed) + encode("error", error) + encode(STREAM_DONE_EVENT, DONE)
                await self._send({"type": "http.response.body", "body": tail, "more_body": False})
                self.closed = True
                return
            passed.append(frame.raw + b"\n\n")
        self.buffer = b""
        await self._send({"type": "http.response.body", "body": b"".join(passed), "more_body": more})


def body_violations(
    operation_id: str, status: int, body: bytes, content_type: str, *, contract: Contract | None = None
) -> list[Violation]:
    """Every way a whole (non-stream) response body breaks the contract for ``operation_id`` and ``status``."""
    content_type = content_type or "application/json"
    try:
        # decoded without the request depth limit: a list of deeply nested runs is deeper than its runs
        value: Any = msgspec.json.decode(body)
    except (msgspec.DecodeError, RecursionError):
        return list(iter_response_errors(operation_id, status, body, content_type, contract=contract))
    return list(iter_response_errors(operation_id, status, value, content_type, contract=contract))


@dataclass(frozen=True, slots=True)
class Frame:
    """One frame of an event stream (without its blank line), its events' names and its violations."""

    raw: bytes
    events: tuple[str, ...]
    errors: list[Violation]


class EventFrames:
    """An event stream cut into frames as its chunks arrive, each frame checked against the contract.

    Violations point at the event's place in the whole stream (``/3/data/status``, param
    ``[3].data.status``), counting from the stream's first event.
    """

    def __init__(self, operation_id: str, status: int, contract: Contract | None = None) -> None:
        self.operation_id = operation_id
        self.status = status
        self.contract = contract
        self.pending = b""
        self.seen = 0  # events so far

    def feed(self, chunk: bytes, more: bool) -> list[Frame]:
        """The frames ``chunk`` completes; with ``more`` false, whatever is left is the last frame."""
        text = (self.pending + chunk).replace(b"\r\n", b"\n")
        *frames, rest = text.split(b"\n\n")
        self.pending = rest if more else b""
        if not more and rest.strip():
            frames.append(rest)
        return [self._check(frame) for frame in frames]

    def _check(self, frame: bytes) -> Frame:
        try:
            events = list(parse(frame.decode("utf-8").split("\n")))
        except (ValueError, UnicodeDecodeError):
            errors = list(
                iter_response_errors(
                    self.operation_id, self.status, frame, EVENT_STREAM, contract=self.contract
                )
            )
            return Frame(frame, (), errors)
        # each event as the spec describes one, its `data` as text: the response validation decodes it
        # and checks it against the component the operation index names for that event
        errors = [
            self._placed(error, self.seen + index)
            for index, event in enumerate(events)
            for error in iter_response_errors(
                self.operation_id, self.status, [event.fields()], EVENT_STREAM, contract=self.contract
            )
        ]
        self.seen += len(events)
        return Frame(frame, tuple(e.event for e in events), errors)

    @staticmethod
    def _placed(error: Violation, index: int) -> Violation:
        # checked one event at a time, each as event 0 of a stream of one: put it back in its place
        param = error.param
        return replace(
            error,
            pointer=f"/{index}{error.pointer.removeprefix('/0')}",
            param=None if param is None else f"[{index}]{param.removeprefix('[0]')}",
        )
