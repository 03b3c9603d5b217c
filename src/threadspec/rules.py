"""The registry of checks JSON Schema validators do not all make alike: ``x-threadspec-rules`` and asserted formats.

A spec states a rule JSON Schema cannot express as ``x-threadspec-rules: [{rule: at_most_half_of,
property: chunk_overlap_tokens, of: max_chunk_size_tokens}]``, and a ``format`` JSON Schema 2020-12
leaves unchecked by default (``format: uri``). Each kind is implemented once, here, with everything
its users need: the check (the fast path's structs, the reference validator, and the generated
models, which call :func:`check_model`), the wording, and the boundary and repair that the payload
builders of :mod:`threadspec.strategies` use. A rule or format not registered here cannot be
loaded (:class:`threadspec.errors.UnknownRuleError`) or is, for a format, an annotation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from threadspec import messages
from threadspec._jsontype import is_integer
from threadspec.errors import UnknownRuleError

RULES_KEYWORD = "x-threadspec-rules"
Getter = Callable[[str], Any]  # a property's value by JSON name; None when absent
Bounds = Callable[[str], tuple[float | None, float | None]]  # a property's inclusive integer range
Pick = Callable[[int, int], int]  # an integer within inclusive bounds (drawn or first)

# msgspec reports a struct check's ValueError with this prefix: the localized walk recognises it as a
# failure found after every field passed
FAILURE_PREFIX = "threadspec rule: "


@dataclass(frozen=True, slots=True)
class RuleBreach:
    rule: str
    property: str  # where the breach is reported
    value: Any
    limit: Any

    def describe(self) -> str:
        return f"{FAILURE_PREFIX}{self.rule}: {self.property} must be at most {self.limit}, got {self.value}"


class RuleKind(Protocol):
    """One kind of ``x-threadspec-rules`` entry: everything the validators, models and builders need."""

    name: str

    def reported_at(self, rule: Mapping[str, Any]) -> str:
        """The property a breach is reported at."""

    def breach(self, rule: Mapping[str, Any], get: Getter) -> RuleBreach | None:
        """The breach of the object seen through ``get``, or ``None``."""

    def word(self, breach: RuleBreach, param: str | None) -> tuple[str, str]:
        """The API's message and code for a breach reported at ``param``."""

    def repair(self, obj: dict[str, Any], rule: Mapping[str, Any]) -> None:
        """Make ``obj`` keep the rule, in place."""

    def at_limit(
        self, rule: Mapping[str, Any], bounds: Bounds, pick: Pick, valid: bool, step: int
    ) -> dict[str, Any]:
        """Property values exactly at the limit (``valid``) or ``step`` past it."""


class AtMostHalfOf:
    """``property`` at most half of ``of`` (a chunk overlap at most half the chunk size)."""

    name = "at_most_half_of"

    def reported_at(self, rule: Mapping[str, Any]) -> str:
        return str(rule["property"])

    def breach(self, rule: Mapping[str, Any], get: Getter) -> RuleBreach | None:
        left, right = get(rule["property"]), get(rule["of"])
        if is_integer(left) and is_integer(right) and left * 2 > right:
            return RuleBreach(self.name, rule["property"], left, right // 2)
        return None

    def word(self, breach: RuleBreach, param: str | None) -> tuple[str, str]:
        return messages.number_bound(param, breach.limit, breach.value, above=True, integer=True)

    def repair(self, obj: dict[str, Any], rule: Mapping[str, Any]) -> None:
        """Make ``obj`` keep the rule, in place, changing as little as it can."""
        part, whole = obj.get(rule["property"]), obj.get(rule["of"])
        if is_integer(part) and is_integer(whole) and whole >= 0 and part * 2 > whole:
            obj[rule["property"]] = part % (whole // 2 + 1)

    def at_limit(
        self, rule: Mapping[str, Any], bounds: Bounds, pick: Pick, valid: bool, step: int
    ) -> dict[str, Any]:
        """Property values exactly at the limit (``valid``) or ``step`` past it."""
        low, high = bounds(rule["of"])
        start = int(low or 0)
        total = pick(start, int(high) if high is not None else start + 10_000)
        return {rule["of"]: total, rule["property"]: total // 2 + (0 if valid else step)}


RULES: dict[str, RuleKind] = {kind.name: kind for kind in (AtMostHalfOf(),)}


def rule_for(rule: Mapping[str, Any]) -> RuleKind:
    """The implementation of one ``x-threadspec-rules`` entry; :class:`UnknownRuleError` for a rule not here."""
    found = RULES.get(str(rule.get("rule"))) if isinstance(rule, Mapping) else None
    if found is None:
        raise UnknownRuleError("x-threadspec-rules", f"unknown entry {rule!r}; known rules: {sorted(RULES)}")
    return found


def properties_read(rule: Mapping[str, Any]) -> frozenset[str]:
    """The properties a rule's check reads: an entry names them in its parameters (all but ``rule``)."""
    return frozenset(value for key, value in rule.items() if key != "rule" and isinstance(value, str))


def breaches(rules: Sequence[Mapping[str, Any]], get: Getter) -> Iterator[RuleBreach]:
    """Every rule the object (seen through ``get``) breaks; absent properties break nothing."""
    for rule in rules:
        found = rule_for(rule).breach(rule, get)
        if found is not None:
            yield found


# ---------------------------------------------------------------------------------- formats
@dataclass(frozen=True, slots=True)
class Format:
    """A ``format`` threadspec asserts: one regular expression, so every engine judges it alike."""

    name: str
    pattern: str  # a Python regular expression, anchored; msgspec takes it as a ``pattern``
    example: str  # a value that has the format
    near_misses: tuple[str, ...]  # values that look close and do not
    word: Callable[[str | None], tuple[str, str]]

    def check(self, value: str) -> bool:
        return _compiled(self.pattern).search(value) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _uri_pattern() -> str:
    """RFC 3986 ``URI`` (appendix A) as one anchored regular expression, built for speed.

    Every ``*( a / pct-encoded )`` is unrolled into ``[a]*+(?:%XX[a]*+)*+`` with possessive quantifiers, so
    a URL costs about half a microsecond, not the eight of the ABNF transcribed term by term (as
    rfc3986-validator writes it, which the tests hold this expression equal to). An IPv4 host is a
    reg-name too, so ``host`` is an IP literal or a reg-name.
    """
    pct = "%[0-9A-Fa-f]{2}"
    unreserved_sub = r"A-Za-z0-9\-._~!$&'()*+,;="

    def star(chars: str) -> str:  # *( [chars] / pct-encoded )
        return f"[{chars}]*+(?:{pct}[{chars}]*+)*+"

    pchar = unreserved_sub + ":@"
    segment = star(pchar)
    segment_nz = f"(?:[{pchar}]|{pct}){segment}"
    h16 = "[0-9A-Fa-f]{1,4}"
    octet = "(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)"
    ls32 = rf"(?:{h16}:{h16}|(?:{octet}\.){{3}}{octet})"
    ipv6 = "|".join(
        (
            f"(?:{h16}:){{6}}{ls32}",
            f"::(?:{h16}:){{5}}{ls32}",
            f"(?:{h16})?::(?:{h16}:){{4}}{ls32}",
            f"(?:(?:{h16}:){{0,1}}{h16})?::(?:{h16}:){{3}}{ls32}",
            f"(?:(?:{h16}:){{0,2}}{h16})?::(?:{h16}:){{2}}{ls32}",
            f"(?:(?:{h16}:){{0,3}}{h16})?::{h16}:{ls32}",
            f"(?:(?:{h16}:){{0,4}}{h16})?::{ls32}",
            f"(?:(?:{h16}:){{0,5}}{h16})?::{h16}",
            f"(?:(?:{h16}:){{0,6}}{h16})?::",
        )
    )
    ip_literal = rf"\[(?:{ipv6}|v[0-9A-Fa-f]+\.[{unreserved_sub}:]+)\]"
    authority = rf"(?:{star(unreserved_sub + ':')}@)?(?:{ip_literal}|{star(unreserved_sub)})(?::[0-9]*+)?"
    hier_part = (
        f"//{authority}(?:/{segment})*+|/(?:{segment_nz}(?:/{segment})*+)?|{segment_nz}(?:/{segment})*+|"
    )
    query = star(pchar + "/?")
    # first, the shape most URLs sent have (http(s), a plain host, a plain path): a subset of the
    # grammar, matched in a third less time; anything else goes on to the whole grammar
    common = r"https?://[A-Za-z0-9\-.]++(?:/[A-Za-z0-9\-._~]*+)*+"
    return rf"^(?:{common}|[A-Za-z][A-Za-z0-9+.\-]*+:(?:{hier_part})(?:\?{query})?(?:#{query})?)\Z"


FORMATS: dict[str, Format] = {
    "uri": Format(
        "uri",
        _uri_pattern(),
        "https://example.com/image.png",
        (
            "example.com/image.png",
            "https://example.com/an image.png",
            "/image.png",
            "https://example.com/\n",
            "",
        ),
        messages.invalid_url,
    ),
}


def format_failure(name: str, prop: str) -> str:
    return f"{FAILURE_PREFIX}format: {prop} is not a {name}"


# ---------------------------------------------------------------------------------- models
def _attributes(cls: type) -> dict[str, str]:
    """JSON name → attribute name for a generated model class (``schema`` → ``schema_``)."""
    fields: Mapping[str, Any] = getattr(cls, "model_fields", {})
    return {(getattr(info, "alias", None) or attr): attr for attr, info in fields.items()}


def check_model(
    model: Any, rules: Sequence[Mapping[str, Any]] = (), formats: Mapping[str, str] | None = None
) -> Any:
    """What generated models call after validation: raise ``ValueError`` at the first rule or format broken."""
    attrs = _attributes(type(model))

    def get(name: str) -> Any:
        return getattr(model, attrs.get(name, name), None)

    for breach in breaches(rules, get):
        raise ValueError(breach.describe())
    for prop, name in (formats or {}).items():
        value = get(prop)
        if isinstance(value, str) and name in FORMATS and not FORMATS[name].check(value):
            raise ValueError(format_failure(name, prop))
    return model
