"""The hypothesis driver finds and shrinks failures within its caps; the config refuses what it cannot run."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import pytest
from hypothesis import strategies as st

from threadspec import UnknownOperationError, UnknownProfileError
from threadspec.contract import ContractConfig
from threadspec.contract.client import BudgetExhaustedError
from threadspec.contract.falsify import falsify


def _fails_from(threshold: int, calls: list[int]) -> Callable[[int], bool]:
    def probe(value: int) -> bool:
        calls.append(value)
        return value >= threshold

    return probe


def test_the_search_shrinks_to_the_smallest_request_that_shows_something() -> None:
    calls: list[int] = []
    found = falsify(
        st.integers(0, 10_000), _fails_from(1000, calls), max_examples=200, seed=1, shrink_limit=200
    )
    assert found.found and found.sent == len(calls)
    assert 1000 in calls  # hypothesis reached the threshold itself while shrinking


def test_shrinking_is_capped() -> None:
    calls: list[int] = []
    found = falsify(st.integers(0, 10**9), _fails_from(10, calls), max_examples=200, seed=2, shrink_limit=3)
    assert found.found
    assert found.shrink_calls == 3
    first_failure = next(i for i, v in enumerate(calls) if v >= 10)
    assert len(calls) == first_failure + 1 + 3


def test_passing_probes_find_nothing() -> None:
    found = falsify(st.integers(), lambda _: False, max_examples=7, seed=3)
    assert (found.found, found.sent) == (False, 7)


def test_a_spent_budget_stops_the_search() -> None:
    def probe(_: int) -> bool:
        raise BudgetExhaustedError("spent")

    found = falsify(st.integers(), probe, max_examples=50, seed=4)
    assert found.budget_spent and found.sent == 1 and not found.found


def test_a_fault_of_the_runner_is_raised_not_shrunk() -> None:
    calls: list[int] = []

    def probe(value: int) -> bool:
        calls.append(value)
        raise KeyError("bug")

    with pytest.raises(KeyError):
        falsify(st.integers(), probe, max_examples=50, seed=5)
    assert len(calls) == 1


def test_a_huge_failing_request_raises_no_hypothesis_warning() -> None:
    """Hypothesis says "overly large repr" about a big failing example; drawn requests show a short one."""
    huge = st.just({"content": "x" * 300_000}) | st.just({"content": "y" * 300_001})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = falsify(huge, lambda body: len(body["content"]) > 0, max_examples=5, seed=6)
    assert found.found
    assert [w.message for w in caught] == []


def test_the_config_refuses_what_it_cannot_run() -> None:
    with pytest.raises(UnknownOperationError):
        ContractConfig(base_url="http://x", operations=("listThreads",))
    with pytest.raises(UnknownOperationError, match="deleteMessage"):  # v1 deletes no message
        ContractConfig(base_url="http://x", operations=("deleteMessage",), profile="v1")
    with pytest.raises(UnknownOperationError, match="listMessageFiles"):  # v2 has no message files
        ContractConfig(base_url="http://x", operations=("listMessageFiles",))
    with pytest.raises(UnknownProfileError, match="v3"):
        ContractConfig(base_url="http://x", profile="v3")
    with pytest.raises(ValueError, match=r"^unknown check 'postive'") as refused:
        ContractConfig(base_url="http://x", checks=("postive",))
    assert str(refused.value) == (
        "unknown check 'postive': did you mean 'positive'? (choose from positive, boundary, negative, streaming, "
        "workflow)"
    )
    with pytest.raises(ValueError, match="at least 1"):
        ContractConfig(base_url="http://x", workers=0)
