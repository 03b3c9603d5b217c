"""Fixtures for driving the mock in process; every response any test gets is checked against the spec of the
profile its request's ``OpenAI-Beta`` header names."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import msgspec
import pytest

from threadspec import contract_for, profiles, validate, validate_response
from threadspec._decode import depth_exceeds
from threadspec.asgi import route
from threadspec.asgi.profiles import Profiles
from threadspec.mock import MockConfig, create_app
from threadspec.sse import parse_text

BETA = {"OpenAI-Beta": "assistants=v2"}
BETA_V1 = {"OpenAI-Beta": "assistants=v1"}
# the contract each request is held to, as the mock chooses it (v2 without a header it knows)
CONTRACTS = Profiles([contract_for("v2"), *(contract_for(p) for p in profiles() if p != "v2")])
OpenMock = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def check_against_spec(response: httpx.Response) -> None:
    """Fail the request unless its response is what the contract allows for it."""
    await response.aread()
    assert re.fullmatch(r"req_[0-9a-f]{32}", response.headers.get("x-request-id", "")), response.headers
    request = response.request
    contract = CONTRACTS.select(request.headers.get("OpenAI-Beta"))
    found = route(request.method, request.url.raw_path.decode("ascii"), contract=contract)
    content_type = response.headers.get("content-type", "")
    if found is None:  # unknown route or method: still the API's envelope
        assert response.status_code in (404, 405), response.text
        result = validate(response.content, "ErrorResponse", contract=contract)
    else:
        body: Any = response.content
        if depth_exceeds(body):
            # the validator refuses raw JSON past the request limit, but a list of runs that echo a
            # request at the limit nests two levels deeper: judge the decoded value instead
            body = msgspec.json.decode(body)
        result = validate_response(
            found[0].operation_id, response.status_code, body, content_type, contract=contract
        )
    assert result.valid, f"{request.method} {request.url} → {response.status_code}: {result.to_dict()}"
    if content_type.startswith("text/event-stream"):
        events = parse_text(response.content)
        assert events, "an empty stream"
        assert (events[-1].event, events[-1].data) == ("done", "[DONE]")


@asynccontextmanager
async def _open(
    config: MockConfig, headers: dict[str, str] | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(config)
    transport = httpx.ASGITransport(app=app)
    hooks: dict[str, list[Any]] = {"response": [check_against_spec]}
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://mock/v1",
        headers=BETA if headers is None else headers,
        event_hooks=hooks,
    ) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client
    app.state.service.close()


@pytest.fixture
def open_mock() -> OpenMock:
    """``async with open_mock(MockConfig(...)) as client``: an httpx client bound to a fresh mock."""
    return _open


@pytest.fixture(params=["memory", "sqlite"])
def stateful_config(request: pytest.FixtureRequest, tmp_path: Path) -> MockConfig:
    """A seeded stateful config, once per store."""
    db = tmp_path / "mock.sqlite" if request.param == "sqlite" else None
    return MockConfig(seed=7, db=db, poll_after_ms=0)


@pytest.fixture
async def client(open_mock: OpenMock, stateful_config: MockConfig) -> AsyncIterator[httpx.AsyncClient]:
    """A client of a stateful mock, once per store."""
    async with open_mock(stateful_config) as opened:
        yield opened


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, now: float = 1_800_000_000) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def with_clock(stateful_config: MockConfig, clock: FakeClock) -> MockConfig:
    return replace(stateful_config, clock=clock)
