"""What a contract run is told: a plain value, checked when it is made."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from threadspec._contract import DEFAULT_PROFILE, Contract, contract_for
from threadspec._suggest import unknown_name
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
        for check in self.checks or ():
            if check not in CHECKS:
                raise ValueError(unknown_name("check", check, CHECKS, f"choose from {', '.join(CHECKS)}"))
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
