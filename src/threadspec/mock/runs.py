"""The run and run-step operations of the stateful mock.

A request that changes a run answers with the run as that request left it (``queued`` after
create or submit, ``cancelling`` after cancel), as the API does. With ``advance="instant"`` the run
settles before the next request about its thread sees it (:func:`catch_up`) — unless that request
cancels it, which finds it as it was answered, still cancellable; with ``"per_poll"`` each
retrieval moves it one status further. A request with ``stream: true`` streams the run until it
settles.
"""

from __future__ import annotations

from typing import Any

from threadspec.asgi import MatchedRequest
from threadspec.facts import POLL_AFTER_HEADER
from threadspec.mock.events import Events, Reply
from threadspec.mock.lifecycle import SETTLED, Lifecycle
from threadspec.mock.paging import page
from threadspec.mock.records import Record
from threadspec.mock.threads import active_run, add_message, body_of, new_thread
from threadspec.mock.wording import active_run as active_run_error


def _poll_header(life: Lifecycle) -> tuple[str, str]:
    # the SDKs' polling helpers wait this long between retrievals
    return (POLL_AFTER_HEADER, str(life.b.config.poll_after_ms))


_UNSETTLED = "unsettled_run"  # in a thread's state: its run that settles before anyone sees it again


def _answer(
    life: Lifecycle, run: Record, events: Events, stream: bool, thread: Record | None = None
) -> Reply:
    """The run as it is now (or its stream, which follows it until it settles).

    ``thread``: the run's thread as it is stored now, when the caller holds it (else it is read again).
    """
    if stream:
        life.settle(run, events)
        return events.done()
    if life.b.config.advance == "instant" and run.body["status"] not in SETTLED:
        thread = thread or life.b.thread(run.thread_id)
        thread.state[_UNSETTLED] = run.id
        life.b.store.put(thread)
    return life.b.reply(run.body, _poll_header(life))


def catch_up(life: Lifecycle, request: MatchedRequest) -> None:
    """Settle the run an instant mock answered without settling, before a request about its thread.

    A cancel of that very run is the exception: it finds the run as it was answered (queued, or
    wherever the last request left it), so a cancel right after a create cancels, as the API does
    for a run that is still queued.
    """
    thread_id = request.path_params.get("thread_id")
    if thread_id is None or life.b.config.advance != "instant":  # only an instant mock leaves runs unsettled
        return
    thread = life.b.mine(life.b.store.get("thread", thread_id))  # another profile's thread is a 404 anyway
    run_id = thread.state.get(_UNSETTLED) if thread is not None else None
    if thread is None or run_id is None:
        return
    if request.operation_id == "cancelRun" and request.path_params.get("run_id") == run_id:
        return
    del thread.state[_UNSETTLED]
    life.b.store.put(thread)
    run = life.b.store.get("run", run_id)
    if run is not None:
        life.settle(run, Events(kept=False))


def _run(life: Lifecycle, request: MatchedRequest) -> Record:
    params = request.path_params
    run = life.b.run(params["thread_id"], params["run_id"])
    life.expire_if_due(run)
    return run


def start_run(
    life: Lifecycle, thread_id: str, request: dict[str, Any], events: Events, run_id: str | None = None
) -> Record:
    assistant = life.b.assistant(request["assistant_id"])
    for message in request.get("additional_messages") or []:
        add_message(life, thread_id, message)
    return life.create(thread_id, request, assistant, events, run_id)


def create_run(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    running = active_run(life, thread.id)
    if running is not None:
        raise active_run_error(thread.id, running.id)
    body = body_of(request)
    events = life.b.events(kept=bool(body.get("stream")))
    run = start_run(life, thread.id, body, events)  # adds messages and the run, leaves the thread as it is
    return _answer(life, run, events, bool(body.get("stream")), thread)


def create_thread_and_run(life: Lifecycle, request: MatchedRequest) -> Reply:
    body = body_of(request)
    assistant = life.b.assistant(body["assistant_id"])  # before the thread: a 404 leaves nothing behind
    events = life.b.events(kept=bool(body.get("stream")))
    thread = new_thread(life, body.get("thread") or {}, events)
    run_request = {k: v for k, v in body.items() if k != "thread"}
    run = life.create(thread.id, run_request, assistant, events)
    return _answer(life, run, events, bool(body.get("stream")), thread)


def list_runs(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    runs = life.b.store.children("run", thread.id)
    for run in runs:
        life.expire_if_due(run)
    return life.b.reply(page([r.body for r in runs], request))


def get_run(life: Lifecycle, request: MatchedRequest) -> Reply:
    run = _run(life, request)
    if life.b.config.advance == "per_poll":
        life.advance(run, Events(kept=False))
    return life.b.reply(run.body, _poll_header(life))


def modify_run(life: Lifecycle, request: MatchedRequest) -> Reply:
    run = _run(life, request)
    changes = body_of(request)
    if "metadata" in changes:
        run.body["metadata"] = changes["metadata"] or {}
        life.b.store.put(run)
    return life.b.reply(run.body, _poll_header(life))


def cancel_run(life: Lifecycle, request: MatchedRequest) -> Reply:
    run, events = _run(life, request), Events(kept=False)
    life.cancel(run, events)
    return _answer(life, run, events, stream=False)


def submit_tool_outputs(life: Lifecycle, request: MatchedRequest, strict: bool = True) -> Reply:
    run, body = _run(life, request), body_of(request)
    events = life.b.events(kept=bool(body.get("stream")))
    life.submit(run, list(body.get("tool_outputs") or []), events, strict=strict)
    return _answer(life, run, events, bool(body.get("stream")))


def list_run_steps(life: Lifecycle, request: MatchedRequest) -> Reply:
    run = _run(life, request)
    return life.b.reply(page([s.body for s in life.b.store.children("step", run.thread_id, run.id)], request))


def get_run_step(life: Lifecycle, request: MatchedRequest) -> Reply:
    params = request.path_params
    _run(life, request)
    return life.b.reply(life.b.step(params["thread_id"], params["run_id"], params["step_id"]).body)
