"""The registry of rules and asserted formats: one implementation each, used by every engine."""

from __future__ import annotations

import re
import string
from typing import Any

import pydantic
import pytest
import rfc3986_validator
from hypothesis import example, given
from hypothesis import strategies as st

from threadspec import UnknownRuleError, contract_for, rules
from threadspec.rules import FORMATS, RULES

HALF = {"rule": "at_most_half_of", "property": "part", "of": "whole"}
URI = FORMATS["uri"]


def _oracle(value: str) -> bool:
    """rfc3986-validator's `URI`, with ECMA-262's `$`: no final newline (its regex uses Python's)."""
    return bool(rfc3986_validator.validate_rfc3986(value, rule="URI")) and not value.endswith("\n")


def test_an_unknown_rule_is_refused() -> None:
    with pytest.raises(UnknownRuleError, match="known rules: \\['at_most_half_of'\\]"):
        rules.rule_for({"rule": "at_most_twice"})


@pytest.mark.parametrize(
    ("part", "whole", "breach"),
    [(5, 10, None), (6, 10, (6, 5)), (6, 11, (6, 5)), (None, 10, None), (True, 0, None)],
)
def test_at_most_half_of(part: Any, whole: Any, breach: tuple[int, int] | None) -> None:
    found = list(rules.breaches([HALF], {"part": part, "whole": whole}.get))
    assert [(b.value, b.limit) for b in found] == ([breach] if breach else [])
    if found:
        assert found[0].property == RULES["at_most_half_of"].reported_at(HALF) == "part"
        assert RULES["at_most_half_of"].word(found[0], "x.part") == (
            f"Invalid 'x.part': integer above maximum value. Expected a value <= {breach[1]}, "  # type: ignore[index]
            f"but got {part} instead.",
            "integer_above_max_value",
        )


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_repair_keeps_the_rule_and_at_limit_sits_on_it(part: int, whole: int) -> None:
    kind = RULES["at_most_half_of"]
    obj = {"part": part, "whole": whole}
    kind.repair(obj, HALF)
    assert list(rules.breaches([HALF], obj.get)) == []
    assert obj["whole"] == whole and (obj["part"] == part or part * 2 > whole)
    at = kind.at_limit(HALF, lambda _: (100, 4096), lambda low, high: whole % (high - low + 1) + low, True, 1)
    past = kind.at_limit(
        HALF, lambda _: (100, 4096), lambda low, high: whole % (high - low + 1) + low, False, 1
    )
    assert list(rules.breaches([HALF], at.get)) == []
    assert [b.value - b.limit for b in rules.breaches([HALF], past.get)] == [1]


URI_TEXT = string.ascii_letters[:8] + string.digits[:4] + ":/?#[]@!$&'()*+,;=-._~% \n\u00e9v"


@given(st.from_regex(rfc3986_validator.URI_RE_COMP) | st.text(URI_TEXT, max_size=40))
@example("https://example.com/a b.png")
@example("http://[::ffff:1.2.3.4]/")
@example("http://[v1.x]/")
@example("http://[::1")
@example("a:%4")
@example("https://example.com/\n")
def test_uri_is_rfc3986_as_rfc3986_validator_reads_it(value: str) -> None:
    assert URI.check(value) == _oracle(value)


def test_uri_examples_and_near_misses() -> None:
    assert URI.check(URI.example)
    assert [m for m in URI.near_misses if URI.check(m)] == []
    assert re.compile(URI.pattern).pattern.startswith("^") and URI.pattern.endswith("\\Z")


def test_generated_models_call_the_registry() -> None:
    model = contract_for().model_class("MessageContentImageUrl")
    assert model.model_validate({"url": "https://example.com/cat.png"})
    with pytest.raises(pydantic.ValidationError, match="threadspec rule: format: url is not a uri"):
        model.model_validate({"url": "cat.png"})
    static = contract_for().model_class("StaticChunkingStrategy")
    with pytest.raises(pydantic.ValidationError, match="at_most_half_of"):
        static.model_validate({"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 401})


def test_a_rule_reads_the_properties_its_entry_names() -> None:
    """What the focused report asks before it leaves a member undecoded: does a rule of its parent read it."""
    for kind in rules.RULES.values():
        entry = {"rule": kind.name, "property": "half", "of": "whole"}
        assert rules.properties_read(entry) == {"half", "whole"}
        assert kind.reported_at(entry) in rules.properties_read(entry)
