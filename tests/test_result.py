"""ValidationResult keeps the dataclass it was, with a quicker constructor."""

from __future__ import annotations

import dataclasses

import pytest

from threadspec import ValidationResult
from threadspec._decode import malformed


def test_a_result_is_built_as_a_dataclass_is() -> None:
    error = malformed("m").errors[0]
    assert ValidationResult("S") == ValidationResult("S", []) == ValidationResult(schema="S", errors=[])
    assert ValidationResult("S").errors is not ValidationResult("S").errors  # no shared default list
    broken = ValidationResult("S", [error])
    assert (broken.schema, broken.errors, broken.valid, bool(broken)) == ("S", [error], False, False)
    assert repr(ValidationResult("S")) == "ValidationResult(schema='S', errors=[])"
    assert dataclasses.replace(broken, errors=[]) == ValidationResult("S")
    assert [f.name for f in dataclasses.fields(ValidationResult)] == ["schema", "errors"]


def test_a_result_stays_frozen() -> None:
    result = ValidationResult("S")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.schema = "T"  # type: ignore[misc]
