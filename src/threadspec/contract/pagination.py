"""The pagination workflow: walking a list page by page loses nothing, repeats nothing, keeps order.

Cursors work the way the API documents them: ``after=X`` starts the page right after X and
``before=X`` ends it right before X, both in the requested order; ``has_more`` is true exactly
when a forward walk has further pages; ``first_id``/``last_id`` name the ends of ``data``.
Every broken expectation is recorded and the walk goes on as far as the pages allow.
"""

from __future__ import annotations

from typing import Any

from threadspec._counting import counted
from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.exchange import Exchange
from threadspec.contract.resources import Resources
from threadspec.contract.steps import INCOMPLETE, call, expect, items

COUNT = 7
LIMIT = 2
_MAX_PAGES = COUNT + 2  # a server that never says has_more=false must not keep the walk going
NAME = "pagination"


def _ids(page: dict[str, Any]) -> list[str]:
    return [str(item.get("id")) for item in items(page)]


def _check_page(ctx: CheckContext, page: dict[str, Any], order: str, step: str, exchange: Exchange) -> None:
    data = items(page)
    expect(ctx, len(data) <= LIMIT, NAME, "pages hold at most limit items",
           f"a page holds {counted(len(data), 'item')}, limit was {LIMIT}", exchange)  # fmt: skip
    ends = (data[0].get("id"), data[-1].get("id")) if data else (None, None)
    expect(ctx, (page.get("first_id"), page.get("last_id")) == ends, NAME, "first_id and last_id name the ends",
           f"first_id/last_id are {page.get('first_id')!r}/{page.get('last_id')!r}, data runs {ends}",
           exchange)  # fmt: skip
    times = [item.get("created_at", 0) for item in data]
    ordered = all(isinstance(t, int | float) for t in times) and times == sorted(
        times, reverse=order == "desc"
    )
    expect(ctx, ordered, NAME, "pages in created_at order", f"created_at {times} on the {step}", exchange)


async def _walk_forward(ctx: CheckContext, tid: str, order: str, expected: list[str]) -> None:
    seen: list[str] = []
    cursor: dict[str, str] = {}
    for number in range(1, _MAX_PAGES + 1):
        step = f"{order} page {number}"
        query = {"limit": LIMIT, "order": order, **cursor}
        page, exchange = await call(ctx, step, "listMessages", {"thread_id": tid}, query=query)
        _check_page(ctx, page, order, step, exchange)
        ids = _ids(page)
        repeated = [i for i in ids if i in seen]
        if not expect(ctx, not repeated, NAME, "after pages repeat nothing",
                      f"{repeated} appeared again on the {step}", exchange):  # fmt: skip
            return  # the cursor is not followed: what the walk holds says nothing more
        seen += ids
        more_exist = len(seen) < len(expected)
        expect(ctx, page.get("has_more") is more_exist, NAME, "has_more says whether pages follow",
               f"has_more is {page.get('has_more')!r} with {counted(len(expected) - len(seen), 'item')} left",
               exchange)  # fmt: skip
        if not more_exist or not ids:
            break
        cursor = {"after": ids[-1]}
    expect(ctx, seen == expected, NAME, "a walk holds every item once, in order",
           f"the {order} pages held {seen}, expected {expected}")  # fmt: skip


async def _walk_backward(ctx: CheckContext, tid: str, expected: list[str]) -> None:
    """From the last item, ``before`` pages lead back to the first with nothing skipped."""
    end = len(expected) - 1
    for _ in range(_MAX_PAGES):
        if end <= 0:
            break
        step = f"asc page before item {end}"
        query = {"limit": LIMIT, "order": "asc", "before": expected[end]}
        page, exchange = await call(ctx, step, "listMessages", {"thread_id": tid}, query=query)
        _check_page(ctx, page, "asc", step, exchange)
        ids = _ids(page)
        want = expected[max(0, end - LIMIT) : end]
        if not expect(ctx, ids == want, NAME, "before pages end right before the cursor",
                      f"the page holds {ids}, expected {want}", exchange):  # fmt: skip
            return
        end -= len(ids)


async def pagination(ctx: CheckContext) -> Verdict:
    texts = [f"page item {i}" for i in range(COUNT)]
    thread = await Resources(ctx).thread({"messages": [{"role": "user", "content": t} for t in texts]})
    tid = thread["id"]
    query = {"limit": 100, "order": "asc"}
    everything, exchange = await call(ctx, "list all", "listMessages", {"thread_id": tid}, query=query)
    expected = _ids(everything)
    complete = expect(ctx, len(expected) == COUNT, NAME, "one page holds all",
                      f"one page of limit 100 holds {len(expected)} of {COUNT} messages", exchange,
                      key=INCOMPLETE)  # fmt: skip
    if not complete:  # the walks would be judged against a wrong list
        ctx.verdict.cases = 1
        return ctx.verdict
    expect(ctx, everything.get("has_more") is False, NAME, "has_more says whether pages follow",
           f"has_more is {everything.get('has_more')!r} on a page that holds everything", exchange)  # fmt: skip
    await _walk_forward(ctx, tid, "asc", expected)
    await _walk_forward(ctx, tid, "desc", expected[::-1])
    await _walk_backward(ctx, tid, expected)
    ctx.verdict.cases = 4
    return ctx.verdict
