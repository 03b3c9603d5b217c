"""What a contract run is told, and the command-line options that say it."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from threadspec._contract import DEFAULT_PROFILE, Contract, contract_for, profiles
from threadspec.contract.findings import Severity

if TYPE_CHECKING:
    import httpx  # the contract extra: the CLI builds these options in a core install too

CHECKS = ("positive", "boundary", "negative", "streaming", "workflow")
# What runs name when no assistant was given and the server offers no POST /assistants to make one.
DEFAULT_ASSISTANT = "asst_threadspec"


@dataclass(frozen=True, slots=True)
class ContractConfig:
    """One contract run; only ``base_url`` is required.

    ``operations`` and ``checks`` narrow the run (``None``: all). ``stateful`` says whether the server
    keeps what it is sent; ``None`` finds out (an object it created can be retrieved by its id, one it
    never created cannot), and workflows are skipped against a server that does not (such as the
    stateless mock). ``fail_on`` is the least severe finding that fails the run. ``assistant_id``
    names the assistant runs are created with; ``None`` makes one for the run with ``POST /assistants``
    (deleted afterwards), or names :data:`DEFAULT_ASSISTANT` on a server without that route.
    ``transport`` lets tests run in-process (an ``httpx.ASGITransport`` around an app) without sockets.
    ``profile`` is the bundled contract the server is held to (``"v1"`` for a server of the legacy API):
    its operations are checked, its ``OpenAI-Beta`` header sent, its shapes and limits expected.
    """

    base_url: str
    api_key_env: str = "OPENAI_API_KEY"
    operations: tuple[str, ...] | None = None
    checks: tuple[str, ...] | None = None
    max_examples: int = 10
    seed: int | None = None
    junit_xml: str | None = None
    json: str | None = None
    markdown: str | None = None
    baseline: str | None = None
    fail_on: Severity = Severity.ERROR
    workers: int = 1
    time_budget_seconds: float | None = 600.0
    assistant_id: str | None = None
    stateful: bool | None = None
    poll_timeout_seconds: float = 60.0
    request_timeout_seconds: float = 30.0
    progress: bool = True
    transport: httpx.AsyncBaseTransport | None = None
    profile: str = DEFAULT_PROFILE

    def __post_init__(self) -> None:
        check_base_url(self.base_url)
        contract = self.contract  # an unknown profile raises UnknownProfileError, which the CLI reports
        for op in self.operations or ():
            contract.operation(op)  # an unknown id raises UnknownOperationError, which the CLI reports
        unknown = set(self.checks or ()) - set(CHECKS)
        if unknown:
            raise ValueError(f"unknown checks {sorted(unknown)}; choose from {list(CHECKS)}")
        if self.max_examples < 1 or self.workers < 1:
            raise ValueError("max_examples and workers must be at least 1")
        if self.transport is not None and not _is_async_transport(self.transport):
            raise TypeError(
                "transport must be an httpx async transport, such as httpx.ASGITransport(app=...)"
            )

    @property
    def contract(self) -> Contract:
        """The contract of :attr:`profile`."""
        return contract_for(self.profile)

    def selected_operations(self) -> tuple[str, ...]:
        known = self.contract.operations()
        chosen = set(self.operations or known)
        return tuple(op for op in known if op in chosen)

    def selected_checks(self) -> tuple[str, ...]:
        return tuple(c for c in CHECKS if self.checks is None or c in self.checks)


def _is_async_transport(transport: object) -> bool:
    import httpx  # there is a transport: whoever made it has httpx

    return isinstance(transport, httpx.AsyncBaseTransport)


def check_base_url(url: str) -> str:
    """Refuse a base URL no request could go to, before a run sends anything."""
    try:
        parsed = urlsplit(url)
        parsed.port  # noqa: B018  (a port that is not a number raises here)
    except (ValueError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a URL: {url!r} ({exc})") from None
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ValueError(f"expected an http:// or https:// URL with a host, got {url!r}")
    return url


def _base_url(text: str) -> str:
    try:
        return check_base_url(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _csv(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _operation_ids(text: str) -> tuple[str, ...]:
    """Ids some profile has; whether the chosen one has them is the config's to say (``--profile`` may come later)."""
    chosen = _csv(text)
    known = {op for profile in profiles() for op in contract_for(profile).operations()}
    unknown = [op for op in chosen if op not in known]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown operations {unknown}; see the operationIds in spec/openapi.yaml (v1: spec/openapi.v1.yaml)"
        )
    return chosen


def _check_names(text: str) -> tuple[str, ...]:
    chosen = _csv(text)
    if not set(chosen) <= set(CHECKS):
        raise argparse.ArgumentTypeError(f"choose from {', '.join(CHECKS)}")
    return chosen


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``threadspec contract`` options."""
    parser.add_argument(
        "--base-url",
        required=True,
        type=_base_url,
        metavar="URL",
        help="the API root, taken as given: http://127.0.0.1:4010/v1, or http://127.0.0.1:4010 for a "
        "server that mounts the API at the root",
    )
    add_profile_argument(parser)
    parser.add_argument(
        "--api-key-env",
        default="OPENAI_API_KEY",
        metavar="NAME",
        help="environment variable that holds the API key",
    )
    parser.add_argument(
        "--operations",
        type=_operation_ids,
        metavar="IDS",
        help="comma-separated operationIds to check (default: all of the profile's)",
    )
    parser.add_argument(
        "--checks", type=_check_names, metavar="NAMES", help=f"comma-separated subset of {', '.join(CHECKS)}"
    )
    parser.add_argument(
        "--max-examples", type=_positive, default=10, metavar="N", help="generated requests per case"
    )
    parser.add_argument(
        "--seed", type=int, metavar="N", help="seed for generation (printed when chosen at random)"
    )
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default=Severity.ERROR.value,
        help="the least severe finding that fails the run (exit 1); default error",
    )
    parser.add_argument(
        "--junit-xml", metavar="PATH", help="write a JUnit XML report (a testcase per finding and per check)"
    )
    parser.add_argument("--json", metavar="PATH", help="write a JSON report (findings and checks)")
    parser.add_argument("--markdown", metavar="PATH", help="write the scorecard as Markdown")
    parser.add_argument(
        "--baseline", metavar="PATH", help="a previous --json report: print what was fixed and what regressed"
    )
    parser.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="checks run at the same time"
    )
    parser.add_argument(
        "--time-budget",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="stop sending requests after this long",
    )
    parser.add_argument(
        "--assistant-id",
        metavar="ID",
        help="an existing assistant that runs are created with (default: one made for the run with "
        f"POST /assistants and deleted after it, or {DEFAULT_ASSISTANT} when the server has no such route)",
    )
    state = parser.add_mutually_exclusive_group()
    state.add_argument(
        "--stateful", dest="stateful", action="store_true", default=None, help="insist on workflows"
    )
    state.add_argument("--stateless", dest="stateful", action="store_false", help="skip the workflows")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def add_profile_argument(parser: argparse.ArgumentParser) -> None:
    """``--profile``: the API version the server is held to."""
    parser.add_argument(
        "--profile",
        choices=profiles(),
        default=DEFAULT_PROFILE,
        help=f"the API version the server speaks: its operations, OpenAI-Beta header, shapes and limits "
        f"(default {DEFAULT_PROFILE})",
    )


def config_from_args(args: argparse.Namespace) -> ContractConfig:
    return ContractConfig(
        base_url=args.base_url,
        profile=args.profile,
        api_key_env=args.api_key_env,
        operations=args.operations or None,
        checks=args.checks or None,
        max_examples=args.max_examples,
        seed=args.seed,
        junit_xml=args.junit_xml,
        json=args.json,
        markdown=args.markdown,
        baseline=args.baseline,
        fail_on=Severity(args.fail_on),
        workers=args.workers,
        time_budget_seconds=args.time_budget,
        assistant_id=args.assistant_id,
        stateful=args.stateful,
        progress=not args.quiet,
    )
