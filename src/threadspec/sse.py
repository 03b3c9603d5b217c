"""Server-sent events as the Assistants API streams them: ``event: <name>`` and ``data: <json>``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import msgspec

from threadspec.facts import STREAM_DONE_EVENT

DONE = "[DONE]"


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    event: str
    data: str

    def fields(self) -> dict[str, str]:
        """The event as the spec describes one (``AssistantStreamEvent``): its SSE fields, ``data`` as text."""
        return {"event": self.event, "data": self.data}

    def payload(self) -> Any:
        """The event with its JSON ``data`` decoded: ``{"event": …, "data": {…}}`` (``done`` keeps its text)."""
        if self.event == STREAM_DONE_EVENT:
            return {"event": self.event, "data": self.data}
        return {"event": self.event, "data": msgspec.json.decode(self.data)}


def encode(event: str, data: Any) -> bytes:
    """One SSE frame; ``data`` is JSON-encoded unless it is already text."""
    text = data if isinstance(data, str) else msgspec.json.encode(data).decode()
    return f"event: {event}\ndata: {text}\n\n".encode()


def parse(lines: Iterable[str]) -> Iterator[ServerSentEvent]:
    """Parse SSE lines (without their line breaks) into events; comments and retries are skipped."""
    event, data = "message", list[str]()
    for line in lines:
        if not line:
            if data:
                yield ServerSentEvent(event, "\n".join(data))
            event, data = "message", list[str]()
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            event = value
        elif field == "data":
            data.append(value)
    if data:
        yield ServerSentEvent(event, "\n".join(data))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def parse_text(text: str | bytes) -> list[ServerSentEvent]:
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    # SSE ends lines with CR, LF or CRLF only; str.splitlines() would also break inside the data at
    # U+0085, U+2028 and other characters JSON leaves unescaped
    return list(parse(_LINE_BREAK.split(text)))
