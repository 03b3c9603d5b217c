"""Driving hypothesis to the smallest request a server gets wrong.

A probe sends one generated request and answers with a :class:`Failure` or ``None``. Hypothesis runs
it as the body of a ``@given`` test; a failure becomes an exception, so hypothesis shrinks it, and
because every failing call records its failure, the last one recorded is the shrunk one (hypothesis
replays the minimal example last). Shrinking sends real requests, so it is capped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import seed as seeded
from hypothesis.errors import HypothesisException
from hypothesis.strategies import SearchStrategy

from threadspec.contract.client import BudgetExhaustedError
from threadspec.contract.report import Failure

T = TypeVar("T")
Probe = Callable[[T], Failure | None]


class _Falsified(Exception):
    """Raised inside the hypothesis test so that it shrinks."""


@dataclass(slots=True)
class Search:
    """What one search found: the smallest failure (if any) and how many requests it cost."""

    failure: Failure | None = None
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
    shrink_limit: int = 100,
) -> Search:
    """Search for an input that ``probe`` fails on; shrink it with at most ``shrink_limit`` more calls."""
    search = Search()

    def attempt(value: T) -> None:
        if search.budget_spent or search.fault is not None:
            return
        if search.failure is not None:
            if search.shrink_calls >= shrink_limit:
                return  # the shrinker now sees passes only, keeps the best so far and stops
            search.shrink_calls += 1
        search.sent += 1
        try:
            found = probe(value)
        except BudgetExhaustedError:
            search.budget_spent = True
            return
        except Exception as exc:  # a fault of the runner itself, not of the server: report, do not shrink
            search.fault = exc
            return
        if found is not None:
            search.failure = found
            raise _Falsified(found.reason)

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
    )(seeded(seed)(given(strategy)(attempt)))
    try:
        test()
    except (_Falsified, HypothesisException):  # Flaky or Unsatisfiable: the record below is the verdict
        pass
    except BaseExceptionGroup as group:  # hypothesis may wrap a replayed failure together with a flaky one
        if not group.subgroup((_Falsified, HypothesisException)):
            raise
    if search.fault is not None:
        raise search.fault
    return search
