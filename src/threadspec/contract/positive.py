"""The positive check: generated valid requests get a 2xx whose body matches the spec.

Path ids come from objects created for the check; operations that use an object up (delete, cancel,
submit tool outputs, and runs, which occupy their thread) get a fresh one for every request.
"""

from __future__ import annotations

from typing import Any

import anyio
import anyio.from_thread
import anyio.to_thread
from hypothesis import strategies as st

from threadspec import spec
from threadspec.contract import generation
from threadspec.contract.client import NO_BODY
from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.falsify import falsify
from threadspec.contract.report import Failure
from threadspec.contract.resources import tool_outputs
from threadspec.contract.verdict import CheckFailedError, judge_success

Ids = dict[str, str]
FRESH = frozenset(
    {"deleteThread", "deleteMessage", "createRun", "cancelRun", "submitToolOuputsToRun", "deleteAssistant"}
)
_WAITING = frozenset({"cancelRun", "submitToolOuputsToRun"})


def query_strategy(operation: spec.Operation) -> st.SearchStrategy[dict[str, Any]]:
    """Valid values for the query parameters a generator can fill in; cursors and filters need real ids
    and are left to the pagination workflow."""
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for param in operation.parameters_in("query"):
        schema = param.schema
        if schema.get("type") == "integer":
            optional[param.name] = st.integers(schema.get("minimum"), schema.get("maximum"))
        elif "enum" in schema:
            optional[param.name] = st.sampled_from(schema["enum"])
        elif schema.get("type") == "array" and "enum" in schema.get("items", {}):
            optional[param.name] = st.lists(st.sampled_from(schema["items"]["enum"]), min_size=1, max_size=1)
    return st.fixed_dictionaries({}, optional=optional)


def request_strategy(
    operation: spec.Operation, assistant_id: str
) -> st.SearchStrategy[tuple[dict[str, Any], Any]]:
    schema = operation.request_schema
    body: st.SearchStrategy[Any] = st.just(NO_BODY) if schema is None else generation.valid_body(schema)
    if schema in ("CreateRunRequest", "CreateThreadAndRunRequest"):
        body = body.map(lambda b: {**b, "assistant_id": assistant_id})  # a run needs an assistant that exists
    return st.tuples(query_strategy(operation), body)


async def shared_ids(ctx: CheckContext, operation: spec.Operation) -> Ids:
    """Ids for the path of ``operation`` that every generated request can reuse."""
    names = {p.name for p in operation.parameters_in("path")}
    res = ctx.resources
    if operation.operation_id in FRESH - {"deleteMessage"} or not names:
        return {}
    if "assistant_id" in names:
        return {"assistant_id": (await res.assistant())["id"]}
    if "step_id" in names:  # a run that has ended has all the steps it will have
        run = await res.finished_run()
        return {
            "thread_id": str(run.get("thread_id")),
            "run_id": run["id"],
            "step_id": (await res.step(run))["id"],
        }
    if "run_id" in names:
        run = await res.any_run()
        return {"thread_id": str(run.get("thread_id")), "run_id": run["id"]}
    thread = await res.thread()
    if "message_id" in names and operation.operation_id != "deleteMessage":
        return {"thread_id": thread["id"], "message_id": (await res.message(thread["id"]))["id"]}
    return {"thread_id": thread["id"]}


async def fresh_ids(ctx: CheckContext, operation_id: str, shared: Ids) -> tuple[Ids, dict[str, Any] | None]:
    """Ids of objects made for one request (and the waiting run, whose tool calls the body must answer)."""
    res = ctx.resources
    if operation_id == "deleteThread" or operation_id == "createRun":
        return {"thread_id": (await res.thread())["id"]}, None
    if operation_id == "deleteAssistant":
        return {"assistant_id": (await res.assistant())["id"]}, None
    if operation_id == "deleteMessage":
        message = await res.message(shared["thread_id"])
        return {"thread_id": shared["thread_id"], "message_id": message["id"]}, None
    if operation_id in _WAITING:
        run = await res.waiting_run()
        return {"thread_id": run["thread_id"], "run_id": run["id"]}, run
    return shared, None


async def _send(
    ctx: CheckContext, operation_id: str, shared: Ids, drawn: tuple[dict[str, Any], Any]
) -> Failure | None:
    query, body = drawn
    ids, run = await fresh_ids(ctx, operation_id, shared)
    if run is not None and body is not NO_BODY:
        answers = [str(o.get("output", "")) for o in body.get("tool_outputs", [])]
        body = {**body, "tool_outputs": tool_outputs(run, answers or None)}
    exchange = await ctx.client.call(operation_id, ids or None, query=query or None, body=body)
    return judge_success(exchange, "valid request")


async def positive(ctx: CheckContext, operation_id: str) -> Verdict:
    operation = spec.operation(operation_id)
    shared = await shared_ids(ctx, operation)
    strategy = request_strategy(operation, ctx.resources.assistant_id)

    def probe(drawn: tuple[dict[str, Any], Any]) -> Failure | None:
        return anyio.from_thread.run(_send, ctx, operation_id, shared, drawn)

    def search() -> Any:
        return falsify(strategy, probe, max_examples=ctx.max_examples, seed=ctx.seed)

    try:
        found = await anyio.to_thread.run_sync(search)
    except CheckFailedError as exc:  # the objects to test with could not be made
        return Verdict([exc.failure], 1, exc.failure.reason)
    if found.failure is not None:
        return Verdict([found.failure], found.sent, found.failure.reason)
    return Verdict(
        cases=found.sent, detail=f"{found.sent} valid requests accepted", incomplete=found.budget_spent
    )
