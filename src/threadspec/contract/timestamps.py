"""Timestamps in responses are Unix seconds: integers, in seconds (not milliseconds), and, for objects
made during the run, near the server's ``Date`` header (or this machine's clock when it sends none)."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime
from typing import Any

from threadspec import facts
from threadspec.contract import titles
from threadspec.contract.exchange import Exchange
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.objects import Path, objects, pointer_of

# In seconds this is the year 5138; in milliseconds, 1973: no plausible timestamp is ambiguous.
MILLISECONDS_FROM = 100_000_000_000
FAR_SECONDS = 86_400  # a day: clocks disagree by less, even on a server that runs in UTC-12
CREATED = "created_at"  # the one timestamp that must be "now" for an object made during the run


def reference(exchange: Exchange) -> tuple[float, str]:
    """The time to hold ``created_at`` to, and what it is."""
    date = exchange.response.header("date") if exchange.response is not None else None
    if date:
        try:
            return parsedate_to_datetime(date).timestamp(), "the server's Date header"
        except (TypeError, ValueError):
            pass
    return time.time(), "this machine's clock"


def timestamp_problems(body: Any, exchange: Exchange, base: Path = ()) -> tuple[list[Problem], set[str]]:
    """Problems with the timestamps in ``body``, and the pointers they explain (their type errors)."""
    found: list[Problem] = []
    claimed: set[str] = set()
    now, source = reference(exchange)
    for path, obj in objects(body, base):
        for field, value in obj.items():
            if not facts.is_timestamp(field) or isinstance(value, bool) or not isinstance(value, int | float):
                continue
            at = pointer_of((*path, field))
            problem = _judge(field, value, now, source)
            if problem is not None:
                key, severity, title, claims = problem
                found.append(Problem(key, severity, title, field, exchange, (at,)))
                if claims:
                    claimed.add(at)
    return found, claimed


def _judge(field: str, value: float, now: float, source: str) -> tuple[str, Severity, str, bool] | None:
    if abs(value) >= MILLISECONDS_FROM:
        return "timestamp:milliseconds", Severity.ERROR, titles.timestamp_milliseconds(field, value), True
    if isinstance(value, float) and not value.is_integer():
        return "timestamp:fraction", Severity.ERROR, titles.timestamp_fraction(field, value), True
    if isinstance(value, float):
        return "timestamp:decimal", Severity.STRICT, titles.timestamp_decimal(field, value), True
    if field == CREATED and abs(value - now) > FAR_SECONDS:
        days = round(abs(value - now) / 86_400)
        return "timestamp:far", Severity.WARNING, titles.timestamp_far(field, value, days, source), False
    return None
