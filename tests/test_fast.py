"""The fast path's plain predicates for single scalars agree with msgspec's strict conversion."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadspec import contract_for, profiles
from threadspec._compiled import CompiledSchema
from threadspec._fast import scalar_check


def _parameter_schemas() -> list[CompiledSchema]:
    found = []
    for profile in profiles():
        contract = contract_for(profile)
        for operation_id in contract.operations():
            for location in ("path", "query"):
                found += [compiled for _, compiled in contract.parameter_schemas(operation_id, location)]
    return found


PARAMETERS = _parameter_schemas()
SCALAR = [c for c in PARAMETERS if c.fast_type is not None and scalar_check(c.fast_type) is not None]


def _msgspec_verdict(typ: Any, value: Any) -> bool:
    box = msgspec.defstruct("Box", [("v", typ)])
    try:
        msgspec.convert({"v": value}, box, strict=True)
    except msgspec.ValidationError:
        return False
    return True


def test_the_parameters_ids_and_limits_get_a_predicate() -> None:
    names = {c.name for c in SCALAR}
    assert "listMessages.path.thread_id" in names and "listMessages.query.limit" in names
    assert len(SCALAR) >= len(PARAMETERS) // 2


values = st.one_of(
    st.text(max_size=80),
    st.from_regex(r"\A(thread|msg|run|step|asst|file|vs)_[A-Za-z0-9]{0,70}\Z"),
    st.integers(min_value=-5, max_value=200),
    st.integers(),  # past int64 too: msgspec takes any int, then bounds it
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-10, max_value=200),
    st.none(),
)


@pytest.mark.parametrize("compiled", SCALAR, ids=lambda c: c.name)
@given(value=values)
def test_a_predicate_agrees_with_msgspec(compiled: CompiledSchema, value: Any) -> None:
    predicate = scalar_check(compiled.fast_type)
    assert predicate is not None
    assert predicate(value) is _msgspec_verdict(compiled.fast_type, value)
    assert compiled.is_valid_value(value) is predicate(value)


@pytest.mark.parametrize(
    "typ",
    [
        float,
        Annotated[int, msgspec.Meta(multiple_of=2)],
        Annotated[str, msgspec.Meta(tz=True)],
        list[str],
        str | None,
        bool,
    ],
)
def test_other_types_keep_msgspec(typ: Any) -> None:
    assert scalar_check(typ) is None


@pytest.mark.parametrize(
    ("typ", "value", "valid"),
    [
        (Annotated[str, msgspec.Meta(min_length=2, max_length=3)], "ab", True),
        (Annotated[str, msgspec.Meta(min_length=2, max_length=3)], "abcd", False),
        (Annotated[str, msgspec.Meta(max_length=1)], "é", True),  # code points, not bytes
        (Annotated[str, msgspec.Meta(pattern="b")], "abc", True),  # searched, not matched
        (Annotated[str, msgspec.Meta(pattern="^b")], "abc", False),
        (Annotated[int, msgspec.Meta(ge=1, le=100)], 100, True),
        (Annotated[int, msgspec.Meta(gt=1, lt=100)], 100, False),
        (Annotated[int, msgspec.Meta(ge=0)], True, False),  # a bool is no integer to msgspec
        (int, 1.0, False),
        (str, b"x", False),
    ],
)
def test_a_predicate_reads_each_constraint_as_msgspec_does(typ: Any, value: Any, valid: bool) -> None:
    predicate = scalar_check(typ)
    assert predicate is not None
    assert predicate(value) is valid is _msgspec_verdict(typ, value)
