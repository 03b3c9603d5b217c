"""What every check is handed: the run's shared state and its own record of what it found."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from threadspec._contract import Contract
from threadspec.contract.client import ContractClient
from threadspec.contract.coverage import Coverage
from threadspec.contract.exchange import Exchange
from threadspec.contract.findings import Problem
from threadspec.contract.judge import judge_success


@dataclass(slots=True)
class Learned:
    """What one check found out about the server that spares the others a wait: a run that never
    settled (its last status) will not settle for the next check either."""

    stuck_status: object = None
    stuck: bool = False


@dataclass(frozen=True, slots=True)
class RunState:
    """Shared by every check of a run."""

    client: ContractClient
    assistant_id: str
    stateful: bool
    max_examples: int
    seed: int
    poll_seconds: float
    coverage: Coverage
    operations: frozenset[
        str
    ]  # those the run checks: a workflow's optional steps run when theirs is among them
    learned: Learned = field(default_factory=Learned)

    @property
    def contract(self) -> Contract:
        """The contract the server is held to (the client's: it sends its requests)."""
        return self.client.contract


@dataclass(slots=True)
class Verdict:
    """What one check found: its problems (none: it passed), how many cases it tried, a line for the table.

    ``empty``: nothing came back to validate (a list without items), so a clean run proves nothing.
    ``incomplete``: the time budget ran out before every case was tried.
    """

    problems: list[Problem] = field(default_factory=list)
    cases: int = 0
    detail: str = ""
    empty: bool = False
    incomplete: bool = False
    by_exchange: dict[int, list[Problem]] = field(default_factory=dict)

    def record(self, problems: Iterable[Problem]) -> list[Problem]:
        found = list(problems)
        self.problems += found
        for problem in found:
            if problem.exchange is not None:
                self.by_exchange.setdefault(id(problem.exchange), []).append(problem)
        return found

    def about(self, exchange: Exchange) -> list[Problem]:
        """The problems already recorded for ``exchange``."""
        return self.by_exchange.get(id(exchange), [])


@dataclass(slots=True)
class CheckContext:
    run: RunState
    verdict: Verdict

    @property
    def client(self) -> ContractClient:
        return self.run.client

    @property
    def stateful(self) -> bool:
        return self.run.stateful

    @property
    def contract(self) -> Contract:
        return self.run.contract

    def judge(self, exchange: Exchange) -> list[Problem]:
        """Judge the answer to a valid request and keep what it shows."""
        return self.verdict.record(judge_success(exchange, self.contract))
