"""Object ids in the API's form (``thread_…``, ``msg_…``, ``run_…``, ``step_…``, ``call_…``) and the clock."""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_LENGTH = 24
# 2025-01-01T00:00:00Z: where the clock of a seeded mock starts.
SEEDED_EPOCH = 1_735_689_600


# two digits per division, least significant first: half the big-number arithmetic, the same ids
_PAIRS = [_ALPHABET[i % 62] + _ALPHABET[i // 62] for i in range(62 * 62)]


def _base62(data: bytes, length: int = _LENGTH) -> str:
    number = int.from_bytes(data, "big")
    out = []
    for _ in range(length // 2):
        number, pair = divmod(number, 62 * 62)
        out.append(_PAIRS[pair])
    if length % 2:
        out.append(_ALPHABET[number % 62])
    return "".join(out)


# Random ids straight from random bytes: a byte below 248 (4 × 62) picks a digit uniformly by its
# remainder, the rest are dropped. 32 bytes leave fewer than 24 in about one draw in ten million.
_DIGIT_OF_BYTE = bytes(ord(_ALPHABET[b % 62]) for b in range(248)) + bytes(8)
_UNEVEN = bytes(range(248, 256))


def _random_digits(length: int = _LENGTH) -> str:
    digits = b""
    while len(digits) < length:
        digits += secrets.token_bytes(length + 8).translate(_DIGIT_OF_BYTE, _UNEVEN)
    return digits[:length].decode("ascii")


class IdMaker:
    """Random ids, or, with a seed, ids derived from the seed, the kind and a counter.

    The counter is the store's object sequence, which a SQLite store keeps across restarts, so a
    seeded mock reopened on its database never hands out an id twice.
    """

    def __init__(self, seed: int | None) -> None:
        self.seed = seed

    def make(self, prefix: str, seq: int) -> str:
        if self.seed is None:
            return f"{prefix}_{_random_digits()}"
        digest = hashlib.blake2b(f"{self.seed}:{prefix}:{seq}".encode(), digest_size=18).digest()
        return f"{prefix}_{_base62(digest)}"


def make_clock(given: Callable[[], float] | None, seeded: bool, seq: Callable[[], int]) -> Callable[[], int]:
    """Unix seconds: the given clock, a logical one for seeded mocks (one tick per object), or real time."""
    if given is not None:
        return lambda: int(given())
    if seeded:
        return lambda: SEEDED_EPOCH + seq()
    return lambda: int(time.time())
