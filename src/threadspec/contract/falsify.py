"""Driving hypothesis to the smallest request that shows something new.

A probe sends one generated request, records what it shows and answers whether that includes a
problem not seen before this search. Hypothesis runs it as the body of a ``@given`` test; a "yes"
becomes an exception, so hypothesis shrinks towards the smallest request that still shows something
new (every request on the way is judged and recorded too). Shrinking sends real requests, so it is
capped. Drawn values carry a one-line repr: hypothesis never renders a 256 KB body.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import seed as seeded
from hypothesis.errors import HypothesisException
from hypothesis.strategies import SearchStrategy

from threadspec.contract.client import BudgetExhaustedError

T = TypeVar("T")
Probe = Callable[[T], bool]


class _Falsified(Exception):
    """Raised inside the hypothesis test so that it shrinks."""


class Drawn(Generic[T]):
    """A drawn value behind a short repr."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<drawn request>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


@dataclass(slots=True)
class Search:
    """What one search did: whether something new showed, and how many requests it cost."""

    found: bool = False
    sent: int = 0
    shrink_calls: int = 0
    budget_spent: bool = False
    fault: BaseException | None = None


def falsify(
    strategy: SearchStrategy[T],
    probe: Probe[T],
    *,
    max_examples: int,
    seed: int,
    shrink_limit: int = 25,
) -> Search:
    """Search for an input ``probe`` says yes to; shrink it with at most ``shrink_limit`` more calls."""
    search = Search()

    def attempt(drawn: Drawn[T]) -> None:
        if search.budget_spent or search.fault is not None:
            return
        if search.found:
            if search.shrink_calls >= shrink_limit:
                return  # the shrinker now sees passes only, keeps the best so far and stops
            search.shrink_calls += 1
        search.sent += 1
        try:
            new = probe(drawn.value)
        except BudgetExhaustedError:
            search.budget_spent = True
            return
        except Exception as exc:  # not the server's fault (or a blocked setup): report, do not shrink
            search.fault = exc
            return
        if new:
            search.found = True
            raise _Falsified

    test = settings(
        max_examples=max_examples,
        derandomize=False,
        database=None,
        deadline=None,
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        verbosity=Verbosity.quiet,
        print_blob=False,
    )(seeded(seed)(given(strategy.map(Drawn))(attempt)))
    try:
        test()
    except (_Falsified, HypothesisException):  # Flaky or Unsatisfiable: the record is the verdict
        pass
    except BaseExceptionGroup as group:  # hypothesis may wrap a replayed failure together with a flaky one
        if not group.subgroup((_Falsified, HypothesisException)):
            raise
    if search.fault is not None:
        raise search.fault
    return search
