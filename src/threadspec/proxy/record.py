"""What the proxy saw: one JSON line per violation, and the counts the summary is made of.

A line of the log (``--log violations.jsonl``)::

    {"timestamp": "2026-09-01T12:00:00.123Z", "method": "POST", "path": "/v1/threads",
     "operation": "createThread", "direction": "request", "status": 200, "refused": false,
     "request_id": "req_123", "event": null, "location": "body", "pointer": "/metadata",
     "param": "metadata", "rule": "maxProperties", "limit": 16, "value": "{…}",
     "message": "Invalid 'metadata': too many properties. …", "code": "object_above_max_properties"}

``status`` is what the client got: the upstream's status, or the proxy's own (400, 404, 413 when
enforce mode refused; 502 when the upstream could not answer). ``refused`` says the request never
reached the upstream. ``event`` names the stream event a response violation is in.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Literal

from threadspec.result import Violation

logger = logging.getLogger("threadspec.proxy")
Direction = Literal["request", "response"]


@dataclass(slots=True)
class Exchange:
    """One request through the proxy, as the log and the summary see it."""

    method: str
    path: str
    operation: str | None
    request_id: str | None = None
    status: int | None = None
    refused: bool = False
    invalid_request: bool = False
    invalid_response: bool = False
    upstream_failed: bool = False
    unchecked: bool = False  # a body too large to check passed through


@dataclass(slots=True)
class Tally:
    """The counts of one operation (``None``: requests that matched no operation)."""

    requests: int = 0
    invalid_requests: int = 0
    accepted_invalid: int = 0  # invalid requests the upstream answered with a 2xx
    invalid_responses: int = 0
    refused: int = 0
    upstream_failures: int = 0
    unchecked: int = 0


RuleKey = tuple[str | None, Direction, str, str]  # operation, direction, rule, where


def _where(violation: Violation) -> str:
    """Where a violation is, as the summary groups them: the API's param form, else the pointer, else the part."""
    return violation.param or violation.pointer or violation.location


@dataclass(slots=True)
class Recorder:
    """Writes the log and keeps the counts; one per proxy app."""

    upstream: str
    mode: str
    log_path: Path | None = None
    operations: tuple[str, ...] = ()  # every operation the proxy's contracts know, in spec order
    started: float = field(default_factory=time.monotonic, init=False)
    tallies: dict[str | None, Tally] = field(default_factory=dict, init=False)
    rules: Counter[RuleKey] = field(default_factory=Counter, init=False)
    examples: dict[RuleKey, str] = field(default_factory=dict, init=False)  # each rule's first message
    lines: int = field(default=0, init=False)
    _file: IO[str] | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.log_path is not None:
            # appended to: a proxy restarted in staging keeps one log; one line at a time reaches the disk
            self._file = Path(self.log_path).open("a", encoding="utf-8", buffering=1)  # noqa: SIM115 (closed by close())

    def report(
        self, exchange: Exchange, direction: Direction, violations: list[Violation], event: str | None = None
    ) -> None:
        """Log ``violations`` of one exchange, in the order found."""
        if not violations:
            return
        if direction == "request":
            exchange.invalid_request = True
        else:
            exchange.invalid_response = True
        stamp = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        with self._lock:
            for violation in violations:
                key = (
                    exchange.operation,
                    direction,
                    violation.rule,
                    violation.param or violation.pointer or "",
                )
                self.rules[key] += 1
                self.examples.setdefault(key, violation.message)
                if self._file is not None:
                    record = {
                        "timestamp": stamp, "method": exchange.method, "path": exchange.path,
                        "operation": exchange.operation, "direction": direction, "status": exchange.status,
                        "refused": exchange.refused, "request_id": exchange.request_id, "event": event,
                        **violation.to_dict(),
                    }  # fmt: skip
                    self._file.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                    self.lines += 1
        first = violations[0]
        logger.warning(
            "%s %s (%s) → %s: the %s breaks the contract at %s: %s%s",
            exchange.method, exchange.path, exchange.operation or "no operation", exchange.status,
            direction, _where(first), first.message,
            f" (and {len(violations) - 1} more)" if len(violations) > 1 else "",
        )  # fmt: skip

    def finish(self, exchange: Exchange) -> None:
        """Count a finished exchange."""
        with self._lock:
            tally = self.tallies.setdefault(exchange.operation, Tally())
            tally.requests += 1
            tally.invalid_requests += exchange.invalid_request
            ok = exchange.status is not None and 200 <= exchange.status < 300
            tally.accepted_invalid += exchange.invalid_request and not exchange.refused and ok
            tally.invalid_responses += exchange.invalid_response
            tally.refused += exchange.refused
            tally.upstream_failures += exchange.upstream_failed
            tally.unchecked += exchange.unchecked

    @property
    def violations(self) -> int:
        return sum(self.rules.values())

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
