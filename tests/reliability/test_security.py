"""Security defaults: loopback only, the API key on every endpoint, no secrets in logs, limits.

- The mock binds 127.0.0.1 unless told otherwise: the default config, and the CLI's printed URL
  and listening socket.
- With an API key, every one of the 23 operations and any other URL answers 401 in the envelope
  to a missing, wrong or misplaced key, never quoting the key (a wrong one only masked).
- At the default log level neither keys nor request bodies reach the logs.
- Body size, header size and request rate are limits one can set.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.reliability.process import serve
from tests.reliability.support import BETA, JSON, call, envelope_problem, record
from threadspec import facts, spec
from threadspec.asgi import ValidationMiddleware
from threadspec.mock import MockConfig, create_app, serve_in_thread

KEY = "sk-test-reliability-7d1e2f3a4b5c6d7e8f90"
WRONG = "sk-test-reliability-0000000000000000wxyz"
IDS = {name: f"{prefix}_abc" for name, prefix in facts.id_prefixes().items()}
BODIES: dict[str, Any] = {
    "createThreadAndRun": {"assistant_id": "asst_1"}, "createMessage": {"role": "user", "content": "hi"},
    "createRun": {"assistant_id": "asst_1"}, "submitToolOuputsToRun": {"tool_outputs": [{"tool_call_id": "call_1", "output": "x"}]},
    "createAssistant": {"model": "gpt-4o"},
}  # fmt: skip
OPERATIONS = sorted(spec.operations().values(), key=lambda op: op.operation_id)
ELSEWHERE = [("GET", b"/v1/nowhere"), ("PUT", b"/v1/threads/thread_abc"), ("GET", b"/"), ("GET", b"/v1/openapi.json"),
             ("OPTIONS", b"*"), ("GET", b"/v1/threads/..%2F..%2Fetc%2Fpasswd")]  # fmt: skip
BAD_KEYS: list[tuple[str, list[tuple[bytes, bytes]], bytes]] = [
    ("no key", [], b""),
    ("wrong key", [(b"authorization", b"Bearer " + WRONG.encode())], b""),
    ("basic auth", [(b"authorization", b"Basic " + KEY.encode())], b""),
    ("empty bearer", [(b"authorization", b"Bearer ")], b""),
    ("key alone", [(b"authorization", KEY.encode())], b""),
    ("key with a suffix", [(b"authorization", b"Bearer " + KEY.encode() + b"x")], b""),
    ("key cut short", [(b"authorization", b"Bearer " + KEY[:-1].encode())], b""),
    ("key upper-cased", [(b"authorization", b"Bearer " + KEY.upper().encode())], b""),
    ("key in another header", [(b"x-api-key", KEY.encode()), (b"api-key", KEY.encode())], b""),
    ("key in the query", [], b"?api_key=" + KEY.encode() + b"&key=" + KEY.encode()),
    ("key twice, the second wrong", [(b"authorization", b"Bearer " + KEY.encode()), (b"authorization", b"Bearer " + WRONG.encode())], b""),
]  # fmt: skip


def _requests() -> list[tuple[str, str, bytes, bytes]]:
    out = []
    for op in OPERATIONS:
        path = "/v1" + op.path.format(**IDS)
        body = BODIES.get(op.operation_id, {}) if op.request_schema else None
        out.append(
            (
                op.operation_id,
                op.method.upper(),
                path.encode(),
                b"" if body is None else httpx.Request("POST", "/", json=body).content,
            )
        )
    return out + [(f"{m} {p.decode()}", m, p, b"") for m, p in ELSEWHERE]


def test_loopback_by_default() -> None:
    assert MockConfig().host == "127.0.0.1"
    assert MockConfig().base_url == "http://127.0.0.1:4010/v1"


def test_the_cli_binds_loopback_only(tmp_path: Path) -> None:
    served = serve(tmp_path)
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/v1", served.url)
        port = int(served.url.rsplit(":", 1)[1].split("/")[0])
        listening = Path("/proc/net/tcp")
        if listening.exists():  # Linux: the socket table names the address each port is bound to
            rows = [line.split() for line in listening.read_text().splitlines()[1:]]
            bound = {
                row[1].split(":")[0]
                for row in rows
                if int(row[1].split(":")[1], 16) == port and row[3] == "0A"
            }
            assert bound == {"0100007F"}  # 127.0.0.1, little-endian hex; not 00000000 (every interface)
    finally:
        served.stop()


@pytest.mark.anyio
@pytest.mark.parametrize("mode", ["stateful", "stateless"])
async def test_no_endpoint_answers_without_the_key(mode: str) -> None:
    app = create_app(MockConfig(mode=mode, api_key=KEY))
    tried = 0
    for name, method, path, body in _requests():
        for label, auth, query in BAD_KEYS:
            reply = await call(app, method, path + query, [BETA, JSON, *auth], body)
            tried += 1
            where = f"{name} with {label}"
            assert reply.status == 401, f"{where}: {reply.status} {reply.body[:200]!r}"
            assert envelope_problem(reply.status, reply.headers, reply.body) is None, where
            assert KEY.encode() not in reply.body and WRONG.encode() not in reply.body, where
        right = await call(
            app, method, path, [BETA, JSON, (b"authorization", b"Bearer " + KEY.encode())], body
        )
        tried += 1
        assert right.status != 401, name
        if mode == "stateless" and name[0].islower():  # an operation: it exists, whatever the ids
            assert right.status == 200, f"{name}: {right.body[:200]!r}"
    record("security-api-key", mode=mode, operations=len(OPERATIONS), other_urls=len(ELSEWHERE),
           bad_keys=len(BAD_KEYS), requests=tried, answered_without_key=0)  # fmt: skip


def test_over_the_wire_too() -> None:
    with serve_in_thread(MockConfig(port=0, api_key=KEY)) as url:
        for op in OPERATIONS:
            path = "/v1" + op.path.format(**IDS)
            response = httpx.request(
                op.method,
                url.removesuffix("/v1") + path,
                headers={"OpenAI-Beta": "assistants=v2"},
                timeout=30,
            )
            assert response.status_code == 401, op.operation_id
        nowhere = httpx.get(f"{url}/nowhere", headers={"Authorization": f"Bearer {WRONG}"}, timeout=30)
        assert nowhere.status_code == 401
        assert nowhere.json()["error"]["code"] == "invalid_api_key"
        assert WRONG not in nowhere.text


def test_keys_and_bodies_never_reach_the_logs(tmp_path: Path) -> None:
    """The served mock at its default log level: requests with secrets in keys and bodies."""
    served = serve(tmp_path, "--api-key", KEY)
    secret = "body-secret-5f4e3d2c1b0a"
    sent = 0
    try:
        with httpx.Client(base_url=served.url, headers={"OpenAI-Beta": "assistants=v2"}, timeout=30) as http:
            for auth in (KEY, WRONG, ""):
                headers = {"Authorization": f"Bearer {auth}"} if auth else {}
                thread = http.post("/threads", json={"metadata": {"secret": secret}}, headers=headers)
                http.post(
                    "/threads",
                    content=b'{"metadata": {"secret": "' + secret.encode() + b'", "n": 1}}',
                    headers=headers,
                )
                http.post("/threads/runs", json={"assistant_id": secret, "stream": True}, headers=headers)
                http.post("/threads", content=b"{" + secret.encode(), headers=headers)
                sent += 4
                if thread.status_code == 200:
                    http.post(
                        f"/threads/{thread.json()['id']}/messages",
                        json={"role": "user", "content": secret},
                        headers=headers,
                    )
                    sent += 1
    finally:
        log = served.stop()
    assert '"POST /v1/threads HTTP/1.1" 200' in log  # the access log was on, and shows the requests
    for leaked in (KEY, WRONG, WRONG[-8:], secret):
        assert leaked not in log, f"{leaked!r} in the log"
    record("security-logs", requests=sent, log_lines=len(log.splitlines()), secrets_logged=0)


@pytest.mark.anyio
async def test_in_process_logging_quotes_no_secrets(caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(MockConfig(api_key=KEY, validate_responses=True))
    with caplog.at_level(logging.DEBUG):
        for auth in (KEY, WRONG):
            await call(app, "POST", b"/v1/threads", [BETA, JSON, (b"authorization", f"Bearer {auth}".encode())],
                       b'{"metadata": {"secret": "in-process-secret"}}')  # fmt: skip
    assert KEY not in caplog.text and WRONG not in caplog.text and "in-process-secret" not in caplog.text


def test_limits_are_configurable() -> None:
    with serve_in_thread(MockConfig(port=0, max_body_bytes=1000, rate_limit_per_second=0.001)) as url:
        beta = {"OpenAI-Beta": "assistants=v2"}
        big = httpx.post(f"{url}/threads", content=b" " * 1001, headers=beta, timeout=30)
        limited = httpx.post(f"{url}/threads", json={}, headers=beta, timeout=30)
    assert (big.status_code, big.json()["error"]["code"]) == (413, "request_too_large")
    assert (limited.status_code, limited.json()["error"]["code"]) == (429, "rate_limit_exceeded")
    assert int(limited.headers["retry-after"]) >= 1
    with pytest.raises(ValueError, match="rate_limit_per_second"):
        MockConfig(rate_limit_per_second=0)


@pytest.mark.anyio
async def test_the_header_limit_is_configurable() -> None:
    app = ValidationMiddleware(create_app(MockConfig()), max_header_bytes=512)
    reply = await call(app, "POST", b"/v1/threads", [BETA, JSON, (b"x-pad", b"p" * 600)], b"{}")
    assert (reply.status, reply.json()["error"]["code"]) == (400, "request_headers_too_large")
