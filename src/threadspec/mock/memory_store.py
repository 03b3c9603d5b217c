"""The in-memory store: everything is gone when the process ends."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

import msgspec

from threadspec.mock.records import Kind, Record, Serve, from_json, to_json

# An object's key: its kind and id in one string (no kind holds the separator). A string, not a
# tuple, so nothing the store keeps per object is tracked by the garbage collector (below).
_Key = str
_Place = tuple[int, int, str]  # (created_at, seq, id): where an object sorts among its siblings


def _key(kind: Kind, object_id: str) -> _Key:
    return f"{kind}\0{object_id}"


class Row(msgspec.Struct, gc=False):
    """A record as the store keeps it: body and state as JSON (MemoryStore) or as they are (ScratchStore).

    Untracked by the garbage collector (``gc=False``), like the string keys and the by-thread maps of
    strings: a stateful mock keeps every object it is sent, and tuples and maps holding tuples stay
    tracked until a collection gets to them (maps until a full one), so a store of tuples set off a
    young collection every ~50 requests and a full one, over the whole process, every ~1,000
    (~5.6 µs a request of a typical ``POST /threads/runs``, measured in process; 0.2 µs stateless).
    A row refers to nothing that refers back to it: no cycle for the collector to find.
    """

    kind: Kind
    id: str
    thread_id: str
    run_id: str | None
    created_at: int
    seq: int
    body: Any
    state: Any
    profile: str


class MemoryStore:
    """Rows in dicts, indexed by thread; a transaction keeps an undo journal.

    A row keeps the object's body and state as JSON: what was stored cannot change but by another
    write, whatever becomes of the records handed out.
    """

    def __init__(self, start_seq: int = 0) -> None:
        self._rows: dict[_Key, Row] = {}
        # per thread, the keys of its objects and their kinds
        self._by_thread: dict[str, dict[_Key, Kind]] = {}
        self._seq = start_seq
        self._journal: list[tuple[_Key, Row | None]] | None = None
        # per thread and kind, the objects' places in order; built when a page needs it, kept up to
        # date by appends, dropped by any other change (and rebuilt when next needed)
        self._orders: dict[tuple[str, Kind], list[_Place]] = {}
        # what served_page's serve gave for a row, until the row is written again: a page listed again
        # is the stored JSON joined, with no decoding, shaping or encoding of its objects
        self._served: dict[_Key, bytes] = {}

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def peek_seq(self) -> int:
        return self._seq

    def get(self, kind: Kind, object_id: str) -> Record | None:
        row = self._rows.get(_key(kind, object_id))
        return None if row is None else self._unpack(row)

    @staticmethod
    def _pack(record: Record) -> Row:
        return Row(
            record.kind, record.id, record.thread_id, record.run_id, record.created_at, record.seq,
            to_json(record.body), to_json(record.state), record.profile,
        )  # fmt: skip

    @staticmethod
    def _unpack(row: Row) -> Record:
        return Record(
            row.kind, row.id, row.thread_id, row.run_id, row.created_at, row.seq,
            from_json(row.body), from_json(row.state), profile=row.profile,
        )  # fmt: skip

    def _write(self, key: _Key, row: Row | None) -> None:
        old = self._rows.get(key)
        self._served.pop(key, None)
        if self._journal is not None:
            self._journal.append((key, old))
        if row is None:
            self._rows.pop(key, None)
            if old is not None:
                self._by_thread.get(old.thread_id, {}).pop(key, None)
        else:
            self._rows[key] = row
            self._by_thread.setdefault(row.thread_id, {})[key] = row.kind
        self._reorder(old, row)

    def _reorder(self, old: Row | None, row: Row | None) -> None:
        if (
            old is not None
            and row is not None
            and (old.thread_id, old.created_at, old.seq) == (row.thread_id, row.created_at, row.seq)
        ):
            return  # replaced in place: same thread, same place
        if old is not None:
            self._orders.pop((old.thread_id, old.kind), None)
        if row is not None:
            order = self._orders.get((row.thread_id, row.kind))
            place = (row.created_at, row.seq, row.id)
            if order is not None and (not order or order[-1] < place):
                order.append(place)
            else:
                self._orders.pop((row.thread_id, row.kind), None)

    def put(self, record: Record) -> None:
        self._write(_key(record.kind, record.id), self._pack(record))

    def delete(self, kind: Kind, object_id: str) -> None:
        self._write(_key(kind, object_id), None)

    def delete_thread(self, thread_id: str) -> None:
        for key in list(self._by_thread.get(thread_id, {})):
            self._write(key, None)
        self._by_thread.pop(thread_id, None)

    def _rows_of(self, thread_id: str, kind: Kind) -> list[Row]:
        return [self._rows[key] for key, of in self._by_thread.get(thread_id, {}).items() if of == kind]

    def children(self, kind: Kind, thread_id: str, run_id: str | None = None) -> list[Record]:
        rows = self._rows_of(thread_id, kind)
        if run_id is not None:
            rows = [row for row in rows if row.run_id == run_id]
        return [self._unpack(row) for row in sorted(rows, key=lambda row: (row.created_at, row.seq))]

    def _order(self, thread_id: str, kind: Kind) -> list[_Place]:
        order = self._orders.get((thread_id, kind))
        if order is None:
            order = sorted((row.created_at, row.seq, row.id) for row in self._rows_of(thread_id, kind))
            self._orders[(thread_id, kind)] = order
        return order

    def page(
        self,
        kind: Kind,
        thread_id: str,
        *,
        ascending: bool,
        after: str | None,
        before: str | None,
        limit: int,
    ) -> tuple[list[Record], bool]:
        places, more = self._page(kind, thread_id, ascending, after, before, limit)
        return [self._unpack(self._rows[_key(kind, place[2])]) for place in places], more

    def served_page(
        self,
        kind: Kind,
        thread_id: str,
        *,
        ascending: bool,
        after: str | None,
        before: str | None,
        limit: int,
        serve: Serve,
    ) -> tuple[list[tuple[str, bytes]], bool]:
        places, more = self._page(kind, thread_id, ascending, after, before, limit)
        out = []
        for _, _, object_id in places:
            key = _key(kind, object_id)
            served = self._served.get(key)
            if served is None:
                served = self._served[key] = serve(self._unpack(self._rows[key]))
            out.append((object_id, served))
        return out, more

    def _page(
        self, kind: Kind, thread_id: str, ascending: bool, after: str | None, before: str | None, limit: int
    ) -> tuple[list[_Place], bool]:
        """The places of :meth:`page`'s objects, in the order served, and whether more lie beyond."""
        order = self._order(thread_id, kind)
        low, high = 0, len(order)  # the window, as positions in ascending order
        for cursor, is_after in ((after, True), (before, False)):
            if not cursor:
                continue
            row = self._rows.get(_key(kind, cursor))
            if row is None or row.thread_id != thread_id:
                return [], False
            at = bisect_left(order, (row.created_at, row.seq, cursor))
            if is_after == ascending:
                low = max(low, at + 1)
            else:
                high = min(high, at)
        size = max(0, high - low)
        take = min(limit, size)
        nearest_before = bool(before) and not after
        if ascending != nearest_before:  # the first `take` of the window in ascending order
            places = order[low : low + take]
        else:  # the last `take` in ascending order
            places = order[high - take : high] if take else []
        if not ascending:
            places.reverse()
        return places, size > limit

    def transaction(self) -> _Transaction:
        return _Transaction(self)

    def _begin(self) -> int:
        self._journal = []
        return self._seq

    def _end(self, seq: int, failed: bool) -> None:
        """Close the transaction begun at ``seq``; undo its writes (and the numbers it took) when it ``failed``."""
        journal, self._journal = self._journal, None
        if failed and journal is not None:
            for key, old in reversed(journal):
                self._write(key, old)
            self._seq = seq

    def clear(self) -> None:
        """Forget every object; the sequence goes on where it was."""
        self._rows.clear()
        self._by_thread.clear()
        self._orders.clear()
        self._served.clear()
        self._journal = None

    def close(self) -> None:
        self.clear()


class _Transaction:
    """``with store.transaction():``, as a class: a generator-based context manager cost a stateful request
    ~1.5 µs to enter and leave."""

    __slots__ = ("_seq", "_store")

    def __init__(self, store: MemoryStore) -> None:
        self._store = store
        self._seq = 0

    def __enter__(self) -> None:
        self._seq = self._store._begin()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        self._store._end(self._seq, failed=kind is not None)  # the error, if any, goes on


class ScratchStore(MemoryStore):
    """The store of the stateless mock's requests: rows hold the records' body and state as they are.

    No JSON is written or read (a stateless request stages a thread and a message, then serves one of
    them: four encodings and four decodings). The price is aliasing: a record handed out shares its
    body and state with the row, so a change to them is in the store before it is put. That is
    harmless for a store emptied before each request and never rolled back (the stateless mock opens
    no transaction): every operation puts what it changes before it answers, and the answer is
    encoded from the records as they are then. The stateful mock keeps :class:`MemoryStore`'s JSON
    rows.
    """

    @staticmethod
    def _pack(record: Record) -> Row:
        return Row(
            record.kind, record.id, record.thread_id, record.run_id, record.created_at, record.seq,
            record.body, record.state, record.profile,
        )  # fmt: skip

    @staticmethod
    def _unpack(row: Row) -> Record:
        return Record(
            row.kind, row.id, row.thread_id, row.run_id, row.created_at, row.seq, row.body, row.state,
            profile=row.profile,
        )  # fmt: skip
