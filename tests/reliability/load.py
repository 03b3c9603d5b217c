"""A mixed workload of concurrent clients against the stateful mock, and the ledger it is checked by.

Clients share a pool of threads: each adds messages to them, and reads, changes and deletes the
messages it added. Each client also drives runs on a thread of its own (``advance="per_poll"``:
every poll moves a run one status on) through creation, polls, tool outputs and cancels.

The :class:`Ledger` records what was acknowledged (a 200) on one logical clock. Lists taken under
load must hold every message whose creation was acknowledged before the list was asked for (and
whose deletion was not asked for before it came back), must not hold one whose deletion was
acknowledged before, and must hold no id twice. At the end the store must hold exactly the
acknowledged messages, and every run must have gone through its states one edge at a time.
"""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

TERMINAL = {"completed", "cancelled", "failed", "incomplete", "expired"}
# (what the client did, the status it saw before) -> the statuses it may see now
EDGES: dict[tuple[str, str | None], set[str]] = {
    ("create", None): {"queued"},
    ("poll", "queued"): {"in_progress"},
    ("poll", "in_progress"): {"requires_action", "completed", "incomplete", "failed"},
    ("poll", "requires_action"): {"requires_action"},  # it waits for the outputs
    ("poll", "cancelling"): {"cancelled"},
    ("cancel", "queued"): {"cancelling"},
    ("cancel", "in_progress"): {"cancelling"},
    ("cancel", "requires_action"): {"cancelling"},
    ("submit", "requires_action"): {"queued"},
}
TOOL = {"type": "function", "function": {"name": "lookup", "parameters": {"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"]}}}  # fmt: skip
PER_THREAD = 90  # messages a shared thread takes at most, so one page of 100 always lists them all


@dataclass
class Message:
    id: str
    thread: str
    owner: int
    content: str
    metadata: dict[str, str]
    acked: int
    delete_sent: int | None = None
    delete_acked: int | None = None


@dataclass
class Ledger:
    lock: threading.Lock = field(default_factory=threading.Lock)
    ticks: itertools.count[int] = field(default_factory=itertools.count)
    messages: dict[str, Message] = field(default_factory=dict)
    pool: list[str] = field(default_factory=list)
    load: Counter[str] = field(default_factory=Counter)
    private: dict[int, str] = field(default_factory=dict)
    runs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    run_owner: dict[str, int] = field(default_factory=dict)
    listed: set[str] = field(default_factory=set)
    requests: Counter[str] = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)
    ops: int = 0

    def tick(self) -> int:
        with self.lock:
            return next(self.ticks)

    def wrong(self, what: str) -> None:
        with self.lock:
            self.violations.append(what)


def ok(response: httpx.Response, ledger: Ledger, what: str) -> dict[str, Any] | None:
    with ledger.lock:
        ledger.requests[str(response.status_code)] += 1
    if response.status_code != 200:
        ledger.wrong(f"{what}: {response.status_code} {response.text[:300]}")
        return None
    body: dict[str, Any] = response.json()
    return body


class Client:
    def __init__(self, number: int, http: httpx.AsyncClient, ledger: Ledger, seed: int) -> None:
        self.n = number
        self.http = http
        self.ledger = ledger
        self.rng = random.Random(seed * 1000 + number)
        self.mine: list[str] = []
        self.run: tuple[str, str] | None = None  # id, last status seen
        self.i = 0

    async def go(self, ops: int, deadline: float) -> None:
        made = ok(
            await self.http.post("/threads", json={"metadata": {"client": str(self.n)}}),
            self.ledger,
            "private thread",
        )
        if made is None:
            return
        self.ledger.private[self.n] = made["id"]
        for self.i in range(ops):
            if time.monotonic() > deadline:
                return
            await self.step(self.rng.random())
            with self.ledger.lock:
                self.ledger.ops += 1

    async def step(self, pick: float) -> None:
        if pick < 0.30:
            await self.add_message()
        elif pick < 0.42:
            await self.list_shared()
        elif pick < 0.50 and self.mine:
            await self.get_mine()
        elif pick < 0.58 and self.mine:
            await self.modify_mine()
        elif pick < 0.64 and self.mine:
            await self.delete_mine()
        elif pick < 0.96:
            await self.drive_run()
        else:
            await self.new_shared_thread()

    # -- messages on shared threads -------------------------------------------------------------
    async def new_shared_thread(self) -> None:
        made = ok(await self.http.post("/threads", json={}), self.ledger, "shared thread")
        if made is not None:
            with self.ledger.lock:
                self.ledger.pool.append(made["id"])

    async def add_message(self) -> None:
        with self.ledger.lock:
            room = [t for t in self.ledger.pool if self.ledger.load[t] < PER_THREAD]
            thread = self.rng.choice(room) if room else None
            if thread is not None:
                self.ledger.load[thread] += 1  # counted when sent: an in-flight message takes its room too
        if thread is None:
            await self.new_shared_thread()
            return
        content, metadata = f"client {self.n} message {self.i}", {"client": str(self.n), "n": str(self.i)}
        body = {"role": "user", "content": content, "metadata": metadata}
        made = ok(await self.http.post(f"/threads/{thread}/messages", json=body), self.ledger, "add message")
        if made is None:
            return
        acked = self.ledger.tick()
        if made["content"][0]["text"]["value"] != content or made["thread_id"] != thread:
            self.ledger.wrong(f"add message answered with another message: {made}")
        with self.ledger.lock:
            if made["id"] in self.ledger.messages:
                self.ledger.violations.append(f"message id {made['id']} handed out twice")
            self.ledger.messages[made["id"]] = Message(made["id"], thread, self.n, content, metadata, acked)
        self.mine.append(made["id"])

    async def list_shared(self) -> None:
        with self.ledger.lock:
            if not self.ledger.pool:
                return
            thread = self.rng.choice(self.ledger.pool)
        sent = self.ledger.tick()
        page = ok(
            await self.http.get(f"/threads/{thread}/messages", params={"limit": 100, "order": "asc"}),
            self.ledger,
            "list",
        )
        back = self.ledger.tick()
        if page is not None:
            self.check_list(thread, page, sent, back)

    def check_list(self, thread: str, page: dict[str, Any], sent: int, back: int) -> None:
        ids = [m["id"] for m in page["data"]]
        stamps = [m["created_at"] for m in page["data"]]
        with self.ledger.lock:
            self.ledger.listed.update(ids)
            known = [m for m in self.ledger.messages.values() if m.thread == thread]
        problems = []
        if len(set(ids)) != len(ids):
            problems.append("an id twice")
        if stamps != sorted(stamps) or page["has_more"]:
            problems.append("out of order or cut short")
        for m in known:
            must = m.acked < sent and (m.delete_sent is None or m.delete_sent > back)
            if must and m.id not in ids:
                problems.append(f"lost {m.id} (acknowledged at {m.acked}, listed at {sent})")
            if m.delete_acked is not None and m.delete_acked < sent and m.id in ids:
                problems.append(f"kept {m.id} (deleted at {m.delete_acked}, listed at {sent})")
        for problem in problems:
            self.ledger.wrong(f"list of {thread}: {problem}")

    async def get_mine(self) -> None:
        message_id = self.rng.choice(self.mine)
        m = self.ledger.messages[message_id]
        got = ok(
            await self.http.get(f"/threads/{m.thread}/messages/{message_id}"), self.ledger, "get message"
        )
        if got is not None and (got["content"][0]["text"]["value"], got["metadata"]) != (
            m.content,
            m.metadata,
        ):
            self.ledger.wrong(f"message {message_id} reads {got['metadata']}, acknowledged {m.metadata}")

    async def modify_mine(self) -> None:
        message_id = self.rng.choice(self.mine)
        m = self.ledger.messages[message_id]
        metadata = {**m.metadata, "changed": str(self.i)}
        got = ok(
            await self.http.post(f"/threads/{m.thread}/messages/{message_id}", json={"metadata": metadata}),
            self.ledger,
            "modify",
        )
        if got is not None:
            if got["metadata"] != metadata:
                self.ledger.wrong(f"modify of {message_id} answered {got['metadata']}")
            with self.ledger.lock:
                m.metadata = metadata

    async def delete_mine(self) -> None:
        message_id = self.mine.pop(self.rng.randrange(len(self.mine)))
        m = self.ledger.messages[message_id]
        m.delete_sent = self.ledger.tick()
        got = ok(await self.http.delete(f"/threads/{m.thread}/messages/{message_id}"), self.ledger, "delete")
        if got is not None:
            m.delete_acked = self.ledger.tick()
            gone = await self.http.get(f"/threads/{m.thread}/messages/{message_id}")
            with self.ledger.lock:
                self.ledger.requests[str(gone.status_code)] += 1
            if gone.status_code != 404:
                self.ledger.wrong(f"deleted message {message_id} still answers {gone.status_code}")

    # -- runs on the private thread -----------------------------------------------------------------
    def saw(self, run_id: str, action: str, status: str) -> None:
        with self.ledger.lock:
            self.ledger.runs.setdefault(run_id, []).append((action, status))
        self.run = (run_id, status)

    async def drive_run(self) -> None:
        base = f"/threads/{self.ledger.private[self.n]}/runs"
        if self.run is None or self.run[1] in TERMINAL:
            tools = self.rng.random() < 0.5
            body = {"assistant_id": "asst_load", "tools": [TOOL] if tools else []}
            made = ok(await self.http.post(base, json=body), self.ledger, "create run")
            if made is not None:
                with self.ledger.lock:
                    self.ledger.run_owner[made["id"]] = self.n
                self.saw(made["id"], "create", made["status"])
            return
        run_id, status = self.run
        cancellable = status in ("queued", "in_progress", "requires_action")
        if cancellable and self.rng.random() < 0.15:
            action, response = "cancel", await self.http.post(f"{base}/{run_id}/cancel")
        elif status == "requires_action":
            got = ok(await self.http.get(f"{base}/{run_id}"), self.ledger, "poll")
            if got is None:
                return
            self.saw(run_id, "poll", got["status"])
            calls = got["required_action"]["submit_tool_outputs"]["tool_calls"]
            outputs = [{"tool_call_id": c["id"], "output": f"out {self.i}"} for c in calls]
            action = "submit"
            response = await self.http.post(
                f"{base}/{run_id}/submit_tool_outputs", json={"tool_outputs": outputs}
            )
        else:
            action, response = "poll", await self.http.get(f"{base}/{run_id}")
        got = ok(response, self.ledger, action)
        if got is not None:
            self.saw(run_id, action, got["status"])


def check_runs(ledger: Ledger) -> list[str]:
    """Every run went through its states one edge at a time, none skipped or repeated."""
    problems = []
    for run_id, seen in ledger.runs.items():
        before: str | None = None
        for action, status in seen:
            allowed = EDGES.get((action, before), set())
            if before in TERMINAL and action == "poll":
                allowed = {before}
            if status not in allowed:
                problems.append(f"run {run_id}: {action} took {before} to {status} ({seen})")
                break
            before = status
    return problems


async def list_all(http: httpx.AsyncClient, path: str, ledger: Ledger) -> list[dict[str, Any]]:
    """Every object of a list, page by page (the store is quiet now, so cursors are stable)."""
    items: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 100, "order": "asc"}
    while True:
        page = ok(await http.get(path, params=params), ledger, f"list {path}")
        if page is None:
            return items
        items += page["data"]
        if not page["has_more"]:
            return items
        params["after"] = page["last_id"]


async def check_store(http: httpx.AsyncClient, ledger: Ledger) -> list[str]:
    """After the load: the store holds exactly what was acknowledged, and runs left what they should."""
    problems = check_runs(ledger)
    live = [m for m in ledger.messages.values() if m.delete_acked is None]
    for thread in sorted({*ledger.pool, *ledger.private.values()}):
        stored = await list_all(http, f"/threads/{thread}/messages", ledger)
        users = {m["id"]: m for m in stored if m["role"] == "user"}
        if len(users) != len([m for m in stored if m["role"] == "user"]):
            problems.append(f"{thread}: a message listed twice")
        expected = {m.id: m for m in live if m.thread == thread}
        if set(users) != set(expected):
            lost, extra = set(expected) - set(users), set(users) - set(expected)
            problems.append(f"{thread}: lost {sorted(lost)[:5]}, unexpected {sorted(extra)[:5]}")
        for message_id, m in expected.items():
            got = users.get(message_id)
            if got is not None and (got["content"][0]["text"]["value"], got["metadata"]) != (
                m.content,
                m.metadata,
            ):
                problems.append(f"{message_id}: stored {got['metadata']}, acknowledged {m.metadata}")
    for number, thread in ledger.private.items():
        problems += await _check_private(http, ledger, number, thread)
    never_made = ledger.listed - set(ledger.messages)
    if never_made:
        problems.append(f"listed but never acknowledged as made: {sorted(never_made)[:5]}")
    return problems


async def _check_private(http: httpx.AsyncClient, ledger: Ledger, number: int, thread: str) -> list[str]:
    problems = []
    runs = {r["id"]: r for r in await list_all(http, f"/threads/{thread}/runs", ledger)}
    mine = {run_id: seen for run_id, seen in ledger.runs.items() if ledger.run_owner.get(run_id) == number}
    if set(runs) != set(mine):
        problems.append(f"client {number}: runs stored {sorted(runs)}, acknowledged {sorted(mine)}")
    completed = set()
    for run_id, seen in mine.items():
        if run_id not in runs:
            continue
        if runs[run_id]["status"] != seen[-1][1]:  # listing does not move a per-poll run on
            problems.append(f"run {run_id} is {runs[run_id]['status']}, last seen {seen[-1][1]}")
        if seen[-1][1] == "completed":
            completed.add(run_id)
        steps = await list_all(http, f"/threads/{thread}/runs/{run_id}/steps", ledger)
        kinds = Counter(s["type"] for s in steps)
        if kinds["message_creation"] != (run_id in completed) or kinds["tool_calls"] > 1:
            problems.append(f"run {run_id} ({seen[-1][1]}) has steps {dict(kinds)}")
    answers = [
        m for m in await list_all(http, f"/threads/{thread}/messages", ledger) if m["role"] == "assistant"
    ]
    by_run = Counter(m["run_id"] for m in answers)
    if set(by_run) != completed or any(count != 1 for count in by_run.values()):
        problems.append(
            f"client {number}: assistant messages per run {dict(by_run)}, completed runs {sorted(completed)}"
        )
    return problems
