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
