"""Which assistant runs name: one the run makes and deletes, the one --assistant-id names, or, on a
server without POST /assistants, a placeholder."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import anyio
import httpx
import pytest

from tests.contract import broken
from tests.contract.conftest import BASE_URL, SECRET, config_for
from threadspec.contract import run, run_async
from threadspec.contract.config import DEFAULT_ASSISTANT
from threadspec.contract.resources import ASSISTANT

HEADERS = {"OpenAI-Beta": "assistants=v2", "Authorization": f"Bearer {SECRET}"}


def _named(app: broken.Broken) -> set[str]:
    """The assistants the run requests named."""
    bodies = [seen.json() for seen in app.seen if seen.method == "POST" and seen.path.endswith("/runs")]
    return {b["assistant_id"] for b in bodies if isinstance(b, dict) and "assistant_id" in b}


def _calls(app: broken.Broken, method: str, path: str) -> list[broken.Seen]:
    return [seen for seen in app.seen if seen.method == method and re.fullmatch(path, seen.path)]


async def _status(app: Any, path: str) -> int:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, headers=HEADERS) as client:
        return (await client.get(path)).status_code


def test_a_run_makes_its_own_assistant_and_deletes_it(mock_app: Callable[..., Any]) -> None:
    app = broken.Broken(mock_app(strict_assistants=True))  # strict: only an assistant that exists is taken
    report = run(config_for(app, operations=("createRun",), checks=("positive",)))
    assert report.findings == ()
    (made,) = _calls(app, "POST", "/v1/assistants")
    assert json.loads(made.body) == ASSISTANT
    assistant_id = json.loads(made.response)["id"]
    assert _named(app) == {assistant_id}
    assert (
        report.assistant
        == f"runs use the assistant {assistant_id}, created for this run and deleted after it"
    )
    assert [seen.status for seen in _calls(app, "DELETE", f"/v1/assistants/{assistant_id}")] == [200]
    assert anyio.run(_status, app, f"/assistants/{assistant_id}") == 404
    assert report.leftovers == ()


def test_a_server_without_assistants_gets_the_placeholder(mock_app: Callable[..., Any]) -> None:
    def no_assistant_routes(seen: broken.Seen) -> None:
        if seen.path.startswith("/v1/assistants"):
            seen.status, seen.content_type, seen.response = 404, "text/plain", b"Not Found"

    app = broken.Broken(mock_app(), after=no_assistant_routes)
    report = run(config_for(app, operations=("createRun",), checks=("positive",)))
    assert report.findings == ()
    assert _named(app) == {DEFAULT_ASSISTANT}
    assert report.assistant == (
        f"runs name the placeholder assistant {DEFAULT_ASSISTANT}: POST /assistants answered 404 "
        "(Not Found); name one with --assistant-id"
    )
    assert _calls(app, "DELETE", "/v1/assistants/.*") == []


def test_a_configured_assistant_is_used_and_left_alone(mock_app: Callable[..., Any]) -> None:
    app = broken.Broken(mock_app())
    report = run(
        config_for(app, operations=("createRun",), checks=("positive",), assistant_id="asst_configured")
    )
    assert report.findings == ()
    assert _named(app) == {"asst_configured"}
    assert report.assistant == "runs use the assistant asst_configured (--assistant-id)"
    assert _calls(app, "POST", "/v1/assistants") == _calls(app, "DELETE", "/v1/assistants/.*") == []


@pytest.mark.anyio
async def test_the_assistant_a_run_made_is_deleted_when_the_run_is_cancelled(
    mock_app: Callable[..., Any],
) -> None:
    scope = anyio.CancelScope()

    def cancel_once_runs_start(seen: broken.Seen) -> None:
        if seen.method == "POST" and seen.path.endswith("/runs"):
            scope.cancel()

    app = broken.Broken(mock_app(), after=cancel_once_runs_start)
    with scope:
        await run_async(config_for(app, operations=("createRun",), checks=("positive",)))
    assert scope.cancelled_caught
    (made,) = _calls(app, "POST", "/v1/assistants")
    assert await _status(app, f"/assistants/{json.loads(made.response)['id']}") == 404


def test_a_spent_budget_makes_no_assistant(mock_app: Callable[..., Any]) -> None:
    app = broken.Broken(mock_app())
    report = run(config_for(app, operations=("getThread",), checks=("positive",), time_budget_seconds=0))
    assert report.assistant == f"runs name the placeholder assistant {DEFAULT_ASSISTANT}"
    assert _calls(app, "POST", "/v1/assistants") == []
