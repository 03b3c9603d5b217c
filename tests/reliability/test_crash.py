"""Crash safety with ``--db``: ``kill -9`` the server under a write load, restart it on the same file.

Writers create threads, add messages to them and delete some, each write acknowledged by a 200.
Once enough writes are acknowledged the server is killed mid-load (SIGKILL, no shutdown at all)
and started again on the same file. Every acknowledged write must be there (and every
acknowledged deletion gone), SQLite must find the file intact, and the store must be consistent:
no orphans, and the id counter past every stored object so new ids never collide.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.reliability.process import serve
from tests.reliability.support import record

BETA = {"OpenAI-Beta": "assistants=v2"}
WRITERS = 8
LIMIT_SECONDS = 120.0  # per generation; every writer stops by itself at the kill or at this limit


@dataclass
class Acked:
    lock: threading.Lock = field(default_factory=threading.Lock)
    threads: set[str] = field(default_factory=set)
    messages: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> thread, content
    deleted: set[str] = field(default_factory=set)
    delete_sent: set[str] = field(default_factory=set)
    writes: int = 0
    requests: int = 0
    cut_off: int = 0  # requests in flight when the server died


def _writer(url: str, acked: Acked, generation: int, number: int, stop: threading.Event) -> None:
    deadline = time.monotonic() + LIMIT_SECONDS
    with httpx.Client(base_url=url, headers=BETA, timeout=30) as http:
        thread, i = None, 0
        while not stop.is_set() and time.monotonic() < deadline:
            i += 1
            try:
                done = _write(http, acked, generation, number, i, thread)
            except httpx.TransportError:  # the server is gone: this writer is done
                with acked.lock:
                    acked.requests += 1
                    acked.cut_off += 1
                return
            thread = done or thread


def _write(
    http: httpx.Client, acked: Acked, generation: int, number: int, i: int, thread: str | None
) -> str | None:
    """One write; the new thread's id when it made one."""
    if thread is None or i % 10 == 0:
        made = http.post("/threads", json={"metadata": {"g": str(generation)}})
        _count(acked, made)
        if made.status_code == 200:
            with acked.lock:
                acked.threads.add(made.json()["id"])
            return str(made.json()["id"])
        return None
    with acked.lock:
        victim = next((m for m in acked.messages if m not in acked.delete_sent), None) if i % 4 == 0 else None
        if victim is not None:
            acked.delete_sent.add(victim)
    if victim is not None:
        gone = http.delete(f"/threads/{acked.messages[victim][0]}/messages/{victim}")
        _count(acked, gone)
        if gone.status_code == 200:
            with acked.lock:
                acked.deleted.add(victim)
        return None
    content = f"generation {generation} writer {number} message {i}"
    made = http.post(f"/threads/{thread}/messages", json={"role": "user", "content": content})
    _count(acked, made)
    if made.status_code == 200:
        with acked.lock:
            acked.messages[made.json()["id"]] = (thread, content)
    return None


def _count(acked: Acked, response: httpx.Response) -> None:
    with acked.lock:
        acked.requests += 1
        acked.writes += response.status_code == 200


def _generation(tmp_path: Path, db: Path, acked: Acked, generation: int, writes_before_kill: int) -> None:
    served = serve(tmp_path, "--db", str(db), name=f"gen{generation}")
    stop = threading.Event()
    writers = [
        threading.Thread(target=_writer, args=(served.url, acked, generation, n, stop))
        for n in range(WRITERS)
    ]
    target = acked.writes + writes_before_kill
    for writer in writers:
        writer.start()
    deadline = time.monotonic() + LIMIT_SECONDS
    while acked.writes < target and time.monotonic() < deadline and any(w.is_alive() for w in writers):
        time.sleep(0.005)
    served.kill()  # mid-load: the writers still have requests in flight
    stop.set()
    for writer in writers:
        writer.join(LIMIT_SECONDS)


def _verify(tmp_path: Path, db: Path, acked: Acked) -> None:
    served = serve(tmp_path, "--db", str(db), name="verify")
    try:
        with httpx.Client(base_url=served.url, headers=BETA, timeout=30) as http:
            stored = {thread: _messages(http, thread) for thread in sorted(acked.threads)}
            for message_id, (thread, content) in sorted(acked.messages.items()):
                if message_id in acked.deleted:
                    assert message_id not in stored[thread], f"acknowledged deletion of {message_id} undone"
                elif message_id not in acked.delete_sent:  # a deletion in flight may have happened or not
                    assert stored[thread].get(message_id) == content, (
                        f"acknowledged message {message_id} lost"
                    )
            fresh = http.post("/threads", json={}).json()["id"]
            assert fresh not in acked.threads  # the id counter survived too
            acked.threads.add(fresh)
    finally:
        served.stop()
    _check_file(db)


def _messages(http: httpx.Client, thread: str) -> dict[str, str]:
    """The thread's messages, id to text; the thread must exist (its creation was acknowledged)."""
    found: dict[str, str] = {}
    params: dict[str, str | int] = {"limit": 100, "order": "asc"}
    while True:
        page = http.get(f"/threads/{thread}/messages", params=params)
        assert page.status_code == 200, f"acknowledged thread {thread} lost"
        found.update({m["id"]: m["content"][0]["text"]["value"] for m in page.json()["data"]})
        if not page.json()["has_more"]:
            return found
        params["after"] = page.json()["last_id"]


def _check_file(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        orphans = connection.execute(
            "SELECT count(*) FROM objects o WHERE kind != 'thread' AND NOT EXISTS "
            "(SELECT 1 FROM objects t WHERE t.kind = 'thread' AND t.id = o.thread_id)"
        ).fetchone()[0]
        assert orphans == 0
        counter = connection.execute("SELECT value FROM counters WHERE name = 'seq'").fetchone()[0]
        highest = connection.execute("SELECT coalesce(max(seq), 0) FROM objects").fetchone()[0]
        assert counter >= highest


def _crash_test(tmp_path: Path, kills: int, writes_before_kill: int) -> None:
    db, acked = tmp_path / "crash.sqlite", Acked()
    for generation in range(kills):
        _generation(tmp_path, db, acked, generation, writes_before_kill)
        _verify(tmp_path, db, acked)
    assert acked.messages and acked.deleted
    record("crash", kills=kills, writers=WRITERS, requests=acked.requests, writes_acknowledged=acked.writes,
           threads=len(acked.threads), messages=len(acked.messages), deletions=len(acked.deleted),
           in_flight_at_kill=acked.cut_off, lost=0)  # fmt: skip


def test_kill_9_loses_no_acknowledged_write(tmp_path: Path) -> None:
    _crash_test(tmp_path, kills=1, writes_before_kill=300)


@pytest.mark.soak
def test_kill_9_loses_no_acknowledged_write_soak(tmp_path: Path) -> None:
    _crash_test(tmp_path, kills=25, writes_before_kill=1000)
