"""What every command shares: exit codes, the parser (defaults in every help, did-you-mean for every
choice) and the argument types that read a flag's text."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from threadspec._contract import DEFAULT_PROFILE, profiles
from threadspec._suggest import unknown_name

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or unreadable input: exit 2."""


class HelpFormatter(argparse.HelpFormatter):
    """Each option's help ends with its default, unless it has none to show (``None``, ``False``): what
    an option without a default does is said in its own help. Of flags that set one value
    (``--observe``/``--enforce``), the one that sets the default says so."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        if isinstance(action, argparse._StoreConstAction):  # one of several flags setting one value
            return text + " (the default)" if action.const == action.default else text
        shown = action.default not in (None, False, argparse.SUPPRESS)
        if shown and "%(default)" not in text and (action.option_strings or action.nargs in ("?", "*")):
            text += " (default: %(default)s)"
        return text


def choice_error(value: str, choices: Iterable[str], kind: str = "choice") -> str:
    """``unknown choice 'statefull': did you mean 'stateful'? (choose from stateful, stateless)``."""
    known = [str(choice) for choice in choices]
    return unknown_name(kind, value, known, f"choose from {', '.join(known)}")


class Parser(argparse.ArgumentParser):
    """argparse, with every choice refused in one wording that suggests the closest ones."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is not None and value not in choices:
            kind = "command" if isinstance(action, argparse._SubParsersAction) else "choice"
            raise argparse.ArgumentError(action, choice_error(str(value), choices, kind))


def default_of(config: type[Any], name: str) -> Any:
    """A field's default in a config dataclass: each flag's default is written once, on its field."""
    found = {field.name: field.default for field in dataclasses.fields(config)}
    if name not in found or found[name] is dataclasses.MISSING:
        raise LookupError(f"{config.__name__}.{name} has no default")  # a wiring slip, caught by the tests
    return found[name]


# ------------------------------------------------------------------------------------ types
def names(
    known: Callable[[], Iterable[str]] | None = None, kind: str = "choice"
) -> Callable[[str], tuple[str, ...]]:
    """A comma-separated list; with ``known``, each name must be one of them (an unknown one is a ``kind``)."""

    def parse(text: str) -> tuple[str, ...]:
        chosen = tuple(part.strip() for part in text.split(",") if part.strip())
        if not chosen:
            raise argparse.ArgumentTypeError(f"expected one or more comma-separated names, not {text!r}")
        if known is not None:
            options = list(known())
            for name in chosen:
                if name not in options:
                    raise argparse.ArgumentTypeError(choice_error(name, options, kind))
        return chosen

    return parse


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None


def at_least(low: int) -> Callable[[str], int]:
    """A whole number no smaller than ``low``."""

    def parse(text: str) -> int:
        value = _whole(text)
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {value}")
        return value

    return parse


def port(text: str) -> int:
    """A TCP port, 0 (any free one) to 65535."""
    value = _whole(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port from 0 to 65535, not {value}")
    return value


def positive_number(text: str) -> float:
    """A finite number above 0 (a rate, a time)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
    if not 0 < value < float("inf"):  # also refuses nan, which compares false both ways
        raise argparse.ArgumentTypeError(f"must be a number above 0, not {text}")
    return value


def status_code(text: str) -> str:
    """An HTTP status code, 100 to 599."""
    if not (text.isdigit() and len(text) == 3 and "100" <= text <= "599"):
        raise argparse.ArgumentTypeError(f"expected an HTTP status code such as 200, not {text!r}")
    return text


# ------------------------------------------------------------------------------------ profiles
def add_profile(parser: argparse.ArgumentParser, what: str) -> None:
    """``--profile NAME``: the one API version ``what``."""
    parser.add_argument(
        "--profile", choices=profiles(), default=DEFAULT_PROFILE, help=f"the API version {what}"
    )


def add_served_profiles(parser: argparse.ArgumentParser, what: str) -> None:
    """``--profile NAMES``: the API versions a server answers in, each request's header choosing one."""
    parser.add_argument(
        "--profile",
        dest="profiles",
        type=names(profiles),
        action="extend",
        metavar="PROFILES",
        help=f"the API versions {what}; each request's OpenAI-Beta header chooses one: comma-separated "
        f"or repeated (default: all of {', '.join(profiles())})",
    )


def served(args: argparse.Namespace) -> tuple[str, ...] | None:
    return tuple(args.profiles) if args.profiles else None
