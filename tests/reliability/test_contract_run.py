"""schemathesis against the mock, from the spec, in both modes: no failure of the six checks.

A bounded, deterministic run in CI; a long randomised one, with the stateful phase, under
``make soak``. :mod:`tests.reliability.contract_run` says what is configured and why.
"""

from __future__ import annotations

import os
import random

import pytest

from tests.reliability import contract_run
from tests.reliability.support import record


def _run(mode: str, examples: int, seed: int, stateful: bool, deterministic: bool) -> None:
    outcome = contract_run.run(
        mode, examples, seed=seed, stateful_phase=stateful, deterministic=deterministic
    )
    record("schemathesis", mode=mode, max_examples=examples, seed=seed, stateful_phase=stateful,
           cases=outcome.cases, requests=sum(outcome.statuses.values()),
           statuses={str(k): v for k, v in sorted(outcome.statuses.items())},
           failures=len(outcome.failures), waived=dict(outcome.waived))  # fmt: skip
    assert not outcome.errors, "\n".join(outcome.errors)
    assert not outcome.failures, f"seed {seed}:\n" + "\n".join(outcome.failures)
    assert outcome.statuses[200] > 0 and outcome.statuses[400] > 0  # it did reach the operations


@pytest.mark.parametrize("mode", ["stateful", "stateless"])
def test_schemathesis_finds_nothing(mode: str) -> None:
    _run(mode, 5, seed=1, stateful=False, deterministic=True)


@pytest.mark.soak
@pytest.mark.parametrize("mode", ["stateful", "stateless"])
def test_schemathesis_finds_nothing_soak(mode: str) -> None:
    seed = int(os.environ.get("THREADSPEC_SOAK_SEED") or random.randrange(2**32))
    _run(mode, 100, seed=seed, stateful=True, deterministic=False)
