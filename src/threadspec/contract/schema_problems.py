"""Schema violations of a response body as problems, grouped by the place of the contract they break.

The same property broken the same way in several objects (``metadata`` missing from threads, messages
and runs) is one root cause: the key is the rule, the place inside its component and the limit, and
the components are the finding's facets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from threadspec import facts
from threadspec._contract import Contract
from threadspec.constraints import Segment
from threadspec.contract import places, titles
from threadspec.contract.exchange import Exchange
from threadspec.contract.findings import Problem, Severity
from threadspec.contract.places import Place
from threadspec.result import Violation


def value_at(body: Any, path: Iterable[str]) -> Any:
    """The value at a pointer's path in ``body`` (``None`` when it is not there)."""
    node = body
    for seg in path:
        if isinstance(node, dict):
            node = node.get(seg)
        elif isinstance(node, list) and seg.isdigit() and int(seg) < len(node):
            node = node[int(seg)]
        else:
            return None
    return node


def severity_of(
    violation: Violation, place: Place, value: Any, is_rule: bool, contract: Contract
) -> Severity:
    """error unless the SDKs tolerate it (a required property they type optional: warning) or it is
    threadspec's own reading (an integral decimal for an integer, ``x-threadspec-rules``: strict)."""
    if is_rule:
        return Severity.STRICT
    integral = isinstance(value, float) and value.is_integer()
    if violation.rule == "type" and "integer" in _limits(violation.limit) and integral:
        return Severity.STRICT
    optional = facts.sdk_optional(facts.object_type_of(place.component, contract), str(violation.limit))
    if violation.rule == "required" and optional:
        return Severity.WARNING
    return Severity.ERROR


def _limits(limit: Any) -> list[Any]:
    return list(limit) if isinstance(limit, list | tuple) else [limit]


def violation_problems(
    contract: Contract,
    schema: str,
    violations: Iterable[Violation],
    body: Any,
    exchange: Exchange,
    *,
    claimed: set[str] | frozenset[str] = frozenset(),
    renamed: Mapping[str, list[str]] | None = None,
    base: tuple[Segment, ...] = (),
) -> list[Problem]:
    """One problem per violation not already explained by a detector (``claimed`` pointers), except
    that the required properties one object lacks are one problem: a serializer that leaves out a
    dozen fields is one defect, and one renamed field missing from every kind of object is another.

    ``base`` is where ``body`` sits in the whole response (``(3, "data")``: the data of a stream's
    fourth event): every pointer starts with it, and ``schema`` describes ``body`` itself.
    """
    found: list[Problem] = []
    missing: dict[str, list[tuple[Violation, Place]]] = {}
    for v in violations:
        if v.pointer in claimed:
            continue
        path = places.path_of(v.pointer)[len(base) :]
        place, constraint = places.of_violation(contract, schema, v.rule, path, body)
        if v.rule == "required":
            missing.setdefault(v.pointer.rsplit("/", 1)[0], []).append((v, place))
            continue
        value = value_at(body, path)
        severity = severity_of(v, place, value, constraint is not None and constraint.is_rule, contract)
        title = titles.response_rule(place.label, v.rule, v.limit, v.value or titles.shown(value))
        limit = json.dumps(v.limit, sort_keys=True, default=str)
        key = f"response:{v.rule}|{place.key}|{limit}"
        found.append(Problem(key, severity, title, place.component, exchange, (v.pointer,)))
    for parent, group in missing.items():
        found.append(_missing(parent, group, exchange, (renamed or {}).get(parent), contract))
    return found


def _missing(
    parent: str,
    group: list[tuple[Violation, Place]],
    exchange: Exchange,
    instead: list[str] | None,
    contract: Contract,
) -> Problem:
    names = sorted(str(v.limit) for v, _ in group)
    component = group[0][1].component
    severity = min((severity_of(v, p, None, False, contract) for v, p in group), key=lambda s: s.rank)
    title = titles.missing(component, names)
    if instead:
        title = titles.renamed(title, instead)
    covers = tuple(v.pointer for v, _ in group)
    return Problem(f"response:required|{','.join(names)}", severity, title, component, exchange, covers)
