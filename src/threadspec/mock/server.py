"""Serving the mock over HTTP with uvicorn: in the foreground (the CLI) or in a background thread (tests)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from threadspec import _serving
from threadspec.mock.app import create_app
from threadspec.mock.config import MockConfig


def serve(config: MockConfig | None = None, *, access_log: bool = True) -> None:
    """Serve the mock until Ctrl-C (port 0 picks a free port); prints the base URL first.

    ``access_log=False`` leaves out the line logged per request, which costs about a quarter of
    the requests a second a busy mock can answer (``bench/README.md``).
    """
    config = config or MockConfig()
    # first: a bad reply file or database fails before the port is taken
    server = _serving.server(create_app(config), "info", access_log)
    sock = _serving.bind(config.host, config.port)
    bound = replace(config, port=sock.getsockname()[1])
    where = "in memory" if config.db is None or config.mode == "stateless" else f"in {config.db}"
    served = " and ".join(str(c.profile) for c in config.contracts())
    print(f"threadspec mock ({config.mode}, {where}, {served}) serving {bound.base_url}", flush=True)
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
    with _serving.in_thread(create_app(config), config.host, config.port, "threadspec-mock") as port:
        yield replace(config, port=port).base_url
