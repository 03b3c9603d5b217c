"""Workflows: sequences of calls whose results must agree with each other, not just with the schemas.

Each workflow stops at its first broken expectation (later steps would only repeat it) and names
the step. They need a server that keeps state; the runner skips them against one that does not.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.exchange import Exchange
from threadspec.contract.pagination import pagination
from threadspec.contract.resources import FUNCTION_NAME, tool_outputs
from threadspec.contract.verdict import fail, not_found, success
from threadspec.facts import TERMINAL_RUN_STATUSES as TERMINAL

Body = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Workflow:
    name: str
    operations: tuple[str, ...]  # planned only when every one of these is selected
    run: Callable[[CheckContext], Awaitable[Verdict]]


async def _ok(
    ctx: CheckContext, case: str, op: str, ids: Mapping[str, str] | None = None, **kw: Any
) -> tuple[Any, Exchange]:
    exchange = await ctx.client.call(op, ids, **kw)
    return success(exchange, case), exchange


def expect(condition: bool, case: str, reason: str, exchange: Exchange | None = None) -> None:
    if not condition:
        raise fail(case, reason, exchange)


def same(expected: Body, got: Body, keys: tuple[str, ...], case: str, exchange: Exchange) -> None:
    for key in keys:
        expect(
            expected.get(key) == got.get(key),
            case,
            f"{key} is {got.get(key)!r}, expected {expected.get(key)!r}",
            exchange,
        )


async def _delete_and_gone(
    ctx: CheckContext, delete: str, get: str, ids: dict[str, str], object_id: str, kind: str
) -> None:
    """Delete answers the confirmation object; a retrieve afterwards is a 404 in the envelope."""
    deleted, ex = await _ok(ctx, "delete", delete, ids)
    expected = {"id": object_id, "object": f"{kind}.deleted", "deleted": True}
    same(expected, deleted, ("id", "object", "deleted"), "delete", ex)
    not_found(await ctx.client.call(get, ids), "retrieve after delete")


def text_of(message: Body) -> str | None:
    """The text of a message whose content is one text part, as string input becomes."""
    parts = message.get("content") or []
    if parts and isinstance(parts[0], dict) and parts[0].get("type") == "text":
        value = (parts[0].get("text") or {}).get("value")
        return value if isinstance(value, str) else None
    return None


async def thread_lifecycle(ctx: CheckContext) -> Verdict:
    first, second = {"threadspec": "created"}, {"threadspec": "modified", "step": "2"}
    created, ex = await _ok(ctx, "create", "createThread", body={"metadata": first})
    expect(created["metadata"] == first, "create", f"metadata is {created['metadata']!r}, sent {first!r}", ex)
    ids = {"thread_id": created["id"]}
    got, ex = await _ok(ctx, "retrieve", "getThread", ids)
    same(
        created,
        got,
        ("id", "object", "created_at", "metadata", "tool_resources"),
        "retrieve the same thread",
        ex,
    )
    modified, ex = await _ok(ctx, "modify", "modifyThread", ids, body={"metadata": second})
    same(
        {"id": created["id"], "metadata": second, "created_at": created["created_at"]},
        modified,
        ("id", "metadata", "created_at"),
        "modify metadata",
        ex,
    )
    got, ex = await _ok(ctx, "retrieve after modify", "getThread", ids)
    same(modified, got, ("metadata",), "retrieve after modify", ex)
    await _delete_and_gone(ctx, "deleteThread", "getThread", ids, created["id"], "thread")
    return Verdict(cases=6)


async def message_lifecycle(ctx: CheckContext) -> Verdict:
    thread = await ctx.resources.thread()
    tid = thread["id"]
    body = {"role": "user", "content": "The first message.", "metadata": {"threadspec": "created"}}
    created, ex = await _ok(ctx, "create", "createMessage", {"thread_id": tid}, body=body)
    same(
        {"thread_id": tid, "role": "user", "metadata": body["metadata"]},
        created,
        ("thread_id", "role", "metadata"),
        "create",
        ex,
    )
    expect(text_of(created) == body["content"], "create", f"content is {created.get('content')!r}", ex)
    ids = {"thread_id": tid, "message_id": created["id"]}
    got, ex = await _ok(ctx, "retrieve", "getMessage", ids)
    same(
        created,
        got,
        ("id", "object", "created_at", "thread_id", "role", "content", "metadata"),
        "retrieve",
        ex,
    )
    changed = {"threadspec": "modified"}
    modified, ex = await _ok(ctx, "modify", "modifyMessage", ids, body={"metadata": changed})
    same(
        {"id": created["id"], "metadata": changed, "content": created["content"]},
        modified,
        ("id", "metadata", "content"),
        "modify metadata",
        ex,
    )
    listing, ex = await _ok(ctx, "list", "listMessages", {"thread_id": tid}, query={"limit": 100})
    listed = {m.get("id"): m for m in listing.get("data", [])}
    expect(created["id"] in listed, "list contains it", f"{created['id']} missing from the list", ex)
    same(modified, listed[created["id"]], ("metadata",), "list shows the change", ex)
    await _delete_and_gone(ctx, "deleteMessage", "getMessage", ids, created["id"], "thread.message")
    listing, ex = await _ok(
        ctx, "list after delete", "listMessages", {"thread_id": tid}, query={"limit": 100}
    )
    gone = all(m.get("id") != created["id"] for m in listing.get("data", []))
    expect(gone, "list after delete", f"{created['id']} is still listed", ex)
    return Verdict(cases=8)


async def thread_messages(ctx: CheckContext) -> Verdict:
    """Messages given at creation and added later all come back, in order, on their thread."""
    texts = [f"message {i}" for i in range(5)]
    thread = await ctx.resources.thread({"messages": [{"role": "user", "content": t} for t in texts[:2]]})
    tid = thread["id"]
    added = []
    for text in texts[2:]:
        message, ex = await _ok(
            ctx, "add a message", "createMessage", {"thread_id": tid}, body={"role": "user", "content": text}
        )
        added.append(message["id"])
    listing, ex = await _ok(
        ctx, "list", "listMessages", {"thread_id": tid}, query={"limit": 100, "order": "asc"}
    )
    data = listing.get("data", [])
    expect(
        [text_of(m) for m in data] == texts,
        "list every message in order",
        f"listed {[text_of(m) for m in data]!r}, expected {texts!r}",
        ex,
    )
    expect(
        [m.get("id") for m in data[2:]] == added,
        "list every message in order",
        f"listed ids {[m.get('id') for m in data[2:]]}, created {added}",
        ex,
    )
    strays = [m.get("id") for m in data if m.get("thread_id") != tid]
    expect(not strays, "messages belong to the thread", f"messages {strays} name another thread", ex)
    return Verdict(cases=3)


async def run_lifecycle(ctx: CheckContext) -> Verdict:
    thread = await ctx.resources.thread({"messages": [{"role": "user", "content": "Say hello."}]})
    tid = thread["id"]
    body = ctx.resources.run_body()
    run, ex = await _ok(ctx, "create", "createRun", {"thread_id": tid}, body=body)
    same(
        {"thread_id": tid, "assistant_id": body["assistant_id"]},
        run,
        ("thread_id", "assistant_id"),
        "create",
        ex,
    )
    ids = {"thread_id": tid, "run_id": run["id"]}
    got, ex = await _ok(ctx, "retrieve", "getRun", ids)
    same(run, got, ("id", "object", "created_at", "thread_id", "assistant_id"), "retrieve the same run", ex)
    ended = await ctx.resources.wait(got, case="reach a terminal state")
    expect(ended.get("status") in TERMINAL, "reach a terminal state", f"status {ended.get('status')!r}")
    listing, ex = await _ok(ctx, "list", "listRuns", {"thread_id": tid}, query={"limit": 100})
    expect(
        any(r.get("id") == run["id"] for r in listing.get("data", [])),
        "list contains it",
        f"{run['id']} missing from the list",
        ex,
    )
    changed = {"threadspec": "modified"}
    modified, ex = await _ok(ctx, "modify", "modifyRun", ids, body={"metadata": changed})
    same({"id": run["id"], "metadata": changed}, modified, ("id", "metadata"), "modify metadata", ex)
    got, ex = await _ok(ctx, "retrieve after modify", "getRun", ids)
    same(modified, got, ("metadata", "status"), "retrieve after modify", ex)
    steps, ex = await _ok(ctx, "list steps", "listRunSteps", ids, query={"limit": 100})
    for step in steps.get("data", []):
        same(
            {"run_id": run["id"], "thread_id": tid},
            step,
            ("run_id", "thread_id"),
            "steps belong to the run",
            ex,
        )
    if steps.get("data"):
        first = steps["data"][0]
        got, ex = await _ok(ctx, "retrieve a step", "getRunStep", {**ids, "step_id": first["id"]})
        same(first, got, ("id", "object", "type", "status", "run_id"), "retrieve a step", ex)
    return Verdict(cases=8)


async def tool_outputs_flow(ctx: CheckContext) -> Verdict:
    run = await ctx.resources.waiting_run()
    calls = ((run.get("required_action") or {}).get("submit_tool_outputs") or {}).get("tool_calls") or []
    expect(bool(calls), "requires_action names tool calls", "required_action lists no tool calls")
    names = {c.get("function", {}).get("name") for c in calls}
    expect(names == {FUNCTION_NAME}, "tool calls name the function", f"calls name {sorted(map(str, names))}")
    ids = {"thread_id": run["thread_id"], "run_id": run["id"]}
    resumed, ex = await _ok(
        ctx, "submit tool outputs", "submitToolOuputsToRun", ids, body={"tool_outputs": tool_outputs(run)}
    )
    same(run, resumed, ("id", "thread_id"), "submit tool outputs", ex)
    expect(
        resumed.get("status") != "requires_action", "submit tool outputs", "the run still requires action", ex
    )
    ended = await ctx.resources.wait(resumed, case="reach a terminal state")
    expect(
        ended.get("status") == "completed", "reach a terminal state", f"the run ended {ended.get('status')!r}"
    )
    return Verdict(cases=4)


async def run_cancel(ctx: CheckContext) -> Verdict:
    run = await ctx.resources.waiting_run()
    ids = {"thread_id": run["thread_id"], "run_id": run["id"]}
    cancelling, ex = await _ok(ctx, "cancel", "cancelRun", ids)
    expect(
        cancelling.get("status") in ("cancelling", "cancelled"),
        "cancel",
        f"status {cancelling.get('status')!r} after cancel",
        ex,
    )
    ended = await ctx.resources.wait(cancelling, case="reach cancelled")
    expect(ended.get("status") == "cancelled", "reach cancelled", f"the run ended {ended.get('status')!r}")
    return Verdict(cases=2)


THREAD_CRUD = ("createThread", "getThread", "modifyThread", "deleteThread")
MESSAGE_CRUD = ("createMessage", "getMessage", "modifyMessage", "listMessages", "deleteMessage")
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
)
