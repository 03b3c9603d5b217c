"""``threadspec proxy``: the flags are :class:`~threadspec.proxy.ProxyConfig`'s fields, their defaults its own."""

from __future__ import annotations

import argparse
from typing import TextIO

from threadspec.cli._args import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    add_served_profiles,
    at_least,
    default_of,
    port,
    positive_number,
    served,
)
from threadspec.proxy.config import ProxyConfig


def _default(name: str) -> object:
    return default_of(ProxyConfig, name)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--upstream", required=True, metavar="URL",
                        help="the server's API root, e.g. http://staging:8000/v1")  # fmt: skip
    parser.add_argument(
        "--host", default=_default("host"), help="address to bind; 0.0.0.0 for every interface"
    )
    parser.add_argument(
        "--port", type=port, default=_default("port"), help="port to bind; 0 for any free one"
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--observe", dest="mode", action="store_const", const="observe",
                      help="forward requests that break the contract and report them")  # fmt: skip
    mode.add_argument("--enforce", dest="mode", action="store_const", const="enforce",
                      help="refuse requests that break the contract in the API's error envelope")  # fmt: skip
    parser.set_defaults(mode=_default("mode"))
    parser.add_argument("--log", metavar="PATH", help="append one JSON line per violation to this file")
    parser.add_argument("--timeout", type=positive_number, metavar="SECONDS", default=_default("timeout_seconds"),
                        help="wait this long for the upstream to connect and for each part of its answer (then 502)")  # fmt: skip
    parser.add_argument("--max-body-bytes", type=at_least(1), metavar="N", default=_default("max_body_bytes"),
                        help="request bodies are checked up to this size")  # fmt: skip
    parser.add_argument("--max-checked-response-bytes", type=at_least(1), metavar="N",
                        default=_default("max_checked_response_bytes"),
                        help="JSON responses are checked up to this size; they pass through either way")  # fmt: skip
    parser.add_argument(
        "--quiet", action="store_true", help="no access log and no line per violation on stderr"
    )
    add_served_profiles(parser, "the traffic is held to")


def run(args: argparse.Namespace, _stdin: TextIO, _out: TextIO) -> int:
    from threadspec.proxy import serve  # the server stack loads only when serving

    try:
        config = ProxyConfig(
            upstream=args.upstream, host=args.host, port=args.port, mode=args.mode, log=args.log,
            timeout_seconds=args.timeout, max_body_bytes=args.max_body_bytes,
            max_checked_response_bytes=args.max_checked_response_bytes, profiles=served(args),
        )  # fmt: skip
        app = serve(config, access_log=not args.quiet, quiet=args.quiet)
    except (ValueError, OSError) as exc:  # a bad upstream URL, an unwritable log, a taken port
        raise UsageError(str(exc)) from exc
    return EXIT_INVALID if app.recorder.violations else EXIT_OK
