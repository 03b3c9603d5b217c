"""The benchmark scripts still run: each part at a tiny budget, tables out, no timing asserted.

``bench/run.py --settings tiny`` runs every part for a fraction of a second per measurement (the
Python load generator, no Steady or Prism), so a change that breaks a script shows up here, not at the next
``make bench``. The numbers it prints mean nothing; only that the tables come out is checked.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.limits import metadata_keys

ROOT = Path(__file__).resolve().parents[2]


def test_every_part_prints_its_tables(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--settings", "tiny", "--client", "python",
         "--no-node", "--out", str(out)],
        capture_output=True, text=True, timeout=180, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    assert report.strip() in done.stdout.replace("\r\n", "\n")
    for heading in ("=== validation", "=== mock", "=== scale", "=== goals ==="):
        assert heading in report
    # validation: every corpus case, with threadspec, the floor and jsonschema in it
    for case in ("small/valid", "typical/valid", "large/valid", "small/invalid", "typical/invalid"):
        assert f"\n{case}\n" in report
    for contender in ("orjson.loads (floor)", "threadspec bytes, verdict", "threadspec dict, full errors",
                      "pydantic models (json)", "jsonschema 2020-12, verdict"):  # fmt: skip
        assert contender in report
    # mock server: the four scenarios against both modes, every answer with the expected status
    for scenario in ("POST /threads (small)", "POST /threads/runs (typical, ~2 KB)",
                     f"POST /threads/runs, invalid ({metadata_keys() + 1} metadata keys)",
                     "GET /threads/{id}/messages?limit=20"):  # fmt: skip
        assert scenario in report
    assert "threadspec stateless" in report and "threadspec stateful (memory)" in report
    assert "answered" not in report and "listed" not in report  # no contender failed its status check
    # scale: both tables with their fitted exponents
    for table in (
        "Validation time against payload size",
        "Growth from size to size",
        "List latency against thread size",
        "Mock memory per stored message",
    ):
        assert table in report
    assert "k, fitted" in report and "exponent k" in report
    assert "FAILED" not in report


def test_before_and_after_prints_both_tables() -> None:
    """bench/ab.py against this checkout's own HEAD: both tables, every scenario, no timing judged."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "ab.py"), "--base", "HEAD", "--rounds", "1", "--seconds", "0.3",
         "--client", "python", "--tiny"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Validation, fastest of 1 runs per side" in done.stdout and "Mock, python" in done.stdout
    for case in ("typical/valid", "typical/invalid", "100KB/valid"):
        assert case in done.stdout
    assert done.stdout.count(" stateless ") == 4  # one row per scenario
