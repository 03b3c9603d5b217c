"""The streaming check: a streamed run parses, every event matches the spec, the order is legal, done ends it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.exchange import Exchange
from threadspec.contract.report import Failure
from threadspec.contract.resources import QUESTION, tool_outputs
from threadspec.contract.stream_order import check_order
from threadspec.contract.verdict import contract_errors
from threadspec.sse import parse_text


@dataclass(frozen=True, slots=True)
class StreamCase:
    name: str
    ids: dict[str, str]
    body: dict[str, Any]
    creates_thread: bool = False
    resumed: bool = False
    ends_with: str | None = None  # the run event the stream must end on, when the request decides it


def judge_stream(exchange: Exchange, case: StreamCase) -> Failure | None:
    received = exchange.response
    if received is None or received.status != 200:
        status = exchange.error if received is None else f"HTTP {received.status}"
        return Failure(case.name, f"expected a 200 event stream, got {status}", exchange)
    if not received.is_stream:
        return Failure(
            case.name, f"asked for a stream, got {received.content_type or 'no content type'}", exchange
        )
    problem = contract_errors(exchange)
    if problem is not None:
        return Failure(case.name, problem, exchange)
    events = [(e.event, _data(e.data)) for e in parse_text(received.text)]
    order = check_order(events, creates_thread=case.creates_thread, resumed=case.resumed)
    if order is not None:
        names = [name for name, _ in events]
        shown = " → ".join(names[: order.index + 3]) + (" → …" if len(names) > order.index + 3 else "")
        return Failure(case.name, f"illegal event order at {order}; the stream went: {shown}", exchange)
    run_events = [name for name, _ in events if name.startswith("thread.run.") and name.count(".") == 2]
    if case.ends_with is not None and (not run_events or run_events[-1] != case.ends_with):
        last = run_events[-1] if run_events else "no run event"
        return Failure(case.name, f"the stream ended on {last}, expected {case.ends_with}", exchange)
    return None


def _data(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


async def _cases(ctx: CheckContext, operation_id: str) -> list[StreamCase]:
    res = ctx.resources

    def ending(event: str) -> str | None:  # only a server that runs the model can be held to how a run ends
        return f"thread.run.{event}" if ctx.stateful else None

    if operation_id == "submitToolOuputsToRun":
        run = await res.waiting_run()
        ids = {"thread_id": run["thread_id"], "run_id": run["id"]}
        body = {"tool_outputs": tool_outputs(run), "stream": True}
        return [
            StreamCase("resume with tool outputs", ids, body, resumed=True, ends_with=ending("completed"))
        ]
    cases = []
    for name, tool, end in (
        ("plain run", False, "completed"),
        ("run that calls a function", True, "requires_action"),
    ):
        body = res.run_body(tool=tool, stream=True)
        if operation_id == "createThreadAndRun":
            body["thread"] = {"messages": [QUESTION]}
            cases.append(StreamCase(name, {}, body, creates_thread=True, ends_with=ending(end)))
        else:
            thread = await res.thread({"messages": [QUESTION]})
            cases.append(StreamCase(name, {"thread_id": thread["id"]}, body, ends_with=ending(end)))
    return cases


async def streaming(ctx: CheckContext, operation_id: str) -> Verdict:
    verdict = Verdict()
    for case in await _cases(ctx, operation_id):
        exchange = await ctx.client.call(operation_id, case.ids or None, body=case.body)
        verdict.cases += 1
        failure = judge_stream(exchange, case)
        if failure is not None:
            verdict.failures.append(failure)
    if verdict.failures:
        verdict.detail = verdict.failures[0].reason.split(";")[0]
    return verdict
