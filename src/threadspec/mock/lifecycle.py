"""A run's life: queued → in_progress → requires_action / completed / incomplete / failed.

Each transition stores what changed and emits the stream events the API sends for it, in the
API's order; the same code serves streamed, instant and per-poll runs. A stored run keeps in its
``state`` the tool outputs once submitted (``outputs``), the open tool-calls step (``step_id``)
and the tokens used so far.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from threadspec.facts import STREAM_RUN_ENDS
from threadspec.mock import objects, tokens
from threadspec.mock.backend import Backend
from threadspec.mock.events import Events
from threadspec.mock.records import Record
from threadspec.mock.script import Call, Plan
from threadspec.mock.wording import (
    cannot_cancel,
    missing_tool_call_id,
    no_tool_outputs_expected,
    tool_outputs_mismatch,
)

SETTLED = STREAM_RUN_ENDS  # where a run waits without anyone polling it


def _step_details_message(message_id: str) -> dict[str, Any]:
    return {"type": "message_creation", "message_creation": {"message_id": message_id}}


class Lifecycle:
    """Moves runs along; every method stores its changes through the backend's store."""

    def __init__(self, backend: Backend) -> None:
        self.b = backend

    # -- creation and helpers -------------------------------------------------------------
    def create(
        self,
        thread_id: str,
        request: dict[str, Any],
        assistant: dict[str, Any],
        events: Events,
        run_id: str | None = None,
    ) -> Record:
        """A new queued run of ``assistant`` (``thread.run.created``, ``thread.run.queued``)."""
        run_id, seq, now = self.b.allocate("run", run_id)
        expires = now + self.b.config.run_expiry_seconds
        body = objects.run_object(run_id, thread_id, now, expires, request, assistant)
        state = {"outputs": None, "step_id": None, "prompt_tokens": 0, "completion_tokens": 0}
        run = self.b.new("run", run_id, thread_id, None, now, seq, body, state)
        self.b.store.put(run)
        events.emit("thread.run.created", body)
        events.emit("thread.run.queued", body)
        return run

    def _set(self, run: Record, events: Events | None, event: str | None, **changes: Any) -> None:
        run.body.update(changes)
        self.b.store.put(run)
        if events is not None and event is not None:
            events.emit(event, run.body)

    def _usage(self, run: Record) -> dict[str, int] | None:
        used = run.state["prompt_tokens"], run.state["completion_tokens"]
        return objects.usage(*used) if any(used) else None

    def _finish(self, run: Record, status: str, events: Events, **changes: Any) -> None:
        changes.update(status=status, expires_at=None, required_action=None, usage=self._usage(run))
        self._set(run, events, f"thread.run.{status}", **changes)

    def _capped(self, run: Record, reason: str, events: Events) -> None:
        """End a run that reached a token cap: ``incomplete``, or where the profile's runs have no such
        status (v1) ``completed``; ``incomplete_details`` says which cap either way."""
        status = self.b.profile.capped_status
        changes: dict[str, Any] = {"incomplete_details": {"reason": reason}}
        if f"{status}_at" in run.body:  # a completed run says when
            changes[f"{status}_at"] = self.b.now()
        self._finish(run, status, events, **changes)

    # -- moving on ------------------------------------------------------------------------
    def advance(self, run: Record, events: Events) -> None:
        """One status further, if the run can move without the caller."""
        if self.expire_if_due(run, events):
            return
        status = run.body["status"]
        if status == "queued":
            started = run.body["started_at"] or self.b.now()
            self._set(run, events, "thread.run.in_progress", status="in_progress", started_at=started)
        elif status == "in_progress":
            self._work(run, events)
        elif status == "cancelling":
            self._cancelled(run, events)

    def settle(self, run: Record, events: Events) -> None:
        """Advance until the run ends or waits for tool outputs."""
        while run.body["status"] not in SETTLED:
            self.advance(run, events)

    def expire_if_due(self, run: Record, events: Events | None = None) -> bool:
        """Expire an active run whose ``expires_at`` has passed; whether it did."""
        expires_at = run.body.get("expires_at")
        if run.body["status"] not in self.b.profile.active or expires_at is None or self.b.now() < expires_at:
            return False
        self._close_step(run, "expired", events)
        usage = self._usage(run)
        self._set(run, events, "thread.run.expired", status="expired", required_action=None, usage=usage)
        return True

    # -- the assistant's turn -------------------------------------------------------------
    def _prompt_tokens(self, run: Record) -> tuple[int, str | None]:
        """Tokens the model would read now, and the last user message's text."""
        messages = self.b.store.children("message", run.thread_id)
        user = [m for m in messages if m.body["role"] == "user"]
        last_user = objects.message_text(user[-1].body) if user else None
        truncation = run.body.get("truncation_strategy") or {}
        if truncation.get("type") == "last_messages" and truncation.get("last_messages"):
            messages = messages[-int(truncation["last_messages"]) :]
        prompt = tokens.count(run.body["instructions"]) + sum(
            tokens.count(objects.message_text(m.body)) for m in messages
        )
        prompt += sum(tokens.count(o) for o in run.state["outputs"] or [])
        return prompt, last_user

    def _work(self, run: Record, events: Events) -> None:
        prompt, last_user = self._prompt_tokens(run)
        run.state["prompt_tokens"] += prompt
        cap = run.body.get("max_prompt_tokens")
        if cap is not None and run.state["prompt_tokens"] > cap:
            self._capped(run, "max_prompt_tokens", events)
            return
        plan = self.b.script.plan(run.body, last_user, run.state["outputs"])
        if plan.error is not None:
            error = {"code": "server_error", "message": plan.error}
            self._finish(run, "failed", events, failed_at=self.b.now(), last_error=error)
        elif plan.calls:
            self.call_tools(run, plan.calls, prompt, events)
        else:
            self._answer(run, plan, prompt, events)

    def _new_step(self, run: Record, details: dict[str, Any], events: Events) -> Record:
        step_id, seq, now = self.b.allocate("step")
        step = self.b.new(
            "step",
            step_id,
            run.thread_id,
            run.id,
            now,
            seq,
            objects.run_step(step_id, run.body, now, details),
        )
        self.b.store.put(step)
        events.emit("thread.run.step.created", step.body)
        events.emit("thread.run.step.in_progress", step.body)
        return step

    def _answer(self, run: Record, plan: Plan, prompt: int, events: Events) -> None:
        message_id, seq, now = self.b.allocate("msg")
        step = self._new_step(run, _step_details_message(message_id), events)
        message = self.b.new(
            "message",
            message_id,
            run.thread_id,
            run.id,
            now,
            seq,
            objects.assistant_message(message_id, run.body, now),
        )
        self.b.store.put(message)
        events.emit("thread.message.created", message.body)
        events.emit("thread.message.in_progress", message.body)
        text, cap = plan.text, run.body.get("max_completion_tokens")
        left = None if cap is None else max(cap - run.state["completion_tokens"], 0)
        cut = left is not None and tokens.count(text) > left
        if cut:
            text = tokens.truncate(text, left or 0)
        for piece in tokens.chunks(text):
            delta = {"content": [{"index": 0, "type": "text", "text": {"value": piece, "annotations": []}}]}
            events.emit(
                "thread.message.delta", {"id": message_id, "object": "thread.message.delta", "delta": delta}
            )
        completion = tokens.count(text)
        run.state["completion_tokens"] += completion
        now = self.b.now()
        if cut:
            changes: dict[str, Any] = {
                "status": "incomplete",
                "incomplete_at": now,
                "incomplete_details": {"reason": "max_tokens"},
            }
        else:
            changes = {"status": "completed", "completed_at": now}
        message.body.update(changes, content=objects.text_content(text))
        self.b.store.put(message)
        events.emit(f"thread.message.{message.body['status']}", message.body)
        step.body.update(status="completed", completed_at=now, usage=objects.usage(prompt, completion))
        self.b.store.put(step)
        events.emit("thread.run.step.completed", step.body)
        if cut:
            self._capped(run, "max_completion_tokens", events)
        else:
            self._finish(run, "completed", events, completed_at=now)

    def call_tools(
        self, run: Record, calls: Sequence[Call], prompt: int, events: Events, ids: Sequence[str | None] = ()
    ) -> None:
        """Open a tool-calls step with ``calls`` (ids made up unless given) and wait for their outputs."""
        step = self._new_step(run, {"type": "tool_calls", "tool_calls": []}, events)
        made: list[dict[str, Any]] = []
        for index, call in enumerate(calls):
            given = ids[index] if index < len(ids) else None
            call_id = given or self.b.new_id("call")
            function = {"name": call.name, "arguments": call.arguments, "output": None}
            made.append({"id": call_id, "type": "function", "function": function})
            first = {
                "index": index,
                "id": call_id,
                "type": "function",
                "function": {**function, "arguments": ""},
            }
            pieces = [first] + [
                {"index": index, "type": "function", "function": {"arguments": piece}}
                for piece in tokens.split_evenly(call.arguments, 3)
            ]
            for piece in pieces:
                delta = {"step_details": {"type": "tool_calls", "tool_calls": [piece]}}
                events.emit(
                    "thread.run.step.delta",
                    {"id": step.id, "object": "thread.run.step.delta", "delta": delta},
                )
        step.body["step_details"] = {"type": "tool_calls", "tool_calls": made}
        step.state["prompt_tokens"] = prompt
        self.b.store.put(step)
        run.state["completion_tokens"] += sum(tokens.count(c.arguments) for c in calls)
        run.state["step_id"] = step.id
        pending = [
            {
                "id": m["id"],
                "type": "function",
                "function": {"name": m["function"]["name"], "arguments": m["function"]["arguments"]},
            }
            for m in made
        ]
        action = {"type": "submit_tool_outputs", "submit_tool_outputs": {"tool_calls": pending}}
        self._set(run, events, "thread.run.requires_action", status="requires_action", required_action=action)

    # -- what callers do to a run ---------------------------------------------------------
    def submit(self, run: Record, outputs: list[dict[str, Any]], events: Events, strict: bool = True) -> None:
        """Take the outputs of the pending calls: the tool-calls step completes and the run queues again."""
        status = run.body["status"]
        if status != "requires_action":
            raise no_tool_outputs_expected(status)
        pending = [c["id"] for c in run.body["required_action"]["submit_tool_outputs"]["tool_calls"]]
        given = [o.get("tool_call_id") for o in outputs]
        if strict:
            for index, call_id in enumerate(given):
                if call_id is None:
                    raise missing_tool_call_id(index)
            if sorted(pending) != sorted(c for c in given if c is not None):
                raise tool_outputs_mismatch(pending, given)
            by_id = {o["tool_call_id"]: o.get("output", "") for o in outputs}
        else:  # stateless: outputs answer the calls in order, whatever their ids
            by_id = {call_id: o.get("output", "") for call_id, o in zip(pending, outputs, strict=False)}
        step = self.b.store.get("step", run.state["step_id"])
        if step is not None:
            calls = step.body["step_details"]["tool_calls"]
            for call in calls:
                call["function"]["output"] = by_id.get(call["id"], "")
            completion = sum(tokens.count(c["function"]["arguments"]) for c in calls)
            usage = objects.usage(int(step.state.get("prompt_tokens", 0)), completion)
            step.body.update(status="completed", completed_at=self.b.now(), usage=usage)
            self.b.store.put(step)
            events.emit("thread.run.step.completed", step.body)
        run.state.update(outputs=[by_id.get(c, "") for c in pending], step_id=None)
        self._set(run, events, "thread.run.queued", status="queued", required_action=None)

    def cancel(self, run: Record, events: Events) -> None:
        status = run.body["status"]
        if status not in self.b.profile.active or status == "cancelling":
            raise cannot_cancel(status)
        self._set(run, events, "thread.run.cancelling", status="cancelling")

    def _cancelled(self, run: Record, events: Events) -> None:
        self._close_step(run, "cancelled", events)
        self._finish(run, "cancelled", events, cancelled_at=self.b.now())

    def _close_step(self, run: Record, status: str, events: Events | None) -> None:
        """End the open tool-calls step, if there is one, the way the run ends."""
        step_id = run.state.get("step_id")
        step = self.b.store.get("step", step_id) if step_id else None
        if step is None or step.body["status"] != "in_progress":
            return
        step.body.update({"status": status, f"{status}_at": self.b.now()})
        self.b.store.put(step)
        run.state["step_id"] = None
        if events is not None:
            events.emit(f"thread.run.step.{status}", step.body)
