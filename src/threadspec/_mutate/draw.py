"""Choices drawn by hypothesis, so that the cases the builders make shrink."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from threadspec._mutate.source import WIDE, T
from threadspec._patterns import to_python_pattern


class DrawSource:
    """Choices drawn by hypothesis, so failures shrink."""

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self.draw = draw

    def choice(self, options: Sequence[T]) -> T:
        value: T = self.draw(st.sampled_from(options))
        return value

    def integer(self, low: int, high: int) -> int:
        value: int = self.draw(st.integers(low, high))
        return value

    def text(self, size: int) -> str:
        if size == 0:
            return ""
        # A short drawn unit, repeated: cheap for 256,000 characters, and it shrinks to plain ASCII.
        unit: str = self.draw(
            st.text(st.sampled_from(WIDE) | st.characters(codec="utf-8"), min_size=1, max_size=6)
        )
        return (unit * (size // len(unit) + 1))[:size]

    def matching(self, pattern: str, examples: Sequence[Any] = ()) -> str:
        value: str = self.draw(st.from_regex(to_python_pattern(pattern), fullmatch=True))
        return value
