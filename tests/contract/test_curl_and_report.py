"""Reproductions as curl commands, exit codes, and the reports' edge cases."""

from __future__ import annotations

import json
import shlex
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import pytest

from tests.contract import broken
from tests.contract.conftest import config_for
from threadspec.contract import ContractReport, Severity, run
from threadspec.contract.curl import render
from threadspec.contract.exchange import Exchange, Received, SentRequest, capped
from threadspec.contract.export import junit_xml
from threadspec.contract.findings import Problem
from threadspec.contract.report import CheckResult, Outcome


def _words(command: str) -> list[str]:
    return shlex.split(command.replace("\\\n", " "))


def test_curl_quotes_the_body_and_keeps_the_key_a_variable() -> None:
    body = json.dumps({"content": 'it\'s "quoted" $HOME `x`', "metadata": {"k": "é"}}).encode()
    request = SentRequest(
        "POST",
        "http://api.test/v1/threads/thread_1/messages?limit=1&order=asc",
        (("OpenAI-Beta", "assistants=v2"), ("Content-Type", "application/json")),
        body,
    )
    command = render(request, "MY_KEY")
    assert '-H "Authorization: Bearer $MY_KEY"' in command
    words = _words(command)
    assert words[:5] == [
        "curl",
        "-sS",
        "-X",
        "POST",
        "http://api.test/v1/threads/thread_1/messages?limit=1&order=asc",
    ]
    assert words[words.index("--data-raw") + 1].encode() == body
    assert "OpenAI-Beta: assistants=v2" in words


def test_curl_for_a_get_has_no_method_or_body() -> None:
    words = _words(render(SentRequest("GET", "http://api.test/v1/threads/thread_1")))
    assert words == [
        "curl",
        "-sS",
        "http://api.test/v1/threads/thread_1",
        "-H",
        "Authorization: Bearer $OPENAI_API_KEY",
    ]


def test_curl_names_no_key_when_none_was_sent() -> None:
    words = _words(render(SentRequest("GET", "http://api.test/v1/threads/thread_1"), key_sent=False))
    assert words == ["curl", "-sS", "http://api.test/v1/threads/thread_1"]


def test_a_huge_body_is_cut_and_says_how_big_it_was() -> None:
    text = json.dumps({"content": "x" * 300_000})
    command = render(SentRequest("POST", "http://api.test/v1/threads", (), text.encode()))
    assert len(command) < 5_000
    assert command.endswith(f"# body cut at 4096 of {len(text)} characters")
    assert capped(text) == {"body": text[:4096] + "…", "body_characters": len(text), "truncated": True}
    assert capped("{}") == {"body": "{}"}


def test_a_run_without_a_key_shows_no_authorization(
    mock_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from threadspec.mock import MockConfig, create_app

    monkeypatch.delenv("THREADSPEC_CONTRACT_TEST_KEY")
    app = broken.Broken(create_app(MockConfig()), before=broken.accepts_too_many_metadata_keys)
    report = run(config_for(app, operations=("modifyThread",), checks=("negative",)))
    assert report.key_sent is False
    text = json.dumps(report.to_dict())
    assert report.findings and "Authorization" not in text


def _result(outcome: Outcome, *problems: Problem) -> CheckResult:
    return CheckResult("a", "positive", outcome, "", problems)


@pytest.mark.parametrize(
    ("results", "fail_on", "code"),
    [
        ((_result(Outcome.PASSED), _result(Outcome.SKIPPED)), Severity.ERROR, 0),
        ((), Severity.ERROR, 1),  # nothing ran: nothing was shown to pass
        ((_result(Outcome.ERROR),), Severity.ERROR, 1),
        ((_result(Outcome.FAILED, Problem("k", Severity.WARNING, "t")),), Severity.ERROR, 0),
        ((_result(Outcome.FAILED, Problem("k", Severity.WARNING, "t")),), Severity.WARNING, 1),
        ((_result(Outcome.FAILED, Problem("k", Severity.STRICT, "t")),), Severity.WARNING, 0),
        ((_result(Outcome.FAILED, Problem("k", Severity.STRICT, "t")),), Severity.STRICT, 1),
    ],
)
def test_the_exit_code_follows_fail_on(
    results: tuple[CheckResult, ...], fail_on: Severity, code: int
) -> None:
    assert ContractReport.build(base_url="u", seed=1, results=results, fail_on=fail_on).exit_code == code


def test_interrupted_and_unusable_runs_have_their_own_exit_codes() -> None:
    assert ContractReport.build(base_url="u", seed=1, results=(), interrupted=True).exit_code == 130
    assert ContractReport.build(base_url="u", seed=1, results=(), unusable="no").exit_code == 2


def test_junit_survives_control_characters() -> None:
    exchange = Exchange(
        "modifyThread",
        SentRequest("POST", "http://api.test/v1/threads/thread_1", (), b'{"metadata": {"a": "\x01"}}'),
        Received(200, "application/json", '{"id": "thread_1"}'),
    )
    problem = Problem(
        "accepted:type|Metadata.*", Severity.ERROR, "accepted metadata value \x01", "", exchange
    )
    results = (
        CheckResult("modifyThread", "negative", Outcome.FAILED, "1 of 20", (problem,), 20),
        CheckResult("pagination", "workflow", Outcome.SKIPPED, "stateless server"),
        CheckResult("getRun", "positive", Outcome.ERROR, "time budget ran out"),
    )
    report = ContractReport.build(base_url="http://api.test/v1", seed=42, results=results)
    suite = ET.fromstring(junit_xml(report).split("?>", 1)[1])
    assert [c.get("name") for c in suite.iter("testcase")] == [
        f"{report.findings[0].id} accepted metadata value \ufffd",
        "negative",
        "workflow",
        "positive",
    ]
    assert suite.find("testcase/skipped") is not None and suite.find("testcase/error") is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "2", "1")
