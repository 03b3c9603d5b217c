"""The reference verdict: jsonschema's Draft 2020-12 validator, with four deliberate choices.

- ``integer`` means a JSON number that decodes to an integer: ``256.0`` is a decimal, as the API
  answers (msgspec and strict Pydantic agree).
- ``pattern`` follows ECMA-262, where ``$`` matches only at the very end.
- ``format`` is asserted for the formats in :data:`threadspec.rules.FORMATS` (``uri``), an
  annotation for any other.
- ``x-threadspec-rules`` is a keyword: the spec's rules that JSON Schema cannot state.

The validator class is built, and jsonschema imported, when a reference validator is first needed:
a valid payload never needs one, and ``import threadspec`` stays light.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from threadspec import rules
from threadspec._jsontype import is_integer
from threadspec._patterns import compiled

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator


def _is_integer(_checker: object, instance: object) -> bool:
    return is_integer(instance)


def _pattern(validator: Validator, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not compiled(pattern).search(instance):
        from jsonschema import ValidationError

        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _format(validator: Validator, name: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    asserted = rules.FORMATS.get(name)
    if asserted is not None and isinstance(instance, str) and not asserted.check(instance):
        from jsonschema import ValidationError

        yield ValidationError(f"{instance!r} is not a {name!r}")


def _rules(
    validator: Validator, spec_rules: list[Any], instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if not isinstance(instance, dict):
        return
    from jsonschema import ValidationError

    for breach in rules.breaches(spec_rules, instance.get):
        # the breach itself is the keyword's value: the wording reads the rule and its limit from it
        yield ValidationError(
            breach.describe(), path=[breach.property], instance=breach.value, validator_value=breach
        )


@cache
def reference_class() -> type[Validator]:
    """Draft 2020-12 with the four choices above (``ReferenceValidator``, an attribute of this module)."""
    from jsonschema import Draft202012Validator, validators

    extended: type[Validator] = validators.extend(
        Draft202012Validator,
        validators={"pattern": _pattern, "format": _format, rules.RULES_KEYWORD: _rules},
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
    )
    return extended


def reference_validator(schema: Mapping[str, Any]) -> Validator:
    """A reference validator for one schema; building one costs more than using it, so callers keep it."""
    return reference_class()(schema)


def __getattr__(name: str) -> Any:
    if name == "ReferenceValidator":
        return reference_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
