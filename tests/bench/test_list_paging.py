"""The stores' own paging (what keeps list latency flat as threads grow) cuts exactly the pages
``paging.page`` cuts from the whole list, on both stores, for every cursor combination."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from threadspec import spec
from threadspec.asgi import MatchedRequest
from threadspec.mock.memory_store import MemoryStore
from threadspec.mock.paging import page, served_page, stored_page
from threadspec.mock.records import Record, Store, to_json
from threadspec.mock.sqlite_store import SqliteStore

THREAD = "thread_1"


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened: Store = MemoryStore() if request.param == "memory" else SqliteStore(tmp_path / "store.sqlite")
    yield opened
    opened.close()


def _message(object_id: str, created_at: int, seq: int, thread_id: str = THREAD) -> Record:
    return Record("message", object_id, thread_id, None, created_at, seq, {"id": object_id})


def _fill(store: Store, count: int, rng: random.Random) -> list[str]:
    """Messages created out of order and in clumps of equal seconds, a deleted one, noise around them."""
    with store.transaction():
        store.put(Record("thread", THREAD, THREAD, None, 0, 0, {"id": THREAD}))
        store.put(_message("msg_other", 5, 10_000, "thread_2"))
        store.put(Record("run", "run_1", THREAD, None, 5, 10_001, {"id": "run_1"}))
        order = list(range(count))
        rng.shuffle(order)
        for i in order:
            store.put(_message(f"msg_{i:03}", i // 3, i))
        store.delete("message", "msg_004")
    with pytest.raises(RuntimeError):  # a rolled-back write leaves no trace
        _put_then_fail(store, _message("msg_gone", 1, 500))
    return [f"msg_{i:03}" for i in range(count) if i != 4]


def _put_then_fail(store: Store, record: Record) -> None:
    with store.transaction():
        store.put(record)
        raise RuntimeError("rolled back")


def _request(query: dict[str, str]) -> MatchedRequest:
    operation = spec.operation("listMessages")
    return MatchedRequest(operation, {"thread_id": THREAD}, {k: [v] for k, v in query.items()})


def test_store_pages_equal_the_cut_of_the_whole_list(store: Store) -> None:
    rng = random.Random(8)
    ids = _fill(store, 40, rng)
    cursors = [None, None, "msg_nope", "msg_other", "run_1", *rng.sample(ids, 8), ids[0], ids[-1]]
    whole = store.children("message", THREAD)
    assert [r.id for r in whole] == ids
    checked = 0
    for order in (None, "asc", "desc"):
        for after in cursors:
            for before in cursors:
                for limit in (1, 3, 20, 100):
                    query = {"limit": str(limit)}
                    query.update(
                        {k: v for k, v in (("order", order), ("after", after), ("before", before)) if v}
                    )
                    request = _request(query)
                    expected = page([r.body for r in whole], request)
                    assert stored_page(store, "message", THREAD, request) == expected, query
                    assert served_page(store, "message", THREAD, request, _as_stored) == to_json(expected), (
                        query
                    )
                    checked += 1
    assert checked == 3 * len(cursors) ** 2 * 4


def test_appends_after_a_page_keep_the_order(store: Store) -> None:
    ids = _fill(store, 10, random.Random(1))
    request = _request({"limit": "100", "order": "asc"})
    assert [m["id"] for m in stored_page(store, "message", THREAD, request)["data"]] == ids
    with store.transaction():
        store.put(_message("msg_100", 50, 100))
        store.put(_message("msg_early", 0, -1))  # sorts first: not an append
        store.put(_message("msg_101", 50, 101))
    expected = ["msg_early", *ids, "msg_100", "msg_101"]
    assert [m["id"] for m in stored_page(store, "message", THREAD, request)["data"]] == expected
    assert stored_page(store, "message", THREAD, request) == page(
        [r.body for r in store.children("message", THREAD)], request
    )


def _as_stored(record: Record) -> bytes:
    return to_json(record.body)


def _served(record: Record) -> bytes:
    """Each object as a server might serve it: not the stored JSON, so nothing stored passes for it."""
    return to_json({**record.body, "served": True})


def test_a_served_page_follows_every_write(store: Store) -> None:
    """What a store keeps of a served page goes with the next write of an object, rolled back or not."""
    ids = _fill(store, 6, random.Random(2))
    request = _request({"order": "asc"})

    def listed() -> list[dict[str, object]]:
        served = msgspec.json.decode(served_page(store, "message", THREAD, request, _served))
        whole = [{**r.body, "served": True} for r in store.children("message", THREAD)]
        assert served == page(whole, request)
        data: list[dict[str, object]] = served["data"]
        return data

    assert [m["id"] for m in listed()] == ids
    changed = store.get("message", ids[2])
    assert changed is not None
    changed.body["text"] = "changed"

    def change_then_fail() -> None:
        with store.transaction():
            store.put(changed)
            assert listed()[2]["text"] == "changed"  # inside the transaction that wrote it
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        change_then_fail()
    assert "text" not in listed()[2]
    with store.transaction():
        store.put(changed)
        store.delete("message", ids[0])
    assert [m["id"] for m in listed()] == ids[1:]
    assert listed()[1]["text"] == "changed"
