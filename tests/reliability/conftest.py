"""The reliability suite: hostile input, fuzzing, schemathesis, concurrency, crash safety, security.

Every test has a CI size (part of ``make test``) and most a soak size, marked ``soak`` and run by
``make soak``. Set ``THREADSPEC_RELIABILITY_FIGURES=<file>`` to have each test append its figures
(requests sent, inputs tried, faults injected, data lost) to that file as JSON lines.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
