"""The streaming check: a streamed run comes as server-sent events that parse and meet the spec, in a
legal order, ending with ``done``.

Each defect class is judged on its own, so a stream with several defects shows each: the content
type, every event's body, the first illegal step of the order, a missing ``done``, the wrong last run
event. (Within the order only the first illegal step counts: after it, every later step of a
well-formed run looks illegal too.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from threadspec._contract import Contract
from threadspec._counting import counted
from threadspec.contract import titles
from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.exchange import Exchange
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.resources import QUESTION, Resources, tool_outputs
from threadspec.facts import EVENT_STREAM, STREAM_DONE_EVENT
from threadspec.sse import parse_text
from threadspec.stream_order import StreamOrder


@dataclass(frozen=True, slots=True)
class StreamCase:
    name: str
    ids: dict[str, str]
    body: dict[str, Any]
    ends_with: str | None = None  # the run event the stream must end on, when the request decides it


def _data(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def stream_problems(exchange: Exchange, case: StreamCase, contract: Contract) -> list[Problem]:
    """The stream-specific problems of an event stream (its bodies are judged like any response's); the
    order is the one the operation's path implies (a new thread first, a resumed run), with the run ends
    of the contract's own statuses."""
    received = exchange.response
    assert received is not None
    try:
        events = [(e.event, _data(e.data)) for e in parse_text(received.text)]
    except ValueError as exc:
        title = titles.stream_unparsed(str(exc))
        return [Problem("stream:unparsed", Severity.ERROR, title, case.name, exchange)]
    found: list[Problem] = []
    machine = StreamOrder.of(contract.operation(exchange.operation_id), contract)
    for index, (name, data) in enumerate(events):
        error = machine.feed(index, name, data)
        if error is not None:
            title = titles.stream_order(name, error.reason)
            found.append(Problem(f"stream:order:{name}", Severity.ERROR, title, name, exchange))
            break
    names = [name for name, _ in events]
    if not names or names[-1] != STREAM_DONE_EVENT:
        title = titles.stream_no_done(names[-1] if names else "no event")
        found.append(Problem("stream:done", Severity.ERROR, title, "done", exchange))
    run_events = [n for n in names if n.startswith("thread.run.") and n.count(".") == 2]
    if case.ends_with is not None and (not run_events or run_events[-1] != case.ends_with):
        title = titles.stream_end(run_events[-1] if run_events else "no run event", case.ends_with)
        found.append(Problem(f"stream:end:{case.ends_with}", Severity.ERROR, title, case.name, exchange))
    return found


def judge_stream(ctx: CheckContext, exchange: Exchange, case: StreamCase) -> None:
    """Record everything wrong with the answer to a request that asked for a stream: the status, the
    content type and each event (by the judge of every answer), then the stream's own problems."""
    received = exchange.response
    ctx.judge(exchange)
    if received is not None and 200 <= received.status < 300 and received.media_type == EVENT_STREAM:
        ctx.verdict.record(stream_problems(exchange, case, ctx.contract))


async def _cases(ctx: CheckContext, operation_id: str) -> list[StreamCase]:
    res = Resources(ctx)

    def ending(event: str) -> str | None:  # only a server that runs the model can be held to how a run ends
        return f"thread.run.{event}" if ctx.stateful else None

    if operation_id == "submitToolOuputsToRun":
        run = await res.waiting_run()
        ids = {"thread_id": str(run.get("thread_id")), "run_id": str(run["id"])}
        body = {"tool_outputs": tool_outputs(run), "stream": True}
        return [StreamCase("resume with tool outputs", ids, body, ends_with=ending("completed"))]
    cases = []
    for name, tool, end in (
        ("plain run", False, "completed"),
        ("run that calls a function", True, "requires_action"),
    ):
        body = res.run_body(tool=tool, stream=True)
        if operation_id == "createThreadAndRun":
            body["thread"] = {"messages": [QUESTION]}
            cases.append(StreamCase(name, {}, body, ends_with=ending(end)))
        else:
            thread = await res.thread({"messages": [QUESTION]})
            cases.append(StreamCase(name, {"thread_id": thread["id"]}, body, ends_with=ending(end)))
    return cases


async def streaming(ctx: CheckContext, operation_id: str) -> Verdict:
    for case in await _cases(ctx, operation_id):
        exchange = await ctx.client.call(operation_id, case.ids or None, body=case.body)
        ctx.verdict.cases += 1
        judge_stream(ctx, exchange, case)
    if not ctx.verdict.problems:
        ctx.verdict.detail = f"{counted(ctx.verdict.cases, 'stream')} in order"
    return ctx.verdict
