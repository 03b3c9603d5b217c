"""Pure ASGI middleware that holds every request to the contract before the wrapped app sees it.

Mount it in front of any ASGI app (Starlette, FastAPI, a bare callable)::

    app = ValidationMiddleware(my_app, api_key="sk-test")

It routes each request to an operation of the spec (method and path template, path segments
percent-decoded once, with or without the ``/v1`` prefix) and answers in the API's own error
envelope, never passing on a request that breaks the contract:

===========================================  ======  ========================================
request                                      status  error
===========================================  ======  ========================================
unknown path                                 404     ``Invalid URL (POST /v1/foo)``
known path, other method                     405     ``Invalid method for URL (...)``
``api_key`` set, missing or wrong bearer      401     ``Incorrect API key provided: sk-ab***…``
``OpenAI-Beta`` not ``assistants=v2``        400     ``invalid_beta``
body larger than ``max_body_bytes``          413     ``request_too_large``
body not JSON by its ``Content-Type``        400     ``invalid_content_type``
malformed JSON, bad UTF-8, nested too deep   400     ``_decode.JSON_BODY_ERROR``
invalid path id, query or body               400     the first :class:`Violation`, worded
===========================================  ======  ========================================

A request that passes reaches the app with its body replayed, and with a :class:`MatchedRequest`
in ``scope["state"]["threadspec"]`` — in Starlette, ``request.state.threadspec`` — holding the
operation, the decoded path parameters, the query and the decoded JSON body.

With ``validate_responses=True`` the app's responses are checked too. JSON responses are buffered
and checked whole; event streams are checked frame by frame as they pass. A response that breaks
the contract is logged (logger ``threadspec.asgi``) and replaced by a 500 envelope (streams end
with an ``error`` event instead) — or, with ``on_invalid_response="raise"``, raises
:class:`ResponseContractError`, which is what test suites want.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal
from urllib.parse import parse_qs, unquote

import msgspec

from threadspec import messages, spec
from threadspec._decode import JSON_BODY_ERROR, decode
from threadspec.errors import InvalidPayloadError, MalformedPayloadError
from threadspec.result import Violation
from threadspec.sse import DONE, encode, parse
from threadspec.validate import iter_request_errors, iter_response_errors

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "STATE_KEY",
    "MatchedRequest",
    "ResponseContractError",
    "ValidationMiddleware",
    "mask_key",
    "matched_request",
    "route",
    "send_json",
]

STATE_KEY = "threadspec"
DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024
_MAX_QUERY_FIELDS = 256
_PREVIEW = 200
SERVER_ERROR = "The server had an error while processing your request. Sorry about that!"
MISSING_KEY = (
    "You didn't provide an API key. You need to provide your API key in an Authorization header using "
    "Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
)
logger = logging.getLogger("threadspec.asgi")


class ResponseContractError(InvalidPayloadError):
    """A response of the wrapped app broke the contract (raised with ``on_invalid_response="raise"``)."""

    def __init__(self, operation_id: str, status: int, errors: list[Violation]) -> None:
        self.operation_id = operation_id
        self.status = status
        super().__init__(errors)

    def __str__(self) -> str:
        first = self.errors[0]
        return f"{self.operation_id} answered {self.status} breaking the contract at '{first.pointer}': {first.message}"


@dataclass(frozen=True, slots=True)
class MatchedRequest:
    """What the middleware learnt about a request that passed; found in ``scope["state"]["threadspec"]``."""

    operation: spec.Operation
    path_params: Mapping[str, str]
    query: Mapping[str, list[str]] = field(default_factory=dict)
    body: Any = None  # the decoded JSON body; None when the request had none
    raw_body: bytes = b""

    @property
    def operation_id(self) -> str:
        return self.operation.operation_id

    def query_value(self, name: str) -> str | None:
        """The last value a query parameter was given, as the validator reads it."""
        values = self.query.get(name)
        return values[-1] if values else None


def matched_request(scope: Scope) -> MatchedRequest:
    """The :class:`MatchedRequest` the middleware stored in ``scope``; ``LookupError`` without one."""
    found = scope.get("state", {}).get(STATE_KEY)
    if not isinstance(found, MatchedRequest):
        raise LookupError("no threadspec ValidationMiddleware in front of this app")
    return found


# ------------------------------------------------------------------------------------- routing
@dataclass(frozen=True, slots=True)
class _Template:
    segments: tuple[str | None, ...]  # None where a parameter goes
    names: tuple[str, ...]
    by_method: dict[str, spec.Operation]

    @property
    def literals(self) -> int:
        return sum(s is not None for s in self.segments)


@cache
def _templates() -> tuple[_Template, ...]:
    grouped: dict[str, dict[str, spec.Operation]] = {}
    for op in spec.operations().values():
        grouped.setdefault(op.path, {})[op.method.upper()] = op
    out = []
    for path, by_method in grouped.items():
        parts = path.strip("/").split("/")
        segments = tuple(None if p.startswith("{") else p for p in parts)
        names = tuple(p[1:-1] for p in parts if p.startswith("{"))
        out.append(_Template(segments, names, by_method))
    # literal segments win over parameters: POST /threads/runs is createThreadAndRun, not modifyThread
    return tuple(sorted(out, key=lambda t: -t.literals))


def _resolve(method: str, segments: list[str]) -> tuple[spec.Operation, dict[str, str]] | list[str] | None:
    """The operation and its path parameters, the allowed methods (wrong method), or None (no path)."""
    allowed: list[str] = []
    for template in _templates():
        if len(template.segments) != len(segments):
            continue
        if any(lit is not None and lit != seg for lit, seg in zip(template.segments, segments, strict=True)):
            continue
        op = template.by_method.get(method)
        if op is not None:
            values = [seg for lit, seg in zip(template.segments, segments, strict=True) if lit is None]
            return op, dict(zip(template.names, values, strict=True))
        allowed.extend(m for m in template.by_method if m not in allowed)
    return allowed or None


def _segments(raw_path: str, prefix: str) -> list[str]:
    """The path's segments after the prefix, each percent-decoded exactly once."""
    parts = raw_path.split("/")[1:]
    wanted = [p for p in prefix.split("/") if p]
    if wanted and parts[: len(wanted)] == wanted:
        parts = parts[len(wanted) :]
    return [unquote(p, errors="replace") for p in parts]


def route(method: str, path: str, prefix: str = "/v1") -> tuple[spec.Operation, dict[str, str]] | None:
    """The operation a request goes to and its decoded path parameters; ``path`` as sent, percent-encoded."""
    found = _resolve(method.upper(), _segments(path.split("?", 1)[0], prefix))
    return found if isinstance(found, tuple) else None


# ------------------------------------------------------------------------------------- wording
def invalid_url(method: str, path: str) -> str:
    return f"Invalid URL ({method} {path[:_PREVIEW]})"


def invalid_method(method: str, path: str, allowed: list[str]) -> str:
    return f"Invalid method for URL ({method} {path[:_PREVIEW]}). Supported methods: {', '.join(allowed)}."


def mask_key(key: str) -> str:
    """An API key as the API quotes it back: a few characters at each end, the rest starred."""
    head = key[: min(6, len(key) // 4)]
    tail = key[-4:] if len(key) >= 20 else ""
    return head + "*" * (len(key) - len(head) - len(tail)) + tail


def incorrect_key(key: str) -> str:
    return f"Incorrect API key provided: {mask_key(key)[:_PREVIEW]}. You can find your API key in your account settings."


def too_large(limit: int) -> str:
    return f"Request too large: the body may be at most {limit} bytes."


def wrong_content_type(content_type: str) -> str:
    return f"Invalid Content-Type header ({content_type[:_PREVIEW]}); expected application/json."


def too_many_query_fields(limit: int) -> str:
    return f"Too many query parameters: at most {limit} are accepted."


def invalid_response(operation_id: str, status: int, first: Violation) -> str:
    where = first.pointer or "the body"
    return f"The server's {status} response to {operation_id} broke the contract at {where}: {first.message}"


# ------------------------------------------------------------------------------------- plumbing
class _Disconnected(Exception):
    """The client went away while the body was being read."""


class _Refusal(Exception):
    """A request the app never sees, and the answer it gets instead."""

    def __init__(self, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]] | None = None):
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers


async def send_json(
    send: Send, status: int, body: Any, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    """Send one complete JSON response."""
    payload = msgspec.json.encode(body)
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": head + (headers or [])})
    await send({"type": "http.response.body", "body": payload, "more_body": False})


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole body, read chunk by chunk; ``None`` as soon as it grows past ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _Disconnected
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _is_json(content_type: str | None) -> bool:
    if not content_type:  # none given: read the body as JSON, as most JSON APIs do
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


# ------------------------------------------------------------------------------------- the middleware
class ValidationMiddleware:
    """Validate requests (and optionally responses) of an ASGI app against the threadspec contract."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        prefix: str = "/v1",
        require_beta: bool = True,
        api_key: str | None = None,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        validate_responses: bool = False,
        on_invalid_response: Literal["replace", "raise"] = "replace",
    ) -> None:
        self.app = app
        self.prefix = prefix
        self.require_beta = require_beta
        self.api_key = api_key
        self.max_body_bytes = max_body_bytes
        self.validate_responses = validate_responses
        self.on_invalid_response = on_invalid_response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            matched = await self._admit(scope, receive)
        except _Disconnected:
            return
        except _Refusal as refusal:
            await send_json(send, refusal.status, refusal.body, refusal.headers)
            return
        scope["state"] = {**scope.get("state", {}), STATE_KEY: matched}
        receive = _replay(matched.raw_body, receive)
        if self.validate_responses:
            checker = _ResponseChecker(matched.operation_id, send, self.on_invalid_response)
            await self.app(scope, receive, checker.send)
        else:
            await self.app(scope, receive, send)

    def _raw_path(self, scope: Scope) -> str:
        raw = scope.get("raw_path")
        path = raw.decode("latin-1") if isinstance(raw, bytes) and raw else str(scope["path"])
        root = str(scope.get("root_path", ""))
        # mounted apps see their mount point in the path; it is not part of the API's URL
        return path[len(root) :] if root and path.startswith(root) else path

    async def _admit(self, scope: Scope, receive: Receive) -> MatchedRequest:
        """What the app gets to see of a request; raises :class:`_Refusal` with the answer to a bad one."""
        method = str(scope["method"]).upper()
        shown = str(scope.get("path", ""))
        found = _resolve(method, _segments(self._raw_path(scope), self.prefix))
        if found is None:
            raise _Refusal(404, messages.error_body(invalid_url(method, shown)))
        if isinstance(found, list):
            allow = [(b"allow", ", ".join(found).encode())]
            raise _Refusal(405, messages.error_body(invalid_method(method, shown, found)), allow)
        operation, path_params = found
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        self._check_headers(headers)
        declared = headers.get("content-length", "")
        raw = (
            None
            if declared.isdigit() and int(declared) > self.max_body_bytes
            else await _read_body(receive, self.max_body_bytes)
        )
        if raw is None:
            raise _Refusal(
                413, messages.error_body(too_large(self.max_body_bytes), None, "request_too_large")
            )
        try:
            query = parse_qs(
                scope.get("query_string", b"").decode("latin-1"),
                keep_blank_values=True, errors="replace", max_num_fields=_MAX_QUERY_FIELDS,
            )  # fmt: skip
        except ValueError:
            raise _Refusal(400, messages.error_body(too_many_query_fields(_MAX_QUERY_FIELDS))) from None
        body = self._body(operation, raw, headers.get("content-type"))
        checked = body if body is not None or not raw.strip() else raw  # a literal `null` is a wrong type
        errors = iter_request_errors(operation.operation_id, checked, query=query, path_params=path_params)
        violation = next(errors, None)
        if violation is not None:
            raise _Refusal(400, messages.to_openai_error(violation))
        return MatchedRequest(operation, path_params, query, body, raw)

    def _check_headers(self, headers: Mapping[str, str]) -> None:
        if self.api_key is not None:
            scheme, _, token = headers.get("authorization", "").strip().partition(" ")
            token = token.strip()
            if scheme.lower() != "bearer" or not token:
                raise _Refusal(401, messages.error_body(MISSING_KEY))
            if not hmac.compare_digest(token.encode("latin-1"), self.api_key.encode("utf-8")):
                raise _Refusal(401, messages.error_body(incorrect_key(token), None, "invalid_api_key"))
        if self.require_beta and headers.get("openai-beta", "").strip() != "assistants=v2":
            raise _Refusal(400, messages.error_body(messages.INVALID_BETA, None, "invalid_beta"))

    @staticmethod
    def _body(operation: spec.Operation, raw: bytes, content_type: str | None) -> Any:
        """The decoded JSON body; None for an operation without one or an empty body."""
        if operation.request_schema is None or not raw.strip():
            return None
        if not _is_json(content_type):
            error = messages.error_body(wrong_content_type(content_type or ""), None, "invalid_content_type")
            raise _Refusal(400, error)
        try:
            return decode(raw)
        except MalformedPayloadError:
            raise _Refusal(400, messages.error_body(JSON_BODY_ERROR)) from None


class _ResponseChecker:
    """A ``send`` that holds the app's responses to the contract on their way out."""

    def __init__(self, operation_id: str, send: Send, mode: Literal["replace", "raise"]) -> None:
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
                events = [e.payload() for e in parse(frame.decode("utf-8").split("\n"))]
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
