"""``threadspec diff OLD NEW``: what changed between two contracts, and whom it breaks."""

from __future__ import annotations

import argparse
from typing import TextIO

from threadspec import diff
from threadspec.cli._args import EXIT_INVALID, EXIT_OK, UsageError
from threadspec.errors import InvalidSpecError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="a profile name or a spec file (./v1 for a file named v1)")
    parser.add_argument("new", metavar="NEW", help="a profile name or a spec file")
    parser.add_argument("--format", choices=tuple(diff.render.RENDERERS), default="text",
                        help="how the changes are printed")  # fmt: skip
    parser.add_argument("--fail-on", choices=tuple(diff.FAIL_ON), default="never",
                        help="exit 1 when a change of this kind is found (breaking: either side)")  # fmt: skip


def run(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    try:
        found = diff.compare(diff.load(args.old), diff.load(args.new))
    except InvalidSpecError as exc:  # a missing file, not OpenAPI 3.1, or what threadspec cannot read
        raise UsageError(str(exc)) from exc
    out.write(diff.render.RENDERERS[args.format](found))
    return EXIT_INVALID if found.fails(args.fail_on) else EXIT_OK
