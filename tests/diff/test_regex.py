"""When one pattern surely accepts fewer strings than another, and when that cannot be told."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadspec.diff._regex import compare

CASES = [
    ("^[a-zA-Z0-9_-]{1,64}$", "^[a-zA-Z0-9_-]{1,32}$", "tightened"),  # a counted repetition narrowed
    ("^[a-zA-Z0-9_-]{1,32}$", "^[a-zA-Z0-9_-]{1,64}$", "loosened"),
    ("^thread_[A-Za-z0-9]+$", "^thread_[a-z0-9]+$", "tightened"),  # a class narrowed
    ("^thread_[a-z0-9]+$", "^thread_[A-Za-z0-9]+$", "loosened"),
    ("^a{2,}$", "^a{3,}$", "tightened"),  # open-ended repetitions
    ("^a{3}$", "^a{2,4}$", "loosened"),  # exact counts
    ("^[^a-c]$", "^[^a]$", "loosened"),  # negated classes: fewer excluded characters accept more
    ("^[\\w]$", "^[A-Za-z0-9_]$", None),  # the same class written two ways
    ("^[a-z]{1,5}$", "^[a-zA-Z]{1,3}$", "changed"),  # one part wider, one narrower
    ("^x$", "^y$", "changed"),  # literals: not compared
    ("^[a-z]+$", "^[a-z]+\\d$", "changed"),  # a different structure
    ("^[\\s]$", "^[ ]$", "changed"),  # \s is not expanded
    ("^[a-z-]$", "^[a-z]$", "tightened"),  # a trailing - is a member, as ECMA-262 reads it
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_compare(old: str, new: str, expected: str | None) -> None:
    assert compare(old, new) == expected


@given(st.from_regex(r"thread_[a-z0-9]{1,10}", fullmatch=True))
def test_a_tightened_pattern_accepts_nothing_the_old_one_refused(text: str) -> None:
    old, new = "^thread_[A-Za-z0-9]{1,20}$", "^thread_[a-z0-9]{1,10}$"
    assert compare(old, new) == "tightened"
    assert re.search(new, text) and re.search(old, text)
