"""Fixtures for running the contract runner in process against the mock (and broken copies of it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from threadspec.contract import ContractConfig
from threadspec.mock import MockConfig, create_app

KEY_ENV = "THREADSPEC_CONTRACT_TEST_KEY"
SECRET = "sk-contract-test-9f8e7d6c5b4a39281706"
BASE_URL = "http://mock.test/v1"
Asgi = Callable[..., Any]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def api_key(monkeypatch: pytest.MonkeyPatch) -> str:
    """The mock insists on this key, so every test also proves the runner sends it."""
    monkeypatch.setenv(KEY_ENV, SECRET)
    return SECRET


@pytest.fixture
def mock_app() -> Iterator[Callable[..., Any]]:
    """``mock_app(mode="stateless", ...)``: a fresh mock that wants :data:`SECRET`, closed after the test."""
    opened: list[Any] = []

    def make(**options: Any) -> Any:
        app = create_app(MockConfig(api_key=SECRET, **options))
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.state.service.close()


def config_for(app: Asgi, **options: Any) -> ContractConfig:
    """A quick, quiet, seeded run against ``app`` in process."""
    settings: dict[str, Any] = {
        "base_url": BASE_URL,
        "api_key_env": KEY_ENV,
        "transport": httpx.ASGITransport(app=app),
        "max_examples": 3,
        "seed": 7,
        "progress": False,
        "poll_timeout_seconds": 10.0,
    }
    settings.update(options)
    return ContractConfig(**settings)
