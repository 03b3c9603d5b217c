"""From findings to changes: repeats merged, each side judged, everything in reading order.

A finding repeats once per root that reaches its place (``Metadata`` through every request and response
that holds metadata) and once per operation (a 400 response added to each). Findings that say the same
thing about the same place are one change, which lists where it applies and is judged for every side it
touches. Changes are ordered as a person migrating reads them: the API version, operations added and
removed, each operation's own changes, each component's changes, then component names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from threadspec._contract import Contract, contract_for, profiles
from threadspec._counting import counted
from threadspec.diff._model import (
    NAME_KINDS,
    SIDES,
    Change,
    Finding,
    Impact,
    Side,
    Source,
    SpecDiff,
)
from threadspec.diff._operations import Comparison, Usage
from threadspec.errors import InvalidSpecError

MAX_NAMED_OPERATIONS = 3  # a change in more operations names the first two and counts the rest


def load(source: str) -> Contract:
    """The contract a diff side names: a bundled profile (``v1``, ``v2``) or a spec file.

    A name that is a bundled profile is that profile (write ``./v1`` for a file called ``v1``); anything
    else is read with :meth:`Contract.load`, which raises :class:`threadspec.InvalidSpecError` for a file
    that is missing, unreadable or not a valid OpenAPI 3.1 document.
    """
    if source in profiles():
        return contract_for(source)
    if not Path(source).exists():
        known = ", ".join(profiles())
        raise InvalidSpecError(source, f"neither a bundled profile ({known}) nor a file")
    return Contract.load(source)


def _label(contract: Contract) -> str:
    return contract.profile or contract.source


def _source(contract: Contract) -> Source:
    return Source(
        label=_label(contract),
        spec=contract.source,
        beta=contract.beta_value,
        operations=len(contract.operations()),
        schemas=len(contract.schema_names()),
    )


def operations_label(operations: tuple[str, ...]) -> str:
    if len(operations) <= MAX_NAMED_OPERATIONS:
        return ", ".join(operations)
    return f"{', '.join(operations[:2])} and {counted(len(operations) - 2, 'more operation')}"


@dataclass
class _Merged:
    """One change being gathered: the first finding, and every place it was found."""

    finding: Finding
    usages: list[Usage] = field(default_factory=list)
    used_in: dict[str, None] = field(default_factory=dict)

    def add(self, usage: Usage, at: str) -> None:
        self.usages.append(usage)
        where = usage.where if usage.operation is None else f"{usage.operation} {usage.where}"
        self.used_in[f"{where}: {at}" if at else where] = None

    def change(self) -> Change:
        found = self.finding
        present = {u.side for u in self.usages}
        sides: list[Side] = [side for side in SIDES if side in present]
        impacts = tuple(Impact.of(found.kind, side, found.direction) for side in sides)
        operations = tuple(dict.fromkeys(u.operation for u in self.usages if u.operation is not None))
        uses = tuple(dict.fromkeys((u.side, u.operation) for u in self.usages if u.operation is not None))
        location = found.location if found.location is not None else operations_label(operations)
        verdicts = "; ".join(i.phrase for i in impacts)
        return Change(
            kind=found.kind,
            keyword=found.keyword,
            location=location,
            schema=found.schema,
            path=found.path,
            old=found.old,
            new=found.new,
            what=found.what,
            impacts=impacts,
            message=f"{location}: {found.what} ({verdicts})",
            operations=operations,
            used_in=tuple(self.used_in),
            uses=uses,
        )


def _merge(found: Iterable[tuple[Finding, Usage]]) -> list[Change]:
    merged: dict[tuple[Any, ...], _Merged] = {}
    for finding, usage in found:
        key = (finding.kind, finding.keyword, finding.location, finding.what)
        merged.setdefault(key, _Merged(finding)).add(usage, finding.at)
    return [m.change() for m in merged.values()]


def group_of(change: Change) -> tuple[str, str | None]:
    """Where a change is read: ``("api", None)``, ``("operations", None)``, ``("operation", id)``,
    ``("schema", name)`` or ``("names", None)``."""
    if change.kind == "beta-version":
        return "api", None
    if change.kind in NAME_KINDS:
        return "names", None
    if change.schema is not None:
        return "schema", change.schema
    if (
        change.kind in ("operation-added", "operation-removed", "operation-moved")
        or len(change.operations) != 1
    ):
        return "operations", None
    return "operation", change.operations[0]


_GROUP_RANKS = {"api": 0, "operations": 1, "operation": 2, "schema": 3, "names": 4}


def compare(old: Contract, new: Contract) -> SpecDiff:
    """Every change from ``old`` to ``new``, each judged for the sides of the API it touches."""
    changes = _merge(Comparison(old, new).run())
    ops = {**old.operations(), **new.operations()}
    op_order = {op_id: i for i, op_id in enumerate([*new.operations(), *old.operations()])}
    schema_order = {n: i for i, n in enumerate(dict.fromkeys([*new.schema_names(), *old.schema_names()]))}

    def rank(change: Change) -> tuple[int, int]:
        kind, name = group_of(change)
        order = op_order if kind == "operation" else schema_order
        return _GROUP_RANKS[kind], order.get(name or "", len(order))

    ordered = sorted(changes, key=rank)  # stable: within a group, the order they were found in
    routes = {op_id: f"{op.method} {op.path}" for op_id, op in ops.items()}
    return SpecDiff(_source(old), _source(new), tuple(ordered), routes)
