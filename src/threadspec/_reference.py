"""The reference verdict: jsonschema's Draft 2020-12 validator, with four deliberate choices.

- ``integer`` means a JSON number that decodes to an integer: ``256.0`` is a decimal, as the API
  answers (msgspec and strict Pydantic agree).
- ``pattern`` follows ECMA-262, where ``$`` matches only at the very end.
- ``format`` is asserted for the formats in :data:`threadspec.rules.FORMATS` (``uri``), an
  annotation for any other.
- ``x-threadspec-rules`` is a keyword: the spec's rules that JSON Schema cannot state.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema.protocols import Validator

from threadspec import rules
from threadspec._jsontype import is_integer
from threadspec._patterns import compiled


def _is_integer(_checker: object, instance: object) -> bool:
    return is_integer(instance)


def _pattern(validator: Validator, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _format(validator: Validator, name: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    asserted = rules.FORMATS.get(name)
    if asserted is not None and isinstance(instance, str) and not asserted.check(instance):
        yield ValidationError(f"{instance!r} is not a {name!r}")


def _rules(
    validator: Validator, spec_rules: list[Any], instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if not isinstance(instance, dict):
        return
    for breach in rules.breaches(spec_rules, instance.get):
        # the breach itself is the keyword's value: the wording reads the rule and its limit from it
        yield ValidationError(
            breach.describe(), path=[breach.property], instance=breach.value, validator_value=breach
        )


ReferenceValidator = validators.extend(
    Draft202012Validator,
    validators={"pattern": _pattern, "format": _format, rules.RULES_KEYWORD: _rules},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


def reference_validator(schema: Mapping[str, Any]) -> Validator:
    """A reference validator for one schema; building one costs more than using it, so callers keep it."""
    validator: Validator = ReferenceValidator(schema)
    return validator
