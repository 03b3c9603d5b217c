"""Serving the mock over HTTP with uvicorn: in the foreground (the CLI) or in a background thread (tests)."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace

from threadspec import _serving
from threadspec.mock.app import create_app
from threadspec.mock.config import MockConfig

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


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
    if config.workers > 1:
        # uvicorn re-raises the signal that stopped it once it is done; SIGTERM's default would end this
        # process there, before the workers are stopped
        signal.signal(signal.SIGTERM, _terminated)
    try:
        # forked before any event loop or thread starts: each worker builds its own app and loop
        children.extend(_fork_worker(config, access_log, sock) for _ in range(config.workers - 1))
        server.run(sockets=[sock])
    except (KeyboardInterrupt, _Terminated):
        pass
    finally:
        _stop(children)
        sock.close()


class _Terminated(Exception):
    """SIGTERM reached the first of several workers."""


def _terminated(signum: int, frame: object) -> None:
    raise _Terminated


def _fork_worker(config: MockConfig, access_log: bool, sock: socket.socket) -> int:
    parent = os.getpid()
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        _die_with(parent)
        _serving.server(create_app(config), "info", access_log).run(sockets=[sock])
    except (KeyboardInterrupt, _Terminated):  # the first process's SIGTERM handler came with the fork
        pass
    except BaseException:  # a worker must never return into its parent's code
        code = 1
    os._exit(code)


def _die_with(parent: int) -> None:
    """Have the kernel stop this worker when the first process dies, however it dies (Linux)."""
    with suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # it died before the request above was made
        os._exit(0)


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
