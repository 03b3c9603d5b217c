"""Before and after: the same measurements on two revisions of threadspec, interleaved, as paired ratios.

    python bench/ab.py                       # main against the working tree: validation and mock
    python bench/ab.py --base HEAD~3 --parts mock --modes stateless,stateful --rounds 6

The base revision's ``src/`` is exported with ``git archive`` into a scratch folder and imported
from there (``PYTHONPATH``), so both sides run with this checkout's virtualenv. Validation: each
side in its own process, several times in turn, the fastest run of each call kept (the figure least
disturbed by other work on the machine); ratios to ``orjson.loads`` measured in the same process.
Mock: both servers up at once, the load generator alternating between them round by round
(reversed every other round), each round's ratio after/before kept: the median and the band
(lowest–highest round) are printed. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import loadgen
import mock_server
from _common import ROOT, loopback_only, render

_VALIDATION = """
import json, sys, timeit
sys.path.insert(0, sys.argv[1])
import orjson
from corpus import corpus, invalid, sized
from threadspec import is_valid, validate
S = "CreateThreadAndRunRequest"
tiny = sys.argv[2] == "tiny"
raws = corpus()
raws["100KB/valid"] = json.dumps(sized(100_000)).encode()
raws["100KB/invalid"] = json.dumps(invalid(sized(100_000))).encode()
out = {}
for case, raw in raws.items():
    fns = {"orjson.loads": lambda: orjson.loads(raw), "is_valid": lambda: is_valid(raw, S),
           "validate": lambda: validate(raw, S).valid}
    number = 1 if tiny else max(1, 20_000 // max(1, len(raw) // 100))
    for name, fn in fns.items():
        fn()
        out[f"{case} {name}"] = min(timeit.repeat(fn, number=number, repeat=1 if tiny else 5)) / number * 1e6
print(json.dumps(out))
"""


def export(revision: str, into: Path) -> Path:
    """``src/`` of ``revision``, unpacked under ``into``."""
    archive = subprocess.run(
        ["git", "archive", revision, "src"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _env(src: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


def validation(sides: dict[str, Path | None], runs: int, tiny: bool = False) -> str:
    best: dict[str, dict[str, float]] = {side: {} for side in sides}
    for _ in range(runs):
        for side, src in sides.items():
            command = [sys.executable, "-c", _VALIDATION, str(ROOT / "bench"), "tiny" if tiny else "full"]
            done = subprocess.run(command, env=_env(src),
                                  capture_output=True, text=True, check=True, timeout=600)  # fmt: skip
            for key, micros in json.loads(done.stdout).items():
                best[side][key] = min(best[side].get(key, micros), micros)
    before, after = best.values()
    rows = []
    for key in before:
        case, name = key.rsplit(" ", 1)
        if name == "orjson.loads":
            continue
        floor = f"{case} orjson.loads"
        rows.append([case, name, f"{before[key]:,.1f}", f"{before[key] / before[floor]:.2f}",
                     f"{after[key]:,.1f}", f"{after[key] / after[floor]:.2f}", f"{after[key] / before[key]:.2f}"])  # fmt: skip
    headers = ["body", "call", "before µs", "before × parse", "after µs", "after × parse", "after/before"]
    return render(f"Validation, fastest of {runs} runs per side", headers, rows)


@contextlib.contextmanager
def _servers(
    sides: dict[str, Path | None], modes: list[str]
) -> Iterator[list[tuple[str, mock_server.Server]]]:
    started: list[tuple[str, mock_server.Server]] = []
    try:
        for mode in modes:
            for side, src in sides.items():
                server = mock_server._mock(f"threadspec {mode} ({side})", mode)
                server.env = _env(src)
                server.start()
                started.append((side, server))
        for _, server in started:
            server.wait_ready()
            mock_server._prepare(server)
        yield started
    finally:
        for _, server in started:
            server.stop()


def mock(sides: dict[str, Path | None], modes: list[str], rounds: int, seconds: float, client: str) -> str:
    rows = []
    with _servers(sides, modes) as running:
        loads: dict[tuple[str, str], list[loadgen.Load]] = {}
        for round_ in range(rounds):
            for scenario in mock_server.SCENARIOS:
                order = running if round_ % 2 == 0 else running[::-1]
                for _, server in order:
                    load = loadgen.measure(client, server.target(scenario), seconds, 16)
                    loads.setdefault((scenario.name, server.name), []).append(load)
        for scenario in mock_server.SCENARIOS:
            for mode in modes:
                pair = [
                    loads[(scenario.name, s.name)]
                    for side, s in running
                    if s.name.startswith(f"threadspec {mode} ")
                ]
                before, after = pair
                ratios = [a.rps / b.rps for a, b in zip(after, before, strict=True) if b.rps]
                p99 = [a.p99_ms / b.p99_ms for a, b in zip(after, before, strict=True) if b.p99_ms]
                rows.append([scenario.name, mode, f"{statistics.median(x.rps for x in before):,.0f}",
                             f"{statistics.median(x.rps for x in after):,.0f}",
                             f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})",
                             f"{statistics.median(p99):.2f} ({min(p99):.2f}–{max(p99):.2f})"])  # fmt: skip
    headers = ["scenario", "mode", "before req/s", "after req/s", "after/before req/s", "after/before p99"]
    return render(f"Mock, {client}, {rounds} alternating rounds of {seconds:g} s", headers, rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="the revision before (default: main)")
    parser.add_argument("--parts", default="validation,mock")
    parser.add_argument(
        "--modes", default="stateless", help="mock modes, comma-separated: stateless, stateful"
    )
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--tiny", action="store_true", help="one call per validation figure (the smoke test)")
    args = parser.parse_args(argv)
    loopback_only()
    client = args.client if args.client != "auto" else "wrk" if loadgen.have_wrk() else "python"
    with tempfile.TemporaryDirectory(prefix="bench-ab-") as scratch:
        sides: dict[str, Path | None] = {args.base: export(args.base, Path(scratch)), "working tree": None}
        print(f"before: {args.base}; after: the working tree", flush=True)
        parts = args.parts.split(",")
        if "validation" in parts:
            print(validation(sides, args.rounds, args.tiny), flush=True)
        if "mock" in parts:
            print(mock(sides, args.modes.split(","), args.rounds, args.seconds, client), flush=True)


if __name__ == "__main__":
    main()
