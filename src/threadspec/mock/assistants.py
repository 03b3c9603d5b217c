"""The assistant operations of the stateful mock, and v1's assistant files.

Assistants are filed under their profile's :func:`~threadspec.mock.records.top_level`, outside every
thread. An id nobody created answers as an implicit assistant (see :meth:`Backend.assistant`);
changing one makes it real, deleting one leaves a tombstone, so the id answers 404 from then on, as
the API's did.

An assistant's files (v1) are its ``file_ids``, oldest first; when each was attached is kept in the
record's state, so the file objects keep their ``created_at``.
"""

from __future__ import annotations

from typing import Any

from threadspec.asgi import MatchedRequest
from threadspec.mock import objects
from threadspec.mock.events import JsonReply, Reply
from threadspec.mock.lifecycle import Lifecycle
from threadspec.mock.paging import page, served_page
from threadspec.mock.records import Record
from threadspec.mock.threads import body_of
from threadspec.mock.wording import not_found, too_many_files

_ATTACHED = "file_times"  # in an assistant's state: file id → when it was attached


def _attached(record: Record, now: int) -> None:
    """Note when each of the assistant's files was attached: those new to it, now."""
    times = record.state.get(_ATTACHED, {})
    record.state[_ATTACHED] = {f: times.get(f, now) for f in record.body.get("file_ids") or []}


def create_assistant(life: Lifecycle, request: MatchedRequest) -> Reply:
    assistant_id, seq, now = life.b.allocate("asst")
    body = objects.assistant_object(assistant_id, now, body_of(request), life.b.new_id)
    record = life.b.new("assistant", assistant_id, life.b.top_level, None, now, seq, body)
    _attached(record, now)
    life.b.store.put(record)
    return life.b.reply(body)


def list_assistants(life: Lifecycle, request: MatchedRequest) -> Reply:
    return JsonReply(served_page(life.b.store, "assistant", life.b.top_level, request, life.b.served))


def get_assistant(life: Lifecycle, request: MatchedRequest) -> Reply:
    return life.b.reply(life.b.assistant(request.path_params["assistant_id"]))


def _real(life: Lifecycle, assistant_id: str) -> Record:
    """The stored assistant; an implicit one becomes real, as it is about to change."""
    record = life.b.mine(life.b.store.get("assistant", assistant_id))
    if record is None:
        seq, now = life.b.store.next_seq(), life.b.now()
        body = {**life.b.assistant(assistant_id), "created_at": now}
        record = life.b.new("assistant", assistant_id, life.b.top_level, None, now, seq, body)
    return record


def modify_assistant(life: Lifecycle, request: MatchedRequest) -> Reply:
    record = _real(life, request.path_params["assistant_id"])
    record.body = objects.modified_assistant(record.body, body_of(request))
    _attached(record, life.b.now())
    life.b.store.put(record)
    return life.b.reply(record.body)


def delete_assistant(life: Lifecycle, request: MatchedRequest) -> Reply:
    assistant_id = request.path_params["assistant_id"]
    life.b.assistant(assistant_id)  # 404 once deleted, or in strict mode for one never created
    life.b.store.delete("assistant", assistant_id)
    seq, now = life.b.store.next_seq(), life.b.now()
    tombstone = life.b.new("tombstone", assistant_id, life.b.top_level, None, now, seq, {"id": assistant_id})
    life.b.store.put(tombstone)
    return life.b.reply(objects.deleted(assistant_id, "assistant"))


# -- v1: an assistant's files ------------------------------------------------------------------------
def _files(record: Record) -> list[dict[str, Any]]:
    times = record.state.get(_ATTACHED, {})
    return [
        objects.assistant_file(f, record.id, times.get(f, record.created_at))
        for f in record.body.get("file_ids") or []
    ]


def _file(life: Lifecycle, request: MatchedRequest) -> tuple[Record, dict[str, Any]]:
    params = request.path_params
    record = _real(life, params["assistant_id"])
    found = next((f for f in _files(record) if f["id"] == params["file_id"]), None)
    if found is None:
        raise not_found("file", params["file_id"])
    return record, found


def list_assistant_files(life: Lifecycle, request: MatchedRequest) -> Reply:
    return life.b.reply(page(_files(_real(life, request.path_params["assistant_id"])), request))


def create_assistant_file(life: Lifecycle, request: MatchedRequest) -> Reply:
    """Attach a file; one already attached answers as it is. Past the assistant's file limit, a 400."""
    record = _real(life, request.path_params["assistant_id"])
    file_id = str(body_of(request)["file_id"])
    files = list(record.body.get("file_ids") or [])
    if file_id not in files:
        limit = life.b.profile.max_items("AssistantObject", "file_ids")
        if limit is not None and len(files) >= limit:
            raise too_many_files(record.id, limit)
        record.body["file_ids"] = [*files, file_id]
        _attached(record, life.b.now())
        life.b.store.put(record)
    return life.b.reply(next(f for f in _files(record) if f["id"] == file_id))


def get_assistant_file(life: Lifecycle, request: MatchedRequest) -> Reply:
    return life.b.reply(_file(life, request)[1])


def delete_assistant_file(life: Lifecycle, request: MatchedRequest) -> Reply:
    record, found = _file(life, request)
    record.body["file_ids"] = [f for f in record.body.get("file_ids") or [] if f != found["id"]]
    _attached(record, life.b.now())
    life.b.store.put(record)
    return life.b.reply(objects.deleted(found["id"], "assistant.file"))
