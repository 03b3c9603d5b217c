"""Broken copies of the mock: each wraps a correct mock in an ASGI layer that adds exactly one defect.

A wrapper sees the whole request and the whole response, so a defect is a small function of them:
change the request before the mock judges it (the mock then accepts what it should refuse), or change
the response after (the mock's answer then breaks the contract).
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

from tests.limits import metadata_keys

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(slots=True)
class Seen:
    """A request as the wrapper got it, and the response it is about to send."""

    method: str
    path: str
    query: list[tuple[str, str]]
    body: bytes
    headers: dict[str, str]
    status: int = 0
    content_type: str = ""
    response: bytes = b""
    extra_headers: list[tuple[str, str]] = field(default_factory=list)

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def response_json(self) -> Any:
        try:
            return json.loads(self.response)
        except ValueError:
            return None


Hook = Callable[[Seen], None]


class Broken:
    """An ASGI app: ``before`` may edit the request, ``after`` the response, of every HTTP call."""

    def __init__(self, app: App, *, before: Hook | None = None, after: Hook | None = None) -> None:
        self.app = app
        self.before = before
        self.after = after
        self.seen: list[Seen] = []
        self.state = getattr(app, "state", None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        query = parse_qsl(scope.get("query_string", b"").decode(), keep_blank_values=True)
        seen = Seen(scope["method"], scope["path"], query, body, headers)
        self.seen.append(seen)
        if self.before is not None:
            self.before(seen)
        scope = dict(scope, query_string=urlencode(seen.query).encode())
        if seen.path != scope["path"]:
            scope["path"], scope["raw_path"] = seen.path, seen.path.encode()
        scope["headers"] = [(k, v) for k, v in scope["headers"] if k.lower() != b"content-length"]
        scope["headers"].append((b"content-length", str(len(seen.body)).encode()))
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": seen.body, "more_body": False}

        chunks: list[bytes] = []
        start: Message = {}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, replay, capture)
        seen.status = start["status"]
        headers = start.get("headers", [])
        seen.content_type = {k.lower(): v for k, v in headers}.get(b"content-type", b"").decode()
        response_headers = [
            (k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")
        ]
        seen.response = b"".join(chunks)
        if self.after is not None:
            self.after(seen)
        if seen.content_type:
            response_headers.append((b"content-type", seen.content_type.encode()))
        response_headers.append((b"content-length", str(len(seen.response)).encode()))
        response_headers += [(k.encode(), v.encode()) for k, v in seen.extra_headers]
        await send({"type": "http.response.start", "status": seen.status, "headers": response_headers})
        await send({"type": "http.response.body", "body": seen.response, "more_body": False})


# ------------------------------------------------------------------------------- one defect each
def _edit_body(seen: Seen, edit: Callable[[dict[str, Any]], None]) -> None:
    body = seen.json()
    if isinstance(body, dict):
        edit(body)
        seen.body = json.dumps(body).encode()


def accepts_too_many_metadata_keys(seen: Seen) -> None:
    """Before: quietly keeps as many metadata keys as the limit allows, so one too many is accepted."""

    def trim(body: dict[str, Any]) -> None:
        metadata, keys = body.get("metadata"), metadata_keys()
        if isinstance(metadata, dict) and len(metadata) > keys:
            body["metadata"] = dict(list(metadata.items())[:keys])

    _edit_body(seen, trim)


def accepts_temperature_3(seen: Seen) -> None:
    """Before: clamps a temperature above 2 instead of refusing it."""

    def clamp(body: dict[str, Any]) -> None:
        temperature = body.get("temperature")
        if isinstance(temperature, int | float) and not isinstance(temperature, bool) and temperature > 2:
            body["temperature"] = 2

    _edit_body(seen, clamp)


def run_without_status(seen: Seen) -> None:
    """After: a run object (as JSON, not in streams) comes back without its ``status``."""
    body = seen.response_json()
    if isinstance(body, dict) and body.get("object") == "thread.run":
        body.pop("status", None)
        seen.response = json.dumps(body).encode()


def error_500_on_bad_body(seen: Seen) -> None:
    """After: a refused request gets a 500 instead of its 400."""
    if seen.status == 400:
        seen.status = 500
        error = {"message": "The server had an error.", "type": "server_error", "param": None, "code": None}
        seen.response = json.dumps({"error": error}).encode()


def loses_a_message(seen: Seen) -> None:
    """After: a list of three or more messages leaves out its last one."""
    body = seen.response_json()
    if seen.method == "GET" and seen.path.endswith("/messages") and isinstance(body, dict):
        data = body.get("data", [])
        if len(data) >= 3:
            body["data"] = data[:-1]
            body["last_id"] = data[-2]["id"]
            seen.response = json.dumps(body).encode()


def ignores_after_cursor(seen: Seen) -> None:
    """Before: ``after`` is dropped, so every later page starts from the beginning again."""
    seen.query = [(k, v) for k, v in seen.query if k != "after"]


def stream_out_of_order(seen: Seen) -> None:
    """After: in a stream, ``thread.run.queued`` comes before ``thread.run.created``."""
    if not seen.content_type.startswith("text/event-stream"):
        return
    frames = seen.response.split(b"\n\n")
    names = [frame.split(b"\n", 1)[0] for frame in frames]
    created, queued = b"event: thread.run.created", b"event: thread.run.queued"
    if created in names and queued in names:
        i, j = names.index(created), names.index(queued)
        frames[i], frames[j] = frames[j], frames[i]
        seen.response = b"\n\n".join(frames)


def flat_error_envelope(seen: Seen) -> None:
    """After: errors come as ``{"message", "type", "param", "code"}`` without the ``error`` envelope."""
    body = seen.response_json()
    if seen.status >= 400 and isinstance(body, dict) and isinstance(body.get("error"), dict):
        seen.response = json.dumps(body["error"]).encode()


def echoes_the_key(seen: Seen) -> None:
    """After: error messages quote the Authorization header (some servers do)."""
    body = seen.response_json()
    if seen.status >= 400 and isinstance(body, dict) and isinstance(body.get("error"), dict):
        body["error"]["message"] += f" (you sent {seen.headers.get('authorization')})"
        seen.response = json.dumps(body).encode()


# ------------------------------------------------------------------------------- response rewriting
def _objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def edit_responses(seen: Seen, edit: Callable[[dict[str, Any]], None]) -> None:
    """Apply ``edit`` to every JSON object of a 2xx response: the body, or each stream event's data."""
    if not 200 <= seen.status < 300:
        return
    if seen.content_type.startswith("text/event-stream"):
        frames = []
        for frame in seen.response.decode().split("\n\n"):
            lines = frame.split("\n")
            for i, line in enumerate(lines):
                if line.startswith("data: {"):
                    data = json.loads(line.removeprefix("data: "))
                    for obj in _objects(data):
                        edit(obj)
                    lines[i] = "data: " + json.dumps(data)
            frames.append("\n".join(lines))
        seen.response = "\n\n".join(frames).encode()
        return
    body = seen.response_json()
    if isinstance(body, dict):
        for obj in _objects(body):
            edit(obj)
        seen.response = json.dumps(body).encode()


_KINDS = ("thread", "thread.message", "thread.run", "thread.run.step")
_MOCK_ID = re.compile(r'"(thread|msg|run|step|asst)_([A-Za-z0-9]{24})"')
# the path segment after each collection names an object of that kind
_SEGMENT_PREFIX = {
    "threads": "thread",
    "messages": "msg",
    "runs": "run",
    "steps": "step",
    "assistants": "asst",
}


def unprefixed_ids(seen: Seen) -> None:
    """After: ids come without their kind's prefix (``thread_abc…`` → ``abc…``)."""
    if 200 <= seen.status < 300:
        seen.response = _MOCK_ID.sub(r'"\2"', seen.response.decode()).encode()


def prefixes_restored(seen: Seen) -> None:
    """Before: the unprefixed ids a client sends back are prefixed again, so the mock finds its objects."""
    parts = seen.path.split("/")
    for i in range(1, len(parts)):
        prefix = _SEGMENT_PREFIX.get(parts[i - 1])
        if prefix and re.fullmatch(r"[A-Za-z0-9]{24}", parts[i]):
            parts[i] = f"{prefix}_{parts[i]}"
    seen.path = "/".join(parts)
    cursor = "msg" if seen.path.endswith("/messages") else "step" if seen.path.endswith("/steps") else "run"
    seen.query = [
        (k, f"{cursor}_{v}" if k in ("after", "before") and re.fullmatch(r"[A-Za-z0-9]{24}", v) else v)
        for k, v in seen.query
    ]


def millisecond_timestamps(seen: Seen) -> None:
    """After: every timestamp is in milliseconds."""

    def scale(obj: dict[str, Any]) -> None:
        for key, value in obj.items():
            if key.endswith("_at") and isinstance(value, int) and not isinstance(value, bool):
                obj[key] = value * 1000

    edit_responses(seen, scale)


def float_timestamps(seen: Seen) -> None:
    """After: ``created_at`` has a fraction of a second."""

    def fraction(obj: dict[str, Any]) -> None:
        if isinstance(obj.get("created_at"), int):
            obj["created_at"] += 0.25

    edit_responses(seen, fraction)


def extra_fields(seen: Seen) -> None:
    """After: every thread, message, run and step carries a field the spec does not define."""

    def add(obj: dict[str, Any]) -> None:
        if obj.get("object") in _KINDS:
            obj["x_served_by"] = "proxy-7"

    edit_responses(seen, add)


def renamed_metadata(seen: Seen) -> None:
    """After: ``metadata`` comes back as ``meta``."""

    def rename(obj: dict[str, Any]) -> None:
        if obj.get("object") in _KINDS and "metadata" in obj:
            obj["meta"] = obj.pop("metadata")

    edit_responses(seen, rename)


def messages_without_files(seen: Seen) -> None:
    """After (v1): messages come without the ``file_ids`` v1 requires of them, as a v2 server serves them."""

    def drop(obj: dict[str, Any]) -> None:
        if obj.get("object") == "thread.message":
            obj.pop("file_ids", None)

    edit_responses(seen, drop)


def ignores_message_files(seen: Seen) -> None:
    """Before (v1): the files a new message names are dropped, so it is created without any."""
    if seen.method == "POST" and seen.path.endswith("/messages"):
        _edit_body(seen, lambda body: body.pop("file_ids", None))


def malformed_list_items(seen: Seen) -> None:
    """After: the items of a message list lack ``role`` and ``content`` (single messages are fine)."""
    body = seen.response_json()
    if seen.method == "GET" and seen.path.endswith("/messages") and isinstance(body, dict):
        for item in body.get("data", []):
            item.pop("role", None)
            item.pop("content", None)
        seen.response = json.dumps(body).encode()


def status_422_for_400(seen: Seen) -> None:
    """After: a refused request gets 422 instead of 400 (the body is the API's envelope still)."""
    if seen.status == 400:
        seen.status = 422


def _answer(seen: Seen, status: int, body: bytes, content_type: str = "application/json") -> None:
    seen.status, seen.response, seen.content_type = status, body, content_type


def no_cancel_route(seen: Seen) -> None:
    """After: ``POST …/cancel`` is not routed (a framework's 404, not the API's envelope)."""
    if seen.path.endswith("/cancel"):
        _answer(seen, 404, b'{"detail":"Not Found"}')


def every_route_404(seen: Seen) -> None:
    """After: nothing is routed (the API is mounted elsewhere)."""
    _answer(seen, 404, b"Not Found", "text/plain")


def every_request_401(seen: Seen) -> None:
    """After: every request is refused as unauthenticated."""
    error = {
        "message": "Invalid authentication",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }
    _answer(seen, 401, json.dumps({"error": error}).encode())


def no_done_event(seen: Seen) -> None:
    """After: streams end without the ``done`` event."""
    if seen.content_type.startswith("text/event-stream"):
        frames = [f for f in seen.response.split(b"\n\n") if f and not f.startswith(b"event: done")]
        seen.response = b"\n\n".join(frames) + b"\n\n"


def stream_as_text(seen: Seen) -> None:
    """After: streams are sent as ``text/plain``."""
    if seen.content_type.startswith("text/event-stream"):
        _answer(seen, seen.status, seen.response, "text/plain; charset=utf-8")


def over_strict(seen: Seen) -> None:
    """Before: metadata with exactly as many keys as the limit, and ``temperature: 2``, are refused (both are
    within the limits)."""
    body = seen.json()
    if not isinstance(body, dict):
        return
    metadata = [o.get("metadata") for o in _objects(body)]
    if (
        any(isinstance(m, dict) and len(m) == metadata_keys() for m in metadata)
        or body.get("temperature") == 2
    ):
        seen.body = b"{"  # the mock refuses it (malformed JSON) with a 400 in its envelope


def only_under_v1(seen: Seen) -> None:
    """After: only paths under ``/v1`` are routed (as most servers mount the API)."""
    if not seen.path.startswith("/v1/"):
        _answer(seen, 404, b"Not Found", "text/plain")


def accepts_anything(seen: Seen) -> None:
    """Before: every body is swapped for a small valid one and queries are dropped, so nothing is refused
    for what it holds (only ids that do not exist are): a server that validates nothing."""
    if seen.method == "GET":
        seen.query = []
    body = seen.json()
    if seen.method != "POST" or seen.path.endswith(("/cancel", "/submit_tool_outputs")):
        return
    sent = body if isinstance(body, dict) else {}
    assistant = sent.get("assistant_id")
    replacement: dict[str, Any] = {}
    if seen.path.endswith(("/threads/runs", "/runs")):
        replacement = {"assistant_id": assistant if isinstance(assistant, str) and assistant else "asst_any"}
    elif seen.path.endswith("/messages"):
        replacement = {"role": "user", "content": "Hello."}
    elif seen.path.endswith("/assistants"):
        replacement = {"model": "gpt-4o"}
    if sent.get("stream") is True:
        replacement["stream"] = True
    seen.body = json.dumps(replacement).encode()


def null_body_as_empty(seen: Seen) -> None:
    """Before: a JSON ``null`` body is taken for no body (so ``{}``), as some frameworks do."""
    if seen.body.strip() == b"null":
        seen.body = b"{}"


def runs_never_settle(seen: Seen) -> None:
    """After: every run stays ``queued`` (a server without a model to run)."""

    def queued(obj: dict[str, Any]) -> None:
        if obj.get("object") == "thread.run":
            obj.update(status="queued", started_at=None, completed_at=None, required_action=None)

    if not seen.content_type.startswith("text/event-stream"):
        edit_responses(seen, queued)


def runs_ignore_their_assistant(seen: Seen) -> None:
    """After: a new run has instructions of its own, whatever its assistant's are."""
    body = seen.response_json()
    if (
        seen.method == "POST"
        and seen.path.endswith("/runs")
        and isinstance(body, dict)
        and seen.status == 200
    ):
        seen.response = json.dumps({**body, "instructions": "You are a helpful assistant."}).encode()


def deleted_assistants_linger(seen: Seen) -> None:
    """After: an assistant that was deleted can still be retrieved."""
    if seen.method == "GET" and seen.path.startswith("/v1/assistants/") and seen.status == 404:
        ident = seen.path.rsplit("/", 1)[1]
        seen.status, seen.content_type = 200, "application/json"
        seen.response = json.dumps({"id": ident, "object": "assistant", "model": "gpt-4o"}).encode()
