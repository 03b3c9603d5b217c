"""How each constraint keyword of the inventory compares between two contracts: one table.

A comparator tells whether the new limit accepts fewer values (``tightened``), more (``loosened``), or
neither (``changed``), and how a limit reads in a message. ``ABSENT`` stands for a keyword a node does
not state; each comparator knows what its absence means (no upper bound, ``minLength`` 0, any type).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Protocol

from threadspec import rules
from threadspec._jsontype import JSON_TYPES
from threadspec.constraints import FORMAT_KEYWORD, RULES_KEYWORD
from threadspec.diff import _regex
from threadspec.diff._model import Direction


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


def show_value(value: Any) -> str:
    """A JSON value as it reads in a message: ``"retrieval"``, ``16``, ``true``."""
    return json.dumps(value, ensure_ascii=False)


def _number(value: Any) -> Fraction:
    return Fraction(str(value)) if isinstance(value, float) else Fraction(value)


class Comparator(Protocol):
    def compare(self, old: Any, new: Any) -> Direction | None:
        """The direction from ``old`` to ``new`` (either may be ``ABSENT``); ``None`` when they mean the same."""
        ...

    def show(self, value: Any) -> str: ...


@dataclass(frozen=True, slots=True)
class Bound:
    """maxLength, minimum …: ``upper`` bounds tighten when lowered, lower bounds when raised."""

    upper: bool
    neutral: int | None = None  # what absence equals (minLength: 0); None: no bound at all

    def _value(self, value: Any) -> Fraction | None:
        if value is ABSENT:
            return None if self.neutral is None else Fraction(self.neutral)
        return _number(value)

    def compare(self, old: Any, new: Any) -> Direction | None:
        before, after = self._value(old), self._value(new)
        if before == after:
            return None
        if before is None or after is None:  # a bound added tightens, one removed loosens
            return "tightened" if before is None else "loosened"
        lower = after < before
        return "tightened" if lower == self.upper else "loosened"

    def show(self, value: Any) -> str:
        if value is ABSENT:
            return "no limit" if self.neutral is None else str(self.neutral)
        return show_value(value)


@dataclass(frozen=True, slots=True)
class Divisor:
    """multipleOf: a multiple of the old divisor accepts fewer numbers."""

    def compare(self, old: Any, new: Any) -> Direction | None:
        if old is ABSENT or new is ABSENT:
            return None if old is new else "tightened" if old is ABSENT else "loosened"
        before, after = _number(old), _number(new)
        if before == after:
            return None
        if (after / before).denominator == 1:
            return "tightened"
        return "loosened" if (before / after).denominator == 1 else "changed"

    def show(self, value: Any) -> str:
        return "none" if value is ABSENT else show_value(value)


@dataclass(frozen=True, slots=True)
class Flag:
    """additionalProperties (stated by the inventory only when ``false``), uniqueItems."""

    default: bool  # what absence means
    tight: bool  # the value that accepts fewer payloads

    def compare(self, old: Any, new: Any) -> Direction | None:
        before = self.default if old is ABSENT else bool(old)
        after = self.default if new is ABSENT else bool(new)
        if before == after:
            return None
        return "tightened" if after == self.tight else "loosened"

    def show(self, value: Any) -> str:
        return show_value(self.default if value is ABSENT else bool(value))


def widened(types: Any) -> frozenset[str]:
    """The types as sets of values: absent is any type, ``number`` includes ``integer``."""
    found = set(JSON_TYPES if types is ABSENT or not types else types)
    if "number" in found:
        found.add("integer")
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Types:
    """type: fewer types accept fewer values."""

    def compare(self, old: Any, new: Any) -> Direction | None:
        before, after = widened(old), widened(new)
        if before == after:
            return None
        return "tightened" if after < before else "loosened" if after > before else "changed"

    def show(self, value: Any) -> str:
        if value is ABSENT or not value:
            return "any"
        return " | ".join(t for t in JSON_TYPES if t in value)


@dataclass(frozen=True, slots=True)
class Stated:
    """A keyword whose presence constrains and whose values cannot be ordered: a rule, ``format``, ``oneOf``."""

    shows: Callable[[Any], str] = show_value

    def compare(self, old: Any, new: Any) -> Direction | None:
        if old == new:
            return None
        if old is ABSENT or new is ABSENT:
            return "tightened" if old is ABSENT else "loosened"
        return "changed"

    def show(self, value: Any) -> str:
        return "none" if value is ABSENT else self.shows(value)


@dataclass(frozen=True, slots=True)
class Pattern:
    """pattern: compared part by part where that is sound (:mod:`threadspec.diff._regex`), else changed."""

    def compare(self, old: Any, new: Any) -> Direction | None:
        if old == new:
            return None
        if old is ABSENT or new is ABSENT:
            return "tightened" if old is ABSENT else "loosened"
        return _regex.compare(str(old), str(new))

    def show(self, value: Any) -> str:
        return "none" if value is ABSENT else str(value)


def _show_rule(rule: Any) -> str:
    return " ".join([str(rule["rule"]), *(str(v) for k, v in rule.items() if k not in ("rule", "property"))])


def _show_groups(names: Any) -> str:
    return "exactly one of " + ", ".join(str(n) for n in names)


# Every keyword the inventory lists (threadspec.constraints.NODE_KEYWORDS, SHAPE_KEYWORDS, `format` and
# the rules), except those compared as sets of values (const, enum, discriminator) and `required`, which
# the node walk compares property by property.
KEYWORDS: dict[str, Comparator] = {
    "maxLength": Bound(upper=True),
    "maxItems": Bound(upper=True),
    "maxProperties": Bound(upper=True),
    "maximum": Bound(upper=True),
    "exclusiveMaximum": Bound(upper=True),
    "minLength": Bound(upper=False, neutral=0),
    "minItems": Bound(upper=False, neutral=0),
    "minProperties": Bound(upper=False, neutral=0),
    "minimum": Bound(upper=False),
    "exclusiveMinimum": Bound(upper=False),
    "multipleOf": Divisor(),
    "pattern": Pattern(),
    "uniqueItems": Flag(default=False, tight=True),
    "additionalProperties": Flag(default=True, tight=False),
    "type": Types(),
    FORMAT_KEYWORD: Stated(str),
    "oneOf": Stated(_show_groups),
}
RULE = Stated(_show_rule)
# the set-valued keywords: their values are compared one by one
VALUE_KEYWORDS = ("const", "enum", "discriminator")


# the JSON type a keyword constrains; on a place of other types it says nothing (``required`` on an array)
_APPLIES_TO = {
    **dict.fromkeys(("maxLength", "minLength", "pattern", FORMAT_KEYWORD), "string"),
    **dict.fromkeys(("maxItems", "minItems", "uniqueItems"), "array"),
    **dict.fromkeys(("maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf"), "number"),
    **dict.fromkeys(
        ("maxProperties", "minProperties", "required", "additionalProperties", "propertyNames", "oneOf"),
        "object",
    ),
}


def applies(keyword: str, types: tuple[str, ...]) -> bool:
    """Whether a keyword can refuse a value at a place of these types (any type when none are stated)."""
    target = "object" if keyword in rules.RULES else _APPLIES_TO.get(keyword)
    if not types or target is None:
        return True
    return bool({target, "integer"} & set(types)) if target == "number" else target in types


def comparator(keyword: str, facet: str | None = None) -> tuple[str, Comparator]:
    """The keyword as a message names it, and its comparator (``propertyNames`` by the facet it limits)."""
    if keyword == "propertyNames" and facet is not None:
        return f"propertyNames.{facet}", KEYWORDS[facet]
    if keyword in rules.RULES:
        return RULES_KEYWORD, RULE
    return keyword, KEYWORDS.get(keyword, Stated())
