"""Which checks a run performs: per operation positive, boundary, negative and (for streaming ones)
streaming; then the workflows."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from threadspec._contract import Contract
from threadspec.contract.config import ContractConfig
from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.limits import boundary, negative
from threadspec.contract.positive import positive
from threadspec.contract.streaming import streaming
from threadspec.contract.workflows import WORKFLOWS


@dataclass(frozen=True, slots=True)
class PlannedCheck:
    target: str  # an operationId, or a workflow's name
    check: str  # positive, boundary, negative, streaming or workflow
    run: Callable[[CheckContext], Awaitable[Verdict]]

    @property
    def name(self) -> str:
        return f"{self.target}::{self.check}"


def has_limits_to_meet(contract: Contract, operation_id: str) -> bool:
    """Whether a request to the operation can sit at a limit: it has a body or query parameters."""
    operation = contract.operation(operation_id)
    return operation.request_schema is not None or bool(operation.parameters_in("query"))


def plan(config: ContractConfig) -> list[PlannedCheck]:
    """Every check ``config`` selects, in report order; a workflow when its contract has what it needs."""
    contract = config.contract
    operations = config.selected_operations()
    checks = config.selected_checks()
    planned: list[PlannedCheck] = []
    for op in operations:
        if "positive" in checks:
            planned.append(PlannedCheck(op, "positive", partial(positive, operation_id=op)))
        if "boundary" in checks and has_limits_to_meet(contract, op):
            planned.append(PlannedCheck(op, "boundary", partial(boundary, operation_id=op)))
        if "negative" in checks:
            planned.append(PlannedCheck(op, "negative", partial(negative, operation_id=op)))
        if "streaming" in checks and op in contract.streaming_operations:
            planned.append(PlannedCheck(op, "streaming", partial(streaming, operation_id=op)))
    if "workflow" in checks:
        for workflow in WORKFLOWS:
            if all(op in operations for op in workflow.operations):
                planned.append(PlannedCheck(workflow.name, "workflow", workflow.run))
    return planned
