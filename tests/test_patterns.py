"""ECMA-262 patterns run by Python's ``re``: the tokens both the validator and the diff read."""

from __future__ import annotations

import pytest

from threadspec._patterns import compiled, to_python_pattern, tokens

TOKENS = [
    (r"^thread_[A-Za-z0-9]+$", ["^", *"thread_", "[A-Za-z0-9]", "+", "$"]),
    (r"\$[$]$", [r"\$", "[$]", "$"]),  # an escaped $ and a $ in a class are not the end
    (r"[^\]x]\d", [r"[^\]x]", r"\d"]),  # an escaped ] does not close the class
    (r"[]a]", ["[]a]"]),  # a leading ] is a member
    ("", []),
]


@pytest.mark.parametrize(("pattern", "expected"), TOKENS)
def test_tokens(pattern: str, expected: list[str]) -> None:
    assert tokens(pattern) == expected
    assert "".join(tokens(pattern)) == pattern


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [(r"^a$", r"^a\Z"), (r"^[$]\$$", r"^[$]\$\Z"), (r"^a[b$]", r"^a[b$]")],
)
def test_only_an_unescaped_dollar_outside_a_class_becomes_the_very_end(pattern: str, expected: str) -> None:
    assert to_python_pattern(pattern) == expected


def test_a_final_newline_is_not_the_end_as_in_ecma_262() -> None:
    assert compiled(r"^thread_[a-z]+$").match("thread_abc") is not None
    assert compiled(r"^thread_[a-z]+$").match("thread_abc\n") is None
