"""What a validation returns: violations and the verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True, init=False)
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

    def __init__(
        self,
        *,
        pointer: str,
        param: str | None,
        rule: str,
        limit: Any,
        value: str,
        message: str,
        code: str | None,
        location: str = "body",
    ) -> None:
        # an error report makes one per finding: its slots are filled directly, as ValidationResult's
        _set_pointer(self, pointer)
        _set_param(self, param)
        _set_rule(self, rule)
        _set_limit(self, limit)
        _set_value(self, value)
        _set_message(self, message)
        _set_code(self, code)
        _set_location(self, location)

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
def _setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    setter: Callable[[Any, Any], None] = vars(cls)[name].__set__
    return setter


_set_pointer, _set_param = _setter(Violation, "pointer"), _setter(Violation, "param")
_set_rule, _set_limit = _setter(Violation, "rule"), _setter(Violation, "limit")
_set_value, _set_message = _setter(Violation, "value"), _setter(Violation, "message")
_set_code, _set_location = _setter(Violation, "code"), _setter(Violation, "location")
_set_schema, _set_errors = _setter(ValidationResult, "schema"), _setter(ValidationResult, "errors")
