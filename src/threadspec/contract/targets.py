"""The ids each operation's requests go to: objects made for the check, fresh ones where a request uses
its object up (delete, cancel, submit tool outputs, and runs, which occupy their thread).

List operations get something to list: an assistant, three messages, a finished run, its steps. An
assistant a path names is one the check makes for itself, never the run's (which runs rely on).
"""

from __future__ import annotations

from typing import Any

from threadspec import spec
from threadspec.contract.resources import GREETING, Resources

Ids = dict[str, str]
Body = dict[str, Any]
CONSUMING = frozenset(
    {"deleteThread", "deleteMessage", "createRun", "cancelRun", "submitToolOuputsToRun", "deleteAssistant"}
)
WAITING = frozenset({"cancelRun", "submitToolOuputsToRun"})
LISTED_MESSAGES = 3


async def shared_ids(res: Resources, operation: spec.Operation) -> Ids:
    """Ids for the path of ``operation`` that every request of a check can reuse."""
    op = operation.operation_id
    names = {p.name for p in operation.parameters_in("path")}
    if op == "listAssistants":
        await res.assistant()
    if not names or op in CONSUMING - {"deleteMessage"}:
        return {}
    if "assistant_id" in names:
        return {"assistant_id": str((await res.assistant())["id"])}
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
        return {"thread_id": thread["id"], "message_id": str((await res.message(thread["id"]))["id"])}
    return {"thread_id": thread["id"]}


async def ids_for(res: Resources, operation_id: str, shared: Ids) -> tuple[Ids, Body | None]:
    """Ids for one request (and the waiting run, whose tool calls a body must answer)."""
    if operation_id in ("deleteThread", "createRun"):
        return {"thread_id": (await res.thread())["id"]}, None
    if operation_id == "deleteAssistant":
        return {"assistant_id": str((await res.assistant())["id"])}, None
    if operation_id == "deleteMessage":
        thread_id = shared.get("thread_id") or (await res.thread())["id"]
        message = await res.message(thread_id)
        return {"thread_id": thread_id, "message_id": str(message["id"])}, None
    if operation_id in WAITING:
        run = await res.waiting_run()
        return {"thread_id": str(run.get("thread_id")), "run_id": str(run["id"])}, run
    return shared, None
