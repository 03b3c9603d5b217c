"""The optional parts of threadspec, the extra that installs each, and the one sentence a user without it gets.

The core install validates: ``threadspec`` itself, ``threadspec.models``, the ASGI middleware and
``threadspec validate | schemas | schema | diff``. The rest needs an extra (``pip install
'threadspec[mock]'``, or ``threadspec[all]`` for everything); :data:`EXTRAS` is the table of what each
one brings, and ``pyproject.toml`` lists the same packages under the same names.

- :func:`require` checks up front, without importing anything (a command calls it first);
- :func:`needs` wraps the imports of a part, so that ``from threadspec.mock import create_app`` in a
  core install raises :class:`~threadspec.errors.MissingExtraError` naming the extra instead of
  ``No module named 'uvicorn'``.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager

from threadspec.errors import MissingExtraError

# the top-level modules each extra installs that its part imports (pyproject.toml: the same extras)
EXTRAS: dict[str, tuple[str, ...]] = {
    "mock": ("uvicorn",),
    "proxy": ("httpx", "uvicorn"),
    "strategies": ("hypothesis",),
    "contract": ("httpx", "hypothesis", "rich"),
}


def missing(extra: str) -> list[str]:
    """The modules of ``extra`` that cannot be imported here."""
    return [module for module in EXTRAS[extra] if importlib.util.find_spec(module) is None]


def require(extra: str, what: str) -> None:
    """Raise :class:`MissingExtraError` (``{what} needs the {extra} extra: pip install …``) when any
    module of ``extra`` is missing."""
    if missing(extra):
        raise MissingExtraError(what, extra)


@contextmanager
def needs(extra: str, what: str) -> Iterator[None]:
    """Imports in the block that fail for a module of ``extra`` raise :class:`MissingExtraError` instead
    (from the original error); any other failure goes through unchanged."""
    try:
        yield
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] in EXTRAS[extra]:
            raise MissingExtraError(what, extra) from exc
        raise
