"""Serving the mock over HTTP with uvicorn: in the foreground (the CLI) or in a background thread (tests)."""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace

from threadspec import _serving
from threadspec.mock.app import create_app
from threadspec.mock.config import MockConfig


def serve(config: MockConfig | None = None, *, access_log: bool = True) -> None:
    """Serve the mock until Ctrl-C (port 0 picks a free port); prints the base URL first.

    ``access_log=False`` leaves out the line logged per request, which costs about a quarter of
    the requests a second a busy mock can answer (``bench/README.md``). With ``config.workers``
    above 1, forked processes serve the same socket beside this one, and stop with it.
    """
    config = config or MockConfig()
    # first: a bad reply file or database fails before the port is taken
    server = _serving.server(create_app(config), "info", access_log)
    sock = _serving.bind(config.host, config.port)
    bound = replace(config, port=sock.getsockname()[1])
    where = "in memory" if config.db is None or config.mode == "stateless" else f"in {config.db}"
    served = " and ".join(str(c.profile) for c in config.contracts())
    workers = f", {config.workers} workers" if config.workers > 1 else ""
    print(f"threadspec mock ({config.mode}, {where}, {served}{workers}) serving {bound.base_url}", flush=True)
    children: list[int] = []
    try:
        # forked before any event loop or thread starts: each worker builds its own app and loop
        children.extend(_fork_worker(config, access_log, sock) for _ in range(config.workers - 1))
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        _stop(children)
        sock.close()


def _fork_worker(config: MockConfig, access_log: bool, sock: socket.socket) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        _serving.server(create_app(config), "info", access_log).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    except BaseException:  # a worker must never return into its parent's code
        code = 1
    os._exit(code)


def _stop(children: list[int]) -> None:
    for pid in children:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    for pid in children:
        with suppress(ChildProcessError):
            os.waitpid(pid, 0)


@contextmanager
def serve_in_thread(config: MockConfig | None = None) -> Iterator[str]:
    """Serve the mock in a background thread for the ``with`` block; yields the base URL (``…/v1``)."""
    config = config or MockConfig(port=0)
    with _serving.in_thread(create_app(config), config.host, config.port, "threadspec-mock") as port:
        yield replace(config, port=port).base_url
