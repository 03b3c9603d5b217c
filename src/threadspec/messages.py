"""Error wording, in the real API's words, and its error envelope.

Limits follow one template, the API's own: ``Invalid '<param>': <what>. Expected <expected>, but got
<found> instead.`` with codes ``<type>_<above|below>_<max|min>_<what>``. Unknown and missing
parameters, wrong types and wrong values use the API's shorter forms. The originals were observed in the
API's answers as quoted in public bug reports; ``tests/test_messages.py`` holds each form word for word.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from threadspec._decode import JSON_BODY_ERROR
from threadspec._jsontype import json_type
from threadspec._preview import preview as preview  # re-exported: the wording modules read messages.preview
from threadspec.result import Violation

INVALID_REQUEST = "invalid_request_error"


def where(param: str | None) -> str:
    return "body" if param is None else f"'{param}'"


def _limit(param: str | None, what: str, expected: str, found: str) -> str:
    return f"Invalid {where(param)}: {what}. Expected {expected}, but got {found} instead."


def _number(value: Any) -> str:
    return json.dumps(value) if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def object_properties(param: str | None, limit: int, count: int, above: bool) -> tuple[str, str]:
    if above:
        return (
            _limit(
                param,
                "too many properties",
                f"an object with at most {limit} properties",
                f"an object with {count} properties",
            ),
            "object_above_max_properties",
        )
    return (
        _limit(
            param,
            "too few properties",
            f"an object with at least {limit} properties",
            f"an object with {count} properties",
        ),
        "object_below_min_properties",
    )


def string_length(
    param: str | None, limit: int, length: int, above: bool, noun: str = "string"
) -> tuple[str, str]:
    if above:
        return (
            _limit(
                param,
                f"{noun} too long",
                f"a {noun} with maximum length {limit}",
                f"a {noun} with length {length}",
            ),
            "string_above_max_length",
        )
    if length == 0:
        return (
            _limit(param, f"empty {noun}", f"a {noun} with minimum length {limit}", f"an empty {noun}"),
            "string_below_min_length",
        )
    return (
        _limit(
            param,
            f"{noun} too short",
            f"a {noun} with minimum length {limit}",
            f"a {noun} with length {length}",
        ),
        "string_below_min_length",
    )


def array_length(param: str | None, limit: int, length: int, above: bool) -> tuple[str, str]:
    if above:
        return (
            _limit(
                param,
                "array too long",
                f"an array with maximum length {limit}",
                f"an array with length {length}",
            ),
            "array_above_max_length",
        )
    if length == 0:
        return (
            _limit(param, "empty array", f"an array with minimum length {limit}", "an empty array"),
            "array_below_min_length",
        )
    return (
        _limit(
            param,
            "array too short",
            f"an array with minimum length {limit}",
            f"an array with length {length}",
        ),
        "array_below_min_length",
    )


def number_bound(
    param: str | None, limit: Any, value: Any, above: bool, integer: bool, exclusive: bool = False
) -> tuple[str, str]:
    kind = "integer" if integer else "decimal"
    side = "above maximum" if above else "below minimum"
    op = ("<" if above else ">") + ("" if exclusive else "=")
    code = f"{kind}_{'above_max' if above else 'below_min'}_value"
    return _limit(param, f"{kind} {side} value", f"a value {op} {_number(limit)}", _number(value)), code


_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a decimal",
    "boolean": "a boolean",
    "object": "an object",
    "array": "an array",
    "null": "null",
}


def type_name(value: Any) -> str:
    """The API's name for the JSON type of a decoded value."""
    kind = json_type(value)
    return _TYPE_NAMES[kind] if kind is not None else f"a {type(value).__name__}"


def _alternatives(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return "one of " + ", ".join(names[:-1]) + " or " + names[-1]


def wrong_type(param: str | None, expected: Sequence[str], value: Any) -> tuple[str, str]:
    names = list(dict.fromkeys(_TYPE_NAMES.get(t, t) for t in expected))
    return (
        f"Invalid type for {where(param)}: expected {_alternatives(names)}, but got {type_name(value)} instead.",
        "invalid_type",
    )


def _quote(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else json.dumps(value)


def _listing(values: Sequence[Any]) -> str:
    quoted = [_quote(v) for v in values]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def invalid_value(value: Any, allowed: Sequence[Any]) -> tuple[str, str]:
    shown = value if isinstance(value, str) else preview(value)
    return f"Invalid value: '{shown}'. Supported values are: {_listing(allowed)}.", "invalid_value"


def pattern_mismatch(param: str | None, pattern: str) -> tuple[str, str]:
    return (
        f"Invalid {where(param)}: string does not match pattern. "
        f"Expected a string that matches the pattern '{pattern}'.",
        "invalid_value",
    )


def invalid_url(param: str | None) -> tuple[str, str]:
    """A string that is not a URI where the spec says ``format: uri`` (the API's wording for a bad URL)."""
    return (
        f"Invalid {where(param)}. Expected a valid URL, but got a value with an invalid format.",
        "invalid_value",
    )


def undecodable_content(param: str | None, media_type: str, value: str) -> tuple[str, str]:
    """Text that should encode a value (an event's ``data``, by its ``contentMediaType``) but does not."""
    return _limit(param, "undecodable content", f"{media_type} text", preview(value)), "invalid_content"


def repeated_key(key: str | None) -> str:
    """JSON text that repeats a key within one object: its meaning depends on the parser reading it."""
    which = "a key" if key is None else f"the key {preview(key)}"
    return f"{JSON_BODY_ERROR} It repeats {which} within one object; each key may appear only once."


def undocumented_status(status: int | str, media_type: str, documented: Mapping[str, Sequence[str]]) -> str:
    """A response whose status (or its content type for that status) the operation does not document."""
    by_types: dict[tuple[str, ...], list[str]] = {}
    for code, types in documented.items():
        by_types.setdefault(tuple(types), []).append(str(code))
    listed = "; ".join(
        f"{', '.join(codes)} with {' or '.join(types) or 'no content'}" for types, codes in by_types.items()
    )
    sent = media_type or "no content type"
    return f"Response status {status} with {sent} is not in the contract; it documents {listed}."


# What a named place is called where it travels: a request sends parameters (the API's word), a response
# and a stream event hold properties (threadspec's word: the API never judged its own answers).
_KEY_NOUNS = {"response": "property", "stream": "property"}


def _key_noun(location: str) -> str:
    return _KEY_NOUNS.get(location, "parameter")


def unknown_parameter(param: str, location: str = "body") -> tuple[str, str]:
    noun = _key_noun(location)
    return f"Unknown {noun}: '{param}'.", f"unknown_{noun}"


def missing_parameter(param: str, location: str = "body") -> tuple[str, str]:
    noun = _key_noun(location)
    return f"Missing required {noun}: '{param}'.", f"missing_required_{noun}"


def exactly_one_of(param: str | None, names: Sequence[str], present: int) -> tuple[str, str]:
    found = "none of them" if present == 0 else f"{present} of them"
    options = " or ".join(f"'{n}'" for n in names)
    return _limit(param, "conflicting parameters", f"exactly one of {options}", found), "invalid_value"


def id_prefix(param: str, value: str, prefix: str) -> tuple[str, str | None]:
    return (
        f"Invalid '{param}': '{preview(value).strip(chr(34))}'. Expected an ID that begins with '{prefix}'.",
        None,
    )


INVALID_BETA = (
    "You must provide the 'OpenAI-Beta' header to access the Assistants API. "
    "Please try again by setting the header 'OpenAI-Beta: assistants=v2'."
)


def error_body(
    message: str, param: str | None = None, code: str | None = None, kind: str = INVALID_REQUEST
) -> dict[str, Any]:
    """The envelope every API error comes in."""
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def to_openai_error(error: Violation) -> dict[str, Any]:
    """The body the real API would answer ``error`` with (HTTP 400)."""
    return error_body(error.message, error.param, error.code)
