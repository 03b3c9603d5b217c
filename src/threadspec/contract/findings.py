"""Findings: every problem a run observed, grouped by root cause.

Checks judge every exchange completely and record a :class:`Problem` for each way it breaks the
contract. A problem's ``key`` names its root cause (the same rule at the same place, the same status
deviation, the same missing route, the same stream defect) and never holds a value that changes
between runs, so the same defect gets the same :attr:`Finding.id` in every report. Keys of rules
broken at a place read ``family|place`` (``accepted:maximum|temperature``); the console folds a
family into one line when a server breaks more than fits. A finding's ``facets`` are the places one
root cause showed up (the objects, the id kinds, the timestamp fields).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from threadspec.contract import titles
from threadspec.contract.exchange import Exchange


class Severity(StrEnum):
    """The tiers, most severe first: what clients feel, what the SDKs tolerate, threadspec's own rules."""

    ERROR = "error"
    WARNING = "warning"
    STRICT = "strict"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def reaches(self, threshold: Severity) -> bool:
        """Whether a finding of this severity fails a run told ``--fail-on threshold``."""
        return self.rank <= threshold.rank


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.STRICT: 2}


@dataclass(frozen=True, slots=True)
class Problem:
    """One way one exchange broke the contract.

    ``facet`` is the place within the root cause (a field, an id kind, a constraint's location);
    ``covers`` the JSON pointers in the response body the problem is about, when it is about some;
    ``detail`` what the server said, when that helps to tell why.
    """

    key: str
    severity: Severity
    title: str
    facet: str = ""
    exchange: Exchange | None = None
    covers: tuple[str, ...] = ()
    detail: str = ""  # what the server said, when that helps tell why

    @property
    def operation(self) -> str | None:
        return None if self.exchange is None else self.exchange.operation_id

    def elevated(self, severity: Severity) -> Problem:
        """The same problem at ``severity`` when that is more severe (a workflow lost the field)."""
        return replace(self, severity=severity) if severity.rank < self.severity.rank else self


@dataclass(frozen=True, slots=True)
class Facet:
    name: str
    title: str
    count: int


@dataclass(frozen=True, slots=True)
class Finding:
    """One root cause: how severe, what was expected and received, where, how often, how to see it."""

    id: str
    key: str
    severity: Severity
    title: str
    operations: tuple[str, ...]
    checks: tuple[str, ...]
    count: int  # exchanges that showed it
    facets: tuple[Facet, ...]
    example: Problem  # the one with the smallest request: the reproduction

    @property
    def family(self) -> str:
        """The kind of root cause (``accepted:maximum``), without the place (``|temperature``)."""
        return self.key.split("|", 1)[0]

    @property
    def place(self) -> str:
        """Where in the contract (``temperature``), for keys that name one; else the title."""
        return self.key.split("|")[1] if "|" in self.key else self.title

    @property
    def where(self) -> str:
        """The operations it was seen on, short: ``createRun +3`` (else the first check)."""
        ops = self.operations or tuple(c.split("::")[0] for c in self.checks[:1])
        return ops[0] + (f" +{len(ops) - 1}" if len(ops) > 1 else "") if ops else ""

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Most severe first, then most frequent, then the one with the simplest reproduction."""
        return (self.severity.rank, -self.count, _size(self.example), self.title)


def finding_id(key: str) -> str:
    """A short id that stays the same for the same root cause in every run."""
    return "TS-" + hashlib.blake2s(key.encode(), digest_size=4).hexdigest()


def _size(problem: Problem) -> int:
    return 1 << 30 if problem.exchange is None else problem.exchange.size


def _exchanges(problems: list[Problem]) -> int:
    return len({id(p.exchange) if p.exchange is not None else id(p) for p in problems})


def aggregate(observed: Iterable[tuple[str, Problem]]) -> tuple[Finding, ...]:
    """The findings of ``(check name, problem)`` pairs, most severe (then most frequent) first."""
    groups: dict[str, list[tuple[str, Problem]]] = {}
    for check, problem in observed:
        groups.setdefault(problem.key, []).append((check, problem))
    found = [_finding(key, members) for key, members in groups.items()]
    return tuple(sorted(found, key=lambda f: f.sort_key))


def _finding(key: str, members: list[tuple[str, Problem]]) -> Finding:
    problems = [p for _, p in members]
    severity = min((p.severity for p in problems), key=lambda s: s.rank)
    example = min((p for p in problems if p.severity is severity), key=_size)
    by_facet: dict[str, list[Problem]] = {}
    for p in problems:
        by_facet.setdefault(p.facet, []).append(p)
    facets = [Facet(name, min(group, key=_size).title, _exchanges(group)) for name, group in by_facet.items()]
    facets.sort(key=lambda f: (f.name != example.facet, -f.count, f.name))
    others = [f.name for f in facets[1:] if f.name]
    return Finding(
        id=finding_id(key),
        key=key,
        severity=severity,
        title=titles.with_more(example.title, others),
        operations=tuple(sorted({p.operation for p in problems if p.operation})),
        checks=tuple(dict.fromkeys(check for check, _ in members)),
        count=_exchanges(problems),
        facets=tuple(facets),
        example=example,
    )
