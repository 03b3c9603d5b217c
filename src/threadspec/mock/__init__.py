"""A mock of the Assistants API assistant, thread, message, run and run-step endpoints, v2 and the legacy v1
(the ``OpenAI-Beta`` header of each request chooses; :mod:`.profile` is what a profile changes).

``create_app(MockConfig(...))`` gives an ASGI app to drive in process; ``serve(MockConfig(...))``
serves it on a port (``threadspec mock`` on the command line); ``serve_in_thread`` serves it for
the length of a ``with`` block; the pytest fixture ``threadspec_mock`` (:mod:`.pytest_plugin`)
serves one per test or per session.

The names load on first use: pytest imports the plugin submodule of this package at start-up, and
that must not pull in the server stack (the app, uvicorn, the stores) for every test run.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from threadspec._extras import require

if TYPE_CHECKING:
    from threadspec.mock.app import create_app
    from threadspec.mock.config import MockConfig
    from threadspec.mock.pytest_plugin import ThreadspecMock
    from threadspec.mock.server import serve, serve_in_thread

_HOMES = {
    "MockConfig": "config",
    "ThreadspecMock": "pytest_plugin",
    "create_app": "app",
    "serve": "server",
    "serve_in_thread": "server",
}

__all__ = ["MockConfig", "ThreadspecMock", "create_app", "serve", "serve_in_thread"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # MockConfig is plain data, readable in a core install; the rest is the mock, one part with one extra
    # (the app itself is plain ASGI: uvicorn serves it), so it is checked up front rather than on import
    if name != "MockConfig":
        require("mock", "threadspec.mock")
    return getattr(import_module(f"threadspec.mock.{_HOMES[name]}"), name)
