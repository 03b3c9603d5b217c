"""The concurrency checks can fail: a store that drops a message, or a run that skips a state, is caught."""

from __future__ import annotations

import time
from typing import Any

import httpx
import msgspec
import pytest

from tests.reliability.load import Client, Ledger, check_runs, check_store
from threadspec.asgi import Message, Receive, Scope, Send
from threadspec.mock import MockConfig, create_app


def test_run_histories_are_checked_edge_by_edge() -> None:
    ledger = Ledger()
    ledger.runs = {
        "run_fine": [("create", "queued"), ("poll", "in_progress"), ("poll", "requires_action"), ("submit", "queued"),
                     ("poll", "in_progress"), ("poll", "completed"), ("poll", "completed")],
        "run_cancelled": [("create", "queued"), ("cancel", "cancelling"), ("poll", "cancelled")],
        "run_skips": [("create", "queued"), ("poll", "completed")],
        "run_repeats": [("create", "queued"), ("poll", "in_progress"), ("poll", "in_progress")],
        "run_reverts": [("create", "queued"), ("poll", "in_progress"), ("poll", "completed"), ("poll", "in_progress")],
    }  # fmt: skip
    flagged = {problem.split(":")[0] for problem in check_runs(ledger)}
    assert flagged == {"run run_skips", "run run_repeats", "run run_reverts"}


class DropsTheOldestMessage:
    """A broken server: message lists leave out their oldest message."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        listing = scope["type"] == "http" and scope["method"] == "GET" and scope["path"].endswith("/messages")
        start: Message = {}

        async def patched(message: Message) -> None:
            nonlocal start
            if not listing:
                await send(message)
            elif message["type"] == "http.response.start":
                start = message
            else:
                page = msgspec.json.decode(message["body"])
                page["data"] = page["data"][1:]
                body = msgspec.json.encode(page)
                headers = [(k, v) for k, v in start["headers"] if k != b"content-length"]
                await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
                await send({**message, "body": body})

        await self.app(scope, receive, patched)


@pytest.mark.anyio
async def test_a_store_that_loses_messages_is_caught() -> None:
    ledger = Ledger()
    app = DropsTheOldestMessage(create_app(MockConfig(advance="per_poll")))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://mock/v1", headers={"OpenAI-Beta": "assistants=v2"}
    ) as http:
        ledger.pool.append((await http.post("/threads", json={})).json()["id"])
        for number in range(4):
            await Client(number, http, ledger, seed=5).go(40, time.monotonic() + 60)
        problems = await check_store(http, ledger)
    assert any("lost" in problem for problem in [*ledger.violations, *problems])
