"""Validating payloads against the contract: collect-all and raise-first, bytes in or values in.

A valid payload is judged by the fast path alone (msgspec types compiled from the schema). Only
when that path rejects does the reference validator (jsonschema) run, to find and word every
violation; its verdict is final, so the two can never disagree in what callers see.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from threadspec import _fast, messages, spec
from threadspec._decode import MAX_DEPTH, as_bytes, decode, depth_exceeds, is_raw, malformed
from threadspec._generated import models
from threadspec._localize import localized_violations
from threadspec._reference import reference_validator, validator_for_schema
from threadspec._violations import violations
from threadspec.errors import InvalidPayloadError, MalformedPayloadError
from threadspec.facts import EVENT_DATA_MEDIA_TYPE
from threadspec.result import ValidationResult, Violation
from threadspec.sse import parse_text

DEFAULT_SCHEMA = "CreateThreadAndRunRequest"
_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
_STREAM = "text/event-stream"
_INT_DIGITS = sys.get_int_max_str_digits() or 4300


def _fast_verdict(body: Any, schema: str) -> bool | None:
    """True when the fast path accepts; False or None (no fast path) send the caller to the reference."""
    if type(body) is bytes:  # the hot path: no copy, no decode into Python objects
        dec = _fast.decoder(schema)
        # the bracket count settles depth for nearly every body without a call
        if dec is None or (body.count(b"[") + body.count(b"{") > MAX_DEPTH and depth_exceeds(body)):
            return None
        try:
            dec.decode(body)
        except _fast.FAILURES:
            return False
        return True
    if is_raw(body):
        raw = as_bytes(body)
        return None if depth_exceeds(raw) else _fast.is_valid_json(raw, schema)
    return _fast.is_valid_value(body, schema)


def _slow_errors(body: Any, schema: str, location: str = "body") -> Iterator[Violation]:
    value = decode(body) if is_raw(body) else body
    yield from localized_violations(value, schema, location)


def reference_errors(value: Any, schema: str, location: str = "body") -> Iterator[Violation]:
    """Violations from the plain reference walk of the whole payload (the yardstick in tests)."""
    yield from violations(
        reference_validator(schema).iter_errors(value), spec.shared_schema(schema), location
    )


def is_valid(body: Any, schema: str = DEFAULT_SCHEMA) -> bool:
    """The verdict alone, as fast as it gets: for bytes, about the cost of parsing them.

    The fast path's answer is final in both directions here; the differential tests hold it to the
    reference validator's. Schemas without a fast path, and bodies too deep to decode, take the
    reference route.
    """
    verdict = _fast_verdict(body, schema)
    if verdict is not None:
        return verdict
    spec.shared_schema(schema)
    try:
        return next(_slow_errors(body, schema), None) is None
    except MalformedPayloadError:
        return False


def iter_errors(body: Any, schema: str = DEFAULT_SCHEMA) -> Iterator[Violation]:
    """Every violation of ``schema`` in ``body`` (JSON text or decoded values), lazily."""
    spec.shared_schema(schema)
    if _fast_verdict(body, schema):
        return
    try:
        yield from _slow_errors(body, schema)
    except MalformedPayloadError as exc:
        yield from exc.errors


def validate(body: Any, schema: str = DEFAULT_SCHEMA) -> ValidationResult:
    """Collect every violation of ``schema`` in ``body``."""
    return ValidationResult(schema, list(iter_errors(body, schema)))


def _raise_first(errors: Iterator[Violation]) -> None:
    first = next(errors, None)
    if first is not None:
        cls = MalformedPayloadError if first.rule == "input" else InvalidPayloadError
        raise cls([first])


def ensure_valid(body: Any, schema: str = DEFAULT_SCHEMA) -> None:
    """Raise :class:`PayloadError` at the first violation; return quietly when ``body`` is valid."""
    _raise_first(iter_errors(body, schema))


def model_class(schema: str) -> type[BaseModel]:
    spec.shared_schema(schema)
    cls: type[BaseModel] = getattr(models, schema)
    return cls


def parse(body: Any, schema: str = DEFAULT_SCHEMA) -> BaseModel:
    """Validate ``body`` and return it as the generated Pydantic model of ``schema``."""
    cls = model_class(schema)
    errors = list(iter_errors(body, schema))
    if errors:
        raise (MalformedPayloadError if errors[0].rule == "input" else InvalidPayloadError)(errors)
    value = decode(body) if is_raw(body) else body
    try:
        return cls.model_validate(value)
    except PydanticValidationError as exc:  # a model/schema disagreement: a bug the differential tests hunt
        raise InvalidPayloadError(
            [Violation("", None, "model", schema, messages.preview(value), str(exc), None)]
        ) from exc


# ---------------------------------------------------------------------------------- operations
def _coerce_query(raw: Any, schema: dict[str, Any]) -> Any:
    """Query strings arrive as text; read them the way the parameter's type says."""
    kind = schema.get("type")
    if kind == "array":
        items = raw if isinstance(raw, list | tuple) else [raw]
        return [_coerce_query(item, schema.get("items", {})) for item in items]
    if isinstance(raw, list | tuple):
        raw = raw[-1] if raw else ""
    # past int()'s digit limit (4,300 by default) the text stays text: a type error, not a crash
    if kind == "integer" and isinstance(raw, str) and len(raw) <= _INT_DIGITS and _INTEGER.fullmatch(raw):
        return int(raw)
    return raw


@cache
def _parameter_validator(operation_id: str, location: str, name: str) -> Any:
    """Built once per parameter: constructing a jsonschema validator costs more than using it."""
    param = next(
        p for p in spec.operation(operation_id).parameters if (p.location, p.name) == (location, name)
    )
    return validator_for_schema(param.schema)


def _parameter_errors(
    operation: spec.Operation, location: str, supplied: Mapping[str, Any] | None
) -> Iterator[Violation]:
    given = dict(supplied or {})
    for param in operation.parameters_in(location):
        if param.name not in given:
            if param.required:
                worded = messages.missing_parameter(param.name)
                yield Violation("/" + param.name, param.name, "required", param.name, "", *worded, location)
            continue
        value = given[param.name]
        if location == "query":
            value = _coerce_query(value, param.schema)
        if param.id_prefix and isinstance(value, str) and not value.startswith(param.id_prefix):
            message, code = messages.id_prefix(param.name, value, param.id_prefix)
            yield Violation(
                "/" + param.name, param.name, "pattern", param.schema.get("pattern"),
                messages.preview(value), message, code, location,
            )  # fmt: skip
            continue
        errors = _parameter_validator(operation.operation_id, param.location, param.name).iter_errors(value)
        yield from violations(errors, param.schema, location, prefix=[param.name])


def _header_errors(operation: spec.Operation, headers: Mapping[str, str] | None) -> Iterator[Violation]:
    if headers is None:
        return
    lowered = {k.lower(): v for k, v in headers.items()}
    for param in operation.parameters_in("header"):
        value = lowered.get(param.name.lower())
        if param.name.lower() == "openai-beta":
            if value != param.schema.get("const"):
                yield Violation(
                    "/" + param.name, None, "const", param.schema.get("const"),
                    messages.preview(value), messages.INVALID_BETA, "invalid_beta", "header",
                )  # fmt: skip
        elif value is None and param.required:
            yield Violation("/" + param.name, param.name, "required", param.name, "",
                            *messages.missing_parameter(param.name), "header")  # fmt: skip


def iter_request_errors(
    operation_id: str,
    body: Any = None,
    *,
    query: Mapping[str, Any] | None = None,
    path_params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Iterator[Violation]:
    """Every violation in a whole request: headers (when given), path ids, query and body."""
    operation = spec.operation(operation_id)
    yield from _header_errors(operation, headers)
    yield from _parameter_errors(operation, "path", path_params)
    yield from _parameter_errors(operation, "query", query)
    if operation.request_schema is None:
        return
    if body is None or (is_raw(body) and not as_bytes(body).strip()):
        body = {}
    yield from iter_errors(body, operation.request_schema)


def validate_request(
    operation_id: str,
    body: Any = None,
    *,
    query: Mapping[str, Any] | None = None,
    path_params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> ValidationResult:
    """Collect every violation in a request to ``operation_id``."""
    schema = spec.operation(operation_id).request_schema or operation_id
    errors = iter_request_errors(operation_id, body, query=query, path_params=path_params, headers=headers)
    return ValidationResult(schema, list(errors))


def ensure_valid_request(
    operation_id: str,
    body: Any = None,
    *,
    query: Mapping[str, Any] | None = None,
    path_params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> None:
    """Raise :class:`PayloadError` at the first violation in a request."""
    _raise_first(
        iter_request_errors(operation_id, body, query=query, path_params=path_params, headers=headers)
    )


def iter_response_errors(
    operation_id: str, status: int | str, body: Any, content_type: str = "application/json"
) -> Iterator[Violation]:
    """Every way a response breaks the contract: undocumented status, wrong shape, bad stream events."""
    operation = spec.operation(operation_id)
    media = content_type.split(";")[0].strip().lower()
    schema = operation.response_schema(status, media)
    if schema is None:
        documented = {s: sorted(m) for s, m in operation.responses.items()}
        message = f"Response status {status} with {media or 'no content type'} is not in the contract: {documented}."
        yield Violation("", None, "status", sorted(documented), str(status), message, None, "response")
        return
    if media != _STREAM:
        if is_raw(body):  # responses nest deeper than requests may (a list of runs echoing them)
            try:
                body = decode(body, max_depth=None)
            except MalformedPayloadError as exc:
                yield from exc.errors
                return
        yield from iter_errors(body, schema)
        return
    try:
        events = [e.fields() for e in parse_text(body)] if is_raw(body) else list(body)
    except (ValueError, UnicodeDecodeError) as exc:
        yield from malformed(f"The event stream could not be parsed: {exc}").errors
        return
    contents = operation.stream_events.get(str(status), {})
    for index, event in enumerate(events):
        yield from _event_errors(index, event, schema, contents)


def _in_stream(index: int, error: Violation, at: str = "") -> Violation:
    pointer = f"/{index}{at}{error.pointer}"
    param = f"[{index}]{at.replace('/', '.')}" + ("" if error.param is None else f".{error.param}")
    return Violation(
        pointer, param, error.rule, error.limit, error.value, error.message, error.code, "stream"
    )


def _event_errors(
    index: int, event: Any, schema: str, contents: Mapping[str, str | None]
) -> Iterator[Violation]:
    """One event as the spec describes it: its SSE fields against ``schema``, then its JSON ``data``
    against the component its ``contentSchema`` names (``contents``, from the operation index).

    ``data`` is the text the wire carries; a value already decoded is taken as it is.
    """
    name = event.get("event") if isinstance(event, dict) else None
    content = contents.get(name) if isinstance(name, str) else None
    data = event.get("data") if isinstance(event, dict) else None
    decoded = content is not None and not isinstance(data, str)
    fields = {**event, "data": ""} if decoded else event  # the envelope only asks that data be text
    errors = list(iter_errors(fields, schema))
    yield from (_in_stream(index, error) for error in errors)
    if errors or content is None:
        return
    if isinstance(data, str):
        try:
            data = decode(data, max_depth=None)
        except MalformedPayloadError:
            message, code = messages.undecodable_content(f"[{index}].data", EVENT_DATA_MEDIA_TYPE, data)
            yield Violation(f"/{index}/data", f"[{index}].data", "contentMediaType", EVENT_DATA_MEDIA_TYPE,
                            messages.preview(data), message, code, "stream")  # fmt: skip
            return
    yield from (_in_stream(index, error, "/data") for error in iter_errors(data, content))


def validate_response(
    operation_id: str, status: int | str, body: Any, content_type: str = "application/json"
) -> ValidationResult:
    """Collect every violation in a response of ``operation_id``."""
    schema = spec.operation(operation_id).response_schema(status, content_type) or f"{operation_id}:{status}"
    return ValidationResult(schema, list(iter_response_errors(operation_id, status, body, content_type)))


def ensure_valid_response(
    operation_id: str, status: int | str, body: Any, content_type: str = "application/json"
) -> None:
    """Raise :class:`PayloadError` at the first violation in a response."""
    _raise_first(iter_response_errors(operation_id, status, body, content_type))
