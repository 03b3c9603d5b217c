"""``--baseline previous.json``: what was fixed and what regressed since an earlier report.

Findings keep their id from run to run (it is derived from the root cause), so two reports compare
by id: gone is fixed, new or more severe is a regression.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from threadspec.contract.findings import Finding, Severity

SHOWN = 3  # findings named per line on the console; the JSON report lists them all


class BaselineError(ValueError):
    """The baseline file is not a threadspec contract report."""


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    severity: Severity
    title: str


def load(path: str) -> dict[str, Entry]:
    """The findings of a JSON report written by ``threadspec contract --json``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return {f["id"]: Entry(f["id"], Severity(f["severity"]), f["title"]) for f in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path} is not a threadspec contract JSON report ({exc})") from None


@dataclass(frozen=True, slots=True)
class Comparison:
    path: str
    fixed: tuple[Entry, ...]
    regressed: tuple[Entry, ...]  # new findings, and findings now more severe
    unchanged: int

    def lines(self) -> list[str]:
        head = (
            f"since {self.path}: {len(self.fixed)} fixed, {len(self.regressed)} regressed, "
            f"{self.unchanged} unchanged"
        )
        out = [head]
        for label, entries in (("fixed", self.fixed), ("regressed", self.regressed)):
            out += [f"  {label:<9} {e.id} {e.severity.value:<7} {e.title}" for e in entries[:SHOWN]]
            if len(entries) > SHOWN:
                out.append(f"  {label:<9} … {len(entries) - SHOWN} more in the JSON report")
        return out

    def to_dict(self) -> dict[str, Any]:
        def listed(entries: tuple[Entry, ...]) -> list[dict[str, str]]:
            return [{"id": e.id, "severity": e.severity.value, "title": e.title} for e in entries]

        return {
            "path": self.path,
            "fixed": listed(self.fixed),
            "regressed": listed(self.regressed),
            "unchanged": self.unchanged,
        }


def compare(findings: tuple[Finding, ...], previous: dict[str, Entry], path: str) -> Comparison:
    now = {f.id: Entry(f.id, f.severity, f.title) for f in findings}
    fixed = tuple(e for i, e in previous.items() if i not in now)
    regressed = tuple(
        e for i, e in now.items() if i not in previous or e.severity.rank < previous[i].severity.rank
    )
    unchanged = sum(1 for i in now if i in previous) - sum(1 for e in regressed if e.id in previous)
    return Comparison(path, fixed, regressed, unchanged)
