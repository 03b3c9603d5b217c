"""Token counting the mock's way: a token is a whitespace-separated word.

Usage numbers, ``max_prompt_tokens`` and ``max_completion_tokens`` all count words, which is
easy to predict in a test: a reply of 300 words is 300 completion tokens.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\s*\S+")


def count(text: str) -> int:
    return len(text.split())


def truncate(text: str, limit: int) -> str:
    """The first ``limit`` words of ``text``, with the whitespace between them."""
    return "".join(_WORD.findall(text)[:limit])


def chunks(text: str, most: int = 16) -> list[str]:
    """``text`` cut between words into at most ``most`` pieces that join back to it exactly."""
    words = _WORD.findall(text)
    if not words:
        return [text] if text else []
    words[-1] += text[len("".join(words)) :]  # trailing whitespace stays with the last word
    size = -(-len(words) // most)
    return ["".join(words[i : i + size]) for i in range(0, len(words), size)]


def split_evenly(text: str, pieces: int) -> list[str]:
    """``text`` cut into ``pieces`` runs of characters (fewer if it is shorter), for argument deltas."""
    if not text:
        return [""]
    size = -(-len(text) // pieces)
    return [text[i : i + size] for i in range(0, len(text), size)]
