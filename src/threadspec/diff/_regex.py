"""Whether one ``pattern`` accepts fewer strings than another, where that can be told soundly.

Two patterns of the same structure that differ only in counted repetitions (``{1,64}`` → ``{1,32}``) and
in plain character classes (``[A-Za-z0-9]`` → ``[a-z0-9]``) are compared part by part: regular expressions
are monotone in their parts, so when every differing part accepts less, the whole accepts less. Any other
edit is "changed": telling the inclusion of two arbitrary expressions apart needs an automaton library,
and the ones available either refuse ECMA-262 classes such as ``[a-z-]`` or take seconds per pair.
"""

from __future__ import annotations

import re

from threadspec._patterns import tokens
from threadspec.diff._model import Direction

_COUNTED = re.compile(r"\{(\d+)(,(\d*))?\}")
# the shorthand classes with one meaning in every engine threadspec runs (ECMA-262 \w and \d are ASCII)
_SHORTHANDS = {"d": "0-9", "w": "A-Za-z0-9_"}
_LARGEST_CLASS = 1 << 16  # code points: past this, a class is not expanded


def _tokens(pattern: str) -> list[str]:
    """The pattern's tokens (``threadspec._patterns.tokens``) with a counted repetition as one token."""
    out: list[str] = []
    position = skip_to = 0
    for token in tokens(pattern):
        if position >= skip_to:
            found = _COUNTED.match(pattern, position) if token == "{" else None
            if found is not None:
                skip_to = found.end()  # its digits and comma are single-character tokens
            out.append(found.group(0) if found is not None else token)
        position += len(token)
    return out


def _members(token: str) -> tuple[bool, frozenset[int]] | None:
    """A plain character class as (negated, code points); ``None`` for anything else."""
    if not (token.startswith("[") and token.endswith("]")) or len(token) < 3:
        return None
    negated = token[1] == "^"
    body = token[2 if negated else 1 : -1]
    items: list[tuple[str, bool]] = []  # (character, escaped)
    i = 0
    while i < len(body):
        if body[i] != "\\":
            items.append((body[i], False))
            i += 1
            continue
        letter = body[i + 1 : i + 2]
        if letter in _SHORTHANDS:
            items.extend(_members_of(_SHORTHANDS[letter]))
        elif not letter or letter.isalnum():  # \s, \u0041 ...: not expanded here
            return None
        else:
            items.append((letter, True))
        i += 2
    points: set[int] = set()
    i = 0
    while i < len(items):
        if i + 2 < len(items) and items[i + 1] == ("-", False):
            low, high = ord(items[i][0]), ord(items[i + 2][0])
            if high < low or high - low > _LARGEST_CLASS:
                return None
            points.update(range(low, high + 1))
            i += 3
        else:
            points.add(ord(items[i][0]))
            i += 1
    return negated, frozenset(points)


def _members_of(expanded: str) -> list[tuple[str, bool]]:
    return [(char, False) for char in expanded]


def _counts(token: str) -> tuple[int, float] | None:
    found = _COUNTED.fullmatch(token)
    if found is None:
        return None
    low = int(found.group(1))
    if found.group(2) is None:
        return low, low
    return low, float(found.group(3)) if found.group(3) else float("inf")


def _part(old: str, new: str) -> set[Direction] | None:
    """How one differing token compares: {"tightened"}, {"loosened"}, both, or ``None`` (cannot tell)."""
    old_range, new_range = _counts(old), _counts(new)
    if old_range is not None and new_range is not None:
        if old_range == new_range:
            return set()
        inside = old_range[0] <= new_range[0] and new_range[1] <= old_range[1]
        outside = new_range[0] <= old_range[0] and old_range[1] <= new_range[1]
        return {"tightened"} if inside else {"loosened"} if outside else {"changed"}
    old_class, new_class = _members(old), _members(new)
    if old_class is None or new_class is None or old_class[0] != new_class[0]:
        return None
    if new_class[1] == old_class[1]:
        return set()
    smaller, larger = new_class[1] < old_class[1], new_class[1] > old_class[1]
    if old_class[0]:  # negated: fewer excluded characters accept more
        smaller, larger = larger, smaller
    return {"tightened"} if smaller else {"loosened"} if larger else {"changed"}


def compare(old: str, new: str) -> Direction | None:
    """``tightened`` when ``new`` surely accepts no string ``old`` refuses, ``loosened`` the reverse,
    ``None`` when both accept the same strings, else ``changed``."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    if len(old_tokens) != len(new_tokens):
        return "changed"
    found: set[Direction] = set()
    for before, after in zip(old_tokens, new_tokens, strict=True):
        if before == after:
            continue
        part = _part(before, after)
        if part is None:
            return "changed"
        found |= part
    if len(found) <= 1:
        return found.pop() if found else None
    return "changed"
