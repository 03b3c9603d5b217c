"""The thread and message operations of the stateful mock."""

from __future__ import annotations

from typing import Any

from threadspec.asgi import MatchedRequest
from threadspec.mock import objects
from threadspec.mock.events import Events, JsonReply, Reply
from threadspec.mock.lifecycle import ACTIVE, Lifecycle
from threadspec.mock.paging import page, stored_page
from threadspec.mock.records import Record
from threadspec.mock.wording import message_during_run


def body_of(request: MatchedRequest) -> dict[str, Any]:
    return request.body if isinstance(request.body, dict) else {}


def active_run(life: Lifecycle, thread_id: str) -> Record | None:
    """The thread's active run, if any, after expiring the runs whose time is up."""
    for run in life.b.store.children("run", thread_id):
        if run.body["status"] in ACTIVE and not life.expire_if_due(run):
            return run
    return None


def add_message(
    life: Lifecycle, thread_id: str, request: dict[str, Any], message_id: str | None = None
) -> Record:
    new_id, seq, now = life.b.allocate("msg")
    message_id = message_id or new_id
    body = objects.user_message(message_id, thread_id, now, request)
    record = Record("message", message_id, thread_id, None, now, seq, body)
    life.b.store.put(record)
    return record


def new_thread(
    life: Lifecycle, request: dict[str, Any], events: Events | None = None, thread_id: str | None = None
) -> Record:
    """A thread with the messages the request starts it with (``thread.created`` when streaming)."""
    new_id, seq, now = life.b.allocate("thread")
    thread_id = thread_id or new_id
    resources = objects.thread_tool_resources(request.get("tool_resources"), life.b.new_id)
    body = objects.thread_object(thread_id, now, resources, request.get("metadata"))
    thread = Record("thread", thread_id, thread_id, None, now, seq, body)
    life.b.store.put(thread)
    if events is not None:
        events.emit("thread.created", body)
    for message in request.get("messages") or []:
        add_message(life, thread_id, message)
    return thread


def create_thread(life: Lifecycle, request: MatchedRequest) -> Reply:
    return JsonReply.of(new_thread(life, body_of(request)).body)


def get_thread(life: Lifecycle, request: MatchedRequest) -> Reply:
    return JsonReply.of(life.b.thread(request.path_params["thread_id"]).body)


def modify_thread(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    changes = body_of(request)
    if "metadata" in changes:
        thread.body["metadata"] = changes["metadata"] or {}
    if "tool_resources" in changes:
        thread.body["tool_resources"] = changes["tool_resources"] or {}
    life.b.store.put(thread)
    return JsonReply.of(thread.body)


def delete_thread(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    life.b.store.delete_thread(thread.id)
    return JsonReply.of(objects.deleted(thread.id, "thread"))


def list_messages(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    run_id = request.query_value("run_id")
    if run_id is None:
        return JsonReply.of(stored_page(life.b.store, "message", thread.id, request))
    messages = [m for m in life.b.store.children("message", thread.id) if m.body.get("run_id") == run_id]
    return JsonReply.of(page(messages, request))


def create_message(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    running = active_run(life, thread.id)
    if running is not None:
        raise message_during_run(thread.id, running.id)
    return JsonReply.of(add_message(life, thread.id, body_of(request)).body)


def get_message(life: Lifecycle, request: MatchedRequest) -> Reply:
    params = request.path_params
    return JsonReply.of(life.b.message(params["thread_id"], params["message_id"]).body)


def modify_message(life: Lifecycle, request: MatchedRequest) -> Reply:
    params = request.path_params
    message = life.b.message(params["thread_id"], params["message_id"])
    changes = body_of(request)
    if "metadata" in changes:
        message.body["metadata"] = changes["metadata"] or {}
        life.b.store.put(message)
    return JsonReply.of(message.body)


def delete_message(life: Lifecycle, request: MatchedRequest) -> Reply:
    params = request.path_params
    message = life.b.message(params["thread_id"], params["message_id"])
    life.b.store.delete("message", message.id)
    return JsonReply.of(objects.deleted(message.id, "thread.message"))
