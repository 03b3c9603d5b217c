"""``threadspec contract``: flags onto ``ContractConfig`` (its defaults, written once); refusals exit 2."""

from __future__ import annotations

import pytest

from tests.cli.conftest import last_line, run
from threadspec import contract_for, spec
from threadspec.cli import command_parser
from threadspec.cli.contract import config_from_args
from threadspec.contract import ContractConfig, Severity


def _config(*argv: str) -> ContractConfig:
    return config_from_args(command_parser("contract").parse_args(list(argv)))


def test_the_options_make_the_config() -> None:
    config = _config(
        "--base-url", "http://127.0.0.1:4010/v1", "--operations", "createThread, getThread", "--checks",
        "positive,workflow", "--max-examples", "4", "--seed", "9", "--junit-xml", "out.xml", "--json", "out.json",
        "--workers", "2", "--time-budget", "30", "--stateless", "--quiet", "--api-key-env", "MY_KEY",
        "--markdown", "card.md", "--baseline", "before.json", "--fail-on", "warning", "--profile", "v1",
        "--assistant-id", "asst_x",
    )  # fmt: skip
    assert config == ContractConfig(
        base_url="http://127.0.0.1:4010/v1", api_key_env="MY_KEY", operations=("createThread", "getThread"),
        checks=("positive", "workflow"), max_examples=4, seed=9, junit_xml="out.xml", json="out.json",
        markdown="card.md", baseline="before.json", fail_on=Severity.WARNING, workers=2, time_budget_seconds=30.0,
        stateful=False, progress=False, profile="v1", assistant_id="asst_x",
    )  # fmt: skip
    assert config.contract is contract_for("v1")
    assert _config("--base-url", "http://x", "--stateful").stateful is True


def test_without_options_the_config_is_the_library_default() -> None:
    """The flags' defaults are ContractConfig's own: one place says them."""
    defaults = _config("--base-url", "http://x")
    assert defaults == ContractConfig(base_url="http://x")
    assert len(defaults.selected_operations()) == len(spec.operations())
    assert "listMessageFiles" in _config("--base-url", "http://x", "--profile", "v1").selected_operations()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--checks", "postive"], "threadspec contract: error: argument --checks: unknown check 'postive': "
         "did you mean 'positive'? (choose from positive, boundary, negative, streaming, workflow)"),
        (["--checks", ","], "threadspec contract: error: argument --checks: expected one or more comma-separated "
         "names, not ','"),
        (["--max-examples", "0"], "threadspec contract: error: argument --max-examples: must be at least 1, not 0"),
        (["--workers", "two"], "threadspec contract: error: argument --workers: expected a whole number, not 'two'"),
        (["--fail-on", "info"], "threadspec contract: error: argument --fail-on: unknown choice 'info' (choose from "
         "error, warning, strict)"),
        (["--profile", "v3"], "threadspec contract: error: argument --profile: unknown choice 'v3' (choose from "
         "v1, v2)"),
        (["--operations", "getThred"], "threadspec: unknown operation 'getThred': did you mean 'getThread', "
         "'deleteThread' or 'createThread'? (`threadspec operations` and threadspec.operations() list them)"),
        (["--time-budget", "0"], "threadspec contract: error: argument --time-budget: must be a number above 0, not 0"),
        (["--operations", "deleteMessage", "--profile", "v1"], "threadspec: unknown operation 'deleteMessage' "
         "(it is an operation of profile v2: add --profile v2, or use contract_for('v2'))"),
    ],
)  # fmt: skip
def test_bad_options_exit_2_before_any_request(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["contract", "--base-url", "http://127.0.0.1:9/v1", *argv]) == (2, "")
    assert last_line(capsys.readouterr().err) == said


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("notaurl", "expected an http:// or https:// URL with a host, got 'notaurl'"),
        ("ftp://host/v1", "expected an http:// or https:// URL with a host, got 'ftp://host/v1'"),
        ("http:///v1", "expected an http:// or https:// URL with a host, got 'http:///v1'"),
        ("127.0.0.1:4010", "expected an http:// or https:// URL with a host, got '127.0.0.1:4010'"),
    ],
)
def test_a_base_url_no_request_could_reach_is_refused(
    url: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["contract", "--base-url", url]) == (2, "")
    assert last_line(capsys.readouterr().err) == f"threadspec contract: error: argument --base-url: {said}"
