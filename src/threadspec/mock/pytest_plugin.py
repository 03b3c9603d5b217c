"""The ``threadspec_mock`` fixture: a mock server for the test, in process and on a real port.

Installed with threadspec (a ``pytest11`` entry point), so a test only asks for it::

    def test_my_app(threadspec_mock):
        client = OpenAI(base_url=threadspec_mock.base_url, api_key=threadspec_mock.api_key)

``threadspec_mock.app`` is the ASGI app itself (for ``httpx.ASGITransport`` or Starlette's
``TestClient``), serving the same store as ``base_url``. A fresh mock per test by default; one for
the whole session with ``--threadspec-mock-scope=session`` or ``threadspec_mock_scope = session``
in the ini file. Override the ``threadspec_mock_config`` fixture, with ``scope=mock_scope``, to
serve another :class:`MockConfig` (a reply file, ``advance="per_poll"``, an API key, SQLite).

Only this module loads at pytest start-up; the server stack loads when a test first asks for the
fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, cast, get_args

import pytest

from threadspec._extras import needs

if TYPE_CHECKING:
    from threadspec.mock.app import MockApp
    from threadspec.mock.config import MockConfig

Scope = Literal["function", "session"]
SCOPES: tuple[Scope, ...] = get_args(Scope)
# any key does when the mock checks none; the SDK insists on one
ANY_KEY = "sk-threadspec-mock"


@dataclass(frozen=True, slots=True)
class ThreadspecMock:
    """A served mock: the ASGI ``app``, the ``base_url`` it answers on (``…/v1``), and its config."""

    app: MockApp
    base_url: str
    config: MockConfig

    @property
    def api_key(self) -> str:
        """The key clients should send: the mock's own when it checks one."""
        return self.config.api_key or ANY_KEY

    @property
    def headers(self) -> dict[str, str]:
        """What a raw HTTP client sends besides the body: the key and the beta header."""
        from threadspec.facts import BETA_HEADER, beta_value

        return {"Authorization": f"Bearer {self.api_key}", BETA_HEADER: beta_value() or ""}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("threadspec-mock", "threadspec mock server (the threadspec_mock fixture)")
    group.addoption(
        "--threadspec-mock-scope",
        choices=SCOPES,
        help="a fresh mock per test (function, the default) or one for the whole session",
    )
    parser.addini(
        "threadspec_mock_scope",
        "the threadspec_mock fixture's scope: function or session",
        default="function",
    )


def mock_scope(fixture_name: str, config: pytest.Config) -> Scope:
    """The scope of the ``threadspec_mock`` fixtures: the option, else the ini value (checked at start-up)."""
    return cast(Scope, config.getoption("threadspec_mock_scope") or config.getini("threadspec_mock_scope"))


def pytest_configure(config: pytest.Config) -> None:
    scope = mock_scope("threadspec_mock", config)
    if scope not in SCOPES:
        raise pytest.UsageError(f"threadspec_mock_scope must be one of {', '.join(SCOPES)}, not {scope!r}")


@pytest.fixture(scope=mock_scope)
def threadspec_mock_config() -> MockConfig:
    """The mock the ``threadspec_mock`` fixture serves: stateful, in memory, on a free port."""
    from threadspec.mock.config import MockConfig

    return MockConfig(port=0)


@pytest.fixture(scope=mock_scope)
def threadspec_mock(threadspec_mock_config: MockConfig) -> Iterator[ThreadspecMock]:
    """A mock served on a real port for the test (or the session); its app is at hand in process too."""
    with needs("mock", "the threadspec_mock fixture"):
        from threadspec import _serving
        from threadspec.mock.app import create_app

    config = threadspec_mock_config
    app = create_app(config)
    with _serving.in_thread(app, config.host, config.port, "threadspec-mock") as port:
        yield ThreadspecMock(app, replace(config, port=port).base_url, config)
