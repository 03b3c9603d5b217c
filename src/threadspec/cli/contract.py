"""``threadspec contract``: the flags are :class:`~threadspec.contract.ContractConfig`'s fields, their
defaults its own."""

from __future__ import annotations

import argparse
from typing import TextIO

from threadspec.cli._args import UsageError, add_profile, at_least, default_of, names, positive_number
from threadspec.contract.config import CHECKS, DEFAULT_ASSISTANT, ContractConfig, check_base_url
from threadspec.contract.findings import Severity


def _default(name: str) -> object:
    return default_of(ContractConfig, name)


def _base_url(text: str) -> str:
    try:
        return check_base_url(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base-url", required=True, type=_base_url, metavar="URL",
                        help="the API root, taken as given: http://127.0.0.1:4010/v1, or http://127.0.0.1:4010 "
                        "for a server that mounts the API at the root")  # fmt: skip
    add_profile(parser, "the server speaks: its operations, OpenAI-Beta header, shapes and limits")
    parser.add_argument("--api-key-env", metavar="NAME", default=_default("api_key_env"),
                        help="environment variable that holds the API key")  # fmt: skip
    parser.add_argument("--operations", type=names(), metavar="IDS",
                        help="comma-separated operation ids to check (default: all of the profile's; "
                        "`threadspec operations` lists them)")  # fmt: skip
    parser.add_argument("--checks", type=names(lambda: CHECKS, "check"), metavar="NAMES",
                        help=f"comma-separated subset of {', '.join(CHECKS)} (default: all)")  # fmt: skip
    parser.add_argument("--max-examples", type=at_least(1), metavar="N", default=_default("max_examples"),
                        help="generated requests per case")  # fmt: skip
    parser.add_argument("--seed", type=int, metavar="N",
                        help="seed for generation (default: one chosen at random, and printed)")  # fmt: skip
    parser.add_argument("--fail-on", choices=[s.value for s in Severity], default=str(_default("fail_on")),
                        help="the least severe finding that fails the run (exit 1)")  # fmt: skip
    parser.add_argument("--junit-xml", metavar="PATH",
                        help="write a JUnit XML report (a testcase per finding and per check)")  # fmt: skip
    parser.add_argument("--json", metavar="PATH", help="write a JSON report (findings and checks)")
    parser.add_argument("--markdown", metavar="PATH", help="write the scorecard as Markdown")
    parser.add_argument("--baseline", metavar="PATH",
                        help="a previous --json report: print what was fixed and what regressed")  # fmt: skip
    parser.add_argument("--workers", type=at_least(1), metavar="N", default=_default("workers"),
                        help="checks run at the same time")  # fmt: skip
    parser.add_argument("--time-budget", type=positive_number, metavar="SECONDS", default=_default("time_budget_seconds"),
                        help="stop sending requests after this long")  # fmt: skip
    parser.add_argument("--assistant-id", metavar="ID",
                        help="an existing assistant that runs are created with (default: one made for the run "
                        f"with POST /assistants and deleted after it, or {DEFAULT_ASSISTANT} when the server has "
                        "no such route)")  # fmt: skip
    state = parser.add_mutually_exclusive_group()
    state.add_argument("--stateful", dest="stateful", action="store_true", default=_default("stateful"),
                       help="insist on workflows (default: find out whether the server keeps what it is sent)")  # fmt: skip
    state.add_argument("--stateless", dest="stateful", action="store_false", help="skip the workflows")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def config_from_args(args: argparse.Namespace) -> ContractConfig:
    """The run the flags describe; a name the profile lacks raises (exit 2 on the command line)."""
    return ContractConfig(
        base_url=args.base_url, profile=args.profile, api_key_env=args.api_key_env, operations=args.operations,
        checks=args.checks, max_examples=args.max_examples, seed=args.seed, junit_xml=args.junit_xml,
        json=args.json, markdown=args.markdown, baseline=args.baseline, fail_on=Severity(args.fail_on),
        workers=args.workers, time_budget_seconds=args.time_budget, assistant_id=args.assistant_id,
        stateful=args.stateful, progress=not args.quiet,
    )  # fmt: skip


def run(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    from threadspec.contract import console  # the generators load only when running
    from threadspec.contract.baseline import BaselineError
    from threadspec.contract.runner import run as run_contract

    try:
        config = config_from_args(args)
    except ValueError as exc:  # an unknown check; an unknown operation is a SpecLookupError, also exit 2
        raise UsageError(str(exc)) from exc
    try:
        report = run_contract(config, interruptible=True)
    except BaselineError as exc:  # --baseline names a file that is not a report
        raise UsageError(str(exc)) from exc
    console.render(report, out)
    return report.exit_code
