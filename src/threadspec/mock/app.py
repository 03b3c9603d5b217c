"""The mock as an ASGI app: :class:`ValidationMiddleware` in front, the operations behind it."""

from __future__ import annotations

from types import SimpleNamespace

import anyio.to_thread

from threadspec import messages
from threadspec.asgi import Message, Receive, Scope, Send, ValidationMiddleware, matched_request, send_json
from threadspec.asgi.lifespan import lifespan
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


class MockApp:
    """The mock as a bare ASGI app: :class:`ValidationMiddleware` in front of the operations, nothing between.

    ``state.service`` holds the service and its store (where Starlette's ``app.state`` kept it). The
    ASGI lifespan's shutdown closes the store. An exception that escapes a handler is answered with
    the API's 500 envelope (when nothing was sent yet) and raised on to the server, which logs it.
    """

    def __init__(self, config: MockConfig) -> None:
        service = Service(config)
        self.state = SimpleNamespace(service=service)
        self.validated = ValidationMiddleware(
            _Operations(service),
            contracts=config.contracts(),
            require_beta=config.require_beta,
            api_key=config.api_key,
            max_body_bytes=config.max_body_bytes,
            validate_responses=config.validate_responses,
            rate_limit=config.rate_limit_per_second,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "lifespan":
            await lifespan(receive, send, self._close)
            return
        if kind != "http":  # a websocket: the API has none
            await send({"type": "websocket.close", "code": 1000})
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self.validated(scope, receive, tracked)
        except Exception:
            if not started:  # answered here, outside the middleware: so it names its own request id
                body = messages.error_body(SERVER_ERROR, None, None, "server_error")
                request_id = [(REQUEST_ID_HEADER.encode(), new_request_id().encode())]
                await send_json(send, 500, body, request_id)
            raise

    async def _close(self) -> None:
        self.state.service.close()


def create_app(config: MockConfig | None = None) -> MockApp:
    """A mock of the Assistants API endpoints, v2 and v1 (``config.profiles``); ``app.state.service`` holds its store."""
    return MockApp(config or MockConfig())
