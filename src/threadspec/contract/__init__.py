"""Contract tests against a live server: ``threadspec contract --base-url URL`` and the pytest plugin.

``run(ContractConfig(base_url=...))`` performs, for each selected operation, the positive, boundary,
negative and (where the operation streams) streaming checks, then the workflows, deletes what it
created and returns a :class:`ContractReport`: its ``findings`` (every problem observed, grouped by
root cause, each with a :class:`Severity`), one result per check, scores, constraint coverage and
``exit_code`` for shells. ``ContractConfig(profile="v1")`` (``--profile v1``) holds a server of the
legacy API to the v1 contract: the run carries that contract throughout (its client sends v1's
header, every check and judge reads the contract of the run, never the default one).

The names load on first use: pytest imports the plugin submodule of this package at start-up, and
that must not pull in hypothesis' generators (hypothesis warns about work done before its plugin).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from threadspec._extras import needs

if TYPE_CHECKING:
    from threadspec.contract.config import CHECKS, ContractConfig
    from threadspec.contract.findings import Finding, Problem, Severity
    from threadspec.contract.report import CheckResult, ContractReport, Outcome
    from threadspec.contract.runner import run, run_async

_HOMES = {
    "CHECKS": "config",
    "ContractConfig": "config",
    "CheckResult": "report",
    "ContractReport": "report",
    "Finding": "findings",
    "Problem": "findings",
    "Severity": "findings",
    "Outcome": "report",
    "run": "runner",
    "run_async": "runner",
}

__all__ = [
    "CHECKS",
    "CheckResult",
    "ContractConfig",
    "ContractReport",
    "Finding",
    "Outcome",
    "Problem",
    "Severity",
    "run",
    "run_async",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with needs("contract", "threadspec.contract"):
        return getattr(import_module(f"threadspec.contract.{_HOMES[name]}"), name)
