"""``threadspec validate``: JSON or JSONL payloads held to a schema, an operation's request or one of its
responses; ``--batch`` answers a stream of requests line by line."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from threadspec._contract import Contract, contract_for
from threadspec._counting import counted
from threadspec.cli._args import EXIT_INVALID, EXIT_OK, UsageError, add_profile, status_code
from threadspec.errors import SpecLookupError
from threadspec.result import Violation
from threadspec.validate import iter_errors, iter_response_errors


@dataclass(frozen=True, slots=True)
class Payload:
    source: str
    line: int | None
    body: Any  # JSON text (bytes) or a decoded value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="JSON or JSONL files; - or none for stdin")
    parser.add_argument("--schema", metavar="NAME", help="a component name (`threadspec schemas` lists them)")
    parser.add_argument("--operation", metavar="OPERATION_ID",
                        help="validate an operation's request body (`threadspec operations` lists them)")  # fmt: skip
    parser.add_argument("--response", metavar="STATUS", type=status_code,
                        help="with --operation: validate the response of this status instead")  # fmt: skip
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="how each result is printed"
    )
    add_profile(parser, "the payloads are held to")
    parser.add_argument(
        "--batch",
        action="store_true",
        help='read JSONL {"schema"|"operation": NAME, "body": ...} on stdin, write one result line per line',
    )


def run(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    contract = contract_for(args.profile)
    if args.batch:
        return _batch(stdin, out, contract)
    if (args.schema is None) == (args.operation is None):
        raise UsageError("give exactly one of --schema NAME or --operation OPERATION_ID (or --batch)")
    if args.response is not None and args.operation is None:
        raise UsageError("--response needs --operation")
    check = _checker(args.schema, args.operation, args.response, contract)  # an unknown name: exit 2 first
    raws = [(source, _read(source, stdin)) for source in args.files or ["-"]]  # so is unreadable input
    any_invalid = False
    for source, raw in raws:
        for payload in _payloads(source, raw):
            errors = check(payload.body)
            any_invalid = any_invalid or bool(errors)
            if args.format == "json":
                record: dict[str, Any] = {"source": payload.source, "line": payload.line, "valid": not errors}
                record["errors"] = [e.to_dict() for e in errors]
                print(json.dumps(record, ensure_ascii=False), file=out)
            else:
                _print_text(payload, errors, out)
    return EXIT_INVALID if any_invalid else EXIT_OK


def _read(source: str, stdin: TextIO) -> bytes:
    if source == "-":
        return stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {source}: {exc.strerror or exc}") from exc


def _payloads(source: str, raw: bytes) -> Iterator[Payload]:
    """One payload for a JSON document; one per non-empty line for JSONL (or a ``.jsonl`` file)."""
    lines = [line for line in raw.splitlines() if line.strip()]
    if not source.endswith(".jsonl"):
        try:
            json.loads(raw)
        except ValueError:
            if len(lines) <= 1:
                yield Payload(source, None, raw)  # malformed JSON: the validator words it
                return
        else:
            yield Payload(source, None, raw)
            return
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip():
            yield Payload(source, number, line)


def _where(payload: Payload) -> str:
    return payload.source if payload.line is None else f"{payload.source}:{payload.line}"


def _print_text(payload: Payload, errors: list[Violation], out: TextIO) -> None:
    if not errors:
        print(f"{_where(payload)}: valid", file=out)
        return
    print(f"{_where(payload)}: invalid ({counted(len(errors), 'error')})", file=out)
    for error in errors:
        at = error.param if error.param is not None else (error.pointer or "<body>")
        print(f"  {at}  [{error.rule}]  {error.message}", file=out)


def _checker(
    schema: str | None, operation: str | None, response: str | None, contract: Contract
) -> Callable[[Any], list[Violation]]:
    """What each payload is checked with; an unknown name, or a target with no body, raises before any
    payload is read."""
    if operation is None:
        name = schema or ""
        contract.shared_schema(name)
        return lambda body: list(iter_errors(body, name, contract=contract))
    found = contract.operation(operation)
    if response is not None:
        if response not in found.responses:
            declared = ", ".join(found.responses)
            raise UsageError(f"operation {operation} declares no response {response}; it declares {declared}")
        return lambda body: list(iter_response_errors(operation, response, body, contract=contract))
    target = found.request_schema
    if target is None:
        raise UsageError(f"operation {operation} takes no request body; use --response STATUS")
    return lambda body: list(iter_errors(body, target, contract=contract))


def _input_error(message: str) -> dict[str, Any]:
    """A batch line that could not be read: the same record shape as a payload's violations."""
    error = Violation(pointer="", param=None, rule="input", limit=None, value="", message=message, code=None,
                      location="input")  # fmt: skip
    return {"valid": False, "errors": [error.to_dict()]}


def _batch_line(line: str, contract: Contract) -> dict[str, Any]:
    try:
        request = json.loads(line)
    except ValueError as exc:
        return _input_error(f"line is not JSON: {exc}")
    if not isinstance(request, dict) or "body" not in request:
        return _input_error('expected an object {"schema"|"operation": NAME, "body": ...}')
    schema, operation, response = request.get("schema"), request.get("operation"), request.get("response")
    if (schema is None) == (operation is None):
        return _input_error('give exactly one of "schema" or "operation"')
    if not isinstance(schema or operation, str):
        return _input_error('"schema" or "operation" names a component or an operation: give a string')
    try:
        status = None if response is None else status_code(str(response))
        errors = _checker(schema, operation, status, contract)(request["body"])
    except (SpecLookupError, UsageError, argparse.ArgumentTypeError) as exc:
        return _input_error(str(exc))
    return {"valid": not errors, "errors": [e.to_dict() for e in errors]}


def _batch(stdin: TextIO, out: TextIO, contract: Contract) -> int:
    any_invalid = False
    for line in stdin:
        result = _batch_line(line, contract)
        any_invalid = any_invalid or not result["valid"]
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return EXIT_INVALID if any_invalid else EXIT_OK
