"""What a validation returns: violations and the verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class Violation:
    """One broken rule, located and worded the way the API words it; built with keywords only.

    ``pointer`` is an RFC 6901 JSON pointer (``/thread/messages/2/content``); ``param`` is the
    API's form of the same place (``thread.messages[2].content``), or ``None`` for the whole body.
    ``rule`` is the JSON Schema keyword (``maxProperties``, ``required``, ``type`` …), ``input``
    for undecodable payloads, or the name of an ``x-threadspec-rules`` rule. ``limit`` is the
    keyword's value (16, the missing name, the allowed values); ``value`` a short preview of what
    was found.
    """

    pointer: str
    param: str | None
    rule: str
    limit: Any
    value: str
    message: str
    code: str | None
    location: str = "body"

    def to_dict(self) -> dict[str, Any]:
        return {
            "location": self.location,
            "pointer": self.pointer,
            "param": self.param,
            "rule": self.rule,
            "limit": self.limit,
            "value": self.value,
            "message": self.message,
            "code": self.code,
        }


@dataclass(frozen=True, slots=True, init=False)
class ValidationResult:
    """The verdict on one payload; ``errors`` is empty exactly when ``valid`` is true."""

    schema: str
    errors: list[Violation] = field(default_factory=list)

    def __init__(self, schema: str, errors: list[Violation] | None = None) -> None:
        # one is made per validate() call: the slots are filled directly, a third of the time the
        # generated frozen __init__ takes through object.__setattr__
        _set_schema(self, schema)
        _set_errors(self, [] if errors is None else errors)

    @property
    def valid(self) -> bool:
        return not self.errors

    def __bool__(self) -> bool:
        return self.valid

    def to_dict(self) -> dict[str, Any]:
        return {"valid": self.valid, "errors": [e.to_dict() for e in self.errors]}


# the slots' own descriptors, which a frozen dataclass's __setattr__ does not guard
_set_schema: Callable[[ValidationResult, str], None] = vars(ValidationResult)["schema"].__set__
_set_errors: Callable[[ValidationResult, list[Violation]], None] = vars(ValidationResult)["errors"].__set__
