"""Judging the calls a check builds on: record every problem, go on while there is something to go on with."""

from __future__ import annotations

from typing import Any

from threadspec.contract import titles
from threadspec.contract.context import CheckContext
from threadspec.contract.exchange import Exchange
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.judge import is_success


class Blocked(Exception):
    """A check cannot go on: what it needed did not come back usable (the problems are recorded)."""


class Empty(Exception):
    """A check had nothing to validate (say, a list with no items): it proves nothing either way."""


def body_of(ctx: CheckContext, exchange: Exchange, step: str) -> dict[str, Any]:
    """The object a valid request got back, judged; :class:`Blocked` when there is none to go on with.

    A body with shape problems is still returned: a workflow goes on and finds what else is wrong.
    """
    problems = ctx.judge(exchange)
    body = exchange.json()
    if is_success(exchange) and isinstance(body, dict):
        return body
    raise Blocked(f"{step}: {problems[0].title if problems else 'no JSON object came back'}")


def usable(ctx: CheckContext, exchange: Exchange, step: str) -> dict[str, Any]:
    """Like :func:`body_of`, for an object to build on: it must carry a string ``id``."""
    body = body_of(ctx, exchange, step)
    if isinstance(body.get("id"), str):
        return body
    op = exchange.operation_id
    title = titles.control_unusable(op, "no string id")
    ctx.verdict.record([Problem(f"unusable:{op}", Severity.ERROR, title, op, exchange)])
    raise Blocked(f"{step}: {title}")
