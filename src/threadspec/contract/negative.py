"""The negative check: requests that break one constraint are refused, in the API's words.

Every request must get a 4xx (never a 2xx, never a 5xx) whose body is the error envelope and whose
``param`` names the place the threadspec validator finds broken in the same request. The cases are
every constraint of the operation's body, its query parameters' limits, and a wrong-kind id for each
path parameter.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import partial
from typing import Any

import anyio
import anyio.from_thread
import anyio.to_thread
from hypothesis import strategies as st

from threadspec import constraints, spec
from threadspec.constraints import Constraint
from threadspec.contract import generation
from threadspec.contract.client import NO_BODY, encode_body
from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.falsify import falsify
from threadspec.contract.positive import shared_ids
from threadspec.contract.report import Failure
from threadspec.contract.verdict import CheckFailedError, judge_rejection
from threadspec.validate import validate_request

Ids = dict[str, str]
Query = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Request:
    ids: Ids  # overrides of the path ids
    query: Query
    body: Any


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    requests: st.SearchStrategy[Request]


def minimal_body(schema: str | None, assistant_id: str) -> Any:
    """The smallest valid body of each request schema, for cases that break the path or the query."""
    bodies: dict[str, Any] = {
        "CreateThreadAndRunRequest": {"assistant_id": assistant_id},
        "CreateRunRequest": {"assistant_id": assistant_id},
        "CreateMessageRequest": {"role": "user", "content": "Hello."},
        "SubmitToolOutputsRunRequest": {"tool_outputs": []},
        "CreateAssistantRequest": {"model": "gpt-4o"},
    }
    return NO_BODY if schema is None else bodies.get(schema, {})


def _not_in(allowed: tuple[Any, ...]) -> st.SearchStrategy[str]:
    return st.text(string.ascii_lowercase, min_size=1, max_size=8).filter(lambda s: s not in allowed)


def _query_values(constraint: Constraint) -> st.SearchStrategy[Any] | None:
    """Values that break one query constraint (query text has no types but integer and array to break)."""
    keyword, limit = constraint.keyword, constraint.limit
    if keyword == "minimum":
        return st.integers(max_value=limit - 1)
    if keyword == "maximum":
        return st.integers(min_value=limit + 1)
    if keyword == "enum":
        return _not_in(tuple(limit))
    if keyword == "type" and "integer" in limit:
        return st.sampled_from(["ten", "1.5"])
    return None


def _query_request(name: str, body: Any, value: Any) -> Request:
    return Request({}, {name: value}, body)


def _path_request(name: str, body: Any, value: str) -> Request:
    return Request({name: value}, {}, body)


def query_cases(operation: spec.Operation, body: Any) -> list[Case]:
    cases = []
    for constraint in constraints.parameter_inventory(operation.operation_id, "query"):
        values = _query_values(constraint)
        if values is None or not constraint.path:
            continue
        name, items = constraint.path[0], len(constraint.path) > 1  # include[][*]: break one item
        shaped = values.map(lambda v: [v]) if items else values
        requests = shaped.map(partial(_query_request, name, body))
        cases.append(Case(f"query {constraint.template} {constraint.keyword}", requests))
    return cases


def path_cases(operation: spec.Operation, body: Any) -> list[Case]:
    cases = []
    for param in operation.parameters_in("path"):
        if param.id_prefix is None:
            continue
        other = "msg" if param.id_prefix != "msg" else "thread"
        wrong = st.sampled_from(["undefined", f"{other}_abc123"])
        requests = wrong.map(partial(_path_request, param.name, body))
        cases.append(Case(f"path {param.name} wrong prefix", requests))
    return cases


def body_cases(schema: str) -> tuple[list[Case], list[str]]:
    """A case per breakable constraint of ``schema``, and the ids of those no generator could break."""
    cases, unbuilt = [], []
    for constraint in constraints.inventory(schema):
        if not constraint.violable:
            continue
        bodies = generation.invalid_body(schema, constraint)
        if bodies is None:
            unbuilt.append(constraint.id)
        else:
            cases.append(Case("body " + constraint.id.split(":", 1)[1], bodies.map(_body_request)))
    return cases, unbuilt


def _body_request(body: Any) -> Request:
    return Request({}, {}, body)


def cases_for(operation: spec.Operation, assistant_id: str) -> tuple[list[Case], list[str]]:
    """Every case of ``operation``, and the constraints left without one."""
    body = minimal_body(operation.request_schema, assistant_id)
    cases = path_cases(operation, body) + query_cases(operation, body)
    if operation.request_schema is None:
        return cases, []
    more, unbuilt = body_cases(operation.request_schema)
    return cases + more, unbuilt


async def _ids_for(ctx: CheckContext, operation: spec.Operation, shared: Ids) -> Ids:
    # a run created by a server that wrongly accepts the request must not block the next one on its thread
    if operation.operation_id == "createRun":
        return {"thread_id": (await ctx.resources.thread())["id"]}
    return shared


async def _send(
    ctx: CheckContext, operation: spec.Operation, shared: Ids, case: Case, request: Request
) -> Failure | None:
    ids = {**shared, **request.ids}
    body = None if request.body is NO_BODY else encode_body(request.body)  # judged as the bytes sent
    expected = validate_request(operation.operation_id, body, query=request.query, path_params=ids)
    if expected.valid:  # the generator produced a valid request after all: nothing to judge
        return None
    ids = {**(await _ids_for(ctx, operation, shared)), **request.ids}
    exchange = await ctx.client.call(
        operation.operation_id, ids or None, query=request.query or None, body=request.body
    )
    # one constraint is broken, but breaking it can break more (a wrong type also misses an enum): naming
    # any of the places the validator finds is right; the validator's own first choice is errors[0]
    params = list(dict.fromkeys(e.param for e in expected.errors))
    return judge_rejection(exchange, case.name, params)


async def _waiting_or_shared(ctx: CheckContext, operation: spec.Operation) -> Ids:
    if operation.operation_id in ("cancelRun", "submitToolOuputsToRun"):
        run = await ctx.resources.waiting_run()
        return {"thread_id": run["thread_id"], "run_id": run["id"]}
    if operation.operation_id in ("deleteThread", "createRun"):
        return {"thread_id": (await ctx.resources.thread())["id"]}
    if operation.operation_id == "deleteAssistant":
        return {"assistant_id": (await ctx.resources.assistant())["id"]}
    if operation.operation_id == "deleteMessage":
        thread = await ctx.resources.thread()
        return {"thread_id": thread["id"], "message_id": (await ctx.resources.message(thread["id"]))["id"]}
    return await shared_ids(ctx, operation)


async def negative(ctx: CheckContext, operation_id: str) -> Verdict:
    operation = spec.operation(operation_id)
    try:
        shared = await _waiting_or_shared(ctx, operation)
    except CheckFailedError as exc:
        return Verdict([exc.failure], 1, exc.failure.reason)
    verdict = Verdict()
    cases, unbuilt = cases_for(operation, ctx.resources.assistant_id)
    for case in cases:

        def probe(request: Request, case: Case = case) -> Failure | None:
            return anyio.from_thread.run(_send, ctx, operation, shared, case, request)

        def search(case: Case = case) -> Any:
            return falsify(case.requests, probe, max_examples=ctx.max_examples, seed=ctx.seed)

        found = await anyio.to_thread.run_sync(search)
        verdict.cases += 1
        if found.failure is not None:
            verdict.failures.append(found.failure)
        if found.budget_spent:
            verdict.incomplete = True
            break
    failed = len(verdict.failures)
    verdict.detail = (
        f"{failed} of {verdict.cases} cases not refused properly"
        if failed
        else f"{verdict.cases} cases refused"
    )
    if unbuilt:  # a generator gap, not a server fault: shown, so no constraint goes untested unnoticed
        verdict.detail += f"; {len(unbuilt)} constraints without a generated case: {', '.join(unbuilt[:3])}"
    if failed:
        verdict.detail += f"; first: [{verdict.failures[0].case}] {verdict.failures[0].reason}"
    return verdict
