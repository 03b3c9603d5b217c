"""``threadspec proxy``: flags onto ``ProxyConfig`` (its defaults, written once)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cli.conftest import last_line, run

UPSTREAM = "http://127.0.0.1:9/v1"


class _App:
    class recorder:
        violations = 0


def _served(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    from threadspec import proxy

    seen: list[Any] = []
    monkeypatch.setattr(
        proxy, "serve", lambda config, access_log=True, quiet=False: seen.append(config) or _App()
    )
    return seen


def test_without_flags_the_proxy_is_the_library_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """The flags' defaults are ProxyConfig's own fields: one place says them."""
    from threadspec.proxy import ProxyConfig

    seen = _served(monkeypatch)
    assert run(["proxy", "--upstream", UPSTREAM]) == (0, "")
    assert seen == [ProxyConfig(upstream=UPSTREAM)]


def test_the_flags_map_onto_the_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from threadspec.proxy import ProxyConfig

    seen = _served(monkeypatch)
    argv = ["proxy", "--upstream", UPSTREAM, "--host", "::1", "--port", "0", "--enforce", "--log",
            str(tmp_path / "v.jsonl"), "--timeout", "2.5", "--max-body-bytes", "10", "--max-checked-response-bytes",
            "20", "--profile", "v1", "--quiet"]  # fmt: skip
    assert run(argv) == (0, "")
    assert seen == [
        ProxyConfig(upstream=UPSTREAM, host="::1", port=0, mode="enforce", log=str(tmp_path / "v.jsonl"),
                    timeout_seconds=2.5, max_body_bytes=10, max_checked_response_bytes=20, profiles=("v1",))
    ]  # fmt: skip


def test_observe_and_enforce_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["proxy", "--upstream", UPSTREAM, "--observe", "--enforce"]) == (2, "")
    assert last_line(capsys.readouterr().err) == (
        "threadspec proxy: error: argument --enforce: not allowed with argument --observe"
    )


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (
            ["--timeout", "-1"],
            "threadspec proxy: error: argument --timeout: must be a number above 0, not -1",
        ),
        (
            ["--port", "-3"],
            "threadspec proxy: error: argument --port: must be a port from 0 to 65535, not -3",
        ),
    ],
)
def test_a_bad_flag_is_named_as_typed(
    flags: list[str], said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not by the config field behind it: the user typed the flag."""
    seen = _served(monkeypatch)
    assert run(["proxy", "--upstream", UPSTREAM, *flags]) == (2, "")
    assert last_line(capsys.readouterr().err) == said
    assert seen == []
