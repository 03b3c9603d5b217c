"""Each broken copy of the mock is caught, and caught by the check that is about its defect."""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from typing import Any

import pytest

from tests.contract import broken
from tests.contract.conftest import config_for
from threadspec import validate_request
from threadspec.contract import ContractReport, Outcome, run


def _run(mock_app: Callable[..., Any], hooks: dict[str, broken.Hook], **options: Any) -> ContractReport:
    return run(config_for(broken.Broken(mock_app(), **hooks), **options))


def _outcomes(report: ContractReport) -> dict[str, Outcome]:
    return {r.name: r.outcome for r in report.results}


def _sent_body(report: ContractReport, name: str) -> Any:
    target, check = name.split("::")
    exchange = report.result(target, check).failures[0].exchange
    assert exchange is not None and exchange.request.body is not None
    return json.loads(exchange.request.body)


def test_the_unbroken_wrapper_passes(mock_app: Callable[..., Any]) -> None:
    """The wrapper alone changes nothing, so every failure below is its defect's doing."""
    report = _run(mock_app, {}, operations=("createRun", "getRun", "listMessages"))
    assert report.exit_code == 0, report.render()


def test_accepting_17_metadata_keys_fails_negative(mock_app: Callable[..., Any]) -> None:
    report = _run(
        mock_app,
        {"before": broken.accepts_17_metadata_keys},
        operations=("modifyThread",),
        checks=("positive", "negative"),
    )
    assert _outcomes(report) == {
        "modifyThread::positive": Outcome.PASSED,
        "modifyThread::negative": Outcome.FAILED,
    }
    failures = report.result("modifyThread", "negative").failures
    assert [f.case for f in failures] == ["body metadata:maxProperties"]
    assert "accepted: HTTP 200" in failures[0].reason
    body = _sent_body(report, "modifyThread::negative")
    assert len(body["metadata"]) == 17
    assert (
        validate_request("modifyThread", body, path_params={"thread_id": "thread_a"}).errors[0].param
        == "metadata"
    )


def test_accepting_temperature_3_fails_negative(mock_app: Callable[..., Any]) -> None:
    report = _run(mock_app, {"before": broken.accepts_temperature_3}, operations=("createRun",))
    outcomes = _outcomes(report)
    assert outcomes.pop("createRun::negative") is Outcome.FAILED
    assert set(outcomes.values()) == {Outcome.PASSED}, report.render()
    failures = report.result("createRun", "negative").failures
    assert [f.case for f in failures] == ["body temperature:maximum"]
    assert _sent_body(report, "createRun::negative")["temperature"] > 2


def test_a_run_without_status_fails_positive(mock_app: Callable[..., Any]) -> None:
    report = _run(
        mock_app,
        {"after": broken.run_without_status},
        operations=("getRun", "modifyRun"),
        checks=("positive", "negative"),
    )
    outcomes = _outcomes(report)
    assert outcomes["getRun::positive"] is Outcome.FAILED
    assert outcomes["modifyRun::positive"] is Outcome.FAILED
    assert outcomes["getRun::negative"] is outcomes["modifyRun::negative"] is Outcome.PASSED
    reason = report.result("getRun", "positive").failures[0].reason
    assert "RunObject" in reason and "status" in reason


def test_a_500_for_a_bad_body_fails_negative(mock_app: Callable[..., Any]) -> None:
    report = _run(
        mock_app,
        {"after": broken.error_500_on_bad_body},
        operations=("createMessage",),
        checks=("positive", "negative"),
    )
    assert _outcomes(report) == {
        "createMessage::positive": Outcome.PASSED,
        "createMessage::negative": Outcome.FAILED,
    }
    failures = report.result("createMessage", "negative").failures
    assert failures and all("not rejected with a 4xx: HTTP 500" in f.reason for f in failures)


def test_losing_a_message_fails_the_thread_messages_workflow(mock_app: Callable[..., Any]) -> None:
    report = _run(
        mock_app,
        {"after": broken.loses_a_message},
        checks=("workflow", "positive"),
        operations=(
            "createThread",
            "getThread",
            "modifyThread",
            "deleteThread",
            "createMessage",
            "getMessage",
            "modifyMessage",
            "listMessages",
            "deleteMessage",
        ),
    )
    outcomes = _outcomes(report)
    assert outcomes["thread-messages::workflow"] is Outcome.FAILED
    assert outcomes["thread-lifecycle::workflow"] is outcomes["message-lifecycle::workflow"] is Outcome.PASSED
    assert outcomes["listMessages::positive"] is Outcome.PASSED
    assert "list every message in order" in report.result("thread-messages", "workflow").failures[0].case


def test_ignoring_the_cursor_fails_the_pagination_workflow(mock_app: Callable[..., Any]) -> None:
    report = _run(
        mock_app,
        {"before": broken.ignores_after_cursor},
        checks=("workflow", "positive"),
        operations=("createThread", "createMessage", "listMessages"),
    )
    assert _outcomes(report) == {
        "createThread::positive": Outcome.PASSED,
        "listMessages::positive": Outcome.PASSED,
        "createMessage::positive": Outcome.PASSED,
        "thread-messages::workflow": Outcome.PASSED,
        "pagination::workflow": Outcome.FAILED,
    }
    assert "already appeared on an earlier page" in report.result("pagination", "workflow").failures[0].reason


def test_events_out_of_order_fail_streaming(mock_app: Callable[..., Any]) -> None:
    report = _run(
        mock_app,
        {"after": broken.stream_out_of_order},
        operations=("createRun", "createThreadAndRun"),
        checks=("positive", "streaming"),
    )
    outcomes = _outcomes(report)
    assert (
        outcomes.pop("createRun::streaming")
        is outcomes.pop("createThreadAndRun::streaming")
        is Outcome.FAILED
    )
    assert set(outcomes.values()) == {Outcome.PASSED}
    failure = report.result("createRun", "streaming").failures[0]
    assert "illegal event order" in failure.reason and "thread.run.queued" in failure.reason


def test_a_flat_error_envelope_fails_negative(mock_app: Callable[..., Any]) -> None:
    report = _run(
        mock_app,
        {"after": broken.flat_error_envelope},
        operations=("getThread", "modifyThread", "createThread", "deleteThread"),
        checks=("positive", "negative", "workflow"),
    )
    outcomes = _outcomes(report)
    for op in ("getThread", "modifyThread", "createThread", "deleteThread"):
        assert outcomes[f"{op}::positive"] is Outcome.PASSED
        assert outcomes[f"{op}::negative"] is Outcome.FAILED
    failure = report.result("getThread", "negative").failures[0]
    assert "error response breaks the envelope" in failure.reason
    # the thread workflow reads a 404 after delete: it must be the envelope too
    assert outcomes["thread-lifecycle::workflow"] is Outcome.FAILED


def test_the_failing_request_is_shrunk(mock_app: Callable[..., Any]) -> None:
    """A server that fails on two or more metadata keys is shown failing on exactly two, and nothing else."""

    def fails_on_two_keys(seen: broken.Seen) -> None:
        body = seen.json()
        if seen.method == "POST" and isinstance(body, dict) and len(body.get("metadata") or {}) >= 2:
            seen.status = 500
            seen.response = json.dumps(
                {"error": {"message": "boom", "type": "server_error", "param": None, "code": None}}
            ).encode()

    report = _run(
        mock_app,
        {"after": fails_on_two_keys},
        operations=("modifyThread",),
        checks=("positive",),
        max_examples=40,
    )
    failure = report.result("modifyThread", "positive").failures[0]
    assert failure.reason == "expected a 2xx response, got HTTP 500"
    body = _sent_body(report, "modifyThread::positive")
    assert list(body) == ["metadata"] and len(body["metadata"]) == 2
    assert failure.exchange is not None
    curl = failure.render("THREADSPEC_CONTRACT_TEST_KEY")
    assert "HTTP 500" in curl
    words = shlex.split(curl.split("request:\n", 1)[1].split("\nresponse:", 1)[0].replace("\\\n", " "))
    assert json.loads(words[words.index("--data-raw") + 1]) == body


def test_a_server_echoing_the_key_never_shows_it(
    mock_app: Callable[..., Any], api_key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def echo_and_break(seen: broken.Seen) -> None:
        broken.echoes_the_key(seen)
        broken.flat_error_envelope(seen)  # so that the check fails and the response is shown

    app = broken.Broken(mock_app(), after=echo_and_break)
    report = run(config_for(app, operations=("getThread",), checks=("negative",), progress=True))
    captured = capsys.readouterr()
    shown = report.render() + captured.out + captured.err + json.dumps(report.to_dict())
    assert report.exit_code == 1
    assert "you sent Bearer <redacted>" in shown
    assert api_key not in shown
    assert any(s.headers.get("authorization") == f"Bearer {api_key}" for s in app.seen)
