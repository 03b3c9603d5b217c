"""The assistant operations of the stateful mock.

Assistants are filed under :data:`records.TOP_LEVEL`, outside every thread. An id nobody created
answers as an implicit assistant (see :meth:`Backend.assistant`); changing one makes it real,
deleting one leaves a tombstone, so the id answers 404 from then on, as the API's did.
"""

from __future__ import annotations

from threadspec.asgi import MatchedRequest
from threadspec.mock import objects
from threadspec.mock.events import JsonReply, Reply
from threadspec.mock.lifecycle import Lifecycle
from threadspec.mock.paging import stored_page
from threadspec.mock.records import TOP_LEVEL, Record
from threadspec.mock.threads import body_of


def create_assistant(life: Lifecycle, request: MatchedRequest) -> Reply:
    assistant_id, seq, now = life.b.allocate("asst")
    body = objects.assistant_object(assistant_id, now, body_of(request), life.b.new_id)
    life.b.store.put(Record("assistant", assistant_id, TOP_LEVEL, None, now, seq, body))
    return JsonReply.of(body)


def list_assistants(life: Lifecycle, request: MatchedRequest) -> Reply:
    return JsonReply.of(stored_page(life.b.store, "assistant", TOP_LEVEL, request))


def get_assistant(life: Lifecycle, request: MatchedRequest) -> Reply:
    return JsonReply.of(life.b.assistant(request.path_params["assistant_id"]))


def modify_assistant(life: Lifecycle, request: MatchedRequest) -> Reply:
    assistant_id = request.path_params["assistant_id"]
    record = life.b.store.get("assistant", assistant_id)
    if record is None:  # an implicit assistant becomes a real one with the change
        seq, now = life.b.store.next_seq(), life.b.now()
        body = {**life.b.assistant(assistant_id), "created_at": now}
        record = Record("assistant", assistant_id, TOP_LEVEL, None, now, seq, body)
    record.body = objects.modified_assistant(record.body, body_of(request))
    life.b.store.put(record)
    return JsonReply.of(record.body)


def delete_assistant(life: Lifecycle, request: MatchedRequest) -> Reply:
    assistant_id = request.path_params["assistant_id"]
    life.b.assistant(assistant_id)  # 404 once deleted, or in strict mode for one never created
    life.b.store.delete("assistant", assistant_id)
    seq, now = life.b.store.next_seq(), life.b.now()
    life.b.store.put(Record("tombstone", assistant_id, TOP_LEVEL, None, now, seq, {"id": assistant_id}))
    return JsonReply.of(objects.deleted(assistant_id, "assistant"))
