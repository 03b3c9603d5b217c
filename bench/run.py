"""``make bench``: every benchmark part in turn, its tables, and a verdict on each goal.

    python bench/run.py                  # the full run (a few minutes)
    python bench/run.py --quick          # a shorter run: fewer rounds, shorter loads
    python bench/run.py --parts mock     # one part: validation, mock, scale (comma-separated)
    python bench/run.py --install        # npm-install Steady and Prism into bench/.steady/, bench/.prism/ first

Only 127.0.0.1 is ever contacted (``--install`` aside, which runs npm when a server is missing;
``make bench`` passes it). Optional contenders (the ``bench`` extra, wrk, Node, Steady and Prism)
are skipped with a note when missing. The method and the latest numbers are in bench/README.md.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mock_server
import scale
import validation
from _common import SETTINGS, Goal, Settings, loopback_only, machine, verdict

PARTS = ("validation", "mock", "scale")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", choices=sorted(SETTINGS), default="full",
                        help="full (make bench), quick, or tiny (the smoke test)")  # fmt: skip
    parser.add_argument("--quick", action="store_const", const="quick", dest="settings")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated, from {', '.join(PARTS)}")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto",
                        help="load generator for the mock part (auto: wrk when installed)")  # fmt: skip
    parser.add_argument("--no-node", action="store_true", help="leave Steady and Prism out of the mock part")
    parser.add_argument(
        "--install",
        action="store_true",
        help="npm-install Steady and Prism (bench/.steady/, bench/.prism/) when missing",
    )
    parser.add_argument("--out", type=Path, help="also write the report to this file")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown parts: {', '.join(unknown)}")
    if args.install and "mock" in parts:
        mock_server.install()
    loopback_only()
    settings: Settings = SETTINGS[args.settings]
    runners: dict[str, Callable[[], tuple[str, list[Goal]]]] = {
        "validation": lambda: validation.run(settings),
        "mock": lambda: mock_server.run(settings, args.client, not args.no_node),
        "scale": lambda: scale.run(settings),
    }
    report = [f"threadspec benchmarks ({settings.name}), {time.strftime('%Y-%m-%d %H:%M %Z')}", machine()]
    print("\n".join(report), flush=True)
    goals: list[Goal] = []
    failed = []
    for part in parts:
        start = time.monotonic()
        try:
            text, met = runners[part]()
        except Exception:  # one broken part must not hide the others' tables
            traceback.print_exc()
            failed.append(part)
            continue
        section = f"\n=== {part} ({time.monotonic() - start:.0f} s) ===\n{text}"
        print(section, flush=True)
        report.append(section)
        goals += met
    verdicts = ["\n=== goals ==="] + [f"{verdict(ok)} {line}" for line, ok in goals]
    verdicts += [f"FAILED part {part} (traceback above)" for part in failed]
    print("\n".join(verdicts), flush=True)
    report += verdicts
    if args.out is not None:
        args.out.write_text("\n".join(report) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
