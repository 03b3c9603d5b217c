"""What the middleware hands the app about a request that passed, in ``scope["state"]``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from threadspec import spec
from threadspec._contract import Contract, resolve_contract
from threadspec.asgi.types import Scope

STATE_KEY = "threadspec"


@dataclass(frozen=True, slots=True)
class MatchedRequest:
    """What the middleware learnt about a request that passed; found in ``scope["state"]["threadspec"]``.

    ``contract`` is the one it was held to: with several (``ValidationMiddleware(contracts=...)``), the
    one whose version its ``OpenAI-Beta`` header named; ``profile`` names it (``"v1"``).
    """

    operation: spec.Operation
    path_params: Mapping[str, str]
    query: Mapping[str, list[str]] = field(default_factory=dict)
    body: Any = None  # the decoded JSON body; None when the request had none
    raw_body: bytes = b""
    contract: Contract = field(default_factory=lambda: resolve_contract(None))

    @property
    def profile(self) -> str | None:
        """The bundled profile the request was held to (``"v2"``, ``"v1"``); ``None`` for a loaded spec."""
        return self.contract.profile

    @property
    def operation_id(self) -> str:
        return self.operation.operation_id

    def query_value(self, name: str) -> str | None:
        """The last value a query parameter was given, as the validator reads it."""
        values = self.query.get(name)
        return values[-1] if values else None


def matched_request(scope: Scope) -> MatchedRequest:
    """The :class:`MatchedRequest` the middleware stored in ``scope``; ``LookupError`` without one."""
    found = scope.get("state", {}).get(STATE_KEY)
    if not isinstance(found, MatchedRequest):
        raise LookupError("no threadspec ValidationMiddleware in front of this app")
    return found
