"""Grafting a boundary case onto a control request, so that it breaks (or sits at) one rule only.

A boundary case is built on the smallest valid parents: ``"assistant_id": ""``, a message with empty
content, tool outputs for no call. A server that looks the assistant up first would refuse such a
request for the wrong reason. The graft keeps the case's constrained node and puts the control's real
values (the configured assistant, the waiting run's tool call ids) everywhere else.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from threadspec.constraints import Constraint, Segment

# Rules about which properties an object has: at the constrained node the control fills in the others.
_PROPERTIES = frozenset({"required", "additionalProperties"})
# Rules any valid value meets equally: exactly at such a "limit", the control's own value is as good.
_SHAPES = frozenset({"type", "enum", "const", "pattern", "discriminator", "oneOf", *_PROPERTIES})


def graft(case: Any, control: Any, path: Sequence[Segment], constraint: Constraint, accepted: bool) -> Any:
    """A copy of ``case`` with ``control``'s values wherever ``constraint`` (at ``path``) does not look."""
    return _graft(copy.deepcopy(case), control, tuple(path), constraint, accepted)


def _at_node(node: Any, control: Any, c: Constraint, accepted: bool) -> Any:
    if (
        isinstance(node, dict)
        and isinstance(control, dict)
        and (c.keyword in _PROPERTIES or (accepted and c.keyword in _SHAPES))
    ):
        for key, value in control.items():
            if not (c.keyword == "required" and key == c.limit and not accepted):
                node[key] = copy.deepcopy(value)
        return node
    if accepted and c.keyword in _SHAPES and control is not None and type(control) is type(node):
        return copy.deepcopy(control)
    return node


def _graft(node: Any, control: Any, path: tuple[Segment, ...], c: Constraint, accepted: bool) -> Any:
    if not path:
        return _at_node(node, control, c, accepted)
    head, rest = path[0], path[1:]
    if isinstance(node, dict) and isinstance(control, dict):
        for key, value in control.items():
            if key != head:
                node[key] = copy.deepcopy(value)
        if head in node:
            node[head] = _graft(node[head], control.get(head), rest, c, accepted)
        return node
    if isinstance(node, list) and isinstance(head, int) and head < len(node):
        twin = None
        if isinstance(control, list) and control:
            twin = control[head] if head < len(control) else control[0]
        node[head] = _graft(node[head], twin, rest, c, accepted)
    return node
