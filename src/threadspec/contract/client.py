"""The runner's HTTP client: bearer auth, the beta header, bounded 429 retries and a time budget.

Every call comes back as an :class:`Exchange` (never raises for HTTP or transport trouble), with the
API key scrubbed from everything recorded. Threads and assistants the server reports creating are
remembered so the runner can delete them at the end, whatever happened in between.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any
from urllib.parse import quote

import anyio
import httpx

from threadspec._contract import Contract, resolve_contract
from threadspec.contract.exchange import Exchange, Received, SentRequest
from threadspec.facts import BETA_HEADER
from threadspec.sse import parse_text

NO_BODY: Any = object()
_KEPT_HEADERS = frozenset({"retry-after", "retry-after-ms", "date", "location"})
Query = Mapping[str, Any]
Sleep = Callable[[float], Awaitable[None]]


class BudgetExhaustedError(Exception):
    """The run's time budget is spent; no further request is sent."""


class Budget:
    """A deadline for the whole run; ``None`` seconds means no limit."""

    def __init__(self, seconds: float | None) -> None:
        self._deadline = math.inf if seconds is None else time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self._deadline - time.monotonic())

    @property
    def exhausted(self) -> bool:
        return self.remaining() <= 0.0

    def stop(self) -> None:
        """Spend the budget now (the run was interrupted): every further request is refused."""
        self._deadline = -math.inf

    def check(self) -> None:
        if self.exhausted:
            raise BudgetExhaustedError("the time budget is spent")


def api_root(base_url: str) -> str:
    """The URL operation paths hang off: ``base_url`` as given (a server may mount the API anywhere)."""
    return base_url.rstrip("/")


def _retry_after(headers: httpx.Headers) -> float:
    """Seconds the server asks us to wait (``retry-after-ms`` first, as the OpenAI API sends both)."""
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            value = float(raw) * scale
        except ValueError:
            continue  # an HTTP date: rare enough that the default wait serves
        if math.isfinite(value):
            return max(0.0, value)
    return 1.0


def encode_body(body: Any) -> bytes:
    """JSON text of a request body; lone surrogates fall back to escapes so the bytes stay UTF-8."""
    try:
        return json.dumps(body, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(body, allow_nan=False).encode("ascii")


class ContractClient:
    """Calls the operations of a contract (default: v2) against one server, with its ``OpenAI-Beta`` header."""

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        *,
        contract: Contract | None = None,
        budget: Budget | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 30.0,
        retries: int = 4,
        max_retry_wait: float = 30.0,
        sleep: Sleep = anyio.sleep,
    ) -> None:
        self.root = api_root(base_url)
        self.contract = resolve_contract(contract)
        self.budget = budget or Budget(None)
        self.threads: dict[str, None] = {}  # created, not yet deleted; a dict keeps creation order
        self.assistants: dict[str, None] = {}
        self.key = api_key or None
        self.transport = transport
        self._timeout = timeout
        self._retries = retries
        self._max_retry_wait = max_retry_wait
        self._sleep = sleep
        self._http = httpx.AsyncClient(transport=transport, timeout=timeout, follow_redirects=False)

    async def aclose(self) -> None:
        await self._http.aclose()

    def redact(self, text: str) -> str:
        """``text`` with the API key (should a server echo it) replaced by a placeholder."""
        return text if self.key is None else text.replace(self.key, "<redacted>")

    def url(self, operation_id: str, path_params: Mapping[str, str] | None = None) -> str:
        path = self.contract.operation(operation_id).path
        for name, value in (path_params or {}).items():
            path = path.replace("{" + name + "}", quote(str(value), safe=""))
        return self.root + path

    async def call(
        self,
        operation_id: str,
        path_params: Mapping[str, str] | None = None,
        *,
        query: Query | None = None,
        body: Any = NO_BODY,
    ) -> Exchange:
        """Send one request to ``operation_id``, retrying 429s as the server asks, within the budget."""
        method = self.contract.operation(operation_id).method.upper()
        headers = {
            BETA_HEADER: self.contract.beta_value or "",
            "Accept": "application/json, text/event-stream",
        }
        content = None
        if body is not NO_BODY:
            content = encode_body(body)
            headers["Content-Type"] = "application/json"
        request = self._http.build_request(
            method, self.url(operation_id, path_params), params=_query_pairs(query), content=content
        )
        request.headers.update(headers)
        sent = SentRequest(method, self.redact(str(request.url)), tuple(headers.items()), content)
        if self.key is not None:
            request.headers["Authorization"] = f"Bearer {self.key}"
        path = _ordered(self.contract, operation_id, path_params)
        exchange = Exchange(operation_id, sent, path=path)
        for attempt in range(1, self._retries + 2):
            self.budget.check()
            exchange = replace(await self._send(operation_id, sent, request, attempt), path=path)
            if exchange.status != 429 or attempt > self._retries:
                break
            wait = min(self._retry_wait(exchange), self._max_retry_wait, self.budget.remaining())
            await self._sleep(wait)
        self._note_created(exchange)
        return exchange

    def _retry_wait(self, exchange: Exchange) -> float:
        headers = httpx.Headers(exchange.response.headers if exchange.response else ())
        return _retry_after(headers)

    async def _send(
        self, operation_id: str, sent: SentRequest, request: httpx.Request, attempt: int
    ) -> Exchange:
        limit = max(0.001, min(self._timeout, self.budget.remaining()))
        try:
            with anyio.fail_after(limit):
                response = await self._http.send(request, stream=True)
                try:
                    raw = await response.aread()
                finally:
                    await response.aclose()
        except TimeoutError:
            return Exchange(
                operation_id, sent, error=f"no complete response within {limit:.1f}s", attempts=attempt
            )
        except httpx.HTTPError as exc:
            return Exchange(
                operation_id, sent, error=self.redact(f"{type(exc).__name__}: {exc}"), attempts=attempt
            )
        received = Received(
            status=response.status_code,
            content_type=response.headers.get("content-type", ""),
            text=self.redact(raw.decode("utf-8", "replace")),
            headers=tuple((k, v) for k, v in response.headers.items() if k.lower() in _KEPT_HEADERS),
        )
        return Exchange(operation_id, sent, received, attempts=attempt)

    def _note_created(self, exchange: Exchange) -> None:
        response = exchange.response
        if response is None or not 200 <= response.status < 300:
            return
        if response.is_stream:
            for event in _safe_events(response.text):
                if event.event == "thread.created":
                    self._note(_as_dict(event.data))
            return
        self._note(response.json())

    def _note(self, value: Any) -> None:
        if not isinstance(value, dict):
            return
        kind, ident = value.get("object"), value.get("id")
        if kind == "thread" and isinstance(ident, str):
            self.threads[ident] = None
        elif kind == "thread.run" and isinstance(value.get("thread_id"), str):
            self.threads.setdefault(value["thread_id"], None)
        elif kind == "thread.deleted" and value.get("deleted") is True and isinstance(ident, str):
            self.threads.pop(ident, None)
        elif kind == "assistant" and isinstance(ident, str):
            self.assistants[ident] = None
        elif kind == "assistant.deleted" and value.get("deleted") is True and isinstance(ident, str):
            self.assistants.pop(ident, None)

    @contextmanager
    def cleaning_up(self, grace_seconds: float = 30.0) -> Iterator[None]:
        """Cleanup runs after the budget is spent and through cancellation: it gets its own deadline."""
        with anyio.move_on_after(grace_seconds, shield=True):
            self.budget = Budget(grace_seconds)
            yield

    async def delete_created(self, grace_seconds: float = 30.0) -> list[str]:
        """Delete every thread and assistant still remembered; return the ids that could not be deleted."""
        failed: list[str] = []
        with self.cleaning_up(grace_seconds):
            for made, operation, name in (
                (self.threads, "deleteThread", "thread_id"),
                (self.assistants, "deleteAssistant", "assistant_id"),
            ):
                for ident in list(made):
                    exchange = await self.call(operation, {name: ident})
                    if exchange.status in (200, 404):
                        made.pop(ident, None)
                    else:
                        failed.append(ident)
        left = [*self.threads, *self.assistants]
        return failed + [ident for ident in left if ident not in failed]


def _ordered(
    contract: Contract, operation_id: str, params: Mapping[str, str] | None
) -> tuple[tuple[str, str], ...]:
    given = params or {}
    names = [p.name for p in contract.operation(operation_id).parameters_in("path")]
    return tuple((name, str(given[name])) for name in names if name in given)


def _query_pairs(query: Query | None) -> list[tuple[str, str | int | float | bool | None]]:
    pairs: list[tuple[str, str | int | float | bool | None]] = []
    for name, value in (query or {}).items():
        values: Sequence[Any] = value if isinstance(value, list | tuple) else [value]
        for item in values:
            pairs.append((name, _query_text(item)))
    return pairs


def _query_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _safe_events(text: str) -> list[Any]:
    try:
        return list(parse_text(text))
    except ValueError:
        return []


def _as_dict(data: str) -> Any:
    try:
        return json.loads(data)
    except ValueError:
        return None
