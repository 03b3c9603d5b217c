"""The mock as its own process, started the way users start it: ``threadspec mock …``."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

STARTUP_SECONDS = 60.0
_URL = re.compile(r"serving (http://\S+/v1)")


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def kill(self) -> None:
        """``kill -9``: no cleanup, no flush, no goodbye."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(STARTUP_SECONDS)

    def stop(self) -> str:
        """Ctrl-C, as a user stops it; the whole log."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(STARTUP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STARTUP_SECONDS)
        return self.log.read_text(errors="replace")


def serve(tmp_path: Path, *args: str, name: str = "mock") -> Served:
    """Start ``threadspec mock --port 0 ARGS``; its URL once it listens (stdout and stderr go to a file)."""
    log = tmp_path / f"{name}-{time.monotonic_ns()}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "threadspec", "mock", "--port", "0", *args], stdout=out, stderr=out
        )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        found = _URL.search(log.read_text(errors="replace"))
        # the URL is printed once the port is bound; connections succeed once uvicorn listens
        if found and _accepts(int(found.group(1).rsplit(":", 1)[1].split("/")[0])):
            return Served(process, found.group(1), log)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    process.wait(STARTUP_SECONDS)
    raise RuntimeError(f"the mock did not start: {log.read_text(errors='replace')[-2000:]}")


def _accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True
