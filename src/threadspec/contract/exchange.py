"""One request and what came back, recorded without the API key so it can be shown anywhere."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

SHOWN_BODY = 4096  # characters of a body a report holds; longer ones are cut and their size noted


def capped(text: str | None, limit: int = SHOWN_BODY) -> dict[str, Any]:
    """A body for a report: whole when short, else its first ``limit`` characters and its full size."""
    if text is None or len(text) <= limit:
        return {"body": text}
    return {"body": text[:limit] + "…", "body_characters": len(text), "truncated": True}


@dataclass(frozen=True, slots=True)
class SentRequest:
    """What was sent; ``headers`` never holds ``Authorization`` (curl rendering adds it back as a variable)."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "url": self.url,
            "headers": dict(self.headers),
            **capped(self.text),
        }

    @property
    def text(self) -> str | None:
        return None if self.body is None else self.body.decode("utf-8", "replace")


@dataclass(frozen=True, slots=True)
class Received:
    status: int
    content_type: str
    text: str
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def media_type(self) -> str:
        return self.content_type.split(";")[0].strip().lower()

    @property
    def is_stream(self) -> bool:
        return self.media_type == "text/event-stream"

    def json(self) -> Any:
        """The decoded JSON body, or ``None`` when there is none or it is not JSON."""
        try:
            return json.loads(self.text)
        except ValueError:
            return None

    def header(self, name: str) -> str | None:
        """A recorded response header (the client keeps ``Date``, ``Location`` and ``Retry-After``)."""
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def shown(self) -> str:
        """The body, cut to a length a report can hold."""
        text = self.text
        return text if len(text) <= SHOWN_BODY else text[:SHOWN_BODY] + f"… ({len(text)} characters)"

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "content_type": self.content_type, **capped(self.text)}


@dataclass(frozen=True, slots=True)
class Exchange:
    """A request to one operation and its response, or the transport error that stood in for one."""

    operation_id: str
    request: SentRequest
    response: Received | None = None
    error: str | None = None
    attempts: int = 1
    path: tuple[tuple[str, str], ...] = ()  # the path parameters, in the order of the path

    @property
    def size(self) -> int:
        """How big the request is: the smallest one showing a problem is its reproduction."""
        return len(self.request.body or b"") + len(self.request.url)

    @property
    def status(self) -> int | None:
        return None if self.response is None else self.response.status

    def json(self) -> Any:
        return None if self.response is None else self.response.json()

    def to_dict(self) -> dict[str, Any]:
        return {
            "operation": self.operation_id,
            "request": self.request.to_dict(),
            "response": None if self.response is None else self.response.to_dict(),
            "error": self.error,
        }
