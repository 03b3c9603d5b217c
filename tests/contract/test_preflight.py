"""Before any check: an unusable server is one message and exit code 2; state is decided by ids."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.contract import broken
from tests.contract.conftest import KEY_ENV, config_for
from threadspec.contract import console, run


def _refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno 111] Connection refused")


def test_an_unreachable_server_is_one_message_and_exit_2() -> None:
    report = run(config_for(None, transport=httpx.MockTransport(_refused)))
    assert report.exit_code == 2
    assert report.results == ()
    assert report.unusable == (
        "cannot reach the server at http://mock.test/v1 (ConnectError: [Errno 111] Connection refused); "
        "is it running, and is --base-url its API root?"
    )
    out = io.StringIO()
    console.render(report, out)
    assert out.getvalue().splitlines()[1] == f"cannot run: {report.unusable}"


def test_a_refused_key_is_one_message_and_exit_2(mock_app: Callable[..., Any]) -> None:
    report = run(config_for(broken.Broken(mock_app(), after=broken.every_request_401)))
    assert report.exit_code == 2
    assert report.unusable == (
        f'the server refused the key in ${KEY_ENV} with 401 on every request, saying "Invalid authentication"'
    )


def test_no_key_at_all_says_which_variable_to_set(
    mock_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV)
    report = run(config_for(mock_app()))  # the mock wants a key
    assert report.exit_code == 2
    assert report.unusable == (
        # the mock's words, cut to a title's length
        "the server refused every request with 401, saying \"You didn't provide an API key. You need to provide "
        'your API key in an Authoriza…"; '
        f"no key was sent: set ${KEY_ENV} (or name another variable with --api-key-env)"
    )


def test_every_route_404_hints_at_the_api_root(mock_app: Callable[..., Any]) -> None:
    report = run(config_for(broken.Broken(mock_app(), after=broken.every_route_404)))
    assert report.exit_code == 2
    assert report.unusable == (
        "the server answers 404 on every route under http://mock.test/v1: "
        "is the API root http://mock.test, or another path?"
    )


def test_a_server_mounted_at_the_root_is_pointed_to(mock_app: Callable[..., Any]) -> None:
    def only_at_the_root(seen: broken.Seen) -> None:
        if seen.path.startswith("/v1/"):
            seen.status, seen.response, seen.content_type = 404, b"Not Found", "text/plain"

    report = run(config_for(broken.Broken(mock_app(), after=only_at_the_root)))
    assert report.unusable == (
        "the server answers 404 on every route under http://mock.test/v1: "
        "the API answers at http://mock.test: use --base-url http://mock.test"
    )


def test_a_base_url_without_v1_is_taken_as_given_and_the_hint_names_the_right_one(
    mock_app: Callable[..., Any],
) -> None:
    app = broken.Broken(mock_app(), after=broken.only_under_v1)
    report = run(config_for(app, base_url="http://mock.test"))
    assert report.exit_code == 2
    assert report.unusable == (
        "the server answers 404 on every route under http://mock.test: "
        "the API answers at http://mock.test/v1: use --base-url http://mock.test/v1"
    )
    assert {s.path for s in app.seen} == {
        "/threads",
        "/threads/runs",
        "/v1/threads",
        "/v1/threads/" + _made(app),
    }


def _made(app: broken.Broken) -> str:
    """The thread the /v1 probe made (and deleted)."""
    created = next(s for s in app.seen if s.path == "/v1/threads" and s.status == 200)
    return str(created.response_json()["id"])


def test_one_missing_route_is_not_every_route(mock_app: Callable[..., Any]) -> None:
    def no_thread_creation(seen: broken.Seen) -> None:
        if seen.method == "POST" and seen.path == "/v1/threads":
            seen.status, seen.response = 404, b'{"detail": "Not Found"}'

    report = run(config_for(broken.Broken(mock_app(), after=no_thread_creation), operations=("getThread",),
                            checks=("positive",)))  # fmt: skip
    assert report.unusable is None
    assert [f.key for f in report.findings] == ["status:createThread:404"]
    assert report.stateful is True  # could not tell: the workflows will show


def test_a_redirect_is_one_message_naming_where_to(mock_app: Callable[..., Any]) -> None:
    def moved(seen: broken.Seen) -> None:
        seen.status, seen.response = 308, b""
        seen.extra_headers.append(("location", "https://mock.test/v1" + seen.path.removeprefix("/v1")))

    report = run(config_for(broken.Broken(mock_app(), after=moved)))
    assert report.exit_code == 2
    assert report.unusable == (
        "the server redirects requests under http://mock.test/v1 with 308; use the URL it names as "
        "--base-url (it sends https://mock.test/v1/threads)"
    )


def test_a_server_that_refuses_ids_of_a_form_it_never_makes_still_keeps_state(
    mock_app: Callable[..., Any],
) -> None:
    """A 400 for a thread id it never handed out is as good as a 404: the server keeps state."""

    def strict_ids(seen: broken.Seen) -> None:
        if "threadspec" in seen.path:
            seen.status = 400

    report = run(
        config_for(
            broken.Broken(mock_app(), after=strict_ids), operations=("getThread",), checks=("positive",)
        )
    )
    assert report.stateful is True
