"""How a mock server is set up; the ``threadspec mock`` flags map one to one onto these fields."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal

from threadspec._contract import Contract, contract_for, served_profiles
from threadspec.asgi import DEFAULT_MAX_BODY_BYTES

Mode = Literal["stateful", "stateless"]
Advance = Literal["instant", "per_poll"]
# settings a stateless mock has no use for, by field: (its flag, why). A reply file does apply there:
# it scripts what streamed runs say.
_STATEFUL_ONLY = {
    "db": ("--db", "a stateless mock keeps nothing to store"),
    "advance": ("--advance per_poll", "a stateless mock keeps no run to move on poll by poll"),
    "strict_assistants": ("--strict-assistants", "a stateless mock answers every id as if it existed"),
}
# settings that hold in one process only, by field: (its flag, why several workers cannot keep them)
_ONE_PROCESS = {
    "seed": (
        "--seed",
        "each worker would draw the same ids, and which worker answers is the system's choice",
    ),
    "rate_limit_per_second": ("--rate-limit", "each worker would count a client's requests on its own"),
}


@dataclass(frozen=True, slots=True)
class MockConfig:
    """Everything a mock server needs to know; the defaults serve ``http://127.0.0.1:4010/v1``.

    ``mode``: ``stateful`` keeps assistants, threads, messages, runs and steps and follows the API's rules;
    ``stateless`` answers every valid request with a made-up, schema-valid object of the right
    kind, echoing the request.

    ``db``: a SQLite file that keeps everything across restarts; ``None`` keeps it in memory.

    ``seed``: makes ids and timestamps reproducible — ids are derived from the seed and a counter,
    and the clock starts at 2025-01-01T00:00:00Z and ticks one second per object created.

    ``reply_file``: a JSON file of scripted assistant replies (see :mod:`threadspec.mock.script`);
    without one the assistant echoes the last user message.

    ``advance``: ``instant`` settles a run as soon as it is created (the create response still
    shows it ``queued``, as the API does); ``per_poll`` moves it one status further on each
    retrieval of the run. Streams always follow the run to its end.

    ``clock``: Unix time in seconds; for tests that need to move time (run expiry).

    ``rate_limit_per_second``: requests a second one client address may make (bursts of one
    second's worth); more are answered 429 with ``Retry-After``. ``None`` (the default): no limit.

    ``strict_assistants``: an assistant id nobody created is answered 404 (``No assistant found
    with id 'asst_x'.``), as the API did; by default it stands for an implicit assistant with the
    default settings, so tests written with placeholder ids work.

    ``workers``: processes answering requests on the one port, each with its own app (uvicorn is one
    process); above 1, stateless only — a stateful mock keeps its objects in one process — and on systems
    with ``fork``. Several workers serve more requests a second where cores are free (``bench/README.md``).

    ``profiles``: the API versions served (``("v2", "v1")``); each request's ``OpenAI-Beta`` header
    chooses one, and a request that names none is refused ``invalid_beta``. ``None`` (the default)
    serves every bundled profile, v2 first. Objects are served only to requests of the profile they
    were created under.
    """

    host: str = "127.0.0.1"
    port: int = 4010
    mode: Mode = "stateful"
    db: Path | str | None = None
    api_key: str | None = None
    seed: int | None = None
    validate_responses: bool = False
    reply_file: Path | str | None = None
    advance: Advance = "instant"
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    run_expiry_seconds: int = 600
    poll_after_ms: int = 100
    require_beta: bool = True
    clock: Callable[[], float] | None = None
    rate_limit_per_second: float | None = None
    strict_assistants: bool = False
    profiles: tuple[str, ...] | None = None
    workers: int = 1

    def __post_init__(self) -> None:
        if self.mode not in ("stateful", "stateless"):
            raise ValueError(f"mode must be 'stateful' or 'stateless', not {self.mode!r}")
        if self.advance not in ("instant", "per_poll"):
            raise ValueError(f"advance must be 'instant' or 'per_poll', not {self.advance!r}")
        if not 0 <= self.port <= 65535:
            raise ValueError(f"port must be between 0 and 65535, not {self.port}")
        if self.max_body_bytes < 1 or self.run_expiry_seconds < 1 or self.poll_after_ms < 0:
            raise ValueError(
                "max_body_bytes and run_expiry_seconds must be positive, poll_after_ms not negative"
            )
        rate = self.rate_limit_per_second
        if rate is not None and not 0 < rate < float("inf"):
            raise ValueError(f"rate_limit_per_second must be a positive number, not {rate}")
        served_profiles(self.profiles)
        self._check_workers()
        if self.mode == "stateless":
            defaults = {f.name: f.default for f in fields(self)}
            for name, (flag, reason) in _STATEFUL_ONLY.items():
                if getattr(self, name) != defaults[name]:
                    raise ValueError(f"{flag} ({name}) cannot apply with --mode stateless: {reason}.")

    def _check_workers(self) -> None:
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
        if self.workers == 1:
            return
        if self.mode != "stateless":
            raise ValueError(
                f"--workers {self.workers} needs --mode stateless: a stateful mock keeps its objects in one process."
            )
        if not hasattr(os, "fork"):
            raise ValueError(f"--workers {self.workers} needs a system with fork; this one has none.")
        for name, (flag, reason) in _ONE_PROCESS.items():
            if getattr(self, name) is not None:
                raise ValueError(f"{flag} ({name}) cannot apply with --workers {self.workers}: {reason}.")

    def contracts(self) -> tuple[Contract, ...]:
        """The contracts of the served profiles; the first is the default."""
        return tuple(contract_for(p) for p in served_profiles(self.profiles))

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/v1"
