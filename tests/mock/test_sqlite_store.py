"""The SQLite store keeps everything across restarts of the mock."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from threadspec.mock import MockConfig
from threadspec.mock.records import Record
from threadspec.mock.sqlite_store import SCHEMA_VERSION, SqliteStore

pytestmark = pytest.mark.anyio


async def test_everything_survives_a_restart(open_mock: Any, tmp_path: Path) -> None:
    config = MockConfig(db=tmp_path / "mock.sqlite", seed=11)
    tools = [{"type": "function", "function": {"name": "f"}}]
    async with open_mock(config) as client:
        thread = (
            await client.post("/threads", json={"messages": [{"role": "user", "content": "Hi"}]})
        ).json()
        done = (await client.post(f"/threads/{thread['id']}/runs", json={"assistant_id": "a"})).json()
        waiting = (
            await client.post(f"/threads/{thread['id']}/runs", json={"assistant_id": "a", "tools": tools})
        ).json()
        before = {
            path: (await client.get(path)).json()
            for path in (
                f"/threads/{thread['id']}",
                f"/threads/{thread['id']}/messages",
                f"/threads/{thread['id']}/runs",
                f"/threads/{thread['id']}/runs/{done['id']}/steps",
                f"/threads/{thread['id']}/runs/{waiting['id']}",
            )
        }
    async with open_mock(config) as client:
        after = {path: (await client.get(path)).json() for path in before}
        assert after == before
        # the waiting run still waits, and takes its outputs after the restart
        [call] = after[f"/threads/{thread['id']}/runs/{waiting['id']}"]["required_action"][
            "submit_tool_outputs"
        ]["tool_calls"]
        outputs = {"tool_outputs": [{"tool_call_id": call["id"], "output": "ok"}]}
        assert (
            await client.post(
                f"/threads/{thread['id']}/runs/{waiting['id']}/submit_tool_outputs", json=outputs
            )
        ).status_code == 200
        # a seeded mock reopened on its database numbers on: no id is handed out twice
        again = (await client.post("/threads", json={})).json()
        assert again["id"] != thread["id"] and again["created_at"] > thread["created_at"]


def test_the_journal_is_durable(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite")
    store.close()
    with sqlite3.connect(tmp_path / "s.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(ValueError, match="newer threadspec"):
        SqliteStore(path)


def test_a_committed_write_is_visible_to_another_connection(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite")
    with store.transaction():
        store.put(Record("thread", "thread_1", "thread_1", None, 1, store.next_seq(), {"id": "thread_1"}))
    with sqlite3.connect(tmp_path / "s.sqlite") as other:
        assert other.execute("SELECT id FROM objects").fetchall() == [("thread_1",)]
    store.close()


@pytest.mark.parametrize("kind", ["not a database", "missing folder"])
def test_an_unusable_file_is_a_clear_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "missing" / "m.sqlite" if kind == "missing folder" else tmp_path / "text.sqlite"
    if kind == "not a database":
        path.write_text("just text, " * 200)
    with pytest.raises(ValueError, match=r"cannot use .* as the mock's database"):
        SqliteStore(path)


_SCHEMA_1 = """
CREATE TABLE objects (kind TEXT NOT NULL, id TEXT NOT NULL, thread_id TEXT NOT NULL, run_id TEXT,
    created_at INTEGER NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL,
    PRIMARY KEY (kind, id));
CREATE INDEX objects_by_thread ON objects (thread_id, kind, created_at, seq);
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO counters (name, value) VALUES ('seq', 2);
PRAGMA user_version=1;
"""


async def test_a_database_of_schema_1_holds_v2_objects(open_mock: Any, tmp_path: Path) -> None:
    """Written before profiles: every object in it is v2, and its assistants are listed under v2 only."""
    path = tmp_path / "old.sqlite"
    thread = {"id": "thread_old", "object": "thread", "created_at": 1, "tool_resources": {}, "metadata": {}}
    assistant = {
        "id": "asst_old", "object": "assistant", "created_at": 2, "name": None, "description": None,
        "model": "gpt-4o", "instructions": None, "tools": [], "tool_resources": {}, "metadata": {},
        "temperature": 1.0, "top_p": 1.0, "response_format": "auto",
    }  # fmt: skip
    with sqlite3.connect(path) as db:
        db.executescript(_SCHEMA_1)
        rows = [
            ("thread", "thread_old", "thread_old", 1, 1, thread),
            ("assistant", "asst_old", "", 2, 2, assistant),
        ]
        for kind, ident, parent, created, seq, body in rows:
            db.execute(
                "INSERT INTO objects VALUES (?, ?, ?, NULL, ?, ?, ?, '{}')",
                (kind, ident, parent, created, seq, json.dumps(body)),
            )
    async with open_mock(MockConfig(db=path)) as client:
        assert (await client.get("/threads/thread_old")).json() == thread
        assert (await client.get("/assistants")).json()["data"] == [assistant]
        v1 = {"OpenAI-Beta": "assistants=v1"}
        assert (await client.get("/threads/thread_old", headers=v1)).status_code == 404
        assert (await client.get("/assistants", headers=v1)).json()["data"] == []
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
