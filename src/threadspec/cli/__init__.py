# PYTHON_ARGCOMPLETE_OK  (argcomplete finds this marker to complete the `threadspec` script)
"""The ``threadspec`` command: validate payloads, list and print what the contract has, serve the mock,
proxy a server, run contract tests, diff two contracts.

Exit codes: 0 all valid / all checks passed, 1 something invalid or failing, 2 usage error or
unreadable input.

Each command is one row of :data:`COMMANDS` and the module of this package of the same name, with
``add_arguments`` (its flags) and ``run`` (what it does). A command's module, and what it needs, is
imported only when that command is named (:func:`_load`), so ``threadspec validate`` never loads the
server stack or hypothesis.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any, TextIO

from threadspec._extras import require
from threadspec.cli._args import EXIT_INVALID, EXIT_OK, EXIT_USAGE, Parser, UsageError
from threadspec.errors import MissingExtraError, SpecLookupError

__all__ = [
    "COMMANDS",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "build_parser",
    "command_parser",
    "main",
]

DESCRIPTION = (
    "Hold payloads and servers to the OpenAI Assistants API contract: validate payloads, list what the "
    "contract has, serve a mock, proxy a server, run contract tests, diff two contracts."
)
EPILOG = (
    "exit codes: 0 all valid or passed, 1 something invalid or failing, 2 usage error or unreadable input"
)

Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


@dataclass(frozen=True, slots=True)
class Command:
    """One command: its one-line help, what its ``--help`` opens with, and the extra it needs beyond the
    core install; its module has its name."""

    help: str
    description: str | None = None
    extra: str | None = None


COMMANDS: dict[str, Command] = {
    "validate": Command("validate JSON or JSONL payloads against a schema or operation"),
    "schemas": Command("list the component schema names"),
    "schema": Command("print one component's JSON Schema"),
    "operations": Command("list the operations: id, method, path and what each does"),
    "mock": Command("serve the mock Assistants API (stateful by default)", extra="mock"),
    "proxy": Command(
        "check the traffic to a real server against the contract",
        "Forward every request to --upstream, check requests and responses (streams included) against the "
        "contract, log each violation, print a summary on exit. Exit 1 when anything broke it.",
        extra="proxy",
    ),
    "contract": Command(
        "check a server against the contract (positive, negative, workflows, streams)", extra="contract"
    ),
    "diff": Command(
        "what changed between two contracts, and whom it breaks",
        "Compare two contracts, each a bundled profile (v1, v2) or an OpenAPI 3.1 file, and list every change "
        "as breaking for clients, breaking for servers / response consumers, or compatible.",
    ),
}


def _load(name: str) -> tuple[Callable[[argparse.ArgumentParser], None], Handler]:
    """The one place a command's module is imported (its flags, what it does): for ``--help``, for a run,
    for tab completion alike; a command whose extra is missing says so here, before its imports fail."""
    extra = COMMANDS[name].extra
    if extra is not None:
        require(extra, f"threadspec {name}")
    module = import_module(f"threadspec.cli.{name}")
    adder: Callable[[argparse.ArgumentParser], None] = module.add_arguments
    handler: Handler = module.run
    return adder, handler


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands whose flags are added when the command is named, not before."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:  # fmt: skip
        name = values[0]
        if name in self._name_parser_map:
            _fill(self._name_parser_map[name], name)
        super().__call__(parser, namespace, values, option_string)


def _fill(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """Give a command's parser its flags and its handler, once."""
    if parser.get_default("handler") is None:
        add_arguments, handler = _load(name)
        add_arguments(parser)
        parser.set_defaults(handler=handler)
    return parser


def _version() -> str:
    try:
        return f"threadspec {version('threadspec')}"
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "threadspec (not installed: no package metadata)"


def build_parser() -> argparse.ArgumentParser:
    """The command line; each command's flags arrive when it is parsed (:func:`command_parser` fills one)."""
    parser = Parser(prog="threadspec", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=_version(), help="print the version and exit")
    parser.register("action", "parsers", _Commands)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        about = command.description or f"{command.help[0].upper()}{command.help[1:]}."
        sub.add_parser(name, help=command.help, description=about)
    return parser


def _filled(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """``parser``'s command ``name``, with its flags."""
    commands = next(action for action in parser._actions if isinstance(action, _Commands))
    return _fill(commands.choices[name], name)


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one command with its flags (what ``threadspec NAME --help`` prints)."""
    return _filled(build_parser(), name)


def _complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's tab completion when it asks and argcomplete (the ``completion`` extra) is there;
    when completing, argcomplete prints the candidates and exits."""
    if "_ARGCOMPLETE" not in os.environ:
        return
    try:
        import argcomplete
    except ImportError:
        return
    named = [word for word in os.environ.get("COMP_LINE", "").split()[1:] if word in COMMANDS]
    if named:  # argcomplete reads the flags before parsing: give the command named its own first
        with suppress(MissingExtraError):  # nothing to offer for a command that cannot run here
            _filled(parser, named[0])
    argcomplete.autocomplete(parser)


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    parser = build_parser()
    _complete(parser)
    try:
        args = parser.parse_args(argv)  # a command's flags load here, so a missing extra can show here too
    except SystemExit as exc:  # argparse already printed the usage, the help or the version
        return EXIT_USAGE if exc.code else EXIT_OK
    except MissingExtraError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    try:
        code: int = args.handler(args, stdin or sys.stdin, stdout or sys.stdout)
    except MissingExtraError as exc:  # it cannot run in this install, as for bad arguments: one sentence
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except (UsageError, SpecLookupError) as exc:
        print(f"threadspec: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader (say `| head`) has gone: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return code
