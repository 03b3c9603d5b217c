"""Serving the proxy over HTTP: in the foreground until Ctrl-C (the CLI), or in a thread for tests."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from threadspec import _serving
from threadspec.proxy.app import ProxyApp, create_app
from threadspec.proxy.config import ProxyConfig
from threadspec.proxy.record import logger
from threadspec.proxy.summary import render


def serve(config: ProxyConfig, *, access_log: bool = True, quiet: bool = False) -> ProxyApp:
    """Serve the proxy until Ctrl-C or SIGTERM, then print the summary; returns the app (its counts).

    Prints the proxy's base URL first; each exchange that breaks the contract is logged on stderr
    as it happens (logger ``threadspec.proxy``) unless ``quiet``.
    """
    app = create_app(config)  # first: an unwritable log fails before the port is taken
    sock = _serving.bind(config.host, config.port)
    bound = replace(config, port=sock.getsockname()[1])
    if not quiet and not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("threadspec proxy: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
    profiles = " and ".join(str(c.profile) for c in config.contracts())
    print(
        f"threadspec proxy ({config.mode}, {profiles}) serving {bound.base_url} → {config.upstream}",
        flush=True,
    )
    try:
        served = _serving.server(
            app, "warning" if quiet else "info", access_log and not quiet, own_headers=False
        )
        served.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
        app.recorder.close()
        print(render(app.recorder), flush=True)
    return app


@contextmanager
def serve_in_thread(config: ProxyConfig, app: ProxyApp | None = None) -> Iterator[str]:
    """Serve the proxy (``app``, or a new one) in a background thread for the ``with`` block; yields its base URL.

    Pass your own ``app = create_app(config)`` to read ``app.recorder`` afterwards.
    """
    app = app or create_app(config)
    with _serving.in_thread(app, config.host, config.port, "threadspec-proxy", own_headers=False) as port:
        yield replace(config, port=port).base_url
