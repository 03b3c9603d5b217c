"""What the benchmark parts share: run settings, the timing loop, tables and the loopback-only guard."""

from __future__ import annotations

import math
import os
import platform
import socket
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class Settings:
    """How long each part may take. ``full`` is ``make bench``; ``quick`` a shorter run; ``tiny`` the smoke test."""

    name: str
    # validation: rounds of alternating contenders, seconds per measurement
    rounds: int
    budget: float
    # mock server: seconds of load per measurement, rounds, seconds of warm-up per contender and scenario
    load_seconds: float
    load_rounds: int
    warmup_seconds: float
    connections: int
    # scale
    payload_sizes: tuple[int, ...]
    thread_sizes: tuple[int, ...]
    list_calls: int
    memory_messages: int  # messages stored to measure the mock's memory


FULL = Settings("full", 7, 0.05, 2.0, 5, 1.0, 16, (1_000, 10_000, 100_000, 1_000_000, 10_000_000),
                (10, 100, 1_000, 10_000, 100_000), 25, 100_000)  # fmt: skip
QUICK = Settings("quick", 3, 0.02, 1.0, 2, 0.5, 16,
                 (1_000, 10_000, 100_000, 1_000_000), (10, 100, 1_000, 10_000), 9, 20_000)  # fmt: skip
TINY = Settings("tiny", 1, 0.002, 0.3, 1, 0.1, 4, (1_000, 10_000), (10, 100), 3, 1_000)
SETTINGS = {s.name: s for s in (FULL, QUICK, TINY)}


Goal = tuple[str, bool | None]  # a goal worded with its number; met, missed, or None: not measured


def verdict(ok: bool | None) -> str:
    return "n/a   " if ok is None else "met   " if ok else "MISSED"


def note(message: str) -> None:
    """A skipped contender or part: said on stderr, so the tables on stdout stay clean."""
    print(f"note: {message}", file=sys.stderr, flush=True)


def loopback_only() -> None:
    """Refuse name lookups of anything but this machine: the benchmarks must never leave it.

    Every Python-level connection goes through ``getaddrinfo``; a contender that tried to fetch a
    remote ``$ref`` would fail loudly here instead of reaching the network.
    """
    if getattr(socket, "_bench_loopback_only", False):
        return
    original = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name not in LOOPBACK:
            raise OSError(f"benchmarks talk to 127.0.0.1 only, not to {name!r}")
        return original(host, *args, **kwargs)

    socket.getaddrinfo = guarded
    socket._bench_loopback_only = True  # type: ignore[attr-defined]


def time_per_call(fn: Callable[[], object], budget: float) -> float:
    """Microseconds per call, from a loop sized to take about ``budget`` seconds."""
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed > budget / 5 or loops > 1_000_000:
            return elapsed / loops * 1e6
        loops *= 4


def loglog_slope(sizes: Sequence[float], values: Sequence[float]) -> float:
    """The least-squares exponent k of ``value ≈ c·size^k``: 1 is linear, 0 flat, 2 quadratic."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(v, 1e-9)) for v in values]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else 0.0


def render(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        first = f"{cells[0]:<{widths[0]}}"
        rest = [f"{c:>{w}}" for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  " + "  ".join([first, *rest]).rstrip()

    rule = "  " + "  ".join("-" * w for w in widths)
    return "\n".join([f"\n{title}", line(headers), rule, *(line(r) for r in rows)])


def machine() -> str:
    cpus = os.cpu_count() or 0
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        available = cpus
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return (
        f"{platform.system()} {platform.machine()}, {available} of {cpus} CPUs usable, "
        f"Python {platform.python_version()} ({platform.python_implementation()}), load average {load}"
    )


def report(text: str, met: Sequence[tuple[str, bool | None]]) -> None:
    """Print a part's tables and then one met / MISSED / n/a line per goal."""
    print(text)
    print()
    for line, ok in met:
        print(f"{verdict(ok)} {line}")


def settings_parser(description: str, settings: Sequence[str]) -> Any:
    """The options every part takes: --settings NAME, or --quick."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--settings", choices=sorted(settings), default="full")
    parser.add_argument("--quick", action="store_const", const="quick", dest="settings")
    return parser
