"""Each broken copy of the mock gets exactly one finding, with the right severity, however many checks
its one defect touches; nothing else about it is reported."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.contract import broken
from tests.contract.conftest import config_for
from tests.limits import metadata_keys
from threadspec.contract import ContractReport, Outcome, Severity, run

Hooks = dict[str, broken.Hook]
ERROR, WARNING = Severity.ERROR, Severity.WARNING
KEYS = metadata_keys()
OBJECTS = (
    "createThread",
    "getThread",
    "createMessage",
    "listMessages",
    "createRun",
    "getRun",
    "listRunSteps",
)
THREAD_CRUD = ("createThread", "getThread", "modifyThread", "deleteThread")
ASSISTANT_CRUD = ("createAssistant", "getAssistant", "modifyAssistant", "listAssistants", "deleteAssistant")
MESSAGE_CRUD = ("createMessage", "getMessage", "modifyMessage", "listMessages", "deleteMessage")


@dataclass(frozen=True)
class Defect:
    name: str
    hooks: Hooks
    operations: tuple[str, ...]
    checks: tuple[str, ...]
    findings: list[tuple[str, Severity]]
    title: str | None = None  # of the one finding, word for word, when it does not depend on the run
    options: dict[str, Any] = field(default_factory=dict)


DEFECTS = [
    Defect("ids without their prefix", {"before": broken.prefixes_restored, "after": broken.unprefixed_ids},
           OBJECTS, ("positive", "streaming"), [("id-prefix", WARNING)]),
    Defect("timestamps in milliseconds", {"after": broken.millisecond_timestamps},
           OBJECTS, ("positive", "streaming"), [("timestamp:milliseconds", ERROR)]),
    Defect("timestamps with a fraction", {"after": broken.float_timestamps},
           OBJECTS, ("positive", "streaming"), [("timestamp:fraction", ERROR)]),
    Defect("unknown properties", {"after": broken.extra_fields}, OBJECTS, ("positive", "streaming"),
           [("unknown-property", WARNING)]),
    Defect("422 for 400", {"after": broken.status_422_for_400}, ("createThread", "getThread", "modifyThread"),
           ("negative",), [("invalid-status:422", ERROR)], "400 expected, 422 received for invalid requests"),
    Defect("a route missing", {"after": broken.no_cancel_route}, ("createRun", "getRun", "cancelRun"),
           ("positive", "negative", "workflow"), [("status:cancelRun:404", ERROR)],
           "POST /threads/{thread_id}/runs/{run_id}/cancel answered 404 to a valid request: is the route missing?"),
    Defect("no done event", {"after": broken.no_done_event}, ("createRun", "createThreadAndRun"), ("streaming",),
           [("stream:done", ERROR)]),
    Defect("a stream as text/plain", {"after": broken.stream_as_text}, ("createRun", "createThreadAndRun"),
           ("streaming",), [("stream:media", ERROR)],
           "stream requested, answered text/plain instead of text/event-stream"),
    Defect("metadata renamed", {"after": broken.renamed_metadata}, THREAD_CRUD + MESSAGE_CRUD,
           ("positive", "workflow"), [("response:required|metadata", ERROR)]),
    Defect("over-strict", {"before": broken.over_strict}, ("modifyThread", "createRun"), ("boundary",),
           [("refused:maxProperties|Metadata", ERROR), ("refused:maximum|temperature", ERROR)]),
    Defect("malformed list items", {"after": broken.malformed_list_items},
           ("createThread", "createMessage", "getMessage", "listMessages"), ("positive", "workflow"),
           [("response:required|content,role", ERROR)],
           "MessageObject missing content and role (2 required properties)"),
    Defect("too many metadata keys accepted", {"before": broken.accepts_too_many_metadata_keys}, ("modifyThread",),
           ("negative",), [("accepted:maxProperties|Metadata", ERROR)], f"accepted {KEYS + 1} metadata keys (limit {KEYS})"),
    Defect("temperature 3 accepted", {"before": broken.accepts_temperature_3}, ("createRun",), ("negative",),
           [("accepted:maximum|temperature", ERROR)], "accepted temperature 3 (limit 2)"),
    Defect("a run without status", {"after": broken.run_without_status}, ("getRun", "modifyRun"), ("positive",),
           [("response:required|status", ERROR)], "RunObject.status missing (required)"),
    Defect("500 for a bad body", {"after": broken.error_500_on_bad_body}, ("createMessage",), ("negative",),
           [("invalid-status:500", ERROR)], "answered 500 to invalid requests (400 expected)"),
    Defect("a lost message", {"after": broken.loses_a_message}, ("createThread", "createMessage", "listMessages"),
           ("workflow",), [("lists:incomplete", ERROR)]),
    Defect("the cursor ignored", {"before": broken.ignores_after_cursor}, ("createThread", "listMessages"),
           ("workflow",), [("workflow:pagination:after pages repeat nothing", ERROR)]),
    Defect("stream events out of order", {"after": broken.stream_out_of_order}, ("createRun", "createThreadAndRun"),
           ("streaming",), [("stream:order:thread.run.queued", ERROR)]),
    Defect("a null body taken for none", {"before": broken.null_body_as_empty},
           ("createThread", "modifyThread", "modifyMessage"), ("negative",), [("accepted:type|request body", ERROR)],
           "accepted a request body null (type object)"),
    Defect("a flat error envelope", {"after": broken.flat_error_envelope}, ("getThread", "modifyThread"),
           ("negative",), [("envelope", WARNING)]),
    Defect("runs ignore their assistant", {"after": broken.runs_ignore_their_assistant},
           ("createAssistant", "createThread", "createRun"), ("workflow",), [("mismatch:createRun:instructions", ERROR)]),
    Defect("a deleted assistant lingers", {"after": broken.deleted_assistants_linger}, ASSISTANT_CRUD,
           ("workflow",), [("still-there:getAssistant", ERROR)]),
    Defect("assistant ids without their prefix", {"before": broken.prefixes_restored, "after": broken.unprefixed_ids},
           ("getAssistant", "modifyAssistant"), ("positive",), [("id-prefix", WARNING)]),
    Defect("v1 messages without their files", {"after": broken.messages_without_files},
           ("createThread", "createMessage", "getMessage", "listMessages", "listMessageFiles"), ("positive",),
           [("response:required|file_ids", ERROR)], "MessageObject.file_ids missing (required)", {"profile": "v1"}),
]  # fmt: skip


def _run(mock_app: Callable[..., Any], hooks: Hooks, **options: Any) -> ContractReport:
    return run(config_for(broken.Broken(mock_app(), **hooks), **options))


@pytest.mark.parametrize("defect", DEFECTS, ids=[d.name for d in DEFECTS])
def test_one_defect_is_one_finding(mock_app: Callable[..., Any], defect: Defect) -> None:
    report = _run(
        mock_app, defect.hooks, operations=defect.operations, checks=defect.checks, **defect.options
    )
    assert [(f.key, f.severity) for f in report.findings] == defect.findings, [
        f.title for f in report.findings
    ]
    first = report.findings[0]
    if defect.title is not None:
        assert first.title == defect.title
    assert first.example.exchange is not None  # a reproduction
    assert report.exit_code == (1 if any(s is ERROR for _, s in defect.findings) else 0)


def test_a_server_of_the_other_version_is_one_finding(mock_app: Callable[..., Any]) -> None:
    """Held to v1, a server that speaks v2 only refuses every request for its beta header: one finding."""
    app = broken.Broken(mock_app(profiles=("v2",)))
    report = run(config_for(app, operations=("createThread", "getThread", "modifyThread"), checks=("positive",),
                            profile="v1"))  # fmt: skip
    (finding,) = report.findings
    assert (finding.severity, finding.key.split(":")[:2]) == (ERROR, ["status", "400"])
    assert finding.title.startswith(
        "valid request to createThread refused with 400: You must provide the 'OpenAI-Beta' header"
    )
    assert finding.example.exchange is not None and finding.example.exchange.response is not None
    assert "invalid_beta" in finding.example.exchange.response.text
    assert {s.headers["openai-beta"] for s in app.seen} == {"assistants=v1"}


def test_a_message_that_lost_its_file_blocks_what_needs_it(mock_app: Callable[..., Any]) -> None:
    report = _run(mock_app, {"before": broken.ignores_message_files}, profile="v1",
                  operations=("createThread", "createMessage", "getMessageFile"), checks=("positive",))  # fmt: skip
    (finding,) = report.findings
    assert (finding.key, finding.severity) == ("behaviour:file-kept", ERROR)
    assert (
        finding.title == 'thread.message created with file_ids ["file-threadspec"] came back with file_ids []'
    )
    assert report.result("getMessageFile", "positive").outcome is Outcome.BLOCKED


def test_the_unbroken_wrapper_finds_nothing(mock_app: Callable[..., Any]) -> None:
    """The wrapper alone changes nothing, so every finding above is its defect's doing."""
    report = _run(
        mock_app, {}, operations=(*OBJECTS, "cancelRun"), checks=("positive", "negative", "streaming")
    )
    assert report.findings == ()
    assert report.exit_code == 0


def test_a_cross_cutting_defect_names_every_place_it_showed(mock_app: Callable[..., Any]) -> None:
    report = _run(
        mock_app,
        {"before": broken.prefixes_restored, "after": broken.unprefixed_ids},
        operations=(*OBJECTS, "getRunStep"),
        checks=("positive",),
    )
    (finding,) = report.findings
    # runs name the assistant the run made, whose id came unprefixed too
    assert {f.name for f in finding.facets} == {"thread", "msg", "run", "step", "asst"}
    assert len(finding.checks) == 8
    assert (
        finding.title.endswith("(expected thread_…) (+4 more: msg, run, step, asst)")
        or "(+4 more:" in finding.title
    )


def test_renamed_metadata_still_has_its_workflows_run_and_failed(mock_app: Callable[..., Any]) -> None:
    """Decided by ids, not by fields: the server keeps state, so the workflows run, and fail on the
    lost metadata; the one finding is an error because data is lost, though the SDK types it optional."""
    report = _run(mock_app, {"after": broken.renamed_metadata}, operations=THREAD_CRUD + MESSAGE_CRUD,
                  checks=("workflow",))  # fmt: skip
    assert report.stateful is True
    outcomes = {r.name: r.outcome for r in report.results}
    assert set(outcomes.values()) == {Outcome.FAILED}  # every workflow ran, to its end
    assert all(r.cases > 0 for r in report.results)
    (finding,) = report.findings
    assert set(finding.checks) == set(outcomes)
    assert finding.severity is ERROR
    assert finding.title.startswith("ThreadObject.metadata missing (required); the object has meta instead")


def test_an_over_strict_server_fails_even_when_it_refuses_nothing_invalid(
    mock_app: Callable[..., Any],
) -> None:
    report = _run(mock_app, {"before": broken.over_strict}, operations=("modifyThread",),
                  checks=("boundary", "negative"))  # fmt: skip
    assert report.exit_code == 1
    assert report.result("modifyThread", "negative").outcome is Outcome.PASSED
    assert report.result("modifyThread", "boundary").outcome is Outcome.FAILED
    assert (
        report.findings[0].title
        == f"refused {KEYS} metadata keys (limit {KEYS}) with 400, though it is within the limit"
    )


def test_list_checks_validate_every_listed_item(mock_app: Callable[..., Any]) -> None:
    report = _run(mock_app, {"after": broken.malformed_list_items}, operations=("listMessages", "getMessage"),
                  checks=("positive",))  # fmt: skip
    assert report.result("listMessages", "positive").outcome is Outcome.FAILED
    assert report.result("getMessage", "positive").outcome is Outcome.PASSED


def test_a_list_with_nothing_in_it_proves_nothing(mock_app: Callable[..., Any]) -> None:
    def empty_lists(seen: broken.Seen) -> None:
        body = seen.response_json()
        if seen.method == "GET" and isinstance(body, dict) and body.get("object") == "list":
            seen.response = json.dumps({**body, "data": [], "first_id": None, "last_id": None}).encode()

    report = _run(mock_app, {"after": empty_lists}, operations=("listMessages",), checks=("positive",))
    result = report.result("listMessages", "positive")
    assert result.outcome is Outcome.EMPTY
    assert result.detail.endswith("lists came back empty: nothing to validate")
    assert report.findings == ()


def test_a_refused_control_is_one_finding_not_a_wall_of_misjudged_cases(mock_app: Callable[..., Any]) -> None:
    """A server that does not know the configured assistant refuses every run request for that reason:
    one finding, the negative and boundary cases blocked rather than judged on the wrong error."""

    def unknown_assistant(seen: broken.Seen) -> None:
        body = seen.json()
        if seen.method == "POST" and seen.path.endswith("/runs") and isinstance(body, dict):
            error = {"message": f"No assistant found with id '{body.get('assistant_id')}'.",
                     "type": "invalid_request_error", "param": None, "code": None}  # fmt: skip
            seen.status, seen.response = 404, json.dumps({"error": error}).encode()

    report = _run(
        mock_app,
        {"after": unknown_assistant},
        operations=("createRun",),
        checks=("boundary", "negative"),
        assistant_id="asst_configured",
    )
    (finding,) = report.findings
    assert finding.key == "status:404:No assistant found with id '<id>'."
    assert (
        finding.title
        == "valid request to createRun refused with 404: No assistant found with id 'asst_configured'."
    )
    assert {r.outcome for r in report.results} == {Outcome.BLOCKED}
    assert all(r.detail.startswith("control request refused: ") for r in report.results)
    assert finding.count == 2  # one control each; no case was sent


def test_runs_that_never_settle_are_waited_for_once(mock_app: Callable[..., Any]) -> None:
    """The first check that waits out the poll timeout tells the others: one run polled, one finding."""
    app = broken.Broken(mock_app(), after=broken.runs_never_settle)
    report = run(config_for(app, operations=("listRuns", "listRunSteps", "getRunStep"), checks=("positive",),
                            poll_timeout_seconds=1.0))  # fmt: skip
    (finding,) = report.findings
    assert finding.title == 'a run stayed "queued" through 1s of polling'
    assert len(finding.checks) == 3
    assert {r.outcome for r in report.results} == {Outcome.BLOCKED}
    polled = {s.path for s in app.seen if s.method == "GET" and "/runs/run_" in s.path}
    assert len(polled) == 1
