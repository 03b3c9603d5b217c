"""What the mock stores, and the interface both stores (memory and SQLite) implement."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import msgspec

# a tombstone marks the id of a deleted assistant: it answers 404, never as an implicit assistant
Kind = Literal["assistant", "tombstone", "thread", "message", "run", "step"]
# The profile a record was created under when nothing says otherwise: every record before profiles was v2.
DEFAULT_PROFILE = "v2"

# how one object goes out: the JSON of its body as its profile serves it (a function of the record alone)
Serve = Callable[["Record"], bytes]

# Objects are kept as JSON text: no aliasing between what was stored and what is served, and
# msgspec handles the 512 levels free-form fields may nest (the stdlib's copy.deepcopy would not).
_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder()


def top_level(profile: str) -> str:
    """The thread id a profile's objects that belong to no thread (assistants, tombstones) are filed under,
    so one store interface, paging included, serves them too, and each profile lists its own; no thread
    ever has it."""
    return f"@{profile}"


def to_json(value: Any) -> bytes:
    return _encoder.encode(value)


def from_json(raw: bytes | str) -> Any:
    return _decoder.decode(raw)


@dataclass(slots=True)
class Record:
    """One stored object: the API object in ``body``, the mock's own bookkeeping in ``state``.

    ``thread_id`` is the thread the object belongs to (a thread's own id for a thread), or
    :func:`top_level` of its profile for an assistant.

    ``seq`` is a store-wide counter, so objects created in the same second still sort in the
    order they were created.

    ``profile`` is the one the object was created under (``"v1"``, ``"v2"``): a request of another
    profile does not see it, and it is served in its own profile's shape.
    """

    kind: Kind
    id: str
    thread_id: str
    run_id: str | None
    created_at: int
    seq: int
    body: dict[str, Any]
    state: dict[str, Any] = field(default_factory=dict)
    profile: str = field(default=DEFAULT_PROFILE, kw_only=True)


# A record as both stores keep it: a row of these columns, the JSON of body and state as bytes (memory)
# or text (SQLite).
COLUMNS = ("kind", "id", "thread_id", "run_id", "created_at", "seq", "body", "state", "profile")
Row = tuple[Kind, str, str, str | None, int, int, bytes, bytes, str]


def to_row(record: Record) -> Row:
    return (
        record.kind, record.id, record.thread_id, record.run_id, record.created_at, record.seq,
        to_json(record.body), to_json(record.state), record.profile,
    )  # fmt: skip


def from_row(row: tuple[Any, ...]) -> Record:
    kind, object_id, thread_id, run_id, created_at, seq, body, state, profile = row
    return Record(
        kind,
        object_id,
        thread_id,
        run_id,
        created_at,
        seq,
        from_json(body),
        from_json(state),
        profile=profile,
    )


class Store(Protocol):
    """Storage for threads and everything in them; every write happens inside ``transaction()``."""

    def next_seq(self) -> int:
        """Take the next number of the store-wide sequence."""
        ...

    def peek_seq(self) -> int:
        """The last number taken, without taking one."""
        ...

    def get(self, kind: Kind, object_id: str) -> Record | None: ...

    def put(self, record: Record) -> None:
        """Insert or replace."""
        ...

    def delete(self, kind: Kind, object_id: str) -> None: ...

    def delete_thread(self, thread_id: str) -> None:
        """Remove a thread with its messages, runs and steps."""
        ...

    def children(self, kind: Kind, thread_id: str, run_id: str | None = None) -> list[Record]:
        """The objects of one kind in a thread (or run), oldest first: by ``created_at``, then ``seq``."""
        ...

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
        """One page of ``children(kind, thread_id)`` as :func:`paging.page` cuts it, reading only that page.

        The objects strictly after ``after`` and strictly before ``before`` in the requested order;
        the ``limit`` nearest ``before`` when only ``before`` is given, else the first ``limit``; and
        whether more lie beyond the page. A cursor naming no such object gives an empty page.
        """
        ...

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
        """:meth:`page` with each object as its id and ``serve(record)``, the JSON it goes out as.

        A store may keep what ``serve`` gave for a record until the record is written again (so
        ``serve`` must depend on the record alone): listing a page again then costs no decoding,
        shaping or encoding of its objects.
        """
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside persist together when it exits normally, and none of them otherwise."""
        ...

    def close(self) -> None: ...
