"""The legacy application in examples/ runs unchanged against the mock on a real port.

Both stores, the sync and the async client, polled and streamed: an assistant with a function tool,
a thread, a message, a run that stops for the tool output, the output handed back, the answer read.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import openai
import pytest

from threadspec.mock import MockConfig, serve_in_thread

pytestmark = [  # the SDK marks the whole Assistants API deprecated, the assistants methods tersely
    pytest.mark.filterwarnings("ignore:The Assistants API is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning"),
]
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "legacy_assistant.py"
KEY = "sk-legacy-app-key"


def _load() -> ModuleType:
    found = importlib.util.spec_from_file_location("legacy_assistant", EXAMPLE)
    assert found is not None and found.loader is not None
    module = importlib.util.module_from_spec(found)
    sys.modules[found.name] = module  # dataclasses look their module up there
    found.loader.exec_module(module)
    return module


app = _load()


@pytest.fixture(scope="module", params=["memory", "sqlite"])
def base_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("legacy") / "mock.sqlite" if request.param == "sqlite" else None
    with serve_in_thread(MockConfig(port=0, db=db, api_key=KEY, poll_after_ms=0)) as url:
        yield url


@pytest.mark.parametrize("stream", [False, True], ids=["polled", "streamed"])
@pytest.mark.parametrize("client", ["sync", "async"])
def test_the_legacy_workflow_runs_unchanged(base_url: str, client: str, stream: bool) -> None:
    if client == "sync":
        with openai.OpenAI(base_url=base_url, api_key=KEY, max_retries=0) as sync_client:
            outcome = app.workflow(sync_client, stream=stream)
    else:

        async def converse() -> Any:
            async with openai.AsyncOpenAI(base_url=base_url, api_key=KEY, max_retries=0) as async_client:
                return await app.workflow_async(async_client, stream=stream)

        outcome = asyncio.run(converse())
    # the mock made up the function's arguments from its schema; the app answered the call
    assert outcome.calls == [("get_weather", {"city": "example"})]
    assert outcome.messages == [("user", app.QUESTION), ("assistant", app.get_weather("example"))]
    run, assistant = outcome.run, outcome.assistant
    assert run is not None and run.status == "completed"
    # the run worked with what its assistant was created with
    assert (run.assistant_id, run.model, run.instructions) == (
        assistant.id,
        "gpt-4o",
        app.ASSISTANT["instructions"],
    )
    assert [t.function.name for t in run.tools if t.type == "function"] == ["get_weather"]
    if stream:
        events = outcome.events
        assert events[0] == "thread.run.created" and events[-1] == "thread.run.completed"
        assert events.index("thread.run.requires_action") < events.index("thread.run.step.completed")
    # the app cleaned up after itself: its assistant is gone
    gone = f"No assistant found with id '{assistant.id}'"
    with (
        openai.OpenAI(base_url=base_url, api_key=KEY, max_retries=0) as check,
        pytest.raises(openai.NotFoundError, match=gone),
    ):
        check.beta.assistants.retrieve(assistant.id)


def test_the_program_itself_runs_against_the_mock(base_url: str) -> None:
    env = {**os.environ, "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": KEY}
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), "--stream"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        '[called get_weather({"city": "example"})]',
        f"user: {app.QUESTION}",
        f"assistant: {app.get_weather('example')}",
        "[run completed]",
    ]
