"""What a profile changes in the mock, read from its contract: the shape objects are served in, and how runs end.

The mock keeps one store and one lifecycle for every profile. Its objects carry the fields of every
profile it serves (a message has ``attachments`` and ``file_ids``, a thread ``tool_resources``), and
each answer keeps of an object exactly the properties its profile's component declares: a v1 thread
is served without ``tool_resources``, a v2 message without ``file_ids``. Which fields a profile has is
its contract's fact, stated once in its spec, never here.
"""

from __future__ import annotations

from typing import Any

from threadspec import facts
from threadspec._contract import Contract

_LIST = "list"  # every list response has this `object`: its items are shaped, the list itself is shared


def _fields_by_object(contract: Contract) -> dict[str, frozenset[str]]:
    """The properties each kind of object has, by its ``object`` (``thread`` → id, object, created_at …)."""
    found: dict[str, frozenset[str]] = {}
    for name in contract.schema_names():
        properties = contract.shared_schema(name).get("properties")
        if not isinstance(properties, dict):
            continue
        kind = properties.get("object", {}).get("const")
        if isinstance(kind, str) and kind != _LIST:
            found[kind] = frozenset(properties)
    return found


class Profile:
    """One profile as the mock serves it; :meth:`of` hands out one per contract."""

    def __init__(self, contract: Contract) -> None:
        if contract.profile is None:
            raise ValueError("the mock serves bundled profiles only")
        self.contract = contract
        self.name: str = contract.profile
        self.active = facts.active_run_statuses(contract)
        self.capped_status = facts.capped_run_status(contract)
        self._fields = _fields_by_object(contract)

    @classmethod
    def of(cls, contract: Contract) -> Profile:
        return contract.memo("mock.profile", lambda: cls(contract))

    def shape(self, value: Any) -> Any:
        """``value`` as this profile serves it: each object (alone, or the items of a list) with the
        properties its component declares, and nothing else."""
        if not isinstance(value, dict):
            return value
        kind = value.get("object")
        if kind == _LIST and isinstance(value.get("data"), list):
            return {**value, "data": [self.shape(item) for item in value["data"]]}
        fields = self._fields.get(kind) if isinstance(kind, str) else None
        extra = () if fields is None else value.keys() - fields
        if not extra:  # served as it is: what it holds is all this profile's
            return value
        # a copy without the other profiles' fields, the rest in their order (a third faster than
        # rebuilding it key by key)
        shaped = dict(value)
        for key in extra:
            del shaped[key]
        return shaped

    def max_items(self, component: str, name: str) -> int | None:
        """The ``maxItems`` of an array property of a component (v1: an assistant's 20 files)."""
        node = self.contract.shared_schema(component).get("properties", {}).get(name, {})
        limit = node.get("maxItems") if isinstance(node, dict) else None
        return limit if isinstance(limit, int) else None
