"""The whole contract run against the project's own mock finds nothing, in every mode, at every tier,
and leaves nothing behind."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from tests.contract import broken
from tests.contract.conftest import BASE_URL, KEY_ENV, SECRET, config_for
from threadspec import Contract, contract_for, profiles
from threadspec.cli import main
from threadspec.contract import Outcome, Severity, run, run_async
from threadspec.contract.plan import has_limits_to_meet
from threadspec.contract.workflows import WORKFLOWS
from threadspec.mock import MockConfig, serve_in_thread


def _headers(profile: str) -> dict[str, str]:
    return {"OpenAI-Beta": f"assistants={profile}", "Authorization": f"Bearer {SECRET}"}


def _threads_made(app: broken.Broken) -> set[str]:
    """Every thread id the server handed out, from create responses and streams."""
    made = set()
    for seen in app.seen:
        if seen.status != 200:
            continue
        for text in [seen.response.decode()] + [
            line.removeprefix("data: ")
            for line in seen.response.decode().splitlines()
            if line.startswith("data: ")
        ]:
            try:
                value = json.loads(text)
            except ValueError:
                continue
            if isinstance(value, dict) and value.get("object") == "thread":
                made.add(value["id"])
            if isinstance(value, dict) and value.get("object") == "thread.run":
                made.add(value["thread_id"])
    return made


async def _still_there(app: Any, thread_ids: set[str], profile: str = "v2") -> set[str]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, headers=_headers(profile)) as client:
        return {t for t in thread_ids if (await client.get(f"/threads/{t}")).status_code != 404}


async def _assistants_listed(app: Any, profile: str) -> list[Any]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, headers=_headers(profile)) as client:
        return list((await client.get("/assistants", params={"limit": 100})).json()["data"])


def _workflows(contract: Contract) -> set[str]:
    """The workflows a contract has every operation for: v1's files, v2's message deletion."""
    return {w.name for w in WORKFLOWS if set(w.operations) <= set(contract.operations())}


def _planned_count(contract: Contract) -> int:
    ops = contract.operations()
    limits = sum(has_limits_to_meet(contract, op) for op in ops)
    return len(ops) * 2 + limits + len(contract.streaming_operations) + len(_workflows(contract))


def test_the_profiles_plan_their_own_workflows() -> None:
    assert _workflows(contract_for("v1")) - _workflows(contract_for("v2")) == {
        "assistant-files",
        "message-files",
    }
    assert _workflows(contract_for("v2")) == {w.name for w in WORKFLOWS} - {
        "assistant-files",
        "message-files",
    }


@pytest.mark.parametrize("profile", profiles())
def test_stateful_mock_has_no_finding_at_any_tier_and_is_left_empty(
    mock_app: Callable[..., Any], profile: str
) -> None:
    """Both profiles of the same mock, each held to its own contract: workflows included, nothing left."""
    app = broken.Broken(mock_app())
    report = run(config_for(app, workers=2, fail_on=Severity.STRICT, profile=profile))
    assert report.findings == (), [f.title for f in report.findings]
    assert report.exit_code == 0
    assert report.stateful is True
    assert report.profile == profile
    assert len(report.results) == _planned_count(contract_for(profile))
    assert {r.target for r in report.results if r.check == "workflow"} == _workflows(contract_for(profile))
    assert {r.outcome for r in report.results} == {Outcome.PASSED}, [
        (r.name, r.detail) for r in report.results if r.outcome is not Outcome.PASSED
    ]
    assert {s.headers.get("openai-beta") for s in app.seen} == {f"assistants={profile}"}
    coverage = report.coverage
    assert coverage is not None
    assert coverage.both + coverage.unbuildable == coverage.total  # every constraint a request can reach
    made = _threads_made(app)
    assert len(made) > 20
    assert anyio.run(_still_there, app, made, profile) == set()
    assert report.assistant.endswith("created for this run and deleted after it")
    assert sum(seen.path == "/v1/assistants" and seen.method == "POST" for seen in app.seen) > 20
    assert anyio.run(_assistants_listed, app, profile) == []  # the run's own, and every one its checks made
    assert report.leftovers == ()


@pytest.mark.parametrize("profile", profiles())
def test_stateless_mock_has_no_finding_and_skips_only_the_workflows(
    mock_app: Callable[..., Any], profile: str
) -> None:
    report = run(config_for(mock_app(mode="stateless"), fail_on=Severity.STRICT, profile=profile))
    assert report.findings == (), [f.title for f in report.findings]
    assert report.exit_code == 0
    assert report.stateful is False
    assert report.state_reason == "a thread it never created was retrieved (200)"
    skipped = {r.target for r in report.results if r.outcome is Outcome.SKIPPED}
    assert skipped == _workflows(contract_for(profile))
    assert all(r.outcome is Outcome.PASSED for r in report.results if r.check != "workflow")
    assert "listed items validated" in report.result("listMessages", "positive").detail


RUN_OPERATIONS = ("createRun", "getRun", "cancelRun", "submitToolOuputsToRun", "listRunSteps", "getRunStep",
                  "listRuns", "modifyRun")  # fmt: skip


def test_runs_that_move_on_each_poll_pass(mock_app: Callable[..., Any]) -> None:
    app = mock_app(advance="per_poll", poll_after_ms=0)
    report = run(config_for(app, operations=RUN_OPERATIONS, checks=("positive", "workflow", "streaming")))
    assert report.findings == (), [f.title for f in report.findings]
    assert {r.target for r in report.results if r.check == "workflow"} == {
        "run-lifecycle",
        "tool-outputs",
        "run-cancel",
    }


def test_a_seeded_mock_is_told_apart_by_its_clock_only(mock_app: Callable[..., Any]) -> None:
    """A seeded mock's clock starts on 2025-01-01: a warning, nothing else, and exit 0 at --fail-on error."""
    report = run(config_for(mock_app(seed=3), operations=RUN_OPERATIONS, checks=("positive",)))
    assert [(f.key, f.severity) for f in report.findings] == [("timestamp:far", Severity.WARNING)]
    assert report.exit_code == 0
    assert report.findings[0].title.endswith("days away from this machine's clock")


def test_a_selection_runs_only_what_it_names(mock_app: Callable[..., Any]) -> None:
    report = run(config_for(mock_app(), operations=("getThread",), checks=("negative",)))
    assert [r.name for r in report.results] == ["getThread::negative"]
    assert report.exit_code == 0


@pytest.mark.anyio
async def test_cleanup_happens_when_the_run_is_cancelled(mock_app: Callable[..., Any]) -> None:
    """Cancelling the run (a CI timeout, an embedding program) still deletes every thread it made."""
    scope = anyio.CancelScope()

    def cancel_after_a_few_threads(seen: broken.Seen) -> None:
        if seen.method == "POST" and seen.path == "/v1/threads" and len(app.seen) > 12:
            scope.cancel()

    app = broken.Broken(mock_app(), after=cancel_after_a_few_threads)
    with scope:
        await run_async(config_for(app, checks=("workflow",)))
    assert scope.cancelled_caught
    made = _threads_made(app)
    assert made
    assert await _still_there(app, made) == set()


def test_a_spent_budget_is_an_error_not_a_pass(mock_app: Callable[..., Any]) -> None:
    report = run(config_for(mock_app(), operations=("getThread",), time_budget_seconds=0))
    assert {r.outcome for r in report.results} == {Outcome.ERROR}
    assert report.exit_code == 1
    assert "time budget" in report.results[0].detail


def test_rate_limits_are_waited_out(mock_app: Callable[..., Any]) -> None:
    calls = {"n": 0}

    def every_other_call_limited(seen: broken.Seen) -> None:
        calls["n"] += 1
        if calls["n"] % 2:
            seen.status = 429
            seen.extra_headers.append(("retry-after", "0"))
            error = {
                "message": "Slow down.",
                "type": "requests",
                "param": None,
                "code": "rate_limit_exceeded",
            }
            seen.response = json.dumps({"error": error}).encode()

    app = broken.Broken(mock_app(), after=every_other_call_limited)
    report = run(config_for(app, operations=("createThread", "getThread"), checks=("positive", "negative")))
    assert report.findings == ()
    assert calls["n"] > 10


def test_the_command_over_a_real_socket(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], api_key: str
) -> None:
    """``threadspec contract`` as the CLI calls it: options in, scorecard out, reports written."""
    files = {name: tmp_path / f"report.{name}" for name in ("json", "xml", "md")}
    with serve_in_thread(MockConfig(port=0, api_key=api_key)) as base_url:
        argv = ["contract",
            "--base-url", base_url, "--api-key-env", KEY_ENV, "--max-examples", "2", "--seed", "11",
            "--operations", "getThread,submitToolOuputsToRun", "--json", str(files["json"]),
            "--junit-xml", str(files["xml"]), "--markdown", str(files["md"]), "--fail-on", "strict",
        ]  # fmt: skip
        code = main(argv, io.StringIO(), out := io.StringIO())
    captured = capsys.readouterr()
    text = out.getvalue()
    assert code == 0, text
    lines = text.splitlines()
    assert lines[0].startswith(f"threadspec contract {base_url} · 6 checks in ")
    assert "findings: 0 error · 0 warning · 0 strict (--fail-on strict: exit 0)" in lines
    assert "  streaming    1/1   pass" in lines
    assert lines[-1] == "reports: " + " · ".join(str(files[n]) for n in ("xml", "json", "md"))
    assert len([line for line in captured.err.splitlines() if line.startswith("[")]) == 6
    assert json.loads(files["json"].read_text())["base_url"] == base_url
    assert all(api_key not in f.read_text() for f in files.values())
    assert api_key not in text + captured.err
