"""Where in the contract a problem is: the component that states a rule and the place inside it.

One rule broken in many responses is one root cause only when it is found at the same place of the
contract, not at the same place of a payload: ``MessageObject.created_at`` is the same whether the
message came alone, in a list or in a stream event. The place comes from the constraint inventory,
whose pointers say which component states each keyword.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from threadspec import constraints
from threadspec._contract import Contract
from threadspec.constraints import Constraint, Segment

_BRANCHES = ("anyOf", "oneOf", "allOf")


@dataclass(frozen=True, slots=True)
class Place:
    """``component`` states the rule at ``subject`` (a ``param``-style path inside it; empty: the
    component itself); ``name`` is what a title calls the constrained value (``metadata``)."""

    component: str
    subject: str
    name: str

    @property
    def key(self) -> str:
        """The place as a root cause's key names it: the same property of the same name is one place
        (``temperature`` of runs and of thread-and-runs), a component's own rules are the component's."""
        if not self.subject or self.subject.startswith("*"):  # a map's values are the component's
            return f"{self.component}.{self.subject}" if self.subject else self.component
        return self.subject

    @property
    def label(self) -> str:
        """``ThreadObject.created_at``; for a component's own rule, the value and the component:
        ``status (RunStatus)``."""
        if self.subject:
            return f"{self.component}.{self.subject}"
        return f"{self.name} ({self.component})" if self.name != self.component else self.component


def _unescape(segment: str) -> str:
    return segment.replace("~1", "/").replace("~0", "~")


def _template(segments: Sequence[str]) -> str:
    """The ``param`` form of the structural part of a schema pointer (up to the keyword)."""
    out, i = "", 0
    while i < len(segments):
        seg = segments[i]
        if seg == "properties" and i + 1 < len(segments):
            out += ("." if out else "") + segments[i + 1]
            i += 2
        elif seg == "items" and i + 1 < len(segments):
            out += "[*]"
            i += 1
        elif seg == "additionalProperties" and i + 1 < len(segments):
            out += ".*" if out else "*"
            i += 1
        elif seg in _BRANCHES and i + 1 < len(segments) and segments[i + 1].isdigit():
            i += 2
        else:
            break
    return out


# Property names that say little alone: a title names them with their parent (``content item type``).
_VAGUE = frozenset({"type", "name", "value", "text", "url", "detail", "static"})


def _named(hops: Sequence[Any], fallback: str) -> str:
    """What a title calls the value the hops lead to: ``metadata``, ``metadata value``, ``file_ids item``."""
    if not hops:
        return fallback
    last = hops[-1]
    parent = _named(hops[:-1], fallback) if len(hops) > 1 else fallback
    if last.kind == "property":
        key = str(last.key)
        return f"{parent} {key}" if key in _VAGUE and len(hops) > 1 else key
    return f"{parent} {'value' if last.kind == 'value' else 'item'}"


def _leaf_name(c: Constraint, fallback: str) -> str:
    return _named([h for h in c.hops if h.kind != "branch"], fallback)


def of_constraint(c: Constraint, fallback_name: str = "a request body") -> Place:
    """The place that states ``c``; rules about one property (``required``) name the property."""
    segments = [_unescape(s) for s in c.pointer.split("/")[1:]]
    if segments[:1] == ["$defs"] and len(segments) > 1:
        component, rest = segments[1], segments[2:]
    else:
        component, rest = c.declared_in, segments
    subject = _template(rest)
    if c.keyword == "required":
        subject = f"{subject}.{c.limit}" if subject else str(c.limit)
    return Place(component, subject, _leaf_name(c, fallback_name))


def _matches(pattern: Sequence[Segment], path: Sequence[Segment]) -> bool:
    return len(pattern) == len(path) and all(p in ("*", str(s)) for p, s in zip(pattern, path, strict=True))


def _reported(c: Constraint) -> tuple[Segment, ...]:
    """The path pattern a breach of ``c`` is reported at."""
    return c.report_path(c.path, "*")


def _by_rule(contract: Contract, schema: str) -> dict[str, list[tuple[tuple[Segment, ...], Constraint]]]:
    return contract.memo(("contract.places.by_rule", schema), lambda: _index_by_rule(contract, schema))


def _index_by_rule(
    contract: Contract, schema: str
) -> dict[str, list[tuple[tuple[Segment, ...], Constraint]]]:
    index: dict[str, list[tuple[tuple[Segment, ...], Constraint]]] = {}
    for c in constraints.inventory(schema, contract=contract):
        index.setdefault(c.rule, []).append((_reported(c), c))
    return index


def path_of(pointer: str) -> tuple[str, ...]:
    return tuple(_unescape(s) for s in pointer.split("/")[1:]) if pointer else ()


def constraint_at(
    contract: Contract, schema: str, rule: str, path: Sequence[Segment], body: Any
) -> Constraint | None:
    """The constraint of ``schema`` a violation of ``rule`` reported at ``path`` in ``body`` breaks."""
    found = [c for pattern, c in _by_rule(contract, schema).get(rule, ()) if _matches(pattern, path)]
    if len(found) <= 1:
        return found[0] if found else None
    strip = 1 if rule in ("required", "additionalProperties") or any(c.is_rule for c in found) else 0
    node = tuple(path[: len(path) - strip])
    located = [c for c in found if any(tuple(map(str, p)) == tuple(map(str, node)) for p in c.locate(body))]
    return (located or found)[0]


def of_violation(
    contract: Contract, schema: str, rule: str, path: Sequence[Segment], body: Any
) -> tuple[Place, Constraint | None]:
    """The place a response violation is about (and its constraint); without one, the payload path."""
    c = constraint_at(contract, schema, rule, path, body)
    if c is not None:
        return of_constraint(c, "the response"), c
    normal = "".join("[*]" if str(s).isdigit() else f".{s}" for s in path).lstrip(".")
    return Place(schema, normal, str(path[-1]) if path else schema), None
