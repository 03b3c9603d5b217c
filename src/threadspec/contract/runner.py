"""Running the planned checks against a server, cleaning up after them and reporting what they found."""

from __future__ import annotations

import argparse
import os
import random
import secrets
import sys
import time
import traceback
from collections.abc import Collection
from contextlib import suppress
from typing import TextIO

import anyio

from threadspec.contract import export
from threadspec.contract.client import Budget, BudgetExhaustedError, ContractClient
from threadspec.contract.config import ContractConfig, config_from_args
from threadspec.contract.context import CheckContext, Verdict
from threadspec.contract.plan import PlannedCheck, plan
from threadspec.contract.report import CheckResult, ContractReport, Failure, Outcome
from threadspec.contract.resources import Resources
from threadspec.contract.verdict import CheckFailedError, CheckSkippedError

STATELESS_SKIP = (
    "stateless server (a new thread came back without its metadata); --stateful runs workflows anyway"
)


async def detect_state(client: ContractClient) -> bool:
    """Whether the server remembers: a thread created with a random metadata value comes back with it."""
    marker = {"threadspec_probe": secrets.token_hex(6)}
    created = await client.call("createThread", body={"metadata": marker})
    body = created.json()
    if created.status != 200 or not isinstance(body, dict) or not isinstance(body.get("id"), str):
        return True  # a server this broken is no stateless mock: let the workflows say what is wrong
    ids = {"thread_id": body["id"]}
    got = await client.call("getThread", ids)
    await client.call("deleteThread", ids)
    found = got.json()
    return got.status == 200 and isinstance(found, dict) and found.get("metadata") == marker


def _result(planned: PlannedCheck, verdict: Verdict, seconds: float) -> CheckResult:
    if verdict.failures:
        outcome = Outcome.FAILED
    elif verdict.incomplete:
        outcome, verdict.detail = Outcome.ERROR, f"time budget ran out after {verdict.cases} cases"
    else:
        outcome = Outcome.PASSED
    return CheckResult(
        planned.target,
        planned.check,
        outcome,
        verdict.detail,
        tuple(verdict.failures),
        verdict.cases,
        seconds,
    )


async def _run_one(planned: PlannedCheck, ctx: CheckContext) -> CheckResult:
    started = time.monotonic()

    def ended(outcome: Outcome, detail: str, failures: tuple[Failure, ...] = ()) -> CheckResult:
        return CheckResult(
            planned.target,
            planned.check,
            outcome,
            detail,
            failures,
            len(failures),
            time.monotonic() - started,
        )

    if planned.check == "workflow" and not ctx.stateful:
        return ended(Outcome.SKIPPED, STATELESS_SKIP)
    if ctx.client.budget.exhausted:
        return ended(Outcome.ERROR, "the time budget was spent before this check started")
    try:
        verdict = await planned.run(ctx)
    except CheckFailedError as exc:
        return ended(Outcome.FAILED, f"[{exc.failure.case}] {exc.failure.reason}", (exc.failure,))
    except CheckSkippedError as exc:
        return ended(Outcome.SKIPPED, str(exc))
    except (BudgetExhaustedError, TimeoutError):
        return ended(Outcome.ERROR, "the time budget ran out during this check")
    except Exception as exc:  # a fault in the runner: report it as such and go on with the other checks
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return ended(
            Outcome.ERROR, f"internal error {type(exc).__name__}: {exc} ({where.filename}:{where.lineno})"
        )
    return _result(planned, verdict, time.monotonic() - started)


def _progress(stream: TextIO | None, done: int, total: int, result: CheckResult) -> None:
    if stream is not None:
        width = len(str(total))
        line = f"[{done:>{width}}/{total}] {result.outcome.value:<7} {result.name} ({result.seconds:.1f}s)"
        if result.outcome is not Outcome.PASSED and result.detail:
            line += f": {result.detail[:160]}"
        print(line, file=stream, flush=True)


async def run_async(config: ContractConfig, only: Collection[str] | None = None) -> ContractReport:
    """Run every check ``config`` selects (or those named ``target::check`` in ``only``)."""
    started = time.monotonic()
    seed = config.seed if config.seed is not None else random.SystemRandom().randrange(2**32)
    planned = [p for p in plan(config) if only is None or p.name in only]
    stream = sys.stderr if config.progress else None
    if stream is not None:
        print(
            f"threadspec contract: {len(planned)} checks against {config.base_url} (seed {seed})", file=stream
        )
    api_key = os.environ.get(config.api_key_env)
    if stream is not None and not api_key:
        print(
            f"threadspec contract: ${config.api_key_env} is not set; no Authorization header is sent",
            file=stream,
        )
    client = ContractClient(
        config.base_url,
        api_key,
        budget=Budget(config.time_budget_seconds),
        transport=config.transport,
        timeout=config.request_timeout_seconds,
    )
    results: dict[int, CheckResult] = {}
    state = config.stateful
    try:
        if state is None and planned:
            with suppress(BudgetExhaustedError):  # the checks will each report the spent budget
                state = await detect_state(client)
        resources = Resources(
            client, config.assistant_id, stateful=state is not False, poll_seconds=config.poll_timeout_seconds
        )
        ctx = CheckContext(client, resources, config.max_examples, seed)
        limiter = anyio.CapacityLimiter(config.workers)

        async def worker(index: int, check: PlannedCheck) -> None:
            async with limiter:
                results[index] = await _run_one(check, ctx)
            _progress(stream, len(results), len(planned), results[index])

        async with anyio.create_task_group() as group:
            for index, check in enumerate(planned):
                group.start_soon(worker, index, check)
    finally:
        leftovers = await client.delete_threads()
        await client.aclose()
    report = ContractReport(
        base_url=client.root,
        seed=seed,
        results=tuple(results[i] for i in sorted(results)),
        seconds=time.monotonic() - started,
        api_key_env=config.api_key_env,
        stateful=state,
        leftovers=tuple(leftovers),
    )
    export.write(report, config.junit_xml, config.json)
    if stream is not None:
        print(report.summary(), file=stream, flush=True)
    return report


def run(config: ContractConfig) -> ContractReport:
    """Run the contract checks; the report's ``exit_code`` is 0 only when every check passed."""
    return anyio.run(run_async, config)


def handle(args: argparse.Namespace, _stdin: TextIO, stdout: TextIO) -> int:
    """The ``threadspec contract`` subcommand: run, print the table and failures, return the exit code."""
    report = run(config_from_args(args))
    print(report.render(), file=stdout)
    return report.exit_code
