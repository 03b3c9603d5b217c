"""The typing index of the bundled models: ``_generated/public.py``.

Type checkers read it, nothing imports it at run time: ``threadspec.models`` re-exports its names (the
default profile's models, each profile's models module), and ``threadspec.parse`` and
``threadspec.model_class`` are typed with its protocols, whose overloads map each model name of the
default profile to its model (``parse(body, "CreateRunRequest")`` is a ``CreateRunRequest``).
"""

from __future__ import annotations

from collections.abc import Sequence

from codegen.options import GENERATED

PARSE = "ParseFunction"
MODEL_CLASS = "ModelClassFunction"
MODULE = "public.py"


class PublicIndexError(Exception):
    """A model name collides with a name the index defines itself."""


def render(default: str, profiles: Sequence[str], names: Sequence[str]) -> str:
    """The module's text: ``names`` are the default profile's models, ``profiles`` every bundled profile."""
    clashes = sorted({PARSE, MODEL_CLASS, *profiles} & set(names))
    if clashes:
        raise PublicIndexError(f"model names that the typing index uses itself: {', '.join(clashes)}")
    package = "threadspec._generated"
    lines = [
        f"# generated {GENERATED}",
        '"""The bundled models as type checkers see ``threadspec.models``, and the overloads of',
        "``threadspec.parse`` and ``threadspec.model_class``; read by type checkers, not imported at run time.",
        f"Models by name are those of the default profile, {default!r}; each profile's are its module.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any, Literal, Protocol, TypeVar, overload",
        "",
        "from pydantic import BaseModel",
        "",
        "from threadspec._contract import Contract",
        *(f"from {package}.{profile} import models as {profile}" for profile in profiles),
        f"from {package}.{default}.models import (",
        *(f"    {name} as {name}," for name in names),
        ")",
        "",
        '_M = TypeVar("_M", bound=BaseModel)',
        "",
        f"__all__ = {sorted([*names, *profiles])!r}",
        "",
        "",
        f"class {PARSE}(Protocol):",
        '    """``parse(body, Model)`` returns a ``Model``; ``parse(body, "Name")`` the default profile\'s model."""',
        "",
        "    @overload",
        "    def __call__(self, body: Any, schema: type[_M], *, contract: Contract | None = None) -> _M: ...",
    ]
    for name in names:
        lines += [
            "    @overload",
            f'    def __call__(self, body: Any, schema: Literal["{name}"], *, contract: None = None) -> {name}: ...',
        ]
    lines += [
        "    @overload",
        "    def __call__(self, body: Any, schema: str, *, contract: Contract | None = None) -> BaseModel: ...",
        "",
        "",
        f"class {MODEL_CLASS}(Protocol):",
        '    """``model_class("Name")`` is the default profile\'s model class of that name."""',
        "",
    ]
    for name in names:
        lines += [
            "    @overload",
            f'    def __call__(self, schema: Literal["{name}"], *, contract: None = None) -> type[{name}]: ...',
        ]
    lines += [
        "    @overload",
        "    def __call__(self, schema: str, *, contract: Contract | None = None) -> type[BaseModel]: ...",
    ]
    return "\n".join(lines) + "\n"
