"""A mock of the Assistants API v2 assistant, thread, message, run and run-step endpoints.

``create_app(MockConfig(...))`` gives an ASGI app to drive in process; ``serve(MockConfig(...))``
serves it on a port (``threadspec mock`` on the command line); ``serve_in_thread`` serves it for
the length of a ``with`` block.
"""

from __future__ import annotations

from threadspec.mock.app import create_app
from threadspec.mock.config import MockConfig
from threadspec.mock.server import serve, serve_in_thread

__all__ = ["MockConfig", "create_app", "serve", "serve_in_thread"]
