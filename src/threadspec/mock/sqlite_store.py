"""The SQLite store: one file that survives restarts and never loses an acknowledged write.

Every request runs in one ``BEGIN IMMEDIATE`` … ``COMMIT`` transaction that ends before the
response is sent; the journal is WAL with ``synchronous=FULL``, so a committed write survives a
crash of the process or the machine. One connection is shared; the mock serialises all access
to it with its own lock and runs it in worker threads, off the event loop.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from threadspec.mock.records import (
    COLUMNS,
    DEFAULT_PROFILE,
    Kind,
    Record,
    Serve,
    from_row,
    to_row,
    top_level,
)

# 2: each object records the profile it was created under, and assistants are filed per profile
SCHEMA_VERSION = 2
_SCHEMA = """
CREATE TABLE IF NOT EXISTS objects (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    run_id TEXT,
    created_at INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    profile TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX IF NOT EXISTS objects_by_thread ON objects (thread_id, kind, created_at, seq);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters (name, value) VALUES ('seq', 0);
"""
_COLUMNS = ", ".join(COLUMNS)
# A database of schema 1 holds v2 objects only, its assistants filed under the thread id "".
_FROM_1 = (
    f"ALTER TABLE objects ADD COLUMN profile TEXT NOT NULL DEFAULT '{DEFAULT_PROFILE}'",
    f"UPDATE objects SET thread_id = '{top_level(DEFAULT_PROFILE)}' WHERE thread_id = ''",
)


class SqliteStore:
    """Objects as JSON text in one table, keyed by kind and id."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._open()
        except sqlite3.Error as exc:
            raise ValueError(f"cannot use {self.path} as the mock's database: {exc}") from None

    def _open(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self._db.close()
            raise ValueError(f"{self.path} was written by a newer threadspec (schema {version})")
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        with self.transaction():  # executescript would commit on its own; one statement at a time
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(objects)")}
            if "profile" not in columns:  # written by schema 1
                for statement in _FROM_1:
                    self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def next_seq(self) -> int:
        self._db.execute("UPDATE counters SET value = value + 1 WHERE name = 'seq'")
        return self.peek_seq()

    def peek_seq(self) -> int:
        value: int = self._db.execute("SELECT value FROM counters WHERE name = 'seq'").fetchone()[0]
        return value

    def get(self, kind: Kind, object_id: str) -> Record | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM objects WHERE kind = ? AND id = ?", (kind, object_id)
        ).fetchone()
        return None if row is None else from_row(row)

    def put(self, record: Record) -> None:
        self._db.execute(
            f"INSERT OR REPLACE INTO objects ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            tuple(value.decode() if isinstance(value, bytes) else value for value in to_row(record)),
        )

    def delete(self, kind: Kind, object_id: str) -> None:
        self._db.execute("DELETE FROM objects WHERE kind = ? AND id = ?", (kind, object_id))

    def delete_thread(self, thread_id: str) -> None:
        self._db.execute("DELETE FROM objects WHERE thread_id = ?", (thread_id,))

    def children(self, kind: Kind, thread_id: str, run_id: str | None = None) -> list[Record]:
        query = f"SELECT {_COLUMNS} FROM objects WHERE thread_id = ? AND kind = ?"
        args: tuple[Any, ...] = (thread_id, kind)
        if run_id is not None:
            query, args = query + " AND run_id = ?", (*args, run_id)
        return [from_row(row) for row in self._db.execute(query + " ORDER BY created_at, seq", args)]

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
        # cursors become bounds on (created_at, seq), so the index objects_by_thread seeks to the page
        where = "thread_id = ? AND kind = ?"
        args: list[Any] = [thread_id, kind]
        for cursor, is_after in ((after, True), (before, False)):
            if not cursor:
                continue
            bound = self._db.execute(
                "SELECT created_at, seq FROM objects WHERE kind = ? AND id = ? AND thread_id = ?",
                (kind, cursor, thread_id),
            ).fetchone()
            if bound is None:
                return [], False
            where += f" AND (created_at, seq) {'>' if is_after == ascending else '<'} (?, ?)"
            args += bound
        nearest_before = bool(before) and not after  # read from `before` backwards, then turn the page round
        direction = "" if ascending != nearest_before else " DESC"
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM objects WHERE {where} ORDER BY created_at{direction}, seq{direction} LIMIT ?",
            (*args, limit + 1),
        ).fetchall()
        chosen = rows[:limit][::-1] if nearest_before else rows[:limit]
        return [from_row(row) for row in chosen], len(rows) > limit

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
        # nothing kept between requests: each page is served from the rows it reads
        chosen, more = self.page(
            kind, thread_id, ascending=ascending, after=after, before=before, limit=limit
        )
        return [(record.id, serve(record)) for record in chosen], more

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()
