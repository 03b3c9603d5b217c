"""Checking an upstream response while it passes through, without holding it back.

Every chunk goes on to the client as it arrives. Alongside, an event stream is cut into frames and
each is checked as soon as it is complete (:class:`threadspec.asgi.responses.EventFrames`, as the
middleware does), its events must come in a legal order (:class:`threadspec.stream_order.StreamOrder`,
the contract runner's state machine, with the run ends of the request's profile), and the stream must
end with the ``done`` event; a JSON body is kept, up to a limit, and checked whole once it has passed
(:func:`threadspec.asgi.responses.body_violations`). A body past the limit is not kept (the proxy's
memory stays bounded) and is counted unchecked.
"""

from __future__ import annotations

import json
from typing import Any

import anyio.to_thread

from threadspec._contract import Contract
from threadspec.asgi.responses import EventFrames, body_violations
from threadspec.facts import STREAM_DONE_EVENT
from threadspec.proxy.wording import order_violation, unfinished_violation
from threadspec.result import Violation
from threadspec.sse import parse
from threadspec.stream_order import StreamOrder

_STREAM = "text/event-stream"
# what was found, and in which stream event (None for a JSON body or a frame without events)
Found = list[tuple[str | None, list[Violation]]]


def _data(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


class ResponseCheck:
    """The checks on one upstream response, by the request's contract; ``operation_id`` None (an
    unknown route) checks nothing."""

    def __init__(
        self, operation_id: str | None, status: int, content_type: str, limit: int, contract: Contract
    ) -> None:
        self.operation_id = operation_id
        self.status = status
        self.content_type = content_type
        self.limit = limit
        self.contract = contract
        streams = content_type.split(";")[0].strip().lower() == _STREAM
        self.frames = EventFrames(operation_id, status, contract) if operation_id and streams else None
        # the order of a successful stream; after its first illegal step every later one looks illegal too
        ordered = self.frames is not None and 200 <= status < 300 and operation_id is not None
        self.order: StreamOrder | None = (
            StreamOrder.of(contract.operation(operation_id), contract) if ordered and operation_id else None
        )
        self.events = 0
        self.kept: list[bytes] | None = [] if operation_id and not streams else None
        self.size = 0
        self.unchecked = False
        self.last_event: str | None = None

    def feed(self, chunk: bytes, more: bool = True) -> Found:
        """Take the next chunk; what the stream frames it completes break."""
        if self.frames is not None:
            found: Found = []
            for frame in self.frames.feed(chunk, more):
                self.last_event = frame.events[-1] if frame.events else self.last_event
                if frame.errors:
                    found.append((frame.events[0] if frame.events else None, frame.errors))
                found += self._ordered(frame.raw)
            return found
        if self.kept is not None:
            self.size += len(chunk)
            if self.size > self.limit:
                self.kept, self.unchecked = None, True
            else:
                self.kept.append(chunk)
        return []

    def _ordered(self, raw: bytes) -> Found:
        """The first event of a frame that breaks the stream's order, if any (then no more are judged)."""
        if self.order is None:
            return []
        try:
            events = list(parse(raw.decode("utf-8").split("\n")))
        except (ValueError, UnicodeDecodeError):  # the frame's own check has reported it
            return []
        for event in events:
            error = self.order.feed(self.events, event.event, _data(event.data))
            self.events += 1
            if error is not None:
                self.order = None
                return [(event.event, [order_violation(error)])]
        return []

    async def finish(self) -> Found:
        """The response has ended: the checks that need all of it."""
        if self.frames is not None:
            found = self.feed(b"", more=False)
            if self.last_event != STREAM_DONE_EVENT:
                found.append((None, [unfinished_violation(self.last_event)]))
            return found
        if self.kept is None or self.operation_id is None:
            return []
        # a worker thread: decoding and checking megabytes would hold up every other exchange
        body, operation_id = b"".join(self.kept), self.operation_id
        errors = await anyio.to_thread.run_sync(
            lambda: body_violations(
                operation_id, self.status, body, self.content_type, contract=self.contract
            )
        )
        return [(None, errors)] if errors else []
