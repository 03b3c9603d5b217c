"""The run and run-step operations of the stateful mock.

A request that changes a run answers with the run as that request left it (``queued`` after
create or submit, ``cancelling`` after cancel), as the API does. With ``advance="instant"`` the
stored run has already moved on to where it settles; with ``"per_poll"`` each retrieval moves it
one status further. A request with ``stream: true`` streams the run until it settles.
"""

from __future__ import annotations

from typing import Any

from threadspec.asgi import MatchedRequest
from threadspec.mock.events import Events, JsonReply, Reply
from threadspec.mock.lifecycle import Lifecycle
from threadspec.mock.paging import page
from threadspec.mock.records import Record, to_json
from threadspec.mock.threads import active_run, add_message, body_of, new_thread
from threadspec.mock.wording import active_run as active_run_error


def _poll_header(life: Lifecycle) -> tuple[str, str]:
    # the SDKs' polling helpers wait this long between retrievals
    return ("openai-poll-after-ms", str(life.b.config.poll_after_ms))


def _answer(life: Lifecycle, run: Record, events: Events, stream: bool) -> Reply:
    """The run as it is now (or its stream), after letting it move on if the mode says so."""
    snapshot = to_json(run.body)
    if stream or life.b.config.advance == "instant":
        life.settle(run, events)
    return events.done() if stream else JsonReply(snapshot, (_poll_header(life),))


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
    events = Events(kept=bool(body.get("stream")))
    run = start_run(life, thread.id, body, events)
    return _answer(life, run, events, bool(body.get("stream")))


def create_thread_and_run(life: Lifecycle, request: MatchedRequest) -> Reply:
    body = body_of(request)
    assistant = life.b.assistant(body["assistant_id"])  # before the thread: a 404 leaves nothing behind
    events = Events(kept=bool(body.get("stream")))
    thread = new_thread(life, body.get("thread") or {}, events)
    run_request = {k: v for k, v in body.items() if k != "thread"}
    run = life.create(thread.id, run_request, assistant, events)
    return _answer(life, run, events, bool(body.get("stream")))


def list_runs(life: Lifecycle, request: MatchedRequest) -> Reply:
    thread = life.b.thread(request.path_params["thread_id"])
    runs = life.b.store.children("run", thread.id)
    for run in runs:
        life.expire_if_due(run)
    return JsonReply.of(page(runs, request))


def get_run(life: Lifecycle, request: MatchedRequest) -> Reply:
    run = _run(life, request)
    if life.b.config.advance == "per_poll":
        life.advance(run, Events(kept=False))
    return JsonReply.of(run.body, _poll_header(life))


def modify_run(life: Lifecycle, request: MatchedRequest) -> Reply:
    run = _run(life, request)
    changes = body_of(request)
    if "metadata" in changes:
        run.body["metadata"] = changes["metadata"] or {}
        life.b.store.put(run)
    return JsonReply.of(run.body, _poll_header(life))


def cancel_run(life: Lifecycle, request: MatchedRequest) -> Reply:
    run, events = _run(life, request), Events(kept=False)
    life.cancel(run, events)
    return _answer(life, run, events, stream=False)


def submit_tool_outputs(life: Lifecycle, request: MatchedRequest, strict: bool = True) -> Reply:
    run, body = _run(life, request), body_of(request)
    events = Events(kept=bool(body.get("stream")))
    life.submit(run, list(body.get("tool_outputs") or []), events, strict=strict)
    return _answer(life, run, events, bool(body.get("stream")))


def list_run_steps(life: Lifecycle, request: MatchedRequest) -> Reply:
    run = _run(life, request)
    return JsonReply.of(page(life.b.store.children("step", run.thread_id, run.id), request))


def get_run_step(life: Lifecycle, request: MatchedRequest) -> Reply:
    params = request.path_params
    _run(life, request)
    return JsonReply.of(life.b.step(params["thread_id"], params["run_id"], params["step_id"]).body)
