"""The rate limit: token buckets per client address, 429 in the envelope with ``Retry-After``."""

from __future__ import annotations

import math

import httpx
import pytest

from tests.asgi.helpers import BETA, echo
from threadspec.asgi import ValidationMiddleware
from threadspec.asgi.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_the_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(2.0, burst=3, clock=clock)
    assert [limiter.wait("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.wait("a") == pytest.approx(0.5)
    assert limiter.wait("a") == pytest.approx(0.5)  # a refused request takes no token
    clock.now += 0.5
    assert limiter.wait("a") == 0.0
    assert limiter.wait("a") == pytest.approx(0.5)
    clock.now += 100  # an idle client refills only up to the burst
    assert [limiter.wait("a") for _ in range(4)][-2:] == [0.0, pytest.approx(0.5)]


def test_clients_have_their_own_buckets_and_the_table_is_bounded() -> None:
    clock = Clock()
    limiter = RateLimiter(1.0, burst=1, clock=clock, max_clients=2)
    assert (limiter.wait("a"), limiter.wait("b")) == (0.0, 0.0)
    assert limiter.wait("a") == pytest.approx(1.0)
    limiter.wait("c")  # drops the least recently seen: "b"
    assert limiter.wait("b") == 0.0  # forgotten, so full again
    assert len(limiter._buckets) == 2


@pytest.mark.parametrize("rate", [0.0, -1.0, math.nan, math.inf])
def test_nonsense_rates_are_refused(rate: float) -> None:
    with pytest.raises(ValueError, match="rate limit"):
        RateLimiter(rate)


@pytest.mark.anyio
async def test_the_middleware_answers_429_with_retry_after() -> None:
    # one request per 1000 s: the test can take no time long enough to earn a second token
    app = ValidationMiddleware(echo, rate_limit=0.001)
    first = httpx.ASGITransport(app=app, client=("10.0.0.1", 1))
    other = httpx.ASGITransport(app=app, client=("10.0.0.2", 1))
    async with httpx.AsyncClient(transport=first, base_url="http://t", headers=BETA) as http:
        assert (await http.post("/v1/threads", json={})).status_code == 200
        refused = await http.post("/v1/threads", json={})
        unknown = await http.get("/v1/nowhere")  # counted before routing: every request costs a token
    async with httpx.AsyncClient(transport=other, base_url="http://t", headers=BETA) as http:
        assert (await http.post("/v1/threads", json={})).status_code == 200
    assert refused.status_code == unknown.status_code == 429
    assert int(refused.headers["retry-after"]) == 1000
    error = refused.json()["error"]
    assert (error["type"], error["code"], error["param"]) == ("requests", "rate_limit_exceeded", None)
    assert error["message"].startswith("Rate limit reached for requests: at most 0.001 a second")


def test_off_by_default() -> None:
    assert ValidationMiddleware(echo).limiter is None
