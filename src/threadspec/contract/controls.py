"""Control requests: the smallest valid request to an operation, with real ids and the configured assistant.

Every boundary case of an operation is grafted onto its control, and judged only once the server
accepted the control: a refused control is one finding ("valid request … refused"), not a wall of
misjudged cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from threadspec._operation import Operation
from threadspec.contract.cases import cases_for
from threadspec.contract.client import NO_BODY
from threadspec.contract.context import CheckContext
from threadspec.contract.judge import is_success
from threadspec.contract.resources import FILE_ID, MODEL, Resources, tool_outputs
from threadspec.contract.targets import Ids, ids_for, shared_ids, shares
from threadspec.contract.verdict import Blocked

Body = dict[str, Any]

# The smallest valid body of each request schema that needs more than {}; a run names the assistant.
_BODIES: dict[str, Body] = {
    "CreateAssistantRequest": {"model": MODEL},
    "CreateMessageRequest": {"role": "user", "content": "Hello."},
    "SubmitToolOutputsRunRequest": {"tool_outputs": []},
    "CreateAssistantFileRequest": {"file_id": FILE_ID},
}
_ASSISTANT = frozenset({"CreateRunRequest", "CreateThreadAndRunRequest"})


def control_body(operation: Operation, assistant_id: str, run: Body | None = None) -> Any:
    """The control body of ``operation`` (tool outputs answer ``run``'s calls, when it waits on some)."""
    schema = operation.request_schema
    if schema is None:
        return NO_BODY
    body = dict(_BODIES.get(schema, {}))
    if schema in _ASSISTANT:
        body["assistant_id"] = assistant_id
    if "tool_outputs" in body and run is not None:
        body["tool_outputs"] = tool_outputs(run)
    return body


@dataclass(frozen=True, slots=True)
class Control:
    """The accepted control: the ids every case may reuse (empty for operations that use them up)."""

    operation: Operation
    shared: Ids
    resources: Resources

    async def target(self) -> tuple[Ids, Any]:
        """Ids and a control body for one more request (fresh objects where a request uses them up)."""
        ids, run = await ids_for(self.resources, self.operation, self.shared)
        return ids, control_body(self.operation, self.resources.assistant_id, run)


async def accepted_control(ctx: CheckContext, operation_id: str) -> Control:
    """Send the control request; :class:`Blocked` (with the refusal on record) when it is not accepted."""
    operation = ctx.contract.operation(operation_id)
    res = Resources(ctx)
    shared = await shared_ids(res, operation) if shares(operation) else {}
    control = Control(operation, shared, res)
    ids, body = await control.target()
    exchange = await ctx.client.call(operation_id, ids or None, body=body)
    problems = ctx.judge(exchange)
    if not is_success(exchange):
        raise Blocked(f"control request refused: {problems[0].title}")
    for case in cases_for(ctx.contract, operation_id)[
        0
    ]:  # real ids are exactly what the path constraints accept
        if case.location == "path" and case.accepted:
            ctx.run.coverage.exercised(operation_id, case.constraint, True)
    return control
