"""Cursor pages the way the API pages its lists: ``limit``, ``order``, ``after``, ``before``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from threadspec.asgi import MatchedRequest
from threadspec.mock.records import Kind, Serve, Store, to_json

DEFAULT_LIMIT = 20


def page(objects: Sequence[dict[str, Any]], request: MatchedRequest) -> dict[str, Any]:
    """One page of ``objects`` (oldest first, as stores return them) as a list object.

    ``after`` starts the page right after that object and ``before`` ends it right before, both
    in the requested order; ``has_more`` says whether objects lie beyond the page in the direction
    of travel. A cursor that names no object of the list yields an empty page.
    """
    ordered = list(objects) if request.query_value("order") == "asc" else list(reversed(objects))
    limit = int(request.query_value("limit") or DEFAULT_LIMIT)
    ids = [o["id"] for o in ordered]
    after, before = request.query_value("after"), request.query_value("before")
    start, end = 0, len(ordered)
    if after:
        start = ids.index(after) + 1 if after in ids else len(ids)
    if before:
        end = ids.index(before) if before in ids else 0
    window = ordered[start:end]
    if before and not after:
        chosen, has_more = window[-limit:], len(window) > limit
    else:
        chosen, has_more = window[:limit], len(window) > limit
    return _list(chosen, has_more)


def stored_page(store: Store, kind: Kind, thread_id: str, request: MatchedRequest) -> dict[str, Any]:
    """The page :func:`page` would cut from ``store.children(kind, thread_id)``, read from the store alone.

    A thread of 100,000 messages costs what a thread of 20 does: the store seeks to the page.
    """
    chosen, has_more = store.page(kind, thread_id, **_cut(request))
    return _list([r.body for r in chosen], has_more)


def served_page(store: Store, kind: Kind, thread_id: str, request: MatchedRequest, serve: Serve) -> bytes:
    """The JSON of :func:`stored_page`'s list with each object as ``serve`` encodes it.

    The objects' JSON goes into the list as it is (``msgspec.Raw``), so the bytes are those of the list
    of the served objects encoded whole, and a store that keeps what ``serve`` gave lists a page again
    without decoding, shaping or encoding any object.
    """
    chosen, has_more = store.served_page(kind, thread_id, **_cut(request), serve=serve)
    data = [msgspec.Raw(served) for _, served in chosen]
    first, last = (chosen[0][0], chosen[-1][0]) if chosen else (None, None)
    return to_json(_envelope(data, first, last, has_more))


def _cut(request: MatchedRequest) -> dict[str, Any]:
    """Where a store's page starts and ends, from the request's query."""
    return {
        "ascending": request.query_value("order") == "asc",
        "after": request.query_value("after"),
        "before": request.query_value("before"),
        "limit": int(request.query_value("limit") or DEFAULT_LIMIT),
    }


def _list(data: list[Any], has_more: bool) -> dict[str, Any]:
    return _envelope(data, data[0]["id"] if data else None, data[-1]["id"] if data else None, has_more)


def _envelope(data: list[Any], first_id: str | None, last_id: str | None, has_more: bool) -> dict[str, Any]:
    return {"object": "list", "data": data, "first_id": first_id, "last_id": last_id, "has_more": has_more}
