"""The store contract, run against both stores: memory and SQLite."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from threadspec.mock.memory_store import MemoryStore, ScratchStore
from threadspec.mock.records import Record, Store, from_json, to_json
from threadspec.mock.sqlite_store import SqliteStore


@pytest.fixture(params=["memory", "sqlite", "scratch"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Each store; ScratchStore (the stateless mock's, for one request) is held to the same contract."""
    opened: Store
    if request.param == "sqlite":
        opened = SqliteStore(tmp_path / "store.sqlite")
    else:
        opened = ScratchStore() if request.param == "scratch" else MemoryStore()
    yield opened
    opened.close()


def record(kind: str, object_id: str, thread_id: str = "thread_1", created_at: int = 100, seq: int = 0,
           run_id: str | None = None) -> Record:  # fmt: skip
    return Record(kind, object_id, thread_id, run_id, created_at, seq, {"id": object_id}, {"n": seq})  # type: ignore[arg-type]


def test_put_get_replace(store: Store) -> None:
    with store.transaction():
        store.put(record("thread", "thread_1"))
        store.put(
            Record(
                "message",
                "msg_1",
                "thread_1",
                None,
                5,
                1,
                {"id": "msg_1", "v": [1, {"a": None}]},
                {"s": True},
            )
        )
    assert store.get("message", "msg_1") == Record(
        "message", "msg_1", "thread_1", None, 5, 1, {"id": "msg_1", "v": [1, {"a": None}]}, {"s": True}
    )
    assert store.get("run", "msg_1") is None
    with store.transaction():
        store.put(Record("message", "msg_1", "thread_1", None, 5, 1, {"id": "msg_1", "v": 2}, {}))
    found = store.get("message", "msg_1")
    assert found is not None and found.body == {"id": "msg_1", "v": 2}


def test_children_sort_by_time_then_sequence(store: Store) -> None:
    with store.transaction():
        for object_id, created_at, seq in [
            ("msg_c", 7, 3),
            ("msg_a", 5, 9),
            ("msg_b", 7, 1),
            ("msg_d", 7, 4),
        ]:
            store.put(record("message", object_id, created_at=created_at, seq=seq))
        store.put(record("message", "msg_other", thread_id="thread_2"))
        store.put(record("run", "run_1"))
    assert [r.id for r in store.children("message", "thread_1")] == ["msg_a", "msg_b", "msg_c", "msg_d"]
    assert [r.id for r in store.children("run", "thread_1")] == ["run_1"]
    assert store.children("step", "thread_1") == []


def test_children_of_a_run(store: Store) -> None:
    with store.transaction():
        store.put(record("step", "step_1", run_id="run_1", seq=1))
        store.put(record("step", "step_2", run_id="run_2", seq=2))
    assert [r.id for r in store.children("step", "thread_1", "run_2")] == ["step_2"]


def test_delete_and_delete_thread(store: Store) -> None:
    with store.transaction():
        for kind, object_id in [
            ("thread", "thread_1"),
            ("message", "msg_1"),
            ("run", "run_1"),
            ("step", "step_1"),
        ]:
            store.put(record(kind, object_id))
        store.put(record("thread", "thread_2", thread_id="thread_2"))
        store.delete("message", "msg_1")
    assert store.get("message", "msg_1") is None
    with store.transaction():
        store.delete_thread("thread_1")
    assert [store.get(k, i) for k, i in [("thread", "thread_1"), ("run", "run_1"), ("step", "step_1")]] == [
        None
    ] * 3
    assert store.get("thread", "thread_2") is not None


def test_sequence_is_monotonic(store: Store) -> None:
    with store.transaction():
        taken = [store.next_seq() for _ in range(3)]
    assert taken == [1, 2, 3]
    assert store.peek_seq() == 3


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_a_failed_transaction_leaves_nothing_behind(store: Store, error: type[BaseException]) -> None:
    with store.transaction():
        store.put(record("thread", "thread_1"))
        store.put(record("message", "msg_1", seq=store.next_seq()))
    before = (store.peek_seq(), store.get("message", "msg_1"))

    def fail_midway() -> None:
        with store.transaction():
            store.next_seq()
            store.put(record("message", "msg_2"))
            store.delete("message", "msg_1")
            store.put(record("message", "msg_1", created_at=999))
            store.delete_thread("thread_1")
            raise error

    with pytest.raises(error):
        fail_midway()
    assert (store.peek_seq(), store.get("message", "msg_1")) == before
    assert store.get("message", "msg_2") is None
    assert [r.id for r in store.children("message", "thread_1")] == ["msg_1"]
    with store.transaction():  # the next one starts afresh, and keeps what it writes
        store.put(record("message", "msg_3", seq=store.next_seq()))
    assert [r.id for r in store.children("message", "thread_1")] == ["msg_1", "msg_3"]


def test_json_round_trip_keeps_deep_values() -> None:
    value: dict[str, object] = {}
    for _ in range(600):
        value = {"n": value}
    assert from_json(to_json(value)) == value


@pytest.mark.parametrize("kept", [MemoryStore, ScratchStore])
def test_what_a_memory_store_keeps_is_not_tracked_by_the_garbage_collector(kept: type[MemoryStore]) -> None:
    """Rows, keys and by-thread maps the collector would walk (tuples, maps holding tuples) set off young
    collections and, as a stateful mock grows, full ones over the whole process."""
    store = kept()
    records = [record("message", f"msg_{i}", thread_id=f"thread_{i % 100}", seq=i) for i in range(1000)]
    for each in records:
        each.body = each.state = {}  # the body is the store's (ScratchStore) or its JSON's: leave it out
    gc.collect()
    gc.disable()
    try:
        before = len(gc.get_objects())
        with store.transaction():
            for each in records:
                store.put(each)
        grown = len(gc.get_objects()) - before
    finally:
        gc.enable()
    assert grown < 100, grown  # the store's own maps, not one object per record
