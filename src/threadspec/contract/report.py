"""What a contract run found: the findings (by root cause), one result per check, scores and coverage."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from threadspec.contract.baseline import Comparison
from threadspec.contract.coverage import CoverageSummary
from threadspec.contract.curl import render as render_curl
from threadspec.contract.findings import Finding, Problem, Severity, aggregate, finding_id

REPORT_VERSION = 2
EXIT_INTERRUPTED = 130
EXIT_UNUSABLE = 2
_FACETS_KEPT = 100


class Outcome(StrEnum):
    PASSED = "pass"
    FAILED = "fail"  # it recorded problems
    BLOCKED = "blocked"  # it could not run to its end (what blocked it is among its problems)
    EMPTY = "empty"  # nothing came back to validate: it proves nothing either way
    SKIPPED = "skipped"  # not run: by request, or workflows on a server that keeps no state
    ERROR = "error"  # the runner could not finish it: time budget, interruption, a fault of its own


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The verdict of one check (``positive``, ``boundary``, ``negative``, ``streaming``, ``workflow``)."""

    target: str
    check: str
    outcome: Outcome
    detail: str = ""
    problems: tuple[Problem, ...] = ()
    cases: int = 0
    seconds: float = 0.0

    @property
    def name(self) -> str:
        return f"{self.target}::{self.check}"

    def fails(self, threshold: Severity) -> bool:
        """Whether this check fails a run told ``--fail-on threshold``."""
        if self.outcome is Outcome.ERROR:
            return True
        return any(p.severity.reaches(threshold) for p in self.problems)

    def to_dict(self) -> dict[str, Any]:
        counts = Counter(p.key for p in self.problems)
        return {
            "target": self.target,
            "check": self.check,
            "outcome": self.outcome.value,
            "detail": self.detail,
            "cases": self.cases,
            "seconds": round(self.seconds, 3),
            "findings": [{"id": finding_id(key), "problems": n} for key, n in counts.items()],
        }


def _finding_dict(finding: Finding, api_key_env: str, key_sent: bool) -> dict[str, Any]:
    example = finding.example
    exchange = example.exchange
    return {
        "id": finding.id,
        "severity": finding.severity.value,
        "title": finding.title,
        "key": finding.key,
        "operations": list(finding.operations),
        "checks": list(finding.checks),
        "count": finding.count,
        "facets": [
            {"name": f.name, "title": f.title, "count": f.count} for f in finding.facets[:_FACETS_KEPT]
        ],
        "facets_total": len(finding.facets),
        "reproduction": None
        if exchange is None
        else {
            "curl": render_curl(exchange.request, api_key_env, key_sent=key_sent),
            "server_said": example.detail or None,
            **exchange.to_dict(),
        },
    }


@dataclass(frozen=True, slots=True)
class ContractReport:
    base_url: str
    seed: int
    results: tuple[CheckResult, ...]
    seconds: float = 0.0
    api_key_env: str = "OPENAI_API_KEY"
    key_sent: bool = True
    stateful: bool | None = None
    state_reason: str = ""
    coverage: CoverageSummary | None = None
    fail_on: Severity = Severity.ERROR
    interrupted: bool = False
    unusable: str | None = None  # why no check could run (unreachable, every request 401 or 404)
    leftovers: tuple[str, ...] = field(default=())  # threads and assistants cleanup could not delete
    assistant: str = ""  # which assistant runs named, and where it came from
    profile: str = "v2"  # the contract the server was held to
    comparison: Comparison | None = None  # with the --baseline report
    files: tuple[str, ...] = ()  # the reports written
    findings: tuple[Finding, ...] = ()

    @classmethod
    def build(cls, **fields: Any) -> ContractReport:
        results: tuple[CheckResult, ...] = fields["results"]
        found = aggregate((r.name, p) for r in results for p in r.problems)
        return cls(**fields, findings=found)

    @property
    def exit_code(self) -> int:
        """130 interrupted, 2 unusable server, 1 a finding at or above ``fail_on`` (or a check that could
        not finish, or nothing to run), else 0."""
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.unusable is not None:
            return EXIT_UNUSABLE
        if not self.results or any(r.fails(self.fail_on) for r in self.results):
            return 1
        return 1 if any(f.severity.reaches(self.fail_on) for f in self.findings) else 0

    def severities(self) -> Counter[Severity]:
        return Counter(f.severity for f in self.findings)

    def scores(self) -> dict[str, Counter[Outcome]]:
        """Outcomes per kind of check, in the order checks are planned."""
        out: dict[str, Counter[Outcome]] = {}
        for r in self.results:
            out.setdefault(r.check, Counter())[r.outcome] += 1
        return out

    def result(self, target: str, check: str) -> CheckResult:
        for r in self.results:
            if r.target == target and r.check == check:
                return r
        raise KeyError(f"{target}::{check}")

    def finding(self, key: str) -> Finding:
        for f in self.findings:
            if f.key == key:
                return f
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        severities = self.severities()
        return {
            "version": REPORT_VERSION,
            "base_url": self.base_url,
            "seed": self.seed,
            "profile": self.profile,
            "seconds": round(self.seconds, 3),
            "exit_code": self.exit_code,
            "fail_on": self.fail_on.value,
            "interrupted": self.interrupted,
            "unusable": self.unusable,
            "stateful": self.stateful,
            "state_reason": self.state_reason,
            "assistant": self.assistant,
            "summary": {s.value: severities[s] for s in Severity},
            "scores": {k: {o.value: c[o] for o in Outcome} for k, c in self.scores().items()},
            "coverage": None if self.coverage is None else self.coverage.to_dict(),
            "findings": [_finding_dict(f, self.api_key_env, self.key_sent) for f in self.findings],
            "checks": [r.to_dict() for r in self.results],
            "leftovers": list(self.leftovers),
            "baseline": None if self.comparison is None else self.comparison.to_dict(),
        }
