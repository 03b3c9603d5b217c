"""``threadspec mock``: flags onto ``MockConfig`` (its defaults, written once), serving, refusals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import last_line, run


def test_mock_command_reports_a_bad_reply_file_without_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "threadspec", "mock", "--reply-file", str(tmp_path / "none.json")],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("threadspec: ") and "Traceback" not in done.stderr


def test_mock_command_serves_and_stops_on_ctrl_c() -> None:
    import signal

    import httpx

    proc = subprocess.Popen([sys.executable, "-m", "threadspec", "mock", "--port", "0", "--seed", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "serving http://127.0.0.1:" in line
        url = line.split("serving ", 1)[1].strip()
        created = httpx.post(f"{url}/threads", json={}, headers={"OpenAI-Beta": "assistants=v2"}, timeout=10)
        assert created.status_code == 200
        assert created.json()["object"] == "thread"
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def _children(pid: int) -> set[int]:
    return {int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def _gone(pid: int) -> bool:
    """Whether a process has ended (a zombie waiting for its parent counts as ended)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z"):
                return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads a process's children from /proc")
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_mock_workers_serve_one_port_and_stop_together(stop: signal.Signals) -> None:
    """Ctrl-C or SIGTERM to the first process stops the others; if it is killed, the kernel stops them."""
    import httpx

    argv = [
        sys.executable,
        "-m",
        "threadspec",
        "mock",
        "--port",
        "0",
        "--mode",
        "stateless",
        "--workers",
        "2",
    ]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    worker = None
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "(stateless, in memory, v2 and v1, 2 workers) serving http://127.0.0.1:" in line
        url = line.split("serving ", 1)[1].strip()
        with httpx.Client(headers={"OpenAI-Beta": "assistants=v2"}, timeout=10) as http:
            pages = [http.get(f"{url}/threads/thread_a/messages", params={"limit": 20}) for _ in range(20)]
        assert {page.status_code for page in pages} == {200}
        (worker,) = _children(proc.pid)  # the line is printed first, the worker forked after it
    finally:
        proc.send_signal(stop)  # to the first process alone
        try:
            _, err = proc.communicate(timeout=30)  # a worker left behind would hold its pipes open
        finally:
            if worker is not None and not _gone(worker):
                os.kill(worker, signal.SIGKILL)
                pytest.fail(f"the worker outlived the first process ({stop.name})")
    assert proc.returncode == (-signal.SIGKILL if stop == signal.SIGKILL else 0), err
    assert "Traceback" not in err and err.count("Started server process") == 2


def test_mock_flags_map_onto_the_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from threadspec import mock

    seen: list[tuple[mock.MockConfig, bool]] = []
    monkeypatch.setattr(mock, "serve", lambda config, access_log=True: seen.append((config, access_log)))
    argv = ["mock", "--host", "::1", "--port", "0", "--mode", "stateful", "--db", str(tmp_path / "m.sqlite"),
            "--api-key", "sk-x", "--seed", "7", "--validate-responses", "--advance", "per_poll",
            "--max-body-bytes", "1000", "--run-expiry-seconds", "5", "--poll-after-ms", "0",
            "--rate-limit", "2.5", "--strict-assistants", "--quiet"]  # fmt: skip
    assert run(argv)[0] == 0
    config, access_log = seen[0]
    assert (config.host, config.port, config.mode, config.api_key, config.seed, config.db) == (
        "::1",
        0,
        "stateful",
        "sk-x",
        7,
        str(tmp_path / "m.sqlite"),
    )
    assert (config.validate_responses, config.advance, config.max_body_bytes) == (True, "per_poll", 1000)
    assert (config.run_expiry_seconds, config.poll_after_ms, config.rate_limit_per_second) == (5, 0, 2.5)
    assert (config.strict_assistants, access_log) == (True, False)
    stateless = [
        "mock",
        "--mode",
        "stateless",
        "--reply-file",
        "r.json",
        "--seed",
        "1",
        "--poll-after-ms",
        "5",
    ]
    assert run(stateless)[0] == 0 and seen[-1][0].reply_file == "r.json"  # a reply file scripts streamed runs
    assert config.workers == 1
    assert run(["mock", "--mode", "stateless", "--workers", "3"])[0] == 0 and seen[-1][0].workers == 3


@pytest.mark.parametrize(
    ("flags", "sentence"),
    [
        (["--db", "m.sqlite"], "--db (db) cannot apply with --mode stateless: a stateless mock keeps nothing to store."),
        (["--advance", "per_poll"], "--advance per_poll (advance) cannot apply with --mode stateless: "
                                    "a stateless mock keeps no run to move on poll by poll."),
        (["--strict-assistants"], "--strict-assistants (strict_assistants) cannot apply with --mode stateless: "
                                  "a stateless mock answers every id as if it existed."),
    ],
)  # fmt: skip
def test_mock_refuses_flags_that_cannot_apply(
    flags: list[str], sentence: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from threadspec import mock

    monkeypatch.setattr(mock, "serve", lambda config, access_log=True: pytest.fail("served"))
    assert run(["mock", "--mode", "stateless", *flags])[0] == 2
    assert capsys.readouterr().err == f"threadspec: {sentence}\n"


@pytest.mark.parametrize("command", [["mock"], ["proxy", "--upstream", "http://127.0.0.1:9/v1"]])
def test_a_port_in_use_is_named(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert run([*command, "--port", str(port)])[0] == 2
    assert capsys.readouterr().err == (
        f"threadspec: port {port} is in use (on 127.0.0.1); choose another with --port, 0 for any free one\n"
    )


@pytest.mark.parametrize(
    ("flags", "served"),
    [([], None), (["--profile", "v1"], ("v1",)), (["--profile", "v1,v2"], ("v1", "v2")),
     (["--profile", "v2", "--profile", "v1"], ("v2", "v1"))],
)  # fmt: skip
def test_mock_and_proxy_serve_the_profiles_named(
    monkeypatch: pytest.MonkeyPatch, flags: list[str], served: tuple[str, ...] | None
) -> None:
    from threadspec import mock, proxy

    seen: list[Any] = []
    monkeypatch.setattr(mock, "serve", lambda config, access_log=True: seen.append(config))
    monkeypatch.setattr(
        proxy, "serve", lambda config, access_log=True, quiet=False: seen.append(config) or _quiet()
    )
    assert run(["mock", *flags])[0] == 0
    assert run(["proxy", "--upstream", "http://127.0.0.1:9/v1", *flags])[0] == 0
    assert [c.profiles for c in seen] == [served, served]


def _quiet() -> Any:
    class App:
        class recorder:
            violations = 0

    return App()


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--profile", "v3"], "threadspec mock: error: argument --profile: unknown choice 'v3' (choose from v1, v2)"),
        (["--profile", "V2"],
         "threadspec mock: error: argument --profile: unknown choice 'V2': did you mean 'v2'? (choose from v1, v2)"),
        (["--profile", ""],
         "threadspec mock: error: argument --profile: expected one or more comma-separated names, not ''"),
        (["--profile", "v1,v1"], "threadspec: profiles must name each of v1, v2 at most once, not ['v1', 'v1']"),
        (["--mode", "statefull"], "threadspec mock: error: argument --mode: unknown choice 'statefull': did you "
         "mean 'stateful' or 'stateless'? (choose from stateful, stateless)"),
        (["--port", "http"], "threadspec mock: error: argument --port: expected a whole number, not 'http'"),
        (["--port", "65536"], "threadspec mock: error: argument --port: must be a port from 0 to 65535, not 65536"),
        (["--max-body-bytes", "0"], "threadspec mock: error: argument --max-body-bytes: must be at least 1, not 0"),
        (["--poll-after-ms", "-1"], "threadspec mock: error: argument --poll-after-ms: must be at least 0, not -1"),
        (["--rate-limit", "-1"], "threadspec mock: error: argument --rate-limit: must be a number above 0, not -1"),
    ],
)  # fmt: skip
def test_bad_flags_exit_2_and_say_why(
    flags: list[str], said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from threadspec import mock

    monkeypatch.setattr(mock, "serve", lambda config, access_log=True: pytest.fail("served"))
    assert run(["mock", *flags]) == (2, "")
    assert last_line(capsys.readouterr().err) == said


def test_without_flags_the_mock_is_the_library_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """The flags' defaults are MockConfig's own fields: one place says them."""
    from threadspec import mock

    seen: list[mock.MockConfig] = []
    monkeypatch.setattr(mock, "serve", lambda config, access_log=True: seen.append(config))
    assert run(["mock"]) == (0, "")
    assert seen == [mock.MockConfig()]
