"""threadspec: the OpenAI Assistants API v2 assistant, thread, message, run and run-step contract, as code.

The public surface is what ``__all__`` lists; everything else may change without notice.
"""

from __future__ import annotations

from threadspec.errors import (
    InvalidPayloadError,
    MalformedPayloadError,
    PayloadError,
    SpecLookupError,
    ThreadspecError,
    UnknownOperationError,
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

__version__ = "0.1.0"

__all__ = [
    "InvalidPayloadError",
    "MalformedPayloadError",
    "Operation",
    "PayloadError",
    "SpecLookupError",
    "ThreadspecError",
    "UnknownOperationError",
    "UnknownSchemaError",
    "ValidationResult",
    "Violation",
    "__version__",
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
    "schema",
    "schema_names",
    "to_openai_error",
    "validate",
    "validate_request",
    "validate_response",
]
