"""A request rate limit: one token bucket per client address, off unless a rate is given.

Each client may make ``burst`` requests at once and ``rate`` a second after that; a request over
the limit is answered 429 in the API's envelope with ``Retry-After``, before its body is read.
Buckets are kept for at most ``max_clients`` addresses, least recently seen dropped first, so a
flood of new addresses cannot grow the table without bound.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from threadspec import messages
from threadspec.asgi.refusal import Refusal

_MAX_CLIENTS = 10_000


def too_many_requests(rate: float, wait: float) -> str:
    return f"Rate limit reached for requests: at most {rate:g} a second from one client. Please try again in {wait:.3g}s."


class RateLimiter:
    """Token buckets keyed by client address."""

    def __init__(
        self,
        rate: float,
        burst: int | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = _MAX_CLIENTS,
    ) -> None:
        if not rate > 0 or math.isinf(rate):
            raise ValueError(f"the rate limit must be a positive number of requests a second, not {rate!r}")
        self.rate = rate
        self.burst = burst if burst is not None else max(1, math.ceil(rate))
        if self.burst < 1:
            raise ValueError(f"the burst must be at least 1, not {burst!r}")
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when counted)
        # ASGI servers may call one middleware from several threads (one event loop each)
        self._lock = threading.Lock()

    def wait(self, client: str) -> float:
        """0.0 when ``client`` may go ahead (a token is taken), else the seconds until a token is free."""
        with self._lock:
            now = self.clock()
            tokens, then = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
            self._buckets[client] = (
                tokens - 1 if wait == 0 else tokens,
                now,
            )  # re-inserted: most recent last
            if len(self._buckets) > self.max_clients:
                del self._buckets[next(iter(self._buckets))]
            return wait

    def check(self, client: str) -> None:
        """A 429 refusal, with ``Retry-After`` in whole seconds, when ``client`` is over the limit."""
        wait = self.wait(client)
        if wait > 0:
            body = messages.error_body(
                too_many_requests(self.rate, wait), None, "rate_limit_exceeded", "requests"
            )
            raise Refusal(429, body, [(b"retry-after", str(math.ceil(wait)).encode())])
