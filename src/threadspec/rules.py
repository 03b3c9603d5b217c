"""The rules JSON Schema cannot state, declared in the spec as ``x-threadspec-rules``.

Each rule is implemented once here and used by both validators; the generated models get the same
rule from codegen, and the differential tests hold the three to one verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import msgspec


class UnknownRuleError(ValueError):
    """The spec names a rule this version of threadspec does not implement."""


@dataclass(frozen=True, slots=True)
class RuleBreach:
    rule: str
    property: str
    value: Any
    limit: int


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def breaches(rules: list[dict[str, Any]], get: Callable[[str], Any]) -> Iterator[RuleBreach]:
    """Yield every rule the object (seen through ``get``) breaks; absent properties break nothing."""
    for rule in rules:
        kind = rule.get("rule")
        if kind == "at_most_half_of":
            left, right = get(rule["property"]), get(rule["of"])
            if _is_int(left) and _is_int(right) and left * 2 > right:
                yield RuleBreach(kind, rule["property"], left, right // 2)
        else:
            raise UnknownRuleError(f"unknown x-threadspec-rules entry: {rule!r}")


def struct_rule_checks(rules: list[dict[str, Any]], attrs: dict[str, str]) -> Iterator[Callable[[Any], None]]:
    """Checks for msgspec structs (used as ``__post_init__``): raise ``ValueError`` on a breach."""
    if not rules:
        return
    list(breaches(rules, lambda _name: None))  # refuse unknown rules at compile time, not per call

    def check(obj: Any) -> None:
        def get(name: str) -> Any:
            value = getattr(obj, attrs.get(name, name), None)
            return None if value is msgspec.UNSET else value

        for breach in breaches(rules, get):
            raise ValueError(f"{breach.property} must be at most {breach.limit}")

    yield check
