"""Stateless mode: every valid request is answered as if what it names existed.

Each request starts in an empty scratch store (one ``ScratchStore`` for all, emptied first), staged
with the objects its path names (an assistant, a thread with one user message, a message, a run in the
state the operation needs, a step; one assistant for the list of assistants; a v1 file on the
assistant and the message), and then the stateful operation runs on it. So answers have the real shapes and echo the request, and nothing
is kept: the same request twice gets two fresh answers (identical ones under a seed, given the
same history of requests).
"""

from __future__ import annotations

from threadspec.asgi import MatchedRequest
from threadspec.mock import objects
from threadspec.mock.events import Events
from threadspec.mock.lifecycle import Lifecycle
from threadspec.mock.records import Record
from threadspec.mock.runs import start_run
from threadspec.mock.script import Call
from threadspec.mock.threads import add_message, body_of, new_thread

STAGED_ASSISTANT = "asst_mock"
STAGED_QUESTION = "Hello! What can you do?"
STAGED_ASSISTANT_SETTINGS = {"name": "Mock assistant", "instructions": "You answer questions helpfully."}
STAGED_FILE = "file-mock"  # the file staged objects hold (v1 serves it; v2 has no such field)
_STAGED_FUNCTION = "mock_function"


def stage(life: Lifecycle, request: MatchedRequest) -> None:
    """Put into the scratch store what the request's path names, in a state the operation accepts."""
    params = request.path_params
    files = [params.get("file_id", STAGED_FILE)]  # the file a path names is there
    if request.operation_id == "listAssistants" or "assistant_id" in params:
        _stage_assistant(life, params.get("assistant_id", STAGED_ASSISTANT), files)
    thread_id = params.get("thread_id")
    if thread_id is None:
        return
    new_thread(life, {}, thread_id=thread_id)
    question = {"role": "user", "content": STAGED_QUESTION, "file_ids": files}
    add_message(life, thread_id, question, params.get("message_id"))
    run_id = params.get("run_id")
    if run_id is None and request.operation_id != "listRuns":
        return
    run = start_run(life, thread_id, {"assistant_id": STAGED_ASSISTANT}, Events(kept=False), run_id)
    if request.operation_id == "cancelRun":
        return  # left queued: cancellable
    if request.operation_id == "submitToolOuputsToRun":
        outputs = body_of(request).get("tool_outputs") or []
        life.advance(run, Events(kept=False))
        calls = [Call(_STAGED_FUNCTION, "{}") for _ in outputs]
        life.call_tools(run, calls, 0, Events(kept=False), [o.get("tool_call_id") for o in outputs])
        return
    life.settle(run, Events(kept=False))
    step_id = params.get("step_id")
    if step_id is not None:
        _rename_last_step(life, run, step_id)


def _stage_assistant(life: Lifecycle, assistant_id: str, files: list[str]) -> None:
    seq, now = life.b.store.next_seq(), life.b.now()
    settings = {"model": objects.DEFAULT_MODEL, **STAGED_ASSISTANT_SETTINGS, "file_ids": files}
    body = objects.assistant_object(assistant_id, now, settings, life.b.new_id)
    life.b.store.put(life.b.new("assistant", assistant_id, life.b.top_level, None, now, seq, body))


def _rename_last_step(life: Lifecycle, run: Record, step_id: str) -> None:
    step = life.b.store.children("step", run.thread_id, run.id)[-1]
    life.b.store.delete("step", step.id)
    step.id = step_id
    step.body["id"] = step_id
    life.b.store.put(step)
