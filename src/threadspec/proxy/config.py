"""How a proxy is set up; the ``threadspec proxy`` flags map one to one onto these fields."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from threadspec._contract import Contract, contract_for, served_profiles
from threadspec.asgi import DEFAULT_MAX_BODY_BYTES

Mode = Literal["observe", "enforce"]


@dataclass(frozen=True, slots=True)
class ProxyConfig:
    """Everything a proxy needs to know; only ``upstream`` has no default.

    ``upstream``: the API root of the server behind the proxy (``http://staging:8000/v1``). A
    request to the proxy's ``/v1/threads`` goes to ``<upstream>/threads``.

    ``mode``: ``observe`` forwards every request and reports what breaks the contract;
    ``enforce`` refuses a request that breaks it in the API's error envelope, as
    :class:`~threadspec.asgi.ValidationMiddleware` does, and forwards the rest. Responses are
    checked and reported in both modes and always reach the client as the upstream sent them.

    ``log``: a file that gets one JSON line per violation (appended to, flushed line by line).

    ``timeout_seconds``: how long to wait for the upstream to connect, and then for each piece of
    its answer; past it, or when it cannot be reached, the client gets a 502.

    ``max_body_bytes``: request bodies are read and checked up to this size; a larger one is a
    violation (enforce: 413), forwarded unchecked in observe mode.

    ``max_checked_response_bytes``: JSON responses are kept for checking up to this size while they
    pass through; a larger one reaches the client unchecked and is counted as such. Event streams
    are checked frame by frame and have no such limit.

    ``prefix``: where the API's paths start on the proxy's side, as for the middleware.

    ``profiles``: the API versions the traffic is held to (``("v1",)`` for a legacy server); each
    request's ``OpenAI-Beta`` header chooses one, and a request that names none breaks the contract
    (``invalid_beta``). ``None`` (the default): every bundled profile, v2 first.
    """

    upstream: str
    host: str = "127.0.0.1"
    port: int = 4020
    mode: Mode = "observe"
    log: Path | str | None = None
    timeout_seconds: float = 60.0
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_checked_response_bytes: int = DEFAULT_MAX_BODY_BYTES
    prefix: str = "/v1"
    require_beta: bool = True
    profiles: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        parts = urlsplit(self.upstream)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(
                f"the upstream must be an http:// or https:// URL with a host, not {self.upstream!r}"
            )
        if parts.query or parts.fragment:
            raise ValueError(f"the upstream is an API root and takes no query or fragment: {self.upstream!r}")
        if self.mode not in ("observe", "enforce"):
            raise ValueError(f"mode must be 'observe' or 'enforce', not {self.mode!r}")
        if not 0 <= self.port <= 65535:
            raise ValueError(f"port must be between 0 and 65535, not {self.port}")
        if not (self.timeout_seconds > 0 and math.isfinite(self.timeout_seconds)):
            raise ValueError(f"timeout_seconds must be a positive number, not {self.timeout_seconds}")
        if self.max_body_bytes < 1 or self.max_checked_response_bytes < 1:
            raise ValueError("max_body_bytes and max_checked_response_bytes must be positive")
        served_profiles(self.profiles)

    def contracts(self) -> tuple[Contract, ...]:
        """The contracts of the profiles the traffic is held to; the first is the default."""
        return tuple(contract_for(p) for p in served_profiles(self.profiles))

    @property
    def base_url(self) -> str:
        """Where clients point their SDK: the proxy's own API root."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.prefix}"
