"""Where requests come from: the spec-driven strategies and boundary cases of :mod:`threadspec.strategies`.

The checks call these functions and nothing else of the generators, so the contract runner depends
on one small, named surface.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from threadspec import constraints, contract_for, strategies
from threadspec.constraints import Constraint, Location
from threadspec.strategies import BoundaryCase


def valid_body(schema: str) -> st.SearchStrategy[Any]:
    """Bodies that meet every constraint of ``schema``."""
    return strategies.valid(schema)


def boundary(root: str, location: Location = "body") -> tuple[BoundaryCase, ...]:
    """One case exactly at and one just past every constraint of a body schema or an operation's
    ``query``/``path`` parameters (deterministic, so built once per contract)."""
    return contract_for().memo(
        ("contract.boundary", root, location), lambda: tuple(strategies.boundary_cases(root, location))
    )


def unbuildable(root: str, location: Location = "body") -> frozenset[tuple[Constraint, bool]]:
    """The (constraint, accepted side) pairs no case could be built for."""
    return contract_for().memo(("contract.unbuildable", root, location), lambda: _unbuildable(root, location))


def _unbuildable(root: str, location: Location) -> frozenset[tuple[Constraint, bool]]:
    cases = boundary(root, location)
    built = {(c.constraint, c.expect_valid) for c in cases}
    missing = strategies.uncovered(_inventory(root, location), cases)
    return frozenset(
        (c, side)
        for c in missing
        for side in ((True, False) if c.violable else (True,))
        if (c, side) not in built
    )


def _inventory(root: str, location: Location) -> tuple[Constraint, ...]:
    if location == "body":
        return constraints.inventory(root)
    return constraints.parameter_inventory(root, location)
