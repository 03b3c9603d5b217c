"""One public surface: `threadspec.__all__` is sorted, complete, and names only real members."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

import threadspec
from threadspec import constraints, strategies

EXPECTED = {
    "Contract", "ForeignModelError", "InvalidPayloadError", "InvalidSpecError", "MalformedPayloadError", "MissingExtraError",
    "ModelsUnavailableError", "UngeneratableSchemaError",
    "Operation", "PayloadError", "SpecLookupError", "ThreadspecError", "UnknownOperationError",
    "UnknownProfileError", "UnknownRuleError", "UnknownSchemaError", "ValidationResult", "Violation",
    "__version__", "contract_for", "ensure_valid", "ensure_valid_request", "ensure_valid_response", "is_valid",
    "iter_errors", "iter_request_errors", "iter_response_errors", "model_class", "operation", "operations",
    "parse", "profiles", "schema", "schema_names", "to_openai_error", "validate", "validate_request",
    "validate_response",
}  # fmt: skip

# every public function that reads the contract takes it as an optional keyword
TAKES_A_CONTRACT: list[Callable[..., Any]] = [
    threadspec.validate, threadspec.iter_errors, threadspec.is_valid, threadspec.ensure_valid, threadspec.parse,
    threadspec.model_class, threadspec.validate_request, threadspec.iter_request_errors,
    threadspec.ensure_valid_request, threadspec.validate_response, threadspec.iter_response_errors,
    threadspec.ensure_valid_response, threadspec.schema, threadspec.schema_names, threadspec.operation,
    threadspec.operations, constraints.inventory, constraints.parameter_inventory, constraints.all_constraints,
    constraints.request_schemas, constraints.response_schemas, constraints.root_schema, strategies.valid,
    strategies.invalid, strategies.boundary, strategies.boundary_cases,
]  # fmt: skip


def test_all_is_sorted_and_unique() -> None:
    assert threadspec.__all__ == sorted(set(threadspec.__all__))


def test_every_exported_name_exists_and_every_public_member_is_exported() -> None:
    public = {name for name in dir(threadspec) if not name.startswith("_")}
    # submodules and the `from __future__ import annotations` feature are not API
    modules = {name for name in public if type(getattr(threadspec, name)).__name__ in ("module", "_Feature")}
    assert set(threadspec.__all__) - {"__version__"} == public - modules
    for name in threadspec.__all__:
        assert hasattr(threadspec, name), name


def test_the_surface_is_the_documented_one() -> None:
    assert set(threadspec.__all__) == EXPECTED


@pytest.mark.parametrize("function", TAKES_A_CONTRACT, ids=lambda f: f"{f.__module__}.{f.__qualname__}")
def test_every_check_takes_an_optional_contract(function: Callable[..., Any]) -> None:
    parameter = inspect.signature(function).parameters["contract"]
    assert (parameter.kind, parameter.default) == (inspect.Parameter.KEYWORD_ONLY, None)


# the contract runner's surface: a config value in, a report out; its flags are the command line's (threadspec.cli)
CONTRACT_EXPECTED = [
    "CHECKS", "CheckResult", "ContractConfig", "ContractReport", "Finding", "Outcome", "Problem", "Severity", "run",
    "run_async",
]  # fmt: skip


def test_the_runners_surface_is_a_config_and_a_run() -> None:
    from threadspec import contract

    assert contract.__all__ == CONTRACT_EXPECTED
    for name in contract.__all__:
        assert getattr(contract, name) is not None
    for gone in ("handle", "add_arguments", "config_from_args"):
        with pytest.raises(AttributeError):
            getattr(contract, gone)
