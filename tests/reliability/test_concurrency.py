"""32 concurrent clients doing mixed operations against the stateful mock, memory and SQLite.

In process: asyncio tasks against the ASGI app (SQLite requests run in worker threads, so the
store sees them truly interleaved). Over the wire: one OS thread per client, each with its own
event loop and connection pool, against uvicorn. The checks are :mod:`tests.reliability.load`'s.
"""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.reliability.load import Client, Ledger, check_store
from tests.reliability.support import record
from threadspec.mock import MockConfig, create_app, serve_in_thread

BETA = {"OpenAI-Beta": "assistants=v2"}
CLIENTS = 32
LIMIT_SECONDS = 600.0  # every load stops by itself; the checks then judge whatever was done


def _config(store: str, tmp_path: Path) -> MockConfig:
    return MockConfig(
        port=0,
        advance="per_poll",
        poll_after_ms=0,
        db=tmp_path / "load.sqlite" if store == "sqlite" else None,
    )


async def _pool(http: httpx.AsyncClient, ledger: Ledger) -> None:
    for _ in range(4):
        ledger.pool.append((await http.post("/threads", json={})).json()["id"])


def _report(transport: str, store: str, ops: int, ledger: Ledger, problems: list[str]) -> None:
    record("concurrency", transport=transport, store=store, clients=CLIENTS, ops_per_client=ops,
           ops_done=ledger.ops, requests=sum(ledger.requests.values()), statuses=dict(ledger.requests),
           messages_acknowledged=len(ledger.messages), runs=len(ledger.runs),
           run_observations=sum(len(s) for s in ledger.runs.values()), lost=0 if not problems else None)  # fmt: skip
    assert not ledger.violations, "\n".join(ledger.violations[:20])
    assert not problems, "\n".join(problems[:20])
    assert ledger.ops > 0


async def _in_process(store: str, ops: int, tmp_path: Path) -> None:
    app = create_app(_config(store, tmp_path))
    ledger = Ledger()
    deadline = time.monotonic() + LIMIT_SECONDS
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock/v1", headers=BETA) as http:
        await _pool(http, ledger)
        await asyncio.gather(*(Client(n, http, ledger, seed=1).go(ops, deadline) for n in range(CLIENTS)))
        problems = await check_store(http, ledger)
    app.state.service.close()
    _report("asgi", store, ops, ledger, problems)


def _over_the_wire(store: str, ops: int, tmp_path: Path) -> None:
    ledger = Ledger()
    deadline = time.monotonic() + LIMIT_SECONDS

    async def one(url: str, number: int) -> None:
        async with httpx.AsyncClient(base_url=url, headers=BETA, timeout=60) as http:
            await Client(number, http, ledger, seed=2).go(ops, deadline)

    async def setup_and_check(url: str, phase: str) -> list[str]:
        async with httpx.AsyncClient(base_url=url, headers=BETA, timeout=60) as http:
            if phase == "setup":
                await _pool(http, ledger)
                return []
            return await check_store(http, ledger)

    with serve_in_thread(_config(store, tmp_path)) as url:
        asyncio.run(setup_and_check(url, "setup"))
        threads = [threading.Thread(target=asyncio.run, args=(one(url, n),)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(LIMIT_SECONDS + 60)
        problems = asyncio.run(setup_and_check(url, "check"))
    _report("http", store, ops, ledger, problems)


@pytest.mark.anyio
@pytest.mark.parametrize("store", ["memory", "sqlite"])
async def test_concurrent_clients_in_process(store: str, tmp_path: Path) -> None:
    await _in_process(store, 50, tmp_path)


@pytest.mark.parametrize("store", ["memory", "sqlite"])
def test_concurrent_clients_over_the_wire(store: str, tmp_path: Path) -> None:
    _over_the_wire(store, 25, tmp_path)


@pytest.mark.soak
@pytest.mark.anyio
@pytest.mark.parametrize("store", ["memory", "sqlite"])
async def test_concurrent_clients_in_process_soak(store: str, tmp_path: Path) -> None:
    await _in_process(store, 1000, tmp_path)


@pytest.mark.soak
@pytest.mark.parametrize("store", ["memory", "sqlite"])
def test_concurrent_clients_over_the_wire_soak(store: str, tmp_path: Path) -> None:
    _over_the_wire(store, 1000, tmp_path)
