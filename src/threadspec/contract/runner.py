"""Running the planned checks against a server, cleaning up after them and reporting what they found."""

from __future__ import annotations

import os
import random
import signal
import sys
import time
import traceback
import warnings
from collections.abc import Collection
from typing import Any

import anyio
from hypothesis.errors import HypothesisWarning

from threadspec._contract import Contract
from threadspec._counting import counted
from threadspec.contract import cases, export
from threadspec.contract.assistant import AssistantProvider, provider_for
from threadspec.contract.baseline import compare, load
from threadspec.contract.client import Budget, BudgetExhaustedError, ContractClient
from threadspec.contract.config import DEFAULT_ASSISTANT, ContractConfig
from threadspec.contract.context import CheckContext, RunState, Verdict
from threadspec.contract.coverage import Coverage
from threadspec.contract.plan import PlannedCheck, plan
from threadspec.contract.preflight import Preflight, preflight
from threadspec.contract.progress import Reporter
from threadspec.contract.report import CheckResult, ContractReport, Outcome
from threadspec.contract.verdict import Blocked, Empty


def _outcome(verdict: Verdict) -> tuple[Outcome, str]:
    if verdict.incomplete:
        return Outcome.ERROR, f"the time budget ran out after {counted(verdict.cases, 'case')}"
    if verdict.problems:
        keys = len({p.key for p in verdict.problems})
        return (
            Outcome.FAILED,
            verdict.detail or f"{counted(keys, 'finding')} in {counted(verdict.cases, 'case')}",
        )
    if verdict.empty:
        return Outcome.EMPTY, verdict.detail
    return Outcome.PASSED, verdict.detail


async def _run_one(planned: PlannedCheck, state: RunState, skip: str | None) -> CheckResult:
    started = time.monotonic()
    ctx = CheckContext(state, Verdict())
    verdict = ctx.verdict

    def ended(outcome: Outcome, detail: str) -> CheckResult:
        return CheckResult(
            planned.target,
            planned.check,
            outcome,
            detail,
            tuple(verdict.problems),
            verdict.cases,
            time.monotonic() - started,
        )

    if skip is not None:
        return ended(Outcome.SKIPPED, skip)
    if state.client.budget.exhausted:
        return ended(Outcome.ERROR, "the time budget was spent before this check started")
    try:
        await planned.run(ctx)
    except Blocked as exc:
        return ended(Outcome.BLOCKED, str(exc))
    except Empty as exc:
        return ended(Outcome.EMPTY, str(exc))
    except (BudgetExhaustedError, TimeoutError):
        return ended(Outcome.ERROR, "the time budget ran out during this check")
    except Exception as exc:  # a fault in the runner: report it as such and go on with the other checks
        where = traceback.extract_tb(exc.__traceback__)[-1]
        detail = f"internal error {type(exc).__name__}: {exc} ({where.filename}:{where.lineno})"
        return ended(Outcome.ERROR, detail)
    return ended(*_outcome(verdict))


def _skip_reason(planned: PlannedCheck, config: ContractConfig, pre: Preflight) -> str | None:
    if planned.check != "workflow" or pre.stateful:
        return None
    if config.stateful is False:
        return "--stateless: workflows skipped as asked"
    return f"the server keeps no state ({pre.state_reason}); --stateful runs workflows anyway"


def _coverage(contract: Contract, checks: list[PlannedCheck]) -> Coverage:
    coverage = Coverage()
    for op in dict.fromkeys(p.target for p in checks if p.check in ("boundary", "negative")):
        for constraint in cases.universe(contract, op):
            coverage.expect(op, constraint)
        for constraint, _side in cases.cases_for(contract, op)[1]:
            coverage.unbuildable(op, constraint)
    return coverage


class _Run:
    """The mutable state of one run: what has finished, what is running, whether it was interrupted."""

    def __init__(self, config: ContractConfig, planned: list[PlannedCheck], reporter: Reporter) -> None:
        self.config = config
        self.planned = planned
        self.reporter = reporter
        self.results: dict[int, CheckResult] = {}
        self.interrupted = False
        self.pre: Preflight | None = None
        self.provider: AssistantProvider | None = None
        self.coverage = _coverage(config.contract, planned)

    async def checks(self, client: ContractClient, key_sent: bool) -> None:
        config = self.config
        try:
            self.pre = await preflight(
                client, key_sent=key_sent, api_key_env=config.api_key_env, stateful=config.stateful
            )
        except BudgetExhaustedError:  # each check will say that the budget was spent
            self.pre = Preflight(None, config.stateful is not False, "not told: the time budget was spent")
        if self.pre.failure is not None:
            return
        provider = provider_for(config.assistant_id, DEFAULT_ASSISTANT)
        self.provider = provider
        assistant_id = await provider.acquire(client)
        self.reporter.say(f"threadspec contract: {provider.story}")
        state = RunState(
            client,
            assistant_id,
            self.pre.stateful,
            config.max_examples,
            self.seed,
            config.poll_timeout_seconds,
            self.coverage,
            frozenset(config.selected_operations()),
        )
        limiter = anyio.CapacityLimiter(config.workers)

        async def worker(index: int, check: PlannedCheck, pre: Preflight) -> None:
            async with limiter:
                self.results[index] = await _run_one(check, state, _skip_reason(check, config, pre))
            self.reporter.finished(self.results[index])

        async with anyio.create_task_group() as group:
            for index, check in enumerate(self.planned):
                group.start_soon(worker, index, check, self.pre)

    seed: int = 0

    async def watch(self, scope: anyio.CancelScope, client: ContractClient) -> None:
        """On Ctrl-C: stop sending, stop the checks; the report is written with what was found."""
        with anyio.open_signal_receiver(signal.SIGINT) as signals:
            async for _ in signals:
                self.interrupted = True
                client.budget.stop()
                scope.cancel()
                return


async def run_async(
    config: ContractConfig, only: Collection[str] | None = None, *, interruptible: bool = False
) -> ContractReport:
    """Run every check ``config`` selects (or those named ``target::check`` in ``only``).

    With ``interruptible`` (the command line), SIGINT ends the run early: cleanup still happens,
    and the report, marked interrupted, holds what was found until then.
    """
    started = time.monotonic()
    previous = load(config.baseline) if config.baseline else None
    planned = [p for p in plan(config) if only is None or p.name in only]
    api_key = os.environ.get(config.api_key_env) or None
    stream = sys.stderr if config.progress else None
    reporter = Reporter(stream, len(planned))
    run = _Run(config, planned, reporter)
    run.seed = config.seed if config.seed is not None else random.SystemRandom().randrange(2**32)
    reporter.say(
        f"threadspec contract: {counted(len(planned), 'check')} of profile {config.profile} against "
        f"{config.base_url} (seed {run.seed})"
    )
    if api_key is None:
        reporter.say(
            f"threadspec contract: ${config.api_key_env} is not set; no Authorization header is sent"
        )
    client = ContractClient(
        config.base_url,
        api_key,
        contract=config.contract,
        budget=Budget(config.time_budget_seconds),
        transport=config.transport,
        timeout=config.request_timeout_seconds,
    )
    try:
        with warnings.catch_warnings(), reporter:
            # a shrunk 256 KB body is expensive to show, and hypothesis says so; the report shows it
            warnings.simplefilter("ignore", HypothesisWarning)
            async with anyio.create_task_group() as outer:
                with anyio.CancelScope() as scope:
                    if interruptible:
                        outer.start_soon(run.watch, scope, client)
                    await run.checks(client, api_key is not None)
                outer.cancel_scope.cancel()
    finally:
        with anyio.CancelScope(shield=True):
            if run.provider is not None:  # what the provider made, then whatever else the run left
                with client.cleaning_up():
                    await run.provider.release(client)
            leftovers = await client.delete_created()
            await client.aclose()
    return _report(run, config, client, api_key is not None, leftovers, started, previous)


def _report(
    run: _Run,
    config: ContractConfig,
    client: ContractClient,
    key_sent: bool,
    leftovers: list[str],
    started: float,
    previous: Any,
) -> ContractReport:
    pre = run.pre
    fields: dict[str, Any] = {
        "base_url": client.root,
        "seed": run.seed,
        "results": tuple(run.results[i] for i in sorted(run.results)),
        "seconds": time.monotonic() - started,
        "api_key_env": config.api_key_env,
        "key_sent": key_sent,
        "stateful": None if pre is None else pre.stateful,
        "state_reason": "" if pre is None else pre.state_reason,
        "coverage": run.coverage.summary(),
        "fail_on": config.fail_on,
        "interrupted": run.interrupted,
        "unusable": None if pre is None else pre.failure,
        "leftovers": tuple(leftovers),
        "assistant": "" if run.provider is None else run.provider.story,
        "profile": config.profile,
    }
    report = ContractReport.build(**fields)
    if previous is not None and config.baseline:
        fields["comparison"] = compare(report.findings, previous, config.baseline)
    report = ContractReport.build(**fields)
    written = export.write(report, junit=config.junit_xml, json_path=config.json, markdown=config.markdown)
    return ContractReport.build(**fields, files=tuple(written))


def run(config: ContractConfig, *, interruptible: bool = False) -> ContractReport:
    """Run the contract checks; the report's ``exit_code`` says how it went. ``interruptible``: as
    :func:`run_async`."""
    return anyio.run(lambda: run_async(config, interruptible=interruptible))
