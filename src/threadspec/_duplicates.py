"""JSON objects that repeat a key: found cheaply, for the middleware to refuse and the report to name.

JSON leaves the meaning of ``{"role": "user", "role": "assistant"}`` open: our decoder keeps the
last value, others keep the first. The middleware replays the raw body to the app, so an app
reading it with a first-wins parser would act on a value that was never validated. Such bodies
are refused instead.

Outside strings, every ``:`` of JSON text separates a key from its value. The decoder keeps one
value per key, so re-encoding what it decoded drops the repeats: the body repeats a key exactly
when it has more of those colons than its re-encoding. Both counts run in C (msgspec, ``re``),
with no Python-level walk over the decoded value.

Most bodies take a shorter road: without a backslash no string holds a quote, and
when no key is followed by whitespace before its colon, every pair of the text ends a key with
``":``. Both texts then hold the same strings, so a ``":`` that opens a string (``": …"``) counts in
both alike, and a dropped repeat is the only way their counts of ``":`` can differ. Two substring
counts and one search replace two regex substitutions over the whole body.
"""

from __future__ import annotations

import json
import re
from typing import Any

import msgspec

# unrolled: a run of plain characters is one C-level scan, not one regex step per character
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_encoder = msgspec.json.Encoder()
# a key's closing quote, whitespace, its colon: the one spelling that leaves `":` out of the count
_SPACED_COLON = re.compile(rb'"[ \t\r\n]+:')


def _pairs(text: bytes) -> int:
    """How many key-value pairs valid JSON text holds."""
    return _STRING.sub(b"", text).count(b":")


def repeats_a_key(raw: bytes, value: Any) -> bool:
    """Whether valid JSON text ``raw``, which decoded to ``value``, repeats a key within one object."""
    if b":" not in raw:
        return False
    if b"\\" not in raw and _SPACED_COLON.search(raw) is None:
        return raw.count(b'":') != _encoder.encode(value).count(b'":')
    return _pairs(raw) != _pairs(_encoder.encode(value))


def first_repeated_key(raw: bytes) -> str | None:
    """The first key ``raw`` repeats within one object (for the error message), else None."""
    found: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen = set()
        for key, _ in items:
            if key in seen and not found:
                found.append(key)
            seen.add(key)
        return {}

    try:
        json.loads(raw, object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return None
    return found[0] if found else None
