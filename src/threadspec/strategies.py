"""Hypothesis strategies for payloads of the contract: valid ones, ones exactly at a limit, broken ones.

Every strategy is driven by the spec through :mod:`threadspec.constraints`, so a limit added to
``spec/openapi.yaml`` is fuzzed without anyone writing a test::

    from hypothesis import given
    from threadspec import strategies

    @given(strategies.valid("CreateMessageRequest"))
    def test_accepts(body): ...

    @given(strategies.invalid("CreateRunRequest", rule="maxItems"))
    def test_refuses(case):  # case.body breaks one constraint, reported at case.pointer as case.rule
        ...

    @given(strategies.boundary("ModifyThreadRequest"))
    def test_limits(case):  # case.body sits exactly at a limit (case.expect_valid) or one step past it
        ...

Every strategy reads the default contract (``threadspec.contract_for("v2")``) unless given
``contract=``, so a profile or your own spec file (``threadspec.Contract.load``) is fuzzed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from threadspec import _mutate, constraints
from threadspec._contract import Contract, resolve_contract
from threadspec._extras import needs
from threadspec._mutate import ABSENT, FirstSource, Source, Unbuildable
from threadspec._violations import param_of, pointer_of
from threadspec.constraints import Constraint, Location, Segment

with needs("strategies", "threadspec.strategies"):
    from hypothesis import reject
    from hypothesis import strategies as st

    from threadspec._mutate.draw import DrawSource
    from threadspec._mutate.valid import MAX_ITEMS, MAX_MAP_ENTRIES, ValidValues

__all__ = [
    "MAX_ITEMS",
    "MAX_MAP_ENTRIES",
    "BoundaryCase",
    "Mutation",
    "boundary",
    "boundary_cases",
    "invalid",
    "out_of_reach",
    "param",
    "pointer",
    "uncovered",
    "valid",
]


def pointer(path: Sequence[Segment]) -> str:
    """The RFC 6901 JSON pointer of a concrete path: ``/thread/messages/2/content``."""
    return pointer_of(path)


def param(path: Sequence[Segment]) -> str | None:
    """The API's ``param`` form of a concrete path, ``thread.messages[2].content``; ``None`` for the root."""
    return param_of(path)


@dataclass(frozen=True, slots=True)
class BoundaryCase:
    """A payload exactly at one constraint's limit (``expect_valid``) or one step past it.

    ``path`` is where the constrained node sits in ``body``; ``error_path`` is where a validator reports
    the breach (``None`` for an accepted case): the node itself, or below it for ``required`` (the
    missing name), ``additionalProperties`` (the unknown key), discriminators and rules (the property).
    """

    constraint: Constraint
    body: Any
    expect_valid: bool
    path: tuple[Segment, ...]
    error_path: tuple[Segment, ...] | None = None

    @property
    def rule(self) -> str | None:
        """The ``rule`` the breach is reported under, ``None`` for an accepted case."""
        return None if self.expect_valid else self.constraint.rule

    @property
    def pointer(self) -> str | None:
        return None if self.error_path is None else pointer(self.error_path)

    @property
    def param(self) -> str | None:
        """The ``param`` an API error names for the breach (``None`` for an accepted case or the root)."""
        return None if self.error_path is None else param(self.error_path)

    @property
    def location(self) -> Location:
        """``body``, or ``query``/``path`` for a case about an operation's parameters."""
        return self.constraint.location


@dataclass(frozen=True, slots=True)
class Mutation:
    """A valid payload with one violating change: the first violation is ``rule`` at ``path``."""

    constraint: Constraint
    body: Any
    path: tuple[Segment, ...]
    rule: str

    @property
    def pointer(self) -> str:
        return pointer(self.path)

    @property
    def param(self) -> str | None:
        """The ``param`` an API error names for the violation (``None`` at the root)."""
        return param(self.path)


# ---------------------------------------------------------------------------------- valid bodies
def _valid(contract: Contract, schema_name: str) -> st.SearchStrategy[Any]:
    def build() -> st.SearchStrategy[Any]:
        compiled = contract.compiled(schema_name)
        drawn = ValidValues(compiled.chooser, schema_name).of(compiled.body)
        # x-threadspec-rules are kept by the registry's repair: a filter would reject most bodies
        return drawn.map(lambda body: _mutate.fix_rules(_mutate.copy(body), schema_name, contract=contract))

    return contract.memo(("strategies.valid", schema_name), build)


def valid(schema_name: str, *, contract: Contract | None = None) -> st.SearchStrategy[Any]:
    """Payloads that ``schema_name`` accepts, drawn keyword by keyword from its compiled schema.

    Arrays hold at most :data:`MAX_ITEMS` items and maps at most :data:`MAX_MAP_ENTRIES` entries (more when
    a minimum asks for it). A schema with a keyword no generator knows raises :class:`threadspec.UngeneratableSchemaError`.
    """
    found = resolve_contract(contract)
    found.shared_schema(schema_name)  # an unknown name fails here, not at the first draw
    return _valid(found, schema_name)


# ---------------------------------------------------------------------------------- boundary and broken
def _constraints(root: str, location: Location, contract: Contract) -> tuple[Constraint, ...]:
    if location == "body":
        return constraints.inventory(root, contract=contract)
    return constraints.parameter_inventory(root, location, contract=contract)


def _matches(c: Constraint, rule: str | None) -> bool:
    return rule is None or rule in (c.keyword, c.rule)


def _build(c: Constraint, base: Any, expect_valid: bool, source: Source, far: bool = False) -> BoundaryCase:
    edit = _mutate.edit_for(c, expect_valid, source, far)
    out = _mutate.graft(base, c, edit, source)
    _mutate.fix_rules(out.body, c.root, c.location, skip=out.path if c.is_rule else None, contract=c.contract)
    error_path = None if expect_valid else c.report_path(out.path, out.extra)
    return BoundaryCase(c, out.body, expect_valid, out.path, error_path)


def boundary_cases(
    root: str,
    location: Location = "body",
    of: Iterable[Constraint] | None = None,
    *,
    contract: Contract | None = None,
) -> list[BoundaryCase]:
    """One case at and (where it can be broken) one case past every constraint, deterministically.

    ``root`` is a component name, or an operationId with ``location`` ``"query"`` or ``"path"``; ``of``
    narrows the constraints (default: the root's whole inventory). A constraint no builder can serve
    yields no case, and :func:`uncovered` reports it.
    """
    out: list[BoundaryCase] = []
    for c in _constraints(root, location, resolve_contract(contract)) if of is None else of:
        for expect_valid in (True, False) if c.violable else (True,):
            try:
                out.append(_build(c, ABSENT, expect_valid, FirstSource()))
            except Unbuildable:
                continue
    return out


def uncovered(inventory: Iterable[Constraint], cases: Iterable[BoundaryCase]) -> list[Constraint]:
    """The constraints without an at-limit case, or (when they can be broken) without a past-limit case."""
    seen = {(case.constraint, case.expect_valid) for case in cases}
    return [c for c in inventory if (c, True) not in seen or (c.violable and (c, False) not in seen)]


def out_of_reach(inventory: Iterable[Constraint]) -> list[Constraint]:
    """The constraints no case is built for because a payload at their limit would not fit in memory:
    a count or length of 100,000 or more (the 100,000,000 files of a new vector store)."""
    return [c for c in inventory if _mutate.beyond_reach(c)]


def _options(
    root: str, location: Location, rule: str | None, expect_valid: bool | None, contract: Contract
) -> list[Constraint]:
    if location == "body":
        contract.shared_schema(root)  # an unknown name fails here, not at the first draw
    found = [
        c
        for c in _constraints(root, location, contract)
        if _matches(c, rule) and (c.violable or expect_valid is not False) and not _mutate.beyond_reach(c)
    ]
    if not found:
        raise ValueError(f"{root} ({location}) has no constraint {rule!r} to fuzz")
    return found


@st.composite
def _boundary(
    draw: st.DrawFn, options: list[Constraint], expect_valid: bool | None, far: bool
) -> BoundaryCase:
    c = draw(st.sampled_from(options))
    accept = expect_valid if expect_valid is not None else (draw(st.booleans()) if c.violable else True)
    base = draw(_valid(resolve_contract(c.contract), c.root)) if c.location == "body" else ABSENT
    try:
        return _build(c, base, accept, DrawSource(draw), far)
    except Unbuildable:
        reject()


def boundary(
    root: str,
    *,
    rule: str | None = None,
    expect_valid: bool | None = None,
    location: Location = "body",
    contract: Contract | None = None,
) -> st.SearchStrategy[BoundaryCase]:
    """Cases exactly at a limit (accepted) or one step past it (refused), at any location the limit applies.

    The case is grafted onto a drawn valid payload, so ``thread.messages[i].metadata`` is reached at a
    random ``i``. ``rule`` picks constraints by keyword (``"maxLength"``) or reported rule (``"const"``);
    ``location`` ``"query"`` or ``"path"`` fuzzes the parameters of operation ``root``.
    """
    return _boundary(
        _options(root, location, rule, expect_valid, resolve_contract(contract)), expect_valid, False
    )


def _mutation(case: BoundaryCase) -> Mutation:
    assert case.error_path is not None
    return Mutation(case.constraint, case.body, case.error_path, case.constraint.rule)


def invalid(
    schema_name: str, rule: str | None = None, *, contract: Contract | None = None
) -> st.SearchStrategy[Mutation]:
    """A valid payload with one violating change somewhere in the tree (of keyword ``rule``, or any)."""
    options = _options(schema_name, "body", rule, False, resolve_contract(contract))
    return _boundary(options, False, True).map(_mutation)
