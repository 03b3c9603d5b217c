"""Regular expressions with the semantics JSON Schema assumes (ECMA-262), run by Python's ``re``."""

from __future__ import annotations

import re
from functools import cache


def tokens(pattern: str) -> list[str]:
    """An escape (``\\d``) or a whole character class (``[^a-z\\]]``) as one token each; else one character."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        end = i + 1
        if pattern[i] == "\\":
            end = i + 2
        elif pattern[i] == "[":
            end += pattern[end : end + 1] == "^"
            end += pattern[end : end + 1] == "]"  # a leading ] is a member, as Python reads it
            while end < len(pattern) and pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            end += 1
        out.append(pattern[i:end])
        i = end
    return out


def to_python_pattern(pattern: str) -> str:
    """Rewrite ``$`` as ``\\Z``: in ECMA-262 it matches only at the very end, in Python also before a final newline."""
    return "".join(r"\Z" if token == "$" else token for token in tokens(pattern))


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(to_python_pattern(pattern))
