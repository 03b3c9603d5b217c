"""The in-memory store: everything is gone when the process ends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from threadspec.mock.records import Kind, Record, from_json, to_json

_Key = tuple[Kind, str]
_Row = tuple[Kind, str, str, str | None, int, int, bytes, bytes]


def _row(record: Record) -> _Row:
    return (
        record.kind, record.id, record.thread_id, record.run_id, record.created_at, record.seq,
        to_json(record.body), to_json(record.state),
    )  # fmt: skip


def _record(row: _Row) -> Record:
    kind, object_id, thread_id, run_id, created_at, seq, body, state = row
    return Record(kind, object_id, thread_id, run_id, created_at, seq, from_json(body), from_json(state))


class MemoryStore:
    """Rows in dicts, indexed by thread; a transaction keeps an undo journal."""

    def __init__(self, start_seq: int = 0) -> None:
        self._rows: dict[_Key, _Row] = {}
        self._by_thread: dict[str, dict[_Key, None]] = {}
        self._seq = start_seq
        self._journal: list[tuple[_Key, _Row | None]] | None = None

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def peek_seq(self) -> int:
        return self._seq

    def get(self, kind: Kind, object_id: str) -> Record | None:
        row = self._rows.get((kind, object_id))
        return None if row is None else _record(row)

    def _write(self, key: _Key, row: _Row | None) -> None:
        old = self._rows.get(key)
        if self._journal is not None:
            self._journal.append((key, old))
        if row is None:
            self._rows.pop(key, None)
            if old is not None:
                self._by_thread.get(old[2], {}).pop(key, None)
        else:
            self._rows[key] = row
            self._by_thread.setdefault(row[2], {})[key] = None

    def put(self, record: Record) -> None:
        self._write((record.kind, record.id), _row(record))

    def delete(self, kind: Kind, object_id: str) -> None:
        self._write((kind, object_id), None)

    def delete_thread(self, thread_id: str) -> None:
        for key in list(self._by_thread.get(thread_id, {})):
            self._write(key, None)
        self._by_thread.pop(thread_id, None)

    def children(self, kind: Kind, thread_id: str, run_id: str | None = None) -> list[Record]:
        rows = [self._rows[key] for key in self._by_thread.get(thread_id, {}) if key[0] == kind]
        if run_id is not None:
            rows = [row for row in rows if row[3] == run_id]
        return [_record(row) for row in sorted(rows, key=lambda row: (row[4], row[5]))]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._journal, seq = [], self._seq
        try:
            yield
        except BaseException:
            journal, self._journal = self._journal, None
            for key, old in reversed(journal):
                self._write(key, old)
            self._seq = seq
            raise
        finally:
            self._journal = None

    def close(self) -> None:
        self._rows.clear()
        self._by_thread.clear()
