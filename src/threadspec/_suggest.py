"""Did-you-mean: the known names closest to a misspelt one, for every "unknown name" message."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(name: str, known: Iterable[str], count: int = 3) -> list[str]:
    """Up to ``count`` known names close to ``name``, closest first (case is ignored when comparing)."""
    by_lower: dict[str, str] = {}
    for option in known:
        by_lower.setdefault(option.lower(), option)
    found = difflib.get_close_matches(name.lower(), list(by_lower), n=count, cutoff=0.6)
    return [by_lower[match] for match in found]


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """``"did you mean 'CreateRunRequest'?"``, or ``""`` when nothing known is close."""
    found = closest(name, known)
    if not found:
        return ""
    quoted = [repr(option) for option in found]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"did you mean {listed}?"


def unknown_name(kind: str, name: str, known: Iterable[str], hint: str) -> str:
    """The one wording of a name nobody knows: ``unknown schema 'Metdata': did you mean 'Metadata'? (hint)``."""
    suggestion = did_you_mean(name, known)
    if suggestion:
        return f"unknown {kind} {name!r}: {suggestion} ({hint})"
    return f"unknown {kind} {name!r} ({hint})"
