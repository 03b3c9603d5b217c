"""Checking an upstream response while it passes through, without holding it back.

Every chunk goes on to the client as it arrives. Alongside, an event stream is cut into frames and
each is checked as soon as it is complete (:class:`threadspec.asgi.responses.EventFrames`, as the
middleware does), and the stream must end with the ``done`` event; a JSON body is kept, up to a
limit, and checked whole once it has passed (:func:`threadspec.asgi.responses.body_violations`).
A body past the limit is not kept (the proxy's memory stays bounded) and is counted unchecked.
"""

from __future__ import annotations

import anyio.to_thread

from threadspec.asgi.responses import EventFrames, body_violations
from threadspec.facts import STREAM_DONE_EVENT
from threadspec.proxy.wording import unfinished_violation
from threadspec.result import Violation

_STREAM = "text/event-stream"
# what was found, and in which stream event (None for a JSON body or a frame without events)
Found = list[tuple[str | None, list[Violation]]]


class ResponseCheck:
    """The checks on one upstream response; ``operation_id`` None (an unknown route) checks nothing."""

    def __init__(self, operation_id: str | None, status: int, content_type: str, limit: int) -> None:
        self.operation_id = operation_id
        self.status = status
        self.content_type = content_type
        self.limit = limit
        streams = content_type.split(";")[0].strip().lower() == _STREAM
        self.frames = EventFrames(operation_id, status) if operation_id and streams else None
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
            return found
        if self.kept is not None:
            self.size += len(chunk)
            if self.size > self.limit:
                self.kept, self.unchecked = None, True
            else:
                self.kept.append(chunk)
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
        errors = await anyio.to_thread.run_sync(
            body_violations, self.operation_id, self.status, b"".join(self.kept), self.content_type
        )
        return [(None, errors)] if errors else []
