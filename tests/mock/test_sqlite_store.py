"""The SQLite store keeps everything across restarts of the mock."""

from __future__ import annotations

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
