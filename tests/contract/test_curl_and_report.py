"""Failures as curl commands, the table, and the JUnit XML and JSON files for CI."""

from __future__ import annotations

import json
import shlex
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.contract import broken
from tests.contract.conftest import config_for
from threadspec.contract import run
from threadspec.contract.curl import render
from threadspec.contract.exchange import Exchange, Received, SentRequest
from threadspec.contract.report import CheckResult, ContractReport, Failure, Outcome


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


def _report() -> ContractReport:
    exchange = Exchange(
        "modifyThread",
        SentRequest("POST", "http://api.test/v1/threads/thread_1", (), b'{"metadata": {"a": "\x01"}}'),
        Received(200, "application/json", '{"id": "thread_1"}'),
    )
    results = (
        CheckResult("modifyThread", "positive", Outcome.PASSED, "3 valid requests accepted", cases=3),
        CheckResult(
            "modifyThread",
            "negative",
            Outcome.FAILED,
            "1 of 20 cases",
            (Failure("body metadata:maxProperties", "invalid request accepted: HTTP 200", exchange),),
            20,
        ),
        CheckResult("pagination", "workflow", Outcome.SKIPPED, "stateless server"),
        CheckResult("getRun", "positive", Outcome.ERROR, "time budget ran out"),
    )
    return ContractReport("http://api.test/v1", 42, results, 1.5, "MY_KEY", True)


def test_the_table_lists_every_check_and_each_failure_with_its_curl() -> None:
    report = _report()
    text = report.render()
    lines = text.splitlines()
    assert lines[0].split() == ["target", "check", "result", "cases", "detail"]
    assert lines[2].split()[:4] == ["modifyThread", "positive", "pass", "3"]
    assert "=== modifyThread::negative: fail" in text
    assert "[body metadata:maxProperties] invalid request accepted: HTTP 200" in text
    assert '-H "Authorization: Bearer $MY_KEY"' in text
    assert "response: HTTP 200 application/json" in text
    assert text.endswith("4 checks: 1 pass, 1 fail, 1 skipped, 1 error in 1.5s (seed 42)")
    assert report.exit_code == 1


def test_exit_code_is_zero_only_without_failures_or_errors() -> None:
    passed = CheckResult("a", "positive", Outcome.PASSED)
    skipped = CheckResult("b", "workflow", Outcome.SKIPPED)
    assert ContractReport("u", 1, (passed, skipped)).exit_code == 0
    assert ContractReport("u", 1, ()).exit_code == 1  # nothing ran: nothing was shown to pass


def test_junit_and_json_files_parse(tmp_path: Path, mock_app: Callable[..., Any]) -> None:
    junit, data = tmp_path / "ci" / "contract.xml", tmp_path / "ci" / "contract.json"
    app = broken.Broken(mock_app(), before=broken.accepts_17_metadata_keys)
    report = run(config_for(app, operations=("modifyThread",), junit_xml=str(junit), json=str(data)))
    suite = ET.parse(junit).getroot()
    assert suite.tag == "testsuite"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    cases = {(c.get("classname"), c.get("name")): c for c in suite.iter("testcase")}
    assert set(cases) == {
        ("threadspec.contract.modifyThread", "positive"),
        ("threadspec.contract.modifyThread", "negative"),
    }
    failure = cases["threadspec.contract.modifyThread", "negative"].find("failure")
    assert failure is not None and "curl -sS -X POST" in (failure.text or "")
    loaded = json.loads(data.read_text())
    assert loaded["exit_code"] == report.exit_code == 1
    assert loaded["seed"] == 7
    negative = next(r for r in loaded["results"] if r["check"] == "negative")
    assert negative["outcome"] == "fail"
    assert negative["failures"][0]["curl"].startswith("curl -sS -X POST")
    assert negative["failures"][0]["exchange"]["response"]["status"] == 200


def test_junit_survives_control_characters() -> None:
    from threadspec.contract.export import junit_xml

    suite = ET.fromstring(junit_xml(_report()).split("?>", 1)[1])
    assert [c.get("name") for c in suite.iter("testcase")] == ["positive", "negative", "workflow", "positive"]
    assert suite.find("testcase/skipped") is not None and suite.find("testcase/error") is not None
