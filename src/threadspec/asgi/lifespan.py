"""The ASGI lifespan protocol for the apps threadspec serves (the mock, the proxy): start at once, and run
the app's own clean-up when the server shuts down."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from threadspec.asgi.types import Receive, Send


async def lifespan(receive: Receive, send: Send, shutdown: Callable[[], Awaitable[None]]) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await shutdown()
            await send({"type": "lifespan.shutdown.complete"})
            return
