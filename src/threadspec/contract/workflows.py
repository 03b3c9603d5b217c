"""Workflows: sequences of calls whose results must agree with each other, not just with the schemas.

Each runs to its end where the server allows it, recording every broken expectation on the way
(see :mod:`.steps`). They need a server that keeps state; on one that does, a workflow that cannot
run is a failure with its reason, never a skip. A workflow is planned when the contract has (and the
run checks) every operation it needs: v2's message lifecycle ends with a deletion v1 has no
operation for, and v1's files have workflows of their own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.pagination import pagination
from threadspec.contract.resources import (
    ASSISTANT,
    FILE_ID,
    FUNCTION_NAME,
    FUNCTION_TOOL,
    GREETING,
    Resources,
    tool_outputs,
)
from threadspec.contract.steps import INCOMPLETE, Body, call, differs, expect, gone, items, same, text_of
from threadspec.contract.verdict import Blocked
from threadspec.facts import DELETED_SUFFIX, OBJECT_TYPES
from threadspec.facts import TERMINAL_RUN_STATUSES as TERMINAL


@dataclass(frozen=True, slots=True)
class Workflow:
    name: str
    operations: tuple[str, ...]  # planned only when every one of these is selected
    run: Callable[[CheckContext], Awaitable[Verdict]]


def done(ctx: CheckContext, cases: int) -> Verdict:
    ctx.verdict.cases = cases
    return ctx.verdict


def _id(body: Body, step: str) -> str:
    ident = body.get("id")
    if not isinstance(ident, str):
        raise Blocked(f"{step}: the object has no id to go on with")
    return ident


async def _delete_and_gone(
    ctx: CheckContext, delete: str, get: str, ids: dict[str, str], object_id: str, kind: str
) -> None:
    """Delete answers the confirmation object; a retrieve afterwards is a 404 in the envelope."""
    deleted, ex = await call(ctx, "delete", delete, ids)
    expected = {"id": object_id, "object": OBJECT_TYPES[kind] + DELETED_SUFFIX, "deleted": True}
    same(ctx, "delete", expected, deleted, ("id", "object", "deleted"), ex)
    gone(ctx, await ctx.client.call(get, ids))


async def thread_lifecycle(ctx: CheckContext) -> Verdict:
    first, second = {"threadspec": "created"}, {"threadspec": "modified", "step": "2"}
    created, ex = await call(ctx, "create", "createThread", body={"metadata": first})
    same(ctx, "create", {"metadata": first}, created, ("metadata",), ex)
    tid = _id(created, "create")
    ids = {"thread_id": tid}
    got, ex = await call(ctx, "retrieve", "getThread", ids)
    same(ctx, "retrieve", created, got, ("id", "object", "created_at", "metadata", "tool_resources"), ex)
    modified, ex = await call(ctx, "modify", "modifyThread", ids, body={"metadata": second})
    expected = {"id": tid, "metadata": second, "created_at": created.get("created_at")}
    same(ctx, "modify", expected, modified, ("id", "metadata", "created_at"), ex)
    got, ex = await call(ctx, "retrieve after modify", "getThread", ids)
    same(ctx, "retrieve after modify", {"metadata": second}, got, ("metadata",), ex)
    await _delete_and_gone(ctx, "deleteThread", "getThread", ids, tid, "thread")
    return done(ctx, 6)


async def message_lifecycle(ctx: CheckContext) -> Verdict:
    tid = (await Resources(ctx).thread())["id"]
    body = {"role": "user", "content": "The first message.", "metadata": {"threadspec": "created"}}
    created, ex = await call(ctx, "create", "createMessage", {"thread_id": tid}, body=body)
    same(ctx, "create", {"thread_id": tid, "role": "user", "metadata": body["metadata"]}, created,
         ("thread_id", "role", "metadata"), ex)  # fmt: skip
    expect(ctx, text_of(created) == body["content"], "message-lifecycle", "create",
           f"content is {created.get('content')!r}", ex)  # fmt: skip
    mid = _id(created, "create")
    ids = {"thread_id": tid, "message_id": mid}
    got, ex = await call(ctx, "retrieve", "getMessage", ids)
    keys = ("id", "object", "created_at", "thread_id", "role", "content", "metadata")
    same(ctx, "retrieve", created, got, keys, ex)
    changed = {"threadspec": "modified"}
    modified, ex = await call(ctx, "modify", "modifyMessage", ids, body={"metadata": changed})
    same(ctx, "modify", {"id": mid, "metadata": changed, "content": created.get("content")}, modified,
         ("id", "metadata", "content"), ex)  # fmt: skip
    listing, ex = await call(ctx, "list", "listMessages", {"thread_id": tid}, query={"limit": 100})
    listed = {m.get("id"): (index, m) for index, m in enumerate(items(listing))}
    if expect(ctx, mid in listed, "message-lifecycle", "list", "the message is missing from the list", ex):
        index, item = listed[mid]
        same(ctx, "list shows the change", {"metadata": changed}, item, ("metadata",), ex, f"/data/{index}")
    if "deleteMessage" not in ctx.run.operations:  # v1 deletes no message
        return done(ctx, 5)
    await _delete_and_gone(ctx, "deleteMessage", "getMessage", ids, mid, "message")
    listing, ex = await call(
        ctx, "list after delete", "listMessages", {"thread_id": tid}, query={"limit": 100}
    )
    expect(ctx, all(m.get("id") != mid for m in items(listing)), "message-lifecycle", "list after delete",
           "the deleted message is still listed", ex)  # fmt: skip
    return done(ctx, 8)


async def thread_messages(ctx: CheckContext) -> Verdict:
    """Messages given at creation and added later all come back, in order, on their thread."""
    texts = [f"message {i}" for i in range(5)]
    thread = await Resources(ctx).thread({"messages": [{"role": "user", "content": t} for t in texts[:2]]})
    tid = thread["id"]
    added = []
    for text in texts[2:]:
        message, _ = await call(ctx, "add a message", "createMessage", {"thread_id": tid},
                                body={"role": "user", "content": text})  # fmt: skip
        added.append(message.get("id"))
    listing, ex = await call(
        ctx, "list", "listMessages", {"thread_id": tid}, query={"limit": 100, "order": "asc"}
    )
    data = items(listing)
    if expect(ctx, len(data) == len(texts), "thread-messages", "list every message",
              f"listed {len(data)} of {len(texts)} messages", ex, key=INCOMPLETE):  # fmt: skip
        for index, (message, text) in enumerate(zip(data, texts, strict=True)):
            if text_of(message) != text:
                differs(ctx, "list in order", "content", text_of(message), text, ex, f"/data/{index}/content")
        expect(ctx, [m.get("id") for m in data[2:]] == added, "thread-messages", "list the added ids in order",
               f"listed ids {[m.get('id') for m in data[2:]]}, created {added}", ex)  # fmt: skip
    strays = [m.get("id") for m in data if m.get("thread_id") != tid]
    expect(ctx, not strays, "thread-messages", "messages belong to the thread",
           f"messages {strays} name another thread", ex)  # fmt: skip
    return done(ctx, 3)


async def run_lifecycle(ctx: CheckContext) -> Verdict:
    res = Resources(ctx)
    tid = (await res.thread({"messages": [GREETING]}))["id"]
    body = res.run_body()
    run, ex = await call(ctx, "create", "createRun", {"thread_id": tid}, body=body)
    same(ctx, "create", {"thread_id": tid, "assistant_id": body["assistant_id"]}, run,
         ("thread_id", "assistant_id"), ex)  # fmt: skip
    ids = {"thread_id": tid, "run_id": _id(run, "create")}
    got, ex = await call(ctx, "retrieve", "getRun", ids)
    same(ctx, "retrieve", run, got, ("id", "object", "created_at", "thread_id", "assistant_id"), ex)
    ended = await res.wait(got)
    expect(ctx, ended.get("status") in TERMINAL, "run-lifecycle", "reach a terminal state",
           f"status {ended.get('status')!r}")  # fmt: skip
    listing, ex = await call(ctx, "list", "listRuns", {"thread_id": tid}, query={"limit": 100})
    expect(ctx, any(r.get("id") == ids["run_id"] for r in items(listing)), "run-lifecycle", "list",
           "the run is missing from the list", ex)  # fmt: skip
    changed = {"threadspec": "modified"}
    modified, ex = await call(ctx, "modify", "modifyRun", ids, body={"metadata": changed})
    same(ctx, "modify", {"id": ids["run_id"], "metadata": changed}, modified, ("id", "metadata"), ex)
    got, ex = await call(ctx, "retrieve after modify", "getRun", ids)
    same(ctx, "retrieve after modify", modified, got, ("metadata", "status"), ex)
    steps, ex = await call(ctx, "list steps", "listRunSteps", ids, query={"limit": 100})
    for index, step in enumerate(items(steps)):
        same(ctx, "steps belong to the run", {"run_id": ids["run_id"], "thread_id": tid}, step,
             ("run_id", "thread_id"), ex, f"/data/{index}")  # fmt: skip
    first = await res.step(ended)
    got, ex = await call(ctx, "retrieve a step", "getRunStep", {**ids, "step_id": _id(first, "list steps")})
    same(ctx, "retrieve a step", first, got, ("id", "object", "type", "status", "run_id"), ex)
    return done(ctx, 8)


async def tool_outputs_flow(ctx: CheckContext) -> Verdict:
    res = Resources(ctx)
    run = await res.waiting_run()
    calls = ((run.get("required_action") or {}).get("submit_tool_outputs") or {}).get("tool_calls") or []
    expect(ctx, bool(calls), "tool-outputs", "requires_action names tool calls", "no tool calls listed")
    names = {c.get("function", {}).get("name") for c in calls if isinstance(c, dict)}
    expect(ctx, not calls or names == {FUNCTION_NAME}, "tool-outputs", "tool calls name the function",
           f"calls name {sorted(map(str, names))}")  # fmt: skip
    ids = {"thread_id": str(run.get("thread_id")), "run_id": _id(run, "create")}
    resumed, ex = await call(ctx, "submit tool outputs", "submitToolOuputsToRun", ids,
                             body={"tool_outputs": tool_outputs(run)})  # fmt: skip
    same(ctx, "submit tool outputs", run, resumed, ("id", "thread_id"), ex)
    expect(ctx, resumed.get("status") != "requires_action", "tool-outputs", "submit tool outputs",
           "the run still requires action", ex, about="/status")  # fmt: skip
    ended = await res.wait(resumed)
    expect(ctx, ended.get("status") == "completed", "tool-outputs", "reach a terminal state",
           f"the run ended {ended.get('status')!r}")  # fmt: skip
    return done(ctx, 4)


async def run_cancel(ctx: CheckContext) -> Verdict:
    res = Resources(ctx)
    run = await res.waiting_run()
    ids = {"thread_id": str(run.get("thread_id")), "run_id": _id(run, "create")}
    cancelling, ex = await call(ctx, "cancel", "cancelRun", ids)
    expect(ctx, cancelling.get("status") in ("cancelling", "cancelled"), "run-cancel", "cancel",
           f"status {cancelling.get('status')!r} after cancel", ex, about="/status")  # fmt: skip
    ended = await res.wait(cancelling)
    expect(ctx, ended.get("status") == "cancelled", "run-cancel", "reach cancelled",
           f"the run ended {ended.get('status')!r}")  # fmt: skip
    return done(ctx, 2)


async def assistant_lifecycle(ctx: CheckContext) -> Verdict:
    first = {**ASSISTANT, "instructions": "Answer briefly.", "metadata": {"threadspec": "created"}}
    created, ex = await call(ctx, "create", "createAssistant", body=first)
    same(ctx, "create", first, created, ("model", "name", "instructions", "metadata"), ex)
    aid = _id(created, "create")
    ids = {"assistant_id": aid}
    got, ex = await call(ctx, "retrieve", "getAssistant", ids)
    keys = ("id", "object", "created_at", "model", "name", "instructions", "tools", "metadata")
    same(ctx, "retrieve", created, got, keys, ex)
    changed = {"name": "threadspec, modified", "metadata": {"threadspec": "modified", "step": "3"}}
    modified, ex = await call(ctx, "modify", "modifyAssistant", ids, body=changed)
    kept = {key: created.get(key) for key in ("id", "created_at", "model", "instructions")}
    same(ctx, "modify", {**kept, **changed}, modified, (*kept, *changed), ex)
    # newest first, as the API lists: the assistant just made is on the first page however many exist
    listing, ex = await call(ctx, "list", "listAssistants", query={"limit": 100, "order": "desc"})
    listed = {a.get("id"): (index, a) for index, a in enumerate(items(listing))}
    if expect(
        ctx, aid in listed, "assistant-lifecycle", "list", "the assistant is missing from the list", ex
    ):
        index, item = listed[aid]
        same(ctx, "list shows the change", changed, item, tuple(changed), ex, f"/data/{index}")
    await _delete_and_gone(ctx, "deleteAssistant", "getAssistant", ids, aid, "assistant")
    return done(ctx, 6)


async def assistant_runs(ctx: CheckContext) -> Verdict:
    """A run takes its model, instructions and tools from its assistant unless the request sets them."""
    res = Resources(ctx)
    settings = {**ASSISTANT, "instructions": "Answer in one word.", "tools": [FUNCTION_TOOL]}
    assistant, ex = await call(ctx, "create an assistant", "createAssistant", body=settings)
    aid = _id(assistant, "create an assistant")
    step = "a run takes its assistant's settings"
    tid = (await res.thread({"messages": [GREETING]}))["id"]
    run, ex = await call(ctx, step, "createRun", {"thread_id": tid}, body={"assistant_id": aid})
    inherited = {
        "assistant_id": aid,
        **{key: assistant.get(key) for key in ("model", "instructions", "tools")},
    }
    same(ctx, step, inherited, run, tuple(inherited), ex)
    step = "a run's own instructions win"
    own = {"assistant_id": aid, "instructions": "Answer in two words."}
    tid = (await res.thread({"messages": [GREETING]}))["id"]
    run, ex = await call(ctx, step, "createRun", {"thread_id": tid}, body=own)
    same(
        ctx,
        step,
        {**own, "model": assistant.get("model")},
        run,
        ("assistant_id", "instructions", "model"),
        ex,
    )
    return done(ctx, 3)


async def assistant_files(ctx: CheckContext) -> Verdict:
    """v1: a file attached to an assistant is listed, retrieved and on the assistant until it is detached."""
    assistant, ex = await call(ctx, "create an assistant", "createAssistant", body=dict(ASSISTANT))
    aid = _id(assistant, "create an assistant")
    ids = {"assistant_id": aid}
    attached, ex = await call(ctx, "attach", "createAssistantFile", ids, body={"file_id": FILE_ID})
    same(ctx, "attach", {"id": FILE_ID, "assistant_id": aid}, attached, ("id", "assistant_id"), ex)
    listing, ex = await call(ctx, "list", "listAssistantFiles", ids, query={"limit": 100})
    expect(ctx, [f.get("id") for f in items(listing)] == [FILE_ID], "assistant-files", "list",
           f"listed {[f.get('id') for f in items(listing)]}, attached [{FILE_ID!r}]", ex)  # fmt: skip
    file_ids = {**ids, "file_id": FILE_ID}
    got, ex = await call(ctx, "retrieve", "getAssistantFile", file_ids)
    same(ctx, "retrieve", attached, got, ("id", "object", "created_at", "assistant_id"), ex)
    holder, ex = await call(ctx, "the assistant holds it", "getAssistant", ids)
    expect(ctx, FILE_ID in (holder.get("file_ids") or []), "assistant-files", "the assistant holds it",
           f"file_ids are {holder.get('file_ids')!r}", ex, about="/file_ids")  # fmt: skip
    deleted, ex = await call(ctx, "detach", "deleteAssistantFile", file_ids)
    expected = {"id": FILE_ID, "object": "assistant.file" + DELETED_SUFFIX, "deleted": True}
    same(ctx, "detach", expected, deleted, ("id", "object", "deleted"), ex)
    gone(ctx, await ctx.client.call("getAssistantFile", file_ids))
    holder, ex = await call(ctx, "the assistant lets it go", "getAssistant", ids)
    expect(ctx, FILE_ID not in (holder.get("file_ids") or []), "assistant-files", "the assistant lets it go",
           f"file_ids are {holder.get('file_ids')!r}", ex, about="/file_ids")  # fmt: skip
    return done(ctx, 7)


async def message_files(ctx: CheckContext) -> Verdict:
    """v1: the files a message is created with are its files, listed and retrieved by id."""
    res = Resources(ctx)
    tid = (await res.thread())["id"]
    message = await res.message(tid, "Read the attached file.", files=True)
    mid = _id(message, "create")
    ids = {"thread_id": tid, "message_id": mid}
    listing, ex = await call(ctx, "list", "listMessageFiles", ids, query={"limit": 100})
    expect(ctx, [f.get("id") for f in items(listing)] == [FILE_ID], "message-files", "list",
           f"listed {[f.get('id') for f in items(listing)]}, created with [{FILE_ID!r}]", ex)  # fmt: skip
    got, ex = await call(ctx, "retrieve", "getMessageFile", {**ids, "file_id": FILE_ID})
    same(ctx, "retrieve", {"id": FILE_ID, "message_id": mid}, got, ("id", "message_id"), ex)
    gone(ctx, await ctx.client.call("getMessageFile", {**ids, "file_id": "file-threadspecnone"}))
    return done(ctx, 3)


ASSISTANT_CRUD = ("createAssistant", "getAssistant", "modifyAssistant", "listAssistants", "deleteAssistant")
THREAD_CRUD = ("createThread", "getThread", "modifyThread", "deleteThread")
# the deletion is optional: v1 has none, and the workflow stops before it
MESSAGE_CRUD = ("createMessage", "getMessage", "modifyMessage", "listMessages")
ASSISTANT_FILES = (
    "createAssistant", "getAssistant", "createAssistantFile", "listAssistantFiles", "getAssistantFile",
    "deleteAssistantFile",
)  # fmt: skip
MESSAGE_FILES = ("createThread", "createMessage", "listMessageFiles", "getMessageFile")
WORKFLOWS = (
    Workflow("thread-lifecycle", THREAD_CRUD, thread_lifecycle),
    Workflow("message-lifecycle", MESSAGE_CRUD, message_lifecycle),
    Workflow("thread-messages", ("createThread", "createMessage", "listMessages"), thread_messages),
    Workflow("pagination", ("createThread", "listMessages"), pagination),
    Workflow(
        "run-lifecycle",
        ("createRun", "getRun", "listRuns", "modifyRun", "listRunSteps", "getRunStep"),
        run_lifecycle,
    ),
    Workflow("tool-outputs", ("createRun", "getRun", "submitToolOuputsToRun"), tool_outputs_flow),
    Workflow("run-cancel", ("createRun", "getRun", "cancelRun"), run_cancel),
    Workflow("assistant-lifecycle", ASSISTANT_CRUD, assistant_lifecycle),
    Workflow("assistant-runs", ("createAssistant", "createThread", "createRun"), assistant_runs),
    Workflow("assistant-files", ASSISTANT_FILES, assistant_files),
    Workflow("message-files", MESSAGE_FILES, message_files),
)
