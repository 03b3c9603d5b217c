"""The depth limit checked inside the fast path, so a valid body is read once, not scanned first.

A typed msgspec decode bounds how deep a body can nest wherever the schema spells out the shape:
the compiled type's own nesting. Only free-form values (``{}`` or ``type: object`` with nothing
more, ``Any`` to msgspec: a function's ``parameters``, a JSON schema in ``response_format``) can
nest without bound. So the decoder of the fast path is compiled with a :class:`DepthGuard`: every
struct holding such a value checks, after msgspec decoded it, that the value cannot reach past the
limit from the deepest place the struct can sit. A value that might raises :class:`TooDeep`, which
leaves the verdict to the exact check (``_decode.depth_exceeds`` and the reference route). The
bound is cheap: a value of depth d takes at least 2·d bytes, so its length settles nearly every
value, and counting its brackets (or for a left-undecoded value, the exact scan) the rest.

A free-form value held directly by a struct field is not even decoded: the field is a
``msgspec.Raw``, the value's own bytes, which msgspec checks for JSON syntax as it skips them (all
but the UTF-8 of their strings, checked here). Nothing about such a value but its syntax, its kind
(an object, for ``type: object``) and its depth can make a body invalid, so the verdict needs
neither its Python objects nor a count of the whole body's brackets.

Schemas whose types recurse, or hold a free-form value outside every struct, have no such bound:
their bodies keep the bracket count before the decode.
"""

from __future__ import annotations

import math
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any

import msgspec

from threadspec._decode import depth_exceeds

_encoder = msgspec.json.Encoder()
_FREE_OBJECT = dict[str, Any]


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


def raw_start(typ: Any) -> bytes | None:
    """How the JSON text of a free-form value of ``typ`` must begin, when it can be left undecoded.

    ``b"{"`` for a free-form object, ``b""`` for any value; ``None`` for a type that is more than a
    free-form value (msgspec takes ``Raw`` for a whole field only, never inside a union or container).
    """
    if typ is Any:
        return b""
    return b"{" if typ == _FREE_OBJECT else None


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

    def settle(self, root: Any) -> bool:
        """Fix the budget from the finished type; False when no guard can bound it (recursion, loose values)."""
        if holds_free(root):
            return False
        depth = static_depth(root)
        if depth > self.limit:
            return False
        self.budget = self.limit - int(depth)
        return True

    def check(self, attrs: Sequence[str], raws: Mapping[str, bytes]) -> Callable[[Any], None]:
        """The struct check for ``attrs``, whose types hold free-form values, and for ``raws``.

        ``raws`` maps the attributes left as ``msgspec.Raw`` to how their text must begin
        (:func:`raw_start`).
        """
        raw_items = tuple(raws.items())

        def bounded(obj: Any) -> None:
            for attr, start in raw_items:
                value = getattr(obj, attr)
                if value is not msgspec.UNSET:
                    self._check_raw(bytes(value), start)
            for attr in attrs:
                value = getattr(obj, attr)
                if isinstance(value, dict | list) and self._may_exceed(value):
                    raise TooDeep(attr)

        return bounded

    def _check_raw(self, text: bytes, start: bytes) -> None:
        # msgspec turns a ValueError raised here into its ValidationError: a refusal like any other
        if not text.startswith(start):
            raise ValueError(f"expected a JSON value starting with {start!r}")
        if not text.isascii():
            text.decode()  # what msgspec checks of the strings it decodes, and skips in a Raw
        if depth_exceeds(text, self.budget):  # exact, and cheap for all but long values with many brackets
            raise TooDeep

    def _may_exceed(self, value: Any) -> bool:
        try:
            text = _encoder.encode(value)
        except (TypeError, ValueError, OverflowError, RecursionError):
            return True
        if len(text) <= 2 * self.budget:
            return False
        return text.count(b"[") + text.count(b"{") > self.budget
