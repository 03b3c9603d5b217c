"""The state machine of legal event orders."""

from __future__ import annotations

from typing import Any

import pytest

from threadspec import contract_for, profiles
from threadspec.stream_order import StreamOrder, check_order


def run(status: str, run_id: str = "run_1") -> dict[str, Any]:
    return {"id": run_id, "object": "thread.run", "status": status}


def item(ident: str) -> dict[str, Any]:
    return {"id": ident}


HEAD = [
    ("thread.run.created", run("queued")),
    ("thread.run.queued", run("queued")),
    ("thread.run.in_progress", run("in_progress")),
]
MESSAGE = [
    ("thread.run.step.created", item("step_1")),
    ("thread.run.step.in_progress", item("step_1")),
    ("thread.message.created", item("msg_1")),
    ("thread.message.in_progress", item("msg_1")),
    ("thread.message.delta", item("msg_1")),
    ("thread.message.completed", item("msg_1")),
    ("thread.run.step.completed", item("step_1")),
]
COMPLETED = [*HEAD, *MESSAGE, ("thread.run.completed", run("completed")), ("done", "[DONE]")]


def test_legal_streams() -> None:
    assert check_order(COMPLETED) is None
    with_thread = [("thread.created", {"id": "thread_1"}), *COMPLETED]
    assert check_order(with_thread, creates_thread=True) is None
    waiting = [
        *HEAD,
        ("thread.run.step.created", item("step_1")),
        ("thread.run.step.in_progress", item("step_1")),
        ("thread.run.requires_action", run("requires_action")),
        ("done", "[DONE]"),
    ]
    assert check_order(waiting) is None
    resumed = [
        ("thread.run.step.completed", item("step_1")),
        *HEAD[1:],
        *MESSAGE[2:6],
        ("thread.run.completed", run("completed")),
        ("done", "[DONE]"),
    ]
    assert check_order(resumed, resumed=True) is None
    failed = [*HEAD, ("error", {"message": "boom"}), ("done", "[DONE]")]
    assert check_order(failed) is None


def _swap(events: list[Any], i: int, j: int) -> list[Any]:
    out = list(events)
    out[i], out[j] = out[j], out[i]
    return out


@pytest.mark.parametrize(
    ("events", "where", "reason"),
    [
        (_swap(COMPLETED, 0, 1), 0, "not allowed after 'start'"),
        (COMPLETED[:-1], len(COMPLETED) - 1, "without the done event"),
        ([*COMPLETED, ("thread.run.completed", run("completed"))], len(COMPLETED), "done must be last"),
        ([("thread.created", {"id": "thread_1"}), *COMPLETED], 0, "not allowed after 'start'"),
        (_swap(COMPLETED, 5, 7), 5, "msg_1 was not created earlier"),
        (
            [*HEAD, *MESSAGE[:4], ("thread.run.completed", run("completed")), ("done", "[DONE]")],
            7,
            "had not ended",
        ),
        ([*HEAD[:2], MESSAGE[0]], 2, "belong after thread.run.in_progress"),
        ([*HEAD, *MESSAGE, MESSAGE[-1]], 10, "step_1 already ended"),
        ([*HEAD[:2], ("thread.run.in_progress", run("queued"))], 2, "carries status 'queued'"),
        ([*HEAD[:2], ("thread.run.in_progress", run("in_progress", "run_2"))], 2, "names run 'run_2'"),
        ([("done", "[DONE]")], 0, "not allowed after 'start'"),
    ],
)
def test_illegal_streams(events: list[Any], where: int, reason: str) -> None:
    problem = check_order(events, creates_thread=False)
    assert problem is not None
    assert problem.index == where
    assert reason in str(problem)


INCOMPLETE = [*HEAD, *MESSAGE, ("thread.run.incomplete", run("incomplete")), ("done", "[DONE]")]


def test_the_run_ends_a_stream_may_have_are_the_profiles() -> None:
    """v2 runs may end ``incomplete``; v1 runs have no such status, so a v1 stream may not end on it."""
    assert "incomplete" in contract_for("v2").run_statuses
    assert "incomplete" not in contract_for("v1").run_statuses
    assert check_order(INCOMPLETE, contract=contract_for("v2")) is None
    problem = check_order(INCOMPLETE, contract=contract_for("v1"))
    assert problem is not None
    assert (problem.index, problem.event) == (len(INCOMPLETE) - 2, "thread.run.incomplete")
    assert "not allowed after 'active'" in str(problem)
    assert check_order(COMPLETED, contract=contract_for("v1")) is None


@pytest.mark.parametrize("profile", profiles())
def test_each_streaming_operation_says_how_its_stream_starts(profile: str) -> None:
    """Read from the path: no thread in it, the stream creates one; a run in it, the stream resumes it."""
    contract = contract_for(profile)
    starts = {
        op: (machine.creates_thread, machine.resumed)
        for op in contract.streaming_operations
        for machine in [StreamOrder.of(contract.operation(op), contract)]
    }
    assert starts == {
        "createThreadAndRun": (True, False),
        "createRun": (False, False),
        "submitToolOuputsToRun": (False, True),
    }
