"""Judging one exchange: the status it should have, the schema its body should meet, the error it should name."""

from __future__ import annotations

from typing import Any

from threadspec.contract.exchange import Exchange
from threadspec.contract.report import Failure
from threadspec.validate import validate_response


class CheckFailedError(Exception):
    """A check found the server breaking the contract; ``failure`` says how, with the exchange."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.reason)
        self.failure = failure


class CheckSkippedError(Exception):
    """A check cannot say anything about this server (the reason is the message)."""


def fail(case: str, reason: str, exchange: Exchange | None = None) -> CheckFailedError:
    return CheckFailedError(Failure(case, reason, exchange))


def _got(exchange: Exchange) -> str:
    if exchange.response is None:
        return f"no response ({exchange.error})"
    return f"HTTP {exchange.response.status}"


def contract_errors(exchange: Exchange) -> str | None:
    """Why the response breaks the spec for its status and content type, or ``None`` when it does not."""
    received = exchange.response
    if received is None:
        return f"no response ({exchange.error})"
    result = validate_response(exchange.operation_id, received.status, received.text, received.content_type)
    if result.valid:
        return None
    first = result.errors[0]
    where = first.pointer or "the body"
    more = f" (and {len(result.errors) - 1} more)" if len(result.errors) > 1 else ""
    return f"response does not match {result.schema} at {where}: {first.message}{more}"


def success(exchange: Exchange, case: str) -> Any:
    """The decoded body of a 2xx response that matches the spec; raise :class:`CheckFailedError` otherwise."""
    status = exchange.status
    if status is None or not 200 <= status < 300:
        raise fail(case, f"expected a 2xx response, got {_got(exchange)}", exchange)
    problem = contract_errors(exchange)
    if problem is not None:
        raise fail(case, problem, exchange)
    return exchange.json()


def usable(exchange: Exchange, case: str) -> dict[str, Any]:
    """A 2xx object with an ``id``: enough to build on, even when the rest of it breaks the spec.

    Setup is lenient on purpose: whether the response matches the spec is the positive check's
    verdict on that operation, not every check's that needed such an object.
    """
    status = exchange.status
    if status is None or not 200 <= status < 300:
        raise fail(case, f"expected a 2xx response, got {_got(exchange)}", exchange)
    body = exchange.json()
    if not isinstance(body, dict) or not isinstance(body.get("id"), str):
        raise fail(case, "the response is not an object with an id", exchange)
    return body


def judge_success(exchange: Exchange, case: str) -> Failure | None:
    try:
        success(exchange, case)
    except CheckFailedError as exc:
        return exc.failure
    return None


def error_param(exchange: Exchange) -> Any:
    """The ``param`` of an error envelope (whose shape :func:`contract_errors` has already checked)."""
    body = exchange.json()
    error = body.get("error") if isinstance(body, dict) else None
    return error.get("param") if isinstance(error, dict) else None


def judge_rejection(exchange: Exchange, case: str, expected_params: list[str | None]) -> Failure | None:
    """A request that breaks the contract must get a documented 4xx whose envelope names the right ``param``."""
    status = exchange.status
    if status is None or not 400 <= status < 500:
        kind = "accepted" if status is not None and status < 300 else "not rejected with a 4xx"
        return Failure(case, f"invalid request {kind}: {_got(exchange)}", exchange)
    problem = contract_errors(exchange)
    if problem is not None:
        return Failure(case, f"error response breaks the envelope: {problem}", exchange)
    param = error_param(exchange)
    if param not in expected_params:
        want = " or ".join(repr(p) for p in expected_params)
        return Failure(case, f"error names param {param!r}, expected {want}", exchange)
    return None


def not_found(exchange: Exchange, case: str) -> None:
    """A 404 in the error envelope, as the API answers for an object that does not exist (any more)."""
    if exchange.status != 404:
        raise fail(case, f"expected 404 for a deleted object, got {_got(exchange)}", exchange)
    problem = contract_errors(exchange)
    if problem is not None:
        raise fail(case, problem, exchange)
