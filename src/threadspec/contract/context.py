"""What every check is handed, and what it hands back."""

from __future__ import annotations

from dataclasses import dataclass, field

from threadspec.contract.client import ContractClient
from threadspec.contract.report import Failure
from threadspec.contract.resources import Resources


@dataclass(frozen=True, slots=True)
class CheckContext:
    client: ContractClient
    resources: Resources
    max_examples: int
    seed: int

    @property
    def stateful(self) -> bool:
        return self.resources.stateful


@dataclass(slots=True)
class Verdict:
    """Failures found (none: the check passed), how many cases were tried, and a line for the table.

    ``incomplete``: the time budget ran out before every case was tried.
    """

    failures: list[Failure] = field(default_factory=list)
    cases: int = 0
    detail: str = ""
    incomplete: bool = False
