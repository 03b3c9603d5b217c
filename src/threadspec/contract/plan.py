"""Which checks a run performs: per operation positive, negative and (for streaming ones) streaming; then workflows."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from threadspec.contract.config import ContractConfig
from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.negative import negative
from threadspec.contract.positive import positive
from threadspec.contract.streaming import streaming
from threadspec.contract.workflows import WORKFLOWS
from threadspec.facts import streaming_operations


@dataclass(frozen=True, slots=True)
class PlannedCheck:
    target: str  # an operationId, or a workflow's name
    check: str  # positive, negative, streaming or workflow
    run: Callable[[CheckContext], Awaitable[Verdict]]

    @property
    def name(self) -> str:
        return f"{self.target}::{self.check}"


def plan(config: ContractConfig) -> list[PlannedCheck]:
    """Every check ``config`` selects, in report order."""
    operations = config.selected_operations()
    checks = config.selected_checks()
    planned: list[PlannedCheck] = []
    for op in operations:
        if "positive" in checks:
            planned.append(PlannedCheck(op, "positive", partial(positive, operation_id=op)))
        if "negative" in checks:
            planned.append(PlannedCheck(op, "negative", partial(negative, operation_id=op)))
        if "streaming" in checks and op in streaming_operations():
            planned.append(PlannedCheck(op, "streaming", partial(streaming, operation_id=op)))
    if "workflow" in checks:
        for workflow in WORKFLOWS:
            if all(op in operations for op in workflow.operations):
                planned.append(PlannedCheck(workflow.name, "workflow", workflow.run))
    return planned
