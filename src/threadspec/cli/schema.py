"""``threadspec schema NAME``: one component's self-contained JSON Schema."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from threadspec._contract import contract_for
from threadspec.cli._args import EXIT_OK, add_profile


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="a component name (`threadspec schemas` lists them)")
    add_profile(parser, "whose component is printed")


def run(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    print(json.dumps(contract_for(args.profile).schema(args.name), indent=2, ensure_ascii=False), file=out)
    return EXIT_OK
