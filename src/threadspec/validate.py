"""Validating payloads against the contract: collect-all and raise-first, bytes in or values in.

A valid payload is judged by the fast path alone (msgspec types compiled from the schema). Only
when that path rejects does the reference validator (jsonschema) run, to find and word every
violation; its verdict is final, so the two can never disagree in what callers see.

Every function checks against ``contract`` (a :class:`threadspec.Contract`), or the default
``contract_for("v2")`` when none is given.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from threadspec import facts, messages
from threadspec._compiled import CompiledSchema
from threadspec._contract import Contract, resolve_contract, schema_target
from threadspec._decode import as_bytes, decode, is_raw, malformed
from threadspec._duplicates import first_repeated_key
from threadspec._operation import Operation
from threadspec.errors import InvalidPayloadError, MalformedPayloadError
from threadspec.facts import EVENT_DATA_MEDIA_TYPE
from threadspec.result import ValidationResult, Violation
from threadspec.sse import parse_text

if TYPE_CHECKING:
    from pydantic import BaseModel

    from threadspec._generated.public import ModelClassFunction, ParseFunction

# what a check is told to check against: a component name, or a generated model class
Schema = str | type["BaseModel"]
_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
_INT_DIGITS = sys.get_int_max_str_digits() or 4300


def _slow_errors(compiled: CompiledSchema, body: Any, location: str = "body") -> Iterator[Violation]:
    value = decode(body) if is_raw(body) else body
    yield from compiled.errors(value, location)


def reference_errors(
    value: Any, schema: str, location: str = "body", *, contract: Contract | None = None
) -> Iterator[Violation]:
    """Violations from the plain reference walk of the whole payload (the yardstick in tests)."""
    yield from resolve_contract(contract).compiled(schema).reference_errors(value, location)


def is_valid(body: Any, schema: Schema, *, contract: Contract | None = None) -> bool:
    """The verdict alone, as fast as it gets: for bytes, about the cost of parsing them.

    The fast path's answer is final in both directions here; the differential tests hold it to the
    reference validator's. Schemas without a fast path, and bodies too deep to decode, take the
    reference route.
    """
    if type(schema) is str:  # the common call, a component name: no model class to trace to its contract
        compiled = resolve_contract(contract).compiled(schema)
    else:
        found, name = schema_target(schema, contract)
        compiled = found.compiled(name)
    verdict = compiled.fast_verdict(body)
    if verdict is not None:
        return verdict
    try:
        return next(_slow_errors(compiled, body), None) is None
    except MalformedPayloadError:
        return False


def body_errors(
    compiled: CompiledSchema,
    body: Any,
    verdict: bool | None = None,
    location: str = "body",
    reason: str = "",
) -> Iterator[Violation]:
    """Every violation of a compiled schema in ``body``; ``verdict`` is the fast path's, when already known,
    and ``reason`` msgspec's for refusing it (:meth:`CompiledSchema.fast_failure`).

    ``location`` is where the body travels: ``body`` (a request), ``response`` or ``stream``; it words
    a response's missing and unknown keys as properties, not parameters."""
    if verdict is None:
        verdict, reason = compiled.fast_failure(body)
    if verdict:
        return
    focused = compiled.focused(reason, body, location) if reason else None
    found = False
    if focused is not None:
        for violation in focused:
            found = True
            yield violation
    else:
        try:
            for violation in _slow_errors(compiled, body, location):
                found = True
                yield violation
        except MalformedPayloadError as exc:
            yield from exc.errors
            return
    if verdict is False and not found and is_raw(body):
        # the fast verdict reads every occurrence of a repeated key, the decoded value keeps the last:
        # an earlier one broke the contract, so the text is refused as the middleware refuses it
        key = first_repeated_key(as_bytes(body))
        if key is not None:
            yield malformed(messages.repeated_key(key), value=messages.preview(key)).errors[0]


def iter_errors(body: Any, schema: Schema, *, contract: Contract | None = None) -> Iterator[Violation]:
    """Every violation of ``schema`` in ``body`` (JSON text or decoded values), lazily."""
    found, name = schema_target(schema, contract)
    return body_errors(found.compiled(name), body)


def validate(body: Any, schema: Schema, *, contract: Contract | None = None) -> ValidationResult:
    """Collect every violation of ``schema`` in ``body``."""
    if type(schema) is str:  # as in is_valid: a component name needs no tracing to a contract
        name, compiled = schema, resolve_contract(contract).compiled(schema)
    else:
        found, name = schema_target(schema, contract)
        compiled = found.compiled(name)
    verdict, reason = compiled.fast_failure(body)
    if verdict:  # the common answer, without a generator to drain
        return ValidationResult(name, [])
    if reason:  # refused at a named place: most often the one place the body breaks the contract
        focused = compiled.focused(reason, body)
        errors = [] if focused is None else list(focused)
        if errors:
            return ValidationResult(name, errors)
    # the full road, which the focused one has already shown needed (the empty reason keeps it off)
    return ValidationResult(name, list(body_errors(compiled, body, verdict)))


def _raise_first(errors: Iterator[Violation]) -> None:
    first = next(errors, None)
    if first is not None:
        cls = MalformedPayloadError if first.rule == "input" else InvalidPayloadError
        raise cls([first])


def ensure_valid(body: Any, schema: Schema, *, contract: Contract | None = None) -> None:
    """Raise :class:`PayloadError` at the first violation; return quietly when ``body`` is valid."""
    _raise_first(iter_errors(body, schema, contract=contract))


def _model_class(schema: str, *, contract: Contract | None = None) -> type[BaseModel]:
    """The generated Pydantic v2 model of ``schema`` (bundled contracts only)."""
    return resolve_contract(contract).model_class(schema)


def _parse(body: Any, schema: Schema, *, contract: Contract | None = None) -> BaseModel:
    """Validate ``body`` and return it as the generated Pydantic model of ``schema``.

    ``schema`` is a model class (``threadspec.models.CreateRunRequest``), whose instance comes back,
    or a component name. Type checkers know the returned type either way (for a name, in the default
    contract).
    """
    from pydantic import ValidationError as PydanticValidationError  # loads with the first model

    found, name = schema_target(schema, contract)
    cls = found.model_class(name)
    errors = list(body_errors(found.compiled(name), body))
    if errors:
        raise (MalformedPayloadError if errors[0].rule == "input" else InvalidPayloadError)(errors)
    value = decode(body) if is_raw(body) else body
    try:
        return cls.model_validate(value)
    except PydanticValidationError as exc:  # a model/schema disagreement: a bug the differential tests hunt
        raise InvalidPayloadError(
            [
                Violation(
                    pointer="",
                    param=None,
                    rule="model",
                    limit=name,
                    value=messages.preview(value),
                    message=str(exc),
                    code=None,
                )
            ]
        ) from exc


# typed by the overloads generated with the models: a model class or a model's name gives that model
_parse.__name__ = _parse.__qualname__ = "parse"
parse = cast("ParseFunction", _parse)
_model_class.__name__ = _model_class.__qualname__ = "model_class"
model_class = cast("ModelClassFunction", _model_class)


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


def _missing(name: str, location: str) -> Violation:
    message, code = messages.missing_parameter(name)
    return Violation(
        pointer="/" + name,
        param=name,
        rule="required",
        limit=name,
        value="",
        message=message,
        code=code,
        location=location,
    )


def _parameter_errors(
    contract: Contract, operation: Operation, location: str, supplied: Mapping[str, Any] | None
) -> Iterator[Violation]:
    given = supplied or {}
    for param, compiled in contract.parameter_schemas(operation.operation_id, location):
        if param.name not in given:
            if param.required:
                yield _missing(param.name, location)
            continue
        value = given[param.name]
        if location == "query":
            value = _coerce_query(value, param.schema)
        if param.id_prefix and isinstance(value, str) and not value.startswith(param.id_prefix):
            message, prefix_code = messages.id_prefix(param.name, value, param.id_prefix)
            yield Violation(
                pointer="/" + param.name,
                param=param.name,
                rule="pattern",
                limit=param.schema.get("pattern"),
                value=messages.preview(value),
                message=message,
                code=prefix_code,
                location=location,
            )
            continue
        if compiled.is_valid_value(value) is not True:  # the fast verdict settles a good value
            yield from compiled.reference_errors(value, location, prefix=[param.name])


def _header_errors(
    contract: Contract, operation: Operation, headers: Mapping[str, str] | None
) -> Iterator[Violation]:
    if headers is None:
        return
    lowered = {k.lower(): v for k, v in headers.items()}
    for param in operation.parameters_in("header"):
        value = lowered.get(param.name.lower())
        required = contract.beta_version if param.name.lower() == facts.BETA_HEADER.lower() else None
        if required is not None:
            # a list of features, as the API reads it: `assistants=v2,other=x` asks for v2
            if facts.beta_version(value) != required:
                yield Violation(
                    pointer="/" + param.name,
                    param=None,
                    rule="const",
                    limit=contract.beta_value,
                    value=messages.preview(value),
                    message=messages.INVALID_BETA,
                    code="invalid_beta",
                    location="header",
                )
        elif value is None and param.required:
            yield _missing(param.name, "header")


def request_errors(
    contract: Contract,
    operation: Operation,
    body: Any = None,
    *,
    query: Mapping[str, Any] | None = None,
    path_params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    body_verdict: bool | None = None,
    body_reason: str = "",
) -> Iterator[Violation]:
    """:func:`iter_request_errors` for callers that hold the operation, and may know the body's fast verdict
    (and msgspec's reason for a refusal, :meth:`CompiledSchema.fast_failure`)."""
    yield from _header_errors(contract, operation, headers)
    yield from _parameter_errors(contract, operation, "path", path_params)
    yield from _parameter_errors(contract, operation, "query", query)
    if operation.request_schema is None:
        return
    if body is None or (is_raw(body) and not as_bytes(body).strip()):
        body, body_verdict, body_reason = {}, None, ""
    yield from body_errors(
        contract.compiled(operation.request_schema), body, body_verdict, reason=body_reason
    )


def iter_request_errors(
    operation_id: str,
    body: Any = None,
    *,
    query: Mapping[str, Any] | None = None,
    path_params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    contract: Contract | None = None,
) -> Iterator[Violation]:
    """Every violation in a whole request: headers (when given), path ids, query and body."""
    found = resolve_contract(contract)
    return request_errors(
        found, found.operation(operation_id), body, query=query, path_params=path_params, headers=headers
    )


def validate_request(
    operation_id: str,
    body: Any = None,
    *,
    query: Mapping[str, Any] | None = None,
    path_params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    contract: Contract | None = None,
) -> ValidationResult:
    """Collect every violation in a request to ``operation_id``."""
    schema = resolve_contract(contract).operation(operation_id).request_schema or operation_id
    errors = iter_request_errors(
        operation_id, body, query=query, path_params=path_params, headers=headers, contract=contract
    )
    return ValidationResult(schema, list(errors))


def ensure_valid_request(
    operation_id: str,
    body: Any = None,
    *,
    query: Mapping[str, Any] | None = None,
    path_params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    contract: Contract | None = None,
) -> None:
    """Raise :class:`PayloadError` at the first violation in a request."""
    _raise_first(
        iter_request_errors(
            operation_id, body, query=query, path_params=path_params, headers=headers, contract=contract
        )
    )


def iter_response_errors(
    operation_id: str,
    status: int | str,
    body: Any,
    content_type: str = "application/json",
    *,
    contract: Contract | None = None,
) -> Iterator[Violation]:
    """Every way a response breaks the contract: undocumented status, wrong shape, bad stream events."""
    found = resolve_contract(contract)
    operation = found.operation(operation_id)
    media = content_type.split(";")[0].strip().lower()
    schema = operation.response_schema(status, media)
    if schema is None:
        documented = {s: sorted(m) for s, m in operation.responses.items()}
        message = messages.undocumented_status(status, media, documented)
        yield Violation(
            pointer="",
            param=None,
            rule="status",
            limit=sorted(documented),
            value=str(status),
            message=message,
            code=None,
            location="response",
        )
        return
    compiled = found.compiled(schema)
    if media != facts.EVENT_STREAM:
        if is_raw(body):  # responses nest deeper than requests may (a list of runs echoing them)
            try:
                body = decode(body, max_depth=None)
            except MalformedPayloadError as exc:
                yield from exc.errors
                return
        yield from body_errors(compiled, body, location="response")
        return
    try:
        events = [e.fields() for e in parse_text(body)] if is_raw(body) else list(body)
    except (ValueError, UnicodeDecodeError) as exc:
        yield from malformed(f"The event stream could not be parsed: {exc}").errors
        return
    contents = operation.stream_events.get(str(status), {})
    for index, event in enumerate(events):
        yield from _event_errors(found, index, event, compiled, contents)


def _in_stream(index: int, error: Violation, at: str = "") -> Violation:
    pointer = f"/{index}{at}{error.pointer}"
    param = f"[{index}]{at.replace('/', '.')}" + ("" if error.param is None else f".{error.param}")
    return replace(error, pointer=pointer, param=param, location="stream")


def _event_errors(
    contract: Contract, index: int, event: Any, compiled: CompiledSchema, contents: Mapping[str, str | None]
) -> Iterator[Violation]:
    """One event as the spec describes it: its SSE fields against the event schema, then its JSON ``data``
    against the component its ``contentSchema`` names (``contents``, the operation index's ``stream_events``).

    ``data`` is the text the wire carries; a value already decoded is taken as it is.
    """
    name = event.get("event") if isinstance(event, dict) else None
    content = contents.get(name) if isinstance(name, str) else None
    data = event.get("data") if isinstance(event, dict) else None
    decoded = content is not None and not isinstance(data, str)
    fields = {**event, "data": ""} if decoded else event  # the envelope only asks that data be text
    errors = list(body_errors(compiled, fields, location="stream"))
    yield from (_in_stream(index, error) for error in errors)
    if errors or content is None:
        return
    if isinstance(data, str):
        try:
            data = decode(data, max_depth=None)
        except MalformedPayloadError:
            message, code = messages.undecodable_content(f"[{index}].data", EVENT_DATA_MEDIA_TYPE, data)
            yield Violation(
                pointer=f"/{index}/data",
                param=f"[{index}].data",
                rule="contentMediaType",
                limit=EVENT_DATA_MEDIA_TYPE,
                value=messages.preview(data),
                message=message,
                code=code,
                location="stream",
            )
            return
    found = body_errors(contract.compiled(content), data, location="stream")
    yield from (_in_stream(index, error, "/data") for error in found)


def validate_response(
    operation_id: str,
    status: int | str,
    body: Any,
    content_type: str = "application/json",
    *,
    contract: Contract | None = None,
) -> ValidationResult:
    """Collect every violation in a response of ``operation_id``."""
    operation = resolve_contract(contract).operation(operation_id)
    schema = operation.response_schema(status, content_type) or f"{operation_id}:{status}"
    errors = iter_response_errors(operation_id, status, body, content_type, contract=contract)
    return ValidationResult(schema, list(errors))


def ensure_valid_response(
    operation_id: str,
    status: int | str,
    body: Any,
    content_type: str = "application/json",
    *,
    contract: Contract | None = None,
) -> None:
    """Raise :class:`PayloadError` at the first violation in a response."""
    _raise_first(iter_response_errors(operation_id, status, body, content_type, contract=contract))
