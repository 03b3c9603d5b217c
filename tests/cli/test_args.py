"""What every command shares: the argument types, the one wording of an unknown choice, and defaults read
from the config dataclasses."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

import pytest

from threadspec.cli._args import at_least, choice_error, default_of, names, port, positive_number, status_code
from threadspec.mock import MockConfig
from threadspec.proxy import ProxyConfig


@pytest.mark.parametrize(
    ("parse", "text", "value"),
    [
        (status_code, "200", "200"),
        (status_code, "100", "100"),
        (status_code, "599", "599"),
        (at_least(1), "1", 1),
        (at_least(0), "0", 0),
        (port, "0", 0),
        (port, "65535", 65535),
        (positive_number, "0.5", 0.5),
        (positive_number, "600", 600.0),
        (names(), " a, b ,,c", ("a", "b", "c")),
        (names(lambda: ("v1", "v2")), "v2,v1", ("v2", "v1")),
    ],
)
def test_types_read_what_they_accept(parse: Callable[[str], Any], text: str, value: Any) -> None:
    assert parse(text) == value


@pytest.mark.parametrize(
    ("parse", "text", "said"),
    [
        (status_code, "abc", "expected an HTTP status code such as 200, not 'abc'"),
        (status_code, "099", "expected an HTTP status code such as 200, not '099'"),
        (status_code, "600", "expected an HTTP status code such as 200, not '600'"),
        (status_code, "2xx", "expected an HTTP status code such as 200, not '2xx'"),
        (status_code, " 200", "expected an HTTP status code such as 200, not ' 200'"),
        (at_least(1), "0", "must be at least 1, not 0"),
        (at_least(1), "1.5", "expected a whole number, not '1.5'"),
        (port, "65536", "must be a port from 0 to 65535, not 65536"),
        (port, "-3", "must be a port from 0 to 65535, not -3"),
        (port, "http", "expected a whole number, not 'http'"),
        (positive_number, "0", "must be a number above 0, not 0"),
        (positive_number, "-1", "must be a number above 0, not -1"),
        (positive_number, "inf", "must be a number above 0, not inf"),
        (positive_number, "nan", "must be a number above 0, not nan"),
        (positive_number, "fast", "expected a number, not 'fast'"),
        (names(), " , ", "expected one or more comma-separated names, not ' , '"),
        (names(lambda: ("positive", "negative"), "check"), "positive,negatve",
         "unknown check 'negatve': did you mean 'negative'? (choose from positive, negative)"),
        (names(lambda: ("v1", "v2")), "v9", "unknown choice 'v9' (choose from v1, v2)"),
    ],
)  # fmt: skip
def test_types_refuse_the_rest_saying_why(parse: Callable[[str], Any], text: str, said: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        parse(text)
    assert str(refused.value) == said


@pytest.mark.parametrize(
    ("value", "choices", "kind", "said"),
    [
        ("statefull", ("stateful", "stateless"), "choice",
         "unknown choice 'statefull': did you mean 'stateful' or 'stateless'? (choose from stateful, stateless)"),
        ("JSON", ("text", "json"), "choice", "unknown choice 'JSON': did you mean 'json'? (choose from text, json)"),
        ("zzz", ("text", "json"), "command", "unknown command 'zzz' (choose from text, json)"),
    ],
)  # fmt: skip
def test_one_wording_for_an_unknown_choice(
    value: str, choices: tuple[str, ...], kind: str, said: str
) -> None:
    assert choice_error(value, choices, kind) == said


@pytest.mark.parametrize(
    ("config", "name", "default"),
    [(MockConfig, "port", MockConfig().port), (ProxyConfig, "mode", ProxyConfig(upstream="http://x").mode)],
)
def test_defaults_come_from_the_config_fields(config: type[Any], name: str, default: Any) -> None:
    assert default_of(config, name) == default


@pytest.mark.parametrize(("config", "name"), [(ProxyConfig, "upstream"), (MockConfig, "no_such_field")])
def test_a_field_without_a_default_is_a_wiring_slip(config: type[Any], name: str) -> None:
    with pytest.raises(LookupError, match=f"^{config.__name__}.{name} has no default$"):
        default_of(config, name)
