"""The proxy on real sockets: streams pass as they arrive, a dead or slow upstream is a 502, the SDK works through it."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import anyio.to_thread
import httpx
import openai
import pytest
from openai import AssistantEventHandler, OpenAI

from tests.limits import too_many_metadata
from tests.proxy.conftest import BETA, lines
from tests.proxy.upstream import RUN, BrokenUpstream
from threadspec import _serving
from threadspec.asgi import Receive, Scope, Send
from threadspec.mock import MockConfig, serve_in_thread
from threadspec.proxy import ProxyConfig, create_app, render_summary
from threadspec.proxy import serve_in_thread as proxy_in_thread
from threadspec.sse import encode

RUN_REQUEST = {"assistant_id": "asst_abc", "stream": True}


@contextmanager
def serving(app: object) -> Iterator[str]:
    with _serving.in_thread(app, "127.0.0.1", 0, "test-upstream") as port:
        yield f"http://127.0.0.1:{port}/v1"


def test_stream_events_reach_the_client_before_the_upstream_has_sent_the_last(tmp_path: Path) -> None:
    upstream = BrokenUpstream(hold_streams=True)
    with (
        serving(upstream) as upstream_url,
        proxy_in_thread(ProxyConfig(upstream=upstream_url, port=0)) as url,
        httpx.stream(
            "POST", f"{url}/threads/thread_abc/runs", json=RUN_REQUEST, headers=BETA, timeout=30
        ) as response,
    ):
        events = (line for line in response.iter_lines() if line.startswith("event: "))
        assert next(events) == "event: thread.run.created"
        # the upstream is still holding the rest back, waiting for this client to have seen the first
        assert upstream.released_by_client is None
        upstream.released.set()
        rest = list(events)
    assert upstream.released_by_client is True
    assert rest == [
        "event: thread.run.queued", "event: thread.run.in_progress", "event: thread.run.completed", "event: done",
    ]  # fmt: skip


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.anyio
async def test_an_upstream_that_is_down_is_a_502_in_the_envelope(tmp_path: Path) -> None:
    log = tmp_path / "v.jsonl"
    upstream = f"http://127.0.0.1:{_closed_port()}/v1"
    async with (
        create_app(ProxyConfig(upstream=upstream, log=log)) as app,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://proxy/v1") as client,
    ):
        response = await client.post("/threads", json={}, headers=BETA)
    error = response.json()["error"]
    assert (response.status_code, error["type"], error["param"], error["code"]) == (
        502,
        "server_error",
        None,
        None,
    )
    assert error["message"].startswith(f"The upstream server {upstream} could not be reached: ConnectError")
    [line] = lines(log)
    assert (line["direction"], line["rule"], line["status"], line["message"]) == (
        "response",
        "upstream",
        502,
        error["message"],
    )
    assert app.recorder.tallies["createThread"].upstream_failures == 1


class _Silent:
    """An upstream that takes requests and never answers, until the test is done with it."""

    def __init__(self) -> None:
        self.done = threading.Event()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await anyio.to_thread.run_sync(self.done.wait, 30.0)


@pytest.mark.anyio
async def test_an_upstream_that_does_not_answer_in_time_is_a_502(tmp_path: Path) -> None:
    silent = _Silent()
    with serving(silent) as upstream:
        try:
            async with (
                create_app(ProxyConfig(upstream=upstream, timeout_seconds=0.2)) as app,
                httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=app), base_url="http://proxy/v1"
                ) as client,
            ):
                response = await client.get("/threads/thread_abc", headers=BETA)
        finally:
            silent.done.set()
    assert (response.status_code, response.json()["error"]["type"]) == (502, "server_error")
    assert (
        response.json()["error"]["message"]
        == f"The upstream server {upstream} did not answer within 0.2 seconds."
    )


async def _breaks_off(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        return
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/event-stream")]}
    )
    await send({"type": "http.response.body", "body": encode("thread.run.created", RUN), "more_body": True})
    raise RuntimeError("the upstream fell over mid-stream")


@pytest.mark.anyio
async def test_an_upstream_that_breaks_off_a_stream_ends_it_with_an_error_event(tmp_path: Path) -> None:
    log = tmp_path / "v.jsonl"
    with serving(_breaks_off) as upstream:
        async with (
            create_app(ProxyConfig(upstream=upstream, log=log)) as app,
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://proxy/v1") as client,
        ):
            response = await client.post("/threads/thread_abc/runs", json=RUN_REQUEST, headers=BETA)
    assert response.status_code == 200
    events = [
        line.removeprefix("event: ") for line in response.text.splitlines() if line.startswith("event: ")
    ]
    assert events == ["thread.run.created", "error", "done"]
    [line] = lines(log)
    assert (line["rule"], line["direction"]) == ("upstream", "response")
    # how httpx sees the closed connection depends on timing: a chunk left incomplete, or a reset
    assert re.match(
        rf"The upstream server {re.escape(upstream)} broke off its answer: (RemoteProtocolError|ReadError)",
        line["message"],
    )
    assert app.recorder.tallies["createRun"].upstream_failures == 1


class _Events(AssistantEventHandler):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def on_event(self, event: openai.types.beta.AssistantStreamEvent) -> None:
        self.names.append(event.event)


@pytest.mark.filterwarnings("ignore:The Assistants API is deprecated:DeprecationWarning")
def test_the_openai_sdk_works_through_the_proxy_in_front_of_the_mock(tmp_path: Path) -> None:
    log = tmp_path / "v.jsonl"
    with serve_in_thread(MockConfig(port=0, api_key="sk-through-the-proxy")) as mock_url:
        config = ProxyConfig(upstream=mock_url, port=0, log=log)
        app = create_app(config)
        with proxy_in_thread(config, app) as url:
            client = OpenAI(base_url=url, api_key="sk-through-the-proxy", max_retries=0)
            threads = client.beta.threads
            thread = threads.create(metadata={"via": "proxy"})
            threads.messages.create(thread.id, role="user", content="Hello through the proxy")
            run = threads.runs.create_and_poll(thread_id=thread.id, assistant_id="asst_proxy")
            assert run.status == "completed"
            handler = _Events()
            with threads.runs.stream(
                thread_id=thread.id, assistant_id="asst_proxy", event_handler=handler
            ) as stream:
                stream.until_done()
            assert handler.names[0] == "thread.run.created"
            assert handler.names[-1] == "thread.run.completed"
            listed = threads.messages.list(thread.id, order="asc")
            assert [m.role for m in listed.data] == ["user", "assistant", "assistant"]
            with pytest.raises(openai.BadRequestError):
                threads.create(metadata=too_many_metadata())
            with pytest.raises(openai.AuthenticationError):
                OpenAI(base_url=url, api_key="sk-wrong", max_retries=0).beta.threads.retrieve(thread.id)
    logged = lines(log)
    # the only violation: the request with one metadata key too many, which the mock refused as the API would
    assert [(x["operation"], x["rule"], x["status"], x["refused"]) for x in logged] == [
        ("createThread", "maxProperties", 400, False)
    ]
    summary = render_summary(app.recorder)
    assert "createRun" in summary and "getRun" in summary and "listMessages" in summary
    assert app.recorder.tallies["createThread"].accepted_invalid == 0


def test_the_command_prints_its_url_then_a_summary_on_ctrl_c(tmp_path: Path) -> None:
    log = tmp_path / "v.jsonl"
    with serve_in_thread(MockConfig(port=0)) as mock_url:
        command = [
            sys.executable,
            "-m",
            "threadspec",
            "proxy",
            "--upstream",
            mock_url,
            "--port",
            "0",
            "--log",
            str(log),
        ]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert process.stdout is not None
            first = process.stdout.readline()
            found = re.search(r"http://127\.0\.0\.1:\d+/v1", first)
            assert found, first
            url = found.group(0)
            assert httpx.post(f"{url}/threads", json={}, headers=BETA, timeout=30).status_code == 200
            assert httpx.get(f"{url}/threads/run_x", headers=BETA, timeout=30).status_code == 400
            process.send_signal(signal.SIGINT)
            out, errors = process.communicate(timeout=30)
        finally:
            process.kill()
    assert process.returncode == 1, errors  # something broke the contract
    assert "Traceback" not in errors
    assert f"threadspec proxy (observe) in front of {mock_url}: 2 requests" in out
    assert f"log: {log} (1 line)" in out
    assert re.search(r"getThread\s+1\s+1\s+0", out), out
    assert re.search(r"1\s+getThread\s+request\s+pattern\s+thread_id\s+Invalid 'thread_id'", out), out
    assert "GET /v1/threads/run_x (getThread) → 400: the request breaks the contract at thread_id" in errors
