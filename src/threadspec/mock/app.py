"""The mock as an ASGI app: :class:`ValidationMiddleware` in front, the operations behind it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from threadspec import messages
from threadspec.asgi import Receive, Scope, Send, ValidationMiddleware, matched_request, send_json
from threadspec.asgi.request_id import new_request_id
from threadspec.facts import REQUEST_ID_HEADER
from threadspec.mock.config import MockConfig
from threadspec.mock.events import Events, JsonReply
from threadspec.mock.service import Service
from threadspec.mock.wording import SERVER_ERROR, ApiError

_STREAM_HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache"),
]


class _Operations:
    """The ASGI endpoint behind the middleware: runs the matched operation and sends its reply."""

    def __init__(self, service: Service) -> None:
        self.service = service
        # an in-memory store never waits on I/O: a hop to a worker thread would only add latency
        self.inline = service.config.mode == "stateless" or service.config.db is None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = matched_request(scope)
        try:
            if self.inline:
                reply = self.service.handle(request)
            else:
                reply = await anyio.to_thread.run_sync(self.service.handle, request)
        except ApiError as error:
            await send_json(send, error.status, error.body)
            return
        if isinstance(reply, JsonReply):
            headers = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(reply.body)).encode()),
            ]
            headers += [(k.encode(), v.encode()) for k, v in reply.headers]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": reply.body, "more_body": False})
            return
        await _stream(send, reply)


async def _stream(send: Send, events: Events) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": _STREAM_HEADERS})
    for frame in events.frames:
        await send({"type": "http.response.body", "body": frame, "more_body": True})
    await send({"type": "http.response.body", "body": b"", "more_body": False})


async def _server_error(request: Request, exc: Exception) -> Response:
    # answered outside the middleware (Starlette's outermost layer), so it names its own request id
    body = messages.error_body(SERVER_ERROR, None, None, "server_error")
    return JSONResponse(body, status_code=500, headers={REQUEST_ID_HEADER: new_request_id()})


def create_app(config: MockConfig | None = None) -> Starlette:
    """A mock of the Assistants API endpoints, v2 and v1 (``config.profiles``); ``app.state.service`` holds its store."""
    config = config or MockConfig()
    service = Service(config)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        service.close()

    middleware = Middleware(
        ValidationMiddleware,
        contracts=config.contracts(),
        require_beta=config.require_beta,
        api_key=config.api_key,
        max_body_bytes=config.max_body_bytes,
        validate_responses=config.validate_responses,
        rate_limit=config.rate_limit_per_second,
    )
    app = Starlette(
        routes=[Route("/{path:path}", _Operations(service), methods=None)],
        middleware=[middleware],
        exception_handlers={Exception: _server_error},
        lifespan=lifespan,
    )
    app.state.service = service
    return app
