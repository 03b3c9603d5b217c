"""Mock-server throughput and latency: ``threadspec mock`` (stateless, stateful) against Stoplight Prism.

Run: ``python bench/mock_server.py [--quick] [--client wrk|python] [--no-prism]``. Every server
runs in its own process on 127.0.0.1, started the way a user starts it (``threadspec mock``,
``prism mock spec/openapi.yaml``); all of them stay up for the whole run. One load generator
(``wrk`` when installed, else the Python one in ``loadgen.py``) drives them with a fixed number
of keep-alive connections, scenario by scenario, contender after contender, for several rounds;
each number is the median over the rounds. A warm-up precedes the first round (Node's JIT needs it).

Prism is optional: install it with ``python bench/run.py --install-prism`` (npm, into
``bench/.prism/``); without Node or without that folder it is skipped with a note.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import loadgen
from _common import (
    BENCH,
    FULL,
    ROOT,
    SETTINGS,
    Goal,
    Settings,
    loopback_only,
    note,
    render,
    report,
    settings_parser,
)
from corpus import TOO_MANY_KEYS, invalid, typical

PRISM_DIR = BENCH / ".prism"
PRISM_BIN = PRISM_DIR / "node_modules" / ".bin" / "prism"
PRISM_PACKAGE = "@stoplight/prism-cli@5"
THREAD_MESSAGES = 100
_STARTUP_SECONDS = 90.0
HEADERS = (
    ("Content-Type", "application/json"),
    ("OpenAI-Beta", "assistants=v2"),
    ("Authorization", "Bearer sk-bench"),  # Prism enforces the spec's security scheme; the mock ignores it
)


@dataclass(frozen=True)
class Scenario:
    name: str
    method: str
    path: str  # without the /v1 prefix; {thread_id} is filled per server
    body: bytes
    expect: int


def _message(i: int) -> dict[str, object]:
    text = f"Message {i}: the customer asks about order rec_{8800 + i} and its delivery window."
    return {"role": "user" if i % 2 == 0 else "assistant", "content": text, "metadata": {"turn": str(i)}}


SCENARIOS = (
    Scenario("POST /threads (small)", "POST", "/threads",
             json.dumps({"messages": [{"role": "user", "content": "Hello"}]}).encode(), 200),
    Scenario("POST /threads/runs (typical, ~2 KB)", "POST", "/threads/runs", json.dumps(typical()).encode(), 200),
    Scenario(f"POST /threads/runs, invalid ({TOO_MANY_KEYS} metadata keys)", "POST", "/threads/runs",
             json.dumps(invalid(typical())).encode(), 400),
    Scenario(f"GET /threads/{{id}}/messages?limit=20 ({THREAD_MESSAGES} messages)", "GET",
             "/threads/{thread_id}/messages?limit=20", b"", 200),
)  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    """One contender: a server process on 127.0.0.1 and how to address it."""

    name: str
    argv: list[str]
    port: int
    prefix: str  # "/v1" for the mock; Prism serves the spec's paths as they are written
    is_prism: bool = False
    thread_id: str = "thread_bench"
    proc: subprocess.Popen[bytes] | None = None
    log: Path | None = None
    preflight: dict[str, str] = field(default_factory=dict)  # scenario → problem, when there is one

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def start(self) -> None:
        with tempfile.NamedTemporaryFile("wb", prefix="bench-server-", suffix=".log", delete=False) as log:
            self.log = Path(log.name)
            self.proc = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL, stderr=log, cwd=ROOT)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + _STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                break
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return
            time.sleep(0.1)
        tail = self.log.read_text(errors="replace")[-2000:] if self.log else ""
        raise RuntimeError(f"{self.name} did not start:\n{tail}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if self.log is not None:
            self.log.unlink(missing_ok=True)

    def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, self.prefix + path, body=body or None, headers=dict(HEADERS))
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def target(self, scenario: Scenario) -> loadgen.Target:
        url = self.base + scenario.path.format(thread_id=self.thread_id)
        return loadgen.Target(scenario.method, url, HEADERS, scenario.body, scenario.expect)


def _mock(name: str, mode: str, db: Path | None = None) -> Server:
    """``threadspec mock`` as the CLI serves it, minus the access log (Prism runs with ``-v silent``)."""
    port = free_port()
    config = f"MockConfig(mode={mode!r}, port={port}, db={str(db) if db else None!r})"
    code = f"from threadspec.mock import MockConfig, serve; serve({config}, access_log=False)"
    return Server(name, [sys.executable, "-c", code], port, "/v1")


def prism_version() -> str | None:
    package = PRISM_DIR / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
    try:
        version: str = json.loads(package.read_text())["version"]
    except (OSError, ValueError, KeyError):
        return None
    return version


def _prism() -> Server | None:
    if shutil.which("node") is None:
        note("Prism skipped: Node.js is not installed")
        return None
    if not PRISM_BIN.exists():
        note("Prism skipped: not installed; `python bench/run.py --install-prism` puts it in bench/.prism/")
        return None
    port = free_port()
    argv = [str(PRISM_BIN), "mock", str(ROOT / "spec" / "openapi.yaml"), "-h", "127.0.0.1", "-p", str(port),
            "-v", "silent"]  # fmt: skip
    return Server(f"Prism {prism_version()} (stateless)", argv, port, "", is_prism=True)


def install_prism() -> bool:
    """``npm install`` Prism into bench/.prism/ (the only time the benchmark uses the network)."""
    if shutil.which("npm") is None:
        note("cannot install Prism: npm is not installed")
        return False
    PRISM_DIR.mkdir(exist_ok=True)
    command = ["npm", "install", "--prefix", str(PRISM_DIR), "--no-audit", "--no-fund", PRISM_PACKAGE]
    print("$ " + " ".join(command), flush=True)
    try:
        subprocess.run(command, check=True, timeout=600)
    except (subprocess.SubprocessError, OSError) as exc:
        note(f"Prism install failed: {exc}")
        return False
    return PRISM_BIN.exists()


def _prepare(server: Server) -> None:
    """Give the stateful servers a thread of 100 messages, and check each scenario's answer once."""
    if server.name.startswith("threadspec stateful"):
        body = json.dumps({"messages": [_message(i) for i in range(THREAD_MESSAGES)]}).encode()
        status, answer = server.request("POST", "/threads", body)
        if status != 200:
            raise RuntimeError(f"{server.name}: creating the thread answered {status}: {answer[:300]!r}")
        server.thread_id = json.loads(answer)["id"]
    for scenario in SCENARIOS:
        status, answer = server.request(scenario.method, scenario.path.format(thread_id=server.thread_id),
                                        scenario.body)  # fmt: skip
        if status != scenario.expect:
            server.preflight[scenario.name] = f"answered {status}, not {scenario.expect}"
        elif scenario.method == "GET" and not server.is_prism:
            count = len(json.loads(answer)["data"])
            if count != (20 if server.name.startswith("threadspec stateful") else 1):
                server.preflight[scenario.name] = f"listed {count} messages"


@contextlib.contextmanager
def servers(settings: Settings, with_prism: bool) -> Iterator[list[Server]]:
    with tempfile.TemporaryDirectory(prefix="bench-mock-") as scratch:
        found = [
            _mock("threadspec stateless", "stateless"),
            _mock("threadspec stateful (memory)", "stateful"),
        ]
        if settings.name != "tiny":
            found.append(_mock("threadspec stateful (SQLite)", "stateful", Path(scratch) / "mock.sqlite"))
        prism = _prism() if with_prism else None
        if prism is not None:
            found.append(prism)
        try:
            for server in found:
                server.start()
            started = []
            for server in found:
                try:
                    server.wait_ready()
                except RuntimeError as exc:
                    if not server.is_prism:
                        raise
                    note(f"Prism skipped: {exc}")
                    server.stop()
                    continue
                _prepare(server)
                started.append(server)
            yield started
        finally:
            for server in found:
                server.stop()


@dataclass(frozen=True)
class Summary:
    rps: float
    p50_ms: float
    p99_ms: float
    unexpected: int


def measure(
    settings: Settings, client: str, with_prism: bool
) -> tuple[dict[str, dict[str, Summary]], list[Server]]:
    results: dict[str, dict[str, list[loadgen.Load]]] = {}
    with servers(settings, with_prism) as running:
        for scenario in SCENARIOS:  # warm-up: JIT, caches, the first connections
            for server in running:
                loadgen.measure(
                    client, server.target(scenario), settings.warmup_seconds, settings.connections
                )
        for _ in range(settings.load_rounds):
            for scenario in SCENARIOS:
                for server in running:
                    load = loadgen.measure(client, server.target(scenario), settings.load_seconds,
                                           settings.connections)  # fmt: skip
                    results.setdefault(scenario.name, {}).setdefault(server.name, []).append(load)
    summaries = {
        scenario: {
            name: Summary(
                statistics.median(x.rps for x in loads),
                statistics.median(x.p50_ms for x in loads),
                statistics.median(x.p99_ms for x in loads),
                sum(x.unexpected for x in loads),
            )
            for name, loads in by_server.items()
        }
        for scenario, by_server in results.items()
    }
    return summaries, running


def _prism_name(row: dict[str, Summary]) -> str | None:
    return next((name for name in row if name.startswith("Prism")), None)


def table(summaries: dict[str, dict[str, Summary]], running: list[Server]) -> str:
    problems = {server.name: server.preflight for server in running}
    parts = []
    for scenario, row in summaries.items():
        prism = _prism_name(row)
        lines = []
        for name, s in row.items():
            versus = f"{s.rps / row[prism].rps:.2f}" if prism and row[prism].rps else "-"
            flag = problems.get(name, {}).get(scenario)
            lines.append([name + (f" ({flag})" if flag else ""), f"{s.rps:,.0f}", f"{s.p50_ms:.2f}",
                          f"{s.p99_ms:.2f}", str(s.unexpected), versus])  # fmt: skip
        parts.append(
            render(scenario, ["server", "req/s", "p50 ms", "p99 ms", "wrong status", "× Prism"], lines)
        )
    return "\n".join(parts)


def goals(summaries: dict[str, dict[str, Summary]]) -> list[Goal]:
    out: list[Goal] = []
    for scenario, row in summaries.items():
        prism = _prism_name(row)
        if prism is None:
            out.append((f"{scenario}: more req/s than Prism (Prism not measured)", None))
            continue
        for mode in ("threadspec stateless", "threadspec stateful (memory)"):
            if mode in row:
                ratio = row[mode].rps / row[prism].rps if row[prism].rps else float("inf")
                out.append((f"{scenario}: {mode} = {ratio:.2f}× Prism's req/s (goal > 1×)", ratio > 1))
    return out


def run(settings: Settings = FULL, client: str = "auto", with_prism: bool = True) -> tuple[str, list[Goal]]:
    if client == "auto":
        client = "wrk" if loadgen.have_wrk() else "python"
    if client == "python" and settings.name != "tiny":
        note("wrk not found: using the Python load generator (apt-get install wrk for lighter load)")
    summaries, running = measure(settings, client, with_prism)
    seconds = max(1, round(settings.load_seconds)) if client == "wrk" else settings.load_seconds
    head = (
        f"Mock server: client {client}, {settings.connections} keep-alive connections, "
        f"{seconds:g} s per measurement, median of {settings.load_rounds} alternating rounds after "
        f"a warm-up; all servers validate requests and run on 127.0.0.1"
    )
    if _prism_name(next(iter(summaries.values()), {})) is None:
        head += "\n(Prism not measured: see the note above)"
    return head + "\n" + table(summaries, running), goals(summaries)


def main(argv: list[str] | None = None) -> None:
    parser = settings_parser(__doc__.splitlines()[0], list(SETTINGS))
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--no-prism", action="store_true")
    args = parser.parse_args(argv)
    loopback_only()
    text, met = run(SETTINGS[args.settings], args.client, not args.no_prism)
    report(text, met)


if __name__ == "__main__":
    main()
