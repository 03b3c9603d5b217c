"""The middleware itself: each request through the gates in order, then on to the app or refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import anyio
import anyio.to_thread
from anyio.lowlevel import RunVar

from threadspec import messages, spec
from threadspec._contract import Contract, resolve_contract
from threadspec.asgi.auth import check_api_key, check_beta
from threadspec.asgi.body import DEFAULT_MAX_BODY_BYTES, Disconnected, decode_body, read_body, replay
from threadspec.asgi.headers import DEFAULT_MAX_HEADER_BYTES, read_headers
from threadspec.asgi.profiles import Profiles
from threadspec.asgi.query import parse_query
from threadspec.asgi.ratelimit import RateLimiter
from threadspec.asgi.refusal import Refusal, send_json
from threadspec.asgi.request_id import with_request_id
from threadspec.asgi.responses import ResponseChecker
from threadspec.asgi.routing import resolve, segments
from threadspec.asgi.state import STATE_KEY, MatchedRequest
from threadspec.asgi.types import ASGIApp, Receive, Scope, Send
from threadspec.asgi.wording import invalid_method, invalid_url
from threadspec.validate import request_errors

# Bodies up to this size that the fast path accepts are checked on the event loop; anything else
# goes to a worker thread. Decoding megabytes, and wording what is wrong with a broken body (the
# reference validator walks every item of a union), can take seconds that other requests would
# otherwise wait through.
_INLINE_BYTES = 64 * 1024
# That work holds the GIL: threads running it side by side only take turns, each switch after the
# interpreter's switch interval (5 ms), which is what long refusals waited for. One thread per event
# loop words them one after another; the event loop goes on serving the rest meanwhile.
_WORDING_THREADS: RunVar[anyio.CapacityLimiter] = RunVar("threadspec_wording_threads")
# A refusal of a body up to this size is worded on the event loop. The wording thread holds the GIL
# while it words, so the loop gets a turn only after the switch interval (5 ms): a wording shorter
# than that stalls the loop as long on either road, and the hop only adds two hand-offs between the
# threads (under load, most of a small refusal's cost). Measured in process (bench/README.md, issue
# 16): a typical refused body of 1.9 KB is worded in 0.1 ms, and the slowest bodies found up to 4 KiB
# (a hundred content parts or fifty messages with one bad item at the end, free-form parameters
# nested 500 deep) in 0.3-1.3 ms, well under the interval; wording costs up to ~0.45 µs a byte (a
# 4.3 KB body nested past the limit 1.8 ms), so larger bodies go on being worded on the thread.
_INLINE_REFUSAL_BYTES = 4 * 1024

UnknownRoutes = Literal["refuse", "pass"]
# what routing found: the operation and its path parameters, the methods the path takes, or no path
Routed = tuple[spec.Operation, dict[str, str]] | list[str] | None


class ValidationMiddleware:
    """Validate requests (and optionally responses) of an ASGI app against the threadspec contract.

    ``max_body_bytes`` and ``max_header_bytes`` bound what one request may send (413 and 400).
    ``rate_limit``: requests a second one client address may make (bursts of ``rate_limit_burst``,
    by default one second's worth); more are answered 429 with ``Retry-After``. Off when ``None``.
    ``unknown_routes``: what becomes of a path the spec does not know — ``"refuse"`` answers the
    API's 404 ``Invalid URL``; ``"pass"`` hands the request to the app untouched (no limits, key or
    beta header checked), for a service that has its own routes (``/healthz``, ``/docs``) beside
    the API's. A known path with a method it does not take is the API's 405 either way.
    ``contract``: the contract requests are held to (default: ``threadspec.contract_for("v2")``); its
    spec says which ``OpenAI-Beta`` version ``require_beta`` asks for. ``contracts``: several instead,
    each requiring its own version (``[contract_for("v2"), contract_for("v1")]``): the ``OpenAI-Beta``
    header of each request chooses the one it is routed and validated by, and the app finds it on the
    :class:`MatchedRequest`; a request that names none of their versions goes to the first, and is
    refused ``invalid_beta`` unless ``require_beta`` is off.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        prefix: str = "/v1",
        require_beta: bool = True,
        api_key: str | None = None,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES,
        validate_responses: bool = False,
        on_invalid_response: Literal["replace", "raise"] = "replace",
        rate_limit: float | None = None,
        rate_limit_burst: int | None = None,
        unknown_routes: UnknownRoutes = "refuse",
        contract: Contract | None = None,
        contracts: Sequence[Contract] | None = None,
    ) -> None:
        if unknown_routes not in ("refuse", "pass"):
            raise ValueError(f"unknown_routes must be 'refuse' or 'pass', not {unknown_routes!r}")
        if contract is not None and contracts is not None:
            raise ValueError("give contract= (one contract) or contracts= (several), not both")
        self.app = app
        self.profiles = Profiles(contracts if contracts is not None else [resolve_contract(contract)])
        self.contract = self.profiles.default
        self.prefix = prefix
        self.require_beta = require_beta
        self.api_key = api_key
        self.max_body_bytes = max_body_bytes
        self.max_header_bytes = max_header_bytes
        self.validate_responses = validate_responses
        self.on_invalid_response = on_invalid_response
        self.limiter = None if rate_limit is None else RateLimiter(rate_limit, rate_limit_burst)
        self.unknown_routes = unknown_routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        contract = self.profiles.for_scope(scope)
        method, parts = str(scope["method"]).upper(), segments(self._raw_path(scope), self.prefix)
        found = resolve(method, parts, contract)
        if found is None and self.unknown_routes == "pass" and self._no_api_path(method, parts):
            await self.app(scope, receive, send)  # one of the app's own routes: none of the API's business
            return
        send = with_request_id(send)  # every answer of the API, refusals included
        try:
            matched = await self._admit(scope, receive, found, contract)
        except Disconnected:
            return
        except Refusal as refusal:
            await send_json(send, refusal.status, refusal.body, refusal.headers)
            return
        scope["state"] = {**scope.get("state", {}), STATE_KEY: matched}
        receive = replay(matched.raw_body, receive)
        if self.validate_responses:
            checker = ResponseChecker(matched.operation_id, send, self.on_invalid_response, contract)
            await self.app(scope, receive, checker.send)
        else:
            await self.app(scope, receive, send)

    def _no_api_path(self, method: str, parts: list[str]) -> bool:
        """Whether no contract knows the path: one the chosen contract lacks but another has (v1's message
        files asked for under v2) is the API's, and answered as the chosen contract answers it."""
        return len(self.profiles) == 1 or all(resolve(method, parts, c) is None for c in self.profiles)

    def _raw_path(self, scope: Scope) -> str:
        raw = scope.get("raw_path")
        path = raw.decode("latin-1") if isinstance(raw, bytes) and raw else str(scope["path"])
        root = str(scope.get("root_path", ""))
        # mounted apps see their mount point in the path; it is not part of the API's URL
        return path[len(root) :] if root and path.startswith(root) else path

    async def _admit(
        self, scope: Scope, receive: Receive, found: Routed, contract: Contract
    ) -> MatchedRequest:
        """What the app gets to see of a request; raises :class:`Refusal` with the answer to a bad one."""
        if self.limiter is not None:
            client = scope.get("client")
            self.limiter.check(str(client[0]) if client else "")
        headers = read_headers(scope, self.max_header_bytes)
        # before routing: with a key set, nothing (not even which URLs exist) is told without it
        check_api_key(headers, self.api_key)
        method = str(scope["method"]).upper()
        shown = str(scope.get("path", ""))
        if found is None:
            raise Refusal(404, messages.error_body(invalid_url(method, shown)))
        if isinstance(found, list):
            allow = [(b"allow", ", ".join(found).encode())]
            raise Refusal(405, messages.error_body(invalid_method(method, shown, found)), allow)
        operation, path_params = found
        if self.require_beta:
            check_beta(headers, contract.beta_version)
        raw = await read_body(receive, headers.get("content-length", ""), self.max_body_bytes)
        query = parse_query(scope.get("query_string", b""))
        # one fast verdict on the bytes: it settles a valid body, and sends a broken one to the error walk
        schema = operation.request_schema
        verdict, reason = (
            contract.compiled(schema).fast_failure(raw) if schema is not None and raw else (None, "")
        )
        check = (contract, operation, raw, headers.get("content-type"), query, path_params, verdict, reason)
        size = len(raw) if schema is not None else 0
        long = size > _INLINE_BYTES or (verdict is not True and size > _INLINE_REFUSAL_BYTES)
        body = (
            await anyio.to_thread.run_sync(_checked, *check, limiter=_wording()) if long else _checked(*check)
        )
        return MatchedRequest(operation, path_params, query, body, raw, contract)


def _wording() -> anyio.CapacityLimiter:
    try:
        return _WORDING_THREADS.get()
    except LookupError:
        limiter = anyio.CapacityLimiter(1)
        _WORDING_THREADS.set(limiter)
        return limiter


def _checked(
    contract: Contract,
    operation: spec.Operation,
    raw: bytes,
    content_type: str | None,
    query: Mapping[str, list[str]],
    path_params: Mapping[str, str],
    verdict: bool | None,
    reason: str,
) -> Any:
    """The decoded body of a request that keeps the contract; a 400 :class:`Refusal` for one that breaks it.

    ``verdict`` is the fast path's on ``raw`` (``None`` when it had none): a body it accepted is not
    checked again, one it refused goes straight to the error walk, which starts where ``reason`` (msgspec's)
    says it failed.
    """
    # a body the fast path accepted nests within the depth limit: no second scan for it
    body = decode_body(operation, raw, content_type, depth_checked=verdict is True)
    # a decoded `null` or `""` would read as no body, yet is a wrong type: such a body is judged as the
    # bytes sent (an object or array is judged decoded, with the fast verdict already known)
    checked = body if isinstance(body, dict | list) or not raw else raw
    errors = request_errors(
        contract,
        operation,
        checked,
        query=query,
        path_params=path_params,
        body_verdict=verdict,
        body_reason=reason,
    )
    violation = next(errors, None)
    if violation is not None:
        raise Refusal(400, messages.to_openai_error(violation))
    return body
