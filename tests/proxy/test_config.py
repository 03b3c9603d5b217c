"""Proxy settings: what is refused up front, and the URLs the proxy serves and forwards to."""

from __future__ import annotations

import pytest

from threadspec.cli import main
from threadspec.proxy import ProxyConfig
from threadspec.proxy.forward import upstream_url


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"upstream": "ftp://x/v1"},
            "the upstream must be an http:// or https:// URL with a host, not 'ftp://x/v1'",
        ),
        ({"upstream": "http:///v1"}, "the upstream must be an http:// or https:// URL with a host"),
        ({"upstream": "http://x/v1?a=1"}, "the upstream is an API root and takes no query or fragment"),
        ({"upstream": "http://x/v1", "mode": "block"}, "mode must be 'observe' or 'enforce', not 'block'"),
        ({"upstream": "http://x/v1", "port": 70000}, "port must be between 0 and 65535, not 70000"),
        (
            {"upstream": "http://x/v1", "timeout_seconds": 0},
            "timeout_seconds must be a positive number, not 0",
        ),
        (
            {"upstream": "http://x/v1", "max_body_bytes": 0},
            "max_body_bytes and max_checked_response_bytes must be positive",
        ),
    ],
)
def test_unusable_settings_are_refused(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("?", r"\?")):
        ProxyConfig(**options)  # type: ignore[arg-type]


def test_the_command_refuses_them_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["proxy", "--upstream", "localhost:8000"]) == 2
    assert (
        "threadspec: the upstream must be an http:// or https:// URL with a host" in capsys.readouterr().err
    )
    assert main(["proxy", "--upstream", "http://x/v1", "--observe", "--enforce"]) == 2


@pytest.mark.parametrize(
    ("upstream", "tail", "query", "expected"),
    [
        ("http://up:8000/v1", "/threads", b"", "http://up:8000/v1/threads"),
        (
            "http://up:8000/v1/",
            "/threads/thread_a%2Fb",
            b"limit=2&after=msg_%2F",
            "http://up:8000/v1/threads/thread_a%2Fb?limit=2&after=msg_%2F",
        ),
        ("https://gateway/openai/v1", "/threads", b"", "https://gateway/openai/v1/threads"),
    ],
)
def test_a_request_goes_to_the_upstreams_api_root_encoded_as_sent(
    upstream: str, tail: str, query: bytes, expected: str
) -> None:
    assert str(upstream_url(upstream, tail, query)) == expected


def test_the_base_url_clients_use() -> None:
    assert ProxyConfig(upstream="http://x/v1", port=4321).base_url == "http://127.0.0.1:4321/v1"
    assert ProxyConfig(upstream="http://x/v1", host="::1", port=1).base_url == "http://[::1]:1/v1"
