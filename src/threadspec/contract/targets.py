"""The ids each operation's requests go to: objects made for the check, fresh ones where a request uses
its object up (deletions, cancel, submit tool outputs, attaching a file, and runs, which occupy their thread).

List operations get something to list: an assistant, three messages, a finished run, its steps, a file.
An assistant a path names is one the check makes for itself, never the run's (which runs rely on). A
path about files (v1's assistant and message files) names an object created with one.
"""

from __future__ import annotations

from typing import Any

from threadspec._operation import Operation
from threadspec.contract.resources import GREETING, Resources

Ids = dict[str, str]
Body = dict[str, Any]
# Besides deletions, requests that use their object up: a run occupies its thread, cancel and tool outputs
# need a run that waits for them, and a file attached once is attached (attaching it again proves nothing).
_USES_UP = frozenset({"createRun", "cancelRun", "submitToolOuputsToRun", "createAssistantFile"})
WAITING = frozenset({"cancelRun", "submitToolOuputsToRun"})
LISTED_MESSAGES = 3


def consumes(operation: Operation) -> bool:
    """Whether a request to ``operation`` uses its object up, so each needs a fresh one."""
    return operation.method.upper() == "DELETE" or operation.operation_id in _USES_UP


def shares(operation: Operation) -> bool:
    """Whether a check's requests can share ids: a message deletion shares its thread, not its message."""
    return not consumes(operation) or operation.operation_id == "deleteMessage"


def _names(operation: Operation) -> set[str]:
    return {p.name for p in operation.parameters_in("path")}


def _about_files(operation: Operation) -> bool:
    """A path that names a file, or lists them (``/assistants/{assistant_id}/files``)."""
    return "file_id" in _names(operation) or operation.path.endswith("/files")


async def shared_ids(res: Resources, operation: Operation) -> Ids:
    """Ids for the path of ``operation`` that every request of a check can reuse."""
    op = operation.operation_id
    names = _names(operation)
    files = _about_files(operation)
    if op == "listAssistants":
        await res.assistant()
    if not names or not shares(operation):
        return {}
    if "assistant_id" in names:
        assistant = await res.assistant(files=files)
        ids = {"assistant_id": str(assistant["id"])}
        return {**ids, "file_id": res.file_of(assistant)} if "file_id" in names else ids
    if "step_id" in names or op == "listRunSteps":  # a run that has ended has all the steps it will have
        run = await res.finished_run()
        ids = {"thread_id": str(run.get("thread_id")), "run_id": str(run["id"])}
        return ids if op == "listRunSteps" else {**ids, "step_id": str((await res.step(run))["id"])}
    if op == "listRuns":
        run = await res.finished_run()
        return {"thread_id": str(run.get("thread_id"))}
    if "run_id" in names:
        run = await res.any_run()
        return {"thread_id": str(run.get("thread_id")), "run_id": str(run["id"])}
    if op == "listMessages":
        thread = await res.thread({"messages": [GREETING] * (LISTED_MESSAGES - 1)})
        await res.message(thread["id"])
        return {"thread_id": thread["id"]}
    thread = await res.thread()
    if "message_id" in names and op != "deleteMessage":
        message = await res.message(thread["id"], files=files)
        ids = {"thread_id": thread["id"], "message_id": str(message["id"])}
        return {**ids, "file_id": res.file_of(message)} if "file_id" in names else ids
    return {"thread_id": thread["id"]}


async def ids_for(res: Resources, operation: Operation, shared: Ids) -> tuple[Ids, Body | None]:
    """Ids for one request (and the waiting run, whose tool calls a body must answer)."""
    op = operation.operation_id
    names = _names(operation)
    if op in ("deleteThread", "createRun"):
        return {"thread_id": (await res.thread())["id"]}, None
    if consumes(operation) and "assistant_id" in names:  # an assistant, or one of its files, used up
        assistant = await res.assistant(files="file_id" in names)
        ids = {"assistant_id": str(assistant["id"])}
        return ({**ids, "file_id": res.file_of(assistant)} if "file_id" in names else ids), None
    if op == "deleteMessage":
        thread_id = shared.get("thread_id") or (await res.thread())["id"]
        message = await res.message(thread_id)
        return {"thread_id": thread_id, "message_id": str(message["id"])}, None
    if op in WAITING:
        run = await res.waiting_run()
        return {"thread_id": str(run.get("thread_id")), "run_id": str(run["id"])}, run
    return shared, None
