"""The mock package's public names, and what it may not depend on."""

from __future__ import annotations

import ast
from pathlib import Path

import threadspec.mock
from threadspec.mock import MockConfig, ThreadspecMock, create_app, serve, serve_in_thread

PACKAGE = Path(threadspec.mock.__file__).parent


def test_public_names() -> None:
    assert threadspec.mock.__all__ == [
        "MockConfig",
        "ThreadspecMock",
        "create_app",
        "serve",
        "serve_in_thread",
    ]
    assert all(callable(f) for f in (MockConfig, ThreadspecMock, create_app, serve, serve_in_thread))


def test_the_mock_never_imports_the_contract_runner_or_the_cli() -> None:
    imported = set()
    for source in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert "threadspec.asgi" in imported  # the walk sees the imports at all
    assert not {m for m in imported if m.startswith(("threadspec.contract", "threadspec.cli"))}
