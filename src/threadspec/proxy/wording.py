"""The proxy's own messages: when the upstream cannot answer, or a stream stops short."""

from __future__ import annotations

from threadspec.facts import STREAM_DONE_EVENT
from threadspec.result import Violation
from threadspec.stream_order import OrderError


def upstream_unreachable(upstream: str, reason: str) -> str:
    return f"The upstream server {upstream} could not be reached: {reason}."


def upstream_timed_out(upstream: str, seconds: float) -> str:
    return f"The upstream server {upstream} did not answer within {seconds:g} seconds."


def upstream_broke_off(upstream: str, reason: str) -> str:
    return f"The upstream server {upstream} broke off its answer: {reason}."


def stream_unfinished(last_event: str | None) -> str:
    last = "it had no events" if last_event is None else f"its last event was '{last_event[:100]}'"
    return f"The event stream ended without the {STREAM_DONE_EVENT!r} event ({last})."


def upstream_violation(message: str) -> Violation:
    """An upstream that gave no (whole) answer, as the log records it."""
    return Violation(
        pointer="",
        param=None,
        rule="upstream",
        limit=None,
        value="",
        message=message,
        code=None,
        location="response",
    )


def unfinished_violation(last_event: str | None) -> Violation:
    return Violation(
        pointer="",
        param=None,
        rule="stream_end",
        limit=STREAM_DONE_EVENT,
        value=last_event or "",
        message=stream_unfinished(last_event),
        code=None,
        location="stream",
    )


def stream_out_of_order(error: OrderError) -> str:
    return f"The event stream broke the order of a run's events at {error}."


def order_violation(error: OrderError) -> Violation:
    """The first event of a stream out of the legal order, at its place in the stream."""
    return Violation(
        pointer=f"/{error.index}",
        param=f"[{error.index}]",
        rule="stream_order",
        limit=error.state or None,
        value=error.event,
        message=stream_out_of_order(error),
        code=None,
        location="stream",
    )
