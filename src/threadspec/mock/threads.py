"""The thread and message operations of the stateful mock, and v1's message files."""

from __future__ import annotations

from typing import Any

from threadspec.asgi import MatchedRequest
from threadspec.mock import objects
from threadspec.mock.events import Events, JsonReply, Reply
from threadspec.mock.lifecycle import Lifecycle
from threadspec.mock.paging import page, served_page
from threadspec.mock.records import Record
from threadspec.mock.wording import message_during_run, not_found


def body_of(request: MatchedRequest) -> dict[str, Any]:
    return request.body if isinstance(request.body, dict) else {}


def active_run(life: Lifecycle, thread_id: str) -> Record | None:
    """The thread's active run, if any, after expiring the runs whose time is up."""
    for run in life.b.store.children("run", thread_id):
        if run.body["status"] in life.b.profile.active and not life.expire_if_due(run):
            return run
    return None


def add_message(
    life: Lifecycle, thread_id: str, request: dict[str, Any], message_id: str | None = None
) -> Record:
    message_id, seq, now = life.b.allocate("msg", message_id)
    body = objects.user_message(message_id, thread_id, now, request)
    record = life.b.new("message", message_id, thread_id, None, now, seq, body)
    life.b.store.put(record)
    return record


def new_thread(
    life: Lifecycle, request: dict[str, Any], events: Events | None = None, thread_id: str | None = None
) -> Record:
    """A thread with the messages the request starts it with (``thread.created`` when streaming)."""
    thread_id, seq, now = life.b.allocate("thread", thread_id)
    resources = objects.thread_tool_resources(request.get("tool_resources"), life.b.new_id)
    body = objects.thread_object(thread_id, now, resources, request.get("metadata"))
    thread = life.b.new("thread", thread_id, thread_id, None, now, seq, body)
    life.b.store.put(thread)
    if events is not None:
        events.emit("thread.created", body)
    for message in request.get("messages") or []:
        add_message(life, thread_id, message)
    return thread


def create_thread(life: Lifecycle, request: MatchedRequest) -> Reply:
    return life.b.reply(new_thread(life, body_of(request)).body)


def get_thread(life: Lifecycle, request: MatchedRequest) -> Reply:
    return life.b.reply(life.b.thread(request.path_params["thread_id"]).body)


def modify_thread(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    changes = body_of(request)
    if "metadata" in changes:
        thread.body["metadata"] = changes["metadata"] or {}
    if "tool_resources" in changes:
        thread.body["tool_resources"] = changes["tool_resources"] or {}
    life.b.store.put(thread)
    return life.b.reply(thread.body)


def delete_thread(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    life.b.store.delete_thread(thread.id)
    return life.b.reply(objects.deleted(thread.id, "thread"))


def list_messages(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    run_id = request.query_value("run_id")
    if run_id is None:
        return JsonReply(served_page(life.b.store, "message", thread.id, request, life.b.served))
    messages = [m.body for m in life.b.store.children("message", thread.id) if m.body.get("run_id") == run_id]
    return life.b.reply(page(messages, request))


def create_message(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    running = active_run(life, thread.id)
    if running is not None:
        raise message_during_run(thread.id, running.id)
    return life.b.reply(add_message(life, thread.id, body_of(request)).body)


def get_message(life: Lifecycle, request: MatchedRequest) -> Reply:
    params = request.path_params
    return life.b.reply(life.b.message(params["thread_id"], params["message_id"]).body)


def modify_message(life: Lifecycle, request: MatchedRequest) -> Reply:
    params = request.path_params
    message = life.b.message(params["thread_id"], params["message_id"])
    changes = body_of(request)
    if "metadata" in changes:
        message.body["metadata"] = changes["metadata"] or {}
        life.b.store.put(message)
    return life.b.reply(message.body)


def delete_message(life: Lifecycle, request: MatchedRequest) -> Reply:
    params = request.path_params
    message = life.b.message(params["thread_id"], params["message_id"])
    life.b.store.delete("message", message.id)
    return life.b.reply(objects.deleted(message.id, "thread.message"))


# -- v1: a message's files ---------------------------------------------------------------------------
def _message_files(message: Record) -> list[dict[str, Any]]:
    """The files a message was created with, attached when it was."""
    return [
        objects.message_file(f, message.id, message.created_at) for f in message.body.get("file_ids") or []
    ]


def list_message_files(life: Lifecycle, request: MatchedRequest) -> Reply:
    params = request.path_params
    message = life.b.message(params["thread_id"], params["message_id"])
    return life.b.reply(page(_message_files(message), request))


def get_message_file(life: Lifecycle, request: MatchedRequest) -> Reply:
    params = request.path_params
    message = life.b.message(params["thread_id"], params["message_id"])
    found = next((f for f in _message_files(message) if f["id"] == params["file_id"]), None)
    if found is None:
        raise not_found("file", params["file_id"])
    return life.b.reply(found)
