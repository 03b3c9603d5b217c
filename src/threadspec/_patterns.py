"""Regular expressions with the semantics JSON Schema assumes (ECMA-262), run by Python's ``re``."""

from __future__ import annotations

import re
from functools import cache


def to_python_pattern(pattern: str) -> str:
    """Rewrite ``$`` as ``\\Z``: in ECMA-262 it matches only at the very end, in Python also before a final newline."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"
        out.append(char)
        i += 1
    return "".join(out)


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(to_python_pattern(pattern))
