"""Counting, cutting and chunking text by words."""

from __future__ import annotations

import pytest

from threadspec.mock import tokens


@pytest.mark.parametrize(
    ("text", "count", "first_two"),
    [
        ("", 0, ""),
        ("   ", 0, ""),
        ("one", 1, "one"),
        (" one  two\nthree ", 3, " one  two"),
        ("a b c", 3, "a b"),
    ],
)
def test_count_and_truncate(text: str, count: int, first_two: str) -> None:
    assert tokens.count(text) == count
    assert tokens.truncate(text, 2) == first_two


@pytest.mark.parametrize(
    "text", ["", " ", "one", "Hello! How can I help you today? ", " ".join(map(str, range(100)))]
)
def test_chunks_join_back(text: str) -> None:
    pieces = tokens.chunks(text, most=16)
    assert "".join(pieces) == text
    assert len(pieces) <= 16
    assert all(piece for piece in pieces)


@pytest.mark.parametrize(
    ("text", "pieces"), [("", [""]), ("ab", ["a", "b"]), ('{"a": 1}', ['{"a', '": ', "1}"])]
)
def test_split_evenly(text: str, pieces: list[str]) -> None:
    assert tokens.split_evenly(text, 3) == pieces
