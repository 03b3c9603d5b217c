"""Constraint coverage: how many request constraints a run exercised on both sides of their limit.

Every constraint on a selected operation's body, query and path counts; a side is exercised when a
request exactly at the limit (accepted) or just past it (refused) was sent and its answer judged.
A constraint nothing can break (``minItems: 0``) needs its accepted side only.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from threadspec.constraints import Constraint


@dataclass(frozen=True, slots=True)
class CoverageSummary:
    total: int
    both: int  # exercised on every side they have
    one: int  # exercised on one side only
    unbuildable: int  # no request could be built for a side
    missing: tuple[str, ...]  # "operation constraint-id" of those not exercised on every side

    @property
    def percent(self) -> float:
        return 100.0 * self.both / self.total if self.total else 100.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "both_sides": self.both,
            "one_side": self.one,
            "unbuildable": self.unbuildable,
            "percent": round(self.percent, 1),
            "not_covered": list(self.missing),
        }


class Coverage:
    """Filled concurrently by the checks (hence the lock), read once at the end."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sides: dict[tuple[str, str], set[bool]] = {}
        self._violable: dict[tuple[str, str], bool] = {}
        self._unbuildable: set[tuple[str, str]] = set()

    def expect(self, operation: str, constraint: Constraint) -> None:
        with self._lock:
            key = (operation, constraint.id)
            self._sides.setdefault(key, set())
            self._violable[key] = constraint.violable

    def unbuildable(self, operation: str, constraint: Constraint) -> None:
        with self._lock:
            self._unbuildable.add((operation, constraint.id))

    def exercised(self, operation: str, constraint: Constraint, accepted: bool) -> None:
        with self._lock:
            self._sides.setdefault((operation, constraint.id), set()).add(accepted)
            self._violable.setdefault((operation, constraint.id), constraint.violable)

    def summary(self) -> CoverageSummary:
        with self._lock:
            both, one, missing = 0, 0, []
            for key, sides in self._sides.items():
                needed = {True, False} if self._violable[key] else {True}
                if needed <= sides:
                    both += 1
                else:
                    one += bool(sides)
                    missing.append(f"{key[0]} {key[1]}")
            return CoverageSummary(len(self._sides), both, one, len(self._unbuildable), tuple(missing))
