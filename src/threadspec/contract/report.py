"""What a contract run found: one result per target and check, and the text table people read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from threadspec.contract.curl import render as render_curl
from threadspec.contract.exchange import Exchange


class Outcome(StrEnum):
    PASSED = "pass"
    FAILED = "fail"
    SKIPPED = "skipped"
    ERROR = "error"  # the check could not finish: time budget spent, or an internal fault


@dataclass(frozen=True, slots=True)
class Failure:
    """One way the server broke the contract, with the (shrunk) request that shows it."""

    case: str
    reason: str
    exchange: Exchange | None = None

    def render(self, api_key_env: str = "OPENAI_API_KEY") -> str:
        lines = [f"[{self.case}] {self.reason}" if self.case else self.reason]
        if self.exchange is not None:
            lines += ["request:", _indent(render_curl(self.exchange.request, api_key_env))]
            received = self.exchange.response
            if received is None:
                lines.append(f"response: none ({self.exchange.error})")
            else:
                lines.append(f"response: HTTP {received.status} {received.content_type}".rstrip())
                lines.append(_indent(received.shown() or "(empty body)"))
        return "\n".join(lines)

    def to_dict(self, api_key_env: str = "OPENAI_API_KEY") -> dict[str, Any]:
        exchange = self.exchange
        return {
            "case": self.case,
            "reason": self.reason,
            "curl": None if exchange is None else render_curl(exchange.request, api_key_env),
            "exchange": None if exchange is None else exchange.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The verdict of one check (``positive``, ``negative``, ``workflow``, ``streaming``) on one target."""

    target: str
    check: str
    outcome: Outcome
    detail: str = ""
    failures: tuple[Failure, ...] = ()
    cases: int = 0
    seconds: float = 0.0

    @property
    def name(self) -> str:
        return f"{self.target}::{self.check}"

    def to_dict(self, api_key_env: str = "OPENAI_API_KEY") -> dict[str, Any]:
        return {
            "target": self.target,
            "check": self.check,
            "outcome": self.outcome.value,
            "detail": self.detail,
            "cases": self.cases,
            "seconds": round(self.seconds, 3),
            "failures": [f.to_dict(api_key_env) for f in self.failures],
        }


@dataclass(frozen=True, slots=True)
class ContractReport:
    base_url: str
    seed: int
    results: tuple[CheckResult, ...]
    seconds: float = 0.0
    api_key_env: str = "OPENAI_API_KEY"
    stateful: bool | None = None
    leftovers: tuple[str, ...] = field(default=())  # threads cleanup could not delete

    @property
    def exit_code(self) -> int:
        """0 only when every check that ran passed; skipped checks do not count against a run."""
        bad = {Outcome.FAILED, Outcome.ERROR}
        return 1 if any(r.outcome in bad for r in self.results) or not self.results else 0

    def counts(self) -> Counter[Outcome]:
        return Counter(r.outcome for r in self.results)

    def result(self, target: str, check: str) -> CheckResult:
        for r in self.results:
            if r.target == target and r.check == check:
                return r
        raise KeyError(f"{target}::{check}")

    def summary(self) -> str:
        counts = self.counts()
        parts = [f"{counts[o]} {o.value}" for o in Outcome if counts[o]]
        return f"{len(self.results)} checks: {', '.join(parts) or 'none'} in {self.seconds:.1f}s (seed {self.seed})"

    def render(self) -> str:
        """The table of every check, then each failure with its curl command and response."""
        rows = [("target", "check", "result", "cases", "detail")]
        rows += [(r.target, r.check, r.outcome.value, str(r.cases), r.detail) for r in self.results]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[4]
            for row in rows
        ]
        lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 6)
        for r in self.results:
            if r.failures:
                lines += ["", f"=== {r.name}: {r.outcome.value}"]
                lines += [f.render(self.api_key_env) + "\n" for f in r.failures]
        if self.leftovers:
            lines += ["", "threads that could not be deleted: " + ", ".join(self.leftovers)]
        lines += ["", self.summary()]
        return "\n".join(line.rstrip() for line in lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "seed": self.seed,
            "seconds": round(self.seconds, 3),
            "stateful": self.stateful,
            "exit_code": self.exit_code,
            "counts": {o.value: self.counts()[o] for o in Outcome},
            "leftover_threads": list(self.leftovers),
            "results": [r.to_dict(self.api_key_env) for r in self.results],
        }


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())
