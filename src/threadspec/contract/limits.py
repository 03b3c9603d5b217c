"""Both sides of every limit: the ``boundary`` check sends each request exactly at a limit and expects
a 2xx (a server that refuses 16 metadata keys breaks real clients); the ``negative`` check sends each
request just past one and expects the API's 400, in its envelope, naming the broken place.

Every case is grafted onto the operation's accepted control request, so it breaks at most the one
rule it is about; coverage records which sides of which constraints were exercised.
"""

from __future__ import annotations

import json
from typing import Any

from threadspec._counting import counted
from threadspec.contract import titles
from threadspec.contract.cases import LimitCase, cases_for
from threadspec.contract.client import NO_BODY, encode_body
from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.controls import Control, accepted_control, control_body
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.graft import graft
from threadspec.contract.judge import Refusal, is_success, judge_refusal, message_of
from threadspec.contract.targets import Ids, consumes
from threadspec.result import ValidationResult
from threadspec.validate import validate, validate_request

Query = dict[str, Any]
_PLACEHOLDER_ASSISTANT = "asst_threadspec"  # only for telling apart cases that send the same request


def _integers(value: Any) -> Any:
    """``value`` with every integral decimal made an integer (``256.0`` → ``256``)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _integers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_integers(v) for v in value]
    return value


def _validate(case: LimitCase, ids: Ids, query: Query, body: Any) -> ValidationResult:
    """The verdict on the part of the request ``case`` is about: the ids a server handed out may well
    break the spec themselves (unprefixed), and that is the positive check's finding, not this one's."""
    contract = case.contract
    if case.location == "body":
        schema = contract.operation(case.operation).request_schema
        assert schema is not None
        return validate(encode_body(body), schema, contract=contract)
    result = validate_request(case.operation, None, query=query, path_params=ids, contract=contract)
    own = str(case.path[0]) if case.location == "path" else None  # the other ids are the server's
    errors = [e for e in result.errors if e.location == case.location and own in (None, e.param)]
    return ValidationResult(result.schema, errors)


def compose(case: LimitCase, ids: Ids, body: Any) -> tuple[Ids, Query, Any]:
    """The request of ``case`` on a control's ``ids`` and ``body``: grafted when that keeps it one case."""
    if case.location == "path":
        param = str(case.path[0])
        return {**ids, param: str(case.value[param])}, {}, body
    if case.location == "query":
        return ids, dict(case.value), body
    grafted = graft(case.value, body, case.path, case.constraint, case.accepted)
    return ids, {}, grafted if _same_verdict(case, ids, grafted) else case.value


def _same_verdict(case: LimitCase, ids: Ids, body: Any) -> bool:
    """Whether the graft keeps the case's verdict: valid at the limit, or broken at its place only."""
    result = _validate(case, ids, {}, body)
    if case.accepted:
        return result.valid
    alone = _validate(case, ids, {}, case.value)
    return not result.valid and {e.param for e in result.errors} <= {e.param for e in alone.errors}


def _request_key(case: LimitCase, control: Control) -> str:
    _, query, body = compose(case, {}, control_body(control.operation, _PLACEHOLDER_ASSISTANT))
    return json.dumps([query, None if body is NO_BODY else body], sort_keys=True)


async def boundary(ctx: CheckContext, operation_id: str) -> Verdict:
    """Requests exactly at each limit are accepted (cases that send the same request share it)."""
    control = await accepted_control(ctx, operation_id)
    verdict, coverage = ctx.verdict, ctx.run.coverage
    groups: dict[str, list[LimitCase]] = {}
    for case in cases_for(ctx.contract, operation_id)[0]:
        if not case.accepted:
            continue
        if case.location == "path":  # the accepted control stands for these
            continue
        groups.setdefault(_request_key(case, control), []).append(case)
    refused = 0
    for group in groups.values():
        refused += await _at_limit(ctx, control, group[0])
        verdict.cases += 1
        for case in group:
            coverage.exercised(operation_id, case.constraint, True)
    if not verdict.problems:
        verdict.detail = f"{counted(verdict.cases, 'request')} exactly at a limit accepted"
    elif refused:
        verdict.detail = f"{refused} of {counted(verdict.cases, 'request')} exactly at a limit refused"
    return verdict


async def _at_limit(ctx: CheckContext, control: Control, case: LimitCase) -> int:
    """Send one request at a limit; 1 when the server refused it with a 4xx."""
    ids, query, body = compose(case, *(await control.target()))
    exchange = await ctx.client.call(case.operation, ids or None, query=query or None, body=body)
    status = exchange.status
    if status is None or not 400 <= status < 500:
        ctx.judge(exchange)
        return 0
    title = titles.refused_at_limit(case.describe(), status)
    key = f"refused:{case.constraint.keyword}|{case.place}"
    detail = message_of(exchange)
    ctx.verdict.record([Problem(key, Severity.ERROR, title, "", exchange, detail=detail)])
    return 1


def _strict(case: LimitCase, ids: Ids, query: Query, body: Any) -> bool:
    """Whether only threadspec's own reading breaks the case: a rule of ``x-threadspec-rules``, or an
    integral decimal where an integer belongs."""
    if case.constraint.is_rule:
        return True
    return _validate(case, ids, _integers(query), _integers(body)).valid


def refusal(case: LimitCase, ids: Ids, query: Query, body: Any) -> Refusal | None:
    """What the answer to ``case`` must be; ``None`` when the request turned out valid after all."""
    expected = _validate(case, ids, query, body)
    if expected.valid:
        return None
    strict = case.variant == "" and _strict(case, ids, query, body)
    c = case.constraint
    if case.variant == "prefix":
        keyword = "id-prefix"
    else:
        keyword = c.keyword + (f".{c.facet}" if c.keyword == "propertyNames" else "")
    what = case.describe()
    return Refusal(
        params=tuple(dict.fromkeys(e.param for e in expected.errors)),
        codes=tuple(dict.fromkeys(e.code for e in expected.errors if e.code)),
        key=f"accepted:{keyword}" + (":strict" if strict else "") + f"|{case.place}",
        severity=Severity.STRICT if strict else Severity.ERROR,
        title=titles.accepted_strict(what) if strict else titles.accepted(what),
        facet="",
    )


async def negative(ctx: CheckContext, operation_id: str) -> Verdict:
    """Requests just past each limit (and ids of another kind) are refused with the API's 400."""
    control = await accepted_control(ctx, operation_id)
    verdict, coverage = ctx.verdict, ctx.run.coverage
    target: tuple[Ids, Any] | None = None
    for case in cases_for(ctx.contract, operation_id)[0]:
        if case.accepted:
            continue
        target = target or await control.target()
        ids, query, body = compose(case, *target)
        expected = refusal(case, ids, query, body)
        if expected is None:
            continue
        exchange = await ctx.client.call(operation_id, ids or None, query=query or None, body=body)
        verdict.record(judge_refusal(exchange, expected, ctx.contract))
        verdict.cases += 1
        coverage.exercised(operation_id, case.constraint, False)
        if is_success(exchange) and consumes(control.operation):
            target = None  # the accepted request used its object up
    if not verdict.problems:
        verdict.detail = f"{counted(verdict.cases, 'invalid request')} refused"
    return verdict
