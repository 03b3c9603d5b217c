"""The ``threadspec_mock`` fixture, as a user's test suite gets it: the official SDK on its base URL."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest_plugins = ["pytester"]

# The README's example, plus a second test that looks for the first one's thread: found when both
# tests share one mock (and it must be), not found when each has its own (and it must not be). The
# app in process serves the same store as the port.
TESTS = """
import openai
import pytest
from openai import OpenAI
from starlette.testclient import TestClient

SEEN = []


def test_my_app_answers(threadspec_mock):
    with OpenAI(base_url=threadspec_mock.base_url, api_key=threadspec_mock.api_key, max_retries=0) as client:
        check(client, threadspec_mock)


def check(client, threadspec_mock):
    thread = client.beta.threads.create(messages=[{"role": "user", "content": "Hello"}])
    run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id="asst_test")
    assert run.status == "completed"
    reply = client.beta.threads.messages.list(thread_id=thread.id).data[0]
    assert reply.content[0].text.value == "Hello"
    in_process = TestClient(threadspec_mock.app).get(f"/v1/threads/{thread.id}", headers=threadspec_mock.headers)
    assert in_process.json()["id"] == thread.id
    SEEN.append(thread.id)


def test_the_next_test(threadspec_mock, request):
    shared = request.config.getoption("threadspec_mock_scope") or request.config.getini("threadspec_mock_scope")
    with OpenAI(base_url=threadspec_mock.base_url, api_key=threadspec_mock.api_key, max_retries=0) as client:
        if shared == "session":
            assert client.beta.threads.retrieve(SEEN[0]).id == SEEN[0]
        else:
            with pytest.raises(openai.NotFoundError):
                client.beta.threads.retrieve(SEEN[0])
"""
OPTIONS = ("-p", "no:cacheprovider", "-W", "ignore::DeprecationWarning")


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(test_with_the_mock_fixture=TESTS)  # a name no module of this suite has
    return pytester


def test_a_fresh_mock_per_test_by_default(suite: pytest.Pytester) -> None:
    suite.runpytest_inprocess(*OPTIONS).assert_outcomes(passed=2)


def test_one_mock_for_the_session_by_option(suite: pytest.Pytester) -> None:
    suite.runpytest_inprocess(*OPTIONS, "--threadspec-mock-scope=session").assert_outcomes(passed=2)


def test_one_mock_for_the_session_by_ini(suite: pytest.Pytester) -> None:
    suite.makeini("[pytest]\nthreadspec_mock_scope = session\n")
    suite.runpytest_inprocess(*OPTIONS).assert_outcomes(passed=2)


def test_an_unknown_scope_is_a_usage_error(suite: pytest.Pytester) -> None:
    suite.makeini("[pytest]\nthreadspec_mock_scope = module\n")
    result = suite.runpytest_inprocess(*OPTIONS)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*threadspec_mock_scope must be one of function, session, not 'module'*"])


def test_the_config_fixture_can_be_overridden(suite: pytest.Pytester) -> None:
    suite.makeconftest(
        "import pytest\n"
        "from threadspec.mock import MockConfig\n"
        "from threadspec.mock.pytest_plugin import mock_scope\n\n"
        "@pytest.fixture(scope=mock_scope)\n"
        "def threadspec_mock_config():\n"
        "    return MockConfig(port=0, api_key='sk-only-this-one')\n"
    )
    suite.makepyfile(
        test_mock_key="""
import openai
import pytest
from openai import OpenAI


def test_the_key_is_the_configured_one(threadspec_mock):
    assert threadspec_mock.api_key == "sk-only-this-one"
    with OpenAI(base_url=threadspec_mock.base_url, api_key=threadspec_mock.api_key) as client:
        client.beta.threads.create()
    with OpenAI(base_url=threadspec_mock.base_url, api_key="sk-other", max_retries=0) as client:
        with pytest.raises(openai.AuthenticationError):
            client.beta.threads.create()
"""
    )
    # the session scope is the one a plain (function-scoped) override would break
    result = suite.runpytest_inprocess(*OPTIONS, "--threadspec-mock-scope=session", "test_mock_key.py")
    result.assert_outcomes(passed=1)


def test_pytest_start_up_loads_no_server_stack() -> None:
    code = (
        "import sys, threadspec.mock.pytest_plugin, threadspec.contract.pytest_plugin\n"
        "print(sorted(m for m in ('starlette', 'uvicorn', 'threadspec.mock.app', 'hypothesis') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
