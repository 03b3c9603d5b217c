"""MockConfig's checks and derived values."""

from __future__ import annotations

from typing import Any

import pytest

from threadspec.mock import MockConfig


@pytest.mark.parametrize(
    "fields",
    [
        {"mode": "both"},
        {"advance": "sometimes"},
        {"port": 70000},
        {"max_body_bytes": 0},
        {"run_expiry_seconds": 0},
    ],
)
def test_bad_fields_are_refused(fields: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=next(iter(fields))):
        MockConfig(**fields)


def test_defaults_and_urls() -> None:
    config = MockConfig()
    assert (config.host, config.port, config.mode, config.advance, config.db) == (
        "127.0.0.1",
        4010,
        "stateful",
        "instant",
        None,
    )
    assert config.base_url == "http://127.0.0.1:4010/v1"
    assert MockConfig(host="::1", port=5).base_url == "http://[::1]:5/v1"


@pytest.mark.parametrize(
    ("fields", "flag"),
    [
        ({"db": "m.sqlite"}, "--db"),
        ({"advance": "per_poll"}, "--advance per_poll"),
        ({"strict_assistants": True}, "--strict-assistants"),
    ],
)
def test_stateless_mode_refuses_what_only_a_stateful_mock_can_use(fields: dict[str, Any], flag: str) -> None:
    with pytest.raises(ValueError, match=f"^{flag} .* cannot apply with --mode stateless: "):
        MockConfig(mode="stateless", **fields)
    MockConfig(mode="stateful", **fields)


def test_stateless_mode_takes_what_it_can_use() -> None:
    config = MockConfig(mode="stateless", reply_file="r.json", seed=1, advance="instant", api_key="k")
    assert (config.reply_file, config.seed) == ("r.json", 1)


@pytest.mark.parametrize(
    ("fields", "sentence"),
    [
        ({"workers": 0}, "workers must be at least 1, not 0"),
        ({"workers": 2}, "--workers 2 needs --mode stateless: a stateful mock keeps its objects in one process."),
        ({"workers": 2, "mode": "stateless", "seed": 1}, "--seed (seed) cannot apply with --workers 2: each worker "
         "would draw the same ids, and which worker answers is the system's choice."),
        ({"workers": 3, "mode": "stateless", "rate_limit_per_second": 5.0}, "--rate-limit (rate_limit_per_second) "
         "cannot apply with --workers 3: each worker would count a client's requests on its own."),
    ],
)  # fmt: skip
def test_workers_are_refused_where_one_process_holds_the_state(fields: dict[str, Any], sentence: str) -> None:
    with pytest.raises(ValueError, match="workers") as caught:
        MockConfig(**fields)
    assert str(caught.value) == sentence


def test_several_workers_serve_a_stateless_mock() -> None:
    assert MockConfig(mode="stateless", workers=4, api_key="k").workers == 4
    assert MockConfig(seed=1, rate_limit_per_second=5.0).workers == 1  # one process keeps both
