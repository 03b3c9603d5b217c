"""What every operation works with: the store, ids, the clock, the script, the request's profile, and lookups
that 404.

One backend serves one request: it stamps what it creates with the request's profile, and its lookups
see only objects of that profile. An object created under another one answers 404, as an id nobody
created does: the API kept its versions apart.
"""

from __future__ import annotations

from typing import Any

from threadspec.mock import objects
from threadspec.mock.config import MockConfig
from threadspec.mock.events import Events, JsonReply
from threadspec.mock.ids import IdMaker, make_clock
from threadspec.mock.profile import Profile
from threadspec.mock.records import Kind, Record, Store, to_json, top_level
from threadspec.mock.script import Script
from threadspec.mock.wording import not_found


class Backend:
    """One store and the rules for making new objects in it, for requests of one profile."""

    def __init__(self, store: Store, config: MockConfig, script: Script, profile: Profile) -> None:
        self.store = store
        self.config = config
        self.script = script
        self.profile = profile
        self.ids = IdMaker(config.seed)
        self.now = make_clock(config.clock, config.seed is not None, store.peek_seq)

    @property
    def top_level(self) -> str:
        """Where this profile's assistants are filed."""
        return top_level(self.profile.name)

    def new(
        self,
        kind: Kind,
        object_id: str,
        thread_id: str,
        run_id: str | None,
        created_at: int,
        seq: int,
        body: dict[str, Any],
        state: dict[str, Any] | None = None,
    ) -> Record:
        """A record of this profile (not stored yet)."""
        return Record(
            kind, object_id, thread_id, run_id, created_at, seq, body, state or {}, profile=self.profile.name
        )

    def mine(self, record: Record | None) -> Record | None:
        """``record`` if it belongs to this profile, else ``None``: another profile's object is not there."""
        return record if record is not None and record.profile == self.profile.name else None

    def reply(self, value: Any, *headers: tuple[str, str]) -> JsonReply:
        """A 200 answer with ``value`` in this profile's shape."""
        return JsonReply.of(self.profile.shape(value), *headers)

    def served(self, record: Record) -> bytes:
        """The JSON of ``record``'s object as this profile serves it (what :meth:`reply` would send of it).

        A record is only ever served in the profile it was created under (:meth:`mine`), so this is a
        function of the record alone: a store may keep it until the record is written again.
        """
        return to_json(self.profile.shape(record.body))

    def events(self, kept: bool = True) -> Events:
        """The events of a run, each in this profile's shape (nothing kept for a request that does not stream)."""
        return Events(kept=kept, shape=self.profile.shape)

    def allocate(self, prefix: str, given: str | None = None) -> tuple[str, int, int]:
        """A new object's id (``given``, when the request named it: no id is drawn), sequence number and
        creation time."""
        seq = self.store.next_seq()
        return given or self.ids.make(prefix, seq), seq, self.now()

    def new_id(self, prefix: str) -> str:
        return self.allocate(prefix)[0]

    def _get(self, kind: Kind, object_id: str, thread_id: str, run_id: str | None = None) -> Record:
        record = self.mine(self.store.get(kind, object_id))
        if (
            record is None
            or record.thread_id != thread_id
            or (run_id is not None and record.run_id != run_id)
        ):
            raise not_found(kind, object_id)
        return record

    def assistant(self, assistant_id: str) -> dict[str, Any]:
        """The assistant a run or a request names.

        One that was created; else, for an id nobody created (or deleted), an implicit one with the
        default settings, so placeholder ids (``asst_abc123``) work — unless ``strict_assistants``,
        which answers 404 as the API did. A deleted assistant's id, and one created under another
        profile, answer 404 either way; a stateless mock answers every id as if it existed.
        """
        record = self.store.get("assistant", assistant_id)
        if record is not None and self.mine(record) is not None:
            return record.body
        unknown = (
            self.config.strict_assistants
            or record is not None
            or self.store.get("tombstone", assistant_id) is not None
        )
        if unknown and self.config.mode == "stateful":
            raise not_found("assistant", assistant_id)
        return objects.implicit_assistant(assistant_id, self.now())

    def thread(self, thread_id: str) -> Record:
        record = self.mine(self.store.get("thread", thread_id))
        if record is None:
            raise not_found("thread", thread_id)
        return record

    def message(self, thread_id: str, message_id: str) -> Record:
        self.thread(thread_id)
        return self._get("message", message_id, thread_id)

    def run(self, thread_id: str, run_id: str) -> Record:
        self.thread(thread_id)
        return self._get("run", run_id, thread_id)

    def step(self, thread_id: str, run_id: str, step_id: str) -> Record:
        self.run(thread_id, run_id)
        return self._get("step", step_id, thread_id, run_id)
