"""``threadspec schemas``: the component names of a contract, one a line."""

from __future__ import annotations

import argparse
from typing import TextIO

from threadspec._contract import contract_for
from threadspec.cli._args import EXIT_OK, add_profile


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile(parser, "whose components are listed")


def run(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    for name in contract_for(args.profile).schema_names():
        print(name, file=out)
    return EXIT_OK
