"""How long ``import threadspec`` takes, in fresh interpreters (the goal: at most 0.1 s).

    python bench/import_time.py            # 15 fresh interpreters per row
    python bench/import_time.py --runs 40

Prints the median and the fastest of: a bare interpreter start, an interpreter that imports
threadspec, and the import alone as measured inside the interpreter (``time.perf_counter`` around
the import statement). ``python -X importtime -c 'import threadspec'`` shows where the time goes.

The interpreters read compiled bytecode, as after ``pip install`` (which compiles it), from a cache
in a temporary folder filled by a first, unmeasured run: with ``PYTHONDONTWRITEBYTECODE`` every
import would compile its source again.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

INSIDE = "import time; t = time.perf_counter(); import threadspec; print(time.perf_counter() - t)"


def _run(code: str, env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
    ).stdout


def _wall(code: str, runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _run(code, env)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh interpreters per row (default 15)")
    runs = parser.parse_args(argv).runs
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        _run("import threadspec", env)  # fills the bytecode cache
        rows = {
            "interpreter start (python -c pass)": _wall("pass", runs, env),
            "python -c 'import threadspec'": _wall("import threadspec", runs, env),
            "the import alone (perf_counter inside)": [float(_run(INSIDE, env)) for _ in range(runs)],
        }
    print(f"{'seconds, ' + str(runs) + ' fresh interpreters':<42} {'median':>8} {'fastest':>8}")
    for label, times in rows.items():
        print(f"{label:<42} {statistics.median(times):>8.3f} {min(times):>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
