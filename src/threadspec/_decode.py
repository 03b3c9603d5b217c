"""Turning what callers pass (bytes, text or decoded values) into JSON values, safely."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from threadspec.errors import MalformedPayloadError
from threadspec.result import Violation

# Nesting deeper than this is refused before any recursive code sees it.
MAX_DEPTH = 512
# JSON text this short cannot nest deeper: each level takes an opening and a closing bracket
SHALLOW_BYTES = 2 * MAX_DEPTH + 1

# "unrolled loop" form: a run of plain characters, then an escape and another run; about 5x faster than
# an alternation tried character by character
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = bytes.maketrans(b"[{]}", b"(())")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_NOT_OPENERS = bytes(b for b in range(256) if b not in b"[{")
_untyped = msgspec.json.Decoder()

JSON_BODY_ERROR = (
    "We could not parse the JSON body of your request. The API expects a JSON payload, "
    "but what was sent was not valid JSON."
)

Raw = bytes | bytearray | memoryview | str


def is_raw(body: object) -> bool:
    return isinstance(body, bytes | bytearray | memoryview | str)


def as_bytes(body: Raw) -> bytes:
    return body.encode("utf-8", "surrogatepass") if isinstance(body, str) else bytes(body)


def openers(raw: bytes) -> int:
    """How many ``[`` and ``{`` the text holds, strings included: one pass in C, a third of two counts."""
    return len(raw.translate(None, _NOT_OPENERS))


def _outside_strings(raw: bytes) -> bytes:
    """The text with every string cut out.

    Without a backslash no string holds a quote, so quotes pair up one after another: every other
    piece between quotes is outside, cut in C four times faster than by the regex. With an odd count
    the last quote opens no string the regex would cut, so such text takes the regex as well.
    """
    if b"\\" not in raw and raw.count(b'"') % 2 == 0:
        return b"".join(raw.split(b'"')[::2])
    return _STRING.sub(b"", raw)


def depth_exceeds(raw: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON text nests deeper than ``limit``, without recursion.

    Cheap when it cannot: fewer brackets than the limit settle it. Otherwise strings are cut out
    and innermost bracket pairs are peeled off one level per pass, in C.
    """
    if len(raw) <= 2 * limit + 1 or openers(raw) <= limit:
        return False
    skeleton = _outside_strings(raw).translate(_BRACKETS, _NOT_BRACKETS)
    for _ in range(limit):
        peeled = skeleton.replace(b"()", b"")
        if peeled == skeleton:
            return False  # unbalanced: the decoder reports it as malformed
        skeleton = peeled
        if not skeleton:
            return False
    return True


def malformed(message: str, value: str = "") -> MalformedPayloadError:
    return MalformedPayloadError(
        [Violation(pointer="", param=None, rule="input", limit=None, value=value, message=message, code=None)]
    )


def decode(body: Raw, max_depth: int | None = MAX_DEPTH) -> Any:
    """Decode JSON text; raise :class:`MalformedPayloadError` for anything that is not JSON.

    ``max_depth=None`` leaves the depth to the decoder's own recursion guard (for trusted responses).
    """
    raw = as_bytes(body)
    if max_depth is not None and depth_exceeds(raw, max_depth):
        raise malformed(
            f"{JSON_BODY_ERROR} It nests deeper than {MAX_DEPTH} levels.", value=f"{len(raw)} bytes"
        )
    try:
        return _untyped.decode(raw)
    except (msgspec.DecodeError, RecursionError, ValueError) as exc:
        raise malformed(f"{JSON_BODY_ERROR} ({exc})", value=raw[:60].decode("utf-8", "replace")) from None
