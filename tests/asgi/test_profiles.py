"""Several contracts behind one middleware: the ``OpenAI-Beta`` header chooses the one a request is held to."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from tests.asgi.helpers import client, envelope
from threadspec import contract_for, messages
from threadspec.asgi import Receive, Scope, Send, ValidationMiddleware, matched_request
from threadspec.asgi.profiles import Profiles

pytestmark = pytest.mark.anyio

V1, V2 = contract_for("v1"), contract_for("v2")


async def which(scope: Scope, receive: Receive, send: Send) -> None:
    """Answers with the contract and operation the middleware matched (``{}`` to a request it passed on)."""
    if scope["path"] == "/healthz":
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    matched = matched_request(scope)
    body = {"profile": matched.profile, "operation": matched.operation_id, "same": matched.contract is V1}
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]}
    )
    await send({"type": "http.response.body", "body": msgspec.json.encode(body)})


def both(**options: Any) -> ValidationMiddleware:
    return ValidationMiddleware(which, contracts=[V2, V1], **options)


@pytest.mark.parametrize(
    ("beta", "profile"),
    [
        ("assistants=v1", "v1"),
        ("assistants=v2", "v2"),
        ("assistants=v1,other=x", "v1"),
        ("other=x, assistants=v1", "v1"),
        ("assistants=v2, assistants=v1", "v1"),  # the last pair for a feature wins
    ],
)
async def test_the_header_chooses_the_contract(beta: str, profile: str) -> None:
    async with client(both(), {"OpenAI-Beta": beta}) as http:
        response = await http.post("/v1/threads", json={})
    assert response.status_code == 200
    assert response.json() == {"profile": profile, "operation": "createThread", "same": profile == "v1"}


@pytest.mark.parametrize("beta", [None, "", "assistants=v3", "assistants=v1x", "other=x"])
async def test_a_missing_or_unknown_version_is_refused_in_the_documented_words(beta: str | None) -> None:
    headers = {} if beta is None else {"OpenAI-Beta": beta}
    async with client(both(), headers) as http:
        response = await http.post("/v1/threads", json={})
    assert response.status_code == 400
    assert response.json() == envelope(messages.INVALID_BETA, None, "invalid_beta")
    assert "'OpenAI-Beta: assistants=v2'" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("profile", "body", "param", "code"),
    [
        ("v1", {"role": "user", "content": "Hi", "attachments": []}, "attachments", "unknown_parameter"),
        (
            "v2",
            {"role": "user", "content": "Hi", "file_ids": ["file-abc123"]},
            "file_ids",
            "unknown_parameter",
        ),
        (
            "v1",
            {"role": "user", "content": "Hi", "file_ids": ["file-a"] * 11},
            "file_ids",
            "array_above_max_length",
        ),
    ],
)
async def test_each_request_is_validated_by_its_own_contract(
    profile: str, body: dict[str, Any], param: str, code: str
) -> None:
    async with client(both(), {"OpenAI-Beta": f"assistants={profile}"}) as http:
        response = await http.post("/v1/threads/thread_abc/messages", json=body)
    assert response.status_code == 400, response.text
    assert (response.json()["error"]["param"], response.json()["error"]["code"]) == (param, code)


async def test_each_request_is_routed_by_its_own_contract() -> None:
    """v1 has message files and no message deletion; v2 the other way round."""
    files = "/v1/threads/thread_abc/messages/msg_abc/files"
    async with client(both(), {"OpenAI-Beta": "assistants=v1"}) as http:
        assert (await http.get(files)).json()["operation"] == "listMessageFiles"
        refused = await http.delete("/v1/threads/thread_abc/messages/msg_abc")
        assert refused.status_code == 405
        assert refused.headers["allow"] == "GET, POST"
    async with client(both(), {"OpenAI-Beta": "assistants=v2"}) as http:
        assert (await http.delete("/v1/threads/thread_abc/messages/msg_abc")).json()[
            "operation"
        ] == "deleteMessage"
        missing = await http.get(files)
        assert missing.status_code == 404
        assert missing.json() == envelope(f"Invalid URL (GET {files})")


async def test_a_path_only_another_profile_knows_is_the_apis_even_when_unknown_routes_pass() -> None:
    files = "/v1/threads/thread_abc/messages/msg_abc/files"
    async with client(both(unknown_routes="pass"), {"OpenAI-Beta": "assistants=v2"}) as http:
        assert (await http.get(files)).status_code == 404
        assert (await http.get("/healthz")).status_code == 204  # the app's own route reaches the app


def test_contracts_must_be_told_apart_by_their_version() -> None:
    with pytest.raises(ValueError, match="two contracts require OpenAI-Beta assistants=v2"):
        ValidationMiddleware(which, contracts=[V2, V2])
    with pytest.raises(ValueError, match="not both"):
        ValidationMiddleware(which, contract=V2, contracts=[V1])
    with pytest.raises(ValueError, match="at least one"):
        ValidationMiddleware(which, contracts=[])


def test_one_contract_takes_every_request_whatever_its_header() -> None:
    """One contract is the default for everything: its own version is checked by the beta gate, not here."""
    only = Profiles([V1])
    assert only.select("assistants=v2") is V1
    assert only.select(None) is V1
    assert Profiles([V2, V1]).select("assistants=v1") is V1
    assert Profiles([V2, V1]).select(None) is V2


async def test_a_single_contract_names_itself_to_the_app() -> None:
    async with client(ValidationMiddleware(which, contract=V1), {"OpenAI-Beta": "assistants=v1"}) as http:
        assert (await http.post("/v1/threads", json={})).json()["profile"] == "v1"
    async with client(ValidationMiddleware(which), {"OpenAI-Beta": "assistants=v2"}) as http:
        assert (await http.post("/v1/threads", json={})).json()["profile"] == "v2"
