"""What a run hands people: a scorecard of at most ~60 lines whatever the server did, and JSON, JUnit
and Markdown reports that stay small."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.contract import broken
from tests.contract.conftest import KEY_ENV, SECRET, config_for
from tests.limits import metadata_keys
from threadspec.contract import ContractReport, Severity, console, run
from threadspec.contract.baseline import BaselineError, compare, load
from threadspec.contract.findings import Problem, aggregate
from threadspec.mock import MockConfig, create_app

# createAssistant: its 256,000 characters of instructions make reproductions that must be cut
LAX_OPERATIONS = (
    "createThread", "modifyThread", "createMessage", "listMessages", "createRun", "listRuns", "createAssistant",
)  # fmt: skip


@pytest.fixture(scope="module")
def lax(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ContractReport, Path]]:
    """One run against a server that validates nothing: many findings, every tier."""
    folder = tmp_path_factory.mktemp("lax")
    app = create_app(MockConfig(api_key=SECRET))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_ENV, SECRET)
        report = run(
            config_for(
                broken.Broken(app, before=broken.accepts_anything),
                operations=LAX_OPERATIONS,
                checks=("positive", "boundary", "negative"),
                json=str(folder / "report.json"),
                junit_xml=str(folder / "report.xml"),
                markdown=str(folder / "report.md"),
            )
        )
    yield report, folder
    app.state.service.close()


def _scorecard(report: ContractReport) -> list[str]:
    out = io.StringIO()
    console.render(report, out)
    return out.getvalue().splitlines()


def test_a_lax_server_fits_on_one_screen(lax: tuple[ContractReport, Path]) -> None:
    report, _ = lax
    severities = report.severities()
    assert severities[Severity.ERROR] > console.MAX_FINDINGS  # more than fit: families are folded
    assert severities[Severity.STRICT] > 0
    lines = _scorecard(report)
    assert len(lines) <= 60
    assert max(len(line) for line in lines if line.startswith(("TS-", "id ", "──"))) <= console.WIDTH
    assert console.STRICT_HEADING in lines
    strict_at = lines.index(console.STRICT_HEADING)
    assert all(" strict " not in line for line in lines[:strict_at] if line.startswith("TS-"))  # only below
    keys = metadata_keys()
    assert any(f"accepted {keys + 1} metadata keys (limit {keys})" in line for line in lines)
    assert any('accepted function name "a\\n" (pattern ^[a-zA-Z0-9_-]{1,64}$)' in line for line in lines)
    assert any("more like it:" in line for line in lines)


def test_the_json_report_holds_findings_and_checks_and_stays_small(lax: tuple[ContractReport, Path]) -> None:
    report, folder = lax
    path = folder / "report.json"
    assert path.stat().st_size < 1_000_000
    data = json.loads(path.read_text())
    assert data["version"] == 2
    assert data["exit_code"] == report.exit_code == 1
    assert [f["id"] for f in data["findings"]] == [f.id for f in report.findings]
    assert len(data["checks"]) == len(report.results)
    assert data["coverage"]["both_sides"] > 300
    every_body = [
        part
        for f in data["findings"]
        if f["reproduction"]
        for part in (f["reproduction"]["request"], f["reproduction"]["response"] or {})
    ]
    assert all(len(part.get("body") or "") <= 4097 for part in every_body)
    cut = [part for part in every_body if part.get("truncated")]
    assert cut and all(part["body_characters"] > 4096 for part in cut)  # the original size is noted
    long = next(
        f for f in data["findings"] if f["reproduction"] and f["reproduction"]["request"].get("truncated")
    )
    assert long["reproduction"]["curl"].endswith("characters")
    assert all(
        f"Bearer ${KEY_ENV}" in f["reproduction"]["curl"] for f in data["findings"] if f["reproduction"]
    )
    assert SECRET not in path.read_text()


def test_junit_has_a_testcase_per_finding_and_per_check(lax: tuple[ContractReport, Path]) -> None:
    report, folder = lax
    suite = ET.parse(folder / "report.xml").getroot()
    cases = list(suite.iter("testcase"))
    assert len(cases) == len(report.findings) + len(report.results) == int(suite.get("tests", "0"))
    findings = [c for c in cases if c.get("classname") == "threadspec.contract.findings"]
    failing = [c for c in findings if c.find("failure") is not None]
    assert len(failing) == sum(f.severity is Severity.ERROR for f in report.findings)
    strict = next(c for c in findings if c.find("failure") is None)
    assert strict.findtext("system-out", "").startswith("strict: ")
    failure = failing[0].find("failure")
    assert failure is not None and "curl -sS" in (failure.text or "")


def test_the_markdown_scorecard(lax: tuple[ContractReport, Path]) -> None:
    report, folder = lax
    text = (folder / "report.md").read_text()
    assert text.startswith(f"## threadspec contract: {report.base_url}\n")
    assert "| severity | finding | where | seen | id |" in text
    assert "### Strict (threadspec's own semantics)" in text
    assert f"`{report.findings[0].id}`" in text
    assert "| check | pass | fail | blocked | empty | skipped | error |" in text


def test_a_clean_run_says_so_briefly(mock_app: object) -> None:
    report = run(config_for(create_app(MockConfig(api_key=SECRET)), operations=("getThread",)))
    lines = _scorecard(report)
    assert lines[2].startswith("runs use the assistant asst_")
    assert lines[3:5] == ["", "findings: 0 error · 0 warning · 0 strict (--fail-on error: exit 0)"]
    assert len(lines) < 12


def _problem(key: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(key, severity, key)


def test_the_baseline_says_what_was_fixed_and_what_regressed(tmp_path: Path) -> None:
    before = aggregate([("a::negative", _problem("gone")), ("a::negative", _problem("stays")),
                        ("b::positive", _problem("worse", Severity.WARNING))])  # fmt: skip
    after = aggregate([("a::negative", _problem("stays")), ("b::positive", _problem("worse")),
                       ("c::positive", _problem("new"))])  # fmt: skip
    path = tmp_path / "previous.json"
    path.write_text(json.dumps({"findings": [
        {"id": f.id, "severity": f.severity.value, "title": f.title} for f in before]}))  # fmt: skip
    comparison = compare(after, load(str(path)), "previous.json")
    assert [e.title for e in comparison.fixed] == ["gone"]
    assert sorted(e.title for e in comparison.regressed) == ["new", "worse"]
    assert comparison.unchanged == 1
    assert comparison.lines()[0] == "since previous.json: 1 fixed, 2 regressed, 1 unchanged"


def test_a_baseline_that_is_no_report_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text("[1, 2]")
    with pytest.raises(BaselineError, match="is not a threadspec contract JSON report"):
        load(str(path))


def test_a_run_against_its_own_baseline_has_nothing_fixed_or_regressed(
    lax: tuple[ContractReport, Path], tmp_path: Path
) -> None:
    report, folder = lax
    comparison = compare(report.findings, load(str(folder / "report.json")), "report.json")
    assert (comparison.fixed, comparison.regressed) == ((), ())
    assert comparison.unchanged == len(report.findings)
