"""The generated Pydantic v2 models, one per component of the spec; the public home of every one of them.

::

    import threadspec
    from threadspec import models

    run = threadspec.parse(body, models.CreateRunRequest)   # a CreateRunRequest (type checkers know it too)
    run = threadspec.parse(body, "CreateRunRequest")        # the same, by name
    models.v1.CreateRunRequest                              # the legacy v1 profile's model (models.v2 is the default's)

    if not run.metadata: ...                # a field the body left out holds NOT_SENT, which is falsy
    if run.metadata is models.NOT_SENT: ... # ... and is not None: None is what `null` sent
    run.metadata["customer"]                # a map reads like a mapping

Names at the top level are the default profile's (``v2``); each bundled profile's models are a module
attribute named after it (``models.v1``, ``models.v2``). Nothing is imported until a model is named.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from threadspec._contract import contract_for, profiles
from threadspec._modelbase import NOT_SENT, NotSent, Omittable
from threadspec._suggest import did_you_mean

if TYPE_CHECKING:
    # the generated index: the default profile's models by name, and each profile's models module
    from threadspec._generated.public import *  # noqa: F403

__all__ = ["NOT_SENT", "NotSent", "Omittable"]


def _default() -> ModuleType:
    return contract_for().models()


def _default_names() -> list[str]:
    names: list[str] = _default().__all__
    return names


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    if name in profiles():
        found: Any = contract_for(name).models()
    elif name in _default_names():
        found = getattr(_default(), name)
    else:
        hint = did_you_mean(name, [*_default_names(), *profiles()])
        raise AttributeError(f"threadspec.models has no model {name!r}" + (f": {hint}" if hint else ""))
    globals()[name] = found  # looked up once
    return found


def __dir__() -> list[str]:
    return sorted({*__all__, *_default_names(), *profiles()})
