"""Serving over real sockets: in a background thread, and as the foreground process the CLI runs."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

import httpx
import pytest

from threadspec.mock import MockConfig, serve_in_thread

BETA = {"OpenAI-Beta": "assistants=v2"}


def test_serve_in_thread() -> None:
    with serve_in_thread(MockConfig(port=0)) as url:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/v1", url)
        thread = httpx.post(f"{url}/threads", json={}, headers=BETA).json()
        assert httpx.get(f"{url}/threads/{thread['id']}", headers=BETA).json() == thread
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/threads/{thread['id']}", headers=BETA)


def test_serve_prints_its_url_and_stops_on_ctrl_c() -> None:
    code = "from threadspec.mock import MockConfig, serve; serve(MockConfig(port=0, seed=1))"
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/v1", line)
        assert found, line
        assert "stateful" in line
        response = httpx.post(f"{found.group(0)}/threads", json={}, headers=BETA, timeout=30)
        assert response.status_code == 200
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, errors
    assert "Traceback" not in errors
