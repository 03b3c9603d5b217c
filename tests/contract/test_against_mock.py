"""The whole contract run against the project's own mock passes, in every mode, and leaves nothing behind."""

from __future__ import annotations

import argparse
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
from threadspec import spec
from threadspec.contract import Outcome, add_arguments, handle, run, run_async
from threadspec.contract.workflows import WORKFLOWS
from threadspec.mock import MockConfig, serve_in_thread

BETA = {"OpenAI-Beta": "assistants=v2", "Authorization": f"Bearer {SECRET}"}


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


async def _still_there(app: Any, thread_ids: set[str]) -> set[str]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, headers=BETA) as client:
        return {t for t in thread_ids if (await client.get(f"/threads/{t}")).status_code != 404}


def test_stateful_mock_passes_everything_and_is_left_empty(mock_app: Callable[..., Any]) -> None:
    app = broken.Broken(mock_app())
    report = run(config_for(app, workers=2))
    assert report.exit_code == 0, report.render()
    assert report.stateful is True
    expected = (
        len(spec.operations()) * 2 + 3 + len(WORKFLOWS)
    )  # positive and negative, 3 streaming, workflows
    assert len(report.results) == expected
    assert {r.outcome for r in report.results} == {Outcome.PASSED}
    made = _threads_made(app)
    assert len(made) > 20
    assert anyio.run(_still_there, app, made) == set()
    assert report.leftovers == ()


def test_stateless_mock_passes_and_skips_only_the_workflows(mock_app: Callable[..., Any]) -> None:
    report = run(config_for(mock_app(mode="stateless")))
    assert report.exit_code == 0, report.render()
    assert report.stateful is False
    skipped = {r.target for r in report.results if r.outcome is Outcome.SKIPPED}
    assert skipped == {w.name for w in WORKFLOWS}
    assert all(r.outcome is Outcome.PASSED for r in report.results if r.check != "workflow")


@pytest.mark.parametrize("options", [{"advance": "per_poll", "poll_after_ms": 0}, {"seed": 3}])
def test_runs_that_move_on_each_poll_or_seeded_ids_pass(
    mock_app: Callable[..., Any], options: dict[str, Any]
) -> None:
    chosen = (
        "createRun",
        "getRun",
        "cancelRun",
        "submitToolOuputsToRun",
        "listRunSteps",
        "getRunStep",
        "listRuns",
        "modifyRun",
    )
    report = run(
        config_for(mock_app(**options), operations=chosen, checks=("positive", "workflow", "streaming"))
    )
    assert report.exit_code == 0, report.render()
    assert {r.target for r in report.results if r.check == "workflow"} == {
        "run-lifecycle",
        "tool-outputs",
        "run-cancel",
    }


def test_a_selection_runs_only_what_it_names(mock_app: Callable[..., Any]) -> None:
    report = run(config_for(mock_app(), operations=("getThread",), checks=("negative",)))
    assert [r.name for r in report.results] == ["getThread::negative"]
    assert report.exit_code == 0


@pytest.mark.anyio
async def test_cleanup_happens_when_the_run_is_cancelled(mock_app: Callable[..., Any]) -> None:
    """Cancelling the run (Ctrl-C, a CI timeout) still deletes every thread it made."""
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
            seen.response = json.dumps(
                {
                    "error": {
                        "message": "Slow down.",
                        "type": "requests",
                        "param": None,
                        "code": "rate_limit_exceeded",
                    }
                }
            ).encode()

    app = broken.Broken(mock_app(), after=every_other_call_limited)
    report = run(config_for(app, operations=("createThread", "getThread"), checks=("positive", "negative")))
    assert report.exit_code == 0, report.render()
    assert calls["n"] > 10


def test_the_command_over_a_real_socket(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], api_key: str
) -> None:
    """``threadspec contract`` as the CLI will call it: options in, table out, exit code back."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    report_file = tmp_path / "report.json"
    with serve_in_thread(MockConfig(port=0, api_key=api_key)) as base_url:
        args = parser.parse_args([
            "--base-url", base_url.removesuffix("/v1"), "--api-key-env", KEY_ENV, "--max-examples", "2",
            "--seed", "11", "--operations", "getThread,submitToolOuputsToRun", "--json", str(report_file),
        ])  # fmt: skip
        code = handle(args, io.StringIO(), out := io.StringIO())
    captured = capsys.readouterr()
    assert code == 0, out.getvalue()
    assert "submitToolOuputsToRun  streaming  pass" in out.getvalue()
    assert out.getvalue().rstrip().splitlines()[-1].startswith("5 checks: 5 pass")
    assert len([line for line in captured.err.splitlines() if line.startswith("[")]) == 5
    assert json.loads(report_file.read_text())["base_url"] == base_url
    assert api_key not in out.getvalue() + captured.err + report_file.read_text()
