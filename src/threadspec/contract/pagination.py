"""The pagination workflow: walking a list page by page loses nothing, repeats nothing, keeps order.

Cursors work the way the API documents them: ``after=X`` starts the page right after X and
``before=X`` ends it right before X, both in the requested order; ``has_more`` is true exactly
when a forward walk has further pages; ``first_id``/``last_id`` name the ends of ``data``.
"""

from __future__ import annotations

from typing import Any

from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.exchange import Exchange
from threadspec.contract.verdict import fail, success

COUNT = 7
LIMIT = 2
_MAX_PAGES = COUNT + 2  # a server that never says has_more=false must not keep the walk going


async def _page(ctx: CheckContext, tid: str, case: str, **query: Any) -> tuple[dict[str, Any], Exchange]:
    exchange = await ctx.client.call("listMessages", {"thread_id": tid}, query={"limit": LIMIT, **query})
    page: dict[str, Any] = success(exchange, case)
    return page, exchange


def _ids(page: dict[str, Any]) -> list[str]:
    return [str(item.get("id")) for item in page.get("data", [])]


def _check_page(page: dict[str, Any], order: str, case: str, exchange: Exchange) -> None:
    data = page.get("data", [])
    if len(data) > LIMIT:
        raise fail(case, f"page holds {len(data)} items, limit was {LIMIT}", exchange)
    ends = (data[0].get("id"), data[-1].get("id")) if data else (None, None)
    if (page.get("first_id"), page.get("last_id")) != ends:
        raise fail(
            case,
            f"first_id/last_id are {page.get('first_id')!r}/{page.get('last_id')!r}, data runs {ends}",
            exchange,
        )
    times = [item.get("created_at", 0) for item in data]
    if times != sorted(times, reverse=order == "desc"):
        raise fail(case, f"created_at {times} is not in {order} order", exchange)


async def _walk_forward(ctx: CheckContext, tid: str, order: str, expected: list[str]) -> None:
    seen: list[str] = []
    cursor: dict[str, str] = {}
    for number in range(1, _MAX_PAGES + 1):
        case = f"{order} page {number} after {cursor.get('after', 'start')}"
        page, exchange = await _page(ctx, tid, case, order=order, **cursor)
        _check_page(page, order, case, exchange)
        ids = _ids(page)
        repeated = [i for i in ids if i in seen]
        if repeated:
            raise fail(case, f"{repeated} already appeared on an earlier page", exchange)
        seen += ids
        more_exist = len(seen) < len(expected)
        if page.get("has_more") is not more_exist:
            raise fail(
                case,
                f"has_more is {page.get('has_more')!r} with {len(expected) - len(seen)} items left",
                exchange,
            )
        if seen != expected[: len(seen)]:
            raise fail(case, f"walk so far {seen}, expected {expected[: len(seen)]}", exchange)
        if not more_exist or not ids:
            break
        cursor = {"after": ids[-1]}
    if seen != expected:
        raise fail(f"{order} walk", f"the pages held {seen}, expected {expected}")


async def _walk_backward(ctx: CheckContext, tid: str, expected: list[str]) -> None:
    """From the last item, ``before`` pages lead back to the first with nothing skipped."""
    end = len(expected) - 1
    for _ in range(_MAX_PAGES):
        if end <= 0:
            break
        case = f"asc page before {expected[end]}"
        page, exchange = await _page(ctx, tid, case, order="asc", before=expected[end])
        _check_page(page, "asc", case, exchange)
        ids = _ids(page)
        want = expected[max(0, end - LIMIT) : end]
        if ids != want:
            raise fail(
                case,
                f"page holds {ids}, expected the {len(want)} items right before the cursor: {want}",
                exchange,
            )
        end -= len(ids)
    if end > 0:
        raise fail("asc walk backward", f"{end} items were never reached with before")


async def pagination(ctx: CheckContext) -> Verdict:
    texts = [f"page item {i}" for i in range(COUNT)]
    thread = await ctx.resources.thread({"messages": [{"role": "user", "content": t} for t in texts]})
    tid = thread["id"]
    exchange = await ctx.client.call("listMessages", {"thread_id": tid}, query={"limit": 100, "order": "asc"})
    everything = success(exchange, "list all")
    expected = _ids(everything)
    if len(expected) != COUNT or everything.get("has_more") is not False:
        raise fail("list all", f"one page of limit 100 holds {len(expected)} of {COUNT} messages", exchange)
    await _walk_forward(ctx, tid, "asc", expected)
    await _walk_forward(ctx, tid, "desc", expected[::-1])
    await _walk_backward(ctx, tid, expected)
    return Verdict(cases=4)
