"""Every line a finding is titled with, in one place: each names what was expected and what came back.

Tests hold each template word for word (``tests/contract/test_titles.py``); callers pass values, never
wording.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from threadspec._counting import counted

_SHOWN = 40  # characters of a value shown in a title
_LISTED = 3  # items of a list shown in a title


def shown(value: Any) -> str:
    """A value as JSON, cut short: ``"abc"``, ``256.0``, ``{"a": 1}``."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def listed(items: Sequence[Any], sep: str = ", ", last: str = " or ") -> str:
    """``a, b or c``; longer lists end in ``…``."""
    texts = [str(i) for i in items]
    if len(texts) > _LISTED:
        return sep.join(texts[:_LISTED]) + sep + "…"
    if len(texts) <= 1:
        return "".join(texts)
    return sep.join(texts[:-1]) + last + texts[-1]


def with_more(title: str, others: Sequence[str]) -> str:
    """A finding's title when one root cause showed up in several places."""
    if not others:
        return title
    return f"{title} (+{len(others)} more: {listed(others, last=', ')})"


def alike(title: str, others: Sequence[str]) -> str:
    """A console line standing for a finding and the ``others`` (places) of its family, when not all fit."""
    return title if not others else f"{title} (+{len(others)} more like it: {listed(others, last=', ')})"


# ------------------------------------------------------------------ what a request held, per keyword
def rule_of(keyword: str, limit: Any, facet: str | None = None) -> str:
    """The rule a constraint states, as the parenthesis after a value: ``limit 16``, ``type integer``."""
    if keyword in ("maxLength", "maxItems", "maxProperties", "maximum"):
        return f"limit {shown(limit)}"
    if keyword in ("minLength", "minItems", "minProperties", "minimum"):
        return f"minimum {shown(limit)}"
    if keyword == "exclusiveMaximum":
        return f"below {shown(limit)}"
    if keyword == "exclusiveMinimum":
        return f"above {shown(limit)}"
    if keyword == "propertyNames":
        return rule_of(str(facet), limit)
    if keyword == "type":
        return "type " + listed(list(limit) if isinstance(limit, list | tuple) else [limit])
    if keyword in ("enum", "discriminator"):
        return "one of " + listed([shown(v) for v in limit])
    if keyword == "const":
        return f"must be {shown(limit)}"
    if keyword == "pattern":
        return f"pattern {limit}"
    if keyword == "multipleOf":
        return f"a multiple of {shown(limit)}"
    if keyword == "oneOf":
        return "exactly one of " + listed(list(limit))
    return keyword


def phrase(keyword: str, name: str, value: Any, limit: Any, facet: str | None = None) -> str:
    """What a request held at a constrained place, with the rule: ``17 metadata keys (limit 16)``."""
    if isinstance(limit, dict) and "rule" in limit and isinstance(value, dict):
        return _rule_phrase(limit, value)
    rule = rule_of(keyword, limit, facet)
    if keyword in ("maxProperties", "minProperties") and isinstance(value, dict):
        return f"{counted(len(value), f'{name} key')} ({rule})"
    if keyword in ("maxItems", "minItems") and isinstance(value, list):
        return f"{len(value)} {name} ({rule})"
    if keyword in ("maxLength", "minLength") and isinstance(value, str):
        return f"a {len(value)}-character {name} ({rule})"
    if keyword == "propertyNames" and isinstance(value, dict) and value:
        longest = max(value, key=len) if facet != "minLength" else min(value, key=len)
        if facet in ("maxLength", "minLength"):
            return f"a {len(longest)}-character {name} key ({rule})"
        return f"{name} key {shown(longest)} ({rule})"
    if keyword == "required":
        return f"{name} without {limit} (required)"
    if keyword == "additionalProperties":
        return f"{name} with an unknown property {shown(value)}"
    if keyword == "uniqueItems":
        return f"{name} with repeated items"
    if keyword == "oneOf" and isinstance(value, dict):
        present = [k for k in limit if k in value]
        return f"{name} with {listed(present, last=' and ') or 'none'} ({rule})"
    return f"{name} {shown(value)} ({rule})"


def _rule_phrase(rule: dict[str, Any], value: dict[str, Any]) -> str:
    """An ``x-threadspec-rules`` rule: ``chunk_overlap_tokens 51 (at most half of max_chunk_size_tokens 100)``."""
    subject, other = str(rule.get("property")), rule.get("of")
    stated = str(rule["rule"]).replace("_", " ")
    against = f" {other} {shown(value.get(other))}" if isinstance(other, str) else ""
    return f"{subject} {shown(value.get(subject))} ({stated}{against})"


# ------------------------------------------------------------------ requests judged against a limit
def accepted(what: str) -> str:
    return f"accepted {what}"


def accepted_strict(what: str) -> str:
    return f"accepted {what}, which threadspec refuses"


def refused_at_limit(what: str, status: int) -> str:
    return f"refused {what} with {status}, though it is within the limit"


def wrong_id(param: str, value: str, prefix: str) -> str:
    return f"path {param} {shown(value)} (an id that begins with {prefix!r})"


# ------------------------------------------------------------------ status and transport
def no_response(operation: str, error: str) -> str:
    return f"{operation}: no response ({error})"


def valid_refused(operation: str, status: int, message: str) -> str:
    said = f": {message}" if message else ""
    return f"valid request to {operation} refused with {status}{said}"


def valid_failed(operation: str, status: int, message: str) -> str:
    said = f": {message}" if message else ""
    return f"valid request to {operation} answered {status}{said}"


def route_missing(method: str, path: str) -> str:
    return f"{method} {path} answered 404 to a valid request: is the route missing?"


def invalid_server_error(status: int, expected: int) -> str:
    return f"answered {status} to invalid requests ({expected} expected)"


def invalid_other_status(status: int, expected: int) -> str:
    return f"{expected} expected, {status} received for invalid requests"


def envelope(detail: str) -> str:
    return f"error body is not the API's error envelope: {detail}"


def error_param(got: Any, expected: Sequence[Any]) -> str:
    return f"error param {shown(got)} does not name the broken place ({listed([shown(e) for e in expected])})"


def error_code(got: Any, expected: Sequence[Any]) -> str:
    return f"error code {shown(got)}, the API's is {listed([shown(e) for e in expected])}"


def undocumented_status(operation: str, status: int, documented: Sequence[str]) -> str:
    return f"{operation} answered {status}; the contract documents {listed(documented)}"


def unparsable(operation: str, media: str, error: str) -> str:
    return f"{operation} answered a {media} body that does not parse: {error}"


def wrong_media(operation: str, media: str, expected: str) -> str:
    return f"{operation} answered {media or 'no content type'}, expected {expected}"


# ------------------------------------------------------------------ response bodies
def response_rule(where: str, rule: str, limit: Any, value: str) -> str:
    """A response body breaking a schema rule: ``ThreadObject.created_at: type integer, got 1.5``."""
    if rule == "additionalProperties":
        return f"{where}: unknown property {value}"
    return f"{where}: {rule_of(rule, limit)}, got {value}"


def missing(component: str, names: Sequence[str]) -> str:
    if len(names) == 1:
        return f"{component}.{names[0]} missing (required)"
    return f"{component} missing {listed(list(names), last=' and ')} ({counted(len(names), 'required property', 'required properties')})"


def renamed(title: str, found: Sequence[str]) -> str:
    return f"{title}; the object has {listed(list(found), last=' and ')} instead"


def file_not_kept(kind: str, file_id: str, files: Any) -> str:
    return f"{kind} created with file_ids {shown([file_id])} came back with file_ids {shown(files)}"


def id_prefix(kind: str, value: str, start: str) -> str:
    return f"{kind} ids without their prefix: {shown(value)} (expected {start}…)"


def timestamp_milliseconds(field: str, value: Any) -> str:
    return f"timestamps in milliseconds, not Unix seconds: {field} {shown(value)}"


def timestamp_fraction(field: str, value: Any) -> str:
    return f"timestamps with fractions, not integer Unix seconds: {field} {shown(value)}"


def timestamp_decimal(field: str, value: Any) -> str:
    return f"timestamps as decimals ({field} {shown(value)}), which threadspec reads as not integers"


def timestamp_far(field: str, value: Any, days: int, reference: str) -> str:
    return f"{field} {shown(value)} is {counted(days, 'day')} away from {reference}"


def unknown_property(where: str) -> str:
    return f"responses carry properties the spec does not define: {where}"


def wrong_object(operation: str, field: str, got: Any, expected: str) -> str:
    return f"{operation} answered {field} {shown(got)} for {shown(expected)}"


# ------------------------------------------------------------------ streams
def stream_media(media: str) -> str:
    return f"stream requested, answered {media or 'no content type'} instead of text/event-stream"


def stream_order(event: str, reason: str) -> str:
    return f"stream event {event} {reason}"


def stream_no_done(last: str) -> str:
    return f"stream ended without the done event (last: {last})"


def stream_end(last: str, expected: str) -> str:
    return f"stream ended on {last}, expected {expected}"


def stream_unparsed(error: str) -> str:
    return f"stream could not be parsed: {error}"


# ------------------------------------------------------------------ behaviour across calls
def mismatch(operation: str, field: str, got: Any, expected: Any, step: str) -> str:
    return f"{operation} answered {field} {shown(got)}, expected {shown(expected)} ({step})"


def expectation(workflow: str, step: str, reason: str) -> str:
    return f"{workflow}: {step}: {reason}"


def still_there(operation: str, status: int) -> str:
    return f"{operation} answered {status} for a deleted object, expected 404"


def run_stuck(status: Any, seconds: float) -> str:
    return f"a run stayed {shown(status)} through {seconds:.0f}s of polling"


def no_tool_call(status: Any) -> str:
    return f"a run that must call a function ended {shown(status)} without asking for tool outputs"


def no_steps(status: str) -> str:
    return f"a {status} run lists no steps"


def control_unusable(operation: str, reason: str) -> str:
    return f"{operation} answered 2xx without a usable object: {reason}"
