"""Counts in words: singular for one, plural otherwise."""

from __future__ import annotations

import pytest

from threadspec._counting import counted


@pytest.mark.parametrize(
    ("number", "noun", "plural", "expected"),
    [
        (0, "violation", None, "0 violations"),
        (1, "violation", None, "1 violation"),
        (2, "violation", None, "2 violations"),
        (1, "required property", "required properties", "1 required property"),
        (3, "required property", "required properties", "3 required properties"),
        (1, "request that breaks", "requests that break", "1 request that breaks"),
    ],
)
def test_one_is_singular_and_everything_else_plural(
    number: int, noun: str, plural: str | None, expected: str
) -> None:
    assert counted(number, noun, plural) == expected
