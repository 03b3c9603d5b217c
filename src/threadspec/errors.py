"""Every exception threadspec raises.

ThreadspecError                  root: catch this to catch anything threadspec raises
├── SpecLookupError              a schema or operation name the spec does not have (also a KeyError)
│   ├── UnknownSchemaError
│   └── UnknownOperationError
└── PayloadError                 a payload breaks the contract; ``.errors`` lists every violation
    ├── MalformedPayloadError    not decodable: bad JSON, bad UTF-8, nested too deeply
    └── InvalidPayloadError      decoded, but the schema or a spec rule rejects it
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from threadspec.result import Violation


class ThreadspecError(Exception):
    """Root of the threadspec exception hierarchy."""


class SpecLookupError(ThreadspecError, KeyError):
    """A name that the bundled spec does not define."""

    def __init__(self, kind: str, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        super().__init__(f"unknown {kind} {name!r}; see `threadspec schemas` for the names")

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownSchemaError(SpecLookupError):
    """No component schema has this name."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__("schema", name, known)


class UnknownOperationError(SpecLookupError):
    """No operation has this operationId."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__("operation", name, known)


class PayloadError(ThreadspecError):
    """A payload that breaks the contract; ``errors`` holds every violation found, first first."""

    def __init__(self, errors: list[Violation]) -> None:
        if not errors:
            raise ValueError("a PayloadError needs at least one violation")
        self.errors = errors
        super().__init__(errors[0].message)

    @property
    def first(self) -> Violation:
        return self.errors[0]


class MalformedPayloadError(PayloadError):
    """The payload could not be decoded into JSON values at all."""


class InvalidPayloadError(PayloadError):
    """The payload decoded but violates the schema or a spec rule."""
