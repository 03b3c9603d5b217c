"""The proxy as an ASGI app: judge the request, forward it with httpx, check the answer as it streams back."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import anyio
import httpx

from threadspec import messages
from threadspec.asgi import Receive, Scope, Send, send_json
from threadspec.asgi.body import Disconnected
from threadspec.asgi.lifespan import lifespan
from threadspec.asgi.profiles import Profiles
from threadspec.facts import REQUEST_ID_HEADER, STREAM_DONE_EVENT
from threadspec.proxy.config import ProxyConfig
from threadspec.proxy.forward import request_headers, response_headers, upstream_url
from threadspec.proxy.record import Exchange, Recorder
from threadspec.proxy.request import Inspected, inspect
from threadspec.proxy.response import Found, ResponseCheck
from threadspec.proxy.wording import (
    upstream_broke_off,
    upstream_timed_out,
    upstream_unreachable,
    upstream_violation,
)
from threadspec.sse import DONE, encode


def _reason(exc: httpx.HTTPError) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class ProxyApp:
    """The validating proxy; ``recorder`` holds the counts and writes the log.

    Closed by the ASGI lifespan's shutdown when a server runs it; in process, use it as an async
    context manager or call :meth:`aclose`.
    """

    def __init__(self, config: ProxyConfig, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config
        self.profiles = Profiles(config.contracts())
        operations = (op for contract in self.profiles for op in contract.operations())
        self.recorder = Recorder(
            config.upstream, config.mode, None if config.log is None else Path(config.log),
            tuple(dict.fromkeys(operations)),
        )  # fmt: skip
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    def _http(self) -> httpx.AsyncClient:
        # made on first use: an httpx client belongs to the event loop it first runs on
        if self._client is None:
            self._client = httpx.AsyncClient(
                transport=self._transport,
                timeout=httpx.Timeout(self.config.timeout_seconds),
                # a proxy holds one upstream connection per open stream: no pool ceiling to queue on
                limits=httpx.Limits(max_connections=None, max_keepalive_connections=20),
                follow_redirects=False,
                trust_env=False,  # straight to the upstream, whatever HTTP_PROXY says
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        self.recorder.close()

    async def __aenter__(self) -> ProxyApp:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await lifespan(receive, send, self.aclose)
            return
        if scope["type"] != "http":  # websockets are no part of the API
            await send({"type": "websocket.close", "code": 1003})
            return
        config = self.config
        try:
            request = await inspect(
                scope, receive, prefix=config.prefix, require_beta=config.require_beta,
                max_body_bytes=config.max_body_bytes, profiles=self.profiles,
            )  # fmt: skip
        except Disconnected:
            return
        exchange = Exchange(
            request.method, request.path, request.operation_id, request.header(REQUEST_ID_HEADER)
        )
        if request.problems and config.mode == "enforce":
            refusal = request.problems[0].refusal
            exchange.status, exchange.refused = refusal.status, True
            self.recorder.report(exchange, "request", [p.violation for p in request.problems])
            await send_json(send, refusal.status, refusal.body, refusal.headers)
        else:
            await self._forward(request, exchange, receive, send)
        self.recorder.finish(exchange)

    async def _forward(self, request: Inspected, exchange: Exchange, receive: Receive, send: Send) -> None:
        upstream = self.config.upstream
        client = self._http()
        outgoing = client.build_request(
            request.method,
            upstream_url(upstream, request.tail, request.query_string),
            headers=request_headers(request.headers),
            content=request.content() if request.rest is not None else request.body,
        )
        try:
            response = await client.send(outgoing, stream=True)
        except httpx.TimeoutException:
            await self._unanswered(
                exchange, request, send, upstream_timed_out(upstream, self.config.timeout_seconds)
            )
            return
        except httpx.HTTPError as exc:
            await self._unanswered(exchange, request, send, upstream_unreachable(upstream, _reason(exc)))
            return
        except Disconnected:  # the client left while its body was being forwarded
            return
        try:
            exchange.status = response.status_code
            exchange.request_id = response.headers.get(REQUEST_ID_HEADER) or exchange.request_id
            self.recorder.report(exchange, "request", [p.violation for p in request.problems])
            check = ResponseCheck(
                request.operation_id, response.status_code, response.headers.get("content-type", ""),
                self.config.max_checked_response_bytes, request.contract,
            )  # fmt: skip
            headers = response_headers(response)
            await send({"type": "http.response.start", "status": response.status_code, "headers": headers})
            await self._relay(response, check, exchange, receive, send)
        finally:
            await response.aclose()

    async def _unanswered(self, exchange: Exchange, request: Inspected, send: Send, message: str) -> None:
        """The upstream gave no answer: 502 in the API's envelope, and the failure on the record."""
        exchange.status, exchange.upstream_failed = 502, True
        self.recorder.report(exchange, "request", [p.violation for p in request.problems])
        self.recorder.report(exchange, "response", [upstream_violation(message)])
        await send_json(send, 502, messages.error_body(message, None, None, "server_error"))

    async def _relay(
        self, response: httpx.Response, check: ResponseCheck, exchange: Exchange, receive: Receive, send: Send
    ) -> None:
        """Each chunk to the client as it comes, checked on the way; stops when the client goes away."""
        ended = False
        async with anyio.create_task_group() as group:

            async def client_left() -> None:
                while (await receive())["type"] != "http.disconnect":
                    pass
                group.cancel_scope.cancel()

            group.start_soon(client_left)
            try:
                async for chunk in response.aiter_bytes():
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                    self._report(exchange, check.feed(chunk))
            except httpx.HTTPError as exc:
                message = upstream_broke_off(self.config.upstream, _reason(exc))
                exchange.upstream_failed = True
                self.recorder.report(exchange, "response", [upstream_violation(message)])
                tail = b""
                if check.frames is not None:  # a stream ends as the API ends one that fails
                    error = messages.error_body(message, None, None, "server_error")["error"]
                    tail = encode("error", error) + encode(STREAM_DONE_EVENT, DONE)
                await send({"type": "http.response.body", "body": tail, "more_body": False})
                group.cancel_scope.cancel()
                return
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            ended = True
            group.cancel_scope.cancel()
        if ended:  # not when the client left halfway: how the answer would have ended is unknown
            self._report(exchange, await check.finish())
            exchange.unchecked = check.unchecked

    def _report(self, exchange: Exchange, found: Found) -> None:
        for event, errors in found:
            self.recorder.report(exchange, "response", errors, event)


def create_app(config: ProxyConfig, *, transport: httpx.AsyncBaseTransport | None = None) -> ProxyApp:
    """The validating proxy for ``config.upstream``; ``transport`` replaces the network (tests)."""
    return ProxyApp(config, transport)
