"""threadspec: the OpenAI Assistants API assistant, thread, message, run and run-step contract, as code.

The public surface is what ``__all__`` lists, and the submodules the README documents
(``threadspec.models``, ``threadspec.asgi``, ``threadspec.mock``, ``threadspec.strategies`` …), which load
on first use: ``threadspec.models.CreateRunRequest`` works after ``import threadspec``. Everything else
may change without notice. Every check takes an optional ``contract=`` (a :class:`Contract`); without
one it uses ``contract_for("v2")``.
"""

from __future__ import annotations

from importlib import import_module as _import_module
from typing import Any as _Any

from threadspec._contract import Contract, contract_for, profiles
from threadspec.errors import (
    ForeignModelError,
    InvalidPayloadError,
    InvalidSpecError,
    MalformedPayloadError,
    MissingExtraError,
    ModelsUnavailableError,
    PayloadError,
    SpecLookupError,
    ThreadspecError,
    UngeneratableSchemaError,
    UnknownOperationError,
    UnknownProfileError,
    UnknownRuleError,
    UnknownSchemaError,
)
from threadspec.messages import to_openai_error
from threadspec.result import ValidationResult, Violation
from threadspec.spec import Operation, operation, operations, schema, schema_names
from threadspec.validate import (
    ensure_valid,
    ensure_valid_request,
    ensure_valid_response,
    is_valid,
    iter_errors,
    iter_request_errors,
    iter_response_errors,
    model_class,
    parse,
    validate,
    validate_request,
    validate_response,
)

__version__ = "0.1.0"  # the package's version: pyproject.toml reads it from here

# the documented submodules, imported when first named as an attribute of the package
_SUBMODULES = frozenset(
    {
        "asgi",
        "constraints",
        "contract",
        "diff",
        "facts",
        "messages",
        "mock",
        "models",
        "proxy",
        "rules",
        "sse",
        "strategies",
    }
)

__all__ = [
    "Contract",
    "ForeignModelError",
    "InvalidPayloadError",
    "InvalidSpecError",
    "MalformedPayloadError",
    "MissingExtraError",
    "ModelsUnavailableError",
    "Operation",
    "PayloadError",
    "SpecLookupError",
    "ThreadspecError",
    "UngeneratableSchemaError",
    "UnknownOperationError",
    "UnknownProfileError",
    "UnknownRuleError",
    "UnknownSchemaError",
    "ValidationResult",
    "Violation",
    "__version__",
    "contract_for",
    "ensure_valid",
    "ensure_valid_request",
    "ensure_valid_response",
    "is_valid",
    "iter_errors",
    "iter_request_errors",
    "iter_response_errors",
    "model_class",
    "operation",
    "operations",
    "parse",
    "profiles",
    "schema",
    "schema_names",
    "to_openai_error",
    "validate",
    "validate_request",
    "validate_response",
]


def __getattr__(name: str) -> _Any:
    if name in _SUBMODULES:
        return _import_module(f"threadspec.{name}")
    raise AttributeError(f"module 'threadspec' has no attribute {name!r}")
