"""One schema, compiled once for every use: the fast verdict, the reference validator, the error walk.

A :class:`CompiledSchema` belongs to one :class:`threadspec.Contract` and holds, for one component
(or one parameter), the msgspec decoder of the fast path, the jsonschema reference validator, the
localized error walk, the ``$ref`` resolver and the union-branch chooser they all share. Each part is
built on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import msgspec

from threadspec._branches import BranchChooser
from threadspec._decode import MAX_DEPTH, as_bytes, depth_exceeds, is_raw
from threadspec._depth import DepthGuard, TooDeep
from threadspec._fast import FAILURES, Compiler, compile_root, scalar_check
from threadspec._focus import Focus
from threadspec._localize import LocalizedWalk
from threadspec._reference import reference_validator
from threadspec._refs import Resolver
from threadspec._violations import Path, violations
from threadspec.result import Violation

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

_UNBUILT: Any = object()


class CompiledSchema:
    """A schema and everything compiled from it; ``root`` is the shared JSON, never to be mutated."""

    __slots__ = (
        "_box",
        "_bytes_decoder",
        "_counts",
        "_decoder",
        "_fast_type",
        "_focus",
        "_guarded",
        "_reference",
        "_scalar",
        "_walk",
        "body",
        "chooser",
        "compiler",
        "name",
        "resolver",
        "root",
        "unsupported",
    )  # fmt: skip

    def __init__(self, name: str, root: Mapping[str, Any]) -> None:
        self.name = name
        self.root = root
        # the root without its $defs, built once so its identity keys the per-node caches
        self.body: Mapping[str, Any] = {k: v for k, v in root.items() if k != "$defs"}
        self.resolver = Resolver(root.get("$defs", {}))
        self.chooser = BranchChooser(self.resolver)
        self.compiler = Compiler(self.resolver)
        self.unsupported: str | None = None  # why there is no fast path, when there is none
        self._fast_type: Any = _UNBUILT
        self._decoder: Any = _UNBUILT
        self._box: Any = None
        self._scalar: Callable[[Any], bool] | None = None  # a string's or integer's checks, without msgspec
        self._guarded: msgspec.json.Decoder[Any] | None = None  # the decoder that bounds depth (_depth)
        # what judges JSON bytes: the guarded decoder when there is one, else the plain one after a count
        self._bytes_decoder: msgspec.json.Decoder[Any] | None = None
        self._counts = True
        self._focus: Focus | None = None  # the focused report's roads, for a schema that is a struct
        self._reference: Validator | None = None
        self._walk: LocalizedWalk | None = None

    def __repr__(self) -> str:
        return f"CompiledSchema({self.name!r})"

    # -- the fast verdict -------------------------------------------------------------------
    def _build_fast(self) -> None:
        typ, self.unsupported = compile_root(self.compiler, self.body, self.name)
        self._decoder = None if typ is None else msgspec.json.Decoder(typ)
        self._fast_type = typ
        self._guarded = None
        self._bytes_decoder, self._counts = self._decoder, True
        guarded_structs = None
        if typ is not None:
            # for JSON text: types of their own, which bound the depth as they decode (_depth)
            guard = DepthGuard(MAX_DEPTH)
            compiler = Compiler(self.resolver, guard)
            guarded, _ = compile_root(compiler, self.body, self.name)
            if guarded is not None and guard.settle(guarded):
                self._guarded = msgspec.json.Decoder(guarded)
                guarded_structs = compiler.structs
                # it bounds the depth: by its type alone where no free-form value sits, else by the checks
                self._bytes_decoder, self._counts = self._guarded, False
        if isinstance(typ, type) and issubclass(typ, msgspec.Struct):
            self._focus = Focus(self, guarded_structs)
        self._scalar = None if typ is None else scalar_check(typ)
        if typ is not None and not (isinstance(typ, type) and issubclass(typ, msgspec.Struct)):
            # msgspec caches what it learns about a type on a struct, at C level; a bare Annotated or
            # union type is looked at afresh, in Python, on every convert: box it in a one-field struct
            self._box = msgspec.defstruct(f"{self.name}Value", [("v", typ)])

    @property
    def fast_type(self) -> Any | None:
        """The msgspec type of the schema, or ``None`` when it has no exact fast path."""
        if self._fast_type is _UNBUILT:
            self._build_fast()
        return self._fast_type

    @property
    def decoder(self) -> msgspec.json.Decoder[Any] | None:
        if self._decoder is _UNBUILT:
            self._build_fast()
        decoder: msgspec.json.Decoder[Any] | None = self._decoder
        return decoder

    def is_valid_json(self, raw: bytes) -> bool | None:
        """Fast verdict on JSON text; ``None`` when this schema has no fast path."""
        decoder = self.decoder
        if decoder is None:
            return None
        try:
            decoder.decode(raw)
        except FAILURES:
            return False
        except TooDeep:
            return None
        return True

    def is_valid_value(self, value: Any) -> bool | None:
        """Fast verdict on decoded JSON values; ``None`` when this schema has no fast path."""
        typ = self.fast_type
        if typ is None:
            return None
        if self._scalar is not None:
            return self._scalar(value)
        try:
            if self._box is None:
                msgspec.convert(value, typ, strict=True)
            else:
                msgspec.convert({"v": value}, self._box, strict=True)
        except FAILURES:
            return False
        return True

    def fast_verdict(self, body: Any) -> bool | None:
        """True when the fast path accepts; False or None (no fast path, or too deep to decode) otherwise."""
        if type(body) is bytes:  # the hot path: no copy, no decode into Python objects
            if self._decoder is _UNBUILT:
                self._build_fast()
            decoder = self._bytes_decoder
            if decoder is None:
                return None
            # the guarded decoder bounds the depth as it reads (_depth); without one, few brackets settle
            # it (one C-level pass) or the exact scan does
            if self._counts and depth_exceeds(body):
                return None
            try:
                decoder.decode(body)
            except FAILURES:
                return False
            except TooDeep:
                return None
            return True
        if is_raw(body):
            raw = as_bytes(body)
            return None if depth_exceeds(raw) else self.is_valid_json(raw)
        return self.is_valid_value(body)

    def fast_failure(self, body: Any) -> tuple[bool | None, str]:
        """:meth:`fast_verdict`, with msgspec's reason when it refused JSON bytes (through the guarded
        decoder) or a decoded object (its struct); "" else.

        The reason names where the body failed, which lets a report start there (:meth:`focused`).
        """
        if self._decoder is _UNBUILT:
            self._build_fast()
        if type(body) is bytes and self._guarded is not None:
            try:
                self._guarded.decode(body)
            except FAILURES as exc:
                return False, str(exc)
            except TooDeep:
                return None, ""
            return True, ""
        if type(body) is dict and self._focus is not None:
            try:
                msgspec.convert(body, self._fast_type, strict=True)
            except FAILURES as exc:
                return False, str(exc)
            return True, ""
        return self.fast_verdict(body), ""

    def focused(self, reason: str, body: Any, location: str = "body") -> Iterator[Violation] | None:
        """Every violation in ``body`` (JSON bytes or a decoded object), refused by the fast verdict for
        ``reason``, when it breaks the contract in a few members (up to four); None when it takes the full
        road (:mod:`threadspec._focus`)."""
        return None if self._focus is None else self._focus.report(reason, body, location)

    # -- the reference and the error walk -------------------------------------------------------
    @property
    def reference(self) -> Validator:
        """The jsonschema reference validator of the whole schema."""
        if self._reference is None:
            self._reference = reference_validator(self.root)
        return self._reference

    @property
    def walk(self) -> LocalizedWalk:
        if self._walk is None:
            self._walk = LocalizedWalk(self.root, self.resolver, self.chooser, self.compiler)
        return self._walk

    def errors(self, value: Any, location: str = "body", prefix: Path = ()) -> Iterator[Violation]:
        """Every violation in decoded ``value``, found by the localized walk."""
        return self.walk.violations(value, self.body, location, prefix)

    def reference_errors(self, value: Any, location: str = "body", prefix: Path = ()) -> Iterator[Violation]:
        """Every violation from the plain reference walk of the whole value (the yardstick in tests)."""
        return violations(self.reference.iter_errors(value), self.chooser, location, prefix)
