"""Serving the mock over HTTP with uvicorn: in the foreground (the CLI) or in a background thread (tests)."""

from __future__ import annotations

import errno
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import uvicorn

from threadspec.mock.app import create_app
from threadspec.mock.config import MockConfig

_STARTUP_SECONDS = 30.0


def _bind(host: str, port: int) -> socket.socket:
    """A socket bound to the address; an ``OSError`` that says which address and why, without errno codes."""
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


def _server(config: MockConfig, log_level: str, access_log: bool = False) -> uvicorn.Server:
    app = create_app(config)
    # loop and http stay "auto": uvloop and httptools when installed (a fifth more requests a second)
    return uvicorn.Server(uvicorn.Config(app, log_level=log_level, lifespan="on", access_log=access_log))


def serve(config: MockConfig | None = None, *, access_log: bool = True) -> None:
    """Serve the mock until Ctrl-C (port 0 picks a free port); prints the base URL first.

    ``access_log=False`` leaves out the line logged per request, which costs about a quarter of
    the requests a second a busy mock can answer (``bench/README.md``).
    """
    config = config or MockConfig()
    # first: a bad reply file or database fails before the port is taken
    server = _server(config, "info", access_log)
    sock = _bind(config.host, config.port)
    bound = replace(config, port=sock.getsockname()[1])
    where = "in memory" if config.db is None or config.mode == "stateless" else f"in {config.db}"
    print(f"threadspec mock ({config.mode}, {where}) serving {bound.base_url}", flush=True)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()


@contextmanager
def serve_in_thread(config: MockConfig | None = None) -> Iterator[str]:
    """Serve the mock in a background thread for the ``with`` block; yields the base URL (``…/v1``)."""
    config = config or MockConfig(port=0)
    server = _server(config, "error")
    sock = _bind(config.host, config.port)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="threadspec-mock", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + _STARTUP_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the mock server did not start")
            time.sleep(0.01)
        yield replace(config, port=sock.getsockname()[1]).base_url
    finally:
        server.should_exit = True
        thread.join(_STARTUP_SECONDS)
        sock.close()
