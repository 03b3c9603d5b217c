"""Fixtures for driving the proxy in process, in front of the broken upstream."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.proxy.upstream import BrokenUpstream
from threadspec.proxy import ProxyApp, ProxyConfig, create_app

BETA = {"OpenAI-Beta": "assistants=v2"}
UPSTREAM = "http://upstream.test/v1"
OpenProxy = Callable[..., AbstractAsyncContextManager[tuple[httpx.AsyncClient, ProxyApp]]]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def upstream() -> BrokenUpstream:
    return BrokenUpstream()


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "violations.jsonl"


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture
def open_proxy(upstream: BrokenUpstream, log: Path) -> OpenProxy:
    """``async with open_proxy(mode=...) as (client, app)``: a client of a proxy in front of ``upstream``."""

    @asynccontextmanager
    async def opened(**options: Any) -> AsyncIterator[tuple[httpx.AsyncClient, ProxyApp]]:
        config = ProxyConfig(upstream=UPSTREAM, log=log, **options)
        async with create_app(config, transport=httpx.ASGITransport(app=upstream)) as app:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://proxy/v1", headers=BETA
            ) as client:
                yield client, app

    return opened
