"""``pytest --threadspec-base-url URL``: one item per operation and check, nothing without the option."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract.conftest import KEY_ENV, SECRET
from tests.limits import metadata_keys
from threadspec import contract_for
from threadspec.contract.workflows import WORKFLOWS

pytest_plugins = ["pytester"]

CONFTEST = """
import httpx
import pytest

from tests.contract import broken
from threadspec.mock import MockConfig, create_app

DEFECT = @DEFECT@


def pytest_threadspec_transport(config):
    app = create_app(MockConfig(api_key=@SECRET@))
    hooks = {} if DEFECT is None else {@WHERE@: getattr(broken, DEFECT)}
    return httpx.ASGITransport(app=broken.Broken(app, **hooks))
"""


def conftest(defect: str | None = None, mode: str = "stateful", where: str = "before") -> str:
    text = CONFTEST.replace("@DEFECT@", repr(defect)).replace("@SECRET@", repr(SECRET))
    text = text.replace("@WHERE@", repr(where))
    return text.replace("MockConfig(", f"MockConfig(mode={mode!r}, ")


KEYS = metadata_keys()
OPTIONS = (
    "-p",
    "no:cacheprovider",
    "--threadspec-api-key-env",
    KEY_ENV,
    "--threadspec-max-examples",
    "2",
    "--threadspec-seed",
    "5",
)


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.syspathinsert(Path(__file__).parents[2])  # the conftest below imports `tests.contract.broken`
    pytester.makepyfile(test_own="def test_own():\n    assert True\n")
    return pytester


def test_without_the_option_only_the_own_tests_run(suite: pytest.Pytester) -> None:
    suite.makeconftest(conftest())
    result = suite.runpytest_inprocess(*OPTIONS)
    result.assert_outcomes(passed=1)


def test_each_check_is_an_item_and_passes_against_the_mock(suite: pytest.Pytester) -> None:
    suite.makeconftest(conftest())
    options = (
        "--threadspec-base-url",
        "http://mock.test/v1",
        "--threadspec-operations",
        "createThread,modifyThread",
    )
    collected = suite.runpytest_inprocess(*OPTIONS, *options, "--collect-only", "-q")
    assert collected.outlines[:7] == [
        "test_own.py::test_own",
        "threadspec::createThread::positive",
        "threadspec::createThread::boundary",
        "threadspec::createThread::negative",
        "threadspec::modifyThread::positive",
        "threadspec::modifyThread::boundary",
        "threadspec::modifyThread::negative",
    ]
    assert (
        "threadspec::thread-lifecycle::workflow" not in collected.outlines
    )  # needs getThread and deleteThread
    result = suite.runpytest_inprocess(*OPTIONS, *options, "-k", "threadspec and not own")
    result.assert_outcomes(passed=6, deselected=1)
    result.stdout.fnmatch_lines(
        ["threadspec contract: http://mock.test/v1, profile v2 (--threadspec-seed 5)"]
    )


def test_a_v1_server_gets_the_v1_items(suite: pytest.Pytester) -> None:
    suite.makeconftest(conftest())
    options = ("--threadspec-base-url", "http://mock.test/v1", "--threadspec-profile", "v1",
               "--threadspec-operations", "createThread,createMessage,listMessageFiles,getMessageFile")  # fmt: skip
    result = suite.runpytest_inprocess(*OPTIONS, *options, "-k", "threadspec and not own")
    result.assert_outcomes(
        passed=12, deselected=1
    )  # 10 checks and the message-files workflow (no boundary of getMessageFile)
    result.stdout.fnmatch_lines(
        ["threadspec contract: http://mock.test/v1, profile v1 (--threadspec-seed 5)"]
    )
    wrong = suite.runpytest_inprocess(*OPTIONS, *options, "--threadspec-profile", "v3")
    assert wrong.ret == pytest.ExitCode.USAGE_ERROR
    wrong.stderr.fnmatch_lines(["*threadspec: unknown profile 'v3' (the bundled profiles are v1, v2)*"])


def test_a_wrong_operation_is_a_usage_error(suite: pytest.Pytester) -> None:
    result = suite.runpytest_inprocess(
        *OPTIONS, "--threadspec-base-url", "http://mock.test/v1", "--threadspec-operations", "listThreads"
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*threadspec: unknown operation 'listThreads'*"])


def test_a_broken_server_fails_the_right_item_with_the_curl(suite: pytest.Pytester) -> None:
    suite.makeconftest(conftest("accepts_too_many_metadata_keys"))
    result = suite.runpytest_inprocess(
        *OPTIONS,
        "--threadspec-base-url",
        "http://mock.test/v1",
        "--threadspec-operations",
        "modifyThread",
        "-rA",
    )
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*threadspec contract modifyThread::negative*",
            f"*[[]error[]] TS-* accepted {KEYS + 1} metadata keys (limit {KEYS}) (seen 1 time)*",
            "*curl -sS -X POST http://mock.test/v1/threads/thread_*",
            '*-H "Authorization: Bearer $THREADSPEC_CONTRACT_TEST_KEY"*',
            "FAILED threadspec::modifyThread::negative*",
        ]
    )
    assert SECRET not in result.stdout.str() + result.stderr.str()


def test_workflows_are_skipped_against_a_stateless_server(suite: pytest.Pytester) -> None:
    suite.makeconftest(conftest(mode="stateless"))
    result = suite.runpytest_inprocess(
        *OPTIONS, "--threadspec-base-url", "http://mock.test/v1", "--threadspec-checks", "workflow", "-rs"
    )
    v2 = contract_for("v2").operations()
    result.assert_outcomes(passed=1, skipped=sum(set(w.operations) <= set(v2) for w in WORKFLOWS))
    result.stdout.fnmatch_lines(
        ["*the server keeps no state (a thread it never created was retrieved (200))*"]
    )


@pytest.mark.parametrize(("fail_on", "failed"), [("error", 0), ("warning", 1)])
def test_fail_on_decides_which_findings_fail_an_item(
    suite: pytest.Pytester, fail_on: str, failed: int
) -> None:
    """A flat error envelope is a warning: an item fails on it only when told to."""
    suite.makeconftest(conftest("flat_error_envelope", where="after"))
    result = suite.runpytest_inprocess(
        *OPTIONS, "--threadspec-base-url", "http://mock.test/v1", "--threadspec-operations", "getThread",
        "--threadspec-checks", "negative", "--threadspec-fail-on", fail_on,
    )  # fmt: skip
    result.assert_outcomes(passed=2 - failed, failed=failed)
