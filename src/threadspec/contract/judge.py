"""Judging one exchange completely: every problem it shows, never only the first.

A valid request must get a 2xx whose body meets the spec, with prefixed ids, timestamps in Unix
seconds, no unknown properties and the object the path asked for. An invalid one must get the
API's 400, in its error envelope, naming the broken place.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from threadspec import constraints, facts
from threadspec._contract import Contract
from threadspec._operation import Operation
from threadspec.constraints import Constraint
from threadspec.contract import ids, places, schema_problems, titles
from threadspec.contract.exchange import Exchange
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.timestamps import timestamp_problems
from threadspec.contract.unknown import unknown_properties
from threadspec.result import Violation
from threadspec.sse import parse_text
from threadspec.validate import validate_response

_MESSAGE = 80  # characters of a server's error message shown in a title


def is_success(exchange: Exchange) -> bool:
    return exchange.status is not None and 200 <= exchange.status < 300


def error_of(exchange: Exchange) -> dict[str, Any] | None:
    """The ``error`` object of an error envelope, when the body is one."""
    body = exchange.json()
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else None


def message_of(exchange: Exchange) -> str:
    """What the server said about a refusal: the envelope's message, else the start of the body."""
    error = error_of(exchange)
    text = error.get("message") if error is not None else None
    if not isinstance(text, str):
        text = exchange.response.text if exchange.response is not None else ""
    text = " ".join(text.split())
    return text if len(text) <= _MESSAGE else text[: _MESSAGE - 1] + "…"


def transport_problem(exchange: Exchange) -> Problem:
    op = exchange.operation_id
    title = titles.no_response(op, str(exchange.error))
    return Problem(f"transport:{op}", Severity.ERROR, title, op, exchange)


_LIMITS = frozenset(
    {"maxLength", "maxItems", "maxProperties", "maximum", "minLength", "minItems", "minProperties", "minimum"}
)
_SIZED = frozenset({"maxLength", "maxItems", "maxProperties", "minLength", "minItems", "minProperties"})


def at_a_limit(exchange: Exchange, contract: Contract) -> tuple[Constraint, Any] | None:
    """The first limit the request's body sits exactly at (a refusal there is over-strictness)."""
    schema = contract.operation(exchange.operation_id).request_schema
    body = asked(exchange)
    if schema is None or body is None:
        return None
    for c in constraints.inventory(schema, contract=contract):
        if c.keyword not in _LIMITS or (c.keyword.startswith("min") and c.keyword in _SIZED and not c.limit):
            continue
        for path in c.locate(body):
            node = schema_problems.value_at(body, [str(s) for s in path])
            size = len(node) if c.keyword in _SIZED and isinstance(node, str | list | dict) else node
            if size == c.limit and not isinstance(size, bool):
                return c, node
    return None


def over_strict(exchange: Exchange, status: int, contract: Contract) -> Problem | None:
    """A valid request sitting exactly at a limit, refused: the finding the boundary check makes of it."""
    found = at_a_limit(exchange, contract)
    if found is None:
        return None
    c, node = found
    place = places.of_constraint(c)
    title = titles.refused_at_limit(titles.phrase(c.keyword, place.name, node, c.limit, c.facet), status)
    key = f"refused:{c.keyword}|{place.key}"
    return Problem(key, Severity.ERROR, title, "", exchange, detail=message_of(exchange))


_ID = re.compile(r"\b(?:thread|msg|run|step|asst|call|file|vs)[_-][A-Za-z0-9]+")
_NUMBER = re.compile(r"\d+")


def said(exchange: Exchange) -> str:
    """What the server said, with ids and numbers blanked: the same refusal of different objects."""
    return _NUMBER.sub("#", _ID.sub("<id>", message_of(exchange)))


def status_problem(exchange: Exchange, contract: Contract) -> Problem:
    """A valid request answered with anything but a 2xx.

    A router's 404 is a missing route: one root cause per operation. Anything else is one root cause
    per status and what the server said, whatever the operation (an unknown assistant, a beta header
    the server wants otherwise, a database that is down); a request exactly at a limit refused is the
    over-strictness the boundary check reports.
    """
    if exchange.response is None:
        return transport_problem(exchange)
    op, status = exchange.operation_id, exchange.response.status
    strict = over_strict(exchange, status, contract) if 400 <= status < 500 else None
    if strict is not None:
        return strict
    if status == 404 and error_of(exchange) is None:
        operation = contract.operation(op)
        title = titles.route_missing(operation.method.upper(), operation.path)
        return Problem(f"status:{op}:404", Severity.ERROR, title, op, exchange)
    if 400 <= status < 500:
        title = titles.valid_refused(op, status, message_of(exchange))
    else:
        title = titles.valid_failed(op, status, message_of(exchange))
    return Problem(f"status:{status}:{said(exchange)}", Severity.ERROR, title, op, exchange)


def judge_success(exchange: Exchange, contract: Contract) -> list[Problem]:
    """Every problem with the answer to a valid request."""
    if exchange.response is None:
        return [transport_problem(exchange)]
    if not is_success(exchange):
        return [status_problem(exchange, contract)]
    return response_problems(exchange, contract)


def _documented(
    operation: Operation, status: int, media: str, exchange: Exchange
) -> tuple[int | str, list[Problem]]:
    """The status whose schema a 2xx is held to, and the warning when the status itself is undocumented."""
    if operation.response_schema(status, media) is not None:
        return status, []
    success = sorted(s for s in operation.responses if s.startswith("2"))
    title = titles.undocumented_status(operation.operation_id, status, success)
    problem = Problem(f"undocumented-status:{status}", Severity.WARNING, title, str(status), exchange)
    return (success[0] if success else status), [problem]


def asked(exchange: Exchange) -> Any:
    """The request's JSON body, decoded (``None`` when there is none)."""
    text = exchange.request.text
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def asked_for_stream(exchange: Exchange) -> bool:
    body = asked(exchange)
    return isinstance(body, dict) and body.get("stream") is True


def response_problems(exchange: Exchange, contract: Contract) -> list[Problem]:
    """Every problem with a 2xx body: its media type, its schema, ids, timestamps, unknown properties."""
    received = exchange.response
    assert received is not None
    operation = contract.operation(exchange.operation_id)
    media = received.media_type
    documented = {m for by_media in operation.responses.values() for m in by_media}
    found: list[Problem] = []
    if media != facts.EVENT_STREAM and asked_for_stream(exchange):
        title = titles.stream_media(media)
        found.append(Problem("stream:media", Severity.ERROR, title, media, exchange))
        if media not in documented:
            return found
    if media not in documented:
        expected = " or ".join(sorted(m for m in documented if m.startswith(("application/", "text/"))))
        title = titles.wrong_media(operation.operation_id, media, expected)
        return [Problem(f"media:{media}", Severity.ERROR, title, operation.operation_id, exchange)]
    status, problems = _documented(operation, received.status, media, exchange)
    problems = found + problems
    schema = operation.response_schema(status, media)
    if schema is None:
        return problems
    result = validate_response(
        operation.operation_id, status, received.text, received.content_type, contract=contract
    )
    if any(v.rule == "input" for v in result.errors):
        title = titles.unparsable(operation.operation_id, media, result.errors[0].message)
        return [*problems, Problem(f"unparsable:{media}", Severity.ERROR, title, media, exchange)]
    if media == facts.EVENT_STREAM:
        return problems + _stream_body(operation, status, schema, result.errors, exchange, contract)
    body = received.json()
    found = body_problems(schema, result.errors, body, exchange, contract)
    return problems + found + ids.echo_problems(body, exchange, contract)


def body_problems(
    schema: str, violations: Any, body: Any, exchange: Exchange, contract: Contract
) -> list[Problem]:
    """Detectors first (each claims the violations it explains), then the remaining violations."""
    found = ids.prefix_problems(body, exchange, contract)
    times, claimed = timestamp_problems(body, exchange)
    unknown = unknown_properties(schema, body, exchange, contract)
    found += times + unknown.problems
    return found + schema_problems.violation_problems(
        contract, schema, violations, body, exchange, claimed=claimed, renamed=unknown.renamed
    )


def _stream_body(
    operation: Operation,
    status: int | str,
    schema: str,
    violations: list[Violation],
    exchange: Exchange,
    contract: Contract,
) -> list[Problem]:
    """Each event as the spec describes it: its SSE fields against ``schema``, and its ``data`` (JSON
    text) as a body of the component the operation index names for that event (``contentSchema``),
    with the detectors any response body gets."""
    assert exchange.response is not None
    contents = operation.stream_events.get(str(status), {})
    found: list[Problem] = []
    for index, event in enumerate(parse_text(exchange.response.text)):
        mine = [v for v in violations if f"{v.pointer}/".startswith(f"/{index}/")]
        undecodable = [v for v in mine if v.rule == "contentMediaType"]  # data that is not the JSON it names
        for v in undecodable:
            title = titles.unparsable(operation.operation_id, facts.EVENT_STREAM, v.message)
            found.append(Problem(f"unparsable:{facts.EVENT_STREAM}", Severity.ERROR, title, "data", exchange))
        content = contents.get(event.event)
        data = _json(event.data) if content is not None and not undecodable else _UNDECODED
        inside = [v for v in mine if data is not _UNDECODED and f"{v.pointer}/".startswith(f"/{index}/data/")]
        envelope = [v for v in mine if v not in inside and v not in undecodable]
        found += schema_problems.violation_problems(
            contract, schema, envelope, event.fields(), exchange, base=(index,)
        )
        if content is None or data is _UNDECODED:
            continue
        base = (index, "data")
        found += ids.prefix_problems(data, exchange, contract, base)
        times, claimed = timestamp_problems(data, exchange, base)
        unknown = unknown_properties(content, data, exchange, contract, base)
        found += times + unknown.problems
        found += schema_problems.violation_problems(
            contract, content, inside, data, exchange, claimed=claimed, renamed=unknown.renamed, base=base
        )
    return found


_UNDECODED: Any = object()


def _json(text: str) -> Any:
    """The JSON value ``text`` encodes; :data:`_UNDECODED` when it encodes none."""
    try:
        return json.loads(text)
    except ValueError:
        return _UNDECODED


# ------------------------------------------------------------------ refusals
@dataclass(frozen=True, slots=True)
class Refusal:
    """What an invalid request must get: 400 naming one of ``params`` (with one of ``codes``, when the
    API has one); ``key``, ``severity``, ``title`` and ``facet`` describe the finding if it is accepted."""

    params: tuple[str | None, ...]
    codes: tuple[str, ...]
    key: str
    severity: Severity
    title: str
    facet: str


def judge_refusal(exchange: Exchange, expected: Refusal, contract: Contract) -> list[Problem]:
    """Every problem with the answer to a request that breaks exactly one rule."""
    if exchange.response is None:
        return [transport_problem(exchange)]
    status = exchange.response.status
    wanted = facts.INVALID_REQUEST_STATUS
    if 200 <= status < 300:
        return [Problem(expected.key, expected.severity, expected.title, expected.facet, exchange)]
    if not 400 <= status < 500:
        title = titles.invalid_server_error(status, wanted)
        return [Problem(f"invalid-status:{status}", Severity.ERROR, title, str(status), exchange)]
    if status != wanted:  # another 4xx: the SDK raises another exception class than the client catches
        title = titles.invalid_other_status(status, wanted)
        return [Problem(f"invalid-status:{status}", Severity.ERROR, title, str(status), exchange)]
    result = validate_response(
        exchange.operation_id,
        status,
        exchange.response.text,
        exchange.response.content_type,
        contract=contract,
    )
    if not result.valid:
        first = result.errors[0]
        detail = f"{first.pointer or 'the body'}: {first.message}"
        return [Problem("envelope", Severity.WARNING, titles.envelope(detail), "", exchange)]
    return _wording(exchange, expected)


def _wording(exchange: Exchange, expected: Refusal) -> list[Problem]:
    error = error_of(exchange) or {}
    found = []
    if error.get("param") not in expected.params:
        title = titles.error_param(error.get("param"), expected.params)
        found.append(Problem("error-param", Severity.WARNING, title, "", exchange))
    if expected.codes and error.get("code") not in expected.codes:
        title = titles.error_code(error.get("code"), expected.codes)
        found.append(Problem("error-code", Severity.WARNING, title, "", exchange))
    return found
