"""Where generated requests come from: the spec-driven strategies of :mod:`threadspec.strategies`.

The checks call these two functions and nothing else of the generators, so the contract runner
depends on one small, named surface.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from threadspec import contract_for, strategies
from threadspec.constraints import Constraint


def valid_body(schema: str) -> st.SearchStrategy[Any]:
    """Bodies that meet every constraint of ``schema``."""
    return strategies.valid(schema)


def _refused(schema: str) -> dict[str, Any]:
    """One deterministic body past each breakable constraint (by id), built on the smallest valid parents."""
    return contract_for().memo(
        ("contract.refused", schema),
        lambda: {c.constraint.id: c.body for c in strategies.boundary_cases(schema) if not c.expect_valid},
    )


def invalid_body(schema: str, constraint: Constraint) -> st.SearchStrategy[Any] | None:
    """Bodies of ``schema`` that break ``constraint`` and nothing else (``None``: none can be built).

    The deterministic case comes first (hypothesis shrinks towards it, and it is already minimal);
    when :func:`threadspec.strategies.invalid` can aim at one constraint, drawn variants follow.
    """
    built = _refused(schema)
    if constraint.id not in built:
        return None
    first = st.just(built[constraint.id])
    if "constraint" not in inspect.signature(strategies.invalid).parameters:
        return first
    aimed: Callable[..., st.SearchStrategy[Any]] = strategies.invalid  # its `constraint` keyword is newer
    return first | aimed(schema, constraint=constraint).map(lambda mutation: mutation.body)
