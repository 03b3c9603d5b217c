"""Judging a request on its way to the upstream: the middleware's gates, then the validator, collecting all.

The gates are the middleware's own (:mod:`threadspec.asgi`), in its order: header limits, routing,
the beta header, the body's size, the query, the body's decoding; then
:func:`threadspec.iter_request_errors` on the path ids, the query and the body. Where the
middleware stops at the first problem, this goes on and collects every one, each with the answer
the middleware would have given for it — enforce mode sends the first of those answers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import anyio.to_thread

from threadspec import messages, spec
from threadspec._contract import Contract
from threadspec.asgi import Receive, Scope
from threadspec.asgi.auth import check_beta
from threadspec.asgi.body import Disconnected, decode_body
from threadspec.asgi.headers import DEFAULT_MAX_HEADER_BYTES, read_headers
from threadspec.asgi.profiles import Profiles
from threadspec.asgi.query import parse_query
from threadspec.asgi.refusal import Refusal
from threadspec.asgi.routing import resolve, segments
from threadspec.asgi.wording import invalid_method, invalid_url, too_large
from threadspec.result import Violation
from threadspec.validate import iter_request_errors


@dataclass(slots=True)
class Problem:
    """One way a request breaks the contract, and the middleware's answer to it."""

    violation: Violation
    refusal: Refusal


@dataclass(slots=True)
class Inspected:
    """A request as the proxy read it, and everything wrong with it (empty when it keeps the contract)."""

    method: str
    path: str  # as the client sent it, percent-encoded, without the query
    tail: str  # the path after the prefix: what is appended to the upstream's API root
    query_string: bytes
    headers: list[tuple[bytes, bytes]]
    operation: spec.Operation | None
    body: bytes  # the whole body, or its first max_body_bytes when `rest` is set
    contract: Contract  # the one its OpenAI-Beta header chose (the default when it named none)
    rest: Receive | None = None  # what is left of a body too large to check
    problems: list[Problem] = field(default_factory=list)

    @property
    def operation_id(self) -> str | None:
        return None if self.operation is None else self.operation.operation_id

    def header(self, name: str) -> str | None:
        wanted = name.lower().encode("latin-1")
        found = [v for k, v in self.headers if k.lower() == wanted]
        return found[-1].decode("latin-1") if found else None

    async def content(self) -> AsyncIterator[bytes]:
        """The body as sent: what was read, then whatever the client still sends."""
        yield self.body
        while self.rest is not None:
            message = await self.rest()
            if message["type"] == "http.disconnect":
                raise Disconnected
            yield message.get("body", b"")
            if not message.get("more_body", False):
                return


def _gate_violation(refusal: Refusal, location: str, rule: str) -> Violation:
    """A middleware refusal as a violation: its message, param and code; the gate names the rule."""
    error = refusal.body["error"]
    code = error.get("code")
    return Violation(
        pointer="",
        param=error.get("param"),
        rule=code or rule,
        limit=None,
        value="",
        message=error["message"],
        code=code,
        location=location,
    )


def _raw_path(scope: Scope) -> str:
    raw = scope.get("raw_path")
    path = raw.decode("latin-1") if isinstance(raw, bytes) and raw else str(scope["path"])
    root = str(scope.get("root_path", ""))
    return path[len(root) :] if root and path.startswith(root) else path


def _tail(path: str, prefix: str) -> str:
    wanted = prefix.rstrip("/")
    if wanted and (path == wanted or path.startswith(wanted + "/")):
        return path[len(wanted) :]
    return path


async def _read(receive: Receive, limit: int) -> tuple[bytes, bool]:
    """Up to ``limit`` bytes of the body; true when there is more (the body is larger than that)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise Disconnected
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        more = bool(message.get("more_body", False))
        if not more or size > limit:
            return b"".join(chunks), more or size > limit


async def inspect(
    scope: Scope,
    receive: Receive,
    *,
    prefix: str,
    require_beta: bool,
    max_body_bytes: int,
    profiles: Profiles,
) -> Inspected:
    """Read the request and find everything wrong with it, by the contract its ``OpenAI-Beta`` header
    chooses among ``profiles``; raises ``Disconnected`` if the client left."""
    method = str(scope["method"]).upper()
    path = _raw_path(scope)
    shown = str(scope.get("path", path))
    contract = profiles.for_scope(scope)
    found = resolve(method, segments(path, prefix), contract)
    body, more = await _read(receive, max_body_bytes)
    request = Inspected(
        method, path, _tail(path, prefix), scope.get("query_string", b""), list(scope.get("headers", [])),
        found[0] if isinstance(found, tuple) else None, body, contract, receive if more else None,
    )  # fmt: skip
    problems = request.problems

    def gate(location: str, rule: str, check: Any, *args: Any) -> Any:
        try:
            return check(*args)
        except Refusal as refusal:
            problems.append(Problem(_gate_violation(refusal, location, rule), refusal))
            return None

    headers = gate("header", "request_headers_too_large", read_headers, scope, DEFAULT_MAX_HEADER_BYTES)
    headers = headers or {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in request.headers}
    if found is None:
        refusal = Refusal(404, messages.error_body(invalid_url(method, shown)))
        problems.append(Problem(_gate_violation(refusal, "path", "route"), refusal))
        return request
    if isinstance(found, list):
        allow = [(b"allow", ", ".join(found).encode())]
        refusal = Refusal(405, messages.error_body(invalid_method(method, shown, found)), allow)
        problems.append(Problem(_gate_violation(refusal, "path", "method"), refusal))
        return request
    operation, path_params = found
    if require_beta:
        gate("header", "invalid_beta", check_beta, headers, contract.beta_version)
    if more:
        refusal = Refusal(413, messages.error_body(too_large(max_body_bytes), None, "request_too_large"))
        problems.append(Problem(_gate_violation(refusal, "body", "request_too_large"), refusal))
        return request  # neither decoded nor checked: it is forwarded as it comes, or refused
    query = gate("query", "query", parse_query, request.query_string)
    found_in_body = await anyio.to_thread.run_sync(
        _judge, contract, operation, body, headers.get("content-type"), query, path_params
    )
    problems.extend(found_in_body)
    return request


def _judge(
    contract: Contract,
    operation: spec.Operation,
    body: bytes,
    content_type: str | None,
    query: Mapping[str, list[str]] | None,
    path_params: Mapping[str, str],
) -> list[Problem]:
    """The body's decoding, then the validator on ids, query and body — skipping what could not be read.

    Run in a worker thread: decoding megabytes, or wording what is wrong with a broken body, can
    take long enough to hold up every other request on the event loop.
    """
    problems: list[Problem] = []
    skipped = {"query"} if query is None else set()
    try:
        decoded = decode_body(operation, body, content_type)
    except Refusal as refusal:
        problems.append(Problem(_gate_violation(refusal, "body", "input"), refusal))
        decoded, skipped = None, skipped | {"body"}
    checked = decoded if decoded is not None or not body else body  # a literal `null` is a wrong type
    errors = iter_request_errors(
        operation.operation_id, checked, query=query or {}, path_params=path_params, contract=contract
    )
    problems.extend(
        Problem(v, Refusal(400, messages.to_openai_error(v))) for v in errors if v.location not in skipped
    )
    return problems
