"""The one $ref resolver and the one union-branch chooser, on small schemas whose answers are plain."""

from __future__ import annotations

from typing import Any

import pytest

from threadspec._branches import BranchChooser, tag_of
from threadspec._refs import Resolver, UnresolvableRefError

DEFS: dict[str, Any] = {
    "Code": {"type": "object", "properties": {"type": {"const": "code"}}, "required": ["type"]},
    "Search": {"type": "object", "properties": {"type": {"const": "search"}, "n": {"type": "integer"}},
               "required": ["type"]},
    "Tool": {"oneOf": [{"$ref": "#/$defs/Code"}, {"$ref": "#/$defs/Search"}]},
    "Loose": {"type": "object", "properties": {"type": {"const": "loose"}}},  # a const, but not required
    "Word": {"type": "string", "enum": ["auto", "none"]},
}  # fmt: skip
CHOICE = [{"$ref": "#/$defs/Word"}, {"$ref": "#/$defs/Tool"}, {"type": "null"}]
chooser = BranchChooser(Resolver(DEFS))


def test_a_pure_reference_is_its_definition_itself() -> None:
    resolver = Resolver(DEFS)
    assert resolver.resolve({"$ref": "#/$defs/Code", "description": "why"}) is DEFS["Code"]
    beside = {"$ref": "#/$defs/Word", "maxLength": 3}
    assert resolver.resolve(beside) is beside  # both apply: not one node
    assert resolver.merged(beside) == {**DEFS["Word"], "maxLength": 3}
    assert resolver.merged(beside) is resolver.merged(beside)
    assert (resolver.merged(True), resolver.merged(False)) == ({}, {"not": {}})
    assert Resolver.ref_name({"$ref": "#/$defs/Code"}) == "Code"
    for ref in ("#/$defs/Nope", "#/components/schemas/Code", "https://example.com/x.json"):
        with pytest.raises(UnresolvableRefError):
            resolver.target(ref)


@pytest.mark.parametrize(
    ("value", "candidates", "chosen"),
    [
        ("auto", [0], 0),
        (None, [2], 2),
        ({"type": "search", "n": 1}, [1], 1),
        ({"type": "browser"}, [], None),  # a tag no branch has rules every object branch out
        ({"n": 1}, [1], 1),  # a missing tag does not: its error is the missing tag, inside the branch
        (5, [], None),
    ],
)
def test_the_branch_a_value_is_meant_for(value: Any, candidates: list[int], chosen: int | None) -> None:
    assert chooser.candidates(value, CHOICE) == candidates
    assert chooser.choose(value, CHOICE) == chosen


def test_is_of_needs_the_tag_where_fits_does_not() -> None:
    assert chooser.fits({"n": 1}, {"$ref": "#/$defs/Search"})
    assert not chooser.is_of({"n": 1}, {"$ref": "#/$defs/Search"})
    assert chooser.is_of({"type": "search"}, {"$ref": "#/$defs/Tool"})


def test_types_and_tags_for_the_wording() -> None:
    assert chooser.listed_types(CHOICE) == ["string", "object", "object", "null"]
    assert chooser.node_types({"anyOf": CHOICE}) == ("null", "object", "string")
    assert chooser.tag_values(CHOICE, "type") == ["code", "search"]
    assert tag_of(DEFS["Search"]) == ("type", "search")
    assert tag_of(DEFS["Loose"]) is None
