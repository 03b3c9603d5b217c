"""Load generators for the mock-server benchmark: ``wrk`` when installed, else one in Python.

Both keep a fixed number of HTTP/1.1 keep-alive connections busy for a fixed time against one
URL on 127.0.0.1 and report requests per second, the 50th and 99th latency percentiles and how
many answers had a status other than the expected one. One benchmark run uses one client for
every contender, so their numbers compare; numbers from the two clients do not (wrk, in C, leaves
more of a 2-core machine to the server).
"""

from __future__ import annotations

import asyncio
import json
import math
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

_MARK = "BENCH-RESULT "
_WRK_DONE = """
done = function(summary, latency, requests)
  io.write(string.format("%s{\\"requests\\": %d, \\"duration_us\\": %d, \\"p50_us\\": %d, \\"p99_us\\": %d, "
    .. "\\"status\\": %d, \\"connect\\": %d, \\"read\\": %d, \\"write\\": %d, \\"timeout\\": %d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
end
""".replace("%s", _MARK, 1)


@dataclass(frozen=True)
class Target:
    """One request, sent over and over: ``url`` must be on 127.0.0.1."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: bytes = b""
    expect: int = 200  # the status every answer should have

    def __post_init__(self) -> None:
        host = urlsplit(self.url).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError(f"load goes to 127.0.0.1 only, not to {host}")


@dataclass(frozen=True)
class Load:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    unexpected: int  # answers with another status, and socket errors

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def _lua_string(text: str) -> str:
    """A Lua long string holding ``text`` exactly (the level chosen so no closing bracket clashes)."""
    level = 0
    while f"]{'=' * level}]" in text + "]":
        level += 1
    return f"[{'=' * level}[{text}]{'=' * level}]"


def wrk(target: Target, seconds: float, connections: int) -> Load:
    """One ``wrk -t1`` run (whole seconds only: wrk takes no fractions)."""
    lines = [f"wrk.method = {_lua_string(target.method)}"]
    if target.body:
        lines.append(f"wrk.body = {_lua_string(target.body.decode())}")
    lines += [f"wrk.headers[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in target.headers]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write("\n".join(lines) + "\n" + _WRK_DONE)
    duration = max(1, math.ceil(seconds))
    try:
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "5s", "-s", script.name, target.url],
            capture_output=True, text=True, timeout=duration + 30, check=True,
        )  # fmt: skip
    finally:
        Path(script.name).unlink(missing_ok=True)
    found = [line[len(_MARK) :] for line in out.stdout.splitlines() if line.startswith(_MARK)]
    if not found or out.stderr.strip():
        raise RuntimeError(f"wrk failed:\n{out.stdout}\n{out.stderr}")
    r = json.loads(found[-1])
    non_2xx = r["status"]  # wrk counts answers outside 2xx/3xx
    wrong = non_2xx if target.expect < 400 else r["requests"] - non_2xx
    errors = r["connect"] + r["read"] + r["write"] + r["timeout"]
    return Load(r["requests"], r["duration_us"] / 1e6, r["p50_us"] / 1e3, r["p99_us"] / 1e3, wrong + errors)


# ------------------------------------------------------------------------------ the Python client
def _request_bytes(target: Target) -> tuple[str, int, bytes]:
    parts = urlsplit(target.url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    head = [f"{target.method} {path} HTTP/1.1", f"Host: {host}:{port}", f"Content-Length: {len(target.body)}"]
    head += [f"{k}: {v}" for k, v in target.headers]
    return host, port, ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + target.body


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """The status of one response, read whole; and whether the server keeps the connection open."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    fields = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip().lower()
    if "content-length" in fields:
        await reader.readexactly(int(fields["content-length"]))
    elif fields.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status, fields.get("connection") != "close"


async def _connection(
    host: str, port: int, request: bytes, deadline: float, latencies: list[float], statuses: Counter[int]
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            writer.write(request)
            try:
                status, keep = await _read_response(reader)
            except (asyncio.IncompleteReadError, ConnectionError, ValueError):
                statuses[-1] += 1
                keep = False
            else:
                latencies.append(time.perf_counter() - start)
                statuses[status] += 1
            if not keep:
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
    finally:
        writer.close()


async def _python_load(target: Target, seconds: float, connections: int) -> Load:
    host, port, request = _request_bytes(target)
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    start = time.perf_counter()
    deadline = start + seconds
    workers = [_connection(host, port, request, deadline, latencies, statuses) for _ in range(connections)]
    await asyncio.wait_for(asyncio.gather(*workers), timeout=seconds + 30)
    elapsed = time.perf_counter() - start
    latencies.sort()

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1e3 if latencies else 0.0

    wrong = sum(n for status, n in statuses.items() if status != target.expect)
    return Load(len(latencies), elapsed, percentile(50), percentile(99), wrong)


def python(target: Target, seconds: float, connections: int) -> Load:
    """The same measurement from an asyncio client over raw sockets (uvloop when installed)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(_python_load(target, seconds, connections))
    return uvloop.run(_python_load(target, seconds, connections))


def measure(client: str, target: Target, seconds: float, connections: int) -> Load:
    return wrk(target, seconds, connections) if client == "wrk" else python(target, seconds, connections)
