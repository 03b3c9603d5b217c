"""Scale: validation time against payload size, list latency against thread size.

Run: ``python bench/scale.py [--quick]``.

1. Bodies of about 1 KB, 10 KB, 100 KB, 1 MB and 10 MB (``corpus.sized``: more messages of the
   same shapes) are validated in one process, alternating sizes and contenders, fastest of rounds.
   Validation must touch every byte, so the goal is growth no worse than linear: a fitted
   exponent k (time ∝ size^k) of at most 1.15, and no step from size to size. (jsonschema is
   left out above 1 MB: seconds per call.)
2. One SQLite database (the stateful mock's ``--db``) holds threads of 10 … 100,000 messages,
   filled through the store API. ``GET /v1/threads/{id}/messages?limit=20`` (the first page, and
   the page after a cursor in the middle of the thread) goes through the whole ASGI app in process,
   validation included. A page touches 20 messages whatever the thread's size, so the goal is a
   flat curve: k at most 0.15. The in-memory store is shown alongside for information.
3. The mock's memory for stored messages: a fresh process per store fills one thread with
   100,000 messages through the store API and reports how much its resident memory grew (and,
   for SQLite, the database file), per message and per 100,000.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    FULL,
    SETTINGS,
    Goal,
    Settings,
    loglog_slope,
    loopback_only,
    render,
    report,
    settings_parser,
    time_per_call,
)
from corpus import invalid, sized

from threadspec import is_valid, spec, validate
from threadspec.mock import MockConfig, create_app
from threadspec.mock.threads import add_message, new_thread

SCHEMA = "CreateThreadAndRunRequest"
PAYLOAD_LINEAR = 1.15  # a fitted exponent above this is super-linear
FLOOR_SLACK = 0.1  # unless parsing alone grows as fast
LIST_FLAT = 0.15  # a page of 20 must not cost more in a bigger thread
PAGE = 20
REFERENCE_MAX_BYTES = 2_000_000  # jsonschema takes seconds per call beyond this


def _kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB" if size >= 1024 else f"{size} B"


# ----------------------------------------------------------------------------- payload size
THREADSPEC = ("threadspec verdict", "threadspec full errors (invalid)")


def _bodies(targets: tuple[int, ...]) -> tuple[dict[int, bytes], dict[int, bytes]]:
    """Valid bodies of each size and the same with a metadata key too many, as bytes only (no big dicts kept)."""
    raws, bad = {}, {}
    for target in targets:
        body = sized(target)
        raws[target], bad[target] = json.dumps(body).encode(), json.dumps(invalid(body)).encode()
    assert all(is_valid(raw, SCHEMA) for raw in raws.values()) and not any(
        is_valid(raw, SCHEMA) for raw in bad.values()
    )
    return raws, bad


def _exponent(small: tuple[int, float], big: tuple[int, float]) -> float:
    return math.log(big[1] / small[1]) / math.log(big[0] / small[0])


def payload_growth(settings: Settings) -> tuple[str, list[Goal]]:
    reference = Draft202012Validator(spec.schema(SCHEMA))
    raws, bad = _bodies(settings.payload_sizes)
    # Collections triggered while timing should walk what the timed call allocates, not everything
    # this process has built before (the other parts' validators, specs and apps): freeze those.
    gc.collect()
    gc.freeze()
    try:
        return _payload_growth(settings, reference, raws, bad)
    finally:
        gc.unfreeze()


def _payload_growth(
    settings: Settings, reference: Any, raws: dict[int, bytes], bad: dict[int, bytes]
) -> tuple[str, list[Goal]]:
    contenders: dict[str, Any] = {
        "orjson.loads": lambda t: lambda: orjson.loads(raws[t]),
        "threadspec verdict": lambda t: lambda: is_valid(raws[t], SCHEMA),
        "threadspec full errors (invalid)": lambda t: lambda: validate(bad[t], SCHEMA),
        "jsonschema verdict": lambda t: lambda: reference.is_valid(orjson.loads(raws[t])),
    }
    samples: dict[str, dict[int, list[float]]] = {name: {t: [] for t in raws} for name in contenders}
    for _ in range(settings.rounds):
        for target in raws:
            for name, make in contenders.items():
                if name == "jsonschema verdict" and len(raws[target]) > REFERENCE_MAX_BYTES:
                    continue
                samples[name][target].append(time_per_call(make(target), settings.budget))
    medians = {
        name: {t: statistics.median(v) if v else math.nan for t, v in by.items()}
        for name, by in samples.items()
    }
    sizes = [len(raws[t]) for t in raws]
    rows = []
    for target in raws:
        floor = medians["orjson.loads"][target]
        cells = [_kib(len(raws[target]))]
        for name in contenders:
            micros = medians[name][target]
            if math.isnan(micros):
                cells.append("-")
                continue
            cells.append(f"{micros:,.1f}" + ("" if name == "orjson.loads" else f" ({micros / floor:.1f}×)"))
        cells.append(f"{medians['threadspec verdict'][target] / len(raws[target]) * 1024:.2f}")
        rows.append(cells)
    slopes = {
        name: loglog_slope(
            *zip(
                *((len(raws[t]), medians[name][t]) for t in raws if not math.isnan(medians[name][t])),
                strict=True,
            )
        )
        for name in contenders
    }
    rows.append(["k, fitted", *(f"{slopes[name]:.2f}" for name in contenders), ""])
    headers = ["body", *(f"{name} µs" for name in contenders), "verdict µs/KiB"]
    text = render("Validation time against payload size (µs, fastest round; × orjson.loads)", headers, rows)
    # growth from each size to the next: k = log(time ratio) / log(size ratio). A STEP is growth
    # worse than linear that parsing alone (orjson.loads, measured alongside) does not show as well:
    # at a megabyte, allocation and garbage collection make even the parse itself grow a little faster
    steps: dict[str, list[str]] = {name: [] for name in contenders}
    decade_rows, last, last_floor = [], {}, 0.0
    for (t1, s1), (t2, s2) in itertools.pairwise(zip(raws, sizes, strict=True)):
        cells = [f"{_kib(s1)} → {_kib(s2)}"]
        floor_k = _exponent((s1, medians["orjson.loads"][t1]), (s2, medians["orjson.loads"][t2]))
        for name in contenders:
            if math.isnan(medians[name][t2]):
                cells.append("-")
                continue
            k = _exponent((s1, medians[name][t1]), (s2, medians[name][t2]))
            last[name], last_floor = k, floor_k
            step = k > PAYLOAD_LINEAR and k - floor_k > FLOOR_SLACK
            if step:
                steps[name].append(f"{_kib(s1)} → {_kib(s2)}")
            ratio = medians[name][t2] / medians[name][t1]
            cells.append(f"×{ratio:,.1f} (k {k:.2f}{', STEP' if step else ''})")
        decade_rows.append(cells)
    text += "\n" + render(
        f"Growth from size to size (× time; k: exponent over the step; STEP: k > {PAYLOAD_LINEAR} and "
        f"more than {FLOOR_SLACK} above orjson.loads' k)",
        ["sizes", *contenders],
        decade_rows,
    )
    goals: list[Goal] = []
    for name in THREADSPEC if len(sizes) > 1 else ():
        k = last[name]
        goals.append((f"validation growth with payload size, {name}: k = {k:.2f} over the largest step "
                      f"(orjson.loads {last_floor:.2f}), {slopes[name]:.2f} fitted over all (goal: linear, "
                      f"k ≤ {PAYLOAD_LINEAR} or within {FLOOR_SLACK} of parsing's)",
                      k <= PAYLOAD_LINEAR or k - last_floor <= FLOOR_SLACK))  # fmt: skip
        goals.append((f"validation growth with payload size, {name}: no step worse than linear "
                      f"(steps: {', '.join(steps[name]) or 'none'})", not steps[name]))  # fmt: skip
    return text, goals


# ----------------------------------------------------------------------------- thread size
_HEADERS = [(b"openai-beta", b"assistants=v2"), (b"host", b"127.0.0.1")]


async def _get(app: Any, path: str, query: str) -> tuple[int, dict[str, Any]]:
    """One request through the ASGI app in process: no socket, the whole middleware and handler."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": path, "raw_path": path.encode(), "root_path": "", "query_string": query.encode(),
        "headers": _HEADERS, "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 2), "state": {},
    }  # fmt: skip
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"], orjson.loads(b"".join(m.get("body", b"") for m in sent[1:]))


def _fill(app: Any, sizes: tuple[int, ...]) -> dict[int, tuple[str, str]]:
    """Threads of each size, written through the store API in one transaction; their ids and middle cursors."""
    service = app.state.service
    out = {}
    life = service.lifecycle()
    with service.store.transaction():
        for size in sizes:
            thread = new_thread(life, {})
            ids = [
                add_message(life, thread.id, {"role": "user", "content": f"Message {i} of {size}."}).id
                for i in range(size)
            ]
            out[size] = (thread.id, ids[size // 2])  # newest first: the page after it holds older messages
    return out


async def _list_latency(apps: dict[str, Any], threads: dict[str, dict[int, tuple[str, str]]], calls: int,
                        deadline: float) -> dict[str, dict[int, dict[str, float]]]:  # fmt: skip
    samples: dict[str, dict[int, dict[str, list[float]]]] = {
        store: {size: {"first": [], "after": []} for size in by_size} for store, by_size in threads.items()
    }
    for store, app in apps.items():  # warm-up: first queries, caches, lazily built orders
        for thread_id, _cursor in threads[store].values():
            await _get(app, f"/v1/threads/{thread_id}/messages", f"limit={PAGE}")
    for call in range(calls):
        if call >= 3 and time.monotonic() > deadline:
            break  # bounded in time as well as in count
        for store, app in apps.items():
            for size, (thread_id, cursor) in threads[store].items():
                path = f"/v1/threads/{thread_id}/messages"
                for kind, query in (("first", f"limit={PAGE}"), ("after", f"limit={PAGE}&after={cursor}")):
                    start = time.perf_counter()
                    status, page = await _get(app, path, query)
                    samples[store][size][kind].append((time.perf_counter() - start) * 1e6)
                    expected = min(PAGE, size if kind == "first" else size // 2)
                    if status != 200 or len(page["data"]) != expected:
                        raise RuntimeError(
                            f"{store} {size} {kind}: {status}, {len(page.get('data', []))} items"
                        )
    return {
        store: {size: {k: statistics.median(v) for k, v in kinds.items()} for size, kinds in by_size.items()}
        for store, by_size in samples.items()
    }


def list_growth(settings: Settings) -> tuple[str, list[Goal]]:
    sizes = settings.thread_sizes
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch:
        apps = {
            "SQLite": create_app(MockConfig(db=Path(scratch) / "threads.sqlite")),
            "memory": create_app(MockConfig()),
        }
        try:
            start = time.perf_counter()
            threads = {store: _fill(app, sizes) for store, app in apps.items()}
            filled = time.perf_counter() - start
            medians = asyncio.run(_list_latency(apps, threads, settings.list_calls, time.monotonic() + 120))
        finally:
            for app in apps.values():
                app.state.service.close()
    rows = [
        [
            f"{size:,}",
            *(f"{medians[store][size][kind]:,.0f}" for store in apps for kind in ("first", "after")),
        ]
        for size in sizes
    ]
    slopes = {
        (store, kind): loglog_slope(sizes, [medians[store][size][kind] for size in sizes])
        for store in apps
        for kind in ("first", "after")
    }
    rows.append(
        ["exponent k", *(f"{slopes[(store, kind)]:.2f}" for store in apps for kind in ("first", "after"))]
    )
    headers = ["messages in thread", *(f"{store} {kind} µs" for store in apps for kind in ("first", "after"))]
    title = (
        f"List latency against thread size: GET …/messages?limit={PAGE}, first page and page after the "
        f"middle (µs, median of {settings.list_calls}; stores filled in {filled:.1f} s)"
    )
    goals: list[Goal] = [
        (f"list latency with thread size, SQLite {kind} page: k = {slopes[('SQLite', kind)]:.2f} "
         f"(goal ≤ {LIST_FLAT}: flat, a page touches {PAGE} messages)", slopes[("SQLite", kind)] <= LIST_FLAT)
        for kind in ("first", "after")
    ]  # fmt: skip
    return render(title, headers, rows), goals


# ----------------------------------------------------------------------------- memory
_FILL = """
import gc, json, os, sys, time
from pathlib import Path
from threadspec.mock import MockConfig, create_app
from threadspec.mock.threads import add_message, new_thread

def resident():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

count, db = int(sys.argv[1]), sys.argv[2] or None
app = create_app(MockConfig(db=Path(db) if db else None))
service = app.state.service
life = service.lifecycle()
with service.store.transaction():  # warm: imports, the first thread and message
    add_message(life, new_thread(life, {}).id, {"role": "user", "content": "warm"})
gc.collect()
before, start = resident(), time.perf_counter()
with service.store.transaction():
    thread = new_thread(life, {})
    for i in range(count):
        add_message(life, thread.id, {"role": "user", "content": f"Message {i} of the thread, a line of text."})
seconds = time.perf_counter() - start
gc.collect()
grown = resident() - before
service.close()
files = sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*")) if db else 0
print(json.dumps({"grown": grown, "seconds": seconds, "file": files}))
"""


def memory(settings: Settings) -> tuple[str, list[Goal]]:
    """Resident memory (and SQLite's file) per stored message, each store in a fresh process."""
    count = settings.memory_messages
    if not Path("/proc/self/statm").exists():
        return "\nMock memory per stored message: not measured (no /proc: Linux only)", []
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as scratch:
        for store, db in (("memory", ""), ("SQLite", str(Path(scratch) / "memory.sqlite"))):
            done = subprocess.run([sys.executable, "-c", _FILL, str(count), db], capture_output=True, text=True,
                                  timeout=600, check=True)  # fmt: skip
            found = json.loads(done.stdout.strip().splitlines()[-1])
            per = found["grown"] / count
            rows.append([store, f"{count:,}", f"{found['seconds']:.1f}", f"{found['grown'] / 2**20:,.1f}",
                         f"{per:,.0f}", f"{per * 100_000 / 2**20:,.1f}",
                         f"{found['file'] / 2**20:,.1f}" if db else "-",
                         f"{found['file'] / count:,.0f}" if db else "-"])  # fmt: skip
    headers = ["store", "messages", "fill s", "resident growth MiB", "bytes/message", "MiB per 100,000",
               "file MiB", "file bytes/message"]  # fmt: skip
    title = (
        "Mock memory per stored message: one thread filled through the store API, a fresh process per store"
    )
    return render(title, headers, rows), []


def run(settings: Settings = FULL) -> tuple[str, list[Goal]]:
    payload_text, payload_goals = payload_growth(settings)
    list_text, list_goals = list_growth(settings)
    memory_text, memory_goals = memory(settings)
    text = "Scale" + payload_text + "\n" + list_text + "\n" + memory_text
    return text, payload_goals + list_goals + memory_goals


def main(argv: list[str] | None = None) -> None:
    parser = settings_parser(__doc__.splitlines()[0], list(SETTINGS))
    args = parser.parse_args(argv)
    loopback_only()
    text, met = run(SETTINGS[args.settings])
    report(text, met)


if __name__ == "__main__":
    main()
