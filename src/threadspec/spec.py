"""The contract's spec, operations and component schemas, by name.

Thin functions over a :class:`threadspec.Contract` (the default ``contract_for("v2")`` unless given
``contract=``), kept for the code written before contracts were values. The returned objects are
shared and must not be mutated, except what :func:`schema` returns.
"""

from __future__ import annotations

from typing import Any

from threadspec._contract import Contract, resolve_contract
from threadspec._operation import Operation as Operation
from threadspec._operation import Parameter as Parameter


def openapi(*, contract: Contract | None = None) -> dict[str, Any]:
    """The whole spec as a JSON object."""
    return resolve_contract(contract).openapi()


def schema_names(*, contract: Contract | None = None) -> tuple[str, ...]:
    """Every component name, in spec order."""
    return resolve_contract(contract).schema_names()


def shared_schema(name: str, *, contract: Contract | None = None) -> dict[str, Any]:
    """The shared schema that threadspec's own modules read; never mutate it (use :func:`schema`)."""
    return resolve_contract(contract).shared_schema(name)


def schema(name: str, *, contract: Contract | None = None) -> dict[str, Any]:
    """The self-contained JSON Schema (2020-12) of one component: a fresh copy, the caller's to change.

    Copies, because some consumers rewrite what they are given (schema generators canonicalise
    schemas in place), and a shared cached dict would carry that into every later validation.
    """
    return resolve_contract(contract).schema(name)


def operations(*, contract: Contract | None = None) -> dict[str, Operation]:
    """Every operation by operationId, in spec order."""
    return resolve_contract(contract).operations()


def operation(operation_id: str, *, contract: Contract | None = None) -> Operation:
    return resolve_contract(contract).operation(operation_id)


def manifest(*, contract: Contract | None = None) -> dict[str, Any] | None:
    """Spec hash and generator versions of the bundled artefacts (``None`` for a loaded contract)."""
    return resolve_contract(contract).manifest()
