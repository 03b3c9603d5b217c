"""Where the payload builders' choices come from: a deterministic source, and the protocol a drawing one follows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from threadspec._patterns import compiled

T = TypeVar("T")
ABSENT: Any = object()  # a property or item that is not there (yet)
# Characters for boundary strings: lengths count code points, so multibyte and astral ones must be in play.
WIDE = ("a", "é", "中", "😀", "𝔸")


class Unbuildable(Exception):
    """No value at (or past) this constraint's limit can be built; the coverage meta-test reports it."""


class Source(Protocol):
    """Where the builders' choices come from."""

    def choice(self, options: Sequence[T]) -> T: ...
    def integer(self, low: int, high: int) -> int: ...
    def text(self, size: int) -> str: ...
    def matching(self, pattern: str, examples: Sequence[Any] = ()) -> str: ...


class FirstSource:
    """Deterministic choices: the first option, the low end, a fixed mix of wide characters."""

    def choice(self, options: Sequence[T]) -> T:
        return options[0]

    def integer(self, low: int, high: int) -> int:
        return low

    def text(self, size: int) -> str:
        return "".join(WIDE[i % len(WIDE)] for i in range(size))

    def matching(self, pattern: str, examples: Sequence[Any] = ()) -> str:
        regex = compiled(pattern)
        for candidate in (*examples, *_SEEDS):
            if isinstance(candidate, str) and regex.search(candidate):
                return candidate
        raise Unbuildable(f"no example or built-in string matches {pattern!r}: add `examples` to the spec")


# Strings tried against a pattern that has no `examples`; the spec gives examples where these fail.
_SEEDS = ("a", "a1", "abc123", "0", "a_b-c")
