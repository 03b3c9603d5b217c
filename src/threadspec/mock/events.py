"""What a handler answers: one JSON object, or a stream of server-sent events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from threadspec.facts import STREAM_DONE_EVENT
from threadspec.mock.records import to_json
from threadspec.sse import DONE, encode


@dataclass(frozen=True, slots=True)
class JsonReply:
    """A 200 answer, already encoded: a snapshot that later changes to the object cannot touch."""

    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, value: Any, *headers: tuple[str, str]) -> JsonReply:
        return cls(to_json(value), headers)


@dataclass(slots=True)
class Events:
    """The events a run emits while it moves, each encoded the moment it happens.

    ``kept=False`` for a request that does not stream: nothing is encoded, nothing is kept.
    ``shape`` gives each event's data the shape of the request's profile.
    """

    frames: list[bytes] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    kept: bool = True
    shape: Callable[[Any], Any] = field(default=lambda value: value, repr=False)

    def emit(self, name: str, data: Any) -> None:
        if not self.kept:
            return
        self.names.append(name)
        self.frames.append(encode(name, to_json(self.shape(data)).decode()))

    def done(self) -> Events:
        self.names.append(STREAM_DONE_EVENT)
        self.frames.append(encode(STREAM_DONE_EVENT, DONE))
        return self


Reply = JsonReply | Events
