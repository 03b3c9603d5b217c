"""The pytest face of the contract runner: ``pytest --threadspec-base-url URL``.

Each planned check (operation × positive/boundary/negative/streaming, and each workflow) becomes one test item,
``threadspec::<target>::<check>``, run on its own and cleaned up after. Without the option the plugin
adds nothing. A ``conftest.py`` may implement :func:`pytest_threadspec_transport` to hand the runner
an in-process transport (``httpx.ASGITransport(app=...)``) instead of the network.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any

import pytest

from threadspec._extras import require
from threadspec.errors import MissingExtraError

if TYPE_CHECKING:
    import httpx
    from _pytest._code.code import ExceptionInfo, TerminalRepr

    from threadspec.contract.config import ContractConfig
    from threadspec.contract.report import CheckResult, ContractReport

_STATE = pytest.StashKey["_Session"]()


class _Hooks:
    @pytest.hookspec(firstresult=True)
    def pytest_threadspec_transport(self, config: pytest.Config) -> httpx.AsyncBaseTransport | None:
        """An ``httpx`` async transport for the contract checks, or ``None`` for the network."""
        raise NotImplementedError


def _csv(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(_Hooks)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("threadspec", "threadspec contract checks against a server")
    group.addoption(
        "--threadspec-base-url", metavar="URL", help="run the contract checks against this API root"
    )
    group.addoption(
        "--threadspec-api-key-env", default="OPENAI_API_KEY", metavar="NAME", help="env var with the key"
    )
    group.addoption("--threadspec-operations", type=_csv, metavar="IDS", help="comma-separated operationIds")
    group.addoption(
        "--threadspec-checks",
        type=_csv,
        metavar="NAMES",
        help="positive,boundary,negative,streaming,workflow",
    )
    group.addoption(
        "--threadspec-fail-on",
        default="error",
        metavar="TIER",
        help="error, warning or strict: the least severe finding that fails an item",
    )
    group.addoption("--threadspec-max-examples", type=int, default=10, metavar="N", help="requests per case")
    group.addoption("--threadspec-seed", type=int, metavar="N", help="generation seed")
    group.addoption(
        "--threadspec-assistant-id",
        metavar="ID",
        help="an existing assistant that runs are created with (default: one made for each item)",
    )
    group.addoption(
        "--threadspec-time-budget", type=float, default=600.0, metavar="SECONDS", help="per check"
    )
    group.addoption(
        "--threadspec-profile",
        default="v2",
        metavar="PROFILE",
        help="the API version the server speaks: v2 or v1",
    )


@dataclass(slots=True)
class _Session:
    config: ContractConfig
    stateful: bool | None = None  # found out by the first item, reused by the rest


def pytest_configure(config: pytest.Config) -> None:
    base_url = config.getoption("threadspec_base_url")
    if not base_url:
        return
    try:
        require("contract", "pytest --threadspec-base-url")
        config.stash[_STATE] = _Session(_contract_config(config, base_url))
    except (KeyError, ValueError, MissingExtraError) as exc:  # an unknown operation or check name
        raise pytest.UsageError(f"threadspec: {exc}") from exc


def _contract_config(config: pytest.Config, base_url: str) -> ContractConfig:
    from threadspec.contract.config import ContractConfig
    from threadspec.contract.findings import Severity

    return ContractConfig(
        base_url=base_url,
        api_key_env=config.getoption("threadspec_api_key_env"),
        operations=config.getoption("threadspec_operations") or None,
        checks=config.getoption("threadspec_checks") or None,
        max_examples=config.getoption("threadspec_max_examples"),
        # one seed for the session, shown in the header, so a failing item can be rerun alone
        seed=config.getoption("threadspec_seed") or random.SystemRandom().randrange(2**32),
        time_budget_seconds=config.getoption("threadspec_time_budget"),
        assistant_id=config.getoption("threadspec_assistant_id") or None,
        fail_on=Severity(config.getoption("threadspec_fail_on")),
        progress=False,
        profile=config.getoption("threadspec_profile"),
    )


@pytest.hookimpl(tryfirst=True)  # before -k and -m deselect, so they apply to these items too
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    state = config.stash.get(_STATE, None)
    if state is None:
        return
    from threadspec.contract.plan import plan

    # asked only now: conftest files below the root are loaded during collection
    state.config = replace(state.config, transport=config.hook.pytest_threadspec_transport(config=config))
    suite = ContractSuite.from_parent(session, name="threadspec", nodeid="threadspec")
    suite.names = [p.name for p in plan(state.config)]
    # collected the way files are, so the terminal counts the items and --collect-only lists them
    report = suite.ihook.pytest_make_collect_report(collector=suite)
    suite.ihook.pytest_collectreport(report=report)
    items.extend(item for item in report.result if isinstance(item, pytest.Item))


def pytest_report_header(config: pytest.Config) -> str | None:
    state = config.stash.get(_STATE, None)
    if state is None:
        return None
    return (
        f"threadspec contract: {state.config.base_url}, profile {state.config.profile} "
        f"(--threadspec-seed {state.config.seed})"
    )


class ContractSuite(pytest.Collector):
    """The parent of the contract items: one per planned check."""

    names: list[str]

    def collect(self) -> Iterator[pytest.Item]:
        return (ContractItem.from_parent(self, name=name) for name in self.names)


class ContractCheckFailed(Exception):
    """A contract check failed; the message is the report of its failures."""


class ContractItem(pytest.Item):
    """One contract check against the server."""

    def runtest(self) -> None:
        import anyio

        from threadspec.contract.report import Outcome
        from threadspec.contract.runner import run_async

        state = self.config.stash[_STATE]
        config = replace(state.config, stateful=state.stateful)
        report = anyio.run(partial(run_async, config, {self.name}))
        if report.unusable is not None:
            raise ContractCheckFailed(f"{self.name}: {report.unusable}")
        state.stateful = report.stateful
        result = report.results[0]
        if result.outcome in (Outcome.SKIPPED, Outcome.EMPTY):
            pytest.skip(result.detail)
        if result.fails(config.fail_on) or result.outcome is Outcome.BLOCKED:
            raise ContractCheckFailed(_describe(result, report))

    def repr_failure(self, excinfo: ExceptionInfo[BaseException], style: Any = None) -> str | TerminalRepr:
        if isinstance(excinfo.value, ContractCheckFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[str, int | None, str]:
        return "threadspec", None, f"threadspec contract {self.name}"


def _describe(result: CheckResult, report: ContractReport) -> str:
    from threadspec._counting import counted
    from threadspec.contract.curl import render

    lines = [f"{result.name}: {result.outcome.value}: {result.detail}"]
    for finding in report.findings:
        lines.append(
            f"[{finding.severity.value}] {finding.id} {finding.title} (seen {counted(finding.count, 'time')})"
        )
        exchange = finding.example.exchange
        if exchange is not None:
            lines.append(render(exchange.request, report.api_key_env, key_sent=report.key_sent))
            if exchange.response is not None:
                lines.append(f"HTTP {exchange.response.status} {exchange.response.content_type}")
                lines.append(exchange.response.shown())
    return "\n".join(lines)
