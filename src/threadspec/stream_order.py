"""The order a run's event stream must follow, as a small state machine shared by the contract runner and
the proxy.

A stream is ``thread.created``? (only when the request created the thread), ``thread.run.created``,
``thread.run.queued``, ``thread.run.in_progress``, then step and message events, then one terminal run
event (``completed``, ``requires_action``, ``incomplete``, ``failed``, ``cancelled``, ``expired``: those
the contract's runs can have, so never ``incomplete`` in v1), then ``done``, last. A stream resumed by
submitting tool outputs may first finish the tool-call step, then goes on from ``queued``. Steps and
messages follow their own lifecycle: created, in_progress, deltas, one end; a run may only complete once
everything it opened has ended.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from threadspec._contract import Contract
from threadspec._operation import Operation
from threadspec.facts import TERMINAL_ITEM_STATUSES as ITEM_ENDS
from threadspec.facts import stream_run_ends

# the run events whose data must carry the status they name (a run event's suffix is its status)
_PASSING = frozenset({"queued", "in_progress", "cancelling"})


@dataclass(frozen=True, slots=True)
class OrderError:
    index: int
    event: str
    reason: str
    state: str = ""  # where the stream was when the event came

    def __str__(self) -> str:
        return f"event {self.index} ({self.event}): {self.reason}"


class StreamOrder:
    """Feed events one by one; the first illegal one is returned as an :class:`OrderError`."""

    def __init__(
        self, *, creates_thread: bool = False, resumed: bool = False, contract: Contract | None = None
    ) -> None:
        self.run_ends = stream_run_ends(contract)
        self.state = "resumed" if resumed else "start"
        self.resumed = resumed
        self.creates_thread = creates_thread
        self.run_id: str | None = None
        self.open_items: dict[str, str] = {}  # id -> "step" | "message", created and not yet ended
        self.ended_items: set[str] = set()

    @classmethod
    def of(cls, operation: Operation, contract: Contract | None = None) -> StreamOrder:
        """The machine for a stream ``operation`` answers, as its path says: without a thread in its path it
        creates one (``thread.created`` first); with a run in it, it resumes that run."""
        names = {p.name for p in operation.parameters_in("path")}
        return cls(creates_thread="thread_id" not in names, resumed="run_id" in names, contract=contract)

    def _next_states(self) -> dict[str, str]:
        """Run-level events allowed now, and the state each leads to."""
        ends = {f"thread.run.{end}": "ended" for end in self.run_ends}
        table: dict[str, dict[str, str]] = {
            "start": {"thread.run.created": "created"}
            | ({"thread.created": "thread"} if self.creates_thread else {}),
            "thread": {"thread.run.created": "created"},
            "created": {"thread.run.queued": "queued"},
            "resumed": {"thread.run.queued": "queued", "thread.run.in_progress": "active"},
            "queued": {"thread.run.in_progress": "active", "thread.run.cancelling": "cancelling"}
            | {k: v for k, v in ends.items() if k.rsplit(".", 1)[1] in ("cancelled", "failed", "expired")},
            "active": {"thread.run.cancelling": "cancelling"} | ends,
            "cancelling": {
                "thread.run.cancelled": "ended",
                "thread.run.failed": "ended",
                "thread.run.completed": "ended",
            },
            "ended": {"done": "done"},
            "errored": {"done": "done"},
            "done": {},
        }
        return table[self.state]

    def feed(self, index: int, name: str, data: Any) -> OrderError | None:
        def bad(reason: str) -> OrderError:
            return OrderError(index, name, reason, self.state)

        if name == "error" and self.state != "done":
            self.state = "errored"
            return None
        if name.startswith(("thread.run.step.", "thread.message.")):
            problem = self._item(name, data)
            return None if problem is None else bad(problem)
        allowed = self._next_states()
        if name not in allowed:
            expected = ", ".join(sorted(allowed)) or "nothing (done must be last)"
            return bad(f"not allowed after {self.state!r}; expected {expected}")
        if name.startswith("thread.run.") and isinstance(data, dict):
            problem = self._run_data(name, data)
            if problem:
                return bad(problem)
        self.state = allowed[name]
        return None

    def _run_data(self, name: str, data: dict[str, Any]) -> str | None:
        ident = data.get("id")
        if self.run_id is None:
            self.run_id = ident if isinstance(ident, str) else None
        elif ident != self.run_id:
            return f"names run {ident!r}, the stream is about {self.run_id!r}"
        suffix = name.rsplit(".", 1)[1]
        want = suffix if suffix in _PASSING or suffix in self.run_ends else None
        if want is not None and data.get("status") != want:
            return f"carries status {data.get('status')!r}, expected {want!r}"
        if suffix == "completed" and self.open_items:
            return f"the run completed while {sorted(self.open_items)} had not ended"
        return None

    def _item(self, name: str, data: Any) -> str | None:
        if self.state not in ("active", "resumed", "cancelling"):
            return f"step and message events belong after thread.run.in_progress, the stream is at {self.state!r}"
        kind = "step" if name.startswith("thread.run.step.") else "message"
        stage = name.rsplit(".", 1)[1]
        ident = data.get("id") if isinstance(data, dict) else None
        if not isinstance(ident, str):
            return "the event data has no id"
        if ident in self.ended_items:
            return f"{kind} {ident} already ended"
        if stage == "created":
            if ident in self.open_items:
                return f"{kind} {ident} was created twice"
            self.open_items[ident] = kind
        elif ident not in self.open_items and not (kind == "step" and self.resumed):
            # a resumed stream may go on with the tool-call step created before the run paused
            return f"{kind} {ident} was not created earlier in the stream"
        if stage in ITEM_ENDS:
            self.open_items.pop(ident, None)
            self.ended_items.add(ident)
        return None

    def finish(self, count: int) -> OrderError | None:
        if self.state != "done":
            return OrderError(
                count, "<end>", f"the stream ended at {self.state!r} without the done event", self.state
            )
        return None


def check_order(
    events: Iterable[tuple[str, Any]],
    *,
    creates_thread: bool = False,
    resumed: bool = False,
    contract: Contract | None = None,
) -> OrderError | None:
    """The first place ``events`` (name, decoded data) break the legal order, or ``None``."""
    machine = StreamOrder(creates_thread=creates_thread, resumed=resumed, contract=contract)
    count = 0
    for index, (name, data) in enumerate(events):
        count = index + 1
        problem = machine.feed(index, name, data)
        if problem is not None:
            return problem
    return machine.finish(count)
