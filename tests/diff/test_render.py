"""Text and Markdown read as a migration guide: by verdict, then by where to act, with counts."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from tests.diff.test_changes import BASE, DOCUMENT, FIXTURE
from threadspec import Contract
from threadspec.diff import SpecDiff, compare, render
from threadspec.diff.render import MAX_LISTED_NAMES

EXTRA = MAX_LISTED_NAMES + 2  # components added: more than a summary line names


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> SpecDiff:
    """One change of each group: the API version, an operation removed, one operation's body, a component
    on both sides, a response-only component, component names."""
    new: dict[str, Any] = copy.deepcopy(DOCUMENT)
    new["components"]["parameters"]["OpenAIBeta"]["schema"]["const"] = "assistants=v3"
    del new["paths"]["/things/{thing_id}"]["get"]
    new["paths"]["/things/{thing_id}"]["post"]["requestBody"]["required"] = True
    new["components"]["schemas"]["Metadata"]["maxProperties"] = 20
    new["components"]["schemas"]["ThingObject"]["properties"]["status"]["enum"].append("deleted")
    for index in range(EXTRA):
        new["components"]["schemas"][f"Extra{index}"] = {"type": "string"}
    path = tmp_path_factory.mktemp("render") / "new.json"
    path.write_text(json.dumps(new))
    return compare(BASE, Contract.load(path))


def test_text(found: SpecDiff) -> None:
    new = found.new.label
    assert render.text(found).splitlines() == [
        f"threadspec diff: {FIXTURE} → {new}",
        f"  old  {FIXTURE}: OpenAI-Beta assistants=v2, 4 operations, 13 schemas",
        f"  new  {new}: OpenAI-Beta assistants=v3, 3 operations, {13 + EXTRA} schemas",
        f"{5 + EXTRA} changes: 3 breaking for clients, 2 breaking for servers / response consumers, {EXTRA} compatible "
        f"({EXTRA} of them component names)",
        "",
        "Breaking for clients (3)",
        "  API",
        "    OpenAI-Beta: assistants=v2 → assistants=v3 (request changed: breaking for clients)",
        "  Operations",
        "    getThing: operation removed (GET /things/{thing_id}) (breaking for clients)",
        "  modifyThing  POST /things/{thing_id}",
        "    modifyThing: request body optional → required (request tightened: breaking for clients)",
        "",
        "Breaking for servers / response consumers (2)",
        "  Metadata  (requests: createThing, modifyThing; responses: listThings, createThing, modifyThing)",
        "    Metadata: maxProperties 16 → 20 (request loosened: compatible for clients; response widened: breaking "
        "for response consumers)",
        "  ThingObject  (responses: listThings, createThing, modifyThing)",
        '    ThingObject.status: enum values added: "deleted" (response widened: breaking for response consumers)',
        "",
        f"Compatible ({EXTRA})",
        "  Component names",
        f"    {EXTRA} schemas added: {', '.join(f'Extra{i}' for i in range(MAX_LISTED_NAMES))} and 2 more "
        "(compatible: a name only, not on the wire)",
    ]


def test_markdown(found: SpecDiff) -> None:
    lines = render.markdown(found).splitlines()
    assert lines[:5] == [
        f"# threadspec diff: {FIXTURE} → {found.new.label}",
        "",
        "| | label | about |",
        "|---|---|---|",
        f"| old | `{FIXTURE}` | OpenAI-Beta assistants=v2, 4 operations, 13 schemas |",
    ]
    assert [line for line in lines if line.startswith("#")][1:] == [
        "## Breaking for clients (3)", "### API", "### Operations", "### modifyThing  POST /things/{thing_id}",
        "## Breaking for servers / response consumers (2)",
        "### Metadata  (requests: createThing, modifyThing; responses: listThings, createThing, modifyThing)",
        "### ThingObject  (responses: listThings, createThing, modifyThing)", f"## Compatible ({EXTRA})",
        "### Component names",
    ]  # fmt: skip
    assert (
        '- `ThingObject.status`: enum values added: "deleted" (response widened: breaking for response consumers)'
        in lines
    )


def test_json_round_trips_every_change(found: SpecDiff) -> None:
    data = json.loads(render.to_json(found))
    assert [c["message"] for c in data["changes"]] == [c.message for c in found.changes]
    assert data["counts"] == {
        "breaking-clients": 3,
        "breaking-servers": 2,
        "compatible": EXTRA,
        "total": 5 + EXTRA,
    }
    metadata = next(c for c in data["changes"] if c["schema"] == "Metadata")
    assert metadata["impacts"] == [
        {"side": "request", "direction": "loosened", "classification": "compatible"},
        {"side": "response", "direction": "loosened", "classification": "breaking-servers"},
    ]


def test_no_changes() -> None:
    same = compare(BASE, BASE)
    assert render.text(same).splitlines()[3] == "No changes."
    assert "**No changes.**" in render.markdown(same)
    assert json.loads(render.to_json(same))["changes"] == []
