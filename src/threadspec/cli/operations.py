"""``threadspec operations``: each operation's id, method, path and the spec's one line on it."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from threadspec._contract import contract_for
from threadspec.cli._args import EXIT_OK, add_profile

FIELDS = ("operation_id", "method", "path", "summary")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile(parser, "whose operations are listed")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="aligned columns, or one JSON array of objects")  # fmt: skip


def run(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    operations = contract_for(args.profile).operations().values()
    rows = [tuple(getattr(op, field) for field in FIELDS) for op in operations]
    if args.format == "json":
        print(json.dumps([dict(zip(FIELDS, row, strict=True)) for row in rows], indent=2), file=out)
        return EXIT_OK
    widths = [max(len(row[column]) for row in rows) for column in range(len(FIELDS) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip(), file=out)
    return EXIT_OK
