"""Mock-server throughput and latency: ``threadspec mock`` (stateless, stateful) against Steady and Prism.

Run: ``python bench/mock_server.py [--quick] [--client wrk|python] [--no-node] [--install]``. Every
server runs in its own process on 127.0.0.1, started the way a user starts it (``threadspec mock``,
``steady spec/openapi.yaml``, ``prism mock spec/openapi.yaml``); all of them stay up for the whole
run. One load generator (``wrk`` when installed, else the Python one in ``loadgen.py``) drives them
with a fixed number of keep-alive connections, scenario by scenario, contender after contender
(the order reversed every other round), for several rounds; each number is the median over the
rounds, and each ratio is taken round by round — between measurements seconds apart — and shown
as its median with the lowest and highest round beside it: the noise band of the run. A warm-up
precedes the first round (Node's JIT needs it).

Steady (``@stdy/cli``, the compiled mock the official Python SDK's CI runs) and Stoplight Prism
are optional: ``--install`` (``make bench`` passes it) npm-installs the missing ones into
``bench/.steady/`` and ``bench/.prism/``; without npm, Node or those folders they are skipped
with a note.
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
    prefix: str  # "/v1" for the mock; Steady and Prism serve the spec's paths as they are written
    node: NodeMock | None = None  # the npm-installed comparison server this is, if one
    checks_limits: bool = True  # False: answers a body breaking a documented limit as a valid one
    thread_id: str = "thread_bench"
    env: dict[str, str] | None = None  # the process's environment (None: this one's)
    proc: subprocess.Popen[bytes] | None = None
    log: Path | None = None
    preflight: dict[str, str] = field(default_factory=dict)  # scenario → problem, when there is one

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def start(self) -> None:
        with tempfile.NamedTemporaryFile("wb", prefix="bench-server-", suffix=".log", delete=False) as log:
            self.log = Path(log.name)
            self.proc = subprocess.Popen(
                self.argv, stdout=subprocess.DEVNULL, stderr=log, cwd=ROOT, env=self.env
            )

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

    def expect(self, scenario: Scenario) -> int:
        return scenario.expect if self.checks_limits or scenario.expect < 400 else 200

    def target(self, scenario: Scenario) -> loadgen.Target:
        url = self.base + scenario.path.format(thread_id=self.thread_id)
        return loadgen.Target(scenario.method, url, HEADERS, scenario.body, self.expect(scenario))


def _mock(name: str, mode: str, db: Path | None = None, workers: int = 1) -> Server:
    """``threadspec mock`` as the CLI serves it, minus the access log (Prism runs with ``-v silent``)."""
    port = free_port()
    # workers named only when several: bench/ab.py serves revisions from before the field
    several = f", workers={workers}" if workers > 1 else ""
    config = f"MockConfig(mode={mode!r}, port={port}, db={str(db) if db else None!r}{several})"
    code = f"from threadspec.mock import MockConfig, serve; serve({config}, access_log=False)"
    return Server(name, [sys.executable, "-c", code], port, "/v1")


@dataclass(frozen=True)
class NodeMock:
    """A comparison server from npm, installed into its own gitignored folder under bench/."""

    label: str
    package: str  # what npm installs
    name: str  # the package's name, where its package.json is
    command: str  # its executable in node_modules/.bin
    checks_limits: bool  # whether it refuses a body breaking maxProperties

    @property
    def folder(self) -> Path:
        return BENCH / f".{self.command}"

    @property
    def executable(self) -> Path:
        return self.folder / "node_modules" / ".bin" / self.command

    def version(self) -> str | None:
        package = self.folder / "node_modules" / self.name / "package.json"
        try:
            version: str = json.loads(package.read_text())["version"]
        except (OSError, ValueError, KeyError):
            return None
        return version

    def argv(self, port: int) -> list[str]:
        spec = str(ROOT / "spec" / "openapi.yaml")
        if self.command == "prism":
            return [str(self.executable), "mock", spec, "-h", "127.0.0.1", "-p", str(port), "-v", "silent"]
        return [str(self.executable), "-p", str(port), "--host", "127.0.0.1", "-q", spec]


# Steady answers the 17-key body 200 (it reports limits only in a header); Prism refuses it
STEADY = NodeMock("Steady", "@stdy/cli@0.22", "@stdy/cli", "steady", checks_limits=False)
PRISM = NodeMock("Prism", "@stoplight/prism-cli@5", "@stoplight/prism-cli", "prism", checks_limits=True)
NODE_MOCKS = (STEADY, PRISM)


def _nodes(tools: tuple[NodeMock, ...]) -> list[Server]:
    """The comparison servers that can run here; one note for those that cannot."""
    if shutil.which("node") is None:
        note(f"{' and '.join(t.label for t in tools)} skipped: Node.js is not installed")
        return []
    missing = [tool for tool in tools if not tool.executable.exists()]
    if missing:
        why = (
            "npm is missing"
            if shutil.which("npm") is None
            else "`python bench/run.py --install` installs them"
        )
        note(f"{' and '.join(t.label for t in missing)} skipped: not installed under bench/ ({why})")
    out = []
    for tool in tools:
        if tool not in missing:
            port = free_port()
            name = f"{tool.label} {tool.version()} (stateless)"
            out.append(Server(name, tool.argv(port), port, "", node=tool, checks_limits=tool.checks_limits))
    return out


def install(tools: tuple[NodeMock, ...] = NODE_MOCKS) -> None:
    """``npm install`` each missing comparison server into its folder (the only time the benchmark uses the network)."""
    missing = [tool for tool in tools if not tool.executable.exists()]
    if not missing:
        return
    if shutil.which("npm") is None:
        return  # said once, where the servers are started
    for tool in missing:
        tool.folder.mkdir(exist_ok=True)
        command = ["npm", "install", "--prefix", str(tool.folder), "--no-audit", "--no-fund", tool.package]
        print("$ " + " ".join(command), file=sys.stderr, flush=True)
        try:
            subprocess.run(command, check=True, timeout=600, stdout=subprocess.DEVNULL)
        except (subprocess.SubprocessError, OSError) as exc:
            note(f"{tool.label} install failed: {exc}")


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
        if status != server.expect(scenario):
            server.preflight[scenario.name] = f"answered {status}, not {server.expect(scenario)}"
        elif scenario.method == "GET" and server.node is None:
            count = len(json.loads(answer)["data"])
            if count != (20 if server.name.startswith("threadspec stateful") else 1):
                server.preflight[scenario.name] = f"listed {count} messages"


STATELESS, MEMORY = "threadspec stateless", "threadspec stateful (memory)"
# `--workers 2`: two processes on the port, as Steady answers on more than one core (it runs several threads)
WORKERS = "threadspec stateless, 2 workers"


@contextlib.contextmanager
def servers(settings: Settings, with_node: bool) -> Iterator[list[Server]]:
    with tempfile.TemporaryDirectory(prefix="bench-mock-") as scratch:
        found = [
            _mock(STATELESS, "stateless"),
            _mock(MEMORY, "stateful"),
            _mock(WORKERS, "stateless", workers=2),
        ]
        if settings.name != "tiny":
            found.append(_mock("threadspec stateful (SQLite)", "stateful", Path(scratch) / "mock.sqlite"))
        if with_node:
            found += _nodes(NODE_MOCKS)
        try:
            for server in found:
                server.start()
            started = []
            for server in found:
                try:
                    server.wait_ready()
                except RuntimeError as exc:
                    if server.node is None:
                        raise
                    note(f"{server.node.label} skipped: {exc}")
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
    """One server on one scenario: medians over the rounds, and each round's load (for paired ratios)."""

    rps: float
    p50_ms: float
    p99_ms: float
    unexpected: int
    rounds: tuple[loadgen.Load, ...]

    @classmethod
    def of(cls, loads: list[loadgen.Load]) -> Summary:
        return cls(
            statistics.median(x.rps for x in loads),
            statistics.median(x.p50_ms for x in loads),
            statistics.median(x.p99_ms for x in loads),
            sum(x.unexpected for x in loads),
            tuple(loads),
        )


@dataclass(frozen=True)
class Ratio:
    """A ratio taken round by round: its median and the lowest and highest round (the noise band)."""

    median: float
    low: float
    high: float

    @classmethod
    def paired(cls, top: Summary, bottom: Summary, what: str = "rps") -> Ratio | None:
        pairs = [
            getattr(a, what) / getattr(b, what)
            for a, b in zip(top.rounds, bottom.rounds, strict=True)
            if getattr(b, what)
        ]
        return cls(statistics.median(pairs), min(pairs), max(pairs)) if pairs else None

    def __str__(self) -> str:
        return f"{self.median:.2f} ({self.low:.2f}–{self.high:.2f})"


Results = dict[str, dict[str, Summary]]


def measure(settings: Settings, client: str, with_node: bool) -> tuple[Results, list[Server]]:
    results: dict[str, dict[str, list[loadgen.Load]]] = {}
    with servers(settings, with_node) as running:
        for scenario in SCENARIOS:  # warm-up: JIT, caches, the first connections
            for server in running:
                loadgen.measure(
                    client, server.target(scenario), settings.warmup_seconds, settings.connections
                )
        for round_ in range(settings.load_rounds):
            for scenario in SCENARIOS:
                # every other round the other way round: no contender always runs right after another
                for server in running if round_ % 2 == 0 else running[::-1]:
                    load = loadgen.measure(client, server.target(scenario), settings.load_seconds,
                                           settings.connections)  # fmt: skip
                    results.setdefault(scenario.name, {}).setdefault(server.name, []).append(load)
    summaries = {
        scenario: {name: Summary.of(loads) for name, loads in by_server.items()}
        for scenario, by_server in results.items()
    }
    return summaries, running


def _named(row: dict[str, Summary], label: str) -> str | None:
    return next((name for name in row if name.startswith(label + " ")), None)


def table(summaries: Results, running: list[Server]) -> str:
    problems = {server.name: server.preflight for server in running}
    lenient = {server.name for server in running if not server.checks_limits}
    parts = []
    for scenario, row in summaries.items():
        against = [(tool.label, _named(row, tool.label)) for tool in NODE_MOCKS]
        lines = []
        for name, s in row.items():
            flag = problems.get(name, {}).get(scenario)
            if (
                flag is None
                and name in lenient
                and any(sc.name == scenario and sc.expect >= 400 for sc in SCENARIOS)
            ):
                flag = "answers 200: the limit unchecked"
            cells = [name + (f" ({flag})" if flag else ""), f"{s.rps:,.0f}",
                     f"{min(x.rps for x in s.rounds):,.0f}–{max(x.rps for x in s.rounds):,.0f}",
                     f"{s.p50_ms:.2f}", f"{s.p99_ms:.2f}", str(s.unexpected)]  # fmt: skip
            for _label, other in against:
                ratio = Ratio.paired(s, row[other]) if other is not None else None
                cells.append(str(ratio) if ratio is not None and other != name else "-")
            steady = against[0][1]
            p99 = Ratio.paired(s, row[steady], "p99_ms") if steady is not None and steady != name else None
            cells.append(str(p99) if p99 is not None else "-")
            lines.append(cells)
        headers = ["server", "req/s", "req/s range", "p50 ms", "p99 ms", "wrong status",
                   *(f"× {label} req/s" for label, _ in against), "× Steady p99"]  # fmt: skip
        parts.append(render(scenario, headers, lines))
    return "\n".join(parts)


def goals(summaries: Results) -> list[Goal]:
    out: list[Goal] = []
    for index, (scenario, row) in enumerate(summaries.items()):
        steady, prism = _named(row, "Steady"), _named(row, "Prism")
        if STATELESS in row and steady is not None:
            ratio = Ratio.paired(row[STATELESS], row[steady])
            if ratio is not None:
                out.append((f"{scenario}: threadspec stateless = {ratio}× Steady's req/s (goal ≥ 1.0×)",
                            ratio.median >= 1.0))  # fmt: skip
            if SCENARIOS[index].expect >= 400:
                p99 = Ratio.paired(row[STATELESS], row[steady], "p99_ms")
                if p99 is not None:
                    out.append((f"{scenario}: threadspec stateless p99 = {p99}× Steady's (goal ≤ 1.2×)",
                                p99.median <= 1.2))  # fmt: skip
        elif steady is None:
            out.append((f"{scenario}: req/s against Steady (Steady not measured)", None))
        if WORKERS in row and steady is not None:
            ratio = Ratio.paired(row[WORKERS], row[steady])
            if ratio is not None:
                out.append(
                    (f"{scenario}: {WORKERS} = {ratio}× Steady's req/s (goal ≥ 1.0×)", ratio.median >= 1.0)
                )
        if STATELESS in row and MEMORY in row:
            kept = Ratio.paired(row[MEMORY], row[STATELESS])
            if kept is not None:
                out.append((f"{scenario}: threadspec stateful (memory) = {kept}× stateless req/s (goal ≥ 0.8×)",
                            kept.median >= 0.8))  # fmt: skip
        for mode in (STATELESS, MEMORY) if prism is not None else ():
            ratio = Ratio.paired(row[mode], row[prism]) if mode in row else None
            if ratio is not None:
                out.append((f"{scenario}: {mode} = {ratio}× Prism's req/s (goal > 1×)", ratio.median > 1))
    return out


def run(settings: Settings = FULL, client: str = "auto", with_node: bool = True) -> tuple[str, list[Goal]]:
    if client == "auto":
        client = "wrk" if loadgen.have_wrk() else "python"
    if client == "python" and settings.name != "tiny":
        note("wrk not found: using the Python load generator (apt-get install wrk for lighter load)")
    summaries, running = measure(settings, client, with_node)
    seconds = max(1, round(settings.load_seconds)) if client == "wrk" else settings.load_seconds
    head = (
        f"Mock server: client {client}, {settings.connections} keep-alive connections, "
        f"{seconds:g} s per measurement, {settings.load_rounds} alternating rounds after a warm-up "
        f"(medians; a ratio's band: its lowest and highest round); all servers on 127.0.0.1"
    )
    first = next(iter(summaries.values()), {})
    missing = [tool.label for tool in NODE_MOCKS if _named(first, tool.label) is None]
    if missing:
        head += f"\n({' and '.join(missing)} not measured: see the note above)"
    return head + "\n" + table(summaries, running), goals(summaries)


def main(argv: list[str] | None = None) -> None:
    parser = settings_parser(__doc__.splitlines()[0], list(SETTINGS))
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--no-node", action="store_true", help="leave Steady and Prism out")
    parser.add_argument("--install", action="store_true", help="npm-install Steady and Prism when missing")
    args = parser.parse_args(argv)
    if args.install:
        install()
    loopback_only()
    text, met = run(SETTINGS[args.settings], args.client, not args.no_node)
    report(text, met)


if __name__ == "__main__":
    main()
