"""``threadspec mock``: the flags are :class:`~threadspec.mock.MockConfig`'s fields, their defaults its own."""

from __future__ import annotations

import argparse
from typing import TextIO

from threadspec.cli._args import (
    EXIT_OK,
    UsageError,
    add_served_profiles,
    at_least,
    default_of,
    port,
    positive_number,
    served,
)
from threadspec.mock.config import MockConfig


def _default(name: str) -> object:
    return default_of(MockConfig, name)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default=_default("host"), help="address to bind; 0.0.0.0 for every interface"
    )
    parser.add_argument(
        "--port", type=port, default=_default("port"), help="port to bind; 0 for any free one"
    )
    parser.add_argument("--mode", choices=("stateful", "stateless"), default=_default("mode"),
                        help="keep what is created and follow the API's rules, or answer each request on its own")  # fmt: skip
    parser.add_argument("--db", metavar="PATH", help="SQLite file that keeps everything across restarts (default: memory)")  # fmt: skip
    parser.add_argument("--api-key", metavar="KEY", help="require `Authorization: Bearer KEY` (default: any key or none)")  # fmt: skip
    parser.add_argument(
        "--seed", type=int, metavar="N", help="reproducible ids and timestamps (default: random)"
    )
    parser.add_argument("--validate-responses", action="store_true",
                        help="check every response against the contract")  # fmt: skip
    parser.add_argument("--reply-file", metavar="PATH",
                        help="JSON file of scripted assistant replies (default: the assistant echoes the last user message)")  # fmt: skip
    parser.add_argument("--advance", choices=("instant", "per_poll"), default=_default("advance"),
                        help="runs settle at once, or move one status per retrieval")  # fmt: skip
    parser.add_argument("--max-body-bytes", type=at_least(1), metavar="N", default=_default("max_body_bytes"),
                        help="larger request bodies are refused 413")  # fmt: skip
    parser.add_argument("--run-expiry-seconds", type=at_least(1), metavar="SECONDS",
                        default=_default("run_expiry_seconds"), help="a run still active this long after it was created expires")  # fmt: skip
    parser.add_argument("--poll-after-ms", type=at_least(0), metavar="MS", default=_default("poll_after_ms"),
                        help="the openai-poll-after-ms header on run responses")  # fmt: skip
    parser.add_argument("--rate-limit", type=positive_number, metavar="PER_SECOND",
                        help="requests a second per client address; past it, 429 with Retry-After (default: no limit)")  # fmt: skip
    parser.add_argument("--strict-assistants", action="store_true",
                        help="answer an assistant id nobody created 404, as the API did (default: an implicit assistant)")  # fmt: skip
    parser.add_argument("--workers", type=at_least(1), metavar="N", default=_default("workers"),
                        help="processes answering on the port, stateless mode only")  # fmt: skip
    parser.add_argument("--quiet", action="store_true",
                        help="no per-request access log (about a quarter more throughput)")  # fmt: skip
    add_served_profiles(parser, "served")


def run(args: argparse.Namespace, _stdin: TextIO, _out: TextIO) -> int:
    from threadspec.mock import serve  # the server stack loads only when serving

    try:
        config = MockConfig(
            host=args.host, port=args.port, mode=args.mode, db=args.db, api_key=args.api_key, seed=args.seed,
            validate_responses=args.validate_responses, reply_file=args.reply_file, advance=args.advance,
            max_body_bytes=args.max_body_bytes, run_expiry_seconds=args.run_expiry_seconds,
            poll_after_ms=args.poll_after_ms, rate_limit_per_second=args.rate_limit,
            strict_assistants=args.strict_assistants, profiles=served(args), workers=args.workers,
        )  # fmt: skip
        serve(config, access_log=not args.quiet)
    except (ValueError, OSError) as exc:  # a bad reply file, database or address: say so, no traceback
        raise UsageError(str(exc)) from exc
    return EXIT_OK
