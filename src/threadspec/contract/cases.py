"""The boundary cases of one operation: exactly at and just past every constraint on its body, query
and path, each described the way a finding names it ("17 metadata keys (limit 16)").

Built once per operation from :mod:`threadspec.strategies`; sending them is :mod:`.limits`' job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from threadspec import constraints
from threadspec._contract import Contract, resolve_contract
from threadspec.constraints import Constraint, Location, Segment
from threadspec.contract import generation, places, titles
from threadspec.contract.schema_problems import value_at

# Query parameters whose values must be real ids (cursors, filters): the pagination workflow uses them.
_REAL_IDS = frozenset({"after", "before", "run_id"})
# For a type case that says more than an integral decimal does: plainly not a number.
_NOT_NUMBERS: tuple[Any, ...] = ("1", True, [], {})
_BOUNDS = frozenset({"maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"})


@dataclass(frozen=True, slots=True)
class LimitCase:
    """One request part exactly at (``accepted``) or past one constraint: a body, a query or path ids."""

    operation: str
    constraint: Constraint
    accepted: bool
    location: Location
    value: Any
    path: tuple[Segment, ...]
    error_path: tuple[Segment, ...] | None
    # "prefix": an id of another kind; "plain": a non-number for an integer type, a whole step past a bound
    variant: str = ""

    @property
    def contract(self) -> Contract:
        """The contract the case comes from (its constraint's)."""
        return resolve_contract(self.constraint.contract)

    @property
    def node(self) -> Any:
        """The constrained value in the case."""
        return value_at(self.value, [str(s) for s in self.path])

    @property
    def place(self) -> str:
        """Where the constraint is stated: one root cause, wherever requests reach it."""
        if self.location != "body":
            return f"{self.location} {self.constraint.path[0] if self.constraint.path else ''}".strip()
        if not self.constraint.hops:  # the body itself: the same rule whichever operation it is sent to
            return "request body"
        return places.of_constraint(self.constraint).key

    def describe(self) -> str:
        """What this case holds, with the rule: ``17 metadata keys (limit 16)``."""
        c = self.constraint
        if self.variant == "prefix":
            param = str(self.path[0])
            return titles.wrong_id(param, str(self.value[param]), str(self.prefix))
        name = places.of_constraint(c).name
        if self.location != "body":
            name = f"{self.location} {name}"
        value = self.node
        if c.keyword == "additionalProperties" and self.error_path:
            value = self.error_path[-1]
        return titles.phrase(c.keyword, name, value, c.limit, c.facet)

    @property
    def prefix(self) -> str | None:
        if self.location != "path" or not self.path:
            return None
        params = self.contract.operation(self.operation).parameters_in("path")
        return next((p.id_prefix for p in params if p.name == self.path[0]), None)


def _replaced(value: Any, path: tuple[Segment, ...], new: Any) -> Any:
    """``value`` with the node at ``path`` replaced by ``new`` (copies along the path only)."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replaced(value[head], rest, new)}
    out = list(value)
    out[int(head)] = _replaced(out[int(head)], rest, new)
    return out


def _plain(case: LimitCase) -> LimitCase | None:
    """For a type case whose value is an integral decimal (threadspec's own reading), a plainly wrong one."""
    c = case.constraint
    if case.accepted or c.keyword != "type" or not (isinstance(case.node, float) and case.node.is_integer()):
        return None
    options = ("ten",) if case.location != "body" else _NOT_NUMBERS
    wrong = next(w for w in options if not constraints.allows_type(list(c.limit), w))
    value = _replaced(case.value, case.path, wrong)
    return LimitCase(case.operation, c, False, case.location, value, case.path, case.error_path, "plain")


def _whole(case: LimitCase) -> LimitCase | None:
    """For a number just past a limit (``2.0000000000000004``), one a whole step past it (``3``): the
    value a person recognises, and one a server that rounds on the way in still has to refuse."""
    c = case.constraint
    node = case.node
    if case.accepted or c.keyword not in _BOUNDS or not (isinstance(node, float) and not node.is_integer()):
        return None
    whole = c.limit + 1 if c.keyword in ("maximum", "exclusiveMaximum") else c.limit - 1
    value = _replaced(case.value, case.path, whole)
    return LimitCase(case.operation, c, False, case.location, value, case.path, case.error_path, "plain")


def _wrong_kind(c: Constraint, case: LimitCase) -> LimitCase | None:
    """A well-formed id of another kind for a path id (``msg_…`` where ``thread_…`` belongs)."""
    prefix = case.prefix
    if c.keyword != "pattern" or case.accepted or prefix is None:
        return None
    other = "msg" if prefix != "msg" else "thread"
    value = _replaced(case.value, case.path, f"{other}_abc123")
    return LimitCase(case.operation, c, False, case.location, value, case.path, case.error_path, "prefix")


def _counted(location: Location, c: Constraint) -> bool:
    """Whether coverage counts ``c``: a URL always has every path segment, so those are no constraint."""
    return location != "path" or c.keyword != "required"


def _sendable(location: Location, c: Constraint) -> bool:
    return _counted(location, c) and (location != "query" or not c.path or c.path[0] not in _REAL_IDS)


def cases_for(
    contract: Contract, operation_id: str
) -> tuple[tuple[LimitCase, ...], tuple[tuple[Constraint, bool], ...]]:
    """Every case of the operation, and the (constraint, accepted side) pairs without one."""
    return contract.memo(("contract.cases", operation_id), lambda: _cases_for(contract, operation_id))


def _cases_for(
    contract: Contract, operation_id: str
) -> tuple[tuple[LimitCase, ...], tuple[tuple[Constraint, bool], ...]]:
    operation = contract.operation(operation_id)
    roots: list[tuple[str, Location]] = [(operation_id, "path"), (operation_id, "query")]
    if operation.request_schema is not None:
        roots.append((operation.request_schema, "body"))
    out: list[LimitCase] = []
    missing: list[tuple[Constraint, bool]] = []
    for root, location in roots:
        for built in generation.boundary(contract, root, location):
            c = built.constraint
            if not _sendable(location, c):
                if _counted(location, c) and built.expect_valid:
                    missing.append((c, True))
                continue
            case = LimitCase(
                operation_id, c, built.expect_valid, location, built.body, built.path, built.error_path
            )
            variants = (_plain(case), _whole(case), _wrong_kind(c, case))
            out += [case, *(v for v in variants if v is not None)]
        missing += [
            (c, side)
            for c, side in generation.unbuildable(contract, root, location)
            if _sendable(location, c)
        ]
    return tuple(out), tuple(missing)


def universe(contract: Contract, operation_id: str) -> tuple[Constraint, ...]:
    """The constraints coverage counts for an operation: every one a request could be sent for."""
    operation = contract.operation(operation_id)
    found = [
        c
        for c in constraints.parameter_inventory(operation_id, "path", contract=contract)
        if _counted("path", c)
    ]
    found += list(constraints.parameter_inventory(operation_id, "query", contract=contract))
    if operation.request_schema is not None:
        found += list(constraints.inventory(operation.request_schema, contract=contract))
    return tuple(found)
