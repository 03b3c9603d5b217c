"""The ``threadspec`` command: validate payloads, print schemas, serve the mock, proxy a server, run contract tests,
diff two contracts.

Exit codes: 0 all valid / all checks passed, 1 something invalid or failing, 2 usage error or
unreadable input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from threadspec import spec
from threadspec._contract import DEFAULT_PROFILE, Contract, contract_for, profiles
from threadspec._counting import counted
from threadspec._extras import require
from threadspec.errors import MissingExtraError, SpecLookupError
from threadspec.result import Violation
from threadspec.validate import iter_errors, iter_response_errors

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or unreadable input: exit 2."""


@dataclass(frozen=True, slots=True)
class Payload:
    source: str
    line: int | None
    body: Any  # JSON text (bytes) or a decoded value


# ------------------------------------------------------------------------------------ validate
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


def _check(
    body: Any, schema: str | None, operation: str | None, response: str | None, contract: Contract
) -> list[Violation]:
    if operation is not None and response is not None:
        return list(iter_response_errors(operation, response, body, contract=contract))
    if operation is not None:
        target = contract.operation(operation).request_schema
        if target is None:
            raise UsageError(f"operation {operation} takes no request body; use --response STATUS")
        return list(iter_errors(body, target, contract=contract))
    return list(iter_errors(body, schema or "", contract=contract))


def _validate(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    contract = contract_for(args.profile)
    if args.batch:
        return _batch(stdin, out, contract)
    if (args.schema is None) == (args.operation is None):
        raise UsageError("give exactly one of --schema NAME or --operation OPERATION_ID (or --batch)")
    if args.response is not None and args.operation is None:
        raise UsageError("--response needs --operation")
    if args.schema is not None:
        contract.shared_schema(args.schema)
    else:
        contract.operation(args.operation)
    sources = args.files or ["-"]
    raws = [
        (source, _read(source, stdin)) for source in sources
    ]  # read all first: unreadable input is exit 2
    any_invalid = False
    for source, raw in raws:
        for payload in _payloads(source, raw):
            errors = _check(payload.body, args.schema, args.operation, args.response, contract)
            any_invalid = any_invalid or bool(errors)
            if args.format == "json":
                record: dict[str, Any] = {"source": payload.source, "line": payload.line, "valid": not errors}
                record["errors"] = [e.to_dict() for e in errors]
                print(json.dumps(record, ensure_ascii=False), file=out)
            else:
                _print_text(payload, errors, out)
    return EXIT_INVALID if any_invalid else EXIT_OK


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
    try:
        errors = _check(
            request["body"], schema, operation, None if response is None else str(response), contract
        )
    except (SpecLookupError, UsageError) as exc:
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


# ------------------------------------------------------------------------------------ schemas
def _schemas(_args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    for name in spec.schema_names():
        print(name, file=out)
    return EXIT_OK


def _schema(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    print(json.dumps(spec.schema(args.name), indent=2, ensure_ascii=False), file=out)
    return EXIT_OK


# ------------------------------------------------------------------------------------ profiles
def _add_profile(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", choices=profiles(), default=DEFAULT_PROFILE,
                        help=f"the API version the payloads are held to (default {DEFAULT_PROFILE})")  # fmt: skip


def _profile_names(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [name for name in names if name not in profiles()]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(profiles())}, not {text!r}")
    return names


def _add_served_profiles(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--profile", dest="profiles", type=_profile_names, action="extend", metavar="PROFILES",
                        help=f"the API versions {what}: comma-separated or repeated (default: all of "
                        f"{', '.join(profiles())})")  # fmt: skip


def _served(args: argparse.Namespace) -> tuple[str, ...] | None:
    return tuple(args.profiles) if args.profiles else None


# ------------------------------------------------------------------------------------ mock
def _mock(args: argparse.Namespace, _stdin: TextIO, _out: TextIO) -> int:
    require("mock", "threadspec mock")
    from threadspec.mock import MockConfig, serve  # the server stack loads only for this command

    try:
        config = MockConfig(
            host=args.host, port=args.port, mode=args.mode, db=args.db, api_key=args.api_key, seed=args.seed,
            validate_responses=args.validate_responses, reply_file=args.reply_file, advance=args.advance,
            max_body_bytes=args.max_body_bytes, run_expiry_seconds=args.run_expiry_seconds,
            poll_after_ms=args.poll_after_ms, rate_limit_per_second=args.rate_limit,
            strict_assistants=args.strict_assistants, profiles=_served(args),
        )  # fmt: skip
        serve(config, access_log=not args.quiet)
    except (ValueError, OSError) as exc:  # a bad reply file, database or address: say so, no traceback
        raise UsageError(str(exc)) from exc
    return EXIT_OK


def _add_mock(sub: Any) -> None:
    mock = sub.add_parser("mock", help="serve the mock Assistants API (stateful by default)")
    mock.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    mock.add_argument("--port", type=int, default=4010)
    mock.add_argument("--mode", choices=("stateful", "stateless"), default="stateful")
    mock.add_argument("--db", metavar="PATH", help="SQLite file that keeps everything across restarts")
    mock.add_argument("--api-key", metavar="KEY", help="require `Authorization: Bearer KEY`")
    mock.add_argument("--seed", type=int, help="reproducible ids and timestamps")
    mock.add_argument(
        "--validate-responses", action="store_true", help="check every response against the spec"
    )
    mock.add_argument("--reply-file", metavar="PATH", help="JSON file of scripted assistant replies")
    mock.add_argument("--advance", choices=("instant", "per_poll"), default="instant",
                      help="runs settle at once, or move one status per retrieval")  # fmt: skip
    mock.add_argument("--max-body-bytes", type=int, default=16 * 1024 * 1024)
    mock.add_argument("--run-expiry-seconds", type=int, default=600)
    mock.add_argument("--poll-after-ms", type=int, default=100)
    mock.add_argument("--rate-limit", type=float, metavar="PER_SECOND",
                      help="requests a second per client address; past it, 429 with Retry-After")  # fmt: skip
    mock.add_argument(
        "--strict-assistants", action="store_true",
        help="answer an assistant id nobody created 404, as the API did (default: an implicit assistant)",
    )  # fmt: skip
    mock.add_argument(
        "--quiet", action="store_true", help="no per-request access log (about a quarter more throughput)"
    )
    _add_served_profiles(mock, "served; each request's OpenAI-Beta header chooses one")
    mock.set_defaults(handler=_mock)


# ------------------------------------------------------------------------------------ proxy
def _proxy(args: argparse.Namespace, _stdin: TextIO, _out: TextIO) -> int:
    require("proxy", "threadspec proxy")
    from threadspec.proxy import ProxyConfig, serve  # the server stack loads only for this command

    try:
        limits = {
            "max_body_bytes": args.max_body_bytes,
            "max_checked_response_bytes": args.max_checked_response_bytes,
        }
        config = ProxyConfig(
            upstream=args.upstream, host=args.host, port=args.port, mode=args.mode, log=args.log,
            timeout_seconds=args.timeout, profiles=_served(args),
            **{name: value for name, value in limits.items() if value is not None},
        )  # fmt: skip
        app = serve(config, access_log=not args.quiet, quiet=args.quiet)
    except (ValueError, OSError) as exc:  # a bad upstream URL, an unwritable log, a taken port
        raise UsageError(str(exc)) from exc
    return EXIT_INVALID if app.recorder.violations else EXIT_OK


def _add_proxy(sub: Any) -> None:
    proxy = sub.add_parser(
        "proxy",
        help="check the traffic to a real server against the contract",
        description="Forward every request to --upstream, check requests and responses (streams included) "
        "against the contract, log each violation, print a summary on exit. Exit 1 when anything broke it.",
    )
    proxy.add_argument(
        "--upstream", required=True, metavar="URL", help="the server's API root, e.g. http://staging:8000/v1"
    )
    proxy.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    proxy.add_argument("--port", type=int, default=4020)
    mode = proxy.add_mutually_exclusive_group()
    mode.add_argument("--observe", dest="mode", action="store_const", const="observe",
                      help="forward requests that break the contract and report them (the default)")  # fmt: skip
    mode.add_argument("--enforce", dest="mode", action="store_const", const="enforce",
                      help="refuse requests that break the contract in the API's error envelope")  # fmt: skip
    proxy.set_defaults(mode="observe")
    proxy.add_argument("--log", metavar="PATH", help="append one JSON line per violation to this file")
    proxy.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                       help="wait this long for the upstream to connect and for each part of its answer (then 502)")  # fmt: skip
    proxy.add_argument("--max-body-bytes", type=int, metavar="N",
                       help="request bodies are checked up to this size (default 16 MiB)")  # fmt: skip
    proxy.add_argument("--max-checked-response-bytes", type=int, metavar="N",
                       help="JSON responses are checked up to this size (default 16 MiB); they pass through either way")  # fmt: skip
    proxy.add_argument(
        "--quiet", action="store_true", help="no access log and no line per violation on stderr"
    )
    _add_served_profiles(proxy, "the traffic is held to; each request's OpenAI-Beta header chooses one")
    proxy.set_defaults(handler=_proxy)


# ------------------------------------------------------------------------------------ contract
def _contract(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    require("contract", "threadspec contract")
    from threadspec.contract.runner import handle  # hypothesis loads only for this command

    code: int = handle(args, stdin, out)
    return code


def _add_contract(sub: Any) -> None:
    from threadspec.contract.config import add_arguments  # light: no hypothesis

    contract = sub.add_parser(
        "contract", help="check a server against the contract (positive, negative, workflows, streams)"
    )
    add_arguments(contract)
    contract.set_defaults(handler=_contract)


# ------------------------------------------------------------------------------------ diff
def _diff(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    from threadspec import diff
    from threadspec.errors import InvalidSpecError

    try:
        found = diff.compare(diff.load(args.old), diff.load(args.new))
    except InvalidSpecError as exc:  # a missing file, not OpenAPI 3.1, or what threadspec cannot read
        raise UsageError(str(exc)) from exc
    out.write(diff.render.RENDERERS[args.format](found))
    return EXIT_INVALID if found.fails(args.fail_on) else EXIT_OK


def _add_diff(sub: Any) -> None:
    from threadspec.diff import FAIL_ON

    command = sub.add_parser(
        "diff",
        help="what changed between two contracts, and whom it breaks",
        description="Compare two contracts, each a bundled profile (v1, v2) or an OpenAPI 3.1 file, and list every "
        "change as breaking for clients, breaking for servers / response consumers, or compatible.",
    )
    command.add_argument(
        "old", metavar="OLD", help="a profile name or a spec file (./v1 for a file named v1)"
    )
    command.add_argument("new", metavar="NEW", help="a profile name or a spec file")
    command.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    command.add_argument("--fail-on", choices=tuple(FAIL_ON), default="never",
                         help="exit 1 when a change of this kind is found (breaking: either side); default never")  # fmt: skip
    command.set_defaults(handler=_diff)


# ------------------------------------------------------------------------------------ parser
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="threadspec", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = sub.add_parser(
        "validate", help="validate JSON or JSONL payloads against a schema or operation"
    )
    validate.add_argument("files", nargs="*", metavar="FILE", help="JSON or JSONL files; - or none for stdin")
    validate.add_argument("--schema", metavar="NAME", help="a component name (see `threadspec schemas`)")
    validate.add_argument("--operation", metavar="OPERATION_ID", help="validate an operation's request body")
    validate.add_argument("--response", metavar="STATUS", help="with --operation: validate a response body")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    _add_profile(validate)
    validate.add_argument(
        "--batch",
        action="store_true",
        help='read JSONL {"schema"|"operation": NAME, "body": ...} on stdin, write one result line per line',
    )
    validate.set_defaults(handler=_validate)

    schemas = sub.add_parser("schemas", help="list the schema names")
    schemas.set_defaults(handler=_schemas)
    one = sub.add_parser("schema", help="print one component's JSON Schema")
    one.add_argument("name", metavar="NAME")
    one.set_defaults(handler=_schema)
    _add_mock(sub)
    _add_proxy(sub)
    _add_contract(sub)
    _add_diff(sub)
    return parser


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        code: int = args.handler(args, stdin or sys.stdin, stdout or sys.stdout)
    except (UsageError, SpecLookupError) as exc:
        print(f"threadspec: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MissingExtraError as exc:  # it could not run here, as for bad arguments
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader (say `| head`) has gone: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
