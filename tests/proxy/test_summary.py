"""The log's lines and the summary's tables, word for word."""

from __future__ import annotations

import json
import re
from pathlib import Path

from threadspec import spec, validate
from threadspec.proxy import Exchange, Recorder, render_summary
from threadspec.result import Violation

LIMIT = spec.shared_schema("Metadata")["maxProperties"]


def _too_many() -> Violation:
    return validate({"metadata": {f"k{i}": "v" for i in range(LIMIT + 1)}}, "CreateThreadRequest").errors[0]


def _exchange(operation: str | None, status: int, **flags: bool) -> Exchange:
    exchange = Exchange("POST", "/v1/threads", operation, "req_1")
    exchange.status = status
    for name, value in flags.items():
        setattr(exchange, name, value)
    return exchange


def test_the_summary_counts_by_operation_and_rule_and_names_what_was_not_seen(tmp_path: Path) -> None:
    log = tmp_path / "v.jsonl"
    recorder = Recorder("http://up/v1", "observe", log)
    violation = _too_many()
    for status in (200, 200, 400):
        exchange = _exchange("createThread", status)
        recorder.report(exchange, "request", [violation])
        recorder.finish(exchange)
    recorder.finish(_exchange("getThread", 200))
    broken = _exchange("getRun", 200)
    missing = Violation(
        pointer="/status",
        param="status",
        rule="required",
        limit="status",
        value="",
        message="Missing required property: 'status'.",
        code="missing_required_property",
        location="response",
    )
    recorder.report(broken, "response", [missing])
    recorder.finish(broken)
    recorder.finish(_exchange(None, 502, upstream_failed=True))
    recorder.close()
    text = render_summary(recorder)
    head, *rest = text.splitlines()
    assert re.fullmatch(
        r"threadspec proxy \(observe\) in front of http://up/v1: 6 requests in \d+s, 4 violations", head
    )
    unseen = [op for op in spec.operations() if op not in ("createThread", "getThread", "getRun")]
    message = violation.message[:99] + "…" if len(violation.message) > 100 else violation.message
    assert rest == [
        f"log: {log} (4 lines)",
        "",
        "operation       requests  invalid requests  invalid responses  invalid but 2xx  upstream failed",
        "createThread           3                 3                  0                2                0",
        "getThread              1                 0                  0                0                0",
        "getRun                 1                 0                  1                0                0",
        "(no operation)         1                 0                  0                0                1",
        "total                  6                 3                  1                2                1",
        "",
        "violations by rule",
        "count  operation     direction  rule           where     first message",
        f"    3  createThread  request    maxProperties  metadata  {message}",
        "    1  getRun        response   required       status    Missing required property: 'status'.",
        "",
        "the upstream answered 2xx to 2 requests that break the contract: createThread 2",
        "",
        f"not seen ({len(unseen)} of {len(spec.operations())} operations): {', '.join(unseen)}",
    ]
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(r["operation"], r["direction"], r["status"], r["rule"]) for r in records] == [
        ("createThread", "request", 200, "maxProperties"),
        ("createThread", "request", 200, "maxProperties"),
        ("createThread", "request", 400, "maxProperties"),
        ("getRun", "response", 200, "required"),
    ]


def test_no_traffic_says_so(tmp_path: Path) -> None:
    recorder = Recorder("http://up/v1", "enforce")
    [head] = render_summary(recorder).splitlines()
    assert re.fullmatch(
        r"threadspec proxy \(enforce\) in front of http://up/v1: 0 requests in \d+s, 0 violations", head
    )


def test_the_log_is_appended_to(tmp_path: Path) -> None:
    log = tmp_path / "v.jsonl"
    for _ in range(2):
        recorder = Recorder("http://up/v1", "observe", log)
        recorder.report(_exchange("createThread", 200), "request", [_too_many()])
        recorder.close()
    assert len(log.read_text().splitlines()) == 2
