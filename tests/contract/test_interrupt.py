"""Ctrl-C ends a run cleanly: the partial report is written, the threads are deleted, exit code 130."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.contract.conftest import KEY_ENV
from threadspec.mock import MockConfig, serve_in_thread


def _wait_for_progress(process: subprocess.Popen[str], lines: int, seconds: float = 60.0) -> list[str]:
    assert process.stderr is not None
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        seen.append(line)
        if sum(entry.startswith("[") for entry in seen) >= lines:
            return seen
    raise AssertionError(f"no progress: {seen}")


def test_ctrl_c_writes_the_partial_report_and_exits_130(tmp_path: Path, api_key: str) -> None:
    report = tmp_path / "report.json"
    with serve_in_thread(MockConfig(port=0, api_key=api_key)) as base_url:
        command = [sys.executable, "-m", "threadspec", "contract", "--base-url", base_url,
                   "--api-key-env", KEY_ENV, "--seed", "3", "--max-examples", "3", "--json", str(report)]  # fmt: skip
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy()
        )
        try:
            _wait_for_progress(process, lines=3)
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=90)
        finally:
            process.kill()
    assert process.returncode == 130, err
    assert "Traceback" not in err + out
    assert "interrupted: the report holds what was found until then" in out
    data = json.loads(report.read_text())
    assert data["interrupted"] is True and data["exit_code"] == 130
    assert 3 <= len(data["checks"]) < 58
    assert data["leftovers"] == []  # cleanup ran after the interruption
