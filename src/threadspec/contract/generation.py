"""Where requests come from: the spec-driven strategies and boundary cases of :mod:`threadspec.strategies`.

The checks call these functions and nothing else of the generators, so the contract runner depends
on one small, named surface.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from threadspec import constraints, strategies
from threadspec._contract import Contract
from threadspec.constraints import Constraint, Location
from threadspec.strategies import BoundaryCase


def valid_body(contract: Contract, schema: str) -> st.SearchStrategy[Any]:
    """Bodies that meet every constraint of ``schema``."""
    return strategies.valid(schema, contract=contract)


def boundary(contract: Contract, root: str, location: Location = "body") -> tuple[BoundaryCase, ...]:
    """One case exactly at and one just past every constraint of a body schema or an operation's
    ``query``/``path`` parameters (deterministic, so built once per contract)."""
    return contract.memo(
        ("contract.boundary", root, location),
        lambda: tuple(strategies.boundary_cases(root, location, contract=contract)),
    )


def unbuildable(
    contract: Contract, root: str, location: Location = "body"
) -> frozenset[tuple[Constraint, bool]]:
    """The (constraint, accepted side) pairs no case could be built for."""
    return contract.memo(
        ("contract.unbuildable", root, location), lambda: _unbuildable(contract, root, location)
    )


def _unbuildable(contract: Contract, root: str, location: Location) -> frozenset[tuple[Constraint, bool]]:
    cases = boundary(contract, root, location)
    built = {(c.constraint, c.expect_valid) for c in cases}
    missing = strategies.uncovered(_inventory(contract, root, location), cases)
    return frozenset(
        (c, side)
        for c in missing
        for side in ((True, False) if c.violable else (True,))
        if (c, side) not in built
    )


def _inventory(contract: Contract, root: str, location: Location) -> tuple[Constraint, ...]:
    if location == "body":
        return constraints.inventory(root, contract=contract)
    return constraints.parameter_inventory(root, location, contract=contract)
