"""Ids in responses: each kind's prefix (``thread_``, ``msg_`` …), and the object asked for coming back.

A response id without its kind's prefix is tolerated by the SDKs (a warning); an answer about another
object than the one the path names (``GET /threads/thread_b`` answering ``thread_a``) is an error.
"""

from __future__ import annotations

from typing import Any

from threadspec import facts
from threadspec._contract import Contract
from threadspec.contract import titles
from threadspec.contract.exchange import Exchange
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.objects import Path, objects, pointer_of

PREFIX_KEY = "id-prefix"
WRONG_OBJECT_KEY = "wrong-object"


def _kind_prefix(kind: Any, contract: Contract) -> str | None:
    if not isinstance(kind, str):
        return None
    return facts.prefix_for_object(kind.removesuffix(facts.DELETED_SUFFIX), contract)


def prefix_problems(body: Any, exchange: Exchange, contract: Contract, base: Path = ()) -> list[Problem]:
    """Every id in ``body`` (``id`` by the object's kind, ``thread_id`` … by name) without its prefix and
    separator (``thread_``, and in v1 ``file-``)."""
    found: list[Problem] = []
    prefixes, starts = facts.id_prefixes(contract), facts.id_starts(contract)

    def check(value: Any, field: str | None, at: Path) -> None:
        start = starts.get(field) if field is not None else None
        if start is not None and isinstance(value, str) and not value.startswith(start):
            prefix = prefixes[str(field)]
            title = titles.id_prefix(prefix, value, start)
            found.append(Problem(PREFIX_KEY, Severity.WARNING, title, prefix, exchange, (pointer_of(at),)))

    by_prefix = {prefix: field for field, prefix in prefixes.items()}
    for path, obj in objects(body, base):
        own = _kind_prefix(obj.get("object"), contract)
        check(obj.get("id"), by_prefix.get(own) if own is not None else None, (*path, "id"))
        for field in starts:
            check(obj.get(field), field, (*path, field))
    return found


def echo_problems(body: Any, exchange: Exchange, contract: Contract) -> list[Problem]:
    """Objects that name another thread, run or object than the path of the request did."""
    path_ids = dict(exchange.path)
    if not path_ids or not isinstance(body, dict):
        return []
    listed = body.get("data") if body.get("object") == "list" else None
    items = [i for i in listed if isinstance(i, dict)] if isinstance(listed, list) else [body]
    own = list(path_ids)[-1]  # the last path parameter names the object the operation is about
    found: list[Problem] = []
    for item in items:
        expected = {field: value for field, value in path_ids.items() if field in item}
        if listed is None and _kind_prefix(item.get("object"), contract) == facts.id_prefixes(contract).get(
            own
        ):
            expected["id"] = path_ids[own]
        for field, want in expected.items():
            if item.get(field) != want:
                title = titles.wrong_object(exchange.operation_id, field, item.get(field), want)
                found.append(
                    Problem(WRONG_OBJECT_KEY, Severity.ERROR, title, exchange.operation_id, exchange)
                )
    return found
