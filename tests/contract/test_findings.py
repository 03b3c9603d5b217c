"""Problems grouped by root cause: one finding per key, the worst severity, the smallest reproduction."""

from __future__ import annotations

import pytest

from threadspec.contract.exchange import Exchange, SentRequest
from threadspec.contract.findings import Problem, Severity, aggregate, finding_id


def _exchange(body: str, op: str = "createThread") -> Exchange:
    return Exchange(op, SentRequest("POST", "http://api.test/threads", (), body.encode()))


def test_one_finding_per_key_with_its_checks_operations_and_count() -> None:
    big, small, other = _exchange('{"metadata": {"a": "1"}}'), _exchange("{}"), _exchange("{}", "createRun")
    observed = [
        ("createThread::positive", Problem("k", Severity.WARNING, "big", "ThreadObject", big)),
        ("createThread::positive", Problem("k", Severity.WARNING, "big again", "ThreadObject", big)),
        ("createThread::negative", Problem("k", Severity.WARNING, "small", "ThreadObject", small)),
        ("createRun::positive", Problem("k", Severity.WARNING, "run", "RunObject", other)),
        ("createRun::positive", Problem("other", Severity.ERROR, "else", "", other)),
    ]
    findings = aggregate(observed)
    assert [f.key for f in findings] == ["other", "k"]  # errors first
    found = findings[1]
    assert found.count == 3  # exchanges, not problems
    assert found.checks == ("createThread::positive", "createThread::negative", "createRun::positive")
    assert found.operations == ("createRun", "createThread")
    assert found.example.exchange is small
    assert found.title == "small (+1 more: RunObject)"
    assert [(f.name, f.count) for f in found.facets] == [("ThreadObject", 2), ("RunObject", 1)]


def test_the_worst_severity_wins_and_the_example_has_it() -> None:
    loud, quiet = _exchange('{"a": 1}'), _exchange("{}")
    findings = aggregate(
        [
            ("a::positive", Problem("k", Severity.WARNING, "tolerated", "", quiet)),
            ("b::workflow", Problem("k", Severity.ERROR, "lost data", "", loud)),
        ]
    )
    assert len(findings) == 1
    assert findings[0].severity is Severity.ERROR
    assert findings[0].example.title == "lost data"


def test_more_frequent_findings_come_first_within_a_severity() -> None:
    rare, common = _exchange("{}"), [_exchange("{}") for _ in range(3)]
    observed = [("c::positive", Problem("rare", Severity.ERROR, "rare", "", rare))]
    observed += [("c::positive", Problem("common", Severity.ERROR, "common", "", e)) for e in common]
    assert [f.key for f in aggregate(observed)] == ["common", "rare"]


def test_ids_are_stable_and_distinct() -> None:
    assert finding_id("accepted:maxProperties|Metadata") == finding_id("accepted:maxProperties|Metadata")
    assert finding_id("accepted:maxProperties|Metadata") != finding_id("accepted:maximum|temperature")
    assert finding_id("x").startswith("TS-") and len(finding_id("x")) == 11


@pytest.mark.parametrize(
    ("severity", "threshold", "fails"),
    [
        (Severity.ERROR, Severity.ERROR, True),
        (Severity.WARNING, Severity.ERROR, False),
        (Severity.WARNING, Severity.WARNING, True),
        (Severity.STRICT, Severity.WARNING, False),
        (Severity.STRICT, Severity.STRICT, True),
        (Severity.ERROR, Severity.STRICT, True),
    ],
)
def test_fail_on_thresholds(severity: Severity, threshold: Severity, fails: bool) -> None:
    assert severity.reaches(threshold) is fails


def test_a_problem_is_elevated_only_upwards() -> None:
    problem = Problem("k", Severity.WARNING, "t")
    assert problem.elevated(Severity.ERROR).severity is Severity.ERROR
    assert problem.elevated(Severity.STRICT).severity is Severity.WARNING


def test_families_and_places_come_from_the_key() -> None:
    finding = aggregate([("a::negative", Problem("accepted:maximum|temperature", Severity.ERROR, "t"))])[0]
    assert (finding.family, finding.place) == ("accepted:maximum", "temperature")
    plain = aggregate([("a::negative", Problem("stream:done", Severity.ERROR, "no done"))])[0]
    assert (plain.family, plain.place) == ("stream:done", "no done")
