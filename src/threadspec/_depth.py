"""The depth limit checked inside the fast path, so a valid body is read once, not scanned first.

A typed msgspec decode bounds how deep a body can nest wherever the schema spells out the shape:
the compiled type's own nesting. Only free-form values (``{}`` or ``type: object`` with nothing
more, ``Any`` to msgspec: a function's ``parameters``, a JSON schema in ``response_format``) can
nest without bound. So the decoder of the fast path is compiled with a :class:`DepthGuard`: every
struct holding such a value checks, after msgspec decoded it, that the value cannot reach past the
limit from the deepest place the struct can sit. A value that might raises :class:`TooDeep`, which
leaves the verdict to the exact check (``_decode.depth_exceeds`` and the reference route). The
bound is cheap: a value of depth d encodes to at least 2·d bytes, so the length of its encoding
settles nearly every value, and counting its brackets the rest.

Schemas whose types recurse, or hold a free-form value outside every struct, have no such bound:
their bodies keep the bracket count before the decode.
"""

from __future__ import annotations

import math
import typing
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import msgspec

_encoder = msgspec.json.Encoder()


class TooDeep(Exception):  # a private signal, caught in _compiled: never reaches a caller
    """A free-form value may nest past the limit; msgspec passes it on (it is no ValueError)."""


def _args(typ: Any) -> tuple[Any, ...]:
    if typing.get_origin(typ) is Annotated:
        return (typing.get_args(typ)[0],)
    return typing.get_args(typ)


def _is_struct(typ: Any) -> bool:
    return isinstance(typ, type) and issubclass(typ, msgspec.Struct)


def holds_free(typ: Any) -> bool:
    """Whether a free-form value (``Any``) sits in ``typ`` outside any struct it holds."""
    if typ is Any:
        return True
    return not _is_struct(typ) and any(holds_free(arg) for arg in _args(typ))


def static_depth(
    typ: Any, memo: dict[Any, float] | None = None, stack: frozenset[Any] = frozenset()
) -> float:
    """How deep values of ``typ`` nest at most, free-form values counted as scalars; ``inf`` when it recurses."""
    memo = {} if memo is None else memo
    if _is_struct(typ):
        if typ in stack:
            return math.inf
        if typ not in memo:
            inner = [static_depth(f.type, memo, stack | {typ}) for f in msgspec.structs.fields(typ)]
            memo[typ] = 1 + max(inner, default=0)
        return memo[typ]
    origin = typing.get_origin(typ)
    inner = [static_depth(arg, memo, stack) for arg in _args(typ)]
    container = origin in (list, dict)
    return (1 if container else 0) + max(inner, default=0)


class DepthGuard:
    """The check of free-form values a :class:`threadspec._fast.Compiler` adds to the structs holding them.

    ``budget`` — how deep a free-form value may nest — is known only once the whole type is built
    (:meth:`settle`); until then every check defers to the exact route.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.budget = -1
        self.holders = 0  # structs given a check: none means the type alone bounds the depth

    def settle(self, root: Any) -> bool:
        """Fix the budget from the finished type; False when no guard can bound it (recursion, loose values)."""
        if holds_free(root):
            return False
        depth = static_depth(root)
        if depth > self.limit:
            return False
        self.budget = self.limit - int(depth)
        return True

    def check(self, attrs: Sequence[str]) -> Callable[[Any], None]:
        """The struct check for the attributes ``attrs``, whose types hold free-form values."""
        self.holders += 1

        def bounded(obj: Any) -> None:
            for attr in attrs:
                value = getattr(obj, attr)
                if isinstance(value, dict | list) and self._may_exceed(value):
                    raise TooDeep(attr)

        return bounded

    def _may_exceed(self, value: Any) -> bool:
        try:
            text = _encoder.encode(value)
        except (TypeError, ValueError, OverflowError, RecursionError):
            return True
        if len(text) <= 2 * self.budget:
            return False
        return text.count(b"[") + text.count(b"{") > self.budget
