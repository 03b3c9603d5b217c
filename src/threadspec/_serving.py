"""Serving an ASGI app with uvicorn on a socket bound here: in the foreground, or in a thread for a ``with`` block.

Binding the socket ourselves (rather than letting uvicorn do it) lets port 0 pick a free port and
tells the caller which one before the first request.
"""

from __future__ import annotations

import errno
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

_STARTUP_SECONDS = 30.0


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready TCP socket on ``host:port`` (port 0: any free port).

    Raises an ``OSError`` that says which address and why in words (``port 4010 is in use``), never
    an errno code: the CLI prints it as it is.
    """
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as exc:
        raise OSError(f"cannot listen on {host}: {exc.strerror}") from None
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise OSError(
                f"port {port} is in use (on {host}); choose another with --port, 0 for any free one"
            ) from None
        raise OSError(f"cannot listen on {host} port {port}: {exc.strerror}") from None
    sock.set_inheritable(True)
    return sock


def server(app: Any, log_level: str, access_log: bool = False, *, own_headers: bool = True) -> uvicorn.Server:
    """A uvicorn server for ``app``; ``own_headers=False`` leaves ``Date`` and ``Server`` to the app (a proxy's upstream)."""
    # loop and http stay "auto": uvloop and httptools when installed
    config = uvicorn.Config(
        app, log_level=log_level, lifespan="on", access_log=access_log,
        server_header=own_headers, date_header=own_headers,
    )  # fmt: skip
    return uvicorn.Server(config)


@contextmanager
def in_thread(app: Any, host: str, port: int, name: str, *, own_headers: bool = True) -> Iterator[int]:
    """Serve ``app`` in a daemon thread for the ``with`` block; yields the port it listens on."""
    served = server(app, "error", own_headers=own_headers)
    sock = bind(host, port)
    thread = threading.Thread(target=served.run, kwargs={"sockets": [sock]}, name=name, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + _STARTUP_SECONDS
        while not served.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start")
            time.sleep(0.01)
        yield int(sock.getsockname()[1])
    finally:
        served.should_exit = True
        thread.join(_STARTUP_SECONDS)
        sock.close()
