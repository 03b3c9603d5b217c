"""The vocabulary of workflows: call a step, compare what came back, expect a behaviour.

Nothing here stops a workflow at a broken expectation: each is recorded and the workflow goes on,
unless the step left nothing to go on with (:class:`~threadspec.contract.verdict.Blocked`). A field
that differs because its response already broke the schema there (``metadata`` missing, or renamed)
is that problem again, now known to lose data: it becomes an error, not a second finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from threadspec.contract import titles
from threadspec.contract.context import CheckContext
from threadspec.contract.exchange import Exchange
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.verdict import body_of
from threadspec.validate import validate_response

Body = dict[str, Any]
INCOMPLETE = "lists:incomplete"  # a list that leaves out items, whichever workflow shows it


async def call(
    ctx: CheckContext, step: str, operation_id: str, ids: Mapping[str, str] | None = None, **kw: Any
) -> tuple[Body, Exchange]:
    exchange = await ctx.client.call(operation_id, ids, **kw)
    return body_of(ctx, exchange, step), exchange


def explained(ctx: CheckContext, exchange: Exchange | None, pointer: str | None) -> bool:
    """Whether a problem already on record for ``exchange`` is about ``pointer``; if so it is now known
    to break behaviour, so it counts as an error."""
    if exchange is None or pointer is None:
        return False
    known = [p for p in ctx.verdict.about(exchange) if pointer in p.covers]
    ctx.verdict.record(p.elevated(Severity.ERROR) for p in known)
    return bool(known)


def differs(
    ctx: CheckContext,
    step: str,
    field: str,
    got: Any,
    expected: Any,
    exchange: Exchange,
    pointer: str | None = None,
) -> None:
    """Record that ``field`` (at ``pointer``, by default ``/field``) came back as ``got``, not ``expected``."""
    if explained(ctx, exchange, pointer or "/" + field):
        return
    op = exchange.operation_id
    title = titles.mismatch(op, field, got, expected, step)
    ctx.verdict.record([Problem(f"mismatch:{op}:{field}", Severity.ERROR, title, field, exchange)])


def same(
    ctx: CheckContext,
    step: str,
    expected: Body,
    got: Body,
    keys: tuple[str, ...],
    exchange: Exchange,
    at: str = "",
) -> None:
    """Record each of ``keys`` that differs; ``got`` sits at pointer ``at`` of the response (a list item)."""
    for key in keys:
        if expected.get(key) != got.get(key):
            differs(ctx, step, key, got.get(key), expected.get(key), exchange, f"{at}/{key}")


def expect(
    ctx: CheckContext,
    condition: bool,
    workflow: str,
    step: str,
    reason: str,
    exchange: Exchange | None = None,
    *,
    about: str | None = None,
    key: str | None = None,
) -> bool:
    """Record a broken expectation (unless a problem about ``about`` explains it); whether it held.

    ``key`` names a root cause more than one workflow can show (a list that leaves out items).
    """
    if not condition and not explained(ctx, exchange, about):
        title = titles.expectation(workflow, step, reason)
        problem_key = key or f"workflow:{workflow}:{step}"
        ctx.verdict.record([Problem(problem_key, Severity.ERROR, title, step, exchange)])
    return condition


def gone(ctx: CheckContext, exchange: Exchange) -> None:
    """An object that was deleted answers 404, in the error envelope."""
    op = exchange.operation_id
    if exchange.status != 404:
        if exchange.response is None:
            ctx.judge(exchange)
            return
        title = titles.still_there(op, exchange.response.status)
        ctx.verdict.record([Problem(f"still-there:{op}", Severity.ERROR, title, op, exchange)])
        return
    received = exchange.response
    assert received is not None
    result = validate_response(op, 404, received.text, received.content_type, contract=ctx.contract)
    if not result.valid:
        first = result.errors[0]
        title = titles.envelope(f"{first.pointer or 'the body'}: {first.message}")
        ctx.verdict.record([Problem("envelope", Severity.WARNING, title, "", exchange)])


def text_of(message: Body) -> str | None:
    """The text of a message whose content is one text part, as string input becomes."""
    parts = message.get("content") or []
    if parts and isinstance(parts, list) and isinstance(parts[0], dict) and parts[0].get("type") == "text":
        value = (parts[0].get("text") or {}).get("value")
        return value if isinstance(value, str) else None
    return None


def items(listing: Body) -> list[Body]:
    data = listing.get("data")
    return [i for i in data if isinstance(i, dict)] if isinstance(data, list) else []
