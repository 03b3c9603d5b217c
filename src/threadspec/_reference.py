"""The reference verdict: jsonschema's Draft 2020-12 validator, with three deliberate choices.

- ``integer`` means a JSON number that decodes to an integer: ``256.0`` is a decimal, as the API
  answers (msgspec and strict Pydantic agree).
- ``pattern`` follows ECMA-262, where ``$`` matches only at the very end.
- ``x-threadspec-rules`` is a keyword: the spec's rules that JSON Schema cannot state.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema.protocols import Validator

from threadspec import spec
from threadspec._patterns import compiled
from threadspec.rules import breaches


def _is_integer(_checker: object, instance: object) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


def _pattern(validator: Validator, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    if isinstance(instance, str) and not compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _rules(validator: Validator, rules: list[dict[str, Any]], instance: Any, schema: Any) -> Iterator[Any]:
    if not isinstance(instance, dict):
        return
    for breach in breaches(rules, instance.get):
        yield ValidationError(
            f"{breach.property} must be at most {breach.limit}",
            path=[breach.property],
            instance=breach.value,
            validator_value=breach.limit,
        )


ReferenceValidator = validators.extend(
    Draft202012Validator,
    validators={"pattern": _pattern, "x-threadspec-rules": _rules},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


@cache
def reference_validator(schema_name: str) -> Validator:
    validator: Validator = ReferenceValidator(spec.shared_schema(schema_name))
    return validator


def validator_for_schema(schema: dict[str, Any]) -> Validator:
    """A reference validator for an inline schema (parameters)."""
    validator: Validator = ReferenceValidator(schema)
    return validator
