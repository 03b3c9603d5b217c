"""A limit as the contract states it, for tests that exercise "the limit" rather than a figure.

A test that builds a body just past the metadata limit, or quotes the limit in an expected message, reads
the limit here, so raising it in ``spec/openapi.yaml`` and running ``make generate`` leaves it passing. Only
the fidelity tables (``tests/spec/test_limits.py`` and ``test_limits_v1.py``) write the documented figures
down, and they fail on purpose when a figure changes.
"""

from __future__ import annotations

from typing import Any

from threadspec import constraints, contract_for


def limit(schema: str, template: str, keyword: str, *, profile: str = "v2") -> Any:
    """The value of ``keyword`` at ``template`` (the API's ``param`` form) in a component of the contract.

    ``keyword`` is a constraint keyword (``maxProperties``), or ``propertyNames.maxLength`` for a key
    limit: ``limit("Metadata", "", "maxProperties")``, ``limit("CreateAssistantRequest", "tools",
    "maxItems")``. Raises ``LookupError`` unless the inventory holds exactly one such value.
    """
    name, _, facet = keyword.partition(".")
    found = [
        c.limit
        for c in constraints.inventory(schema, contract=contract_for(profile))
        if c.template == template and c.keyword == name and (not facet or c.facet == facet)
    ]
    distinct = [value for i, value in enumerate(found) if value not in found[:i]]
    if len(distinct) != 1:
        raise LookupError(
            f"{profile} {schema}: {len(distinct)} values of {keyword} at {template!r}: {distinct}"
        )
    return distinct[0]


def metadata_keys(*, profile: str = "v2") -> int:
    """How many keys a metadata map may hold: the shared ``Metadata`` component's ``maxProperties``.

    Read from the bundled schema itself, not through the inventory, so tests of the inventory can use it.
    """
    value: int = contract_for(profile).shared_schema("Metadata")["maxProperties"]
    return value


def too_many_metadata(*, profile: str = "v2") -> dict[str, str]:
    """A metadata map one key past the limit."""
    return {f"k{i}": "v" for i in range(metadata_keys(profile=profile) + 1)}
