"""The positive check: generated valid requests get a 2xx whose body meets the contract in every respect.

Each search round looks for a request that shows a problem not seen before and shrinks it, so a
server with several defects gets each one reproduced small; every request of every round is judged
whole. A list operation is checked against a list that holds items, each of them judged, and a check
that got nothing back to validate says so instead of passing.
"""

from __future__ import annotations

from typing import Any

import anyio
import anyio.from_thread
import anyio.to_thread
from hypothesis import strategies as st

from threadspec._contract import Contract
from threadspec._counting import counted
from threadspec._operation import Operation
from threadspec.contract import generation
from threadspec.contract.client import NO_BODY
from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.falsify import falsify
from threadspec.contract.resources import MODEL, Resources, tool_outputs
from threadspec.contract.targets import Ids, ids_for, shared_ids, shares

ROUNDS = 3  # searches per check, each for a problem the earlier ones did not show


def query_strategy(operation: Operation) -> st.SearchStrategy[dict[str, Any]]:
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
    contract: Contract, operation: Operation, assistant_id: str
) -> st.SearchStrategy[tuple[dict[str, Any], Any]]:
    schema = operation.request_schema
    body: st.SearchStrategy[Any] = (
        st.just(NO_BODY) if schema is None else generation.valid_body(contract, schema)
    )
    if schema in ("CreateRunRequest", "CreateThreadAndRunRequest"):
        body = body.map(lambda b: {**b, "assistant_id": assistant_id})  # a run needs an assistant that exists
    return st.tuples(query_strategy(operation), body.map(_known_model))


def _known_model(body: Any) -> Any:
    """``body`` naming :data:`MODEL` wherever it names a model: a server serves the models it has."""
    if isinstance(body, dict) and isinstance(body.get("model"), str):
        return {**body, "model": MODEL}
    return body


class _Listing:
    """Whether the list answers held anything to validate."""

    def __init__(self) -> None:
        self.lists = 0
        self.items = 0

    def count(self, body: Any) -> None:
        if isinstance(body, dict) and body.get("object") == "list" and isinstance(body.get("data"), list):
            self.lists += 1
            self.items += len(body["data"])


async def _send(
    ctx: CheckContext, operation: Operation, shared: Ids, drawn: tuple[dict[str, Any], Any], listing: _Listing
) -> set[str]:
    query, body = drawn
    ids, run = await ids_for(Resources(ctx), operation, shared)
    if run is not None and body is not NO_BODY:
        answers = [str(o.get("output", "")) for o in body.get("tool_outputs", [])]
        body = {**body, "tool_outputs": tool_outputs(run, answers or None)}
    exchange = await ctx.client.call(operation.operation_id, ids or None, query=query or None, body=body)
    listing.count(exchange.json())
    return {p.key for p in ctx.judge(exchange)}


async def positive(ctx: CheckContext, operation_id: str) -> Verdict:
    operation = ctx.contract.operation(operation_id)
    res = Resources(ctx)
    shared = await shared_ids(res, operation) if shares(operation) else {}
    strategy = request_strategy(ctx.contract, operation, res.assistant_id)
    verdict, listing = ctx.verdict, _Listing()
    for round_ in range(ROUNDS):
        seen = {p.key for p in verdict.problems}

        def probe(drawn: tuple[dict[str, Any], Any], seen: set[str] = seen) -> bool:
            return bool(anyio.from_thread.run(_send, ctx, operation, shared, drawn, listing) - seen)

        def search(seed: int = ctx.run.seed + round_) -> Any:
            return falsify(strategy, probe, max_examples=ctx.run.max_examples, seed=seed)

        found = await anyio.to_thread.run_sync(search)
        verdict.cases += found.sent
        verdict.incomplete = verdict.incomplete or found.budget_spent
        if not found.found or found.budget_spent:
            break
    if listing.lists and not listing.items:
        verdict.empty = True
        verdict.detail = f"{counted(listing.lists, 'list')} came back empty: nothing to validate"
    elif not verdict.problems:
        held = f", {counted(listing.items, 'listed item')} validated" if listing.items else ""
        verdict.detail = f"{counted(verdict.cases, 'valid request')} accepted{held}"
    return verdict
